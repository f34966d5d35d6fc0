import type { DomainMetrics } from './domain-metrics';

type Counts = Record<string, unknown>;

const isCounts = (value: unknown): value is Counts => typeof value === 'object' && value !== null;
const num = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0);

function addEach(counter: DomainMetrics['rowsRejected'], label: 'reason' | 'flag', source: string, byName: unknown) {
  if (!isCounts(byName)) return;
  for (const [name, count] of Object.entries(byName))
    if (num(count)) counter.inc({ source, [label]: name }, num(count));
}

function sourceOf(input: unknown): string {
  if (!isCounts(input)) return 'unknown';
  const request = isCounts(input.request) ? input.request : input;
  return typeof request.source === 'string' ? request.source : 'unknown';
}

/**
 * Turns what a completed activity returned into the row counters: the activity results are the record of what
 * happened to the rows, so reading them here counts each row once, when its batch's activity completed.
 * Shapes are checked, not assumed: an activity whose result changes shape stops counting rather than failing.
 */
export function recordActivityOutcome(metrics: DomainMetrics, activity: string, args: unknown[], result: unknown) {
  const input = args[0];
  const source = sourceOf(input);
  if (activity === 'transformPriceBatch' && isCounts(result) && isCounts(result.counts)) {
    const counts = result.counts;
    metrics.rowsRead.inc({ source }, num(counts.rowsRead));
    metrics.rowsFiltered.inc({ source }, num(counts.rowsFiltered));
    addEach(metrics.rowsRejected, 'reason', source, counts.rejectedByReason);
    addEach(metrics.rowsFlagged, 'flag', source, counts.rowsFlagged);
  }
  if (activity === 'loadPriceBatch' && isCounts(input) && isCounts(input.counts) && isCounts(result)) {
    metrics.rowsLoaded.inc({ source }, num(input.counts.rowsLoaded));
    for (const outcome of ['inserted', 'updated', 'unchanged'] as const) {
      const key = `rows${outcome[0].toUpperCase()}${outcome.slice(1)}`;
      metrics.rowsWritten.inc({ source, outcome }, num(result[key]));
    }
  }
}

/** Wraps a fetch so every provider request is counted by host and status, throttling answers apart. */
export function countingFetch(metrics: DomainMetrics, fetchImpl: typeof fetch = fetch): typeof fetch {
  return async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const provider = URL.canParse(url) ? new URL(url).host : 'unknown';
    try {
      const response = await fetchImpl(input, init);
      metrics.providerRequests.inc({ provider, status: String(response.status) });
      if (response.status === 429 || (response.status === 503 && response.headers.has('retry-after'))) {
        metrics.providerThrottles.inc({ provider });
      }
      return response;
    } catch (err) {
      metrics.providerRequests.inc({ provider, status: 'error' });
      throw err;
    }
  };
}
