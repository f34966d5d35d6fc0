import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ANALYSIS_RUN, normalizeAnalysisRequest } from '../../../application/analysis';
import { MAX_ANALYSIS_BATCH_SIZE } from '../../../contracts';
import { IsoDate, TickerSymbol } from '../../schemas/common';
import { registerStartRunRoute } from './start-run-route';

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
  },
  { additionalProperties: false },
);

const analysisRuns: FastifyPluginCallbackTypebox = (fastify, _options, done) => {
  registerStartRunRoute(fastify, {
    path: '/runs/analysis',
    summary: 'Start an analysis run: indicators, risk against a benchmark, trend, fundamentals; stored per symbol',
    body: StartAnalysisBody,
    spec: ANALYSIS_RUN,
    normalize: (body) => normalizeAnalysisRequest(body),
  });
  done();
};

export default analysisRuns;
