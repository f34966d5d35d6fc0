/**
 * The bad-input corpus through `POST /v1/runs/prices` on the real stack: every file gets its expected outcome
 * (exact counts, or a failure type decided on the first planning attempt), and nothing takes a worker down.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { ApplicationFailure } from '@temporalio/common';
import { WorkflowFailedError } from '@temporalio/client';
import { buildApp } from '../../api/app';
import { loadConfig } from '../../config';
import type { IngestPricesResult } from '../../contracts';
import { makeBadInputCorpus, type Corpus, type CorpusCase } from '../../scripts/make-bad-input-corpus';
import { startEtlHarness, type EtlHarness } from '../support/etl-harness';
import type Redis from 'ioredis';
import { createRedis } from '../../infra/redis';

const API_KEY = 'corpus-key';
let harness: EtlHarness;
let app: FastifyInstance;
let redis: Redis;
let tmp: string;
let corpus: Corpus;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'iby-corpus-'));
  fs.mkdirSync(path.join(tmp, 'corpus'));
  corpus = makeBadInputCorpus(path.join(tmp, 'corpus'));
  harness = await startEtlHarness();
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: harness.dbUrl,
    S3_BUCKET: harness.s3.bucket,
    IMPORT_ROOTS: corpus.root,
    API_KEYS: API_KEY,
  });
  redis = createRedis('redis://127.0.0.1:6379/9');
  app = await buildApp({ config, clients: { db: harness.db, temporal: harness.client, s3: harness.s3, redis } });
});

afterAll(async () => {
  await app?.close();
  redis?.disconnect();
  await harness?.stop();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

async function post(c: CorpusCase) {
  return app.inject({
    method: 'POST',
    url: '/v1/runs/prices',
    headers: { 'x-api-key': API_KEY },
    payload: { source: 'csv', path: c.path, ...(c.symbols ? { symbols: c.symbols } : {}) },
  });
}

/** The workflow's result, or the failure types it closed with (from the root cause, or listed in its result). */
async function outcome(workflowId: string): Promise<{ result?: IngestPricesResult; failureTypes: string[] }> {
  try {
    const r: IngestPricesResult = (await harness.client.workflow.getHandle(workflowId).result()) as IngestPricesResult;
    const listed = [...(r.failures ?? []).map((f) => f.type), ...(r.fileFailures ?? []).map((f) => f.type)];
    return { result: r, failureTypes: listed };
  } catch (err) {
    let cause: unknown = err instanceof WorkflowFailedError ? err.cause : err;
    while (cause instanceof Error && cause.cause instanceof Error) cause = cause.cause;
    return { failureTypes: [cause instanceof ApplicationFailure && cause.type ? cause.type : String(cause)] };
  }
}

/** The highest attempt of each activity type in the run's history: 1 means it was never retried. */
async function attempts(workflowId: string): Promise<Record<string, number>> {
  const history = await harness.client.workflow.getHandle(workflowId).fetchHistory();
  const typeOf = new Map<string, string>();
  const out: Record<string, number> = {};
  for (const event of history.events ?? []) {
    const scheduled = event.activityTaskScheduledEventAttributes;
    if (scheduled) typeOf.set(String(event.eventId), scheduled.activityType?.name ?? '?');
    const started = event.activityTaskStartedEventAttributes;
    if (started) {
      const type = typeOf.get(String(started.scheduledEventId)) ?? '?';
      out[type] = Math.max(out[type] ?? 0, started.attempt ?? 0);
    }
  }
  return out;
}

describe('bad-input corpus', () => {
  it('has at least 40 files', () => {
    expect(corpus.files).toBeGreaterThanOrEqual(40);
  });

  it('gives every file its expected outcome, without retrying anything permanent', async () => {
    // All runs at once: they are independent, and the suite's time budget is small.
    const started = await Promise.all(
      corpus.cases.map(async (c) => {
        const res = await post(c);
        return { c, res };
      }),
    );
    const checks = started.map(async ({ c, res }) => {
      const label = `${c.name} (${c.path})`;
      if (c.expect.kind === 'refused') {
        expect({ label, status: res.statusCode }).toEqual({ label, status: 400 });
        return;
      }
      expect({ label, status: res.statusCode }).toEqual({ label, status: 202 });
      const { workflowId } = res.json<{ workflowId: string }>();
      const got = await outcome(workflowId);
      const tries = await attempts(workflowId);
      // Nothing is retried: no fault of the machinery is injected here, and input faults are permanent.
      expect({ label, retried: Object.entries(tries).filter(([, n]) => n > 1) }).toEqual({ label, retried: [] });
      if (c.expect.kind === 'failed') {
        expect({ label, types: got.failureTypes }).toEqual({ label, types: [c.expect.type] });
        expect({ label, plan: tries.planPriceBatches }).toEqual({ label, plan: 1 });
        return;
      }
      const r = got.result;
      expect({ label, completed: r !== undefined }).toEqual({ label, completed: true });
      if (!r) return;
      const e = c.expect;
      const rejected = Object.values(e.rejectedByReason ?? {}).reduce((a, b) => a + b, 0);
      expect({
        label,
        rowsRead: r.rowsRead,
        rowsLoaded: r.rowsLoaded,
        rowsRejected: r.rowsRejected,
        rejectedByReason: r.rejectedByReason,
        rowsFlagged: r.rowsFlagged,
        fileFailures: (r.fileFailures ?? []).map((f) => [path.basename(f.file), f.type]).sort(),
        batchesFailed: r.batchesFailed,
        outcome: r.outcome,
      }).toEqual({
        label,
        rowsRead: e.rowsRead,
        rowsLoaded: e.rowsLoaded,
        rowsRejected: rejected,
        rejectedByReason: e.rejectedByReason ?? {},
        rowsFlagged: e.rowsFlagged ?? {},
        fileFailures: (e.fileFailures ?? []).map(([f, t]) => [f, t]).sort(),
        batchesFailed: 0,
        // A folder with unreadable files is partial, or failed when they leave nothing to load.
        outcome: e.fileFailures?.length ? (e.rowsLoaded > 0 ? 'partial' : 'failed') : 'succeeded',
      });
      for (const failure of r.fileFailures ?? []) expect(Buffer.byteLength(failure.message)).toBeLessThanOrEqual(4096);
    });
    const settled = await Promise.allSettled(checks);
    const errors = settled
      .filter((s): s is PromiseRejectedResult => s.status === 'rejected')
      .map((s) => String(s.reason));
    expect(errors).toEqual([]);
  });

  it('stored exactly the loaded rows of the completed cases, no duplicates', async () => {
    const { rows } = await harness.db.query<{ n: number; distinct_n: number }>(
      'SELECT count(*)::int AS n, count(DISTINCT (symbol, date))::int AS distinct_n FROM price_bars',
    );
    expect(rows[0].n).toBe(rows[0].distinct_n);
    expect(rows[0].n).toBeGreaterThan(0);
  });
});
