import { ApplicationFailure } from '@temporalio/common';
import { FAILURE_TYPES } from '../../contracts';
import { providerFetchFailure } from '../http/provider-failures';
import { PROVIDER_UNAVAILABLE, stooqResponseFailure, type StooqHttpResponse } from './classify';
import { parseRetryAfter } from '../http/retry-after';

const CSV = 'Date,Open,High,Low,Close,Volume\r\n2013-02-08,67.7142,68.4014,66.8928,67.8542,158168416\r\n';
const response = (status: number, body: string, retryAfter: string | null = null): StooqHttpResponse => ({
  status,
  retryAfter,
  body: Buffer.from(body),
});

describe('stooqResponseFailure', () => {
  it.each([
    ['CRLF', CSV],
    ['LF', CSV.replaceAll('\r\n', '\n')],
    ['a byte-order mark', `\uFEFF${CSV}`],
    ['no volume column (currencies)', 'Date,Open,High,Low,Close\n2024-01-02,1.1,1.2,1.0,1.1\n'],
  ])('accepts a 200 CSV with %s', (_, body) => {
    expect(stooqResponseFailure('AAPL.US', response(200, body))).toBeUndefined();
  });

  it.each([
    ['a 200 "No data"', response(200, 'No data')],
    ['a 200 "No data" with a newline', response(200, 'No data\n')],
    ['a 404', response(404, 'Not Found')],
  ])('reports %s as an unknown symbol, without retry', (_, answer) => {
    const failure = stooqResponseFailure('ZZZZ.US', answer);

    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({
      type: FAILURE_TYPES.unknownSymbol,
      nonRetryable: true,
      details: [{ symbol: 'ZZZZ.US' }],
    });
    expect(failure?.message).toContain('ZZZZ.US');
  });

  it.each([400, 401, 403, 410, 422])('reports HTTP %i as a permanent rejection', (status) => {
    const failure = stooqResponseFailure('AAPL.US', response(status, 'nope'));

    expect(failure).toMatchObject({ type: FAILURE_TYPES.providerRejected, nonRetryable: true });
    expect(failure?.message).toContain(String(status));
  });

  it.each([408, 429, 500, 502, 503, 504])('reports HTTP %i as retryable', (status) => {
    const failure = stooqResponseFailure('AAPL.US', response(status, 'busy'));

    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ type: PROVIDER_UNAVAILABLE, nonRetryable: false });
    expect(failure?.nextRetryDelay).toBeUndefined();
  });

  it('turns Retry-After seconds into nextRetryDelay in milliseconds', () => {
    expect(stooqResponseFailure('AAPL.US', response(429, '', '7'))?.nextRetryDelay).toBe(7000);
    // Zero is no hint: Temporal would not retry a failure whose next delay is zero, so the policy's backoff applies.
    expect(stooqResponseFailure('AAPL.US', response(503, '', '0'))?.nextRetryDelay).toBeUndefined();
  });

  it('turns a Retry-After date into the delay from now', () => {
    const now = new Date('2024-01-02T10:00:00Z');
    const failure = stooqResponseFailure('AAPL.US', response(503, '', 'Tue, 02 Jan 2024 10:01:30 GMT'), now);

    expect(failure).toMatchObject({ type: PROVIDER_UNAVAILABLE, nonRetryable: false, nextRetryDelay: 90_000 });
  });

  it('rejects a 200 that is not Stooq CSV, quoting the first 80 characters', () => {
    const html = `<!DOCTYPE html><html><head><title>Stooq</title></head><body>${'x'.repeat(200)}</body></html>`;
    const failure = stooqResponseFailure('AAPL.US', response(200, html));

    expect(failure).toMatchObject({ type: FAILURE_TYPES.providerRejected, nonRetryable: true });
    expect(failure?.message).toContain(JSON.stringify(html.slice(0, 80)));
    expect(failure?.message).not.toContain(html.slice(0, 81));
  });

  it('rejects an empty 200 body as not CSV', () => {
    expect(stooqResponseFailure('AAPL.US', response(200, ''))).toMatchObject({
      type: FAILURE_TYPES.providerRejected,
      nonRetryable: true,
    });
  });
});

describe('a Stooq request that got no answer', () => {
  it('is retryable and keeps the network error as the cause', () => {
    const cause = new TypeError('fetch failed');
    const failure = providerFetchFailure('Stooq', 'AAPL.US', cause);

    expect(failure).toMatchObject({ type: PROVIDER_UNAVAILABLE, nonRetryable: false, cause });
    expect(failure.message).toContain('AAPL.US');
  });
});

describe('parseRetryAfter', () => {
  const now = new Date('2024-01-02T10:00:00Z');

  it.each([
    [null, undefined],
    ['', undefined],
    ['soon', undefined],
    ['12', 12_000],
    [' 3 ', 3_000],
    ['Tue, 02 Jan 2024 09:00:00 GMT', 0],
  ])('reads %p as %p ms', (header, expected) => {
    expect(parseRetryAfter(header, now)).toBe(expected);
  });
});
