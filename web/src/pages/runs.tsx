/** Every run, newest first, filtered by kind and status (kept in the query string, so a filter is a link). */
import { api } from '../api';
import { Badge, ErrorBox, Loading, runLink, when } from '../components/ui';
import { navigate } from '../router';
import type { RunSummary } from '../types';
import { usePoll, useData } from '../use-data';

const KINDS = [
  'prices',
  'fundamentals',
  'analysis',
  'pipeline',
  'prices-batch',
  'fundamentals-batch',
  'analysis-batch',
];
const STATUSES = ['RUNNING', 'COMPLETED', 'FAILED', 'CANCELED', 'TERMINATED', 'TIMED_OUT'];

export function RunsPage({ search }: { search: string }) {
  const params = new URLSearchParams(search);
  const kind = params.get('kind') ?? '';
  const status = params.get('status') ?? '';
  const query = new URLSearchParams({ limit: '100', ...(kind && { kind }), ...(status && { status }) });
  const runs = useData(() => api<{ runs: RunSummary[] }>(`/v1/runs?${query.toString()}`), [query.toString()]);
  usePoll(!!runs.data?.runs.some((r) => r.status === 'RUNNING'), 2000, runs.reload);

  const setFilter = (name: string, value: string) => {
    const next = new URLSearchParams(search);
    if (value) next.set(name, value);
    else next.delete(name);
    const qs = next.toString();
    navigate(`/runs${qs ? `?${qs}` : ''}`);
  };
  return (
    <>
      <h1>Runs</h1>
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          Kind
          <select value={kind} onChange={(e) => setFilter('kind', e.currentTarget.value)}>
            <option value="">any</option>
            {KINDS.map((k) => (
              <option key={k}>{k}</option>
            ))}
          </select>
        </label>
        <label>
          Status
          <select value={status} onChange={(e) => setFilter('status', e.currentTarget.value)}>
            <option value="">any</option>
            {STATUSES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
      </form>
      {runs.error ? <ErrorBox error={runs.error} what="Runs" /> : null}
      {!runs.data ? (
        !runs.error && <Loading what="runs" />
      ) : runs.data.runs.length === 0 ? (
        <p class="muted">No run matches.</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="sr-only">Runs</caption>
            <thead>
              <tr>
                <th scope="col">Run</th>
                <th scope="col">Kind</th>
                <th scope="col">Status</th>
                <th scope="col">Outcome</th>
                <th scope="col">Started</th>
                <th scope="col">Summary</th>
              </tr>
            </thead>
            <tbody>
              {runs.data.runs.map((run) => (
                <tr key={run.runId}>
                  <td>
                    <a href={runLink(run.workflowId)}>{run.workflowId}</a>
                  </td>
                  <td>{run.kind ?? '—'}</td>
                  <td>
                    <Badge value={run.status} />
                  </td>
                  <td>
                    <Badge value={run.outcome} />
                  </td>
                  <td>{when(run.startTime)}</td>
                  <td>{run.summary ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
