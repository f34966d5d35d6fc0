/**
 * Benchmark 1: rows/s of the idempotent load path (COPY into a temp table + the merge of price-merge.ts + ledger
 * row, one transaction per batch of 50 symbols, as the pipeline loads) divided by rows/s of one raw COPY of the
 * same rows into an identical table with the same key — the limit, measured in the same run. Target ≥ 0.5.
 * Also reported, without a target: the same load again as a new run (every row unchanged, the upsert path).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Pool } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DEFAULT_BATCH_SIZE } from '../contracts';
import { parsePrices, STAGED_COLUMNS, toStagedCsvLine } from '../domain/prices';
import { loadStagedPrices } from '../infra/repositories/price-load';
import { sharedData } from '../test/support/shared-data';
import { benchDatabase, fmt, timed, writeResult } from './support';

const ROUNDS = 3;
const TARGET = 0.5;

interface StagedBatch {
  file: string;
  sha256: string;
  rows: number;
}

export async function run() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iby-bench-'));
  const batches = await stageAllStocks(dir);
  const rows = batches.reduce((n, b) => n + b.rows, 0);
  const db = await benchDatabase();
  try {
    await db.pool.query(`CREATE TABLE bench_copy (LIKE price_bars INCLUDING ALL)`);
    await db.pool.query(`ALTER TABLE bench_copy ALTER source SET DEFAULT 'csv', ALTER workflow_id SET DEFAULT 'bench'`);
    let copyBest = Infinity;
    let loadBest = Infinity;
    let rerunBest = Infinity;
    for (let round = 1; round <= ROUNDS; round++) {
      await db.pool.query('TRUNCATE bench_copy, price_bars, ingestion_batches, securities');
      const copy = await timed(() => rawCopy(db.pool, batches));
      const load = await timed(() => loadAll(db.pool, batches, `round-${round}`));
      if (load.value !== rows) throw new Error(`load path inserted ${load.value} of ${rows} rows`);
      const rerun = await timed(() => loadAll(db.pool, batches, `round-${round}-again`));
      if (rerun.value !== 0) throw new Error(`rerun inserted ${rerun.value} rows`);
      copyBest = Math.min(copyBest, copy.seconds);
      loadBest = Math.min(loadBest, load.seconds);
      rerunBest = Math.min(rerunBest, rerun.seconds);
      console.log(
        `  round ${round}: raw COPY ${copy.seconds.toFixed(2)} s, load path ${load.seconds.toFixed(2)} s, ` +
          `same load again ${rerun.seconds.toFixed(2)} s`,
      );
    }
    const copyRowsPerSecond = rows / copyBest;
    const loadRowsPerSecond = rows / loadBest;
    const ratio = loadRowsPerSecond / copyRowsPerSecond;
    const rerunRowsPerSecond = rows / rerunBest;
    console.log(
      `load path: ${fmt(loadRowsPerSecond)} rows/s, raw COPY: ${fmt(copyRowsPerSecond)} rows/s, ratio ${ratio.toFixed(2)} (target >= ${TARGET})`,
    );
    console.log(
      `same load again (all unchanged): ${fmt(rerunRowsPerSecond)} rows/s, ratio ${(rerunRowsPerSecond / copyRowsPerSecond).toFixed(2)}`,
    );
    const result = {
      rows,
      batches: batches.length,
      copyRowsPerSecond,
      loadRowsPerSecond,
      rerunRowsPerSecond,
      ratio,
      target: TARGET,
      pass: ratio >= TARGET,
    };
    writeResult('load-path', result);
    return { name: 'load-path', ...result };
  } finally {
    await db.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The limit: every staged row in one COPY, on one connection. */
async function rawCopy(pool: Pool, batches: StagedBatch[]): Promise<void> {
  const client = await pool.connect();
  try {
    const sql = `COPY bench_copy (${STAGED_COLUMNS.join(', ')}) FROM STDIN WITH (FORMAT csv)`;
    const copy = client.query(copyFrom(sql));
    for (const batch of batches) {
      for await (const chunk of fs.createReadStream(batch.file)) {
        if (!copy.write(chunk)) await new Promise((resolve) => copy.once('drain', resolve));
      }
    }
    await new Promise<void>((resolve, reject) => copy.end(() => resolve()).once('error', reject));
  } finally {
    client.release();
  }
}

/** The load path, one batch after another (the pipeline runs several at once; this is the single-stream rate). */
async function loadAll(pool: Pool, batches: StagedBatch[], runId: string): Promise<number> {
  let inserted = 0;
  for (const [i, batch] of batches.entries()) {
    const counts = await loadStagedPrices(pool, fs.createReadStream(batch.file), {
      workflowId: 'bench',
      runId,
      batchKey: `b${i}`,
      source: 'csv',
      symbols: [],
      rawObjects: [],
      stagedKey: batch.file,
      stagedSha256: batch.sha256,
      rejectedKey: null,
      rowsRead: batch.rows,
      rowsLoaded: batch.rows,
      rowsRejected: 0,
      rowsFiltered: 0,
    });
    inserted += counts.rowsInserted;
  }
  return inserted;
}

/** all_stocks_5yr.csv staged exactly as the transform activity writes it, in batches of 50 symbols. */
async function stageAllStocks(dir: string): Promise<StagedBatch[]> {
  const linesBySymbol = new Map<string, string[]>();
  const parsed = parsePrices(fs.createReadStream(sharedData('ohlcv', 'all_stocks_5yr.csv')), {});
  for await (const events of parsed.events) {
    for (const e of events) {
      if (e.kind !== 'bar') continue;
      let lines = linesBySymbol.get(e.bar.symbol);
      if (!lines) linesBySymbol.set(e.bar.symbol, (lines = []));
      lines.push(toStagedCsvLine(e.bar));
    }
  }
  const symbols = [...linesBySymbol.keys()];
  const batches: StagedBatch[] = [];
  for (let start = 0; start < symbols.length; start += DEFAULT_BATCH_SIZE) {
    const lines = symbols.slice(start, start + DEFAULT_BATCH_SIZE).flatMap((s) => linesBySymbol.get(s) ?? []);
    const text = lines.join('');
    const file = path.join(dir, `batch-${batches.length}.csv`);
    fs.writeFileSync(file, text);
    batches.push({ file, sha256: createHash('sha256').update(text).digest('hex'), rows: lines.length });
  }
  return batches;
}

if (require.main === module) {
  run().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
