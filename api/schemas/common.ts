import { Type } from 'typebox';

/** Every error the API returns: a stable code and a message for people. */
export const ErrorBody = Type.Object(
  { error: Type.String({ examples: ['bad_request'] }), message: Type.String() },
  { additionalProperties: false },
);

// Request primitives live with the use cases that check stored requests too (schedules); routes use the same ones.
export { IsoDate, SYMBOL_PATTERN, TickerSymbol } from '../../application/schemas/common';
