import { createHash } from 'node:crypto';
import type { IngestPricesRequest } from '../../../contracts';

/** JSON with object keys sorted at every level, so the same request always gives the same bytes. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Derived from the normalised request: starting the same request twice while it runs joins the running one. */
export const derivedPricesWorkflowId = (request: IngestPricesRequest): string =>
  `prices-${createHash('sha256').update(canonicalJson(request)).digest('hex').slice(0, 20)}`;

export const idempotentPricesWorkflowId = (idempotencyKey: string): string => `prices-key-${idempotencyKey}`;
