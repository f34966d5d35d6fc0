import { DEFAULT_FUNDAMENTALS_BATCH_SIZE, type IngestFundamentalsRequest } from '../../contracts';
import { resolveImportPath } from './import-path';
import { InvalidRunRequest } from './invalid-request';

/** A fundamentals request as a caller sends it, before it is checked and made canonical. */
export type FundamentalsRequestInput = Omit<IngestFundamentalsRequest, 'batchSize'> & { batchSize?: number };

/**
 * Checks what the schema cannot and returns the canonical request: real import paths (both inside IMPORT_ROOTS),
 * upper-cased sorted unique symbols, sorted unique CIKs, an explicit batch size — equal requests get one run.
 */
export async function normalizeFundamentalsRequest(
  body: FundamentalsRequestInput,
  importRoots: readonly string[],
): Promise<IngestFundamentalsRequest> {
  const request: IngestFundamentalsRequest = {
    source: body.source,
    batchSize: body.batchSize ?? DEFAULT_FUNDAMENTALS_BATCH_SIZE,
  };
  if (body.source === 'file') {
    if (body.path === undefined) throw new InvalidRunRequest('body/path', 'is required when source is file');
    for (const field of ['symbols', 'ciks'] as const) {
      if (body[field] !== undefined)
        throw new InvalidRunRequest(`body/${field}`, 'is only accepted when source is sec');
    }
    request.path = await resolveImportPath(body.path, importRoots, 'body/path');
    if (body.tickers !== undefined)
      request.tickers = await resolveImportPath(body.tickers, importRoots, 'body/tickers');
    return request;
  }
  for (const field of ['path', 'tickers'] as const) {
    if (body[field] !== undefined) throw new InvalidRunRequest(`body/${field}`, 'is only accepted when source is file');
  }
  const symbols = [...new Set((body.symbols ?? []).map((s) => s.toUpperCase()))].sort();
  const ciks = [...new Set(body.ciks ?? [])].sort((a, b) => a - b);
  if (!symbols.length && !ciks.length) {
    throw new InvalidRunRequest(
      'body/symbols',
      'must list at least one symbol (or body/ciks a CIK) when source is sec',
    );
  }
  if (symbols.length) request.symbols = symbols;
  if (ciks.length) request.ciks = ciks;
  return request;
}
