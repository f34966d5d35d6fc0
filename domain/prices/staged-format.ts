/**
 * The staged file for `COPY price_bars_staging (...) FROM STDIN WITH (FORMAT csv)`: no header, one line per bar,
 * an empty field is NULL.
 */
import type { PriceBar } from '../../contracts/prices';

export const STAGED_COLUMNS: readonly string[] = Object.freeze([
  'symbol',
  'date',
  'open',
  'high',
  'low',
  'close',
  'adj_close',
  'volume',
  'flags',
]);

/**
 * `AAPL,2014-06-09,92.7,93.88,91.75,93.7,,75415769,"{}"\n`. Numbers use the JS shortest form (`String(n)`),
 * which Postgres reads back to the same double; symbols and ISO dates never need quoting (see isValidSymbol).
 */
export function toStagedCsvLine(bar: PriceBar): string {
  return (
    `${bar.symbol},${bar.date},${orEmpty(bar.open)},${orEmpty(bar.high)},${orEmpty(bar.low)},${bar.close},` +
    `${orEmpty(bar.adjClose)},${orEmpty(bar.volume)},"{${bar.flags.join(',')}}"\n`
  );
}

function orEmpty(value: number | null): string {
  return value === null ? '' : String(value);
}
