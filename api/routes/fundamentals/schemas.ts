import { Type } from 'typebox';
import { FUNDAMENTALS_SOURCES } from '../../../contracts';
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

export const StartFundamentalsBody = Type.Object(
  {
    source: Type.Enum([...FUNDAMENTALS_SOURCES], {
      description: 'file: companyfacts JSON on the server (a file or folder); sec: fetch from the SEC API',
    }),
    path: Type.Optional(
      Type.String({ minLength: 1, maxLength: 4096, description: 'file only: a file or folder inside an import root' }),
    ),
    tickers: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 4096,
        description: 'file only: a company_tickers.json-format file inside an import root (CIK ↔ symbol)',
      }),
    ),
    symbols: Type.Optional(Type.Array(TickerSymbol, { maxItems: 10_000, description: 'sec only' })),
    ciks: Type.Optional(
      Type.Array(Type.Integer({ minimum: 1, maximum: 9_999_999_999 }), { maxItems: 10_000, description: 'sec only' }),
    ),
    batchSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, description: 'Companies per batch' })),
  },
  { additionalProperties: false },
);
