/** Small shared pieces: error banners, loading states, status badges, dates and numbers in people's words. */
import type { ComponentChildren } from 'preact';
import { ApiError, messageOf } from '../api';

export function ErrorBox({ error, what }: { error: unknown; what?: string }) {
  if (error instanceof ApiError && error.notAvailable) {
    return (
      <p class="notice" role="status">
        Not available yet on this server{what ? ` (${what.toLowerCase()})` : ''}: the API has no such route.
      </p>
    );
  }
  return (
    <p class="error" role="alert">
      {what ? `${what}: ` : ''}
      {messageOf(error)}
    </p>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <p class="muted" aria-busy="true">
      Loading {what}…
    </p>
  );
}

export function Badge({ value }: { value: string | null | undefined }) {
  if (!value) return <span class="badge">—</span>;
  return <span class={`badge badge-${value.toLowerCase()}`}>{value.toLowerCase().replace(/_/g, ' ')}</span>;
}

export function Section({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <section aria-label={title}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}

export const when = (iso: string | undefined | null): string =>
  iso ? new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : '—';

export const num = (value: number | null | undefined, digits = 2): string =>
  value === null || value === undefined || !Number.isFinite(value)
    ? '—'
    : value.toLocaleString(undefined, { maximumFractionDigits: digits, minimumFractionDigits: digits });

export const pct = (value: number | null | undefined, digits = 1): string =>
  value === null || value === undefined || !Number.isFinite(value) ? '—' : `${(value * 100).toFixed(digits)}%`;

export const runLink = (workflowId: string): string => `/runs/${encodeURIComponent(workflowId)}`;
