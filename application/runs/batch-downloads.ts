/**
 * A ledger batch with download links for its objects — the raw files it was read from, the staged rows and the
 * rejected rows — so someone checking a run can open exactly what it loaded. Links are short-lived presigned URLs:
 * the bucket is never public.
 */
import type { RunBatch } from '../../infra/repositories/runs-read';

export interface BatchDownloads {
  stagedUrl: string;
  rejectedUrl: string | null;
  /** One per raw object, in the ledger's order. */
  rawUrls: string[];
}

export type ObjectUrl = (key: string) => Promise<string>;

/** The keys of the raw objects the ledger recorded (`[{ key, sha256, bytes, origin }]`). */
export function rawObjectKeys(rawObjects: unknown): string[] {
  if (!Array.isArray(rawObjects)) return [];
  return rawObjects.flatMap((o: unknown) =>
    o && typeof o === 'object' && typeof (o as { key?: unknown }).key === 'string' ? [(o as { key: string }).key] : [],
  );
}

export async function withDownloads(batch: RunBatch, urlOf: ObjectUrl): Promise<RunBatch & BatchDownloads> {
  const [stagedUrl, rejectedUrl, rawUrls] = await Promise.all([
    urlOf(batch.stagedKey),
    batch.rejectedKey ? urlOf(batch.rejectedKey) : null,
    Promise.all(rawObjectKeys(batch.rawObjects).map(urlOf)),
  ]);
  return { ...batch, stagedUrl, rejectedUrl, rawUrls };
}
