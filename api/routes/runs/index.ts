import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import {
  cancelRun,
  listRuns,
  normalizePricesRequest,
  PRICES_RUN,
  readRun,
  reconcileRunningRuns,
  withDeadline,
} from '../../../application/runs';
import { listRunBatches } from '../../../infra/repositories/runs-read';
import { withDownloads } from '../../../application/runs/batch-downloads';
import { ErrorBody } from '../../schemas/common';
import { API_KEY_SECURITY } from '../../plugins/swagger';
import { temporalUiUrl } from './run-links';
import { asHttp } from './run-errors';
import {
  CancelRequestedBody,
  ListRunsQuery,
  RunBatchesBody,
  RunListBody,
  RunStatusBody,
  StartPricesBody,
  WorkflowIdParams,
} from './schemas';
import { registerStartRunRoute } from './start-run-route';

const runs: FastifyPluginCallbackTypebox = (fastify, _options, done) => {
  const { temporal: client, config } = fastify;
  const reads = { client, db: fastify.db, timeoutMs: config.api.runReadTimeoutMs };

  registerStartRunRoute(fastify, {
    path: '/runs/prices',
    summary: 'Start a price import (csv file or folder, or stooq symbols)',
    body: StartPricesBody,
    spec: PRICES_RUN,
    normalize: (body, { api }) => normalizePricesRequest(body, api.importRoots),
  });

  fastify.get(
    '/runs',
    {
      schema: {
        summary:
          'Recent runs of every kind (prices, fundamentals, analysis, pipeline, macro), by kind, status or symbol',
        tags: ['runs'],
        querystring: ListRunsQuery,
        response: { 200: RunListBody, 400: ErrorBody, 503: ErrorBody },
      },
    },
    async (request) => {
      // Runs that ended without recording it (terminated, timed out) are recorded on the way; never fatal here.
      await withDeadline(reconcileRunningRuns(reads), reads.timeoutMs).catch((err: unknown) =>
        request.log.warn({ err }, 'could not reconcile running runs with Temporal'),
      );
      const found = await asHttp(() => listRuns(reads, request.query));
      return {
        runs: found.map((run) => ({
          ...run,
          temporalUiUrl: temporalUiUrl(config.temporal, run.workflowId, run.runId),
        })),
      };
    },
  );

  fastify.get(
    '/runs/:workflowId',
    {
      schema: {
        summary: 'Status, outcome, progress and result of a run of any kind',
        tags: ['runs'],
        params: WorkflowIdParams,
        response: { 200: RunStatusBody, 404: ErrorBody, 503: ErrorBody },
      },
    },
    async (request) => {
      const run = await asHttp(() => readRun(reads, request.params.workflowId));
      return { ...run, temporalUiUrl: temporalUiUrl(config.temporal, run.workflowId, run.runId) };
    },
  );

  fastify.get(
    '/runs/:workflowId/batches',
    {
      schema: {
        summary:
          'Loaded batches of a run, from the ledger (lineage: raw, staged and rejected objects with presigned download links, row counts)',
        tags: ['runs'],
        params: WorkflowIdParams,
        response: { 200: RunBatchesBody },
      },
    },
    async (request) => ({
      workflowId: request.params.workflowId,
      batches: await Promise.all(
        (await listRunBatches(fastify.db, request.params.workflowId)).map((batch) =>
          withDownloads(batch, (key) => fastify.objectUrl(key)),
        ),
      ),
    }),
  );

  fastify.post(
    '/runs/:workflowId/cancel',
    {
      onRequest: fastify.requireApiKey,
      schema: {
        summary: 'Request cancellation of a running run',
        tags: ['runs'],
        security: API_KEY_SECURITY,
        params: WorkflowIdParams,
        response: { 202: CancelRequestedBody, 401: ErrorBody, 404: ErrorBody, 409: ErrorBody, 503: ErrorBody },
      },
    },
    async (request, reply) => {
      const { workflowId } = request.params;
      const { runId } = await asHttp(() => cancelRun(client, workflowId));
      request.log.info({ workflowId, runId }, 'run cancellation requested');
      return reply.code(202).send({
        workflowId,
        runId,
        status: 'CANCEL_REQUESTED' as const,
        temporalUiUrl: temporalUiUrl(config.temporal, workflowId, runId),
      });
    },
  );
  done();
};

export default runs;
