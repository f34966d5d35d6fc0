import { proxyActivities, setCurrentDetails } from '@temporalio/workflow';
import { ACTIVITY_OPTIONS, TASK_QUEUES, type IngestMacroRequest, type MacroSeriesCounts } from '../contracts';
import type { createEtlActivities } from '../activities/etl';
import type { createDataActivities } from '../activities/data';

export interface IngestMacroSeriesInput {
  request: IngestMacroRequest;
  seriesId: string;
  /** The parent run, recorded in the ledger and on every stored vintage. */
  parentWorkflowId: string;
  /** The parent's first execution id: one ledger per run of a request, stable across continue-as-new. */
  parentRunId: string;
  runDate: string;
}

// One request per activity on FRED's own queue: the queue's rate limit holds across every etl replica, and a
// Retry-After from FRED becomes the next retry's delay (the adapter sets it on the failure).
const fred = proxyActivities<ReturnType<typeof createEtlActivities>>(ACTIVITY_OPTIONS.collect(TASK_QUEUES.etlFred));
const data = proxyActivities<ReturnType<typeof createDataActivities>>(ACTIVITY_OPTIONS.data);

/** One series: fetch FRED's observations for the request's real-time period, then parse and load its vintages. */
export async function ingestMacroSeries(input: IngestMacroSeriesInput): Promise<MacroSeriesCounts> {
  const { request, seriesId, runDate } = input;
  const raw = await fred.fetchFredSeries.executeWithOptions({ summary: `Fetch ${seriesId} from FRED` }, [
    {
      seriesId,
      runDate,
      realtimeStart: request.realtimeStart,
      realtimeEnd: request.realtimeEnd,
      observationStart: request.observationStart,
      observationEnd: request.observationEnd,
    },
  ]);
  setCurrentDetails(`Loading ${seriesId}`);
  const counts = await data.loadMacroSeries.executeWithOptions({ summary: `Load ${seriesId}` }, [
    { workflowId: input.parentWorkflowId, runId: input.parentRunId, raw },
  ]);
  setCurrentDetails(
    `Loaded ${seriesId}: ${counts.observations} observations (${counts.missing} missing), ${counts.newRows} new vintages, ${counts.revisions} revisions`,
  );
  return counts;
}
