import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { ObjectStore } from '../s3';

/** Writes a text object with its content type, so it is served (and downloaded) as what it is. */
export async function putTextObject(store: ObjectStore, key: string, body: string, contentType: string): Promise<void> {
  const bytes = Buffer.from(body, 'utf8');
  await store.client.putObject(store.bucket, key, bytes, bytes.length, { 'Content-Type': contentType });
}

/** An object's lines, streamed: it is never held whole. */
export async function* objectLines(store: ObjectStore, key: string): AsyncIterable<string> {
  const body = await store.client.getObject(store.bucket, key);
  yield* createInterface({ input: body, crlfDelay: Infinity });
}

/** The object's bytes as a stream, or null when there is no such object. One request. */
export async function openObject(store: ObjectStore, key: string): Promise<Readable | null> {
  try {
    return await store.client.getObject(store.bucket, key);
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'NoSuchKey' || code === 'NotFound') return null;
    throw err;
  }
}

/** Removes the objects (those that exist; a missing key is not an error). One request. */
export async function removeObjects(store: ObjectStore, keys: string[]): Promise<void> {
  if (keys.length > 0) await store.client.removeObjects(store.bucket, keys);
}
