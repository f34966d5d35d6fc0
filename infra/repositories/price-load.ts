import type { Readable } from 'node:stream';
import type { Pool, PoolClient } from 'pg';
import { copyVerified } from './copy-verified';
import { STAGED_COLUMNS } from '../../domain/prices';
import type { LoadCounts } from '../../contracts';
import { mergeStagedPrices } from './price-merge';

export interface BatchLedgerEntry {
  workflowId: string;
  runId: string;
  batchKey: string;
  source: string;
  symbols: string[];
  rawObjects: unknown;
  stagedKey: string;
  stagedSha256: string;
  rejectedKey: string | null;
  rowsRead: number;
  rowsLoaded: number;
  rowsRejected: number;
  rowsFiltered: number;
  /**
   * `auto` runs: the provider each symbol's rows came from, recorded as those rows' `source`; a symbol not listed
   * (every symbol of a single-provider run) gets the batch's `source`.
   */
  rowSources?: { symbol: string; source: string }[];
}

export class ChecksumMismatchError extends Error {}

const COLUMNS = STAGED_COLUMNS.join(', ');

/**
 * Loads one staged batch idempotently: COPY into a temporary table, a merge that inserts new rows and rewrites only
 * rows whose values differ (price-merge.ts), and the ledger row, all in one transaction. A retry after a crash finds the ledger row of its
 * own run and returns it without loading again; a new run of the same request changes only what changed.
 *
 * When `signal` aborts (the activity was cancelled), the staged stream and the COPY are destroyed where they are
 * (the COPY fails on the server), the transaction is rolled back, and the load rejects with the signal's reason.
 */
export async function loadStagedPrices(
  pool: Pool,
  staged: Readable,
  entry: BatchLedgerEntry,
  signal?: AbortSignal,
): Promise<LoadCounts> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // Serialises concurrent attempts of the same batch (a retry racing a slow first attempt).
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
      `${entry.workflowId}/${entry.runId}/${entry.batchKey}`,
    ]);
    const done = await ledgerCounts(client, entry);
    if (done) {
      await client.query('COMMIT');
      return done;
    }
    // `source` is not staged: null means the batch's source, set per symbol below when providers differ.
    await client.query(
      `CREATE TEMP TABLE price_bars_staging (symbol text COLLATE "C", date date, open float8, high float8, low float8,
         close float8, adj_close float8, volume bigint, flags text[], source text) ON COMMIT DROP`,
    );
    const sha256 = await copyVerified(
      client,
      staged,
      `COPY price_bars_staging (${COLUMNS}) FROM STDIN WITH (FORMAT csv)`,
      signal,
    );
    if (sha256 !== entry.stagedSha256) {
      throw new ChecksumMismatchError(
        `staged object ${entry.stagedKey} has sha256 ${sha256}, expected ${entry.stagedSha256}`,
      );
    }
    if (entry.rowSources?.length) await setRowSources(client, entry.rowSources);
    const counts = await upsert(client, entry);
    await recordBatch(client, entry, counts);
    // A load cancelled while its merge ran leaves nothing behind either.
    signal?.throwIfAborted();
    await client.query('COMMIT');
    return counts;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw signal?.aborted ? signal.reason : err;
  } finally {
    client.release();
  }
}

async function setRowSources(client: PoolClient, rowSources: { symbol: string; source: string }[]): Promise<void> {
  await client.query(
    `UPDATE price_bars_staging s SET source = m.source
       FROM unnest($1::text[], $2::text[]) AS m(symbol, source) WHERE s.symbol = m.symbol`,
    [rowSources.map((r) => r.symbol), rowSources.map((r) => r.source)],
  );
}

async function upsert(client: PoolClient, entry: BatchLedgerEntry): Promise<LoadCounts> {
  const { inserted, updated, changed } = await mergeStagedPrices(client, entry);
  return {
    rowsInserted: inserted,
    rowsUpdated: updated,
    rowsUnchanged: entry.rowsLoaded - inserted - updated,
    changedSymbols: changed,
  };
}

async function ledgerCounts(client: PoolClient, entry: BatchLedgerEntry): Promise<LoadCounts | null> {
  const { rows } = await client.query<LoadCounts & { stagedSha256: string }>(
    `SELECT rows_inserted AS "rowsInserted", rows_updated AS "rowsUpdated", rows_unchanged AS "rowsUnchanged",
            staged_sha256 AS "stagedSha256"
     FROM ingestion_batches WHERE workflow_id = $1 AND run_id = $2 AND batch_key = $3`,
    [entry.workflowId, entry.runId, entry.batchKey],
  );
  if (!rows.length) return null;
  const { stagedSha256, ...counts } = rows[0];
  // The ledger keeps counts, not which symbols changed: a batch that changed rows reports all its symbols (a
  // retried load may over-report; analysing a symbol again is harmless, missing one is not).
  counts.changedSymbols = counts.rowsInserted + counts.rowsUpdated > 0 ? [...entry.symbols].sort() : [];
  if (stagedSha256 !== entry.stagedSha256) {
    throw new ChecksumMismatchError(
      `batch ${entry.batchKey} was already loaded from different staged data (${stagedSha256})`,
    );
  }
  return counts;
}

async function recordBatch(client: PoolClient, e: BatchLedgerEntry, c: LoadCounts): Promise<void> {
  await client.query(
    `INSERT INTO ingestion_batches (workflow_id, run_id, batch_key, source, symbols, raw_objects, staged_key,
       staged_sha256, rejected_key, rows_read, rows_loaded, rows_rejected, rows_filtered, rows_inserted, rows_updated,
       rows_unchanged)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
    [
      e.workflowId,
      e.runId,
      e.batchKey,
      e.source,
      e.symbols,
      JSON.stringify(e.rawObjects),
      e.stagedKey,
      e.stagedSha256,
      e.rejectedKey,
      e.rowsRead,
      e.rowsLoaded,
      e.rowsRejected,
      e.rowsFiltered,
      c.rowsInserted,
      c.rowsUpdated,
      c.rowsUnchanged,
    ],
  );
}
