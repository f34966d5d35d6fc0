/** One run: live progress while it runs (polling the status route), then its result, batches and failures. */
import { useState } from 'preact/hooks';
import { api, ApiError, messageOf } from '../api';
import { Badge, ErrorBox, Loading, num, Section, when } from '../components/ui';
import type { RunBatch, RunStatus } from '../types';
import { usePoll, useData } from '../use-data';

export function Progress({ run }: { run: RunStatus }) {
  const p = run.progress;
  const total = p?.batchesTotal ?? 0;
  const done = (p?.batchesDone ?? 0) + (p?.batchesFailed ?? 0);
  const running = run.status === 'RUNNING';
  const value = total ? Math.round((done / total) * 100) : running ? undefined : 100;
  return (
    <div class="progress-block">
      <progress max={100} value={value} aria-label="Run progress" />
      <span>
        {p?.phase ? `${p.phase}: ` : ''}
        {total ? `${done} of ${total} batches` : running ? 'planning…' : 'finished'}
        {p?.batchesFailed ? `, ${p.batchesFailed} failed` : ''}
        {p?.rowsLoaded !== undefined ? `, ${num(p.rowsLoaded, 0)} rows loaded` : ''}
      </span>
    </div>
  );
}

function Result({ result }: { result: Record<string, unknown> }) {
  const scalars = Object.entries(result).filter(([, v]) => typeof v === 'number' || typeof v === 'string');
  const maps = Object.entries(result).filter(
    ([k, v]) => v && typeof v === 'object' && !Array.isArray(v) && k !== 'failures',
  ) as [string, Record<string, unknown>][];
  return (
    <>
      <dl class="facts">
        {scalars.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{typeof v === 'number' ? num(v, 0) : String(v)}</dd>
          </div>
        ))}
      </dl>
      {maps.map(([k, v]) =>
        Object.keys(v).length ? (
          <p key={k}>
            <strong>{k}</strong>:{' '}
            {Object.entries(v)
              .map(([a, b]) => `${a} ${typeof b === 'string' ? b : JSON.stringify(b)}`)
              .join(', ')}
          </p>
        ) : null,
      )}
    </>
  );
}

function Batches({ workflowId }: { workflowId: string }) {
  const batches = useData(
    () => api<{ batches: RunBatch[] }>(`/v1/runs/${encodeURIComponent(workflowId)}/batches`),
    [workflowId],
  );
  if (batches.error) return <ErrorBox error={batches.error} what="Batches" />;
  if (!batches.data) return <Loading what="batches" />;
  if (!batches.data.batches.length) return <p class="muted">No batch in the ledger for this run.</p>;
  return (
    <div class="table-wrap">
      <table>
        <caption class="sr-only">Batches from the ledger</caption>
        <thead>
          <tr>
            <th scope="col">Batch</th>
            <th scope="col">Symbols</th>
            <th scope="col">Read</th>
            <th scope="col">Loaded</th>
            <th scope="col">Rejected</th>
            <th scope="col">Lineage</th>
          </tr>
        </thead>
        <tbody>
          {batches.data.batches.map((b) => (
            <tr key={b.batchKey}>
              <td>
                <code>{b.batchKey}</code>
              </td>
              <td>{b.symbols.join(', ')}</td>
              <td>{num(b.rowsRead, 0)}</td>
              <td>{num(b.rowsLoaded, 0)}</td>
              <td>{num(b.rowsRejected, 0)}</td>
              <td>
                <Lineage batch={b} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Object keys, and download links to them (presigned URLs the API hands out, valid for minutes). */
function Lineage({ batch }: { batch: RunBatch }) {
  const links: [string, string][] = [
    ...(batch.rawUrls ?? []).map((url, i, all): [string, string] => [all.length > 1 ? `raw ${i + 1}` : 'raw', url]),
    ...(batch.stagedUrl ? [['staged', batch.stagedUrl] as [string, string]] : []),
    ...(batch.rejectedUrl ? [['rejected', batch.rejectedUrl] as [string, string]] : []),
  ];
  return (
    <>
      staged <code>{batch.stagedKey}</code>
      {batch.rejectedKey && (
        <>
          , rejected <code>{batch.rejectedKey}</code>
        </>
      )}
      {links.map(([label, url]) => (
        <a key={label} href={url} class="download" download>
          {label}
        </a>
      ))}
    </>
  );
}

export function RunPage({ workflowId }: { workflowId: string }) {
  const run = useData(() => api<RunStatus>(`/v1/runs/${encodeURIComponent(workflowId)}`), [workflowId]);
  const [cancelState, setCancelState] = useState<string>('');
  const running = run.data?.status === 'RUNNING';
  usePoll(running, 1000, run.reload);

  const cancel = async () => {
    setCancelState('Cancelling…');
    try {
      await api(`/v1/runs/${encodeURIComponent(workflowId)}/cancel`, { method: 'POST' });
      setCancelState('Cancellation requested.');
      run.reload();
    } catch (error) {
      setCancelState(`Cancel failed: ${messageOf(error)}`);
    }
  };

  if (run.error && !run.data) {
    const missing = run.error instanceof ApiError && run.error.status === 404;
    return (
      <>
        <h1>Run {workflowId}</h1>
        {missing ? (
          <p class="error" role="alert">
            No run with this id.
          </p>
        ) : (
          <ErrorBox error={run.error} what="The run" />
        )}
      </>
    );
  }
  if (!run.data) return <Loading what="the run" />;
  const r = run.data;
  const failures = Object.entries(r.progress?.failuresBySymbol ?? {});
  return (
    <>
      <h1>
        Run <span class="mono">{r.workflowId}</span>
      </h1>
      <p>
        {r.kind ?? r.workflowType} · <Badge value={r.status} /> <Badge value={r.outcome} /> · started{' '}
        {when(r.startTime)}
        {r.closeTime && ` · closed ${when(r.closeTime)}`} ·{' '}
        <a href={r.temporalUiUrl} target="_blank" rel="noreferrer">
          Open in Temporal UI
        </a>
      </p>
      <Progress run={r} />
      {running && (
        <p>
          <button type="button" class="danger" onClick={() => void cancel()}>
            Cancel run
          </button>{' '}
          <span role="status">{cancelState}</span>
        </p>
      )}
      {r.error && (
        <p class="error" role="alert">
          {r.error.type}: {r.error.message}
        </p>
      )}
      {failures.length > 0 && (
        <Section title="Failures by symbol">
          <ul>
            {failures.map(([symbol, message]) => (
              <li key={symbol}>
                <strong>{symbol}</strong>: {message}
              </li>
            ))}
          </ul>
        </Section>
      )}
      {r.result && (
        <Section title="Result">
          <Result result={r.result} />
        </Section>
      )}
      <Section title="Batches">
        <Batches workflowId={r.workflowId} />
      </Section>
    </>
  );
}
