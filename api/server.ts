import { ConfigError, loadConfig, type Config } from '../config';
import { createLogger } from '../infra/logger';
import { installProcessFaultHandlers } from '../infra/process-faults';
import { buildApp } from './app';

/** Slow or idle clients must not hold connections open; runs are started, never awaited, so requests are short. */
const TIMEOUTS = { connectionTimeout: 60_000, requestTimeout: 30_000, keepAliveTimeout: 10_000 };

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    // No logger exists yet: the message lists every bad variable and is meant for a person.
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  }
}

async function main(): Promise<void> {
  const config = readConfig();
  const app = await buildApp({
    config,
    server: { loggerInstance: createLogger('api', config.logLevel), ...TIMEOUTS, return503OnClosing: true },
  });
  installProcessFaultHandlers('api', app.log);

  let closing = false;
  const close = (signal: NodeJS.Signals): void => {
    if (closing) process.exit(1); // a second signal means "now"
    closing = true;
    app.log.info({ signal }, 'closing');
    app.close().then(
      () => process.exit(0),
      (err: unknown) => {
        app.log.error({ err }, 'close failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', close);
  process.on('SIGTERM', close);

  await app.listen({ host: config.api.host, port: config.api.port });
}

main().catch((err: unknown) => {
  process.stderr.write(`api failed to start: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
