import { addAbortSignal, type Readable } from 'node:stream';
import type { ObjectStore } from '../s3';
import { abortable } from './abortable';

/**
 * An object's bytes as a stream, destroyed (and its connection closed) when `signal` aborts: a cancelled activity
 * stops reading mid-object instead of draining it to the end.
 */
export async function readObject(store: ObjectStore, key: string, signal?: AbortSignal): Promise<Readable> {
  const request = store.client.getObject(store.bucket, key);
  if (!signal) return request;
  // A body that arrives after the cancellation is closed at once rather than left holding its connection.
  void request.then(
    (body) => signal.aborted && body.destroy(),
    () => undefined,
  );
  return addAbortSignal(signal, await abortable(request, signal));
}
