import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { latestAnalysisEntry, readAnalysis } from '../../../application/analysis';
import { replyCachedJson } from '../../cached-json';
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
    (request, reply) => {
      const symbol = request.params.symbol.toUpperCase();
      const { asOf, series } = request.query;
      const load = async () => {
        const view = await readAnalysis({ db: fastify.db, cache: fastify.cache }, symbol, { asOf, series });
        if (view) return view;
        const when = asOf ? ` as of ${asOf} or earlier` : '';
        throw notFound(`no analysis of ${symbol}${when}; start one with POST /v1/runs/analysis`);
      };
      // Only the default view is cached: it is small, and it is what the dashboard asks for.
      if (asOf === undefined && !series) {
        return replyCachedJson(fastify, request, reply, latestAnalysisEntry(symbol), load);
      }
      return load().then((view) => {
        void reply.header('x-cache', 'bypass').send(view);
      });
    },
  );
  done();
};

export default analysis;
