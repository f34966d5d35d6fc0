import { buildChartSeries } from '../charts/build-series';
import { CHART_NAMES } from '../charts/chart-series';
import { renderChartSvgs } from '../charts/render-svg';
import { findAll, parseXml, textsOf, type XmlElement } from '../charts/testing/svg';
import { syntheticBars } from '../charts/testing/series';
import { RATIO_NAMES, type FundamentalsJson } from '../finance/fundamentals';
import { summarizeQuality } from './quality';
import { renderTearsheet } from './tearsheet';
import type { TearsheetInput } from './tearsheet-input';

const bars = syntheticBars('2019-01-02', 400);
const charts = renderChartSvgs(buildChartSeries('BRK.B', bars, { symbol: '^GSPC', bars }));

const risk = {
  from: '2019-01-03',
  to: '2020-07-29',
  total_return: 1.3512,
  cagr: 0.1873,
  annual_volatility: 0.2321,
  sharpe: 0.8634,
  sortino: 1.2611,
  max_drawdown: -0.3211,
  max_drawdown_peak: '2019-05-03',
  max_drawdown_trough: '2019-06-03',
  max_drawdown_recovery: null,
  max_drawdown_duration_days: 450,
  beta: 0.9812,
  alpha: 0.0823,
  correlation: 0.5123,
  best_month: { period: '2019-07', return: 0.1412 },
  worst_year: { period: '2020', return: -0.0571 },
};
const benchRisk = { cagr: 0.1211, sharpe: 1.0123, max_drawdown: -0.1421, max_drawdown_peak: '2019-04-30' };

const ratios = Object.fromEntries(RATIO_NAMES.map((n) => [n, null])) as FundamentalsJson['ratios'];
Object.assign(ratios, { pe: 16.7421, gross_margin: 0.3845, free_cash_flow: 51_147_000_000 });
const fundamentals: FundamentalsJson = {
  cik: 1067983,
  entityName: 'Berkshire Hathaway & Co <Inc>',
  asOf: '2020-07-29',
  filing: { form: '10-K', fy: 2019, periodEnd: '2019-12-31', accn: '0001193125-20-050884', filed: '2020-02-24' },
  ratios,
  missing: { dividend_yield: 'no dividends reported' },
  concepts: Object.fromEntries(RATIO_NAMES.map((n) => [n, []])) as unknown as FundamentalsJson['concepts'],
};

function input(overrides: Partial<TearsheetInput> = {}): TearsheetInput {
  return {
    analysis: {
      symbol: 'BRK.B',
      from: bars[0].date,
      to: bars[bars.length - 1].date,
      bars: bars.length,
      asOf: '2020-07-29',
      risk,
      trend: { label: 'up', rule: 'up when the slope > 0.1 & R² >= 0.5', annualized_log_slope: 0.25 },
    },
    benchmark: { symbol: '^GSPC', risk: benchRisk },
    lastClose: { date: bars[bars.length - 1].date, close: 159.5432 },
    fundamentals,
    quality: summarizeQuality(
      bars.map((b, i) => ({ date: b.date, flags: i < 3 ? ['zero_volume'] : [] })),
      { total: 2, byReason: { duplicate: 2 } },
      ['source: test & more'],
    ),
    charts,
    ...overrides,
  };
}

const parse = (html: string): XmlElement[] => {
  expect(html.startsWith('<!DOCTYPE html>\n')).toBe(true);
  return parseXml(html);
};
const rowOf = (roots: XmlElement[], label: string): string[] => {
  const row = findAll(roots, (e) => e.name === 'tr' && e.children[0]?.text === label)[0];
  return row.children.map((c) => textsOf([c]).join(' '));
};

describe('tearsheet', () => {
  const html = renderTearsheet(input());
  const roots = parse(html);

  it('is well-formed and inlines the five charts, one figure each, in a self-contained page', () => {
    const figures = findAll(roots, (e) => e.name === 'figure');
    expect(figures.map((f) => f.attributes['data-chart']).sort()).toEqual([...CHART_NAMES].sort());
    for (const figure of figures) expect(figure.children.map((c) => c.name)).toEqual(['svg']);
    expect(findAll(roots, (e) => ['script', 'link', 'img', 'iframe'].includes(e.name))).toEqual([]);
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org\/)/);
    expect(html).toContain('@media print');
  });

  it('heads the page with the symbol, trend label and latest close', () => {
    const h1 = findAll(roots, (e) => e.name === 'h1')[0];
    expect(textsOf([h1])).toEqual(['BRK.B', 'up']);
    expect(html).toContain('<div class="close">159.54</div>');
    expect(html).toContain(`last close, ${bars[bars.length - 1].date}`);
  });

  it('sets the metrics beside the benchmark', () => {
    const table = findAll(roots, (e) => e.attributes.id === 'metrics');
    expect(rowOf(table, 'Metric')).toEqual(['Metric', 'BRK.B', '^GSPC']);
    expect(rowOf(table, 'CAGR')).toEqual(['CAGR', '18.7%', '12.1%']);
    expect(rowOf(table, 'Annual volatility')).toEqual(['Annual volatility', '23.2%', '—']);
    expect(rowOf(table, 'Max drawdown')).toEqual(['Max drawdown', '-32.1%', '-14.2%']);
    expect(rowOf(table, 'Peak → trough')[1]).toBe('2019-05-03 → 2019-06-03, not recovered');
    expect(rowOf(table, 'Beta')).toEqual(['Beta', '0.98', '—']);
    expect(rowOf(table, 'Alpha (annual)')).toEqual(['Alpha (annual)', '8.2%', '—']);
    expect(rowOf(table, 'Correlation')).toEqual(['Correlation', '0.51', '—']);
    expect(rowOf(table, 'Best month')[1]).toBe('14.1% 2019-07');
  });

  it('shows the fundamentals with their filing, and a dash with the reason for a missing ratio', () => {
    expect(rowOf(roots, 'P/E')).toEqual(['P/E', '16.74']);
    expect(rowOf(roots, 'Gross margin')).toEqual(['Gross margin', '38.5%']);
    expect(rowOf(roots, 'Free cash flow')).toEqual(['Free cash flow', '$51.1B']);
    const dividend = findAll(roots, (e) => e.name === 'td' && e.attributes.title === 'no dividends reported');
    expect(dividend).toHaveLength(1);
    const source = textsOf(findAll(roots, (e) => e.attributes.class === 'source')).join('');
    expect(source).toContain('Berkshire Hathaway & Co <Inc> (CIK 1067983)');
    expect(source).toContain('accession 0001193125-20-050884');
    expect(source).toContain('filed 2020-02-24');
  });

  it('says why fundamentals are missing', () => {
    const page = parse(
      renderTearsheet(input({ fundamentals: null, fundamentalsMissing: 'no 10-K filed by 2020-07-29' })),
    );
    expect(textsOf(findAll(page, (e) => e.attributes.class === 'empty'))).toEqual([
      'No fundamentals: no 10-K filed by 2020-07-29.',
    ]);
  });

  it('summarises the quality of the inputs', () => {
    expect(rowOf(roots, 'Flagged bars')).toEqual(['Flagged bars', '3 (zero volume: 3)']);
    expect(rowOf(roots, 'Rejected rows')).toEqual(['Rejected rows', '2 (duplicate: 2)']);
    expect(rowOf(roots, 'Gaps in the dates')).toEqual(['Gaps in the dates', 'none']);
    expect(html).toContain('source: test &amp; more');
  });

  it('escapes every text, and leaves the benchmark column out without a benchmark', () => {
    const odd = renderTearsheet(
      input({ analysis: { ...input().analysis, symbol: '<b>A&B</b>' }, benchmark: null, charts: {} }),
    );
    const page = parse(odd);
    expect(odd).not.toContain('<b>A&B</b>');
    expect(textsOf(findAll(page, (e) => e.name === 'title'))).toEqual([`<b>A&B</b> tearsheet · ${bars[399].date}`]);
    const table = findAll(page, (e) => e.attributes.id === 'metrics');
    expect(rowOf(table, 'Metric')).toEqual(['Metric', '<b>A&B</b>']);
    expect(findAll(table, (e) => e.name === 'th' && e.text === 'Beta')).toEqual([]);
    expect(findAll(page, (e) => e.name === 'figure' && e.attributes.class === 'chart missing')).toHaveLength(5);
  });

  it('is the same bytes for the same input', () => {
    expect(renderTearsheet(input())).toBe(html);
  });
});
