import { createHash } from 'node:crypto';
import { PassThrough } from 'node:stream';
import type { ObjectStore } from '../s3';
import type { ObjectRef } from '../../contracts';

const CHUNK_BYTES = 256 * 1024;

/**
 * Streams text lines into one S3 object at a fixed key, hashing as it goes. Lines are gathered into
 * chunks so a million rows cost a few hundred stream writes, and `write` waits when S3 falls behind.
 */
export class ObjectLineWriter {
  private readonly stream = new PassThrough();
  private readonly hash = createHash('sha256');
  private readonly upload: Promise<unknown>;
  private pending: string[] = [];
  private pendingBytes = 0;
  private bytes = 0;
  lines = 0;

  constructor(
    store: ObjectStore,
    readonly key: string,
    contentType = 'text/csv',
  ) {
    this.upload = store.client.putObject(store.bucket, key, this.stream, undefined, { 'Content-Type': contentType });
    // Surface upload errors through finish(), not as an unhandled rejection.
    this.upload.catch(() => undefined);
  }

  async write(line: string): Promise<void> {
    this.pending.push(line);
    this.pendingBytes += line.length;
    this.lines++;
    if (this.pendingBytes >= CHUNK_BYTES) await this.flush();
  }

  async finish(): Promise<ObjectRef> {
    await this.flush();
    this.stream.end();
    await this.upload;
    return { key: this.key, sha256: this.hash.digest('hex'), bytes: this.bytes };
  }

  private async flush(): Promise<void> {
    if (!this.pending.length) return;
    const chunk = Buffer.from(this.pending.join(''), 'utf8');
    this.pending = [];
    this.pendingBytes = 0;
    this.hash.update(chunk);
    this.bytes += chunk.length;
    if (!this.stream.write(chunk)) await new Promise<void>((resolve) => this.stream.once('drain', resolve));
  }
}
