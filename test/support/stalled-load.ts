import { PassThrough } from 'node:stream';
import type { Logger } from '@temporalio/common';
import { MockActivityEnvironment } from '@temporalio/testing';
import type { Pool } from 'pg';
import { createDataActivities } from '../../activities/data';
import { memoryObjectStore } from './memory-object-store';

type DataActivities = ReturnType<typeof createDataActivities>;

const silentLogger: Logger = { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error() {} };

/**
 * Starts a load activity whose staged object S3 sends only in part and then stalls: the COPY begins and only a
 * cancellation can end it. `outcome` resolves to 'loaded' or to what the activity threw; `finish` then serves the
 * whole object and runs the load again, as the retry Temporal would make.
 */
export function startStalledLoad<T>(
  db: Pool,
  staged: { key: string; text: string; sentBeforeStall: string },
  load: (activities: DataActivities) => Promise<T>,
) {
  const s3 = memoryObjectStore();
  const body = new PassThrough();
  body.write(staged.sentBeforeStall);
  s3.streams.set(staged.key, () => body);
  const activities = createDataActivities({ db, s3, invalidatePrices: () => Promise.resolve() });
  const env = new MockActivityEnvironment(undefined, { logger: silentLogger });
  const outcome = env
    .run(() => load(activities))
    .then(
      () => 'loaded',
      (error: unknown) => error,
    );
  return {
    env,
    body,
    outcome,
    finish: (): Promise<T> => {
      s3.streams.delete(staged.key);
      s3.objects.set(staged.key, Buffer.from(staged.text));
      return new MockActivityEnvironment(undefined, { logger: silentLogger }).run(() => load(activities));
    },
  };
}
