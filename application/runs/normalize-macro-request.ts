import type { IngestMacroRequest } from '../../contracts';
import { InvalidRunRequest } from './invalid-request';

/** FRED's "still current" end of a real-time period. */
const OPEN_END = '9999-12-31';

/**
 * Checks what the schema cannot and returns the canonical request: upper-cased, sorted, unique series ids, and
 * periods that do not end before they start — equal requests get one run.
 */
export function normalizeMacroRequest(body: IngestMacroRequest): IngestMacroRequest {
  const series = [...new Set(body.series.map((id) => id.toUpperCase()))].sort();
  if (body.realtimeStart && body.realtimeEnd && body.realtimeEnd < body.realtimeStart) {
    throw new InvalidRunRequest('body/realtimeEnd', `(${body.realtimeEnd}) is before body/realtimeStart`);
  }
  if (body.realtimeEnd && !body.realtimeStart && body.realtimeEnd !== OPEN_END) {
    // FRED's realtime_start defaults to today: an end alone would be a period that ends before it starts.
    throw new InvalidRunRequest('body/realtimeStart', 'is required with body/realtimeEnd');
  }
  if (body.observationStart && body.observationEnd && body.observationEnd < body.observationStart) {
    throw new InvalidRunRequest('body/observationEnd', `(${body.observationEnd}) is before body/observationStart`);
  }
  const request: IngestMacroRequest = { series };
  for (const field of ['realtimeStart', 'realtimeEnd', 'observationStart', 'observationEnd'] as const) {
    if (body[field] !== undefined) request[field] = body[field];
  }
  return request;
}
