import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from '.';
import { temporalConnectionOptions } from '../infra/temporal-connection';
import { workerIdentity, workerTuning } from '../workers/shared/worker-tuning';

describe('deployment settings', () => {
  it('keeps the local dev server plain, and turns TLS on for an API key or any TLS variable', () => {
    expect(loadConfig({}).temporal.tls).toBeUndefined();
    expect(loadConfig({ TEMPORAL_API_KEY: 'k' }).temporal).toMatchObject({ apiKey: 'k', tls: {} });
    expect(loadConfig({ TEMPORAL_TLS_SERVER_NAME: 'tmprl' }).temporal.tls).toEqual({ serverName: 'tmprl' });
    expect(loadConfig({ TEMPORAL_TLS: 'true' }).temporal.tls).toEqual({});
    expect(() => loadConfig({ TEMPORAL_TLS_CLIENT_CERT_PATH: '/c.pem' })).toThrow(ConfigError);
  });

  it('reads the certificate files into the SDK options, and names the variable of a missing one', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iby-tls-'));
    try {
      for (const f of ['ca', 'crt', 'key']) fs.writeFileSync(path.join(dir, f), `pem ${f}`);
      const config = loadConfig({
        TEMPORAL_ADDRESS: 'ns.acct.tmprl.cloud:7233',
        TEMPORAL_TLS_CLIENT_CERT_PATH: path.join(dir, 'crt'),
        TEMPORAL_TLS_CLIENT_KEY_PATH: path.join(dir, 'key'),
        TEMPORAL_TLS_SERVER_CA_CERT_PATH: path.join(dir, 'ca'),
        TEMPORAL_TLS_SERVER_NAME: 'ns.acct',
      });
      const options = temporalConnectionOptions(config.temporal);
      expect(options.address).toBe('ns.acct.tmprl.cloud:7233');
      expect(options.tls?.serverNameOverride).toBe('ns.acct');
      expect(Buffer.from(options.tls?.serverRootCACertificate ?? []).toString()).toBe('pem ca');
      expect(Buffer.from(options.tls?.clientCertPair?.crt ?? []).toString()).toBe('pem crt');
      expect(Buffer.from(options.tls?.clientCertPair?.key ?? []).toString()).toBe('pem key');
      const missing = loadConfig({ TEMPORAL_TLS_SERVER_CA_CERT_PATH: path.join(dir, 'nope') });
      expect(() => temporalConnectionOptions(missing.temporal)).toThrow(
        /TEMPORAL_TLS_SERVER_CA_CERT_PATH: cannot read/,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('tunes workers from config and names the replica in the identity', () => {
    const config = loadConfig({
      WORKER_INSTANCE: 'etl-2',
      WORKER_SHUTDOWN_GRACE_SECONDS: '10',
      WORKER_MAX_CONCURRENT_ACTIVITIES: '7',
    });
    const tuning = workerTuning('etl', config.worker, { maxConcurrentWorkflowTaskExecutions: 3 });
    expect(tuning).toEqual({
      identity: `etl-2/${process.pid}@${os.hostname()}`,
      shutdownGraceTime: 10_000,
      shutdownForceTime: 15_000,
      maxConcurrentActivityTaskExecutions: 7,
      maxConcurrentWorkflowTaskExecutions: 3,
      // Fast crash recovery: heartbeats forwarded as sent, a dead worker's cached workflows moved on after 1 s.
      maxHeartbeatThrottleInterval: 1_000,
      stickyQueueScheduleToStartTimeout: '1 second',
    });
    expect(workerIdentity('data', undefined, 42)).toBe(`data/42@${os.hostname()}`);
    expect(loadConfig({ ETL_WORKER_REPLICAS: '3' }).replicas).toEqual({ etl: 3, data: 1, analysis: 1 });
    expect(loadConfig({}).db).toMatchObject({ poolMax: 10, statementTimeoutMs: 300_000, migrateOnStart: true });
  });
});
