import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { macroSeriesAsOf } from '../../../application/macro';
import { MACRO_RUN, normalizeMacroRequest } from '../../../application/runs';
import { badRequest, notFound } from '../../errors';
import { ErrorBody } from '../../schemas/common';
import { registerStartRunRoute } from '../runs/start-run-route';
import { MacroSeriesBody, MacroSeriesParams, MacroSeriesQuery, StartMacroBody } from './schemas';

const today = (): string => new Date().toISOString().slice(0, 10);

const macro: FastifyPluginCallbackTypebox = (fastify, _options, done) => {
  registerStartRunRoute(fastify, {
    path: '/runs/macro',
    summary: 'Start a macro import: FRED series, every vintage of the real-time period kept point in time',
    body: StartMacroBody,
    spec: MACRO_RUN,
    normalize: (body) => normalizeMacroRequest(body),
  });

  fastify.get(
    '/macro/:series',
    {
      schema: {
        summary: 'A FRED series as it was known on a date (the vintage in force for each observation)',
        tags: ['macro'],
        params: MacroSeriesParams,
        querystring: MacroSeriesQuery,
        response: { 200: MacroSeriesBody, 400: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => {
      const { asOf = today(), from, to } = request.query;
      if (from && to && to < from) throw badRequest('querystring/to', `(${to}) is before querystring/from (${from})`);
      const seriesId = request.params.series.toUpperCase();
      const found = await macroSeriesAsOf(fastify.db, seriesId, asOf, { from, to });
      if (!found) throw notFound(`series ${seriesId} has not been loaded: start a run with POST /v1/runs/macro`);
      return found;
    },
  );
  done();
};

export default macro;
