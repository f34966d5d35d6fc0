import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../config';
import { createObjectStore, ensureBucket } from '../../infra/s3';
import { checkPostgres, checkRedis } from '../../infra/local-stack/checks';
import { findFreePorts } from '../../infra/local-stack/free-port';
import type { ManagedProcess } from '../../infra/local-stack/processes';
import { startSeaweed } from '../../infra/local-stack/seaweed';
import { startTemporalDevServer } from '../../infra/local-stack/temporal-dev-server';
import { requireTools } from '../../infra/local-stack/tools';
import globalTeardown from './global-teardown';
import { rememberTestStack } from './test-stack';

/**
 * Starts a Temporal dev server (in memory) and SeaweedFS (in a temp dir) on free ports, so tests never touch
 * a running `npm start` and leave nothing behind; Postgres and Redis are the developer's own, as for npm start.
 */
export default async function globalSetup(): Promise<void> {
  try {
    await startTestStack();
  } catch (err) {
    // Jest skips the teardown when the setup fails; without this a half-started stack would linger until exit.
    await globalTeardown();
    throw err;
  }
}

async function startTestStack(): Promise<void> {
  const tools = requireTools();
  const config = loadConfig();
  const databaseUrlBase = process.env.IBY_TEST_DATABASE_URL_BASE ?? serverUrl(config.db.url);
  await checkPostgres(databaseUrlBase);
  await checkRedis(config.redis.url);

  const runId = randomBytes(3).toString('hex');
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'iby-test-'));
  const logDir = path.join(tempDir, 'logs');
  const [temporalPort, ...seaweed] = await findFreePorts(9);
  const [s3, s3Grpc, master, masterGrpc, volume, volumeGrpc, filer, filerGrpc] = seaweed;
  const s3Config = {
    endpoint: `http://127.0.0.1:${s3}`,
    accessKey: 'iby-test',
    secretKey: randomBytes(12).toString('hex'),
    bucket: `iby-test-${runId}`,
    region: 'us-east-1',
  };
  const processes: ManagedProcess[] = [];
  rememberTestStack({ processes, tempDir, databaseUrlBase, runId });

  // SeaweedFS first: the Temporal dev server listens on ephemeral ports of its own, which could take one of the
  // free ports found for SeaweedFS before it binds them.
  processes.push(
    started(
      'SeaweedFS',
      await startSeaweed({
        binary: tools.weed,
        s3: s3Config,
        dataDir: path.join(tempDir, 'seaweedfs'),
        logDir,
        ports: { s3, s3Grpc, master, masterGrpc, volume, volumeGrpc, filer, filerGrpc },
        // Throw-away data: no need to wait for its filer's 15 s graceful stop.
        stopGraceMs: 3000,
      }),
    ),
  );
  processes.push(
    started(
      'Temporal',
      await startTemporalDevServer({
        binary: tools.temporal,
        address: `127.0.0.1:${temporalPort}`,
        namespace: 'default',
        uiPort: null,
        logDir,
      }),
    ),
  );
  await ensureBucket(createObjectStore(s3Config), s3Config.region);

  Object.assign(process.env, {
    TEMPORAL_ADDRESS: `127.0.0.1:${temporalPort}`,
    S3_ENDPOINT: s3Config.endpoint,
    S3_ACCESS_KEY: s3Config.accessKey,
    S3_SECRET_KEY: s3Config.secretKey,
    S3_BUCKET: s3Config.bucket,
    S3_REGION: s3Config.region,
    IBY_TEST_DATABASE_URL_BASE: databaseUrlBase,
    IBY_TEST_RUN_ID: runId,
  });
}

/** The ports are fresh, so finding a server already there means something raced us for them. */
function started(what: string, proc: ManagedProcess | null): ManagedProcess {
  if (!proc) throw new Error(`${what}: another process took its free port before it started; run the tests again`);
  return proc;
}

/** postgres://user@host:port, without the database name. */
function serverUrl(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  url.pathname = '';
  return url.toString().replace(/\/$/, '');
}
