import { RUN_KINDS, TASK_QUEUES, type IngestFundamentalsRequest } from '../../contracts';
import { fundamentalsRunSummary } from '../../workflows/fundamentals-summary';
import type { RunStartSpec } from './start-run';

export const INGEST_FUNDAMENTALS_WORKFLOW = 'ingestFundamentals';

/** How a fundamentals run is started, by the API, the CLI, a schedule or the pipeline. */
export const FUNDAMENTALS_RUN: RunStartSpec<IngestFundamentalsRequest> = {
  kind: RUN_KINDS.fundamentals,
  workflowType: INGEST_FUNDAMENTALS_WORKFLOW,
  taskQueue: TASK_QUEUES.etl,
  source: (request) => request.source,
  symbolCount: (request) => (request.symbols?.length ?? 0) + (request.ciks?.length ?? 0),
  summary: fundamentalsRunSummary,
};
