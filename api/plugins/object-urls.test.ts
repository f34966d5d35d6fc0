import { createObjectStore } from '../../infra/s3';
import { buildTestApp, type TestApp } from '../test-support/test-app';
import { testConfig } from '../test-support/test-config';

let t: TestApp;
afterEach(() => t.app.close());

describe('object links', () => {
  it('are presigned for API_OBJECT_URL_TTL_SECONDS, for one object, computed without a request to S3', async () => {
    const config = testConfig({ API_OBJECT_URL_TTL_SECONDS: '120', S3_ENDPOINT: 'http://127.0.0.1:9' });
    t = await buildTestApp({ config, clients: { s3: createObjectStore(config.s3) } });
    const url = new URL(await t.app.objectUrl('charts/AAPL/2024-05-01/price.svg'));
    expect(url.origin).toBe('http://127.0.0.1:9');
    expect(url.pathname).toBe(`/${config.s3.bucket}/charts/AAPL/2024-05-01/price.svg`);
    expect(url.searchParams.get('X-Amz-Expires')).toBe('120');
    expect(url.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
    expect(url.searchParams.get('X-Amz-Credential')).toContain(`${config.s3.accessKey}/`);
  });
});
