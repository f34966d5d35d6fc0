/** What the API serves by default: the document with the latest value of each indicator instead of its series. */
import {
  ANALYZE_JSON_KEYS,
  type AnalyzeJson,
  type IndicatorLatestJson,
  type IndicatorSeriesJson,
  type JsonNumber,
} from '../../contracts/analysis';

function latest(values: readonly JsonNumber[]): JsonNumber {
  for (let i = values.length - 1; i >= 0; i--) if (values[i] !== null) return values[i];
  return null;
}

export function latestIndicator(series: IndicatorSeriesJson): IndicatorLatestJson {
  if (Array.isArray(series)) return latest(series);
  return Object.fromEntries(Object.entries(series).map(([part, values]) => [part, latest(values)]));
}

/** Indicators carry their full series only when asked (`?series=true`): a series is one value per bar. What
 * `analysis_results` stores, and the API's default view. */
export function latestValuesView<D extends AnalyzeJson>(
  document: D,
): Omit<D, 'indicators'> & { indicators: Record<string, IndicatorLatestJson> } {
  return {
    ...document,
    indicators: Object.fromEntries(
      Object.entries(document.indicators).map(([name, series]) => [name, latestIndicator(series)]),
    ),
  };
}

/** The `iby analyze --json` keys of a document, in their order. */
export function pickAnalyzeJson<I>(document: AnalyzeJson<I>): AnalyzeJson<I> {
  const picked: Partial<AnalyzeJson<I>> = {};
  for (const key of ANALYZE_JSON_KEYS) (picked as Record<string, unknown>)[key] = document[key];
  return picked as AnalyzeJson<I>;
}
