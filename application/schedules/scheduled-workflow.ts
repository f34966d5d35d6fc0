import type { SearchAttributePair, Workflow } from '@temporalio/common';

/** What preparing a request needs from the caller's configuration. */
export interface ScheduleContext {
  /** Folders a csv request may read from (the API's IMPORT_ROOTS). */
  importRoots: readonly string[];
}

/** A checked, canonical request as the arguments its workflow takes, with what makes the run findable. */
export interface PreparedRun<W extends Workflow> {
  args: Parameters<W>;
  summary: string;
  searchAttributes: SearchAttributePair[];
}

/** How a schedule starts one kind of run: the workflow (by reference), its queue, and how a request becomes its input. */
export interface ScheduledWorkflow<W extends Workflow = Workflow> {
  workflow: W;
  taskQueue: string;
  prepare(request: unknown, context: ScheduleContext): Promise<PreparedRun<W>>;
}

/** Type-checks an entry against its own workflow (`prepare` must return that workflow's arguments), then erases it. */
export const scheduledWorkflow = <W extends Workflow>(entry: ScheduledWorkflow<W>): ScheduledWorkflow => entry;
