import { RUN_KINDS, TASK_QUEUES, type IngestPricesRequest } from '../../contracts';
import { pricesRunSummary } from '../../workflows/prices-summary';
import { ingestPrices } from '../../workflows/ingest-prices';
import type { RunStartSpec } from './start-run';

/** How a price run is started, by the API, the CLI or a schedule. */
export const PRICES_RUN: RunStartSpec<IngestPricesRequest> = {
  kind: RUN_KINDS.prices,
  workflow: ingestPrices,
  taskQueue: TASK_QUEUES.etl,
  source: (request) => request.source,
  symbolCount: (request) => request.symbols?.length ?? (request.symbol ? 1 : 0),
  summary: pricesRunSummary,
};
