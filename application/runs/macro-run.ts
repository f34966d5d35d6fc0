import { MACRO_SOURCE, RUN_KINDS, TASK_QUEUES, type IngestMacroRequest } from '../../contracts';
import { ingestMacro } from '../../workflows/ingest-macro';
import { macroRunSummary } from '../../workflows/macro-summary';
import type { RunStartSpec } from './start-run';

/** How a macro run is started, by the API (and later the CLI or a schedule). */
export const MACRO_RUN: RunStartSpec<IngestMacroRequest> = {
  kind: RUN_KINDS.macro,
  workflow: ingestMacro,
  taskQueue: TASK_QUEUES.etl,
  source: () => MACRO_SOURCE,
  symbolCount: (request) => request.series.length,
  summary: macroRunSummary,
};
