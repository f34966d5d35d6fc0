import { Type, type Static } from 'typebox';
import { PRICE_ADJUSTMENTS, QUALITY_FLAGS } from '../../../contracts';
import { IsoDate, TickerSymbol } from '../../schemas/common';

const nullableString = Type.Union([Type.String(), Type.Null()]);
const nullableNumber = Type.Union([Type.Number(), Type.Null()]);

const fraction = (description: string) => Type.Union([Type.Number(), Type.Null()], { description });

export const SecurityBody = Type.Object({
  symbol: Type.String(),
  name: nullableString,
  exchange: nullableString,
  currency: Type.String(),
  firstDate: Type.Union([IsoDate, Type.Null()]),
  lastDate: Type.Union([IsoDate, Type.Null()]),
  bars: Type.Integer({ minimum: 0 }),
  lastClose: Type.Union([Type.Number(), Type.Null()], { description: 'Close of the last bar' }),
  return1y: fraction(
    'Trailing 1-year return to the last bar (0.1 is 10 %); adjusted closes when both ends have one; null with less than a year of bars',
  ),
  analysisAsOf: Type.Union([IsoDate, Type.Null()], {
    description: 'as_of of the latest stored analysis, which volatility, sharpe, maxDrawdown and trend come from',
  }),
  volatility: fraction('Annualised volatility of returns (risk.annual_volatility)'),
  sharpe: Type.Union([Type.Number(), Type.Null()], { description: 'Sharpe ratio (risk.sharpe)' }),
  maxDrawdown: fraction('Deepest peak-to-trough fall, negative (risk.max_drawdown)'),
  trend: Type.Union([Type.String(), Type.Null()], { description: 'trend.label: up, down or sideways' }),
  flags: Type.Record(Type.String(), Type.Integer({ minimum: 1 }), {
    description: 'Bars loaded with each quality flag, and suspected corporate actions by reason; empty when clean',
  }),
});

export const SecurityListBody = Type.Object({ securities: Type.Array(SecurityBody) });
export type SecurityListBody = Static<typeof SecurityListBody>;

export const SymbolParams = Type.Object({ symbol: TickerSymbol });

export const PriceRangeQuery = Type.Object({
  from: Type.Optional(IsoDate),
  to: Type.Optional(IsoDate),
  adjust: Type.Optional(
    Type.Enum([...PRICE_ADJUSTMENTS], {
      default: 'none',
      description:
        'Back-adjustment for recorded corporate actions, CRSP style: `none` as stored; `splits` divides prices before ' +
        'a split by its ratio and multiplies volumes by it; `total` also multiplies prices before a cash dividend ' +
        'by 1 − dividend / previous close (a total-return series). Prices are in terms of the last bar returned.',
    }),
  ),
});

export const PriceBarBody = Type.Object({
  date: IsoDate,
  open: nullableNumber,
  high: nullableNumber,
  low: nullableNumber,
  close: Type.Number(),
  adjClose: nullableNumber,
  volume: nullableNumber,
  flags: Type.Array(Type.Enum([...QUALITY_FLAGS])),
});

export const PriceSeriesBody = Type.Object({
  symbol: Type.String(),
  /** The requested bounds; null where the range is open. */
  from: Type.Union([IsoDate, Type.Null()]),
  to: Type.Union([IsoDate, Type.Null()]),
  bars: Type.Array(PriceBarBody),
});
export type PriceSeriesBody = Static<typeof PriceSeriesBody>;

/** What the route answers: the series (adjusted as asked) and which adjustment it carries. */
export const AdjustedPriceSeriesBody = Type.Object({
  ...PriceSeriesBody.properties,
  adjust: Type.Enum([...PRICE_ADJUSTMENTS], { description: 'The adjustment applied to the bars.' }),
  factorsApplied: Type.Integer({
    minimum: 0,
    description: 'Recorded splits and dividends that changed at least one bar of this series.',
  }),
});
export type AdjustedPriceSeriesBody = Static<typeof AdjustedPriceSeriesBody>;
