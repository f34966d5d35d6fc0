import type { Readable } from 'node:stream';
import type { Pool, PoolClient } from 'pg';
import { copyVerified } from './copy-verified';
import { paddedCik, type CompanyLoaded, type FactLoadCounts } from '../../contracts';
import { ChecksumMismatchError } from './price-load';
import { STAGED_FACT_COLUMNS } from './fundamentals-staged';

export interface FactsLedgerEntry {
  workflowId: string;
  runId: string;
  batchKey: string;
  source: string;
  companies: CompanyLoaded[];
  rawObjects: unknown;
  stagedKey: string;
  stagedSha256: string;
  rejectedKey: string | null;
  factsRead: number;
  factsStaged: number;
  factsRejected: number;
}

const COLUMNS = STAGED_FACT_COLUMNS.join(', ');
// Descriptive fields of a fact: the key (company, concept, unit, period, accession) names what a filing said.
const CHANGED = ['value', 'fy', 'fp', 'form', 'filed', 'frame'];

/**
 * Loads one staged batch of facts idempotently, like the price load: COPY into a temporary table, one upsert
 * that inserts new facts and touches only facts whose descriptive fields differ, the companies and their tickers,
 * and the ledger row (in `ingestion_batches`, `rows_*` counting facts), all in one transaction. A retry finds the
 * ledger row of its own run and returns its counts without loading again. A cancelled load (`signal`) is rolled
 * back wherever it is, as the price load is.
 */
export async function loadStagedFacts(
  pool: Pool,
  staged: Readable,
  entry: FactsLedgerEntry,
  signal?: AbortSignal,
): Promise<FactLoadCounts> {
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
    await client.query(
      `CREATE TEMP TABLE fundamental_facts_staging (cik integer, taxonomy text COLLATE "C", concept text COLLATE "C",
         unit text COLLATE "C", period_start date, period_end date, value float8, accn text COLLATE "C", fy smallint,
         fp text, form text, filed date, frame text, raw_sha256 text) ON COMMIT DROP`,
    );
    const sha256 = await copyVerified(
      client,
      staged,
      `COPY fundamental_facts_staging (${COLUMNS}) FROM STDIN WITH (FORMAT csv)`,
      signal,
    );
    if (sha256 !== entry.stagedSha256) {
      throw new ChecksumMismatchError(
        `staged object ${entry.stagedKey} has sha256 ${sha256}, expected ${entry.stagedSha256}`,
      );
    }
    const counts = await upsertFacts(client, entry);
    await upsertCompanies(client, entry);
    await recordBatch(client, entry, counts);
    // A load cancelled while its upsert ran leaves nothing behind either.
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

async function upsertFacts(client: PoolClient, entry: FactsLedgerEntry): Promise<FactLoadCounts> {
  const { rows } = await client.query<{ inserted: number; updated: number }>(
    `WITH upserted AS (
       INSERT INTO fundamental_facts AS f (${COLUMNS}, source, workflow_id, run_id, batch_key)
       SELECT ${COLUMNS}, $1, $2, $3, $4 FROM fundamental_facts_staging
       ON CONFLICT ON CONSTRAINT fundamental_facts_key DO UPDATE
         SET ${CHANGED.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}, source = EXCLUDED.source,
             raw_sha256 = EXCLUDED.raw_sha256, workflow_id = EXCLUDED.workflow_id, run_id = EXCLUDED.run_id,
             batch_key = EXCLUDED.batch_key, updated_at = now()
         WHERE (${CHANGED.map((c) => `f.${c}`).join(', ')}) IS DISTINCT FROM (${CHANGED.map((c) => `EXCLUDED.${c}`).join(', ')})
       RETURNING (xmax = 0) AS inserted
     )
     SELECT count(*) FILTER (WHERE inserted)::int AS inserted, count(*) FILTER (WHERE NOT inserted)::int AS updated
     FROM upserted`,
    [entry.source, entry.workflowId, entry.runId, entry.batchKey],
  );
  const { inserted, updated } = rows[0];
  return { factsInserted: inserted, factsUpdated: updated, factsUnchanged: entry.factsStaged - inserted - updated };
}

/** The companies and the securities their tickers name: `securities.cik` links prices to fundamentals. */
async function upsertCompanies(client: PoolClient, entry: FactsLedgerEntry): Promise<void> {
  for (const company of entry.companies) {
    await client.query(
      `INSERT INTO companies (cik, entity_name, workflow_id) VALUES ($1, $2, $3)
       ON CONFLICT (cik) DO UPDATE SET entity_name = EXCLUDED.entity_name, workflow_id = EXCLUDED.workflow_id,
         updated_at = now()
       WHERE companies.entity_name IS DISTINCT FROM EXCLUDED.entity_name`,
      [company.cik, company.entityName, entry.workflowId],
    );
    for (const ticker of company.tickers) {
      await client.query(
        `INSERT INTO securities (symbol, name, cik) VALUES ($1, $2, $3)
         ON CONFLICT (symbol) DO UPDATE SET name = EXCLUDED.name, cik = EXCLUDED.cik, updated_at = now()
         WHERE (securities.name, securities.cik) IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.cik)`,
        [ticker.symbol, ticker.title || null, String(ticker.cik)],
      );
    }
  }
}

async function ledgerCounts(client: PoolClient, entry: FactsLedgerEntry): Promise<FactLoadCounts | null> {
  const { rows } = await client.query<FactLoadCounts & { stagedSha256: string }>(
    `SELECT rows_inserted AS "factsInserted", rows_updated AS "factsUpdated", rows_unchanged AS "factsUnchanged",
            staged_sha256 AS "stagedSha256"
     FROM ingestion_batches WHERE workflow_id = $1 AND run_id = $2 AND batch_key = $3`,
    [entry.workflowId, entry.runId, entry.batchKey],
  );
  if (!rows.length) return null;
  const { stagedSha256, ...counts } = rows[0];
  if (stagedSha256 !== entry.stagedSha256) {
    throw new ChecksumMismatchError(
      `batch ${entry.batchKey} was already loaded from different staged data (${stagedSha256})`,
    );
  }
  return counts;
}

async function recordBatch(client: PoolClient, e: FactsLedgerEntry, c: FactLoadCounts): Promise<void> {
  await client.query(
    `INSERT INTO ingestion_batches (workflow_id, run_id, batch_key, source, symbols, raw_objects, staged_key,
       staged_sha256, rejected_key, rows_read, rows_loaded, rows_rejected, rows_filtered, rows_inserted, rows_updated,
       rows_unchanged)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 0, $13, $14, $15)`,
    [
      e.workflowId,
      e.runId,
      e.batchKey,
      e.source,
      // The ledger's symbols column names the companies: CIK0000320193, plus their tickers when known.
      e.companies.flatMap((company) => [paddedCik(company.cik), ...company.tickers.map((t) => t.symbol)]),
      JSON.stringify(e.rawObjects),
      e.stagedKey,
      e.stagedSha256,
      e.rejectedKey,
      e.factsRead,
      e.factsStaged,
      e.factsRejected,
      c.factsInserted,
      c.factsUpdated,
      c.factsUnchanged,
    ],
  );
}
