import { createHash } from 'node:crypto';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/**
 * Streams a staged object into `COPY … FROM STDIN` and returns the sha256 of the bytes that went in, so the caller
 * can compare it with the one the transform recorded. When `signal` aborts, the stream and the COPY are destroyed
 * where they are (the server ends the COPY) and this rejects.
 */
export async function copyVerified(
  client: PoolClient,
  staged: Readable,
  copySql: string,
  signal?: AbortSignal,
): Promise<string> {
  const hash = createHash('sha256');
  const hashing = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  await pipeline(staged, hashing, client.query(copyFrom(copySql)), { signal });
  return hash.digest('hex');
}
