/** Where a symbol's rendered charts and tearsheet live in S3 (the API paths are in application/analysis). */
import { CHART_NAMES, type ChartName } from '../../domain/charts';

export const chartObjectKey = (symbol: string, asOf: string, name: ChartName): string =>
  `charts/${symbol}/${asOf}/${name}.svg`;

export const reportObjectKey = (symbol: string, asOf: string): string => `reports/${symbol}/${asOf}/tearsheet.html`;

/**
 * The object metadata naming the analysis run an artifact was drawn for. The keys name a symbol and a date, so a
 * later analysis of the same date finds the objects of the one before under its keys: a reader compares this
 * with the stored row's run and renders again when they differ (application/report/read-artifact.ts).
 */
export const ANALYSIS_RUN_METADATA = 'analysis-run';

export const SVG_CONTENT_TYPE = 'image/svg+xml';
export const HTML_CONTENT_TYPE = 'text/html; charset=utf-8';

export const isChartName = (name: string): name is ChartName => (CHART_NAMES as readonly string[]).includes(name);

/** Where the charts and tearsheet of an analysis are, rendered or not yet. */
export function artifactKeysOf(symbol: string, asOf: string): { charts: Record<ChartName, string>; report: string } {
  return {
    charts: Object.fromEntries(CHART_NAMES.map((name) => [name, chartObjectKey(symbol, asOf, name)])) as Record<
      ChartName,
      string
    >,
    report: reportObjectKey(symbol, asOf),
  };
}
