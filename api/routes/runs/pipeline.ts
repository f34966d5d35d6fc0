import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { normalizePipelineRequest, PIPELINE_RUN } from '../../../application/runs';
import { StartPipelineBody } from '../../../application/runs/pipeline-request-schema';
import { registerStartRunRoute } from './start-run-route';

const pipelineRuns: FastifyPluginCallbackTypebox = (fastify, _options, done) => {
  registerStartRunRoute(fastify, {
    path: '/runs/pipeline',
    summary: 'Start the daily pipeline: prices → fundamentals (when given) → analysis of the changed symbols',
    description:
      'One parent run with a child run per stage. `prices` is a price request (or a list, run in order); ' +
      '`fundamentals` a fundamentals request, skipped when `fundamentalsMaxAgeDays` says the last one is fresh; ' +
      '`analysis` an analysis request without symbols (`symbols`: changed or all). `GET /v1/runs/{id}` shows ' +
      'the stages and each child run.',
    body: StartPipelineBody,
    spec: PIPELINE_RUN,
    normalize: (body, { api }) => normalizePipelineRequest(body, api.importRoots),
  });
  done();
};

export default pipelineRuns;
