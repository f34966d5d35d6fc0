import { Type } from 'typebox';
import { FUNDAMENTALS_SOURCES } from '../../contracts';
import { TickerSymbol } from '../schemas/common';

/** The body of `POST /v1/runs/fundamentals`, and the fundamentals part a pipeline or schedule stores. */
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
