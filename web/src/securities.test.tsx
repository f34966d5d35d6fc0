import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { SecuritiesTable } from './pages/securities';
import type { Security } from './types';

const security = (
  symbol: string,
  name: string,
  bars: number,
  lastDate: string | null,
  figures: Partial<Security> = {},
): Security => ({
  symbol,
  name,
  exchange: null,
  currency: 'USD',
  firstDate: lastDate ? '2020-01-02' : null,
  lastDate,
  bars,
  lastClose: null,
  return1y: null,
  analysisAsOf: null,
  volatility: null,
  sharpe: null,
  maxDrawdown: null,
  trend: null,
  flags: {},
  ...figures,
});
const ROWS = [
  security('MSFT', 'Microsoft', 300, '2024-12-31', {
    lastClose: 421.5,
    return1y: 0.1234,
    analysisAsOf: '2024-12-31',
    volatility: 0.2,
    sharpe: 0.85,
    maxDrawdown: -0.281,
    trend: 'up',
  }),
  security('AAPL', 'Apple', 1259, '2024-12-30', {
    lastClose: 250.42,
    return1y: -0.05,
    analysisAsOf: '2024-12-30',
    volatility: 0.31,
    sharpe: 1.5,
    maxDrawdown: -0.4,
    trend: 'sideways',
    flags: { zero_volume: 2, suspected_bad_bar: 1 },
  }),
  security('ZZZ', 'Nothing yet', 0, null),
];
// The table's own DOM for its rows: role and selector queries over 505 rows are slow in jsdom.
const cellsOf = (row: HTMLTableRowElement) => Array.from(row.cells).map((cell) => cell.textContent);
const bodyRows = () => Array.from((document.querySelector('tbody') as HTMLTableSectionElement).rows);
const symbolsShown = () => bodyRows().map((row) => row.cells[0].textContent);
// Header and filter controls are looked up inside their own element: a role query over 505 rows is slow in jsdom.
const head = () => within(document.querySelector('thead') as HTMLElement);
const controls = () => within(document.querySelector('.stack') as HTMLElement);
const sortBy = (name: RegExp) => fireEvent.click(head().getByRole('button', { name }));
const shownCount = () => document.querySelector('[role="status"]')?.textContent;

describe('the securities table', () => {
  it('shows each security with its figures: prices and ratios as numbers, returns and risk as percentages', () => {
    render(<SecuritiesTable securities={ROWS} />);
    expect(
      head()
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual([
      'Symbol ▲',
      'Name',
      'Bars',
      'First date',
      'Last date',
      'Last close',
      '1y return',
      'Volatility',
      'Sharpe',
      'Max drawdown',
      'Trend',
      'Quality flags',
    ]);
    const [aapl, msft, zzz] = bodyRows().map(cellsOf);
    expect(msft).toEqual([
      'MSFT',
      'Microsoft',
      (300).toLocaleString(undefined, { maximumFractionDigits: 0 }),
      '2020-01-02',
      '2024-12-31',
      (421.5).toLocaleString(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
      '12.3%',
      '20.0%',
      (0.85).toLocaleString(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
      '-28.1%',
      'up',
      '—',
    ]);
    expect(aapl.slice(6)).toEqual(['-5.0%', '31.0%', expect.any(String), '-40.0%', 'sideways', expect.any(String)]);
    // Flags are listed by name with their counts.
    const flags = within(bodyRows()[0])
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(flags).toEqual(['suspected bad bar ×1', 'zero volume ×2']);
    // Never analysed, no bars: every figure is a dash.
    expect(zzz.slice(2)).toEqual(['0', '—', '—', '—', '—', '—', '—', '—', '—', '—']);
  });

  it('sorts by symbol first, then by any column both ways with missing values last', () => {
    render(<SecuritiesTable securities={ROWS} />);
    expect(symbolsShown()).toEqual(['AAPL', 'MSFT', 'ZZZ']);
    sortBy(/Last date/);
    expect(symbolsShown()).toEqual(['AAPL', 'MSFT', 'ZZZ']);
    sortBy(/Last date/);
    expect(symbolsShown()).toEqual(['MSFT', 'AAPL', 'ZZZ']);
    sortBy(/Bars/);
    expect(symbolsShown()).toEqual(['ZZZ', 'MSFT', 'AAPL']);
    expect(head().getByRole('columnheader', { name: /Bars/ }).getAttribute('aria-sort')).toBe('ascending');
    sortBy(/1y return/);
    expect(symbolsShown()).toEqual(['AAPL', 'MSFT', 'ZZZ']);
    sortBy(/1y return/);
    expect(symbolsShown()).toEqual(['MSFT', 'AAPL', 'ZZZ']);
    sortBy(/Max drawdown/);
    expect(symbolsShown()).toEqual(['AAPL', 'MSFT', 'ZZZ']);
    sortBy(/Sharpe/);
    expect(symbolsShown()).toEqual(['MSFT', 'AAPL', 'ZZZ']);
    sortBy(/Trend/);
    expect(symbolsShown()).toEqual(['AAPL', 'MSFT', 'ZZZ']);
    // By how many flags: none counts as zero, not as missing.
    sortBy(/Quality flags/);
    sortBy(/Quality flags/);
    expect(symbolsShown()).toEqual(['AAPL', 'MSFT', 'ZZZ']);
    expect(
      head()
        .getByRole('columnheader', { name: /Quality flags/ })
        .getAttribute('aria-sort'),
    ).toBe('descending');
  });

  it('filters by symbol or name as you type and says how many are shown', () => {
    render(<SecuritiesTable securities={ROWS} />);
    fireEvent.input(controls().getByRole('searchbox'), { target: { value: 'micro' } });
    expect(symbolsShown()).toEqual(['MSFT']);
    expect(shownCount()).toBe('1 of 3 securities');
    fireEvent.input(controls().getByRole('searchbox'), { target: { value: 'aap' } });
    expect(symbolsShown()).toEqual(['AAPL']);
  });

  it('filters by trend and to the securities with quality flags', () => {
    render(<SecuritiesTable securities={ROWS} />);
    fireEvent.change(controls().getByRole('combobox', { name: /Trend/ }), { target: { value: 'up' } });
    expect(symbolsShown()).toEqual(['MSFT']);
    fireEvent.change(controls().getByRole('combobox', { name: /Trend/ }), { target: { value: '' } });
    expect(symbolsShown()).toEqual(['AAPL', 'MSFT', 'ZZZ']);
    fireEvent.click(controls().getByRole('checkbox', { name: /quality flags/ }));
    expect(symbolsShown()).toEqual(['AAPL']);
    expect(shownCount()).toBe('1 of 3 securities');
  });

  // jsdom is many times slower than a browser at building and moving 505 rows: this checks what is shown, not how fast.
  it('sorts and filters 505 securities', { timeout: 60_000 }, () => {
    const many = Array.from({ length: 505 }, (_, i) =>
      security(`S${String(i).padStart(3, '0')}`, `Company ${i}`, 1259, '2018-02-07', {
        // A sign that alternates and a size that grows: the order by return is not the order by symbol.
        return1y: (i % 2 ? -1 : 1) * i * 0.001,
        trend: TRENDS_BY_INDEX[i % 3],
      }),
    );
    render(<SecuritiesTable securities={many} />);
    expect(bodyRows()).toHaveLength(505);
    sortBy(/1y return/);
    sortBy(/1y return/);
    expect(symbolsShown().slice(0, 3)).toEqual(['S504', 'S502', 'S500']);
    expect(symbolsShown().at(-1)).toBe('S503');
    fireEvent.change(controls().getByRole('combobox', { name: /Trend/ }), { target: { value: 'down' } });
    expect(shownCount()).toBe('168 of 505 securities');
    expect(symbolsShown()[0]).toBe('S502');
  });

  it('links each symbol to its page', () => {
    render(<SecuritiesTable securities={ROWS} />);
    expect(screen.getByRole('link', { name: 'AAPL' }).getAttribute('href')).toBe('/securities/AAPL');
  });
});

const TRENDS_BY_INDEX = ['up', 'down', 'sideways'];
