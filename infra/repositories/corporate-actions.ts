import type { Pool } from 'pg';
import type { CorporateActionKind, CorporateActionStatus, RecordedActionRow, SuspicionReason } from '../../contracts';
import type { CloseBar, NumberedCloseBar, RecordedAction } from '../../domain/corporate-actions';

export interface RunRef {
  workflowId: string;
  runId: string;
}

/** Every symbol a batch of the run loaded (its ledger rows), whether or not the load changed a bar. */
export async function symbolsLoadedByRun(db: Pool, run: RunRef): Promise<string[]> {
  const { rows } = await db.query<{ symbol: string }>(
    `SELECT DISTINCT unnest(symbols) AS symbol FROM ingestion_batches WHERE workflow_id = $1 AND run_id = $2
     ORDER BY 1`,
    [run.workflowId, run.runId],
  );
  return rows.map((r) => r.symbol);
}

/** The closes of each symbol in date order (one index range scan per symbol). */
export async function readCloseSeries(db: Pool, symbols: string[]): Promise<Map<string, CloseBar[]>> {
  const { rows } = await db.query<{ symbol: string; date: string; close: number }>(
    `SELECT symbol, to_char(date, 'YYYY-MM-DD') AS date, close FROM price_bars WHERE symbol = ANY($1::text[])
     ORDER BY symbol, date`,
    [symbols],
  );
  return groupBySymbol(rows, ({ date, close }) => ({ date, close }));
}

/**
 * The screened closes of each symbol (domain/corporate-actions/screen): bars whose close moved at least `move`
 * from the one before, with `neighbours` bars on each side, each numbered by its place in the whole series. The
 * window functions run in the database, so only a few hundred of 600k bars come back.
 */
export async function readScreenedCloseSeries(
  db: Pool,
  symbols: string[],
  screen: { move: number; neighbours: number },
): Promise<Map<string, NumberedCloseBar[]>> {
  const neighbours = Math.trunc(screen.neighbours);
  const { rows } = await db.query<{ symbol: string; date: string; close: number; n: string }>(
    `SELECT symbol, to_char(date, 'YYYY-MM-DD') AS date, close, n
       FROM (SELECT symbol, date, close, n,
                    bool_or(candidate) OVER (PARTITION BY symbol ORDER BY date
                                             ROWS BETWEEN ${neighbours} PRECEDING AND ${neighbours} FOLLOWING) AS near
               FROM (SELECT symbol, date, close, row_number() OVER w AS n,
                            coalesce(abs(close / lag(close) OVER w - 1) >= $2, false) AS candidate
                       FROM price_bars WHERE symbol = ANY($1::text[])
                     WINDOW w AS (PARTITION BY symbol ORDER BY date)) moves) screened
      WHERE near
      ORDER BY symbol, date`,
    [symbols, screen.move],
  );
  return groupBySymbol(rows, ({ date, close, n }) => ({ date, close, n: Number(n) }));
}

export async function readRecordedActions(
  db: Pick<Pool, 'query'>,
  symbols: string[],
): Promise<Map<string, RecordedAction[]>> {
  const { rows } = await db.query<RecordedAction & { symbol: string }>(
    `SELECT symbol, to_char(ex_date, 'YYYY-MM-DD') AS "exDate", kind, ratio, cash_amount AS "cashAmount"
       FROM corporate_actions WHERE status = 'recorded' AND symbol = ANY($1::text[])
      ORDER BY symbol, ex_date`,
    [symbols],
  );
  return groupBySymbol(rows, ({ exDate, kind, ratio, cashAmount }) => ({ exDate, kind, ratio, cashAmount }));
}

export interface SuspectedRow {
  symbol: string;
  exDate: string;
  kind: Extract<CorporateActionKind, 'unexplained_move' | 'bad_bar'>;
  reason: SuspicionReason;
  ratio: number;
  evidence: object;
}

/**
 * Makes the suspected rows of `symbols` exactly `found`, in one transaction: new suspicions are added with this
 * run as their finder, ones still found keep their first_seen and finder, ones no longer found (a recorded action
 * now explains the move, the bar was corrected) are removed. Recorded actions are never touched.
 */
export async function replaceSuspected(
  db: Pool,
  symbols: string[],
  found: SuspectedRow[],
  detectedByRun: string,
): Promise<void> {
  const client = await db.connect();
  try {
    await client.query('BEGIN');
    await client.query(
      `DELETE FROM corporate_actions c
        WHERE c.status = 'suspected' AND c.symbol = ANY($1::text[])
          AND NOT EXISTS (SELECT 1 FROM jsonb_to_recordset($2::jsonb) AS f(symbol text, "exDate" date, kind text)
                           WHERE f.symbol = c.symbol AND f."exDate" = c.ex_date AND f.kind = c.kind)`,
      [symbols, JSON.stringify(found)],
    );
    await client.query(
      `INSERT INTO corporate_actions AS c (symbol, ex_date, kind, ratio, source, status, reason, evidence, detected_by_run)
       SELECT f.symbol, f."exDate", f.kind, f.ratio, 'detector', 'suspected', f.reason, f.evidence, $2
         FROM jsonb_to_recordset($1::jsonb) AS f(symbol text, "exDate" date, kind text, ratio float8, reason text,
                                                  evidence jsonb)
       ON CONFLICT (symbol, ex_date, kind) DO UPDATE
         SET ratio = EXCLUDED.ratio, reason = EXCLUDED.reason, evidence = EXCLUDED.evidence
         WHERE c.status = 'suspected'
           AND (c.ratio, c.reason, c.evidence) IS DISTINCT FROM (EXCLUDED.ratio, EXCLUDED.reason, EXCLUDED.evidence)`,
      [JSON.stringify(found), detectedByRun],
    );
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

export interface StoredAction {
  exDate: string;
  kind: CorporateActionKind;
  status: CorporateActionStatus;
  ratio: number | null;
  cashAmount: number | null;
  source: string;
  reason: SuspicionReason | null;
  evidence: Record<string, string | number> | null;
  firstSeen: string;
  detectedByRun: string | null;
}

/** Recorded and suspected actions of one symbol, oldest first. */
export async function listActions(db: Pool, symbol: string): Promise<StoredAction[]> {
  const { rows } = await db.query<StoredAction>(
    `SELECT to_char(ex_date, 'YYYY-MM-DD') AS "exDate", kind, status, ratio, cash_amount AS "cashAmount", source,
            reason, evidence, to_char(first_seen AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "firstSeen",
            detected_by_run AS "detectedByRun"
       FROM corporate_actions WHERE symbol = $1
      ORDER BY ex_date, kind`,
    [symbol],
  );
  return rows;
}

function groupBySymbol<R extends { symbol: string }, T>(rows: R[], pick: (row: R) => T): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  for (const row of rows) {
    let list = grouped.get(row.symbol);
    if (!list) grouped.set(row.symbol, (list = []));
    list.push(pick(row));
  }
  return grouped;
}

/**
 * Records a provider's splits and dividends, idempotently: a retried or repeated run changes nothing, and a
 * provider's corrected amount replaces the old one while `first_seen` and the run that first recorded it stay.
 */
export async function recordProviderActions(
  db: Pick<Pool, 'query'>,
  actions: readonly RecordedActionRow[],
  source: string,
  detectedByRun: string,
): Promise<number> {
  if (actions.length === 0) return 0;
  const { rowCount } = await db.query(
    `INSERT INTO corporate_actions (symbol, ex_date, kind, ratio, cash_amount, source, status, detected_by_run)
     SELECT a.symbol, a.ex_date::date, a.kind, a.ratio, a.cash_amount, $2, 'recorded', $3
       FROM jsonb_to_recordset($1::jsonb)
            AS a(symbol text, ex_date text, kind text, ratio double precision, cash_amount double precision)
     ON CONFLICT (symbol, ex_date, kind) DO UPDATE
        SET ratio = EXCLUDED.ratio, cash_amount = EXCLUDED.cash_amount, source = EXCLUDED.source
      WHERE (corporate_actions.ratio, corporate_actions.cash_amount, corporate_actions.source)
            IS DISTINCT FROM (EXCLUDED.ratio, EXCLUDED.cash_amount, EXCLUDED.source)`,
    [
      JSON.stringify(
        // One row per (symbol, ex_date, kind): ON CONFLICT cannot touch the same row twice in one statement.
        [...new Map(actions.map((a) => [`${a.symbol}|${a.exDate}|${a.kind}`, a])).values()].map((a) => ({
          symbol: a.symbol,
          ex_date: a.exDate,
          kind: a.kind,
          ratio: a.ratio,
          cash_amount: a.cashAmount,
        })),
      ),
      source,
      detectedByRun,
    ],
  );
  return rowCount ?? 0;
}
