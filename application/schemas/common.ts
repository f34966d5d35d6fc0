import { Type } from 'typebox';

/** Calendar dates are ISO `YYYY-MM-DD`; the `date` format also rejects impossible days such as 2023-02-30. */
export const IsoDate = Type.String({ format: 'date', examples: ['2018-02-07'] });

export const SYMBOL_PATTERN = '^[A-Za-z0-9.^=-]{1,20}$';
export const TickerSymbol = Type.String({ pattern: SYMBOL_PATTERN, examples: ['AAPL', 'BRK.B', '^GSPC'] });
