import { randomBytes } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import { TASK_QUEUES, type IngestPricesResult, type ScheduleView } from '../../contracts';
import { ingestPrices } from '../../workflows/ingest-prices';
import { eventually, SCHEDULES_API_KEY, startSchedulesStack, type SchedulesStack } from '../support/schedules-app';
import { sharedData } from '../support/shared-data';

const AAPL = sharedData('ohlcv', 'AAPL_2013-02-08_2018-02-07.csv');
const suffix = randomBytes(3).toString('hex');
const id = (name: string) => `${name}-${suffix}`;
let stack: SchedulesStack;

beforeAll(async () => {
  stack = await startSchedulesStack();
});

afterAll(async () => {
  for await (const summary of stack?.harness.client.schedule.list() ?? [])
    if (summary.scheduleId.endsWith(suffix)) await stack.harness.client.schedule.getHandle(summary.scheduleId).delete();
  await stack?.stop();
});

const call = async (options: InjectOptions & { key?: string | null }) => {
  const { key, ...rest } = options;
  const headers = key === null ? {} : { 'x-api-key': key ?? SCHEDULES_API_KEY };
  return stack.app.inject({ ...rest, headers });
};

/** AAPL from 2018-01-22 on, with no `to`: a scheduled run fills in its own business date. */
const pricesAction = { kind: 'prices', request: { source: 'csv', path: AAPL, symbol: 'AAPL', from: '2018-01-22' } };

async function createSchedule(body: object): Promise<ScheduleView> {
  const res = await call({ method: 'POST', url: '/v1/schedules', payload: body });
  expect(res.statusCode).toBe(201);
  return res.json<ScheduleView>();
}

async function runsOf(scheduleId: string): Promise<{ workflowId: string; status: string }[]> {
  const runs: { workflowId: string; status: string }[] = [];
  const query = `TemporalScheduledById = '${scheduleId}'`;
  for await (const info of stack.harness.client.workflow.list({ query }))
    runs.push({ workflowId: info.workflowId, status: info.status.name });
  return runs;
}

describe('schedules through the API on the dev server', () => {
  it('creates a schedule (201), refuses a taken id (409), an unbuilt kind and a bad zone (400), and needs the key', async () => {
    const view = await createSchedule({
      id: id('weekday'),
      action: pricesAction,
      calendar: { hour: 18, minute: 30, dayOfWeek: 'MON-FRI' },
      note: 'weekday prices',
      catchupWindow: '1 day',
      overlap: 'buffer_one',
    });
    expect(view).toMatchObject({
      id: id('weekday'),
      paused: false,
      note: 'weekday prices',
      spec: { calendar: { hour: 18, minute: 30, dayOfWeek: 'MON-FRI' }, timezone: 'America/New_York' },
      action: { kind: 'prices', workflowType: 'ingestPrices', taskQueue: TASK_QUEUES.etl },
      overlap: 'buffer_one',
      catchupWindow: '1 day',
      recentActions: [],
    });
    expect(view.action.request).toMatchObject({ source: 'csv', symbol: 'AAPL', from: '2018-01-22', batchSize: 50 });
    // Next times: 18:30 in New York on weekdays, whatever the offset (EST or EDT).
    expect(view.nextActionTimes.length).toBeGreaterThan(0);
    for (const next of view.nextActionTimes) {
      const local = new Intl.DateTimeFormat('en-US', {
        timeZone: 'America/New_York',
        weekday: 'short',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).format(new Date(next));
      expect(local).toMatch(/^(Mon|Tue|Wed|Thu|Fri) 18:30$/);
    }

    const again = await call({
      method: 'POST',
      url: '/v1/schedules',
      payload: { id: id('weekday'), action: pricesAction, cron: '0 1 * * *' },
    });
    expect(again.statusCode).toBe(409);

    const pipeline = await call({
      method: 'POST',
      url: '/v1/schedules',
      payload: { id: id('pipe'), action: { kind: 'pipeline', request: {} }, cron: '30 18 * * 1-5' },
    });
    // A pipeline must say which prices it loads.
    expect(pipeline.statusCode).toBe(400);
    expect(pipeline.json<{ message: string }>().message).toMatch(/^body\/action\/request .*prices/);

    const zone = await call({
      method: 'POST',
      url: '/v1/schedules',
      payload: { id: id('zone'), action: pricesAction, cron: '30 18 * * 1-5', timezone: 'Mars/Olympus' },
    });
    expect(zone.statusCode).toBe(400);
    expect(zone.json<{ message: string }>().message).toMatch(/^body\/timezone/);

    const badRequest = await call({
      method: 'POST',
      url: '/v1/schedules',
      payload: {
        id: id('bad'),
        action: { kind: 'prices', request: { source: 'csv', path: AAPL, from: 'yesterday' } },
        cron: '0 1 * * *',
      },
    });
    expect(badRequest.statusCode).toBe(400);
    expect(badRequest.json<{ message: string }>().message).toMatch(/^body\/action\/request\/from/);

    expect((await call({ method: 'GET', url: `/v1/schedules/${id('weekday')}`, key: null })).statusCode).toBe(401);
    expect((await call({ method: 'GET', url: '/v1/schedules', key: 'wrong' })).statusCode).toBe(401);
    expect((await call({ method: 'GET', url: `/v1/schedules/${id('nope')}` })).statusCode).toBe(404);
  });

  it('backfills a week: one run per weekday, each with its scheduled day as business date', async () => {
    // 21:00 in New York is 02:00 UTC the next day: a business date taken in UTC would be one day late.
    const scheduleId = id('backfill');
    await createSchedule({
      id: scheduleId,
      action: pricesAction,
      calendar: { hour: 21, minute: 0, dayOfWeek: 'MON-FRI' },
      paused: true,
    });
    const res = await call({
      method: 'POST',
      url: `/v1/schedules/${scheduleId}/backfill`,
      payload: { from: '2018-01-27', to: '2018-02-04' },
    });
    expect(res.statusCode).toBe(202);

    const runs = await eventually(async () => {
      const found = await runsOf(scheduleId);
      return found.length === 5 && found.every((r) => r.status === 'COMPLETED') ? found : undefined;
    }, 'five completed scheduled runs');

    const byDay = new Map<string, number>();
    for (const run of runs) {
      const handle = stack.harness.client.workflow.getHandle<typeof ingestPrices>(run.workflowId);
      const result: IngestPricesResult = await handle.result();
      const status = await call({ method: 'GET', url: `/v1/runs/${encodeURIComponent(run.workflowId)}` });
      expect(status.statusCode).toBe(200);
      const { rows } = await stack.harness.db.query<{ to: string | null; loaded: number }>(
        `SELECT request->>'to' AS "to", (result->>'rowsLoaded')::int AS loaded FROM ingestion_runs WHERE workflow_id = $1`,
        [run.workflowId],
      );
      expect(rows).toHaveLength(1);
      expect(rows[0].loaded).toBe(result.rowsLoaded);
      byDay.set(rows[0].to ?? 'none', result.rowsLoaded);
    }
    // AAPL has a bar on every weekday from 2018-01-22 (Mon): 6 bars up to Monday the 29th, one more each day.
    expect(Object.fromEntries(byDay)).toEqual({
      '2018-01-29': 6,
      '2018-01-30': 7,
      '2018-01-31': 8,
      '2018-02-01': 9,
      '2018-02-02': 10,
    });

    const view = await eventually(async () => {
      const res = await call({ method: 'GET', url: `/v1/schedules/${scheduleId}` });
      const body = res.json<ScheduleView>();
      return body.recentActions.length === 5 && body.recentActions.every((a) => a.status === 'COMPLETED')
        ? body
        : undefined;
    }, 'recentActions of the backfill');
    expect(view.paused).toBe(true);
    expect(view.recentActions.map((a) => a.scheduledAt).sort()).toEqual([
      '2018-01-30T02:00:00.000Z',
      '2018-01-31T02:00:00.000Z',
      '2018-02-01T02:00:00.000Z',
      '2018-02-02T02:00:00.000Z',
      '2018-02-03T02:00:00.000Z',
    ]);
    expect(view.recentActions.map((a) => a.workflowId).sort()).toEqual(runs.map((r) => r.workflowId).sort());

    // Runs started by a schedule are price runs like any other in the runs list.
    const listed = await eventually(async () => {
      const res = await call({ method: 'GET', url: '/v1/runs?limit=100' });
      const ids = res.json<{ runs: { workflowId: string }[] }>().runs.map((r) => r.workflowId);
      return runs.every((r) => ids.includes(r.workflowId)) ? ids : undefined;
    }, 'scheduled runs in GET /v1/runs');
    expect(listed.length).toBeGreaterThanOrEqual(5);
  });

  it('pauses, unpauses, triggers (business date today), updates, lists, pauses all and deletes', async () => {
    const scheduleId = id('ops');
    await createSchedule({ id: scheduleId, action: pricesAction, cron: '0 3 1 1 *', timezone: 'UTC' });

    const paused = await call({
      method: 'POST',
      url: `/v1/schedules/${scheduleId}/pause`,
      payload: { note: 'maintenance' },
    });
    expect(paused.statusCode).toBe(200);
    expect(paused.json<ScheduleView>()).toMatchObject({ paused: true, note: 'maintenance' });
    const unpaused = await call({ method: 'POST', url: `/v1/schedules/${scheduleId}/unpause` });
    expect(unpaused.json<ScheduleView>()).toMatchObject({ paused: false, note: 'unpaused through iby' });

    const trigger = await call({ method: 'POST', url: `/v1/schedules/${scheduleId}/trigger` });
    expect(trigger.statusCode).toBe(202);
    const [run] = await eventually(async () => {
      const found = await runsOf(scheduleId);
      return found.length === 1 && found[0].status === 'COMPLETED' ? found : undefined;
    }, 'the triggered run');
    // Today is after the file's last bar: everything from 2018-01-22 loads (13 weekdays to 2018-02-07).
    const result = await stack.harness.client.workflow.getHandle<typeof ingestPrices>(run.workflowId).result();
    expect(result.rowsLoaded).toBe(13);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'UTC' }).format(new Date());
    const { rows } = await stack.harness.db.query<{ to: string }>(
      `SELECT request->>'to' AS "to" FROM ingestion_runs WHERE workflow_id = $1`,
      [run.workflowId],
    );
    expect(rows[0].to).toBe(today);

    const patched = await call({
      method: 'PATCH',
      url: `/v1/schedules/${scheduleId}`,
      payload: { calendar: { hour: 7, minute: 15 }, timezone: 'Europe/Paris', note: 'mornings' },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json<ScheduleView>()).toMatchObject({
      note: 'mornings',
      spec: { calendar: { hour: 7, minute: 15 }, timezone: 'Europe/Paris' },
      action: { kind: 'prices' },
    });
    expect(patched.json<ScheduleView>().spec.cron).toBeUndefined();
    const badPatch = await call({
      method: 'PATCH',
      url: `/v1/schedules/${scheduleId}`,
      payload: { catchupWindow: 'soon' },
    });
    expect(badPatch.statusCode).toBe(400);

    const listed = await eventually(async () => {
      const res = await call({ method: 'GET', url: '/v1/schedules' });
      const found = res.json<{ schedules: { id: string; kind: string }[] }>().schedules;
      return found.some((s) => s.id === scheduleId) ? found : undefined;
    }, 'the schedule in the list');
    expect(listed.find((s) => s.id === scheduleId)).toMatchObject({ kind: 'prices' });

    const pauseAll = await call({ method: 'POST', url: '/v1/schedules/pause-all' });
    expect(pauseAll.statusCode).toBe(200);
    expect(pauseAll.json<{ schedules: string[] }>().schedules).toContain(scheduleId);
    const afterPause = await call({ method: 'GET', url: `/v1/schedules/${scheduleId}` });
    expect(afterPause.json<ScheduleView>().paused).toBe(true);
    await eventually(async () => {
      const res = await call({ method: 'GET', url: '/v1/schedules' });
      const found = res.json<{ schedules: { id: string; paused: boolean }[] }>().schedules;
      return found.find((s) => s.id === scheduleId)?.paused ? true : undefined;
    }, 'the list to show it paused');
    const unpauseAll = await call({ method: 'POST', url: '/v1/schedules/unpause-all' });
    expect(unpauseAll.json<{ schedules: string[] }>().schedules).toContain(scheduleId);

    expect((await call({ method: 'DELETE', url: `/v1/schedules/${scheduleId}` })).statusCode).toBe(204);
    expect((await call({ method: 'GET', url: `/v1/schedules/${scheduleId}` })).statusCode).toBe(404);
    expect((await call({ method: 'POST', url: `/v1/schedules/${scheduleId}/trigger` })).statusCode).toBe(404);
  });

  it('create-default needs a pipeline request, and creates weekdays 18:30 New York with one', async () => {
    const refused = await call({ method: 'POST', url: '/v1/schedules/default', payload: {} });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<{ message: string }>().message).toMatch(/^body\/action\/request .*prices/);

    const created = await call({
      method: 'POST',
      url: '/v1/schedules/default',
      payload: { id: id('default'), request: { prices: pricesAction.request } },
    });
    expect(created.statusCode).toBe(201);
    const view = created.json<ScheduleView>();
    expect(view).toMatchObject({
      id: id('default'),
      paused: false,
      spec: { calendar: { hour: 18, minute: 30, dayOfWeek: 'MON-FRI' }, timezone: 'America/New_York' },
      action: { kind: 'pipeline', workflowType: 'dailyPipeline', taskQueue: 'analysis' },
    });
    expect(view.nextActionTimes.length).toBeGreaterThan(0);
  });
});
