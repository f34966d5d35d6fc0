import type { Pool } from 'pg';
import type { CompanyFacts, Fact } from '../../domain/finance/fundamentals';
import { otherShareClassSpelling } from '../../domain/prices/symbols';

/**
 * The CIK a symbol's security is linked to (filled by a fundamentals run with tickers), or null; undefined when no
 * security has the symbol. A security without one takes the CIK of its other share-class spelling (`BRK.B` from
 * prices, `BRK-B` from SEC's tickers file).
 */
export async function cikOfSymbol(db: Pick<Pool, 'query'>, symbol: string): Promise<number | null | undefined> {
  const other = otherShareClassSpelling(symbol);
  const { rows } = await db.query<{ symbol: string; cik: string | null }>(
    'SELECT symbol, cik FROM securities WHERE symbol = ANY($1::text[])',
    [other ? [symbol, other] : [symbol]],
  );
  const own = rows.find((r) => r.symbol === symbol);
  const linked = own?.cik ?? rows.find((r) => r.symbol === other)?.cik ?? null;
  if (!own && linked === null) return undefined;
  return linked === null ? null : Number(linked);
}

/**
 * A company's facts as they were known on `asOf`: only copies filed on or before it, every copy kept (the report
 * picks the latest filing per period itself). Null when the company has never been loaded.
 */
export async function readCompanyFactsAsOf(
  db: Pick<Pool, 'query'>,
  cik: number,
  asOf: string,
): Promise<CompanyFacts | null> {
  const company = await db.query<{ entityName: string }>(
    'SELECT entity_name AS "entityName" FROM companies WHERE cik = $1',
    [cik],
  );
  if (!company.rows.length) return null;
  const { rows } = await db.query<Fact>(
    `SELECT taxonomy, concept, unit, period_start AS start, period_end AS "end", value, accn, fy, fp, form, filed, frame
       FROM fundamental_facts
      WHERE cik = $1 AND filed <= $2::date
      ORDER BY taxonomy, concept, unit, period_end, period_start NULLS FIRST, filed, accn`,
    [cik, asOf],
  );
  return { cik, entityName: company.rows[0].entityName, facts: rows };
}
