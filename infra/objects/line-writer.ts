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
  private upload: Promise<unknown> | null = null;
  private pending: string[] = [];
  private pendingBytes = 0;
  private bytes = 0;
  lines = 0;

  constructor(
    private readonly store: ObjectStore,
    readonly key: string,
    private readonly contentType = 'text/csv',
  ) {}

  async write(line: string): Promise<void> {
    this.pending.push(line);
    this.pendingBytes += line.length;
    this.lines++;
    if (this.pendingBytes >= CHUNK_BYTES) await this.flush();
  }

  async finish(): Promise<ObjectRef> {
    await this.flush();
    if (this.upload) {
      this.stream.end();
      await this.upload;
    } else {
      // Nothing was written (a batch with no rows): an empty object, since S3 refuses an empty multipart upload.
      await this.store.client.putObject(this.store.bucket, this.key, Buffer.alloc(0), 0, this.metadata());
    }
    return { key: this.key, sha256: this.hash.digest('hex'), bytes: this.bytes };
  }

  private async flush(): Promise<void> {
    if (!this.pending.length) return;
    const chunk = Buffer.from(this.pending.join(''), 'utf8');
    this.pending = [];
    this.pendingBytes = 0;
    this.hash.update(chunk);
    this.bytes += chunk.length;
    if (!this.upload) {
      // Started with the first bytes, so a writer that never gets any makes no multipart upload at all.
      this.upload = this.store.client.putObject(this.store.bucket, this.key, this.stream, undefined, this.metadata());
      // Upload errors surface through finish(), not as an unhandled rejection.
      this.upload.catch(() => undefined);
    }
    if (!this.stream.write(chunk)) await new Promise<void>((resolve) => this.stream.once('drain', resolve));
  }

  private metadata(): Record<string, string> {
    return { 'Content-Type': this.contentType };
  }
}
