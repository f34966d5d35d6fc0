import { FAILURE_TYPES, type PriceProvider } from '../contracts';
import {
  addSymbolsByProvider,
  everyProviderFailed,
  firstProviderThatAnswers,
  symbolsByProvider,
  type ProviderAttempt,
} from './provider-failover';

const unknown: { type: string; message: string } = { type: FAILURE_TYPES.unknownSymbol, message: 'no such symbol' };
const throttled = { type: 'ProviderUnavailable', message: 'HTTP 429' };

/** Answers as scripted per provider and records the order in which providers were asked. */
function scripted(answers: Partial<Record<PriceProvider, { value: string } | { failure: typeof unknown }>>) {
  const asked: PriceProvider[] = [];
  const attempt: ProviderAttempt<string> = (provider) => {
    asked.push(provider);
    const answer = answers[provider];
    if (!answer) throw new Error(`${provider} was not expected to be asked`);
    return Promise.resolve(answer);
  };
  return { asked, attempt };
}

describe('firstProviderThatAnswers', () => {
  it('stops at the first provider that answers and never asks the ones after it', async () => {
    const { asked, attempt } = scripted({ yahoo: { value: 'from yahoo' } });
    expect(await firstProviderThatAnswers(['yahoo', 'stooq'], attempt)).toEqual({
      provider: 'yahoo',
      value: 'from yahoo',
    });
    expect(asked).toEqual(['yahoo']);
  });

  it('passes a symbol the first provider failed to the next, in the configured order', async () => {
    const { asked, attempt } = scripted({ stooq: { failure: unknown }, yahoo: { value: 'from yahoo' } });
    expect(await firstProviderThatAnswers(['stooq', 'yahoo'], attempt)).toEqual({
      provider: 'yahoo',
      value: 'from yahoo',
    });
    expect(asked).toEqual(['stooq', 'yahoo']);
  });

  it('lists every provider’s failure, in order, when none answers', async () => {
    const { asked, attempt } = scripted({ yahoo: { failure: throttled }, stooq: { failure: unknown } });
    expect(await firstProviderThatAnswers(['yahoo', 'stooq'], attempt)).toEqual({
      failures: [
        { provider: 'yahoo', ...throttled },
        { provider: 'stooq', ...unknown },
      ],
    });
    expect(asked).toEqual(['yahoo', 'stooq']);
  });

  it('keeps a null answer (known symbol, no bars in the range) as an answer', async () => {
    const attempt: ProviderAttempt<string | null> = () => Promise.resolve({ value: null });
    expect(await firstProviderThatAnswers(['stooq', 'yahoo'], attempt)).toEqual({ provider: 'stooq', value: null });
  });
});

describe('everyProviderFailed', () => {
  it('keeps the one type when every provider failed alike, and names each provider’s reason', () => {
    expect(
      everyProviderFailed('ZZZZ', [
        { provider: 'yahoo', type: FAILURE_TYPES.unknownSymbol, message: 'Yahoo has no chart for symbol ZZZZ' },
        { provider: 'stooq', type: FAILURE_TYPES.unknownSymbol, message: 'Stooq has no data for symbol ZZZZ' },
      ]),
    ).toEqual({
      type: FAILURE_TYPES.unknownSymbol,
      message:
        'no provider could give ZZZZ: yahoo: UnknownSymbol: Yahoo has no chart for symbol ZZZZ; ' +
        'stooq: UnknownSymbol: Stooq has no data for symbol ZZZZ',
    });
  });

  it('is EveryProviderFailed when the providers failed differently', () => {
    const failure = everyProviderFailed('ZZZZ', [
      { provider: 'yahoo', ...throttled },
      { provider: 'stooq', ...unknown },
    ]);
    expect(failure.type).toBe(FAILURE_TYPES.everyProviderFailed);
    expect(failure.message).toBe(
      'no provider could give ZZZZ: yahoo: ProviderUnavailable: HTTP 429; stooq: UnknownSymbol: no such symbol',
    );
  });

  it('refuses an empty list: a symbol no provider was asked for has not failed', () => {
    expect(() => everyProviderFailed('ZZZZ', [])).toThrow('no provider was tried for ZZZZ');
  });
});

describe('symbolsByProvider', () => {
  const part = (symbol: string, provider?: PriceProvider, failed = false) => ({
    symbol,
    provider,
    ...(failed ? { failure: unknown } : {}),
  });

  it('groups the symbols each provider served, sorted, leaving out failed parts and unmarked ones', () => {
    expect(
      symbolsByProvider([
        part('MSFT', 'stooq'),
        part('AAPL', 'yahoo'),
        part('IBM', 'stooq'),
        part('ZZZZ', undefined, true),
        part('CSV'),
      ]),
    ).toEqual({ stooq: ['IBM', 'MSFT'], yahoo: ['AAPL'] });
  });

  it('adds a batch to the run’s totals without repeating a symbol', () => {
    const totals = { yahoo: ['AAPL'] };
    addSymbolsByProvider(totals, { yahoo: ['AAPL', 'GE'], stooq: ['IBM'] });
    expect(totals).toEqual({ yahoo: ['AAPL', 'GE'], stooq: ['IBM'] });
  });
});
