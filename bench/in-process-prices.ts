/** The price ETL's plan → transform → load code in this process, into a given database: the in-process baseline. */
import type { Pool } from 'pg';
import { DEFAULT_BATCH_SIZE, DEFAULT_CONCURRENT_BATCHES, type IngestPricesRequest } from '../contracts';
import { putContentAddressed } from '../infra/objects/content-addressed';
import type { ObjectStore } from '../infra/s3';
import { createCsvSource } from '../sources/csv';
import type { SourceContext } from '../sources';
import { inWindow, transformAndLoad } from './pipeline';

export async function loadPricesInProcess(s3: ObjectStore, db: Pool, request: IngestPricesRequest): Promise<number> {
  const ctx: SourceContext = {
    archiveRaw: (source, runDate, body, ext) => putContentAddressed(s3, `raw/${source}/prices/${runDate}`, ext, body),
    heartbeat: () => undefined,
    signal: new AbortController().signal,
    fetch,
  };
  const runDate = new Date().toISOString().slice(0, 10);
  const batches = await createCsvSource().plan({ request, batchSize: DEFAULT_BATCH_SIZE, runDate }, ctx);
  let inserted = 0;
  await inWindow(batches, DEFAULT_CONCURRENT_BATCHES, async (batch) => {
    inserted += await transformAndLoad(s3, db, request, batch);
  });
  return inserted;
}
