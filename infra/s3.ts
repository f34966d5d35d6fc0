import { Client } from 'minio';
import type { Config } from '../config';

export interface ObjectStore {
  client: Client;
  bucket: string;
}

export function createObjectStore(s3: Config['s3']): ObjectStore {
  const endpoint = new URL(s3.endpoint);
  const client = new Client({
    endPoint: endpoint.hostname,
    port: endpoint.port ? Number(endpoint.port) : undefined,
    useSSL: endpoint.protocol === 'https:',
    accessKey: s3.accessKey,
    secretKey: s3.secretKey,
    region: s3.region,
    pathStyle: true,
  });
  return { client, bucket: s3.bucket };
}

export async function ensureBucket({ client, bucket }: ObjectStore, region: string): Promise<boolean> {
  if (await client.bucketExists(bucket)) return false;
  try {
    await client.makeBucket(bucket, region);
  } catch (err) {
    // Another process created it between our check and our create.
    if ((err as { code?: string }).code !== 'BucketAlreadyOwnedByYou') throw err;
  }
  return true;
}

export async function objectExists({ client, bucket }: ObjectStore, key: string): Promise<boolean> {
  try {
    await client.statObject(bucket, key);
    return true;
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'NotFound' || code === 'NoSuchKey') return false;
    throw err;
  }
}
