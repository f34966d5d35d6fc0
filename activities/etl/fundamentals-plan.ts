import path from 'node:path';
import { ApplicationFailure } from '@temporalio/common';
import {
  FAILURE_TYPES,
  type IngestFundamentalsRequest,
  type ObjectRef,
  type PlannedFundamentalsBatch,
} from '../../contracts';
import { putContentAddressed } from '../../infra/objects/content-addressed';
import type { ObjectStore } from '../../infra/s3';
import {
  ciksOfSymbols,
  listCompanyFactsFiles,
  parseCompanyTickers,
  planCikBatches,
  planPartBatches,
} from '../../sources/sec';

export interface PlanFundamentalsInput {
  request: IngestFundamentalsRequest;
  batchSize: number;
  /** ISO date of the run, for object keys; passed in so retries write the same keys. */
  runDate: string;
  /** sec: SEC's company_tickers.json, fetched and archived by `collectSecTickers` just before. */
  tickers: ObjectRef | null;
}

/**
 * Splits a fundamentals request into batches of companies. Local files are archived here (content-addressed, so
 * a retried plan writes nothing new); SEC symbols are mapped to CIKs through the archived tickers file.
 */
export async function planFundamentalsBatches(
  s3: ObjectStore,
  input: PlanFundamentalsInput,
  heartbeat: () => void = () => undefined,
): Promise<PlannedFundamentalsBatch[]> {
  const { request, batchSize, runDate } = input;
  if (request.source === 'file') {
    if (!request.path) {
      throw ApplicationFailure.nonRetryable('a file run needs a path', FAILURE_TYPES.invalidInput);
    }
    const tickers = request.tickers
      ? await putContentAddressed(s3, `raw/file/tickers/${runDate}`, 'json', { file: request.tickers })
      : null;
    const parts = [];
    for (const file of await listCompanyFactsFiles(request.path)) {
      const archived = await putContentAddressed(s3, `raw/file/fundamentals/${runDate}`, 'json', { file });
      parts.push({ ...archived, origin: path.resolve(file) });
      heartbeat();
    }
    return planPartBatches(parts, batchSize, tickers);
  }

  const companies = (request.ciks ?? []).map((cik) => ({ cik, symbols: [] as string[] }));
  let unknownSymbols: string[] = [];
  if (request.symbols?.length) {
    if (!input.tickers) {
      throw ApplicationFailure.nonRetryable(
        'symbols need a tickers file to map them to CIKs',
        FAILURE_TYPES.invalidInput,
      );
    }
    const body = await s3.client.getObject(s3.bucket, input.tickers.key);
    const chunks: Buffer[] = [];
    for await (const chunk of body) chunks.push(chunk as Buffer);
    const mapped = ciksOfSymbols(parseCompanyTickers(Buffer.concat(chunks).toString('utf8')), request.symbols);
    for (const [symbol, cik] of mapped.ciks) companies.push({ cik, symbols: [symbol] });
    unknownSymbols = mapped.unknown;
  }
  if (!companies.length && !unknownSymbols.length) {
    throw ApplicationFailure.nonRetryable('a sec run needs symbols or ciks', FAILURE_TYPES.invalidInput);
  }
  return planCikBatches(companies, unknownSymbols, batchSize, input.tickers);
}
