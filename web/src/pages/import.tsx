/** Start a price run (a path inside the import roots, or stooq and symbols) or a fundamentals run; then follow it. */
import { useState } from 'preact/hooks';
import { api, ApiError, messageOf } from '../api';
import { ErrorBox, num, runLink } from '../components/ui';
import type { RunStatus, StartedRun } from '../types';
import { usePoll, useData } from '../use-data';
import { Progress } from './run';
import { Badge } from '../components/ui';

const symbolsOf = (text: string): string[] =>
  text
    .split(/[\s,]+/)
    .map((s) => s.trim().toUpperCase())
    .filter(Boolean);

function Follow({ workflowId }: { workflowId: string }) {
  const run = useData(() => api<RunStatus>(`/v1/runs/${encodeURIComponent(workflowId)}`), [workflowId]);
  usePoll(!run.data || run.data.status === 'RUNNING', 1000, run.reload);
  const r = run.data;
  const result = r?.result as { rowsLoaded?: number; rowsRejected?: number } | undefined;
  return (
    <section aria-label="The started run" class="card">
      <h2>
        Run <a href={runLink(workflowId)}>{workflowId}</a>
      </h2>
      {run.error && !(run.error instanceof ApiError && run.error.status === 404) ? (
        <ErrorBox error={run.error} />
      ) : null}
      {r && (
        <>
          <p>
            <Badge value={r.status} /> <Badge value={r.outcome} />
          </p>
          <Progress run={r} />
          {r.status !== 'RUNNING' && (
            <p role="status" class="result">
              {r.status === 'COMPLETED'
                ? `Done (${r.outcome ?? 'no outcome'}): ${num(result?.rowsLoaded ?? 0, 0)} rows loaded, ${num(result?.rowsRejected ?? 0, 0)} rejected.`
                : `The run ended ${r.status.toLowerCase()}${r.error ? `: ${r.error.message}` : '.'}`}
            </p>
          )}
        </>
      )}
    </section>
  );
}

export function ImportPage() {
  const [kind, setKind] = useState<'prices' | 'fundamentals'>('prices');
  const [source, setSource] = useState('csv');
  const [path, setPath] = useState('');
  const [symbols, setSymbols] = useState('');
  const [symbol, setSymbol] = useState('');
  const [started, setStarted] = useState<string | null>(null);
  const [error, setError] = useState('');

  const submit = async (e: Event) => {
    e.preventDefault();
    setError('');
    const body: Record<string, unknown> = { source };
    if (source === 'csv' || source === 'file') body.path = path;
    if (source === 'csv' && symbol.trim()) body.symbol = symbol.trim().toUpperCase();
    else body.symbols = symbolsOf(symbols);
    try {
      const run = await api<StartedRun>(`/v1/runs/${kind}`, { method: 'POST', body });
      setStarted(run.workflowId);
    } catch (err) {
      setError(
        err instanceof ApiError && err.notAvailable
          ? `Starting a ${kind} run is not available yet on this server.`
          : `The run did not start: ${messageOf(err)}`,
      );
    }
  };
  // auto: each symbol from the first provider of the server's PRICE_PROVIDER_ORDER that has it.
  const sources = kind === 'prices' ? ['csv', 'stooq', 'yahoo', 'alphavantage', 'tiingo', 'auto'] : ['file', 'sec'];
  const fromFile = source === 'csv' || source === 'file';
  return (
    <>
      <h1>Import</h1>
      <form class="stack" onSubmit={(e) => void submit(e)} aria-label="Start a run">
        <fieldset>
          <legend>What</legend>
          {(['prices', 'fundamentals'] as const).map((k) => (
            <label key={k} class="radio">
              <input
                type="radio"
                name="kind"
                checked={kind === k}
                onChange={() => {
                  setKind(k);
                  setSource(k === 'prices' ? 'csv' : 'file');
                }}
              />
              {k}
            </label>
          ))}
        </fieldset>
        <label>
          Source
          <select value={source} onChange={(e) => setSource(e.currentTarget.value)}>
            {sources.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        {fromFile ? (
          <label class="wide">
            File or folder (inside the server's import roots)
            <input required value={path} onInput={(e) => setPath(e.currentTarget.value)} placeholder="/data/prices" />
          </label>
        ) : null}
        {source === 'csv' && (
          <label>
            Symbol (only for a file without a symbol column)
            <input value={symbol} onInput={(e) => setSymbol(e.currentTarget.value)} placeholder="AAPL" />
          </label>
        )}
        {fromFile ? null : (
          <label class="wide">
            Symbols (comma or space separated)
            <input
              required
              value={symbols}
              onInput={(e) => setSymbols(e.currentTarget.value)}
              placeholder="AAPL MSFT"
            />
          </label>
        )}
        <div>
          <button type="submit">Start {kind} run</button>
        </div>
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
      </form>
      {started && <Follow key={started} workflowId={started} />}
    </>
  );
}
