import { PassThrough } from 'node:stream';
import { CancelledFailure, type Logger } from '@temporalio/common';
import { MockActivityEnvironment } from '@temporalio/testing';
import { memoryObjectStore } from '../../test/support/memory-object-store';
import { testProviderSettings } from '../../test/support/provider-settings';
import { createCsvSource } from '../../sources/csv';
import { createAutoSource } from '../../sources/auto';
import { createPriceProviders } from '../../sources/providers';
import { createEtlActivities } from '.';
import { waitFor } from '../../test/support/wait-for';

const silentLogger: Logger = { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error() {} };
const DAY_MS = 86_400_000;

describe('transformPriceBatch activity, cancelled', () => {
  it('destroys the raw read and the staged upload in flight and ends cancelled, not as a file failure', async () => {
    const s3 = memoryObjectStore();
    // S3 sent 10,000 bars of the raw object (enough to start the staged upload) and then stalled.
    const raw = new PassThrough();
    raw.write('Date,Open,High,Low,Close,Volume\n');
    for (let i = 0; i < 10_000; i++) {
      const date = new Date(Date.UTC(1990, 0, 1) + i * DAY_MS).toISOString().slice(0, 10);
      raw.write(`${date},10,11,9,10.5,1000\n`);
    }
    s3.streams.set('raw/csv/prices/2024-01-02/slow.csv', () => raw);
    const activities = createEtlActivities({
      s3,
      sources: {
        csv: createCsvSource(),
        auto: createAutoSource(['yahoo', 'stooq']),
        ...createPriceProviders(testProviderSettings({}, 1)),
      },
    });
    const env = new MockActivityEnvironment(undefined, { logger: silentLogger });
    const staged = 'staged/prices/w-cancel/b0001.csv';
    const transforming = env
      .run(() =>
        activities.transformPriceBatch({
          request: { source: 'csv', path: '/data/slow.csv' },
          parentWorkflowId: 'w-cancel',
          batchKey: 'b0001',
          parts: [
            { key: 'raw/csv/prices/2024-01-02/slow.csv', sha256: 'x', bytes: 1, symbol: 'SLOW', origin: 'slow.csv' },
          ],
        }),
      )
      .then(
        () => 'transformed',
        (error: unknown) => error,
      );
    await waitFor(() => s3.uploads.includes(staged));

    env.cancel();

    await expect(transforming).resolves.toBeInstanceOf(CancelledFailure);
    expect(raw.destroyed).toBe(true);
    // The upload's stream was destroyed before its end: no staged (or rejected) object exists.
    expect(s3.puts).toEqual([]);
    expect(s3.objects.size).toBe(0);
  });
});
