import { createHash } from 'node:crypto';
import type { RunKind } from '../../contracts';

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
export const derivedWorkflowId = (kind: RunKind, request: unknown): string =>
  `${kind}-${createHash('sha256').update(canonicalJson(request)).digest('hex').slice(0, 20)}`;

/** From a caller's Idempotency-Key: a key runs once per kind, ever. */
export const idempotentWorkflowId = (kind: RunKind, idempotencyKey: string): string => `${kind}-key-${idempotencyKey}`;

export const derivedPricesWorkflowId = (request: unknown): string => derivedWorkflowId('prices', request);
export const idempotentPricesWorkflowId = (idempotencyKey: string): string =>
  idempotentWorkflowId('prices', idempotencyKey);
