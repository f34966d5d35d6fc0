import { Type, type Static } from 'typebox';
import { MAX_BATCH_SIZE, PRICE_PROVIDER_NAMES, PRICE_SOURCES } from '../../contracts';
import { IsoDate, TickerSymbol } from '../schemas/common';

/** The body of `POST /v1/runs/prices`, and the request a price schedule stores. */
export const StartPricesBody = Type.Object(
  {
    source: Type.Enum([...PRICE_SOURCES], {
      description:
        `csv: a file or folder on the server; ${PRICE_PROVIDER_NAMES.join(', ')}: fetch symbols from that provider; ` +
        'auto: each symbol from the first provider of PRICE_PROVIDER_ORDER that has it',
    }),
    path: Type.Optional(
      Type.String({ minLength: 1, maxLength: 4096, description: 'csv only: a file or folder inside an import root' }),
    ),
    symbol: Type.Optional({ ...TickerSymbol, description: 'csv only: the symbol of a file without a symbol column' }),
    symbols: Type.Optional(Type.Array(TickerSymbol, { maxItems: 10_000 })),
    from: Type.Optional(IsoDate),
    to: Type.Optional(IsoDate),
    batchSize: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_BATCH_SIZE })),
  },
  { additionalProperties: false },
);
export type StartPricesBody = Static<typeof StartPricesBody>;
