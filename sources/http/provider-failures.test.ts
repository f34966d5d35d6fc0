import { ApplicationFailure } from '@temporalio/common';
import { httpStatusFailure, isThrottle, PROVIDER_UNAVAILABLE, providerThrottled } from './provider-failures';

const answer = (status: number, retryAfter: string | null = null) =>
  httpStatusFailure('Yahoo', 'AAPL', { status, retryAfter }, { symbol: 'AAPL' }, new Date('2026-01-02T00:00:00Z'));

describe('isThrottle', () => {
  it('is true for a 429, with or without Retry-After, which stays retryable', () => {
    for (const failure of [answer(429), answer(429, '7')]) {
      expect(failure).toMatchObject({ type: PROVIDER_UNAVAILABLE, nonRetryable: false });
      expect(isThrottle(failure)).toBe(true);
    }
    expect(answer(429, '7')?.nextRetryDelay).toBe(7000);
  });

  it('is false for an outage, a refusal and a success', () => {
    expect(isThrottle(answer(503))).toBe(false);
    expect(isThrottle(answer(408))).toBe(false);
    expect(isThrottle(answer(403))).toBe(false);
    expect(answer(200)).toBeUndefined();
    expect(isThrottle(undefined)).toBe(false);
    expect(isThrottle(new Error('HTTP 429'))).toBe(false);
  });

  it('recognises a provider’s own throttle answer marked by providerThrottled', () => {
    expect(isThrottle(providerThrottled('Alpha Vantage says slow down', undefined))).toBe(true);
    expect(isThrottle(ApplicationFailure.retryable('HTTP 429', PROVIDER_UNAVAILABLE))).toBe(false);
  });
});
