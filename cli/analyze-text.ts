/** The readable summary of `iby analyze`: the headline numbers, the trend verdict and the last indicator values. */
import type { PeriodReturn } from '../domain/finance/risk';
import type { Analysis } from '../application/analysis';

const pct = (x: number): string => (Number.isFinite(x) ? `${(x * 100).toFixed(2)}%` : 'n/a');
const fixed = (x: number | null, digits = 2): string => (x !== null && Number.isFinite(x) ? x.toFixed(digits) : 'n/a');
const period = (p: PeriodReturn | null): string => (p ? `${pct(p.value)} (${p.period})` : 'n/a');

function rows(pairs: ReadonlyArray<[string, string]>): string[] {
  const width = Math.max(...pairs.map(([label]) => label.length)) + 2;
  return pairs.map(([label, value]) => `  ${label.padEnd(width)}${value}`);
}

function lastValue(values: Float64Array): number {
  for (let i = values.length - 1; i >= 0; i--) if (Number.isFinite(values[i])) return values[i];
  return NaN;
}

export function formatAnalysis(a: Analysis): string {
  const { risk, trend } = a;
  const dd = risk.maxDrawdown;
  const lines = [
    `${a.symbol}: ${a.dates.length} bars, ${a.dates[0]} to ${a.dates[a.dates.length - 1]}, ` +
      `${a.periodsPerYear} periods a year (risk on ${a.riskPriceField})`,
    '',
    'Performance and risk',
    ...rows([
      ['total return', pct(risk.totalReturn)],
      ['CAGR', pct(risk.cagr)],
      ['annual volatility', pct(risk.annualVolatility)],
      ['Sharpe / Sortino / Calmar', `${fixed(risk.sharpe)} / ${fixed(risk.sortino)} / ${fixed(risk.calmar)}`],
      [
        'max drawdown',
        `${pct(dd.depth)} peak ${dd.peakDate ?? '-'}, trough ${dd.troughDate ?? '-'}, ` +
          `recovered ${dd.recoveryDate ?? 'not yet'} (${dd.durationPeriods} bars)`,
      ],
      ['VaR / CVaR 95% (historical)', `${pct(risk.var95)} / ${pct(risk.cvar95)}`],
      ['VaR / CVaR 95% (normal)', `${pct(risk.parametricVar95)} / ${pct(risk.parametricCvar95)}`],
      ['omega / tail ratio / stability', `${fixed(risk.omega)} / ${fixed(risk.tailRatio)} / ${fixed(risk.stability)}`],
      ['skew / excess kurtosis', `${fixed(risk.skew)} / ${fixed(risk.kurtosis)}`],
      ['win rate', pct(risk.winRate)],
      ['best / worst day', `${period(risk.bestDay)} / ${period(risk.worstDay)}`],
      ['best / worst month', `${period(risk.bestMonth)} / ${period(risk.worstMonth)}`],
      ['best / worst year', `${period(risk.bestYear)} / ${period(risk.worstYear)}`],
    ]),
  ];
  if (risk.benchmark) {
    const b = risk.benchmark;
    lines.push(
      '',
      `Against the benchmark (${risk.observations} common returns)`,
      ...rows([
        ['beta / alpha', `${fixed(b.beta)} / ${pct(b.alpha)}`],
        ['correlation / R²', `${fixed(b.correlation)} / ${fixed(b.rSquared)}`],
        ['information ratio / tracking error', `${fixed(b.informationRatio)} / ${pct(b.trackingError)}`],
        ['Treynor', fixed(b.treynor, 4)],
      ]),
    );
  }
  const ma = trend.movingAverages;
  lines.push(
    '',
    `Trend: ${trend.label.toUpperCase()}`,
    ...rows([
      ['log-price slope (annualised)', `${pct(trend.logTrend.annualizedSlope)}, R² ${fixed(trend.logTrend.rSquared)}`],
      ['SMA 50 / 200', `${fixed(ma.fast)} / ${fixed(ma.slow)}, close ${ma.closeVsSlow ?? 'n/a'} SMA 200`],
      ['last cross', ma.lastCross ? `${ma.lastCross.kind.replace('_', ' ')} on ${ma.lastCross.date}` : 'none'],
      ['from 52-week high / low', `${pct(trend.range.fromHigh)} / ${pct(trend.range.fromLow)}`],
    ]),
    `  rule: ${trend.rule}`,
    '',
    'Indicators (last value)',
    ...rows(
      Object.entries(a.indicators).map(([name, out]): [string, string] =>
        out instanceof Float64Array
          ? [name, fixed(lastValue(out), 4)]
          : [
              name,
              Object.entries(out)
                .map(([part, v]) => `${part} ${fixed(lastValue(v), 4)}`)
                .join(', '),
            ],
      ),
    ),
  );
  return `${lines.join('\n')}\n`;
}
