import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { ANALYSIS_RUN, normalizeAnalysisRequest } from '../../../application/analysis';
import { startRun } from '../../../application/runs';
import { API_KEY_SECURITY } from '../../plugins/swagger';
import { ErrorBody } from '../../schemas/common';
import { StartAnalysisBody } from '../../../application/runs/analysis-request-schema';
import { runStatusUrl, temporalUiUrl } from './run-links';
import { asHttp } from './run-errors';
import { StartedRun, StartPricesHeaders } from './schemas';

export { StartAnalysisBody } from '../../../application/runs/analysis-request-schema';

const analysisRuns: FastifyPluginCallbackTypebox = (fastify, _options, done) => {
  const { temporal: client, config } = fastify;
  fastify.post(
    '/runs/analysis',
    {
      onRequest: fastify.requireApiKey,
      schema: {
        summary: 'Start an analysis run: indicators, risk against a benchmark, trend, fundamentals; stored per symbol',
        tags: ['runs'],
        security: API_KEY_SECURITY,
        body: StartAnalysisBody,
        headers: StartPricesHeaders,
        response: { 200: StartedRun, 202: StartedRun, 400: ErrorBody, 401: ErrorBody, 503: ErrorBody },
      },
    },
    async (request, reply) => {
      const outcome = await asHttp(() =>
        startRun(client, ANALYSIS_RUN, normalizeAnalysisRequest(request.body), {
          idempotencyKey: request.headers['idempotency-key'],
        }),
      );
      request.log.info({ workflowId: outcome.workflowId, started: outcome.started }, 'analysis run requested');
      return reply.code(outcome.started ? 202 : 200).send({
        workflowId: outcome.workflowId,
        runId: outcome.runId,
        statusUrl: runStatusUrl(outcome.workflowId),
        temporalUiUrl: temporalUiUrl(config.temporal, outcome.workflowId, outcome.runId),
      });
    },
  );
  done();
};

export default analysisRuns;
