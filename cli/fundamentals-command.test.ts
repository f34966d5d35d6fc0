import { sharedData } from '../test/support/shared-data';
import { runFundamentals } from './fundamentals-command';
import { runCaptured } from './test-support';

const APPLE = sharedData('fundamentals', 'CIK0000320193.json');

const run = (...argv: string[]) => runCaptured(runFundamentals, argv);

interface JsonOutput {
  cik: number;
  entityName: string;
  asOf: string;
  filing: Record<string, unknown>;
  ratios: Record<string, number | null>;
  missing: Record<string, string>;
  concepts: Record<string, string[]>;
}

describe('iby fundamentals --json', () => {
  it('prints the documented shape with the filing and ratios as of the date', async () => {
    const { code, out, err } = await run(APPLE, '--as-of', '2024-01-01', '--json');
    expect([code, err]).toEqual([0, '']);
    const json = JSON.parse(out) as JsonOutput;
    expect(Object.keys(json)).toEqual(['cik', 'entityName', 'asOf', 'filing', 'ratios', 'missing', 'concepts']);
    expect(json).toMatchObject({ cik: 320193, entityName: 'Apple Inc.', asOf: '2024-01-01' });
    expect(json.filing).toEqual({
      form: '10-K',
      fy: 2023,
      periodEnd: '2023-09-30',
      accn: '0000320193-23-000106',
      filed: '2023-11-03',
    });
    expect(Object.keys(json.ratios)).toHaveLength(31);
    expect(json.ratios.current_ratio).toBeCloseTo(143_566 / 145_308, 12);
    expect(json.ratios.free_cash_flow).toBe((110_543 - 10_959) * 1e6);
    expect(json.concepts.current_ratio).toEqual(['AssetsCurrent', 'LiabilitiesCurrent']);
    expect(json.ratios.pe).toBeNull();
    expect(json.missing.pe).toMatch(/share price/);
    expect(Object.keys(json.missing).sort()).toEqual(
      ['altman_z', 'dividend_yield', 'earnings_yield', 'fcf_yield', 'pb', 'pe', 'ps'].sort(),
    );
  });

  it('uses the price for the market multiples (market cap from the cover-page share count)', async () => {
    const { code, out } = await run(APPLE, '--as-of=2024-01-01', '--price=192.53', '--json');
    expect(code).toBe(0);
    const json = JSON.parse(out) as JsonOutput;
    expect(json.ratios.pe).toBeCloseTo((192.53 * 15_552_752_000) / 96_995e6, 12);
    expect(json.concepts.pe).toEqual(['dei:EntityCommonStockSharesOutstanding', 'NetIncomeLoss']);
    expect(json.missing).toEqual({});
  });

  it('answers from the FY2022 10-K the day before the FY2023 10-K was filed', async () => {
    const json = JSON.parse((await run(APPLE, '--as-of', '2023-11-02', '--json')).out) as JsonOutput;
    expect(json.filing).toMatchObject({ fy: 2022, accn: '0000320193-22-000108' });
  });
});

describe('iby fundamentals table', () => {
  it('prints the filing and one row per ratio', async () => {
    const { code, out } = await run(APPLE, '--as-of', '2024-01-01');
    expect(code).toBe(0);
    expect(out).toContain('Apple Inc. (CIK 320193) — fundamentals as of 2024-01-01');
    expect(out).toContain('from 10-K FY2023 for the period ending 2023-09-30, accession 0000320193-23-000106');
    expect(out).toMatch(/^current_ratio\s+0\.9880\s+AssetsCurrent, LiabilitiesCurrent$/m);
    expect(out).toMatch(/^free_cash_flow\s+\$99,584,000,000\s/m);
    expect(out).toMatch(/^pe\s+n\/a\s+needs a share price$/m);
    expect(out).toContain('[ ] ROA improved');
  });
});

describe('iby fundamentals bad input', () => {
  it.each([
    ['a missing file', ['/nonexistent/CIK1.json'], /cannot read \/nonexistent\/CIK1\.json: no such file/],
    ['a file that is not JSON', [sharedData('fundamentals', 'apple_cashflow_FY2023_10K.csv')], /not JSON/],
    [
      'JSON that is not companyfacts',
      [sharedData('reference', 'talib', 'talib_regtest_expected.json')],
      /not companyfacts JSON: no "facts" object/,
    ],
    ['a bad date', [APPLE, '--as-of', '2023-02-30'], /bad --as-of date "2023-02-30"/],
    ['no 10-K by the date', [APPLE, '--as-of', '2000-01-01'], /no 10-K filed on or before 2000-01-01/],
    ['a negative price', [APPLE, '--price', '-5'], /bad --price "-5"/],
    ['a non-numeric price', [APPLE, '--price', 'abc'], /bad --price "abc"/],
    ['a missing option value', [APPLE, '--as-of'], /--as-of needs a value/],
    ['an unknown option', [APPLE, '--csv'], /unknown option --csv/],
    ['no file', [], /missing companyfacts file/],
  ])('reports %s on one line and exits non-zero', async (_label, argv, message) => {
    const { code, out, err } = await run(...argv);
    expect(code).not.toBe(0);
    expect(out).toBe('');
    expect(err).toMatch(message);
    expect(err.trimEnd().split('\n')).toHaveLength(1);
    expect(err).toMatch(/^iby fundamentals: /);
  });
});
