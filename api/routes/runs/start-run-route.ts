import type {
  FastifyInstance,
  FastifyBaseLogger,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Static, TSchema } from 'typebox';
import { startRun, type RunStartSpec } from '../../../application/runs';
import type { Config } from '../../../config';
import { API_KEY_SECURITY } from '../../plugins/swagger';
import { ErrorBody } from '../../schemas/common';
import { runStatusUrl, temporalUiUrl } from './run-links';
import { asHttp } from './run-errors';
import { StartedRun, StartPricesHeaders } from './schemas';

type TypeBoxFastify = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

export interface StartRunRoute<B extends TSchema, Req> {
  /** `/runs/prices` … under the `/v1` prefix. */
  path: string;
  summary: string;
  description?: string;
  body: B;
  spec: RunStartSpec<Req>;
  /** The application layer's check and canonical form of the body (may reject with InvalidRunRequest). */
  normalize(body: Static<B>, config: Config): Req | Promise<Req>;
}

/**
 * `POST /v1/runs/<kind>`, the same for every kind: key required, the body normalised by the application layer,
 * started (or joined: same request, or an Idempotency-Key that already ran) and answered with the run's links.
 */
export function registerStartRunRoute<B extends TSchema, Req>(
  fastify: TypeBoxFastify,
  route: StartRunRoute<B, Req>,
): void {
  const { temporal: client, config } = fastify;
  fastify.post(
    route.path,
    {
      onRequest: fastify.requireApiKey,
      config: { startsRun: route.spec.kind },
      schema: {
        summary: route.summary,
        ...(route.description ? { description: route.description } : {}),
        tags: ['runs'],
        security: API_KEY_SECURITY,
        body: route.body,
        headers: StartPricesHeaders,
        response: { 200: StartedRun, 202: StartedRun, 400: ErrorBody, 401: ErrorBody, 503: ErrorBody },
      },
    },
    async (request, reply) => {
      const outcome = await asHttp(async () => {
        const normalized = await route.normalize(request.body as Static<B>, config);
        return startRun(client, route.spec, normalized, {
          idempotencyKey: request.headers['idempotency-key'],
          requestId: request.id,
        });
      });
      request.log.info(
        { workflowId: outcome.workflowId, started: outcome.started, kind: route.spec.kind },
        'run requested',
      );
      // 200: an Idempotency-Key that already ran; nothing new was accepted.
      return reply.code(outcome.started ? 202 : 200).send({
        workflowId: outcome.workflowId,
        runId: outcome.runId,
        statusUrl: runStatusUrl(outcome.workflowId),
        temporalUiUrl: temporalUiUrl(config.temporal, outcome.workflowId, outcome.runId),
      });
    },
  );
}
