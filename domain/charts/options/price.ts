import type { ChartSeries } from '../chart-series';
import { barData, BASE, CHART_WIDTH, COLORS, compact, legendOf, line, dateAxis, titleOf, valueAxis } from './common';
import type { ChartSpec } from './common';

/** Close with SMA 50/200 and Bollinger (20, 2) over a volume panel sharing the time axis. */
export function priceChart(s: ChartSeries): ChartSpec {
  const height = 440;
  // The band is a stack: an invisible lower edge, then the width of the band filled on top of it.
  const bandWidth = s.bbUpper.map((u, i) => {
    const l = s.bbLower[i];
    return u === null || l === null ? null : u - l;
  });
  const edge = { lineStyle: { color: COLORS.bandEdge, width: 0.6 } };
  return {
    width: CHART_WIDTH,
    height,
    option: {
      ...BASE,
      title: titleOf(s.symbol, 'Price', s.dates),
      legend: legendOf(['Close', 'SMA 50', 'SMA 200', 'Bollinger (20, 2)', 'Volume']),
      grid: [
        { left: 16, right: 64, top: 56, height: 250 },
        { left: 16, right: 64, top: 330, height: 76 },
      ],
      xAxis: [dateAxis(s.dates, 0, false), dateAxis(s.dates, 1, true)],
      yAxis: [
        valueAxis(0),
        valueAxis(1, {
          scale: false,
          splitNumber: 2,
          axisLabel: { color: COLORS.muted, fontSize: 10, formatter: compact },
        }),
      ],
      series: [
        line('Bollinger (20, 2)', s.bbLower, COLORS.bandEdge, { stack: 'bollinger', ...edge }),
        line('Bollinger (20, 2)', bandWidth, COLORS.bandEdge, {
          stack: 'bollinger',
          areaStyle: { color: COLORS.band },
          ...edge,
        }),
        line('SMA 200', s.sma200, COLORS.sma200),
        line('SMA 50', s.sma50, COLORS.sma50),
        line('Close', s.close, COLORS.price, { lineStyle: { color: COLORS.price, width: 1.5 } }),
        {
          name: 'Volume',
          type: 'bar',
          xAxisIndex: 1,
          yAxisIndex: 1,
          // One path for all the bars (see barData).
          ...barData(s.volume),
          color: COLORS.volume,
          barMaxWidth: 4,
          silent: true,
        },
      ],
    },
  };
}
