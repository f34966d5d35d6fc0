import type { Pool } from 'pg';
import {
  MAX_LISTED_SUSPECTED,
  type DetectSuspectedActionsInput,
  type SuspectedActionRef,
  type SuspectedActionsSummary,
} from '../../contracts';
import {
  detectScreenedSuspicions,
  detectSuspicions,
  SCREEN_MOVE,
  SCREEN_NEIGHBOURS,
  type CloseBar,
  type NumberedCloseBar,
  type RecordedAction,
  type Suspicion,
} from '../../domain/corporate-actions';
import {
  readCloseSeries,
  readRecordedActions,
  readScreenedCloseSeries,
  replaceSuspected,
  symbolsLoadedByRun,
  type SuspectedRow,
} from '../../infra/repositories/corporate-actions';

export interface DetectDeps {
  db: Pool;
  /** Called after each chunk of symbols, so a long check tells Temporal it is alive. */
  progress?: (details: { symbolsChecked: number; symbolsTotal: number }) => void;
}

/** Symbols read and written per round trip: 100 histories are about 125k closes, screened in the database. */
const CHUNK = 100;
const READS_AHEAD = 2;

/**
 * After a price run's loads: checks the whole bar series of every symbol the run loaded against the rules in
 * domain/corporate-actions (screened in the database, so only bars near big moves are read), and stores what it
 * suspects in corporate_actions (bars are never changed). Idempotent: a retry or a rerun finds the same suspicions
 * and leaves the same rows.
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
  const chunks: string[][] = [];
  for (let start = 0; start < symbols.length; start += CHUNK) chunks.push(symbols.slice(start, start + CHUNK));
  // READS_AHEAD chunks are read at once: each screen is one query on one Postgres core, and nothing else runs
  // at this step of a run, so the other core would idle. Each is checked and written in order.
  const reads: Promise<ChunkRead>[] = [];
  const readAhead = (upTo: number) => {
    for (let c = reads.length; c < Math.min(upTo, chunks.length); c++) {
      const read = readChunk(deps.db, chunks[c]);
      // Awaited on a later turn of the loop; until then a failure must not count as unhandled.
      read.catch(() => undefined);
      reads.push(read);
    }
  };
  for (let c = 0; c < chunks.length; c++) {
    readAhead(c + READS_AHEAD);
    const chunk = chunks[c];
    const read = await reads[c];
    const rows: SuspectedRow[] = [];
    for (const symbol of chunk) {
      for (const suspicion of suspicionsOf(read, symbol)) {
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

interface ChunkRead {
  recorded: Map<string, RecordedAction[]>;
  /** Whole series of the symbols with recorded actions: their moves are judged after the actions. */
  whole: Map<string, CloseBar[]>;
  /** Screened series of the others (domain/corporate-actions/screen). */
  screened: Map<string, NumberedCloseBar[]>;
}

async function readChunk(db: Pool, chunk: string[]): Promise<ChunkRead> {
  const recorded = await readRecordedActions(db, chunk);
  const withActions = chunk.filter((symbol) => recorded.has(symbol));
  const without = chunk.filter((symbol) => !recorded.has(symbol));
  const [whole, screened] = await Promise.all([
    withActions.length > 0 ? readCloseSeries(db, withActions) : new Map<string, CloseBar[]>(),
    without.length > 0
      ? readScreenedCloseSeries(db, without, { move: SCREEN_MOVE, neighbours: SCREEN_NEIGHBOURS })
      : new Map<string, NumberedCloseBar[]>(),
  ]);
  return { recorded, whole, screened };
}

function suspicionsOf(read: ChunkRead, symbol: string): Suspicion[] {
  const recorded = read.recorded.get(symbol);
  return recorded
    ? detectSuspicions(read.whole.get(symbol) ?? [], recorded)
    : detectScreenedSuspicions(read.screened.get(symbol) ?? []);
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
