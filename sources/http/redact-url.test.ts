import { redactUrl } from './redact-url';

describe('redactUrl', () => {
  it('drops credential-like parameters and keeps the rest', () => {
    const url = new URL('http://mirror.local/q/d/l/?ApiKey=secret&s=aapl.us&i=d&token=t');

    expect(redactUrl(url)).toBe('http://mirror.local/q/d/l/?s=aapl.us&i=d');
    expect(url.searchParams.get('ApiKey')).toBe('secret');
  });
});
