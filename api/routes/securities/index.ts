import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { listSecurities } from '../../../application/securities';
import { readSecuritiesList, SECURITIES_LIST_TTL_SECONDS } from '../../../infra/cache';
import { ErrorBody } from '../../schemas/common';
import { actionsRoute } from './actions';
import { readPriceSeries } from './price-series';
import { PriceRangeQuery, PriceSeriesBody, SecurityListBody, SymbolParams } from './schemas';

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
        summary: 'Daily bars of one symbol over an optional date range (cached until the next load)',
        tags: ['securities'],
        params: SymbolParams,
        querystring: PriceRangeQuery,
        response: { 200: PriceSeriesBody, 400: ErrorBody, 404: ErrorBody },
      },
    },
    async (request, reply) => {
      const { series, cache } = await readPriceSeries(fastify, request.params.symbol.toUpperCase(), request.query);
      return reply.header('x-cache', cache).send(series);
    },
  );
  actionsRoute(fastify);
  done();
};

export default securities;
