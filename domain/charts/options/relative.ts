import type { ChartSeries } from '../chart-series';
import { relativeFromCloses } from '../derived';
import { BASE, CHART_WIDTH, COLORS, legendOf, line, percent, dateAxis, titleOf, valueAxis } from './common';
import type { ChartSpec } from './common';

/**
 * Cumulative return of the symbol and of the benchmark from their first common date, and the symbol's growth
 * relative to the benchmark. Without a benchmark, the symbol alone (the title says so).
 */
export function relativeChart(s: ChartSeries): ChartSpec {
  const rel = relativeFromCloses(s.dates, s.close, s.benchmark);
  const bench = s.benchmark?.symbol;
  const series = [line(s.symbol, rel.symbol, COLORS.price, { lineStyle: { color: COLORS.price, width: 1.5 } })];
  if (bench !== undefined) {
    series.push(line(bench, rel.benchmark, COLORS.benchmark));
    series.push(
      line(`${s.symbol} relative to ${bench}`, rel.excess, COLORS.excess, {
        lineStyle: { color: COLORS.excess, width: 1, type: 'dashed' },
      }),
    );
  }
  return {
    width: CHART_WIDTH,
    height: 300,
    option: {
      ...BASE,
      title: titleOf(
        s.symbol,
        bench === undefined ? 'Cumulative return (no benchmark)' : `Cumulative return vs ${bench}`,
        rel.dates,
      ),
      legend: legendOf(series.map((x) => String(x.name))),
      grid: { left: 16, right: 64, top: 56, bottom: 32 },
      xAxis: dateAxis(rel.dates, 0, true),
      yAxis: valueAxis(0, { axisLabel: { color: COLORS.muted, fontSize: 11, formatter: (v: number) => percent(v) } }),
      series,
    },
  };
}
