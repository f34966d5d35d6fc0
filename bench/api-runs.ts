import os from 'node:os';

/** Starting a run through the API and waiting for its result, as a client of the real stack would. */
export const BENCH_API_KEY = 'bench-key';

export interface FinishedRun<R> {
  workflowId: string;
  result: R;
}

/** POST a run request, then poll `GET /v1/runs/{id}` until it completes; any other end throws with the error. */
export async function runThroughApi<R>(api: string, route: string, body: object): Promise<FinishedRun<R>> {
  const started = await fetch(`${api}${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': BENCH_API_KEY },
    body: JSON.stringify(body),
  });
  if (started.status !== 202) throw new Error(`POST ${route} answered ${started.status}: ${await started.text()}`);
  const { workflowId } = (await started.json()) as { workflowId: string };
  for (;;) {
    const res = await fetch(`${api}/v1/runs/${encodeURIComponent(workflowId)}`);
    const status = (await res.json()) as { status: string; result?: R; error?: unknown };
    if (status.status === 'COMPLETED' && status.result) return { workflowId, result: status.result };
    if (status.status !== 'RUNNING') throw new Error(`${route} run ended ${status.status}: ${JSON.stringify(status)}`);
    // Four polls a second stays under the API's default rate limit (300 a minute).
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The 1-minute load average, noted beside each figure: the machine is shared. */
export function loadAverage(): number {
  return Number(os.loadavg()[0].toFixed(2));
}
