import { TASK_QUEUES, type ScheduleActionKind } from '../../contracts';
import { ingestPrices } from '../../workflows/ingest-prices';
import { preparePricesRun } from './prices-action';
import { scheduledWorkflow, type ScheduledWorkflow } from './scheduled-workflow';

/**
 * The one table of what a schedule can run, keyed by action kind. A kind missing here is refused with a clear
 * message; adding fundamentals, analysis or the pipeline is one line each, e.g.
 * `pipeline: scheduledWorkflow({ workflow: dailyPipeline, taskQueue: TASK_QUEUES.analysis, prepare: preparePipelineRun })`.
 */
export const SCHEDULED_WORKFLOWS: Partial<Record<ScheduleActionKind, ScheduledWorkflow>> = {
  prices: scheduledWorkflow({ workflow: ingestPrices, taskQueue: TASK_QUEUES.etl, prepare: preparePricesRun }),
};

/** The kind whose workflow has this type name (to read back a schedule), or null for a workflow not in the table. */
export function kindOfWorkflowType(workflowType: string): ScheduleActionKind | null {
  const found = Object.entries(SCHEDULED_WORKFLOWS).find(([, entry]) => entry.workflow.name === workflowType);
  return found ? (found[0] as ScheduleActionKind) : null;
}
