import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import {
  companyFundamentalsAsOf,
  isNoFundamentals,
  securityFundamentalsAsOf,
  type StoredFundamentals,
} from '../../../application/fundamentals';
import { FUNDAMENTALS_RUN, normalizeFundamentalsRequest, startRun } from '../../../application/runs';
import { HttpError, notFound } from '../../errors';
import { API_KEY_SECURITY } from '../../plugins/swagger';
import { ErrorBody } from '../../schemas/common';
import { asHttp } from '../runs/run-errors';
import { runStatusUrl, temporalUiUrl } from '../runs/run-links';
import { StartedRun, StartPricesHeaders } from '../runs/schemas';
import { CikParams, FundamentalsBody, FundamentalsQuery, SecurityParams, StartFundamentalsBody } from './schemas';

const today = (): string => new Date().toISOString().slice(0, 10);

/** A document, or a 404 (nothing loaded) / 422 (loaded, but no 10-K filed by that date) naming why. */
function answer(result: StoredFundamentals) {
  if (!isNoFundamentals(result)) return result;
  if (result.code === 'not_found') throw notFound(result.reason);
  throw new HttpError(422, 'no_annual_filing', result.reason);
}

const fundamentals: FastifyPluginCallbackTypebox = (fastify, _options, done) => {
  const responses = { 200: FundamentalsBody, 400: ErrorBody, 404: ErrorBody, 422: ErrorBody };
  const { temporal: client, config } = fastify;

  fastify.post(
    '/runs/fundamentals',
    {
      onRequest: fastify.requireApiKey,
      schema: {
        summary: 'Start a fundamentals import (companyfacts files with a tickers file, or SEC symbols/CIKs)',
        tags: ['runs'],
        security: API_KEY_SECURITY,
        body: StartFundamentalsBody,
        headers: StartPricesHeaders,
        response: { 200: StartedRun, 202: StartedRun, 400: ErrorBody, 401: ErrorBody, 503: ErrorBody },
      },
    },
    async (request, reply) => {
      const outcome = await asHttp(async () => {
        const ingest = await normalizeFundamentalsRequest(request.body, config.api.importRoots);
        return startRun(client, FUNDAMENTALS_RUN, ingest, { idempotencyKey: request.headers['idempotency-key'] });
      });
      request.log.info({ workflowId: outcome.workflowId, started: outcome.started }, 'fundamentals run requested');
      // 200: an Idempotency-Key that already ran; nothing new was accepted.
      return reply.code(outcome.started ? 202 : 200).send({
        workflowId: outcome.workflowId,
        runId: outcome.runId,
        statusUrl: runStatusUrl(outcome.workflowId),
        temporalUiUrl: temporalUiUrl(config.temporal, outcome.workflowId, outcome.runId),
      });
    },
  );

  fastify.get(
    '/securities/:symbol/fundamentals',
    {
      schema: {
        summary: "A security's fundamentals ratios as of a date, from the point-in-time SEC facts (iby fundamentals)",
        tags: ['fundamentals'],
        params: SecurityParams,
        querystring: FundamentalsQuery,
        response: responses,
      },
    },
    async (request) => {
      const { asOf = today(), price } = request.query;
      return answer(await securityFundamentalsAsOf(fastify.db, request.params.symbol.toUpperCase(), { asOf, price }));
    },
  );

  fastify.get(
    '/companies/:cik/fundamentals',
    {
      schema: {
        summary: "A company's fundamentals ratios as of a date, by SEC CIK (iby fundamentals)",
        tags: ['fundamentals'],
        params: CikParams,
        querystring: FundamentalsQuery,
        response: responses,
      },
    },
    async (request) => {
      const { asOf = today(), price } = request.query;
      const cik = Number(request.params.cik.replace(/^cik/i, ''));
      return answer(await companyFundamentalsAsOf(fastify.db, cik, { asOf, price }));
    },
  );
  done();
};

export default fundamentals;
