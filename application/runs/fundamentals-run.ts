import { RUN_KINDS, TASK_QUEUES, type IngestFundamentalsRequest } from '../../contracts';
import { fundamentalsRunSummary } from '../../workflows/fundamentals-summary';
import { ingestFundamentals } from '../../workflows/ingest-fundamentals';
import type { RunStartSpec } from './start-run';

/** How a fundamentals run is started, by the API, the CLI, a schedule or the pipeline. */
export const FUNDAMENTALS_RUN: RunStartSpec<IngestFundamentalsRequest> = {
  kind: RUN_KINDS.fundamentals,
  workflow: ingestFundamentals,
  taskQueue: TASK_QUEUES.etl,
  source: (request) => request.source,
  symbolCount: (request) => (request.symbols?.length ?? 0) + (request.ciks?.length ?? 0),
  summary: fundamentalsRunSummary,
};
