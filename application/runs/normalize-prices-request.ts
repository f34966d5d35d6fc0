import { DEFAULT_BATCH_SIZE, type IngestPricesRequest } from '../../contracts';
import { resolveImportPath } from './import-path';
import { InvalidRunRequest } from './invalid-request';

/** A price request as a caller sends it, before it is checked and made canonical. */
export type PricesRequestInput = Omit<IngestPricesRequest, 'batchSize'> & { batchSize?: number };

/**
 * Checks the rules the schema cannot express and returns the request in canonical form: the real import path,
 * upper-cased sorted unique symbols and an explicit batch size, so equal requests look equal (and get one run).
 */
export async function normalizePricesRequest(
  body: PricesRequestInput,
  importRoots: readonly string[],
): Promise<IngestPricesRequest> {
  const symbols = body.symbols?.length ? [...new Set(body.symbols.map((s) => s.toUpperCase()))].sort() : undefined;
  if (body.from && body.to && body.from > body.to)
    throw new InvalidRunRequest('body/from', 'must not be after body/to');

  const request: IngestPricesRequest = { source: body.source, batchSize: body.batchSize ?? DEFAULT_BATCH_SIZE };
  if (body.source === 'csv') {
    if (body.path === undefined) throw new InvalidRunRequest('body/path', 'is required when source is csv');
    request.path = await resolveImportPath(body.path, importRoots);
    if (body.symbol) request.symbol = body.symbol.toUpperCase();
  } else {
    if (body.path !== undefined) throw new InvalidRunRequest('body/path', `is only accepted when source is csv`);
    if (body.symbol !== undefined) throw new InvalidRunRequest('body/symbol', 'is only accepted when source is csv');
    if (!symbols)
      throw new InvalidRunRequest('body/symbols', `must list at least one symbol when source is ${body.source}`);
  }
  if (symbols) request.symbols = symbols;
  if (body.from) request.from = body.from;
  if (body.to) request.to = body.to;
  return request;
}
