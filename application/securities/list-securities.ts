/** The securities list: every security with the span of its bars and the headline figures of its latest analysis. */
import type { Pool } from 'pg';
import type { SecuritySummary } from '../../contracts/securities';
import { oneYearReturn } from '../../domain/finance/risk/one-year-return';
import { listSecurities as readSecurityRows, type SecurityListRow } from '../../infra/repositories/securities';

/** A stored figure that is not a finite number (null, or a shape another version wrote) is shown as missing. */
const finite = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

export function toSecuritySummary(row: SecurityListRow): SecuritySummary {
  const { lastBar, yearAgoBar } = row;
  return {
    symbol: row.symbol,
    name: row.name,
    exchange: row.exchange,
    currency: row.currency,
    firstDate: row.firstDate,
    lastDate: row.lastDate,
    bars: row.bars,
    lastClose: lastBar?.close ?? null,
    // The query picked the two bars the 1-year return is defined by; the rule itself lives in the domain.
    return1y: lastBar && yearAgoBar ? oneYearReturn([yearAgoBar, lastBar]) : null,
    analysisAsOf: row.analysisAsOf,
    volatility: finite(row.volatility),
    sharpe: finite(row.sharpe),
    maxDrawdown: finite(row.maxDrawdown),
    trend: typeof row.trend === 'string' ? row.trend : null,
    flags: row.flags ?? {},
  };
}

export async function listSecurities(db: Pool): Promise<SecuritySummary[]> {
  return (await readSecurityRows(db)).map(toSecuritySummary);
}
