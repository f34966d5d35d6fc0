import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { normalizePipelineRequest, PIPELINE_RUN, startRun } from '../../../application/runs';
import { StartPipelineBody } from '../../../application/runs/pipeline-request-schema';
import { API_KEY_SECURITY } from '../../plugins/swagger';
import { ErrorBody } from '../../schemas/common';
import { runStatusUrl, temporalUiUrl } from './run-links';
import { asHttp } from './run-errors';
import { StartedRun, StartPricesHeaders } from './schemas';

const pipelineRuns: FastifyPluginCallbackTypebox = (fastify, _options, done) => {
  const { temporal: client, config } = fastify;
  fastify.post(
    '/runs/pipeline',
    {
      onRequest: fastify.requireApiKey,
      schema: {
        summary: 'Start the daily pipeline: prices → fundamentals (when given) → analysis of the changed symbols',
        description:
          'One parent run with a child run per stage. `prices` is a price request (or a list, run in order); ' +
          '`fundamentals` a fundamentals request, skipped when `fundamentalsMaxAgeDays` says the last one is fresh; ' +
          '`analysis` an analysis request without symbols (`symbols`: changed or all). `GET /v1/runs/{id}` shows ' +
          'the stages and each child run.',
        tags: ['runs'],
        security: API_KEY_SECURITY,
        body: StartPipelineBody,
        headers: StartPricesHeaders,
        response: { 200: StartedRun, 202: StartedRun, 400: ErrorBody, 401: ErrorBody, 503: ErrorBody },
      },
    },
    async (request, reply) => {
      const outcome = await asHttp(async () => {
        const pipeline = await normalizePipelineRequest(request.body, config.api.importRoots);
        return startRun(client, PIPELINE_RUN, pipeline, { idempotencyKey: request.headers['idempotency-key'] });
      });
      request.log.info({ workflowId: outcome.workflowId, started: outcome.started }, 'pipeline run requested');
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

export default pipelineRuns;
