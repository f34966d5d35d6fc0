import { randomBytes } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import {
  bundleWorkflowCode,
  DefaultLogger,
  NativeConnection,
  Runtime,
  type Worker,
  type WorkerOptions,
} from '@temporalio/worker';
import type Redis from 'ioredis';
import type { Pool } from 'pg';
import type { PriceProvider } from '../../contracts';
import { createProviderHealthStore } from '../../infra/provider-health';
import { createObjectStore, ensureBucket, type ObjectStore } from '../../infra/s3';
import { createAutoSource } from '../../sources/auto';
import { createCsvSource } from '../../sources/csv';
import { createSecSource } from '../../sources/sec';
import { createFredSource } from '../../sources/fred';
import { createPriceProviders, providerRequestsPerSecond } from '../../sources/providers';
import { createDataWorkers } from '../../workers/data-workers';
import { createEtlWorkers } from '../../workers/etl-workers';
import { testProviderSettings } from './provider-settings';
import { terminateOpenRuns } from './open-runs';
import { createTestDatabase } from './test-database';

let bundle: Promise<{ code: string }> | undefined;
let runtimeInstalled = false;

export interface EtlHarness {
  client: Client;
  db: Pool;
  dbUrl: string;
  s3: ObjectStore;
  invalidated: string[][];
  stop(): Promise<void>;
}

export interface EtlHarnessOptions {
  stooqUrl?: string;
  /** Base URL of a local Yahoo-format server (test/support/yahoo-server.ts). */
  yahooUrl?: string;
  /** Base URL of a local Alpha Vantage-format server (test/support/alphavantage-server.ts); key TEST_API_KEY. */
  alphavantageUrl?: string;
  /** Base URL of a local Tiingo-format server (test/support/tiingo-server.ts); key TEST_API_KEY. */
  tiingoUrl?: string;
  /** Base URL of a local SEC-format server (test/support/sec-server.ts). */
  secUrl?: string;
  /** PRICE_PROVIDER_ORDER for `source: "auto"` runs; yahoo, then stooq when left out. */
  providerOrder?: PriceProvider[];
  /** Where provider requests are counted (a test Redis, prefixed); nothing is counted when left out. */
  providerHealthRedis?: Redis;
  /** Base URL and API key of a local FRED-format server (test/support/fred-server.ts). */
  fred?: { url: string; apiKey: string };
  /** Extra interceptors for the data worker, e.g. to simulate a crash after a load committed. */
  dataInterceptors?: WorkerOptions['interceptors'];
}

/**
 * Real workers against the Temporal dev server, a fresh database and a fresh bucket started for this run by
 * the global setup. Test files run one after another, so the shared task queues never see two harnesses.
 */
export async function startEtlHarness(options: EtlHarnessOptions = {}): Promise<EtlHarness> {
  if (!runtimeInstalled) {
    Runtime.install({ logger: new DefaultLogger('WARN') });
    runtimeInstalled = true;
  }
  const address = requiredEnv('TEMPORAL_ADDRESS');
  const database = await createTestDatabase();
  const s3 = createObjectStore({
    endpoint: requiredEnv('S3_ENDPOINT'),
    accessKey: requiredEnv('S3_ACCESS_KEY'),
    secretKey: requiredEnv('S3_SECRET_KEY'),
    bucket: `iby-test-${randomBytes(4).toString('hex')}`,
    region: 'us-east-1',
  });
  await ensureBucket(s3, 'us-east-1');
  const nativeConnection = await NativeConnection.connect({ address });
  const connection = await Connection.connect({ address });
  const client = new Client({ connection });
  await terminateOpenRuns(client, 'left open by an earlier test file');
  const invalidated: string[][] = [];
  bundle ??= bundleWorkflowCode({
    workflowsPath: require.resolve('../../workflows'),
    logger: new DefaultLogger('WARN'),
  });

  const providers = testProviderSettings({
    stooq: { url: options.stooqUrl },
    yahoo: { url: options.yahooUrl },
    alphavantage: { url: options.alphavantageUrl },
    tiingo: { url: options.tiingoUrl },
  });
  const workers: Worker[] = [
    ...(await createEtlWorkers({
      connection: nativeConnection,
      namespace: 'default',
      s3,
      sources: {
        csv: createCsvSource(),
        auto: createAutoSource(options.providerOrder ?? ['yahoo', 'stooq']),
        ...createPriceProviders(providers),
      },
      providerRequestsPerSecond: providerRequestsPerSecond(providers),
      sec: {
        source: createSecSource({
          baseUrl: options.secUrl ?? 'http://127.0.0.1:9',
          userAgent: 'IBY tests iby@example.com',
        }),
        requestsPerSecond: 50,
      },
      fred: {
        source: createFredSource({
          baseUrl: options.fred?.url ?? 'http://127.0.0.1:9',
          apiKey: options.fred?.apiKey ?? 'no-fred-in-this-test',
        }),
        requestsPerSecond: 50,
      },
      workflowBundle: await bundle,
      providerHealth: options.providerHealthRedis && createProviderHealthStore(options.providerHealthRedis),
    })),
    ...(await createDataWorkers({
      connection: nativeConnection,
      namespace: 'default',
      db: database.pool,
      s3,
      invalidatePrices: (symbols) => {
        invalidated.push(symbols);
        return Promise.resolve();
      },
      interceptors: options.dataInterceptors,
    })),
  ];
  const running = workers.map((w) => w.run());

  return {
    client,
    db: database.pool,
    dbUrl: database.url,
    s3,
    invalidated,
    async stop() {
      // While the workers still run: what a file leaves open closes here, not on the next file's workers.
      await terminateOpenRuns(client, 'test file finished');
      workers.forEach((w) => w.shutdown());
      await Promise.allSettled(running);
      await connection.close();
      await nativeConnection.close();
      await database.drop();
    },
  };
}

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(`${name} is not set: integration tests run under jest's integration project global setup`);
  return value;
}
