import { Type, type Static } from 'typebox';
import { OVERLAP_POLICIES, SCHEDULE_ACTION_KINDS, type OverlapPolicyName } from '../../../contracts';

const SCHEDULE_ID = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$', examples: ['daily-pipeline'] });
const Overlap = Type.Enum(Object.keys(OVERLAP_POLICIES) as OverlapPolicyName[], {
  description: 'When a run is still going at the next time: skip (default), buffer_one, buffer_all, cancel_other, …',
});

export const ScheduleIdParams = Type.Object({ id: SCHEDULE_ID });

const Calendar = Type.Object(
  {
    hour: Type.Integer({ minimum: 0, maximum: 23 }),
    minute: Type.Integer({ minimum: 0, maximum: 59 }),
    dayOfWeek: Type.Optional(
      Type.String({ minLength: 1, maxLength: 40, examples: ['MON-FRI', 'MON,WED,FRI'], description: 'absent: daily' }),
    ),
  },
  { additionalProperties: false },
);

const Action = Type.Object(
  {
    kind: Type.Enum([...SCHEDULE_ACTION_KINDS]),
    request: Type.Object({}, { additionalProperties: true, description: 'The run request, as POST /v1/runs/{kind}' }),
  },
  { additionalProperties: false },
);

const scheduleFields = {
  action: Action,
  calendar: Type.Optional(Calendar),
  cron: Type.Optional(Type.String({ minLength: 1, maxLength: 200, examples: ['30 18 * * 1-5'] })),
  timezone: Type.Optional(
    Type.String({ minLength: 1, maxLength: 64, default: undefined, examples: ['America/New_York'] }),
  ),
  overlap: Type.Optional(Overlap),
  catchupWindow: Type.Optional(Type.String({ minLength: 1, maxLength: 40, examples: ['1 day'] })),
  pauseOnFailure: Type.Optional(Type.Boolean()),
  paused: Type.Optional(Type.Boolean()),
  note: Type.Optional(Type.String({ maxLength: 1000 })),
};

export const CreateScheduleBody = Type.Object(
  { id: SCHEDULE_ID, ...scheduleFields },
  {
    additionalProperties: false,
    description: 'Exactly one of calendar and cron; timezone defaults to America/New_York',
  },
);
export type CreateScheduleBody = Static<typeof CreateScheduleBody>;

export const UpdateScheduleBody = Type.Object(
  { ...scheduleFields, action: Type.Optional(Action) },
  { additionalProperties: false, description: 'Only the fields given change' },
);

export const CreateDefaultBody = Type.Object(
  {
    id: Type.Optional(SCHEDULE_ID),
    request: Type.Optional(
      Type.Object(
        {},
        {
          additionalProperties: true,
          description:
            'The pipeline request (the body of POST /v1/runs/pipeline). Required in practice: it must name the ' +
            'prices to load, e.g. { "prices": { "source": "stooq", "symbols": ["AAPL"] } }; without it the answer ' +
            'is 400 naming body/action/request',
        },
      ),
    ),
  },
  { additionalProperties: false },
);

export const NoteBody = Type.Object(
  { note: Type.Optional(Type.String({ maxLength: 1000 })) },
  { additionalProperties: false },
);
export const TriggerBody = Type.Object({ overlap: Type.Optional(Overlap) }, { additionalProperties: false });

const Instant = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})?)?$',
  examples: ['2026-11-23', '2026-11-23T23:30:00Z'],
});
export const BackfillBody = Type.Object(
  {
    from: { ...Instant, description: 'A date means the whole day in the schedule time zone' },
    to: Instant,
    overlap: Type.Optional({ ...Overlap, description: 'Default buffer_all: each past action runs, one after another' }),
  },
  { additionalProperties: false },
);

const Spec = Type.Object({
  calendar: Type.Optional(Calendar),
  cron: Type.Optional(Type.String()),
  timezone: Type.String(),
});

const RecentAction = Type.Object({
  scheduledAt: Type.String({ format: 'date-time' }),
  startedAt: Type.String({ format: 'date-time' }),
  workflowId: Type.String(),
  runId: Type.String(),
});

export const ScheduleBody = Type.Object({
  id: Type.String(),
  paused: Type.Boolean(),
  note: Type.Union([Type.String(), Type.Null()]),
  spec: Spec,
  action: Type.Object({
    kind: Type.Union([Type.Enum([...SCHEDULE_ACTION_KINDS]), Type.Null()]),
    request: Type.Unknown(),
    workflowType: Type.String(),
    taskQueue: Type.String(),
  }),
  overlap: Type.String(),
  catchupWindow: Type.String(),
  pauseOnFailure: Type.Boolean(),
  nextActionTimes: Type.Array(Type.String({ format: 'date-time' })),
  recentActions: Type.Array(
    Type.Object({ ...RecentAction.properties, status: Type.String({ examples: ['COMPLETED', 'RUNNING'] }) }),
  ),
  runningWorkflowIds: Type.Array(Type.String()),
  actionsTaken: Type.Integer({ minimum: 0 }),
  missedCatchupWindow: Type.Integer({ minimum: 0 }),
  skippedOverlap: Type.Integer({ minimum: 0 }),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

export const ScheduleListBody = Type.Object({
  schedules: Type.Array(
    Type.Object({
      id: Type.String(),
      paused: Type.Boolean(),
      note: Type.Union([Type.String(), Type.Null()]),
      kind: Type.Union([Type.Enum([...SCHEDULE_ACTION_KINDS]), Type.Null()]),
      workflowType: Type.Union([Type.String(), Type.Null()]),
      nextActionTimes: Type.Array(Type.String({ format: 'date-time' })),
      recentActions: Type.Array(RecentAction),
    }),
  ),
});

export const TriggeredBody = Type.Object({ id: Type.String(), triggered: Type.Literal(true) });
export const BackfillAcceptedBody = Type.Object({
  id: Type.String(),
  start: Type.String({ format: 'date-time' }),
  end: Type.String({ format: 'date-time' }),
});
export const ChangedSchedulesBody = Type.Object({ schedules: Type.Array(Type.String()) });
