/**
 * A number together with the XBRL concepts it came from, or the reason it could not be obtained. Ratios are built
 * from amounts so every result can say which tags it used and which were missing instead of guessing.
 */
export type Amount = KnownAmount | MissingAmount;

export interface KnownAmount {
  readonly known: true;
  readonly value: number;
  readonly concepts: readonly string[];
}

export interface MissingAmount {
  readonly known: false;
  readonly reason: string;
  readonly concepts: readonly string[];
}

export const known = (value: number, concepts: readonly string[]): KnownAmount => ({ known: true, value, concepts });

export const missing = (reason: string, concepts: readonly string[] = []): MissingAmount => ({
  known: false,
  reason,
  concepts,
});

const union = (amounts: readonly Amount[]): string[] => [...new Set(amounts.flatMap((amount) => amount.concepts))];

/**
 * Applies `formula` when every input is known. The formula returns a number, or a string explaining why the result
 * is not meaningful (zero denominator, negative base of a growth rate).
 */
export function combine(inputs: readonly Amount[], formula: (...values: number[]) => number | string): Amount {
  const concepts = union(inputs);
  const absent = inputs.filter((input): input is MissingAmount => !input.known);
  if (absent.length > 0) return missing([...new Set(absent.map((input) => input.reason))].join('; '), concepts);
  const result = formula(...inputs.map((input) => (input as KnownAmount).value));
  if (typeof result === 'string') return missing(result, concepts);
  return Number.isFinite(result) ? known(result, concepts) : missing('not a finite number', concepts);
}

export const divide = (numerator: Amount, denominator: Amount, what = 'denominator'): Amount =>
  combine([numerator, denominator], (n, d) => (d === 0 ? `${what} is zero` : n / d));

/** Mean of the opening and closing balance, for ratios of a flow to a stock. */
export const average = (opening: Amount, closing: Amount): Amount =>
  combine([opening, closing], (open, close) => (open + close) / 2);

export const withReason = (amount: Amount, reason: string): Amount =>
  amount.known ? amount : missing(`${reason}: ${amount.reason}`, amount.concepts);

export const valueOrNull = (amount: Amount): number | null => (amount.known ? amount.value : null);
