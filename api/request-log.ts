import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

/** A read slower than this is worth a line even when it succeeded. */
export const SLOW_READ_MS = 1000;

/**
 * One line per request, when it ends, instead of Fastify's two: at info when it changed something, failed or was
 * slow; at debug for a successful read (dashboards and scripts polling, thousands a second at peak), so at the
 * default level logging costs those nothing.
 */
export class RequestLog extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const details = { res: reply, responseTime: reply.elapsedTime };
    if (error) {
      reply.log.error({ ...details, err: error }, 'request errored');
      return;
    }
    const read = request.method === 'GET' || request.method === 'HEAD';
    const quiet = read && reply.statusCode < 400 && reply.elapsedTime < SLOW_READ_MS;
    if (quiet) reply.log.debug(details, 'request completed');
    else reply.log.info({ ...details, req: request }, 'request completed');
  }
}
