/** A stored chart or tearsheet of a symbol's latest analysis (or the latest as of a date), for the API to stream. */
import type { Readable } from 'node:stream';
import type { ChartName } from '../../domain/charts';
import type { StoredArtifactKeys } from '../../infra/repositories/analysis-artifacts';
import { HTML_CONTENT_TYPE, SVG_CONTENT_TYPE } from './artifact-keys';

export type ArtifactKind = { chart: ChartName } | 'report';

/** An object's bytes and the analysis run it was drawn for (absent on objects from before runs were named). */
export interface StoredArtifact {
  body: Readable;
  analysisRunId: string | undefined;
}

export interface ArtifactReaderDeps {
  latestKeys(symbol: string, asOf?: string): Promise<StoredArtifactKeys | null>;
  open(key: string): Promise<StoredArtifact | null>;
  /** Renders the artifacts of the analysis of `symbol` as of `asOf` into storage; false when there is none. */
  renderMissing?(symbol: string, asOf: string): Promise<boolean>;
}

export type ArtifactRead =
  { found: true; body: Readable; contentType: string; asOf: string } | { found: false; message: string };

const describe = (kind: ArtifactKind): string => (kind === 'report' ? 'tearsheet' : `${kind.chart} chart`);

export async function readArtifact(
  deps: ArtifactReaderDeps,
  symbol: string,
  kind: ArtifactKind,
  asOf?: string,
): Promise<ArtifactRead> {
  const keys = await deps.latestKeys(symbol, asOf);
  const when = asOf ? ` as of ${asOf} or earlier` : '';
  if (!keys) return { found: false, message: `no analysis of ${symbol}${when}; start one with POST /v1/runs/analysis` };
  const key = kind === 'report' ? keys.reportKey : (keys.chartKeys[kind.chart] ?? null);
  if (key === null) {
    return { found: false, message: `the analysis of ${symbol} as of ${keys.asOf} has no rendered ${describe(kind)}` };
  }
  let object = await deps.open(key);
  // Not rendered yet (an on-demand analysis), lost, or drawn for an earlier analysis of the same date: render it
  // now, once, and serve what was stored.
  if (object?.analysisRunId !== keys.analysisRunId && deps.renderMissing) {
    object?.body.destroy();
    object = (await deps.renderMissing(symbol, keys.asOf)) ? await deps.open(key) : null;
  }
  if (!object) {
    return { found: false, message: `the ${describe(kind)} of ${symbol} as of ${keys.asOf} is missing from storage` };
  }
  const contentType = kind === 'report' ? HTML_CONTENT_TYPE : SVG_CONTENT_TYPE;
  return { found: true, body: object.body, contentType, asOf: keys.asOf };
}
