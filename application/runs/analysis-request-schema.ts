import { Type } from 'typebox';
import { ARTIFACT_MODES, MAX_ANALYSIS_BATCH_SIZE } from '../../contracts';
import { IsoDate, TickerSymbol } from '../schemas/common';
import { MacroSeriesId } from './macro-request-schema';

/** The body of `POST /v1/runs/analysis`; the pipeline's analysis part is this without symbols. */
export const StartAnalysisBody = Type.Object(
  {
    symbols: Type.Optional(
      Type.Array(TickerSymbol, { maxItems: 10_000, description: 'Default: every symbol with daily bars' }),
    ),
    benchmark: Type.Optional({
      ...TickerSymbol,
      description: 'A symbol with bars, or "none"; default ^GSPC when it has bars, else none',
    }),
    from: Type.Optional(IsoDate),
    to: Type.Optional(IsoDate),
    asOf: Type.Optional({
      ...IsoDate,
      description: "Only bars on or before this date; default each symbol's last bar",
    }),
    batchSize: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_ANALYSIS_BATCH_SIZE })),
    riskFreeSeries: Type.Optional({
      ...MacroSeriesId,
      description:
        'A loaded FRED series of yields in annualised percent (e.g. DGS3MO) for Sharpe and Sortino, as known on the ' +
        'analysis date; default: a risk-free rate of 0',
    }),
    artifacts: Type.Optional(
      Type.Union(
        ARTIFACT_MODES.map((mode) => Type.Literal(mode)),
        {
          description:
            'When charts and tearsheets are rendered: "eager" by the run (default), or "on-demand" the first time ' +
            'the API is asked for one',
        },
      ),
    ),
  },
  { additionalProperties: false },
);
