import { log } from '@temporalio/activity';
import type { Pool } from 'pg';
import type { DetectSuspectedActionsInput, SuspectedActionsSummary } from '../../contracts';
import { detectSuspectedActions as detect } from '../../application/corporate-actions';

/** The last step of a price run: flag suspected corporate actions and bad bars in what the run loaded. */
export async function detectSuspectedActions(
  deps: { db: Pool },
  input: DetectSuspectedActionsInput,
  heartbeat: (details?: unknown) => void,
): Promise<SuspectedActionsSummary> {
  const summary = await detect({ db: deps.db, progress: heartbeat }, input);
  log.info('checked for suspected corporate actions', {
    symbolsChecked: summary.symbolsChecked,
    suspectedActions: summary.suspectedActions,
    suspectedBadBars: summary.suspectedBadBars,
  });
  return summary;
}
