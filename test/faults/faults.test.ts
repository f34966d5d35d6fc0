/**
 * The fault suite: one run of a real-data load per fault, on a stack of its own (its own Postgres, Redis, Temporal
 * dev server and SeaweedFS; the workers and API as child processes from `dist/`). Each run must complete with
 * exact counts and no duplicates, and no process but the killed one may exit. Prints, per fault, the wall time
 * against the clean run and the activity retries it cost.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { PROJECT_ROOT } from '../../config';
import type { IngestPricesResult } from '../../contracts';
import { auditOhlcvNameFile } from '../support/naive-price-audit';
import { sharedData, SHARED_DATA } from '../support/shared-data';
import { pause, startFaultStack, type FaultStack } from './fault-stack';

const ALL_STOCKS = sharedData('ohlcv', 'all_stocks_5yr.csv');
// 40 symbols, every quirk class among them (missing opens, bars outside their range, dotted tickers, a late listing).
const SYMBOLS = [
  'AAPL', 'BHF', 'CHD', 'DHR', 'LNT', 'NWL', 'O', 'BRK.B', 'BF.B', 'APTV', 'EBAY', 'MSFT', 'GOOGL', 'AMZN', 'JPM',
  'XOM', 'JNJ', 'PG', 'KO', 'PEP', 'WMT', 'INTC', 'CSCO', 'ORCL', 'IBM', 'T', 'VZ', 'PFE', 'MRK', 'CVX', 'BA',
  'CAT', 'MMM', 'GE', 'HD', 'MCD', 'NKE', 'DIS', 'GS', 'MS',
]; // prettier-ignore

interface Measured {
  fault: string;
  seconds: number;
  retries: number;
  retriedActivities: Record<string, number>;
}

let stack: FaultStack;
let client: Client;
let connection: Connection;
const expected = auditOhlcvNameFile(ALL_STOCKS, new Set(SYMBOLS));
const measured: Measured[] = [];
let batchSize = 3;

beforeAll(async () => {
  if (!fs.existsSync(path.join(PROJECT_ROOT, 'dist', 'workers', 'etl.js'))) {
    throw new Error('the fault suite runs the built processes: run `npm run build` first (npm test does)');
  }
  stack = await startFaultStack(SHARED_DATA);
  connection = await Connection.connect({ address: stack.config.temporal.address });
  client = new Client({ connection, namespace: stack.config.temporal.namespace });
}, 120_000);

afterAll(async () => {
  await connection?.close();
  await stack?.stop();
  if (measured.length) {
    const clean = measured.find((m) => m.fault === 'clean run')?.seconds ?? NaN;
    const lines = measured.map(
      (m) =>
        `${m.fault.padEnd(34)} ${m.seconds.toFixed(1).padStart(6)} s  (${(m.seconds / clean).toFixed(1)}x clean)  ` +
        `retries ${m.retries} ${JSON.stringify(m.retriedActivities)}`,
    );
    process.stdout.write(`\nFault suite (${expected.read} rows, ${SYMBOLS.length} symbols):\n${lines.join('\n')}\n`);
  }
});

async function startRun(): Promise<string> {
  // A new batch size per run makes a new request, so each fault gets a run (and a ledger) of its own.
  const res = await fetch(`${stack.apiUrl}/v1/runs/prices`, {
    method: 'POST',
    headers: { 'x-api-key': stack.apiKey, 'content-type': 'application/json' },
    body: JSON.stringify({ source: 'csv', path: ALL_STOCKS, symbols: SYMBOLS, batchSize: batchSize++ }),
  });
  expect(res.status).toBe(202);
  return ((await res.json()) as { workflowId: string }).workflowId;
}

async function barCount(): Promise<{ n: number; distinct: number }> {
  const { rows } = await stack.db.query<{ n: number; distinct: number }>(
    'SELECT count(*)::int AS n, count(DISTINCT (symbol, date))::int AS distinct FROM price_bars',
  );
  return rows[0];
}

/** Resolves once the run has loaded its first rows: the fault then hits a load in progress. */
async function loading(): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const n = await barCount()
      .then((c) => c.n)
      .catch(() => 0);
    if (n > 0) return;
    if (Date.now() > deadline) throw new Error('the run loaded nothing within 60 s');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

// temporal.api.enums.v1.PendingActivityState (the proto package is not a direct dependency).
const PENDING_ACTIVITY_STATE_STARTED = 2;

/**
 * Resolves once an activity of `type` is running in one of the run's batches (by Temporal's pending activities),
 * so a killed worker takes a task in flight with it, whatever the timing of this run.
 */
async function activityRunning(workflowId: string, type: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    for (let i = 1; i <= 64; i++) {
      const id = `${workflowId}/b${String(i).padStart(4, '0')}`;
      const description = await client.workflow
        .getHandle(id)
        .describe()
        .catch(() => null);
      if (!description) break;
      const running = (description.raw.pendingActivities ?? []).some(
        (a) => a.activityType?.name === type && Number(a.state) === PENDING_ACTIVITY_STATE_STARTED,
      );
      if (running) return;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no ${type} activity ran within 60 s`);
}

/** Activity attempts beyond the first, over the run and its batch children. */
async function retriesOf(workflowId: string, batches: number): Promise<Record<string, number>> {
  const ids = [
    workflowId,
    ...Array.from({ length: batches }, (_, i) => `${workflowId}/b${String(i + 1).padStart(4, '0')}`),
  ];
  const retried: Record<string, number> = {};
  for (const id of ids) {
    const history = await client.workflow.getHandle(id).fetchHistory();
    const typeOf = new Map<string, string>();
    for (const event of history.events ?? []) {
      const scheduled = event.activityTaskScheduledEventAttributes;
      if (scheduled) typeOf.set(String(event.eventId), scheduled.activityType?.name ?? '?');
      const started = event.activityTaskStartedEventAttributes;
      if (started && (started.attempt ?? 1) > 1) {
        const type = typeOf.get(String(started.scheduledEventId)) ?? '?';
        retried[type] = (retried[type] ?? 0) + (started.attempt ?? 1) - 1;
      }
    }
  }
  return retried;
}

/** Runs the load with `inject` applied once it is loading, then checks the outcome is exact. */
async function runWith(
  fault: string,
  inject: () => Promise<void>,
  killed?: 'etl-worker' | 'data-worker',
  whenRunning?: string,
) {
  await stack.db.query('TRUNCATE price_bars');
  const started = performance.now();
  const workflowId = await startRun();
  if (whenRunning) await activityRunning(workflowId, whenRunning);
  else await loading();
  await inject();
  const result = (await client.workflow.getHandle(workflowId).result()) as IngestPricesResult;
  const seconds = (performance.now() - started) / 1000;

  expect(result.batchesFailed).toBe(0);
  expect(result.rowsRead).toBe(expected.read);
  expect(result.rowsRejected).toBe(expected.rejected);
  expect(result.rowsLoaded).toBe(expected.read - expected.rejected);
  const bars = await barCount();
  expect(bars).toEqual({ n: result.rowsLoaded, distinct: result.rowsLoaded });
  for (const [name, proc] of Object.entries(stack.services)) {
    if (name !== killed) expect({ name, exit: proc.exitInfo() }).toEqual({ name, exit: null });
  }
  const retriedActivities = await retriesOf(workflowId, result.batches);
  const retries = Object.values(retriedActivities).reduce((a, b) => a + b, 0);
  measured.push({ fault, seconds, retries, retriedActivities });
}

describe('faults on the real stack: exact counts, no duplicates, no process down', () => {
  // The first run of a fresh stack pays for cold caches and JIT: the baseline is the second clean run.
  it('warm-up run', () => runWith('warm-up (first run)', () => Promise.resolve()));

  it('clean run (the baseline)', () => runWith('clean run', () => Promise.resolve()));

  it('Postgres restarted mid-load', () =>
    runWith(
      'Postgres restarted mid-load',
      () => {
        stack.restartPostgres();
        return Promise.resolve();
      },
      undefined,
      'loadPriceBatch',
    ));

  it('Redis paused 10 s during loads', () =>
    runWith('Redis paused 10 s', () => pause(stack.redis.pid as number, 10_000), undefined, 'loadPriceBatch'));

  it('S3 (SeaweedFS) paused 20 s mid-run', () => runWith('S3 paused 20 s', () => pause(stack.seaweed.pid, 20_000)));

  it('Temporal paused 15 s', () => runWith('Temporal paused 15 s', () => pause(stack.temporal.pid, 15_000)));

  it(
    'etl worker killed with kill -9 (and started again)',
    () => runWith('etl worker kill -9', () => stack.killAndRestart('etl-worker'), 'etl-worker', 'transformPriceBatch'),
    240_000,
  );

  it(
    'data worker killed with kill -9 (and started again)',
    () => runWith('data worker kill -9', () => stack.killAndRestart('data-worker'), 'data-worker', 'loadPriceBatch'),
    240_000,
  );
});
