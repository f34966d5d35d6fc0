import { InvalidRunRequest, RunNotFound, RunNotRunning, TemporalTimeout } from '../../../application/runs';
import { HttpError } from '../../errors';

/** The application layer's run errors as HTTP answers; anything else goes to the app's error handler. */
export function toHttpError(err: unknown): unknown {
  if (err instanceof InvalidRunRequest) return new HttpError(400, 'bad_request', err.message);
  if (err instanceof RunNotFound) return new HttpError(404, 'not_found', err.message);
  if (err instanceof RunNotRunning) return new HttpError(409, 'conflict', err.message);
  if (err instanceof TemporalTimeout) return new HttpError(503, 'unavailable', err.message);
  return err;
}

/** Runs `work`, answering run errors with their HTTP status. */
export async function asHttp<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw toHttpError(err);
  }
}
