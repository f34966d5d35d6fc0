import { TASK_QUEUES, type ScheduleActionKind } from '../../contracts';
import { analyze } from '../../workflows/analyze';
import { dailyPipeline } from '../../workflows/daily-pipeline';
import { ingestFundamentals } from '../../workflows/ingest-fundamentals';
import { ingestPrices } from '../../workflows/ingest-prices';
import { preparePricesRun } from './prices-action';
import { prepareAnalysisRun, prepareFundamentalsRun, preparePipelineRun } from './run-actions';
import { scheduledWorkflow, type ScheduledWorkflow } from './scheduled-workflow';

/**
 * The one table of what a schedule can run, keyed by action kind, each started on the queue its API route uses. A
 * kind missing here is refused with a clear message.
 */
export const SCHEDULED_WORKFLOWS: Record<ScheduleActionKind, ScheduledWorkflow> = {
  prices: scheduledWorkflow({ workflow: ingestPrices, taskQueue: TASK_QUEUES.etl, prepare: preparePricesRun }),
  fundamentals: scheduledWorkflow({
    workflow: ingestFundamentals,
    taskQueue: TASK_QUEUES.etl,
    prepare: prepareFundamentalsRun,
  }),
  analysis: scheduledWorkflow({ workflow: analyze, taskQueue: TASK_QUEUES.analysis, prepare: prepareAnalysisRun }),
  pipeline: scheduledWorkflow({
    workflow: dailyPipeline,
    taskQueue: TASK_QUEUES.analysis,
    prepare: preparePipelineRun,
  }),
};

/** The kind whose workflow has this type name (to read back a schedule), or null for a workflow not in the table. */
export function kindOfWorkflowType(workflowType: string): ScheduleActionKind | null {
  const found = Object.entries(SCHEDULED_WORKFLOWS).find(([, entry]) => entry.workflow.name === workflowType);
  return found ? (found[0] as ScheduleActionKind) : null;
}
