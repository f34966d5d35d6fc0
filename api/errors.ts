/** Errors a handler throws to answer with a 4xx; the error handler turns them into `{ error, message }`. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** `field` is the request location as Fastify's validator names it (`body/path`, `querystring/from`). */
export const badRequest = (field: string, problem: string): HttpError =>
  new HttpError(400, 'bad_request', `${field} ${problem}`);

export const notFound = (message: string): HttpError => new HttpError(404, 'not_found', message);

export const unauthorized = (): HttpError => new HttpError(401, 'unauthorized', 'a valid x-api-key header is required');
