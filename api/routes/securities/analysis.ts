import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { readAnalysis } from '../../../application/analysis';
import { notFound } from '../../errors';
import { ErrorBody } from '../../schemas/common';
import { AnalysisBody, AnalysisQuery } from './analysis-schemas';
import { SymbolParams } from './schemas';

const analysis: FastifyPluginCallbackTypebox = (fastify, _options, done) => {
  fastify.get(
    '/securities/:symbol/analysis',
    {
      schema: {
        summary: "A symbol's latest analysis (or the latest as of a date): indicators, risk, trend, fundamentals",
        tags: ['securities'],
        params: SymbolParams,
        querystring: AnalysisQuery,
        response: { 200: AnalysisBody, 400: ErrorBody, 404: ErrorBody },
      },
    },
    async (request, reply) => {
      const symbol = request.params.symbol.toUpperCase();
      const { asOf, series } = request.query;
      const { view, cache } = await readAnalysis({ db: fastify.db, cache: fastify.cache }, symbol, { asOf, series });
      if (!view) {
        const when = asOf ? ` as of ${asOf} or earlier` : '';
        throw notFound(`no analysis of ${symbol}${when}; start one with POST /v1/runs/analysis`);
      }
      return reply.header('x-cache', cache).send(view);
    },
  );
  done();
};

export default analysis;
