import type { ChartSeries } from '../chart-series';
import { monthlyTableFromCloses } from '../derived';
import { BASE, CHART_WIDTH, COLORS, percent, titleOf } from './common';
import type { ChartSpec } from './common';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const YEAR = 'Year';
const ROW = 24;
/** Room for the title and the month names above the first row. */
const TOP = 84;
const BOTTOM = 8;
const RED_WHITE_GREEN = ['#dc2626', '#fca5a5', '#ffffff', '#86efac', '#16a34a'];

/** Symmetric around 0 so white means flat; at least ±1% so a quiet series is not painted in full colour. */
const scaleOf = (values: number[], floor: number): number =>
  Math.max(floor, ...values.map((v) => Math.abs(v)).filter(Number.isFinite));

/** `[month, year row, return]`; labels are looked up by index, so the cells stay plain arrays ECharts reads fast. */
type Cell = [number, number, number];

/** Year × month heat map of compounded monthly returns, with each year's total in its own column and scale. */
export function monthlyReturnsChart(s: ChartSeries): ChartSpec {
  const table = monthlyTableFromCloses(s.dates, s.close);
  const years = table.map((row) => String(row.year));
  const months: Cell[] = [];
  const totals: Cell[] = [];
  table.forEach((row, y) => {
    row.months.forEach((v, m) => {
      if (v !== null && Number.isFinite(v)) months.push([m, y, v]);
    });
    if (Number.isFinite(row.total)) totals.push([12, y, row.total]);
  });
  const monthScale = scaleOf(
    months.map((c) => c[2]),
    0.01,
  );
  const yearScale = scaleOf(
    totals.map((c) => c[2]),
    0.01,
  );
  const heat = (name: string, data: Cell[]): Record<string, unknown> => ({
    name,
    type: 'heatmap',
    data,
    silent: true,
    label: {
      show: true,
      fontSize: 10,
      color: COLORS.ink,
      formatter: (p: { dataIndex: number }) => percent(data[p.dataIndex][2], 1),
    },
    itemStyle: { borderColor: '#ffffff', borderWidth: 1 },
  });
  const visual = (seriesIndex: number, scale: number): Record<string, unknown> => ({
    show: false,
    type: 'continuous',
    seriesIndex,
    dimension: 2,
    min: -scale,
    max: scale,
    inRange: { color: RED_WHITE_GREEN },
  });
  return {
    width: CHART_WIDTH,
    height: TOP + BOTTOM + Math.max(1, years.length) * ROW,
    option: {
      ...BASE,
      title: titleOf(s.symbol, 'Monthly returns', s.dates),
      grid: { left: 56, right: 16, top: TOP, bottom: BOTTOM },
      xAxis: {
        type: 'category',
        data: [...MONTHS, YEAR],
        position: 'top',
        axisLine: { show: false },
        axisTick: { show: false },
        axisLabel: { color: COLORS.muted, fontSize: 11 },
        splitArea: { show: false },
      },
      yAxis: {
        type: 'category',
        data: years,
        inverse: true,
        axisLine: { show: false },
        axisTick: { show: false },
        axisLabel: { color: COLORS.muted, fontSize: 11 },
      },
      visualMap: [visual(0, monthScale), visual(1, yearScale)],
      series: [heat('Monthly return', months), heat('Yearly return', totals)],
    },
  };
}
