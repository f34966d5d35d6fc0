import { Readable } from 'node:stream';
import type { ObjectStore } from '../../infra/s3';

/** The calls of minio's client that the archive and the staged objects use, kept in memory. */
export interface MemoryObjectStore extends ObjectStore {
  objects: Map<string, Buffer>;
  /** Bodies served as given, before `objects`: e.g. a stream that stalls mid-object, as a slow S3 would. */
  streams: Map<string, () => Readable>;
  /** Keys whose upload began, in order; `puts` has those that completed. */
  uploads: string[];
  puts: string[];
}

/**
 * An object store for unit tests: `statObject`, `putObject` (a buffer or a stream) and `getObject` over a map.
 * Missing keys fail with `NotFound`, as S3 does; an object is stored only once its whole stream was read.
 */
export function memoryObjectStore(bucket = 'iby-test'): MemoryObjectStore {
  const objects = new Map<string, Buffer>();
  const streams = new Map<string, () => Readable>();
  const uploads: string[] = [];
  const puts: string[] = [];
  const notFound = (key: string) => Object.assign(new Error(`no object ${key}`), { code: 'NotFound' });
  const client = {
    statObject: (_bucket: string, key: string) => {
      const body = objects.get(key);
      return body ? Promise.resolve({ size: body.length }) : Promise.reject(notFound(key));
    },
    putObject: async (_bucket: string, key: string, body: Buffer | Readable) => {
      uploads.push(key);
      const chunks: Buffer[] = [];
      if (Buffer.isBuffer(body)) chunks.push(body);
      else for await (const chunk of body) chunks.push(Buffer.from(chunk as Buffer));
      objects.set(key, Buffer.concat(chunks));
      puts.push(key);
      return { etag: 'memory', versionId: null };
    },
    getObject: (_bucket: string, key: string) => {
      const stream = streams.get(key);
      if (stream) return Promise.resolve(stream());
      const body = objects.get(key);
      return body ? Promise.resolve(Readable.from([body])) : Promise.reject(notFound(key));
    },
  };
  // Only these three calls exist here: anything else is a test that reached further than it meant to.
  return { client: client as unknown as ObjectStore['client'], bucket, objects, streams, uploads, puts };
}
