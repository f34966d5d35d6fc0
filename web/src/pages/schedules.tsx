/** Schedules: list with next and recent runs; create, pause/unpause, trigger now, backfill a past range. */
import { useState } from 'preact/hooks';
import { api, messageOf } from '../api';
import { Badge, ErrorBox, Loading, runLink, when } from '../components/ui';
import type { Schedule } from '../types';
import { useData } from '../use-data';

const KINDS = ['pipeline', 'prices', 'fundamentals', 'analysis'];
const enc = encodeURIComponent;

function describeSpec(s: Schedule): string {
  const c = s.spec.calendar;
  const time = c
    ? `${String(c.hour).padStart(2, '0')}:${String(c.minute).padStart(2, '0')} ${c.dayOfWeek ?? 'daily'}`
    : s.spec.cron;
  return `${time ?? '—'} (${s.spec.timezone})`;
}

function CreateForm({ onCreated }: { onCreated: (schedule: Schedule) => void }) {
  const [id, setId] = useState('');
  const [kind, setKind] = useState('prices');
  const [cron, setCron] = useState('30 18 * * 1-5');
  const [request, setRequest] = useState('{"source": "stooq", "symbols": ["AAPL"]}');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const submit = async (e: Event) => {
    e.preventDefault();
    let parsed: unknown;
    try {
      parsed = JSON.parse(request);
    } catch (error) {
      setMessage({ ok: false, text: `The request is not valid JSON: ${messageOf(error)}` });
      return;
    }
    try {
      const created = await api<Schedule>('/v1/schedules', {
        method: 'POST',
        body: { id, cron, action: { kind, request: parsed } },
      });
      setMessage({ ok: true, text: `Schedule ${id} created.` });
      onCreated(created);
    } catch (error) {
      setMessage({ ok: false, text: `Not created: ${messageOf(error)}` });
    }
  };
  return (
    <form class="stack" onSubmit={(e) => void submit(e)} aria-label="Create a schedule">
      <label>
        Id
        <input
          required
          pattern="[A-Za-z0-9][A-Za-z0-9_.\-]{0,99}"
          value={id}
          onInput={(e) => setId(e.currentTarget.value)}
        />
      </label>
      <label>
        Kind
        <select value={kind} onChange={(e) => setKind(e.currentTarget.value)}>
          {KINDS.map((k) => (
            <option key={k}>{k}</option>
          ))}
        </select>
      </label>
      <label>
        Cron (in America/New_York)
        <input required value={cron} onInput={(e) => setCron(e.currentTarget.value)} />
      </label>
      <label class="wide">
        Request (JSON, as for POST /v1/runs/{'{kind}'})
        <textarea rows={3} value={request} onInput={(e) => setRequest(e.currentTarget.value)} />
      </label>
      <div>
        <button type="submit">Create schedule</button>
      </div>
      {message && (
        <p class={message.ok ? 'ok' : 'error'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
    </form>
  );
}

interface RowProps {
  schedule: Schedule;
  onChange: (text: string, ok: boolean, updated?: Schedule) => void;
}

function Row({ schedule, onChange }: RowProps) {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const act = async (what: string, path: string, body: unknown = {}) => {
    try {
      const answer = await api<Schedule | { id: string }>(`/v1/schedules/${enc(schedule.id)}/${path}`, {
        method: 'POST',
        body,
      });
      onChange(`${schedule.id}: ${what}.`, true, 'paused' in answer ? answer : undefined);
    } catch (error) {
      onChange(`${schedule.id}: ${what} failed: ${messageOf(error)}`, false);
    }
  };
  return (
    <tr>
      <th scope="row">{schedule.id}</th>
      <td>{schedule.action.kind ?? schedule.action.workflowType}</td>
      <td>{describeSpec(schedule)}</td>
      <td>{schedule.paused ? <Badge value="paused" /> : <Badge value="active" />}</td>
      <td>{schedule.paused ? '—' : when(schedule.nextActionTimes[0])}</td>
      <td>
        {schedule.recentActions.length === 0
          ? '—'
          : schedule.recentActions.slice(-3).map((a) => (
              <div key={a.workflowId}>
                <a href={runLink(a.workflowId)}>{when(a.startedAt)}</a> <Badge value={a.status} />
              </div>
            ))}
      </td>
      <td class="row-actions">
        {schedule.paused ? (
          <button type="button" onClick={() => void act('unpaused', 'unpause')}>
            Unpause
          </button>
        ) : (
          <button type="button" onClick={() => void act('paused', 'pause')}>
            Pause
          </button>
        )}
        <button type="button" onClick={() => void act('triggered', 'trigger')}>
          Trigger now
        </button>
        <form
          class="inline"
          aria-label={`Backfill ${schedule.id}`}
          onSubmit={(e) => {
            e.preventDefault();
            void act(`backfill ${from} – ${to} accepted`, 'backfill', { from, to });
          }}
        >
          <label>
            From <input type="date" required value={from} onInput={(e) => setFrom(e.currentTarget.value)} />
          </label>
          <label>
            To <input type="date" required value={to} onInput={(e) => setTo(e.currentTarget.value)} />
          </label>
          <button type="submit">Backfill</button>
        </form>
      </td>
    </tr>
  );
}

export function SchedulesPage() {
  const schedules = useData(() => api<{ schedules: Schedule[] }>('/v1/schedules'), []);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  // The list comes from Temporal's visibility store, which lags a change by a moment: the views that create and
  // pause answer with are shown until the list has caught up.
  const [fresh, setFresh] = useState<Record<string, Schedule>>({});
  const remember = (schedule?: Schedule) => schedule && setFresh((f) => ({ ...f, [schedule.id]: schedule }));
  const changed = (text: string, ok: boolean, updated?: Schedule) => {
    setMessage({ text, ok });
    remember(updated);
    schedules.reload();
  };
  const listed = schedules.data?.schedules ?? [];
  const shown = [
    ...listed.map((s) => fresh[s.id] ?? s),
    ...Object.values(fresh).filter((s) => !listed.some((l) => l.id === s.id)),
  ];
  return (
    <>
      <h1>Schedules</h1>
      {message && (
        <p class={message.ok ? 'ok' : 'error'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
      {schedules.error ? (
        <ErrorBox error={schedules.error} what="Schedules" />
      ) : !schedules.data ? (
        <Loading what="schedules" />
      ) : shown.length === 0 ? (
        <p class="muted">No schedule yet.</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="sr-only">Schedules</caption>
            <thead>
              <tr>
                <th scope="col">Id</th>
                <th scope="col">Kind</th>
                <th scope="col">When</th>
                <th scope="col">State</th>
                <th scope="col">Next run</th>
                <th scope="col">Recent runs</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((s) => (
                <Row key={s.id} schedule={s} onChange={changed} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>New schedule</h2>
      <CreateForm
        onCreated={(created) => {
          remember(created);
          schedules.reload();
        }}
      />
    </>
  );
}
