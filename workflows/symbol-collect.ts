import { ActivityFailure, ApplicationFailure, isCancellation } from '@temporalio/workflow';
import { FAILURE_TYPES, type IngestPricesRequest, type RawPart } from '../contracts';
import { failureOf } from './failure-of';

/** What became of one symbol: its archived body, nothing (no bars in the range), or why it could not be fetched. */
export type SymbolOutcome =
  | { symbol: string; part: RawPart | null }
  | { symbol: string; failure: { type: string; message: string }; error: unknown };

/** The two one-request activities of a provider, as the calling workflow schedules them. */
export interface SymbolActivities {
  fetch(query: { symbol: string; from?: string; to?: string; runDate: string }): Promise<RawPart>;
  /** Only for providers whose "unknown symbol" may mean an empty range (Stooq); absent otherwise. */
  probe?(symbol: string): Promise<void>;
}

/**
 * Fetches every symbol of a batch, each as its own activity, all scheduled at once (the queue paces them). A symbol
 * that cannot be fetched (unknown to the provider, refused, still failing after its retries) becomes a failed part,
 * which the transform reports in `fileFailures`, and the others load; only when every symbol failed does the batch
 * fail, with their failure, as a batch of one symbol always did.
 */
export async function collectSymbolsEach(
  request: IngestPricesRequest,
  symbols: string[],
  runDate: string,
  activities: SymbolActivities,
): Promise<RawPart[]> {
  return partsOf(await Promise.all(symbols.map((symbol) => collectSymbol(request, symbol, runDate, activities))));
}

/**
 * A batch's parts from its symbols' outcomes: a failed symbol becomes a failed part, one without bars none; when
 * every symbol failed, the batch fails instead.
 */
export function partsOf(outcomes: SymbolOutcome[]): RawPart[] {
  const failed = outcomes.filter((outcome) => 'failure' in outcome);
  if (failed.length > 0 && failed.length === outcomes.length) throw everySymbolFailed(failed);
  return outcomes.flatMap((outcome): RawPart[] => {
    if ('failure' in outcome) return [failedPart(outcome.symbol, outcome.failure)];
    return outcome.part ? [outcome.part] : [];
  });
}

/** One symbol from one provider: its fetch, and the probe when "unknown" may mean an empty range. */
export async function collectSymbol(
  request: IngestPricesRequest,
  symbol: string,
  runDate: string,
  activities: SymbolActivities,
): Promise<SymbolOutcome> {
  const { from, to } = request;
  try {
    return { symbol, part: await activities.fetch({ symbol, from, to, runDate }) };
  } catch (err) {
    if (isCancellation(err)) throw err;
    const ranged = from !== undefined || to !== undefined;
    if (!activities.probe || !ranged || !isUnknownSymbol(err)) return { symbol, failure: failureOf(err), error: err };
  }
  // "No data" for a range is either an unknown symbol or a range without trading days (a weekend's daily run).
  try {
    await activities.probe(symbol);
    return { symbol, part: null };
  } catch (err) {
    if (isCancellation(err)) throw err;
    return { symbol, failure: failureOf(err), error: err };
  }
}

const isUnknownSymbol = (err: unknown): boolean =>
  err instanceof ActivityFailure &&
  err.cause instanceof ApplicationFailure &&
  err.cause.type === FAILURE_TYPES.unknownSymbol;

/** Nothing was archived: key, sha256 and bytes are empty, and `origin` names the symbol. */
function failedPart(symbol: string, failure: { type: string; message: string }): RawPart {
  return { key: '', sha256: '', bytes: 0, symbol, origin: symbol, failure };
}

/** One symbol's own failure as it was; several as one failure naming each, typed by the first. */
function everySymbolFailed(failed: Extract<SymbolOutcome, { failure: unknown }>[]): unknown {
  if (failed.length === 1) return failed[0].error;
  const [first] = failed;
  return ApplicationFailure.nonRetryable(
    `every symbol of the batch failed: ${failed.map((f) => `${f.symbol}: ${f.failure.type}: ${f.failure.message}`).join('; ')}`,
    first.failure.type,
    { symbols: failed.map((f) => f.symbol) },
  );
}
