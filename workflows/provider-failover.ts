import { FAILURE_TYPES, type PriceProvider } from '../contracts';

/** Why one provider could not give a symbol. */
export interface ProviderFailure {
  provider: PriceProvider;
  type: string;
  message: string;
}

/** The first provider that answered and its answer, or every provider's failure, in the order they were tried. */
export type FailoverResult<T> = { provider: PriceProvider; value: T } | { failures: ProviderFailure[] };

/** One provider's attempt at a symbol: its answer, or why it has none (its own retries are already spent). */
export type ProviderAttempt<T> = (
  provider: PriceProvider,
) => Promise<{ value: T } | { failure: { type: string; message: string } }>;

/**
 * Tries the providers one after another, in order, and stops at the first that answers; a failure passes the
 * symbol to the next provider. Pure control flow (no Temporal), so the order and fall-through are unit tested.
 */
export async function firstProviderThatAnswers<T>(
  providers: readonly PriceProvider[],
  attempt: ProviderAttempt<T>,
): Promise<FailoverResult<T>> {
  const failures: ProviderFailure[] = [];
  for (const provider of providers) {
    const outcome = await attempt(provider);
    if ('value' in outcome) return { provider, value: outcome.value };
    failures.push({ provider, ...outcome.failure });
  }
  return { failures };
}

/**
 * The symbol's failure when no provider could give it: one type when every provider failed alike (all said
 * UnknownSymbol: the symbol is unknown), else EveryProviderFailed; the message names each provider's reason.
 */
export function everyProviderFailed(
  symbol: string,
  failures: readonly ProviderFailure[],
): { type: string; message: string } {
  if (failures.length === 0) throw new RangeError(`no provider was tried for ${symbol}`);
  const types = new Set(failures.map((f) => f.type));
  const type = types.size === 1 ? failures[0].type : FAILURE_TYPES.everyProviderFailed;
  const reasons = failures.map((f) => `${f.provider}: ${f.type}: ${f.message}`).join('; ');
  return { type, message: `no provider could give ${symbol}: ${reasons}` };
}

/** `auto` runs: the symbols each provider served, sorted, from the parts that name their provider. */
export function symbolsByProvider(
  parts: readonly { symbol?: string; provider?: PriceProvider; failure?: unknown }[],
): Partial<Record<PriceProvider, string[]>> {
  const served: Partial<Record<PriceProvider, string[]>> = {};
  for (const part of parts) {
    if (part.failure || !part.provider || !part.symbol) continue;
    (served[part.provider] ??= []).push(part.symbol);
  }
  for (const symbols of Object.values(served)) symbols.sort();
  return served;
}

/** Adds one batch's served symbols to the run's (mutates `totals`). */
export function addSymbolsByProvider(
  totals: Partial<Record<PriceProvider, string[]>>,
  batch: Partial<Record<PriceProvider, string[]>>,
): void {
  for (const [provider, symbols] of Object.entries(batch) as [PriceProvider, string[]][]) {
    totals[provider] = [...new Set([...(totals[provider] ?? []), ...symbols])].sort();
  }
}
