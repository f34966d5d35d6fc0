/** What the evening look needs: the last run of each kind, how fresh the data is, what failed, what runs next. */
import { api, ApiError } from '../api';
import { Badge, ErrorBox, Loading, num, runLink, Section, when } from '../components/ui';
import type { RunStatus, RunSummary, Schedule, Security } from '../types';
import { useData } from '../use-data';

const KINDS = ['pipeline', 'prices', 'fundamentals', 'analysis'];

interface PriceResult {
  rowsLoaded?: number;
  rowsRejected?: number;
  rejectedByReason?: Record<string, number>;
  failures?: { batchKey: string; symbols: string[]; type: string; message: string }[];
}

function LastRuns({ runs }: { runs: RunSummary[] }) {
  const latest = KINDS.map((kind) => [kind, runs.find((r) => r.kind === kind)] as const);
  return (
    <div class="table-wrap">
      <table>
        <caption class="sr-only">Last run of each kind</caption>
        <thead>
          <tr>
            <th scope="col">Kind</th>
            <th scope="col">Status</th>
            <th scope="col">Outcome</th>
            <th scope="col">Started</th>
            <th scope="col">Summary</th>
            <th scope="col">Temporal</th>
          </tr>
        </thead>
        <tbody>
          {latest.map(([kind, run]) => (
            <tr key={kind}>
              <th scope="row">{kind}</th>
              {run ? (
                <>
                  <td>
                    <a href={runLink(run.workflowId)}>
                      <Badge value={run.status} />
                    </a>
                  </td>
                  <td>
                    <Badge value={run.outcome} />
                  </td>
                  <td>{when(run.startTime)}</td>
                  <td>{run.summary ?? run.workflowId}</td>
                  <td>
                    <a href={run.temporalUiUrl} target="_blank" rel="noreferrer">
                      Open in Temporal UI
                    </a>
                  </td>
                </>
              ) : (
                <td colSpan={5} class="muted">
                  No run yet
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Freshness({ securities, runs }: { securities: Security[]; runs: RunSummary[] }) {
  const dates = securities.map((s) => s.lastDate).filter((d): d is string => !!d);
  const latest = dates.reduce((a, b) => (b > a ? b : a), '');
  const behind = securities.filter((s) => s.lastDate && s.lastDate < latest);
  const bySource = new Map<string, RunSummary>();
  for (const run of runs)
    if (run.kind === 'prices' && run.source && !bySource.has(run.source)) bySource.set(run.source, run);
  return (
    <>
      <p>
        Latest bar: <strong>{latest || 'none'}</strong> across {securities.length} securities;{' '}
        <strong>{behind.length}</strong> symbols behind it
        {behind.length > 0 &&
          `: ${behind
            .slice(0, 8)
            .map((s) => `${s.symbol} (${s.lastDate})`)
            .join(', ')}${behind.length > 8 ? ', …' : ''}`}
        .
      </p>
      {bySource.size > 0 && (
        <ul>
          {[...bySource].map(([source, run]) => (
            <li key={source}>
              <strong>{source}</strong>: last price run {when(run.closeTime ?? run.startTime)}{' '}
              <Badge value={run.outcome ?? run.status} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function LastPriceRun({ run }: { run: RunSummary }) {
  const status = useData(() => api<RunStatus>(`/v1/runs/${encodeURIComponent(run.workflowId)}`), [run.workflowId]);
  if (status.error) return <ErrorBox error={status.error} what="The last price run" />;
  if (!status.data) return <Loading what="the last price run" />;
  const result = (status.data.result ?? {}) as PriceResult;
  const reasons = Object.entries(result.rejectedByReason ?? {});
  const failures = result.failures ?? [];
  return (
    <>
      <p>
        <a href={runLink(run.workflowId)}>{run.workflowId}</a>: {num(result.rowsLoaded ?? 0, 0)} rows loaded,{' '}
        {num(result.rowsRejected ?? 0, 0)} rejected.
      </p>
      <h3>Failing batches</h3>
      {failures.length === 0 ? (
        <p class="muted">No failing batch.</p>
      ) : (
        <ul>
          {failures.map((f) => (
            <li key={f.batchKey}>
              <code>{f.batchKey}</code> ({f.symbols.join(', ')}): {f.type}: {f.message}
            </li>
          ))}
        </ul>
      )}
      <h3>Rejected rows by reason</h3>
      {reasons.length === 0 ? (
        <p class="muted">No rejected rows.</p>
      ) : (
        <ul>
          {reasons.map(([reason, count]) => (
            <li key={reason}>
              {reason}: {count}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** The last pipeline run's stages (prices → fundamentals → analysis) from its progress query. */
function PipelineStages({ run }: { run: RunSummary }) {
  const status = useData(() => api<RunStatus>(`/v1/runs/${encodeURIComponent(run.workflowId)}`), [run.workflowId]);
  if (status.error) return <ErrorBox error={status.error} what="The last pipeline run" />;
  if (!status.data) return <Loading what="the last pipeline run" />;
  const stages = Object.entries(status.data.progress ?? {}).filter(
    ([, v]) => v !== null && typeof v === 'object' && !Array.isArray(v),
  ) as [string, { phase?: string; batchesDone?: number; batchesTotal?: number; outcome?: string }][];
  return (
    <>
      <p>
        <a href={runLink(run.workflowId)}>{run.workflowId}</a> <Badge value={status.data.status} />{' '}
        <Badge value={status.data.outcome} />
      </p>
      {stages.length > 0 && (
        <ol>
          {stages.map(([name, stage]) => (
            <li key={name}>
              <strong>{name}</strong>: {stage.phase ?? '—'}
              {stage.batchesTotal ? ` (${stage.batchesDone ?? 0} of ${stage.batchesTotal} batches)` : ''}{' '}
              {stage.outcome && <Badge value={stage.outcome} />}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

function NextSchedules() {
  const schedules = useData(() => api<{ schedules: Schedule[] }>('/v1/schedules', { ask: false }), []);
  if (schedules.error instanceof ApiError && schedules.error.status === 401)
    return (
      <p class="muted">
        Schedules need the API key: <a href="/schedules">open the schedules page</a> to enter it.
      </p>
    );
  if (schedules.error) return <ErrorBox error={schedules.error} what="Schedules" />;
  if (!schedules.data) return <Loading what="schedules" />;
  const next = schedules.data.schedules
    .filter((s) => !s.paused && s.nextActionTimes.length)
    .sort((a, b) => a.nextActionTimes[0].localeCompare(b.nextActionTimes[0]));
  if (!next.length)
    return (
      <p class="muted">
        Nothing scheduled. <a href="/schedules">Create a schedule</a>.
      </p>
    );
  return (
    <ul>
      {next.map((s) => (
        <li key={s.id}>
          <strong>{s.id}</strong> ({s.action.kind ?? s.action.workflowType}): {when(s.nextActionTimes[0])}
        </li>
      ))}
    </ul>
  );
}

export function OverviewPage() {
  const runs = useData(() => api<{ runs: RunSummary[] }>('/v1/runs?limit=100'), []);
  const securities = useData(() => api<{ securities: Security[] }>('/v1/securities'), []);
  const lastPrices = runs.data?.runs.find((r) => r.kind === 'prices' && r.status !== 'RUNNING');
  const lastPipeline = runs.data?.runs.find((r) => r.kind === 'pipeline');
  return (
    <>
      <h1>Overview</h1>
      <Section title="Last runs">
        {runs.error ? (
          <ErrorBox error={runs.error} what="Runs" />
        ) : runs.data ? (
          <LastRuns runs={runs.data.runs} />
        ) : (
          <Loading what="runs" />
        )}
      </Section>
      {lastPipeline && (
        <Section title="Last pipeline run">
          <PipelineStages run={lastPipeline} />
        </Section>
      )}
      <Section title="Data freshness">
        {securities.error ? (
          <ErrorBox error={securities.error} what="Securities" />
        ) : securities.data ? (
          <Freshness securities={securities.data.securities} runs={runs.data?.runs ?? []} />
        ) : (
          <Loading what="securities" />
        )}
      </Section>
      <Section title="Last price run">
        {lastPrices ? <LastPriceRun run={lastPrices} /> : <p class="muted">No finished price run yet.</p>}
      </Section>
      <Section title="Next scheduled runs">
        <NextSchedules />
      </Section>
    </>
  );
}
