import { Type, type Static } from 'typebox';
import { RUN_KINDS, RUN_OUTCOMES, RUN_STATUSES } from '../../../contracts';
import { TickerSymbol } from '../../schemas/common';

export { StartPricesBody } from '../../../application/runs/prices-request-schema';

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

export { RUN_STATUSES, type RunStatus } from '../../../contracts';

const RunKind = Type.Enum(Object.values(RUN_KINDS));
const RunOutcome = Type.Enum([...RUN_OUTCOMES]);

const count = Type.Integer({ minimum: 0 });
const countsByName = Type.Record(Type.String(), count);

export const IngestProgressBody = Type.Object({
  kind: RunKind,
  outcome: Type.Optional(RunOutcome),
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
      files: Type.Optional(Type.Array(Type.String())),
    }),
  ),
  /**
   * Files of a folder (or parts of a multi-symbol file) that could not be read, and Stooq symbols that could not be
   * fetched (`file` is then the symbol), each with its failure type.
   */
  fileFailures: Type.Optional(
    Type.Array(Type.Object({ file: Type.String(), type: Type.String(), message: Type.String() })),
  ),
  fileFailuresOmitted: Type.Optional(count),
  outcome: RunOutcome,
});

/** Every batched run's progress; a kind adds its own fields (a price run's are IngestProgressBody's). */
export const RunProgressBody = Type.Object(
  {
    kind: Type.Optional(Type.String()),
    phase: Type.Optional(Type.String()),
    batchesTotal: Type.Optional(count),
    batchesDone: Type.Optional(count),
    batchesFailed: Type.Optional(count),
    batchesRunning: Type.Optional(count),
    failuresBySymbol: Type.Optional(Type.Record(Type.String(), Type.String())),
    outcome: Type.Optional(RunOutcome),
  },
  {
    additionalProperties: true,
    description: "The kind's progress query: batch counts and failures by symbol, plus the kind's own fields",
  },
);

export const RunStatusBody = Type.Object({
  workflowId: Type.String(),
  runId: Type.String(),
  workflowType: Type.String(),
  kind: Type.Optional(
    Type.String({ description: 'IbyRunKind: prices, fundamentals, analysis, pipeline, macro, *-batch' }),
  ),
  status: Type.Enum([...RUN_STATUSES]),
  outcome: Type.Union([RunOutcome, Type.Null()], {
    description:
      'succeeded: every batch done; partial: some failed; failed: nothing done. Null while running or when cancelled',
  }),
  startTime: Type.String({ format: 'date-time' }),
  closeTime: Type.Optional(Type.String({ format: 'date-time' })),
  progress: Type.Union([RunProgressBody, Type.Null()]),
  result: Type.Optional(
    Type.Unknown({ description: "The kind's result (a price run's is IngestPricesResult), with `outcome`" }),
  ),
  error: Type.Optional(Type.Object({ type: Type.String(), message: Type.String() })),
  temporalUiUrl: Type.String(),
});
export type RunStatusBody = Static<typeof RunStatusBody>;

export const ListRunsQuery = Type.Object(
  {
    kind: Type.Optional(Type.Enum(Object.values(RUN_KINDS))),
    status: Type.Optional(Type.Enum([...RUN_STATUSES])),
    symbol: Type.Optional(TickerSymbol),
    limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  },
  { additionalProperties: false },
);

export const RunSummaryBody = Type.Object({
  workflowId: Type.String(),
  runId: Type.String(),
  kind: Type.Optional(Type.String()),
  status: Type.Enum([...RUN_STATUSES]),
  outcome: Type.Optional(RunOutcome),
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
      stagedUrl: Type.String({ description: 'Presigned download link to the staged rows, valid for minutes' }),
      rejectedUrl: Type.Union([Type.String(), Type.Null()], { description: 'Presigned link to the rejected rows' }),
      rawUrls: Type.Array(Type.String(), { description: 'Presigned links to the raw objects, in rawObjects order' }),
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
