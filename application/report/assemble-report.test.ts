import { dailyBars } from '../analysis/test-support';
import { CHART_NAMES } from '../../domain/charts';
import { parseXml } from '../../domain/charts/testing/svg';
import { analysisViewOfBars } from './analysis-view';
import { assembleSymbolReport, benchmarkRiskOver } from './assemble-report';

const bars = dailyBars('2017-01-02', 300).map((b) => ({ ...b, symbol: 'AAA' }));
// The benchmark starts a year earlier: the side-by-side column covers the symbol's span only.
const bench = dailyBars('2016-01-01', 600).map((b, i) => ({ ...b, symbol: '^IDX', close: 50 + i * 0.05 }));

describe('assembleSymbolReport', () => {
  const report = assembleSymbolReport({
    analysis: { ...analysisViewOfBars('AAA', bars, bench), asOf: bars.at(-1)!.date },
    bars,
    benchmark: { symbol: '^IDX', bars: bench },
    fundamentals: null,
    fundamentalsMissing: 'security AAA has no CIK',
    rejected: { total: 2, byReason: { high_below_low: 2 } },
    notes: ['daily bars from the price store'],
  });

  it('renders the five charts and a well-formed tearsheet that inlines them', () => {
    expect(Object.keys(report.charts).sort()).toEqual([...CHART_NAMES].sort());
    for (const name of CHART_NAMES) expect(parseXml(report.charts[name])[0].name).toBe('svg');
    parseXml(report.html);
    expect(report.html.match(/<figure class="chart" data-chart="[a-z-]+"[^>]*><svg /g)).toHaveLength(5);
  });

  it('carries the quality inputs: rejected rows by reason, notes, and says why fundamentals are missing', () => {
    expect(report.quality).toMatchObject({
      bars: 300,
      from: bars[0].date,
      to: bars.at(-1)!.date,
      rejected: { total: 2, byReason: { high_below_low: 2 } },
      notes: ['daily bars from the price store'],
    });
    expect(report.html).toContain('<th scope="row">Rejected rows</th><td>2 (high below low: 2)</td>');
    expect(report.html).toContain('No fundamentals: security AAA has no CIK.');
  });

  it("compares with the benchmark over the symbol's own span", () => {
    const risk = benchmarkRiskOver({ symbol: '^IDX', bars: bench }, bars[0].date, bars.at(-1)!.date) as {
      from: string;
      to: string;
      observations: number;
    };
    expect(risk.from >= bars[0].date).toBe(true);
    expect(risk.to).toBe(bars.at(-1)!.date);
    expect(risk.observations).toBe(
      bench.filter((b) => b.date >= bars[0].date && b.date <= bars.at(-1)!.date).length - 1,
    );
    expect(benchmarkRiskOver({ symbol: '^IDX', bars: bench }, '2030-01-01', '2030-02-01')).toBeNull();
  });

  it('refuses an empty series', () => {
    expect(() =>
      assembleSymbolReport({
        analysis: { symbol: 'X', risk: {}, trend: {} },
        bars: [],
        benchmark: null,
        fundamentals: null,
        fundamentalsMissing: null,
        rejected: null,
        notes: [],
      }),
    ).toThrow('no bars to report for X');
  });
});
