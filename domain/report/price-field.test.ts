import { priceFieldLabel } from './price-field';
import { qualitySection } from './quality-section';

describe('priceFieldLabel', () => {
  it('names each series the analysis may measure risk on, and reads anything else as closes', () => {
    expect(priceFieldLabel('total_return')).toBe('total-return close (recorded splits and dividends)');
    expect(priceFieldLabel('adj_close')).toBe('adjusted close (dividends and splits)');
    expect(priceFieldLabel('split_adjusted')).toBe('split-adjusted close (recorded splits)');
    expect(priceFieldLabel('close')).toBe('close');
    expect(priceFieldLabel(null)).toBe('close');
    expect(priceFieldLabel('toString')).toBe('close');
  });

  it('is what the quality section shows as the price for returns', () => {
    const html = qualitySection(
      { bars: 10, from: null, to: null, flagged: {}, rejected: null, gaps: [], notes: [] },
      'total_return',
    );
    expect(html).toContain('total-return close (recorded splits and dividends)');
  });
});
