import path from 'node:path';
import { ConfigError, DEMO_DATA_DIR, loadConfig } from '.';

describe('loadConfig', () => {
  it('describes the local stack when nothing is set', () => {
    const config = loadConfig({});
    expect(config.api.port).toBe(3000);
    expect(config.workers).toEqual({ etl: { port: 8000 }, data: { port: 8002 }, analysis: { port: 8001 } });
    expect(config.temporal).toEqual({
      address: '127.0.0.1:7233',
      namespace: 'default',
      uiPort: 8233,
      uiUrl: 'http://127.0.0.1:8233',
    });
    expect(config.api.importRoots).toEqual([DEMO_DATA_DIR]);
  });

  it('reads comma-separated lists and derives the UI URL from its port', () => {
    const config = loadConfig({
      API_KEYS: ' a, b ,,c',
      IMPORT_ROOTS: '/data/one,/data/two',
      TEMPORAL_UI_PORT: '18233',
    });
    expect(config.api.keys).toEqual(['a', 'b', 'c']);
    // The bundled demo data is always importable, or npm start's own demo would fail with a user's roots.
    expect(config.api.importRoots).toEqual([path.resolve('/data/one'), path.resolve('/data/two'), DEMO_DATA_DIR]);
    expect(config.temporal.uiUrl).toBe('http://127.0.0.1:18233');
  });

  it('treats a blank variable as unset', () => {
    expect(loadConfig({ API_PORT: '  ' }).api.port).toBe(3000);
  });

  it('names every bad variable in one error', () => {
    let error: unknown;
    try {
      loadConfig({ API_PORT: 'abc', S3_BUCKET: 'Bad_Bucket', TEMPORAL_ADDRESS: 'nohost', DATA_WORKER_PORT: '70000' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.map((p) => p.split(':')[0]).sort();
    expect(problems).toEqual(['API_PORT', 'DATA_WORKER_PORT', 'S3_BUCKET', 'TEMPORAL_ADDRESS']);
    expect((error as ConfigError).message).toContain('S3_BUCKET: expected an S3 bucket name');
  });
});
