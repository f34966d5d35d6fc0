import { ScheduleAlreadyRunning, ScheduleNotFoundError, isGrpcServiceError } from '@temporalio/client';
import { ForeignScheduleError, ScheduleRequestError } from '../../../application/schedules';
import { HttpError, notFound } from '../../errors';

const GRPC_INVALID_ARGUMENT = 3;

/** The schedule use cases' errors as API answers; anything else goes on to the error handler. */
export function toHttpError(err: unknown, id?: string): unknown {
  if (err instanceof ScheduleNotFoundError) return notFound(`no schedule with id ${id ?? err.scheduleId}`);
  if (err instanceof ScheduleAlreadyRunning)
    return new HttpError(409, 'conflict', `a schedule with id ${err.scheduleId} already exists`);
  if (err instanceof ForeignScheduleError) return new HttpError(409, 'conflict', err.message);
  if (err instanceof ScheduleRequestError) return new HttpError(400, 'bad_request', err.message);
  // Temporal's own checks of what we could not check (e.g. a cron field out of range).
  const cause = err instanceof Error ? err.cause : undefined;
  if (isGrpcServiceError(cause) && Number(cause.code) === GRPC_INVALID_ARGUMENT)
    return new HttpError(400, 'bad_request', `body ${cause.details}`);
  return err;
}

/** Runs a use case, answering its errors as HttpErrors. */
export async function answering<T>(work: () => Promise<T>, id?: string): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw toHttpError(err, id);
  }
}
