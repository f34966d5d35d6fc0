/** The five charts' options by name: what the server renders to SVG and a browser dashboard can reuse as is. */
import type { ChartName, ChartSeries } from '../chart-series';
import type { ChartSpec } from './common';
import { drawdownChart } from './drawdown';
import { momentumChart } from './momentum';
import { monthlyReturnsChart } from './monthly-returns';
import { priceChart } from './price';
import { relativeChart } from './relative';

export type { ChartSpec, EChartsOption } from './common';

export const CHART_BUILDERS: Record<ChartName, (series: ChartSeries) => ChartSpec> = {
  price: priceChart,
  momentum: momentumChart,
  drawdown: drawdownChart,
  relative: relativeChart,
  'monthly-returns': monthlyReturnsChart,
};

export function chartSpec(name: ChartName, series: ChartSeries): ChartSpec {
  return CHART_BUILDERS[name](series);
}
