import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { ANALYSIS_RUN, normalizeAnalysisRequest } from '../../../application/analysis';
import { StartAnalysisBody } from '../../../application/runs/analysis-request-schema';
import { registerStartRunRoute } from './start-run-route';

export { StartAnalysisBody } from '../../../application/runs/analysis-request-schema';

const analysisRuns: FastifyPluginCallbackTypebox = (fastify, _options, done) => {
  registerStartRunRoute(fastify, {
    path: '/runs/analysis',
    summary: 'Start an analysis run: indicators, risk against a benchmark, trend, fundamentals; stored per symbol',
    body: StartAnalysisBody,
    spec: ANALYSIS_RUN,
    normalize: (body) => normalizeAnalysisRequest(body),
  });
  done();
};

export default analysisRuns;
