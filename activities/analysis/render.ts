import { log } from '@temporalio/activity';
import type { Pool } from 'pg';
import type { AnalysisDeps } from '.';
import { renderNoArtifacts, type RenderArtifacts } from '../../application/analysis';
import { createArtifactRenderer, createRejectedRowsCounter, type RenderTiming } from '../../application/report';
import { objectLines, putTextObject } from '../../infra/objects/text-objects';
import { rejectedObjectsOf } from '../../infra/repositories/rejected-batches';
import type { ObjectStore } from '../../infra/s3';

/**
 * The renderer of one batch: charts and tearsheet to S3 when the worker has an object store. Made per activity, so
 * the rejected rows it has counted live as long as the batch, and its timings are logged with the batch.
 */
export function batchRenderer(
  deps: Pick<AnalysisDeps, 'renderArtifacts' | 'observeRender'> & { db: Pool; s3?: ObjectStore },
  batchKey: string,
): { render: RenderArtifacts; done(): void } {
  if (deps.renderArtifacts) return { render: deps.renderArtifacts, done: () => undefined };
  const s3 = deps.s3;
  if (!s3) return { render: renderNoArtifacts, done: () => undefined };
  const total = { symbols: 0, renderMs: 0, storeMs: 0 };
  const render = createArtifactRenderer({
    store: { put: (key, body, contentType) => putTextObject(s3, key, body, contentType) },
    rejectedFor: createRejectedRowsCounter({
      rejectedObjects: (lineage) => rejectedObjectsOf(deps.db, lineage),
      readLines: (key) => objectLines(s3, key),
    }),
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
