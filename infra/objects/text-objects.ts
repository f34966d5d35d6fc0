import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { ObjectStore } from '../s3';

/**
 * Writes a text object with its content type, so it is served (and downloaded) as what it is, and any user metadata
 * (`x-amz-meta-<name>`, read back with `objectMetadata`).
 */
export async function putTextObject(
  store: ObjectStore,
  key: string,
  body: string,
  contentType: string,
  metadata: Record<string, string> = {},
): Promise<void> {
  const bytes = Buffer.from(body, 'utf8');
  const meta = Object.fromEntries(Object.entries(metadata).map(([name, value]) => [`X-Amz-Meta-${name}`, value]));
  await store.client.putObject(store.bucket, key, bytes, bytes.length, { 'Content-Type': contentType, ...meta });
}

/** A user metadata value of an object opened with `openObject` (its GET response's headers), if it has one. */
export function objectMetadata(body: Readable, name: string): string | undefined {
  const value = (body as Readable & { headers?: Record<string, string | string[] | undefined> }).headers?.[
    `x-amz-meta-${name.toLowerCase()}`
  ];
  return typeof value === 'string' ? value : undefined;
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
