import { loadConfig, type Config } from '../../config';

export const TEST_API_KEY = 'test-key-1';

/** Config from defaults plus the given variables; nothing from the developer's environment or .env leaks in. */
export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({
    API_KEYS: `${TEST_API_KEY},second-key`,
    TEMPORAL_UI_URL: 'http://temporal-ui.test',
    TEMPORAL_NAMESPACE: 'iby-test',
    LOG_LEVEL: 'error',
    // Tests that use Redis check what the cache answers; on a loaded machine 100 ms is not always enough.
    REDIS_COMMAND_TIMEOUT_MS: '10000',
    ...env,
  });
}
