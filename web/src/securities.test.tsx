import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { SecuritiesTable } from './pages/securities';
import type { Security } from './types';

const security = (symbol: string, name: string, bars: number, lastDate: string | null): Security => ({
  symbol,
  name,
  exchange: null,
  currency: 'USD',
  firstDate: lastDate ? '2020-01-02' : null,
  lastDate,
  bars,
});
const ROWS = [
  security('MSFT', 'Microsoft', 300, '2024-12-31'),
  security('AAPL', 'Apple', 1259, '2024-12-30'),
  security('ZZZ', 'Nothing yet', 0, null),
];
const symbolsShown = () =>
  screen
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[0].textContent);

describe('the securities table', () => {
  it('sorts by symbol first, then by any column both ways with missing values last', () => {
    render(<SecuritiesTable securities={ROWS} />);
    expect(symbolsShown()).toEqual(['AAPL', 'MSFT', 'ZZZ']);
    fireEvent.click(screen.getByRole('button', { name: /Last date/ }));
    expect(symbolsShown()).toEqual(['AAPL', 'MSFT', 'ZZZ']);
    fireEvent.click(screen.getByRole('button', { name: /Last date/ }));
    expect(symbolsShown()).toEqual(['MSFT', 'AAPL', 'ZZZ']);
    fireEvent.click(screen.getByRole('button', { name: /Bars/ }));
    expect(symbolsShown()).toEqual(['ZZZ', 'MSFT', 'AAPL']);
    expect(screen.getByRole('columnheader', { name: /Bars/ }).getAttribute('aria-sort')).toBe('ascending');
  });

  it('filters by symbol or name as you type and says how many are shown', () => {
    render(<SecuritiesTable securities={ROWS} />);
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'micro' } });
    expect(symbolsShown()).toEqual(['MSFT']);
    expect(screen.getByRole('status').textContent).toBe('1 of 3 securities');
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'aap' } });
    expect(symbolsShown()).toEqual(['AAPL']);
  });

  it('links each symbol to its page', () => {
    render(<SecuritiesTable securities={ROWS} />);
    expect(screen.getByRole('link', { name: 'AAPL' }).getAttribute('href')).toBe('/securities/AAPL');
  });
});
