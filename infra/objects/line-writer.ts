import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import type { ObjectStore } from '../s3';
import type { ObjectRef } from '../../contracts';
import { abortable } from './abortable';

const CHUNK_BYTES = 256 * 1024;

export interface ObjectLineWriterOptions {
  contentType?: string;
  /** The activity's cancellation: when it aborts, the upload's stream is destroyed and the object never completes. */
  signal?: AbortSignal;
}

/**
 * Streams text lines into one S3 object at a fixed key, hashing as it goes. Lines are gathered into
 * chunks so a million rows cost a few hundred stream writes, and `write` waits when S3 falls behind.
 */
export class ObjectLineWriter {
  private readonly stream = new PassThrough();
  private readonly hash = createHash('sha256');
  private readonly contentType: string;
  private readonly signal: AbortSignal | undefined;
  private upload: Promise<unknown> | null = null;
  private pending: string[] = [];
  private pendingBytes = 0;
  private bytes = 0;
  lines = 0;

  constructor(
    private readonly store: ObjectStore,
    readonly key: string,
    options: ObjectLineWriterOptions = {},
  ) {
    this.contentType = options.contentType ?? 'text/csv';
    this.signal = options.signal;
    // The upload reads this stream without listening for its errors: a destroyed stream must not crash the process.
    this.stream.on('error', () => undefined);
    this.signal?.addEventListener('abort', this.abort, { once: true });
  }

  /** Whether the upload's stream was destroyed (by a cancellation). */
  get destroyed(): boolean {
    return this.stream.destroyed;
  }

  async write(line: string): Promise<void> {
    this.signal?.throwIfAborted();
    this.pending.push(line);
    this.pendingBytes += line.length;
    this.lines++;
    if (this.pendingBytes >= CHUNK_BYTES) await this.flush();
  }

  async finish(): Promise<ObjectRef> {
    this.signal?.throwIfAborted();
    try {
      await this.flush();
      if (this.upload) {
        this.stream.end();
        // The upload never settles once its stream is destroyed, so the cancellation is not waited out here.
        await abortable(this.upload, this.signal);
      } else {
        // Nothing was written (a batch with no rows): an empty object, since S3 refuses an empty multipart upload.
        await this.store.client.putObject(this.store.bucket, this.key, Buffer.alloc(0), 0, this.metadata());
      }
    } finally {
      this.signal?.removeEventListener('abort', this.abort);
    }
    return { key: this.key, sha256: this.hash.digest('hex'), bytes: this.bytes };
  }

  private readonly abort = (): void => {
    this.stream.destroy(this.signal?.reason instanceof Error ? this.signal.reason : undefined);
  };

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
    if (!this.stream.write(chunk)) await once(this.stream, 'drain', { signal: this.signal });
  }

  private metadata(): Record<string, string> {
    return { 'Content-Type': this.contentType };
  }
}
