import type { Config } from '../../../config';

export const runStatusUrl = (workflowId: string): string => `/v1/runs/${encodeURIComponent(workflowId)}`;

/** Deep link into the Temporal Web UI; with a run id it opens that run, else the latest run of the id. */
export function temporalUiUrl(temporal: Config['temporal'], workflowId: string, runId?: string): string {
  const base = `${temporal.uiUrl}/namespaces/${encodeURIComponent(temporal.namespace)}/workflows/${encodeURIComponent(workflowId)}`;
  return runId ? `${base}/${encodeURIComponent(runId)}` : base;
}
