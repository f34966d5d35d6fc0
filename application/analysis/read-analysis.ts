/** Reading stored analyses the way the API serves them; the analysis worker warms the same cache entry. */
import type {
  AnalysisDocument,
  IndicatorLatestJson,
  IndicatorSeriesJson,
  StoredAnalysisDocument,
} from '../../contracts/analysis';
import type { JsonCache } from '../../infra/cache';
import type { Queryable } from '../../infra/repositories/analysis-bars';
import {
  readLatestAnalysis,
  readLatestAnalysisKey,
  type AnalysisResultRow,
  type StoredAnalysis,
} from '../../infra/repositories/analysis-results';
import { chartUrl, reportUrl } from './artifact-urls';
import { readBarsCached, type CacheStatus } from './read-bars';
import { withIndicatorSeries } from './series-of-stored';

export type AnalysisView = AnalysisDocument<IndicatorSeriesJson> | AnalysisDocument<IndicatorLatestJson>;

/** The default view of a symbol's latest analysis; overwritten each time the symbol is analysed. */
export const latestAnalysisKey = (symbol: string): string => `analysis:${symbol}:latest`;
export const ANALYSIS_CACHE_TTL_SECONDS = 60 * 60;

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

/** Null when the symbol has no analysis (on or before `asOf`). Only the default view is cached: it is small. */
export async function readAnalysis(
  deps: AnalysisReaderDeps,
  symbol: string,
  query: AnalysisQuery = {},
): Promise<{ view: AnalysisView | null; cache: CacheStatus }> {
  const cacheable = query.asOf === undefined && !query.series;
  const cached = cacheable ? await deps.cache.getJson<AnalysisView>(latestAnalysisKey(symbol)) : null;
  if (cached?.status === 'hit') return { view: cached.value, cache: 'hit' };
  const stored = await readLatestAnalysis(deps.db, symbol, query.asOf);
  const readBars = async (s: string, to?: string) => (await readBarsCached(deps, s, to)).value;
  const view =
    stored &&
    (query.series ? await withIndicatorSeries(readBars, stored, presentAnalysis(stored)) : presentAnalysis(stored));
  if (view && cached?.status === 'miss') {
    await deps.cache.setJson(latestAnalysisKey(symbol), view, ANALYSIS_CACHE_TTL_SECONDS);
  }
  return { view, cache: cached?.status ?? 'bypass' };
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
  return deps.cache.setJson(latestAnalysisKey(symbol), presentAnalysis(stored), ANALYSIS_CACHE_TTL_SECONDS);
}
