import type { Pool } from 'pg';
import {
  MAX_LISTED_SUSPECTED,
  type DetectSuspectedActionsInput,
  type SuspectedActionRef,
  type SuspectedActionsSummary,
} from '../../contracts';
import { detectSuspicions, type Suspicion } from '../../domain/corporate-actions';
import {
  readCloseSeries,
  readRecordedActions,
  replaceSuspected,
  symbolsLoadedByRun,
  type SuspectedRow,
} from '../../infra/repositories/corporate-actions';

export interface DetectDeps {
  db: Pool;
  /** Called after each chunk of symbols, so a long check tells Temporal it is alive. */
  progress?: (details: { symbolsChecked: number; symbolsTotal: number }) => void;
}

/** Symbols read and written per round trip: 100 full histories are about 250k closes. */
const CHUNK = 100;

/**
 * After a price run's loads: checks the whole bar series of every symbol the run loaded against the rules in
 * domain/corporate-actions, and stores what it suspects in corporate_actions (bars are never changed). Idempotent:
 * a retry or a rerun finds the same suspicions and leaves the same rows.
 */
export async function detectSuspectedActions(
  deps: DetectDeps,
  input: DetectSuspectedActionsInput,
): Promise<SuspectedActionsSummary> {
  const symbols = await symbolsLoadedByRun(deps.db, input);
  const summary: SuspectedActionsSummary = {
    symbolsChecked: 0,
    suspectedActions: 0,
    suspectedBadBars: 0,
    suspected: [],
  };
  for (let start = 0; start < symbols.length; start += CHUNK) {
    const chunk = symbols.slice(start, start + CHUNK);
    const [series, recorded] = await Promise.all([
      readCloseSeries(deps.db, chunk),
      readRecordedActions(deps.db, chunk),
    ]);
    const rows: SuspectedRow[] = [];
    for (const symbol of chunk) {
      for (const suspicion of detectSuspicions(series.get(symbol) ?? [], recorded.get(symbol) ?? [])) {
        rows.push(toRow(symbol, suspicion));
        count(summary, { symbol, date: suspicion.date, reason: suspicion.reason });
      }
    }
    await replaceSuspected(deps.db, chunk, rows, input.workflowId);
    summary.symbolsChecked += chunk.length;
    deps.progress?.({ symbolsChecked: summary.symbolsChecked, symbolsTotal: symbols.length });
  }
  return summary;
}

function count(summary: SuspectedActionsSummary, ref: SuspectedActionRef): void {
  if (ref.reason === 'suspected_corporate_action') summary.suspectedActions++;
  else summary.suspectedBadBars++;
  // Symbols come in order and each symbol's suspicions in date order, so the first entries are the list's head.
  if (summary.suspected.length < MAX_LISTED_SUSPECTED) summary.suspected.push(ref);
}

function toRow(symbol: string, s: Suspicion): SuspectedRow {
  const { reason, date, move, ...closes } = s;
  return {
    symbol,
    exDate: date,
    kind: reason === 'suspected_bad_bar' ? 'bad_bar' : 'unexplained_move',
    reason,
    ratio: 1 + move,
    evidence: { ...closes, move },
  };
}
