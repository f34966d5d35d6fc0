import type { ChartSeries } from '../chart-series';
import { barData, BASE, CHART_WIDTH, COLORS, legendOf, line, dateAxis, titleOf, valueAxis } from './common';
import type { ChartSpec } from './common';

const OVERBOUGHT = 70;
const OVERSOLD = 30;

/** RSI (14) with its 30/70 zone over MACD (12, 26, 9) with the histogram in green above 0 and red below. */
export function momentumChart(s: ChartSeries): ChartSpec {
  // One series per sign, each drawing only its own bars: in large mode a series has one colour.
  const histogram = (name: string, include: (v: number) => boolean, color: string): Record<string, unknown> => ({
    name,
    type: 'bar',
    xAxisIndex: 1,
    yAxisIndex: 1,
    ...barData(s.macdHist, include),
    color,
    barMaxWidth: 4,
    silent: true,
  });
  return {
    width: CHART_WIDTH,
    height: 400,
    option: {
      ...BASE,
      title: titleOf(s.symbol, 'Momentum', s.dates),
      legend: legendOf(['RSI 14', 'MACD', 'Signal']),
      grid: [
        { left: 16, right: 64, top: 56, height: 128 },
        { left: 16, right: 64, top: 208, height: 160 },
      ],
      xAxis: [dateAxis(s.dates, 0, false), dateAxis(s.dates, 1, true)],
      yAxis: [
        valueAxis(0, {
          scale: false,
          min: 0,
          max: 100,
          interval: 10,
          axisLabel: { show: false },
          splitLine: { show: false },
        }),
        valueAxis(1),
      ],
      series: [
        line('RSI 14', s.rsi14, COLORS.rsi, {
          markLine: {
            silent: true,
            symbol: 'none',
            label: { position: 'end', color: COLORS.muted, fontSize: 10 },
            lineStyle: { type: 'dashed', color: COLORS.muted, width: 0.8 },
            data: [{ yAxis: OVERBOUGHT }, { yAxis: OVERSOLD }],
          },
          markArea: {
            silent: true,
            itemStyle: { color: 'rgba(107, 114, 128, 0.08)' },
            data: [[{ yAxis: OVERSOLD }, { yAxis: OVERBOUGHT }]],
          },
        }),
        histogram('MACD histogram +', (v) => v >= 0, COLORS.up),
        histogram('MACD histogram −', (v) => v < 0, COLORS.down),
        line('MACD', s.macd, COLORS.macd, { xAxisIndex: 1, yAxisIndex: 1 }),
        line('Signal', s.macdSignal, COLORS.sma50, { xAxisIndex: 1, yAxisIndex: 1 }),
      ],
    },
  };
}
