import { Type } from 'typebox';

/** Every error the API returns: a stable code and a message for people. */
export const ErrorBody = Type.Object(
  { error: Type.String({ examples: ['bad_request'] }), message: Type.String() },
  { additionalProperties: false },
);

/** Calendar dates are ISO `YYYY-MM-DD`; the `date` format also rejects impossible days such as 2023-02-30. */
export const IsoDate = Type.String({ format: 'date', examples: ['2018-02-07'] });

export const SYMBOL_PATTERN = '^[A-Za-z0-9.^=-]{1,20}$';
export const TickerSymbol = Type.String({ pattern: SYMBOL_PATTERN, examples: ['AAPL', 'BRK.B', '^GSPC'] });
