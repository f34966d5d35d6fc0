import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { listRunBatches } from '../../../infra/repositories/runs-read';
import { ErrorBody } from '../../schemas/common';
import { API_KEY_SECURITY } from '../../plugins/swagger';
import { cancelRun } from './cancel-run';
import { listPriceRuns } from './list-runs';
import { normalizePricesRequest } from './prices-request';
import { runStatusUrl, temporalUiUrl } from './run-links';
import { readRunStatus } from './run-status';
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
import { startPricesRun } from './start-prices-run';

const runs: FastifyPluginCallbackTypebox = (fastify, _options, done) => {
  const { temporal: client, config } = fastify;

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
      const ingest = await normalizePricesRequest(request.body, config.api.importRoots);
      const outcome = await startPricesRun(client, ingest, request.headers['idempotency-key']);
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
        summary: 'Recent price runs',
        tags: ['runs'],
        querystring: ListRunsQuery,
        response: { 200: RunListBody, 400: ErrorBody, 503: ErrorBody },
      },
    },
    async (request) => ({ runs: await listPriceRuns(client, config.temporal, request.query.limit) }),
  );

  fastify.get(
    '/runs/:workflowId',
    {
      schema: {
        summary: 'Status, progress and result of a run',
        tags: ['runs'],
        params: WorkflowIdParams,
        response: { 200: RunStatusBody, 404: ErrorBody, 503: ErrorBody },
      },
    },
    async (request) => readRunStatus(client, config.temporal, request.params.workflowId),
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
      const { runId } = await cancelRun(client, workflowId);
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
