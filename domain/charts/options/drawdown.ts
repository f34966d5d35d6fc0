import type { ChartSeries } from '../chart-series';
import { drawdownFromCloses } from '../derived';
import { BASE, CHART_WIDTH, COLORS, line, percent, dateAxis, titleOf, valueAxis } from './common';
import type { ChartSpec } from './common';

/** The underwater curve of the closes, with its deepest point marked. */
export function drawdownChart(s: ChartSeries): ChartSpec {
  const dd = drawdownFromCloses(s.dates, s.close);
  let trough = -1;
  dd.values.forEach((v, i) => {
    if (v < 0 && (trough < 0 || v < dd.values[trough])) trough = i;
  });
  const mark =
    trough < 0
      ? {}
      : {
          markPoint: {
            silent: true,
            symbol: 'pin',
            symbolSize: 0,
            label: {
              show: true,
              position: 'bottom',
              color: COLORS.down,
              fontSize: 11,
              formatter: `max ${percent(dd.values[trough], 1)} on ${dd.dates[trough]}`,
            },
            data: [{ coord: [dd.dates[trough], dd.values[trough]] }],
          },
        };
  return {
    width: CHART_WIDTH,
    height: 260,
    option: {
      ...BASE,
      title: titleOf(s.symbol, 'Drawdown', s.dates),
      grid: { left: 16, right: 64, top: 56, bottom: 32 },
      xAxis: dateAxis(dd.dates, 0, true),
      yAxis: valueAxis(0, {
        scale: false,
        max: 0,
        axisLabel: { color: COLORS.muted, fontSize: 11, formatter: (v: number) => percent(v) },
      }),
      series: [
        line('Drawdown', dd.values, COLORS.down, {
          areaStyle: { color: 'rgba(220, 38, 38, 0.18)' },
          ...mark,
        }),
      ],
    },
  };
}
