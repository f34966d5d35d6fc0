/** Reading stored analyses the way the API serves them; the analysis worker warms the same cache entry. */
import type {
  AnalysisDocument,
  IndicatorLatestJson,
  IndicatorSeriesJson,
  StoredAnalysisDocument,
} from '../../contracts/analysis';
import type { JsonCache, VersionedEntry } from '../../infra/cache';
import type { Queryable } from '../../infra/repositories/analysis-bars';
import {
  readLatestAnalysis,
  readLatestAnalysisKey,
  type AnalysisResultRow,
  type StoredAnalysis,
} from '../../infra/repositories/analysis-results';
import { chartUrl, reportUrl } from './artifact-urls';
import { readBarsCached } from './read-bars';
import { withIndicatorSeries } from './series-of-stored';

export type AnalysisView = AnalysisDocument<IndicatorSeriesJson> | AnalysisDocument<IndicatorLatestJson>;

export const ANALYSIS_CACHE_TTL_SECONDS = 60 * 60;

/** Moved on each time the symbol's analysis is warmed, after the result is committed. */
export const analysisVersionKey = (symbol: string): string => `analysis:${symbol}:version`;

/** The default view of a symbol's latest analysis, under the version the last analysis of it set. */
export const latestAnalysisKey = (symbol: string, version: number): string => `analysis:${symbol}:latest:v${version}`;

export const latestAnalysisEntry = (symbol: string): VersionedEntry => ({
  versionKey: analysisVersionKey(symbol),
  keyAt: (version) => latestAnalysisKey(symbol, version),
  ttlSeconds: ANALYSIS_CACHE_TTL_SECONDS,
});

export interface AnalysisReaderDeps {
  db: Queryable;
  cache: JsonCache;
}

export interface AnalysisQuery {
  /** The latest result on or before this date; the latest of all when absent. */
  asOf?: string;
  /** Full indicator series instead of their latest values. */
  series?: boolean;
}

/** The stored document (indicators as latest values) with the URLs of what has been rendered for it. */
export function presentAnalysis(
  stored: Pick<StoredAnalysis, 'symbol' | 'document' | 'chartKeys' | 'reportKey'>,
): StoredAnalysisDocument {
  return {
    ...stored.document,
    charts: Object.fromEntries(Object.keys(stored.chartKeys).map((name) => [name, chartUrl(stored.symbol, name)])),
    reportUrl: stored.reportKey ? reportUrl(stored.symbol) : null,
  };
}

/**
 * Null when the symbol has no analysis (on or before `asOf`). Straight from Postgres: the API caches the default view
 * (no `asOf`, no series) as the bytes it serves, under `latestAnalysisEntry`.
 */
export async function readAnalysis(
  deps: AnalysisReaderDeps,
  symbol: string,
  query: AnalysisQuery = {},
): Promise<AnalysisView | null> {
  const stored = await readLatestAnalysis(deps.db, symbol, query.asOf);
  if (!stored) return null;
  if (!query.series) return presentAnalysis(stored);
  const readBars = async (s: string, to?: string) => (await readBarsCached(deps, s, to)).value;
  return withIndicatorSeries(readBars, stored, presentAnalysis(stored));
}

/**
 * Puts the symbol's latest default view in the cache, so the first API read after a run is a hit. `just` is the
 * result just stored: when it is the latest (the usual case) its document is used as it is, not read back.
 */
export async function warmLatestAnalysis(
  deps: AnalysisReaderDeps,
  symbol: string,
  just?: AnalysisResultRow,
): Promise<boolean> {
  const key = just && (await readLatestAnalysisKey(deps.db, symbol));
  const isLatest =
    just &&
    key &&
    key.asOf === just.asOf &&
    key.benchmark === just.benchmark &&
    key.windowFrom === just.windowFrom &&
    key.windowTo === just.windowTo;
  const stored = isLatest ? just : await readLatestAnalysis(deps.db, symbol);
  if (!stored) return false;
  // A new version first, so no reader keeps the bytes of the version before in memory.
  const version = await deps.cache.nextVersion(analysisVersionKey(symbol));
  if (version === undefined) return false;
  return deps.cache.setJson(latestAnalysisKey(symbol, version), presentAnalysis(stored), ANALYSIS_CACHE_TTL_SECONDS);
}
