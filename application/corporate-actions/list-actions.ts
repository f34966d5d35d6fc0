import type { Pool } from 'pg';
import { listActions, type StoredAction } from '../../infra/repositories/corporate-actions';
import { securityExists } from '../../infra/repositories/securities';

/** A symbol's recorded and suspected actions, oldest first; null when there is no such security. */
export async function listSecurityActions(db: Pool, symbol: string): Promise<StoredAction[] | null> {
  const actions = await listActions(db, symbol);
  if (actions.length === 0 && !(await securityExists(db, symbol))) return null;
  return actions;
}
