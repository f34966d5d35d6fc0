import { type Amount, combine, missing } from './amount';
import type { FiscalYearStatement } from './fiscal-year-statement';

/**
 * Altman (1968) Z-score for public manufacturers:
 * Z = 1.2·(working capital / total assets) + 1.4·(retained earnings / total assets) + 3.3·(EBIT / total assets)
 *   + 0.6·(market value of equity / total liabilities) + 1.0·(sales / total assets).
 * EBIT is operating income. Needs the market value of equity, hence a share price.
 */
export function altmanZScore(year: FiscalYearStatement, marketCap: Amount): Amount {
  if (!marketCap.known) return missing(`needs the market value of equity: ${marketCap.reason}`, marketCap.concepts);
  return combine(
    [
      year.assetsCurrent,
      year.liabilitiesCurrent,
      year.retainedEarnings,
      year.operatingIncome,
      marketCap,
      year.totalLiabilities,
      year.revenue,
      year.totalAssets,
    ],
    (currentAssets, currentLiabilities, retained, ebit, equityValue, liabilities, sales, assets) => {
      if (assets === 0) return 'total assets is zero';
      if (liabilities === 0) return 'total liabilities is zero';
      return (
        (1.2 * (currentAssets - currentLiabilities)) / assets +
        (1.4 * retained) / assets +
        (3.3 * ebit) / assets +
        (0.6 * equityValue) / liabilities +
        sales / assets
      );
    },
  );
}
