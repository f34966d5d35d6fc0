import { type Amount, average, combine, divide, known, type KnownAmount, missing } from './amount';
import type { FiscalYearStatement } from './fiscal-year-statement';

export interface PiotroskiSignal {
  readonly name: string;
  /** Null when an input is missing; the reason is in `detail`. */
  readonly passed: boolean | null;
  readonly detail: string;
  readonly concepts: readonly string[];
}

export interface PiotroskiScore {
  readonly score: Amount;
  readonly signals: readonly PiotroskiSignal[];
}

const format = (value: number): string => (Math.abs(value) >= 1000 ? value.toExponential(4) : value.toFixed(4));

function signal(
  name: string,
  inputs: readonly [Amount, Amount],
  test: (now: number, then: number) => boolean,
  compare: string,
): PiotroskiSignal {
  const checked = combine(inputs, (now, then) => (test(now, then) ? 1 : 0));
  const concepts = checked.concepts;
  if (!checked.known) return { name, passed: null, detail: checked.reason, concepts };
  const [now, then] = inputs.map((input) => (input as KnownAmount).value);
  return { name, passed: checked.value === 1, detail: `${format(now)} ${compare} ${format(then)}`, concepts };
}

const ZERO = known(0, []);

/**
 * Piotroski (2000) F-score over the fiscal year `year` against `prior`, with `twoBack` supplying the opening assets of
 * the prior year. Returns on assets and asset turnover are scaled by beginning-of-year total assets and leverage by
 * average total assets, as in the paper; long-term debt is LongTermDebtNoncurrent (fallback LongTermDebt). The share
 * signal compares weighted diluted shares (restated for splits by the later 10-K). "Did not rise" counts as passing
 * for leverage and shares, so a company without debt or issuance scores the point.
 */
export function piotroskiScore(
  year: FiscalYearStatement,
  prior: FiscalYearStatement,
  twoBack: FiscalYearStatement,
): PiotroskiScore {
  const roa = divide(year.netIncome, prior.totalAssets, 'opening total assets');
  const priorRoa = divide(prior.netIncome, twoBack.totalAssets, 'opening total assets');
  const cfoOnAssets = divide(year.operatingCashFlow, prior.totalAssets, 'opening total assets');
  const longTermDebt = (statement: FiscalYearStatement): Amount => {
    if (statement.longTermDebtNoncurrent.known) return statement.longTermDebtNoncurrent;
    if (statement.longTermDebtIncludingCurrent.known) return statement.longTermDebtIncludingCurrent;
    if (!statement.end) return statement.longTermDebtNoncurrent;
    return missing(`missing LongTermDebtNoncurrent / LongTermDebt at ${statement.end}`);
  };
  const leverage = divide(longTermDebt(year), average(prior.totalAssets, year.totalAssets));
  const priorLeverage = divide(longTermDebt(prior), average(twoBack.totalAssets, prior.totalAssets));
  const currentRatio = (statement: FiscalYearStatement): Amount =>
    divide(statement.assetsCurrent, statement.liabilitiesCurrent);
  const grossMargin = (statement: FiscalYearStatement): Amount => divide(statement.grossProfit, statement.revenue);
  const turnover = divide(year.revenue, prior.totalAssets, 'opening total assets');
  const priorTurnover = divide(prior.revenue, twoBack.totalAssets, 'opening total assets');

  const signals = [
    signal('ROA > 0', [roa, ZERO], (now, zero) => now > zero, '>'),
    signal('operating cash flow > 0', [year.operatingCashFlow, ZERO], (now, zero) => now > zero, '>'),
    signal('ROA improved', [roa, priorRoa], (now, then) => now > then, '>'),
    signal('cash flow ROA > ROA (accruals)', [cfoOnAssets, roa], (cfo, income) => cfo > income, '>'),
    signal('long-term debt / average assets did not rise', [leverage, priorLeverage], (now, then) => now <= then, '<='),
    signal('current ratio improved', [currentRatio(year), currentRatio(prior)], (now, then) => now > then, '>'),
    signal('diluted shares did not rise', [year.dilutedShares, prior.dilutedShares], (now, then) => now <= then, '<='),
    signal('gross margin improved', [grossMargin(year), grossMargin(prior)], (now, then) => now > then, '>'),
    signal('asset turnover improved', [turnover, priorTurnover], (now, then) => now > then, '>'),
  ];
  const concepts = [...new Set(signals.flatMap((s) => s.concepts))];
  const unknown = signals.filter((s) => s.passed === null);
  const score =
    unknown.length > 0
      ? missing(unknown.map((s) => `${s.name}: ${s.detail}`).join('; '), concepts)
      : known(signals.filter((s) => s.passed).length, concepts);
  return { score, signals };
}
