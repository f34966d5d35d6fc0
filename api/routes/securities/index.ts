import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { adjustPriceSeries } from '../../../application/corporate-actions';
import { listSecurities } from '../../../application/securities';
import { readSecuritiesList, SECURITIES_LIST_TTL_SECONDS } from '../../../infra/cache';
import { ErrorBody } from '../../schemas/common';
import { actionsRoute } from './actions';
import { readPriceSeries } from './price-series';
import { AdjustedPriceSeriesBody, PriceRangeQuery, SecurityListBody, SymbolParams } from './schemas';

const securities: FastifyPluginCallbackTypebox = (fastify, _options, done) => {
  fastify.get(
    '/securities',
    {
      schema: {
        summary: 'Securities with the span of their bars and the figures of their latest analysis',
        tags: ['securities'],
        response: { 200: SecurityListBody },
      },
    },
    async (_request, reply) => {
      const slot = await readSecuritiesList<SecurityListBody>(fastify.cache);
      void reply.header('x-cache', slot.read.status);
      if (slot.read.status === 'hit') return slot.read.value;
      const body = { securities: await listSecurities(fastify.db) };
      if (slot.key) await fastify.cache.setJson(slot.key, body, SECURITIES_LIST_TTL_SECONDS);
      return body;
    },
  );

  fastify.get(
    '/securities/:symbol/prices',
    {
      schema: {
        summary:
          'Daily bars of one symbol over an optional date range (cached until the next load), optionally adjusted',
        tags: ['securities'],
        params: SymbolParams,
        querystring: PriceRangeQuery,
        response: { 200: AdjustedPriceSeriesBody, 400: ErrorBody, 404: ErrorBody },
      },
    },
    async (request, reply) => {
      const symbol = request.params.symbol.toUpperCase();
      const { from, to, adjust = 'none' } = request.query;
      const { series, cache } = await readPriceSeries(fastify, symbol, { from, to });
      // The cache holds the stored bars; the adjustment is applied on top with the actions recorded now.
      const { bars, adjustment } = await adjustPriceSeries(fastify.db, symbol, series.bars, adjust);
      return reply.header('x-cache', cache).send({ ...series, bars, ...adjustment });
    },
  );
  actionsRoute(fastify);
  done();
};

export default securities;
