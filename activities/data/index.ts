import type { Pool } from 'pg';
import type { IngestPricesResult } from '../../contracts';
import {
  recordRunFinished,
  recordRunStarted,
  type RunFinished,
  type RunStarted,
} from '../../infra/repositories/runs-write';
import { loadFundamentalsBatch, type LoadFundamentalsBatchInput } from './fundamentals-load';
import { loadPriceBatch, type LoadDeps, type LoadPriceBatchInput } from './load-price-batch';

export type DataDeps = LoadDeps & { db: Pool };

/** Loads and bookkeeping: Postgres-bound work, hosted by the data worker. */
export function createDataActivities(deps: DataDeps) {
  return {
    loadPriceBatch: (input: LoadPriceBatchInput) => loadPriceBatch(deps, input),
    loadFundamentalsBatch: (input: LoadFundamentalsBatchInput) => loadFundamentalsBatch(deps, input),
    recordRunStarted: (run: RunStarted) => recordRunStarted(deps.db, run),
    recordRunFinished: (run: RunFinished & { result: IngestPricesResult }) => recordRunFinished(deps.db, run),
  };
}

export type DataActivities = ReturnType<typeof createDataActivities>;
