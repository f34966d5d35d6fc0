/**
 * The XBRL concepts behind each line item, in order of preference. The first concept reported for the period wins;
 * the choice is made per period, because companies switch tags over time (Apple used SalesRevenueNet until FY2017,
 * Revenues in FY2018 and RevenueFromContractWithCustomerExcludingAssessedTax after ASC 606; Alphabet tagged only the
 * latter in its FY2022 10-K). Bare names are us-gaap.
 */
export type PeriodKind = 'instant' | 'annual';

export interface LineItemDefinition {
  readonly concepts: readonly string[];
  readonly period: PeriodKind;
  readonly unit: string;
}

const instant = (...concepts: string[]): LineItemDefinition => ({ concepts, period: 'instant', unit: 'USD' });
const annual = (...concepts: string[]): LineItemDefinition => ({ concepts, period: 'annual', unit: 'USD' });

export const LINE_ITEMS = {
  // Balance sheet (instants at the fiscal year end).
  assetsCurrent: instant('AssetsCurrent'),
  liabilitiesCurrent: instant('LiabilitiesCurrent'),
  cashAndEquivalents: instant('CashAndCashEquivalentsAtCarryingValue', 'Cash'),
  marketableSecuritiesCurrent: instant(
    'MarketableSecuritiesCurrent',
    'AvailableForSaleSecuritiesDebtSecuritiesCurrent',
    'ShortTermInvestments',
  ),
  inventory: instant('InventoryNet'),
  totalAssets: instant('Assets'),
  totalLiabilities: instant('Liabilities'),
  liabilitiesAndEquity: instant('LiabilitiesAndStockholdersEquity'),
  equity: instant('StockholdersEquity', 'StockholdersEquityIncludingPortionAttributableToNoncontrollingInterest'),
  retainedEarnings: instant('RetainedEarningsAccumulatedDeficit'),
  longTermDebtNoncurrent: instant('LongTermDebtNoncurrent'),
  longTermDebtIncludingCurrent: instant('LongTermDebt'),
  longTermDebtCurrent: instant('LongTermDebtCurrent'),
  commercialPaper: instant('CommercialPaper'),
  shortTermBorrowings: instant('ShortTermBorrowings'),
  // Income statement (fiscal-year durations).
  revenue: annual('RevenueFromContractWithCustomerExcludingAssessedTax', 'Revenues', 'SalesRevenueNet'),
  costOfRevenue: annual('CostOfGoodsAndServicesSold', 'CostOfRevenue', 'CostOfGoodsSold'),
  grossProfit: annual('GrossProfit'),
  operatingIncome: annual('OperatingIncomeLoss'),
  pretaxIncome: annual(
    'IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest',
    'IncomeLossFromContinuingOperationsBeforeIncomeTaxesMinorityInterestAndIncomeLossFromEquityMethodInvestments',
  ),
  incomeTax: annual('IncomeTaxExpenseBenefit'),
  netIncome: annual('NetIncomeLoss'),
  interestExpense: annual(
    'InterestExpense',
    'InterestExpenseNonoperating',
    'InterestExpenseDebt',
    'InterestAndDebtExpense',
  ),
  epsDiluted: { concepts: ['EarningsPerShareDiluted', 'EarningsPerShareBasic'], period: 'annual', unit: 'USD/shares' },
  dilutedShares: {
    concepts: ['WeightedAverageNumberOfDilutedSharesOutstanding', 'WeightedAverageNumberOfSharesOutstandingBasic'],
    period: 'annual',
    unit: 'shares',
  },
  // Cash-flow statement (fiscal-year durations). Capex and dividends are reported as positive payments.
  operatingCashFlow: annual(
    'NetCashProvidedByUsedInOperatingActivities',
    'NetCashProvidedByUsedInOperatingActivitiesContinuingOperations',
  ),
  capitalExpenditure: annual('PaymentsToAcquirePropertyPlantAndEquipment', 'PaymentsToAcquireProductiveAssets'),
  dividendsPaid: annual('PaymentsOfDividends', 'PaymentsOfDividendsCommonStock'),
} as const satisfies Record<string, LineItemDefinition>;

export type LineItemName = keyof typeof LINE_ITEMS;

/** Cover-page share count, the preferred basis for market capitalisation (it is dated after the fiscal year end). */
export const SHARES_OUTSTANDING_CONCEPT = 'dei:EntityCommonStockSharesOutstanding';
