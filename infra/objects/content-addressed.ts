import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { objectExists, type ObjectStore } from '../s3';
import type { ObjectRef } from '../../contracts';

/**
 * Stores a payload under `{prefix}/{sha256}.{ext}`. The key is its content, so a retried or repeated
 * collect writes nothing new, and the ledger's sha256 proves which bytes were loaded.
 */
export async function putContentAddressed(
  store: ObjectStore,
  prefix: string,
  ext: string,
  body: Buffer | Readable | { file: string },
): Promise<ObjectRef> {
  if (Buffer.isBuffer(body)) {
    const sha256 = createHash('sha256').update(body).digest('hex');
    const key = `${prefix}/${sha256}.${ext}`;
    if (!(await objectExists(store, key))) await store.client.putObject(store.bucket, key, body, body.length);
    return { key, sha256, bytes: body.length };
  }
  if ('file' in body) {
    const sha256 = await hashFile(body.file);
    return uploadFile(store, `${prefix}/${sha256}.${ext}`, sha256, body.file);
  }
  // A stream is spooled to disk while hashing: the key must be known before the upload starts.
  const tmp = path.join(await fs.promises.mkdtemp(path.join(os.tmpdir(), 'iby-raw-')), 'body');
  try {
    const hash = createHash('sha256');
    body.on('data', (chunk: Buffer) => hash.update(chunk));
    await pipeline(body, fs.createWriteStream(tmp));
    const sha256 = hash.digest('hex');
    return await uploadFile(store, `${prefix}/${sha256}.${ext}`, sha256, tmp);
  } finally {
    await fs.promises.rm(path.dirname(tmp), { recursive: true, force: true });
  }
}

export async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function uploadFile(store: ObjectStore, key: string, sha256: string, file: string): Promise<ObjectRef> {
  const { size } = await fs.promises.stat(file);
  if (!(await objectExists(store, key))) await store.client.fPutObject(store.bucket, key, file, {});
  return { key, sha256, bytes: size };
}
