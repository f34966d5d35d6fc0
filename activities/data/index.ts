import type { Pool } from 'pg';
import {
  recordRunFinished,
  recordRunStarted,
  type RunFinished,
  type RunStarted,
} from '../../infra/repositories/runs-write';
import { loadFundamentalsBatch, type LoadFundamentalsBatchInput } from './fundamentals-load';
import { loadMacroSeries, type LoadMacroSeriesInput } from './macro-load';
import { lastFinishedRunAt } from '../../infra/repositories/last-run';
import { heartbeating } from '../heartbeat';
import type { DetectSuspectedActionsInput } from '../../contracts';
import { detectSuspectedActions } from './detect-suspected-actions';
import { loadPriceBatch, type LoadDeps, type LoadPriceBatchInput } from './load-price-batch';

export type DataDeps = LoadDeps & { db: Pool };

/** Loads and bookkeeping: Postgres-bound work, hosted by the data worker. */
export function createDataActivities(deps: DataDeps) {
  return {
    // A COPY and upsert of a large batch is one long statement: the timer heartbeats while it runs.
    loadPriceBatch: (input: LoadPriceBatchInput) =>
      heartbeating((_heartbeat, signal) => loadPriceBatch(deps, input, signal)),
    detectSuspectedActions: (input: DetectSuspectedActionsInput) =>
      heartbeating((heartbeat) => detectSuspectedActions(deps, input, heartbeat)),
    loadFundamentalsBatch: (input: LoadFundamentalsBatchInput) =>
      heartbeating((_heartbeat, signal) => loadFundamentalsBatch(deps, input, signal)),
    loadMacroSeries: (input: LoadMacroSeriesInput) =>
      heartbeating((_heartbeat, signal) => loadMacroSeries(deps, input, signal)),
    recordRunStarted: (run: RunStarted) => recordRunStarted(deps.db, run),
    recordRunFinished: (run: RunFinished) => recordRunFinished(deps.db, run),
    lastFinishedRunAt: (input: { runKind: string }) => lastFinishedRunAt(deps.db, input.runKind),
  };
}

export type DataActivities = ReturnType<typeof createDataActivities>;
