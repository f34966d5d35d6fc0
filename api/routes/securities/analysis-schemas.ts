import { Type, type Static } from 'typebox';
import { FREQUENCIES, RISK_PRICE_FIELDS, type AnalysisDocument, type IndicatorLatestJson } from '../../../contracts';
import { IsoDate } from '../../schemas/common';

const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
/** Keys named by the library (indicator names, snake_case risk and trend keys): documented by example. */
const open = (description: string) => Type.Object({}, { additionalProperties: true, description });

export const AnalysisQuery = Type.Object({
  asOf: Type.Optional({
    ...IsoDate,
    description: 'The latest analysis as of this date or before; default: the latest',
  }),
  series: Type.Boolean({ default: false, description: 'Full indicator series instead of their latest values' }),
});
export type AnalysisQuery = Static<typeof AnalysisQuery>;

const LineageBatchBody = Type.Object({
  workflowId: Type.String(),
  runId: Type.String(),
  batchKey: Type.String(),
  source: Type.String(),
  loadedAt: Type.String(),
});

export const AnalysisBody = Type.Object({
  symbol: Type.String(),
  periodsPerYear: Type.Number(),
  bars: Type.Integer({ minimum: 0 }),
  from: IsoDate,
  to: IsoDate,
  dates: Type.Array(IsoDate),
  indicators: open('Indicator name → latest value (or { part: value }); the full series with ?series=true'),
  risk: open('Risk and performance, the keys of `iby analyze --json` (total_return, cagr, sharpe, beta, …)'),
  trend: open('Trend classification, the keys of `iby analyze --json` (label, annualized_log_slope, …)'),
  asOf: IsoDate,
  frequency: Type.Enum([...FREQUENCIES]),
  benchmark: nullable(
    Type.Object({ symbol: Type.String(), bars: Type.Integer(), from: Type.String(), to: Type.String() }),
  ),
  riskFree: Type.Optional(
    Type.Object(
      {
        series: Type.String(),
        source: Type.String(),
        asOf: IsoDate,
        from: IsoDate,
        to: IsoDate,
        observations: Type.Integer({ minimum: 0 }),
        conversion: Type.String(),
      },
      { description: 'The risk-free series used for Sharpe and Sortino, as known on asOf; absent: a rate of 0' },
    ),
  ),
  riskPriceField: Type.Enum([...RISK_PRICE_FIELDS], {
    description:
      'The prices risk and return were computed on: total_return (closes back-adjusted for recorded splits and ' +
      "dividends), adj_close (the provider's adjusted close), split_adjusted (recorded splits only) or close.",
  }),
  fundamentals: nullable(open('The `iby fundamentals --json` document as of asOf, priced at the close on asOf')),
  fundamentalsReason: nullable(Type.String()),
  charts: Type.Object({}, { additionalProperties: Type.String(), description: 'Chart name → URL' }),
  reportUrl: nullable(Type.String()),
  inputs: Type.Object({
    bars: Type.Integer({ minimum: 0 }),
    flags: Type.Object({}, { additionalProperties: Type.Integer() }),
    excluded: Type.Array(
      Type.Object({
        origin: Type.String(),
        frequency: nullable(Type.Enum([...FREQUENCIES])),
        bars: Type.Integer(),
        from: IsoDate,
        to: IsoDate,
      }),
    ),
    lineage: Type.Array(LineageBatchBody),
    benchmarkLineage: Type.Array(LineageBatchBody),
  }),
});

/** Fails `tsc` when the stored document and the response schema drift apart. */
type Expect<T extends true> = T;
export type AnalysisBodyMatchesContract = Expect<
  [AnalysisDocument<IndicatorLatestJson>] extends [Static<typeof AnalysisBody>] ? true : false
>;
