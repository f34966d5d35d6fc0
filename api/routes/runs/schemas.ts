import { Type, type Static } from 'typebox';
import { MAX_BATCH_SIZE, PRICE_SOURCES } from '../../../contracts';
import { IsoDate, TickerSymbol } from '../../schemas/common';

export const StartPricesBody = Type.Object(
  {
    source: Type.Enum([...PRICE_SOURCES], { description: 'csv: a file or folder on the server; stooq: fetch symbols' }),
    path: Type.Optional(
      Type.String({ minLength: 1, maxLength: 4096, description: 'csv only: a file or folder inside an import root' }),
    ),
    symbol: Type.Optional({ ...TickerSymbol, description: 'csv only: the symbol of a file without a symbol column' }),
    symbols: Type.Optional(Type.Array(TickerSymbol, { maxItems: 10_000 })),
    from: Type.Optional(IsoDate),
    to: Type.Optional(IsoDate),
    batchSize: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_BATCH_SIZE })),
  },
  { additionalProperties: false },
);
export type StartPricesBody = Static<typeof StartPricesBody>;

export const IDEMPOTENCY_KEY_PATTERN = '^[A-Za-z0-9_.:-]{1,100}$';

export const StartPricesHeaders = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({ pattern: IDEMPOTENCY_KEY_PATTERN, description: 'Runs once per key; a repeat returns that run' }),
  ),
});

export const StartedRun = Type.Object({
  workflowId: Type.String(),
  runId: Type.String(),
  statusUrl: Type.String(),
  temporalUiUrl: Type.String(),
});
export type StartedRun = Static<typeof StartedRun>;

export const WorkflowIdParams = Type.Object({ workflowId: Type.String({ minLength: 1, maxLength: 1000 }) });

/** Temporal's execution statuses, with CANCELLED spelled as in the API. */
export const RUN_STATUSES = [
  'RUNNING',
  'COMPLETED',
  'FAILED',
  'CANCELED',
  'TERMINATED',
  'TIMED_OUT',
  'CONTINUED_AS_NEW',
  'PAUSED',
  'UNKNOWN',
] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

const count = Type.Integer({ minimum: 0 });
const countsByName = Type.Record(Type.String(), count);

export const IngestProgressBody = Type.Object({
  phase: Type.Enum(['planning', 'running', 'done']),
  batchesTotal: count,
  batchesDone: count,
  batchesFailed: count,
  batchesRunning: count,
  rowsLoaded: count,
  rowsRejected: count,
  failuresBySymbol: Type.Record(Type.String(), Type.String()),
});

export const IngestPricesResultBody = Type.Object({
  rowsRead: count,
  rowsLoaded: count,
  rowsRejected: count,
  rejectedByReason: countsByName,
  rowsFlagged: countsByName,
  rowsFiltered: count,
  rowsInserted: count,
  rowsUpdated: count,
  rowsUnchanged: count,
  batches: count,
  batchesFailed: count,
  failures: Type.Array(
    Type.Object({
      batchKey: Type.String(),
      symbols: Type.Array(Type.String()),
      type: Type.String(),
      message: Type.String(),
    }),
  ),
});

export const RunStatusBody = Type.Object({
  workflowId: Type.String(),
  runId: Type.String(),
  workflowType: Type.String(),
  status: Type.Enum([...RUN_STATUSES]),
  startTime: Type.String({ format: 'date-time' }),
  closeTime: Type.Optional(Type.String({ format: 'date-time' })),
  progress: Type.Union([IngestProgressBody, Type.Null()]),
  result: Type.Optional(IngestPricesResultBody),
  error: Type.Optional(Type.Object({ type: Type.String(), message: Type.String() })),
  temporalUiUrl: Type.String(),
});
export type RunStatusBody = Static<typeof RunStatusBody>;

export const ListRunsQuery = Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }) });

export const RunSummaryBody = Type.Object({
  workflowId: Type.String(),
  runId: Type.String(),
  status: Type.Enum([...RUN_STATUSES]),
  startTime: Type.String({ format: 'date-time' }),
  closeTime: Type.Optional(Type.String({ format: 'date-time' })),
  summary: Type.Optional(Type.String()),
  source: Type.Optional(Type.String()),
  symbolCount: Type.Optional(count),
  temporalUiUrl: Type.String(),
});
export type RunSummaryBody = Static<typeof RunSummaryBody>;

export const RunListBody = Type.Object({ runs: Type.Array(RunSummaryBody) });

export const CancelRequestedBody = Type.Object({
  workflowId: Type.String(),
  runId: Type.String(),
  status: Type.Literal('CANCEL_REQUESTED'),
  temporalUiUrl: Type.String(),
});

export const RunBatchesBody = Type.Object({
  workflowId: Type.String(),
  batches: Type.Array(
    Type.Object({
      batchKey: Type.String(),
      runId: Type.String(),
      source: Type.String(),
      symbols: Type.Array(Type.String()),
      rawObjects: Type.Unknown({ description: 'The raw objects the batch was read from (S3 keys, sha256, origin)' }),
      stagedKey: Type.String(),
      stagedSha256: Type.String(),
      rejectedKey: Type.Union([Type.String(), Type.Null()]),
      rowsRead: count,
      rowsLoaded: count,
      rowsRejected: count,
      rowsFiltered: count,
      rowsInserted: count,
      rowsUpdated: count,
      rowsUnchanged: count,
      loadedAt: Type.String({ format: 'date-time' }),
    }),
  ),
});
