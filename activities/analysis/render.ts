import { log } from '@temporalio/activity';
import type { Pool } from 'pg';
import type { AnalysisDeps } from '.';
import type { ArtifactMode } from '../../contracts';
import { renderNoArtifacts, type RenderArtifacts } from '../../application/analysis';
import { deferredRenderer, objectStoreRenderer, type RenderTiming } from '../../application/report';
import type { ObjectStore } from '../../infra/s3';

/**
 * The renderer of one batch: charts and tearsheet to S3 when the worker has an object store (or only their keys,
 * for the API to render on first request, when the run asked for on-demand artifacts). Made per activity, so the
 * rejected rows it has counted live as long as the batch, and its timings are logged with the batch.
 */
export function batchRenderer(
  deps: Pick<AnalysisDeps, 'renderArtifacts' | 'observeRender'> & { db: Pool; s3?: ObjectStore },
  batchKey: string,
  mode: ArtifactMode = 'eager',
): { render: RenderArtifacts; done(): void } {
  if (deps.renderArtifacts) return { render: deps.renderArtifacts, done: () => undefined };
  const s3 = deps.s3;
  if (!s3) return { render: renderNoArtifacts, done: () => undefined };
  if (mode === 'on-demand') return { render: deferredRenderer, done: () => undefined };
  const total = { symbols: 0, renderMs: 0, storeMs: 0 };
  const render = objectStoreRenderer({
    db: deps.db,
    s3,
    observe: (timing: RenderTiming) => {
      total.symbols++;
      total.renderMs += timing.renderMs;
      total.storeMs += timing.storeMs;
      deps.observeRender?.(timing);
    },
  });
  return {
    render,
    done: () => {
      if (total.symbols === 0) return;
      log.info('rendered charts and tearsheets', {
        batchKey,
        symbols: total.symbols,
        renderMsPerSymbol: Math.round(total.renderMs / total.symbols),
        storeMsPerSymbol: Math.round(total.storeMs / total.symbols),
      });
    },
  };
}
