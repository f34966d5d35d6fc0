import { Type } from 'typebox';
import { IsoDate, TickerSymbol } from '../../schemas/common';

export const FundamentalsQuery = Type.Object(
  {
    asOf: Type.Optional({
      ...IsoDate,
      description: 'Only filings filed on or before this date count (default: today, UTC)',
    }),
    price: Type.Optional(
      Type.Number({ exclusiveMinimum: 0, description: 'Share price for P/E, P/B, P/S and yields (else null)' }),
    ),
  },
  { additionalProperties: false },
);

export const SecurityParams = Type.Object({ symbol: TickerSymbol });

export const CikParams = Type.Object({
  cik: Type.String({ pattern: '^(CIK|cik)?[0-9]{1,10}$', description: 'SEC CIK, e.g. 320193 or CIK0000320193' }),
});

const nullableNumber = Type.Union([Type.Number(), Type.Null()]);

/** The `iby fundamentals --json` document (domain/finance/fundamentals/report-json.ts). */
export const FundamentalsBody = Type.Object({
  cik: Type.Integer(),
  entityName: Type.String(),
  asOf: IsoDate,
  filing: Type.Object({
    form: Type.String(),
    fy: Type.Union([Type.Integer(), Type.Null()]),
    periodEnd: IsoDate,
    accn: Type.String(),
    filed: IsoDate,
  }),
  ratios: Type.Record(Type.String(), nullableNumber, { description: 'Fractions and multiples; money in USD' }),
  missing: Type.Record(Type.String(), Type.String(), { description: 'Why a null ratio could not be computed' }),
  concepts: Type.Record(Type.String(), Type.Array(Type.String()), { description: 'XBRL concepts each ratio used' }),
});

export { StartFundamentalsBody } from '../../../application/runs/fundamentals-request-schema';
