import type { Pool, PoolClient } from 'pg';
import { MACRO_SOURCE, type MacroSeriesCounts } from '../../contracts';
import type { FredObservations } from '../../domain/macro';
import { ChecksumMismatchError } from './price-load';

export interface MacroLoadEntry {
  workflowId: string;
  runId: string;
  seriesId: string;
  rawKey: string;
  rawSha256: string;
  origin: string;
}

/**
 * Loads one FRED answer point in time, in one transaction with its ledger row:
 *
 * 1. Vintages FRED has closed since we stored them open get their `realtime_end` (only when it ends before the
 *    period asked for: an end equal to it may be FRED's clip, not a close). Values are never changed.
 * 2. A stored row of the same value whose range reaches the day before an answered vintage starts is extended to
 *    that vintage's end: FRED clips vintages to the period asked for, so daily runs over "today" see one vintage as
 *    a row a day, which is one row here, not a copy of the series a day.
 * 3. Every other answered vintage is inserted, unless the series as stored already says the same for that date on
 *    the vintage's first day (the same vintage seen again through a later real-time window): a new row is new
 *    information. A new row is a revision when the vintage before it, for that date, had another value.
 *
 * Loading the same answer again adds nothing; a retry of a committed load finds its ledger row and returns its counts.
 */
export async function loadMacroAnswer(
  pool: Pool,
  answer: FredObservations,
  entry: MacroLoadEntry,
): Promise<MacroSeriesCounts> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // Serialises loads of one series (two runs asking for it at once, or a retry racing a slow first attempt).
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`macro/${entry.seriesId}`]);
    const done = await ledgerCounts(client, entry);
    if (done) {
      await client.query('COMMIT');
      return done;
    }
    await upsertSeries(client, answer, entry);
    await stageAnswer(client, answer);
    const closedVintages = await closeVintages(client, entry.seriesId, answer.realtimeEnd);
    const extendedVintages = await extendVintages(client, entry.seriesId);
    const { newRows, revisions } = await insertNewVintages(client, entry);
    const counts: MacroSeriesCounts = {
      seriesId: entry.seriesId,
      observations: answer.observations.length,
      missing: answer.missing,
      newRows,
      revisions,
      closedVintages,
      extendedVintages,
    };
    await recordLoad(client, entry, counts);
    await client.query('COMMIT');
    return counts;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

async function upsertSeries(client: PoolClient, answer: FredObservations, entry: MacroLoadEntry): Promise<void> {
  await client.query(
    `INSERT INTO macro_series (series_id, units, source, last_workflow_id) VALUES ($1, $2, $3, $4)
     ON CONFLICT (series_id) DO UPDATE SET units = COALESCE(EXCLUDED.units, macro_series.units),
       last_workflow_id = EXCLUDED.last_workflow_id, last_loaded_at = now()`,
    [entry.seriesId, answer.units, MACRO_SOURCE, entry.workflowId],
  );
}

async function stageAnswer(client: PoolClient, answer: FredObservations): Promise<void> {
  await client.query(
    `CREATE TEMP TABLE macro_answer (date date, realtime_start date, realtime_end date, value numeric) ON COMMIT DROP`,
  );
  const rows = answer.observations;
  await client.query(
    `INSERT INTO macro_answer SELECT * FROM unnest($1::date[], $2::date[], $3::date[], $4::numeric[])`,
    [
      rows.map((o) => o.date),
      rows.map((o) => o.realtimeStart),
      rows.map((o) => o.realtimeEnd),
      // As text, the shortest decimal of the parsed number: FRED's values (a few significant digits) come back as written.
      rows.map((o) => (o.value === null ? null : String(o.value))),
    ],
  );
}

async function closeVintages(client: PoolClient, seriesId: string, periodEnd: string | null): Promise<number> {
  const { rowCount } = await client.query(
    `UPDATE macro_observations m SET realtime_end = a.realtime_end
       FROM macro_answer a
      WHERE m.series_id = $1 AND m.date = a.date AND m.realtime_start = a.realtime_start
        AND a.realtime_end < m.realtime_end AND a.realtime_end < COALESCE($2::date, 'infinity'::date)`,
    [seriesId, periodEnd],
  );
  return rowCount ?? 0;
}

async function extendVintages(client: PoolClient, seriesId: string): Promise<number> {
  // The latest-starting stored row per answered vintage only: an older row of the same value stays as it was.
  const { rowCount } = await client.query(
    `UPDATE macro_observations m SET realtime_end = a.realtime_end
       FROM macro_answer a
      WHERE m.series_id = $1 AND m.date = a.date AND m.value IS NOT DISTINCT FROM a.value
        AND m.realtime_start < a.realtime_start AND m.realtime_end >= a.realtime_start - 1
        AND m.realtime_end < a.realtime_end
        AND NOT EXISTS (
          SELECT 1 FROM macro_observations later
           WHERE later.series_id = $1 AND later.date = a.date
             AND later.realtime_start > m.realtime_start AND later.realtime_start <= a.realtime_start)`,
    [seriesId],
  );
  return rowCount ?? 0;
}

async function insertNewVintages(
  client: PoolClient,
  e: MacroLoadEntry,
): Promise<{ newRows: number; revisions: number }> {
  // The outer SELECT reads the table as it was before the INSERT (one snapshot): "the vintage before" looks at the
  // stored rows and the answer's own earlier vintages, so a first load of two vintages counts the revision too.
  const { rows } = await client.query<{ new_rows: number; revisions: number }>(
    `WITH fresh AS (
       INSERT INTO macro_observations AS m (series_id, date, realtime_start, realtime_end, value, source, workflow_id,
         run_id, raw_sha256)
       SELECT $1, a.date, a.realtime_start, a.realtime_end, a.value, $2, $3, $4, $5
         FROM macro_answer a
        WHERE NOT EXISTS (
          SELECT 1 FROM macro_observations known
           WHERE known.series_id = $1 AND known.date = a.date
             AND known.realtime_start <= a.realtime_start AND known.realtime_end >= a.realtime_start
             AND known.value IS NOT DISTINCT FROM a.value)
       ON CONFLICT (series_id, date, realtime_start) DO NOTHING
       RETURNING date, realtime_start, value
     )
     SELECT count(*)::int AS new_rows,
            count(*) FILTER (WHERE before.found AND before.value IS DISTINCT FROM f.value)::int AS revisions
       FROM fresh f
       LEFT JOIN LATERAL (
         SELECT true AS found, v.value FROM (
           SELECT realtime_start, value FROM macro_observations WHERE series_id = $1 AND date = f.date
           UNION ALL
           SELECT realtime_start, value FROM macro_answer WHERE date = f.date
         ) v
         WHERE v.realtime_start < f.realtime_start
         ORDER BY v.realtime_start DESC LIMIT 1
       ) before ON true`,
    [e.seriesId, MACRO_SOURCE, e.workflowId, e.runId, e.rawSha256],
  );
  return { newRows: rows[0].new_rows, revisions: rows[0].revisions };
}

async function ledgerCounts(client: PoolClient, e: MacroLoadEntry): Promise<MacroSeriesCounts | null> {
  const { rows } = await client.query<MacroSeriesCounts & { rawSha256: string }>(
    `SELECT series_id AS "seriesId", observations, missing, new_rows AS "newRows", revisions,
            closed_vintages AS "closedVintages", extended_vintages AS "extendedVintages", raw_sha256 AS "rawSha256"
       FROM macro_loads WHERE workflow_id = $1 AND run_id = $2 AND series_id = $3`,
    [e.workflowId, e.runId, e.seriesId],
  );
  if (!rows.length) return null;
  const { rawSha256, ...counts } = rows[0];
  if (rawSha256 !== e.rawSha256) {
    throw new ChecksumMismatchError(`${e.seriesId} was already loaded by this run from another answer (${rawSha256})`);
  }
  return counts;
}

async function recordLoad(client: PoolClient, e: MacroLoadEntry, c: MacroSeriesCounts): Promise<void> {
  await client.query(
    `INSERT INTO macro_loads (workflow_id, run_id, series_id, raw_key, raw_sha256, origin, observations, missing,
       new_rows, revisions, closed_vintages, extended_vintages)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      e.workflowId,
      e.runId,
      e.seriesId,
      e.rawKey,
      e.rawSha256,
      e.origin,
      c.observations,
      c.missing,
      c.newRows,
      c.revisions,
      c.closedVintages,
      c.extendedVintages,
    ],
  );
}
