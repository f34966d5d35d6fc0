import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { listSecurities } from '../../../application/securities';
import { priceRangeEntry, securitiesListEntry } from '../../../infra/cache';
import { replyCachedJson } from '../../cached-json';
import { badRequest } from '../../errors';
import { ErrorBody } from '../../schemas/common';
import { actionsRoute } from './actions';
import { loadPriceSeries } from './price-series';
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
    (request, reply) =>
      replyCachedJson(fastify, request, reply, securitiesListEntry, async () => ({
        securities: await listSecurities(fastify.db),
      })),
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
    (request, reply) => {
      const symbol = request.params.symbol.toUpperCase();
      const { from, to, adjust = 'none' } = request.query;
      if (from && to && from > to) throw badRequest('querystring/from', 'must not be after querystring/to');
      const range = { from, to, adjust };
      // Cached adjusted: the actions it applies are recorded by loads, which move the symbol's version on after.
      return replyCachedJson(fastify, request, reply, priceRangeEntry(symbol, range), () =>
        loadPriceSeries(fastify.db, symbol, range),
      );
    },
  );
  actionsRoute(fastify);
  done();
};

export default securities;
