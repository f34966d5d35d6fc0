import { Type, type Static } from 'typebox';
import { StartAnalysisBody } from './analysis-request-schema';
import { StartFundamentalsBody } from './fundamentals-request-schema';
import { StartPricesBody } from './prices-request-schema';

// Everything of the analysis request but its symbol list.
const analysisFields = Object.fromEntries(
  Object.entries(StartAnalysisBody.properties).filter(([name]) => name !== 'symbols'),
);

/** The pipeline's analysis part: an analysis request whose symbols are the ones the prices stage changed, or all. */
export const PipelineAnalysisBody = Type.Object(
  {
    ...analysisFields,
    symbols: Type.Optional(
      Type.Enum(['changed', 'all'], {
        description: 'changed (default): the symbols whose bars the prices stage inserted or updated; all: every one',
      }),
    ),
  },
  { additionalProperties: false },
);

/** The body of `POST /v1/runs/pipeline`, and the request the default schedule stores. */
export const StartPipelineBody = Type.Object(
  {
    prices: Type.Union([StartPricesBody, Type.Array(StartPricesBody, { minItems: 1, maxItems: 20 })], {
      description: 'One price request, or several run one after another (e.g. a benchmark file, then a folder)',
    }),
    fundamentals: Type.Optional(StartFundamentalsBody),
    fundamentalsMaxAgeDays: Type.Optional(
      Type.Number({
        minimum: 0,
        maximum: 3650,
        description: 'Skip fundamentals when the last fundamentals run that loaded something is younger than this',
      }),
    ),
    analysis: Type.Optional(PipelineAnalysisBody),
  },
  { additionalProperties: false },
);
export type StartPipelineBody = Static<typeof StartPipelineBody>;
