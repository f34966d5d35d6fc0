import type { LineageBatch } from '../../contracts/analysis';
import type { Queryable } from './analysis-bars';

/** The ledger batches among `lineage` that rejected rows, with their rejected object's key and row count. */
export async function rejectedObjectsOf(
  db: Queryable,
  lineage: readonly LineageBatch[],
): Promise<{ key: string; rows: number }[]> {
  if (lineage.length === 0) return [];
  const { rows } = await db.query<{ key: string; rows: number }>(
    `SELECT b.rejected_key AS key, b.rows_rejected AS rows
       FROM ingestion_batches b
       JOIN unnest($1::text[], $2::text[], $3::text[]) AS l(workflow_id, run_id, batch_key)
         ON b.workflow_id = l.workflow_id AND b.run_id = l.run_id AND b.batch_key = l.batch_key
      WHERE b.rows_rejected > 0 AND b.rejected_key IS NOT NULL
      ORDER BY b.loaded_at, b.rejected_key`,
    [lineage.map((l) => l.workflowId), lineage.map((l) => l.runId), lineage.map((l) => l.batchKey)],
  );
  return rows;
}
