import { reconcileRunningRuns } from '../../application/runs';
import { defaultPayloadConverter } from '@temporalio/common';
import { FAILURE_TYPES, TASK_QUEUES, type IngestPricesResult } from '../../contracts';
import { startEtlHarness, type EtlHarness } from '../support/etl-harness';
import { recordHistory } from '../support/record-history';
import { sharedStooqFixtures, startStooqServer, type StooqServer } from '../support/stooq-server';
import { ingestPrices } from '../../workflows/ingest-prices';

let stooq: StooqServer;
let harness: EtlHarness;

beforeAll(async () => {
  stooq = await startStooqServer(sharedStooqFixtures(), {
    // A rate limit, then an outage, then the data: both must be retried by Temporal.
    'msft.us': [429, 503],
    'zzzz.us': { status: 404 },
    // Always unavailable: its run keeps retrying until a test cancels or terminates it.
    'busy.us': { status: 503 },
  });
  harness = await startEtlHarness({ stooqUrl: stooq.url });
});

afterAll(async () => {
  await harness?.stop();
  await stooq?.close();
});

describe('Stooq prices through Temporal against a local Stooq-format server', () => {
  it('retries 429/5xx, fails an unknown symbol without retrying, and loads the rest', async () => {
    const workflowId = `stooq-${Date.now()}`;
    const result = (await harness.client.workflow.execute(ingestPrices, {
      taskQueue: 'etl',
      workflowId,
      args: [{ source: 'stooq', symbols: ['AAPL.US', 'MSFT.US', 'ZZZZ.US'], batchSize: 1 }],
    })) as IngestPricesResult;
    // New names: the histories recorded before Stooq was fetched per symbol stay, and must still replay.
    recordHistory(workflowId, 'ingest-prices-stooq-per-symbol-with-failed-batch');
    recordHistory(`${workflowId}/b0002`, 'ingest-price-batch-stooq-per-symbol-retried');

    expect(stooq.requestsFor('aapl.us')).toHaveLength(1);
    expect(stooq.requestsFor('msft.us')).toHaveLength(3);
    expect(stooq.requestsFor('zzzz.us')).toHaveLength(1);

    expect(result.batches).toBe(3);
    expect(result.batchesFailed).toBe(1);
    expect(result.outcome).toBe('partial');
    expect(await ledgerRow(workflowId)).toEqual({
      run_kind: 'prices',
      source: 'stooq',
      status: 'COMPLETED',
      outcome: 'partial',
      error: null,
      finished: true,
    });
    expect(result.failures).toEqual([
      expect.objectContaining({ symbols: ['ZZZZ.US'], type: FAILURE_TYPES.unknownSymbol }),
    ]);
    expect(result.rowsRead).toBe(2 * 1259);
    expect(result.rowsLoaded).toBe(2 * 1259);
    const { rows } = await harness.db.query<{ symbol: string; n: number }>(
      'SELECT symbol, count(*)::int AS n FROM price_bars GROUP BY symbol ORDER BY symbol',
    );
    expect(rows).toEqual([
      { symbol: 'AAPL.US', n: 1259 },
      { symbol: 'MSFT.US', n: 1259 },
    ]);
  });

  it('fetches each symbol of a batch as its own activity on the etl-stooq queue; an unknown one fails alone', async () => {
    const workflowId = `stooq-per-symbol-${Date.now()}`;
    const requestsBefore = stooq.requests.length;
    const result = (await harness.client.workflow.execute(ingestPrices, {
      taskQueue: 'etl',
      workflowId,
      args: [{ source: 'stooq', symbols: ['AAPL.US', 'ZZZZ.US', 'MSFT.US'], batchSize: 3 }],
    })) as IngestPricesResult;
    recordHistory(`${workflowId}/b0001`, 'ingest-price-batch-stooq-per-symbol-with-unknown-symbol');

    // One request each: MSFT's faults were used up by the first test.
    expect(
      stooq.requests
        .slice(requestsBefore)
        .map((r) => r.symbol)
        .sort(),
    ).toEqual(['aapl.us', 'msft.us', 'zzzz.us']);
    expect(result).toMatchObject({
      batches: 1,
      batchesFailed: 0,
      failures: [],
      outcome: 'partial',
      rowsRead: 2 * 1259,
      rowsLoaded: 2 * 1259,
      rowsRejected: 0,
      rowsFiltered: 0,
      // Loaded by the first test already: the same bars again change nothing.
      rowsInserted: 0,
      rowsUnchanged: 2 * 1259,
    });
    expect(result.fileFailures?.map((f) => [f.file, f.type])).toEqual([['ZZZZ.US', FAILURE_TYPES.unknownSymbol]]);
    expect(result.fileFailures?.[0].message).toContain('ZZZZ.US');

    const scheduled = await scheduledActivities(`${workflowId}/b0001`);
    const fetches = scheduled.filter((a) => a.type === 'fetchProviderSymbol');
    expect(fetches.map((a) => [a.taskQueue, (a.input as { symbol: string }).symbol])).toEqual([
      [TASK_QUEUES.etlStooq, 'AAPL.US'],
      [TASK_QUEUES.etlStooq, 'ZZZZ.US'],
      [TASK_QUEUES.etlStooq, 'MSFT.US'],
    ]);
    expect(scheduled.map((a) => a.type)).toEqual([
      'fetchProviderSymbol',
      'fetchProviderSymbol',
      'fetchProviderSymbol',
      'transformPriceBatch',
      'loadPriceBatch',
    ]);
    // Each ran as a separate activity: three starts, and ZZZZ's one failure without a retry.
    expect(await activityEnds(`${workflowId}/b0001`, 'fetchProviderSymbol')).toEqual({
      started: 3,
      completed: 2,
      failed: 1,
      maxAttempt: 1,
    });
  });

  it('asks Stooq only for the requested range', async () => {
    const result = (await harness.client.workflow.execute(ingestPrices, {
      taskQueue: 'etl',
      workflowId: `stooq-range-${Date.now()}`,
      args: [{ source: 'stooq', symbols: ['AAPL.US'], from: '2017-01-01', to: '2017-12-31' }],
    })) as IngestPricesResult;
    const last = stooq.requestsFor('aapl.us').at(-1);
    expect(last?.params).toMatchObject({ d1: '20170101', d2: '20171231' });
    expect(result.rowsRead).toBe(251);
    expect(result.rowsFiltered).toBe(0);
  });

  it('loads nothing, without failing, for a known symbol whose range has no bars; an unknown one still fails', async () => {
    const result = (await harness.client.workflow.execute(ingestPrices, {
      taskQueue: 'etl',
      workflowId: `stooq-weekend-${Date.now()}`,
      // 2017-01-07 and 08 are a Saturday and a Sunday.
      args: [{ source: 'stooq', symbols: ['AAPL.US', 'QQQQ.US'], from: '2017-01-07', to: '2017-01-08', batchSize: 1 }],
    })) as IngestPricesResult;
    expect(result.rowsRead).toBe(0);
    expect(result.batchesFailed).toBe(1);
    expect(result.failures).toEqual([
      expect.objectContaining({ symbols: ['QQQQ.US'], type: FAILURE_TYPES.unknownSymbol }),
    ]);
    expect(stooq.requestsFor('qqqq.us').map((r) => r.params.d1 ?? 'all')).toEqual(['20170107', 'all']);
  });

  it('records a cancelled run in the ledger, and a terminated one through the reconcile step', async () => {
    const start = (workflowId: string) =>
      harness.client.workflow.start(ingestPrices, {
        taskQueue: 'etl',
        workflowId,
        args: [{ source: 'stooq', symbols: ['BUSY.US'] }],
      });
    const cancelled = await start(`stooq-cancel-${Date.now()}`);
    const terminated = await start(`stooq-terminate-${Date.now()}`);
    await waitFor(async () => (await ledgerRow(cancelled.workflowId))?.status === 'RUNNING');
    await waitFor(async () => (await ledgerRow(terminated.workflowId))?.status === 'RUNNING');

    await cancelled.cancel();
    await expect(cancelled.result()).rejects.toThrow();
    expect(await ledgerRow(cancelled.workflowId)).toMatchObject({ status: 'CANCELED', outcome: null, finished: true });

    // A terminated workflow runs no more code: the ledger learns of it from Temporal.
    await terminated.terminate('operator stopped it');
    expect(await ledgerRow(terminated.workflowId)).toMatchObject({ status: 'RUNNING' });
    expect(await reconcileRunningRuns({ client: harness.client, db: harness.db, timeoutMs: 5000 })).toBe(1);
    expect(await ledgerRow(terminated.workflowId)).toEqual({
      run_kind: 'prices',
      source: 'stooq',
      status: 'TERMINATED',
      outcome: 'failed',
      error: { type: 'TerminatedFailure', message: 'operator stopped it' },
      finished: true,
    });
    // Nothing left to reconcile, and the workflow's own records are never overwritten.
    expect(await reconcileRunningRuns({ client: harness.client, db: harness.db, timeoutMs: 5000 })).toBe(0);
  });
});

async function ledgerRow(workflowId: string) {
  const { rows } = await harness.db.query<Record<string, unknown>>(
    `SELECT run_kind, source, status, outcome, error, finished_at IS NOT NULL AS finished
       FROM ingestion_runs WHERE workflow_id = $1`,
    [workflowId],
  );
  return rows[0];
}

/** The activities a workflow scheduled, in order, with their queue and (decoded) input. */
async function scheduledActivities(workflowId: string) {
  const history = await harness.client.workflow.getHandle(workflowId).fetchHistory();
  return (history.events ?? []).flatMap((event) => {
    const scheduled = event.activityTaskScheduledEventAttributes;
    if (!scheduled) return [];
    const [payload] = scheduled.input?.payloads ?? [];
    return [
      {
        type: scheduled.activityType?.name,
        taskQueue: scheduled.taskQueue?.name,
        input: payload ? defaultPayloadConverter.fromPayload<unknown>(payload) : undefined,
      },
    ];
  });
}

/** How the activities of one type ended in a workflow's history, and the highest attempt any of them started. */
async function activityEnds(workflowId: string, activityType: string) {
  const history = await harness.client.workflow.getHandle(workflowId).fetchHistory();
  const ofType = new Set<string>();
  const ends = { started: 0, completed: 0, failed: 0, maxAttempt: 0 };
  for (const event of history.events ?? []) {
    const id = String(event.eventId);
    if (event.activityTaskScheduledEventAttributes?.activityType?.name === activityType) ofType.add(id);
    const started = event.activityTaskStartedEventAttributes;
    if (started && ofType.has(String(started.scheduledEventId))) {
      ends.started++;
      ends.maxAttempt = Math.max(ends.maxAttempt, started.attempt ?? 0);
    }
    if (ofType.has(String(event.activityTaskCompletedEventAttributes?.scheduledEventId))) ends.completed++;
    if (ofType.has(String(event.activityTaskFailedEventAttributes?.scheduledEventId))) ends.failed++;
  }
  return ends;
}

async function waitFor(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('condition not met within 10 s');
}
