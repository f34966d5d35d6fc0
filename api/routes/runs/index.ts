import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import {
  cancelRun,
  listRuns,
  normalizePricesRequest,
  PRICES_RUN,
  readRun,
  reconcileRunningRuns,
  startRun,
} from '../../../application/runs';
import { listRunBatches } from '../../../infra/repositories/runs-read';
import { ErrorBody } from '../../schemas/common';
import { API_KEY_SECURITY } from '../../plugins/swagger';
import { runStatusUrl, temporalUiUrl } from './run-links';
import { asHttp } from './run-errors';
import {
  CancelRequestedBody,
  ListRunsQuery,
  RunBatchesBody,
  RunListBody,
  RunStatusBody,
  StartedRun,
  StartPricesBody,
  StartPricesHeaders,
  WorkflowIdParams,
} from './schemas';

const runs: FastifyPluginCallbackTypebox = (fastify, _options, done) => {
  const { temporal: client, config } = fastify;
  const reads = { client, db: fastify.db, timeoutMs: config.api.runReadTimeoutMs };

  fastify.post(
    '/runs/prices',
    {
      onRequest: fastify.requireApiKey,
      schema: {
        summary: 'Start a price import (csv file or folder, or stooq symbols)',
        tags: ['runs'],
        security: API_KEY_SECURITY,
        body: StartPricesBody,
        headers: StartPricesHeaders,
        response: { 200: StartedRun, 202: StartedRun, 400: ErrorBody, 401: ErrorBody, 503: ErrorBody },
      },
    },
    async (request, reply) => {
      const outcome = await asHttp(async () => {
        const ingest = await normalizePricesRequest(request.body, config.api.importRoots);
        return startRun(client, PRICES_RUN, ingest, { idempotencyKey: request.headers['idempotency-key'] });
      });
      request.log.info({ workflowId: outcome.workflowId, started: outcome.started }, 'price run requested');
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
    '/runs',
    {
      schema: {
        summary: 'Recent runs of every kind (prices, fundamentals, analysis, pipeline), by kind, status or symbol',
        tags: ['runs'],
        querystring: ListRunsQuery,
        response: { 200: RunListBody, 400: ErrorBody, 503: ErrorBody },
      },
    },
    async (request) => {
      // Runs that ended without recording it (terminated, timed out) are recorded on the way; never fatal here.
      await reconcileRunningRuns(reads).catch((err: unknown) =>
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
        summary: 'Loaded batches of a run, from the ledger (lineage: raw and staged objects, row counts)',
        tags: ['runs'],
        params: WorkflowIdParams,
        response: { 200: RunBatchesBody },
      },
    },
    async (request) => ({
      workflowId: request.params.workflowId,
      batches: await listRunBatches(fastify.db, request.params.workflowId),
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
