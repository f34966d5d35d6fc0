import type { BatchedRunProgress, BatchedRunTotals, RunKind, RunOutcome, SymbolFailure } from '../contracts';

export type RunPhase = BatchedRunProgress['phase'];

interface ProgressSpec<T, P> {
  kind: RunKind;
  progress?(totals: T): P;
  describe?(totals: T): string;
  symbolFailures?(totals: T): readonly SymbolFailure[];
}

/** The `progress` query's answer: the window's state, failures by symbol, the kind's own fields. */
export function progressOf<T extends BatchedRunTotals, P extends object>(
  spec: ProgressSpec<T, P>,
  state: { batches: readonly unknown[]; nextBatch: number; totals: T },
  phase: RunPhase,
  running: number,
): BatchedRunProgress & P {
  const { totals } = state;
  const failuresBySymbol: Record<string, string> = {};
  for (const failure of totals.failures) {
    for (const symbol of failure.symbols) failuresBySymbol[symbol] = `${failure.type}: ${failure.message}`;
  }
  // Then the symbols a completed batch reported it could not process; a failed batch's own reason comes first.
  for (const { symbol, reason } of spec.symbolFailures?.(totals) ?? []) failuresBySymbol[symbol] ??= reason;
  return {
    ...(spec.progress?.(totals) ?? ({} as P)),
    kind: spec.kind,
    phase,
    batchesTotal: state.batches.length,
    batchesDone: state.nextBatch - running,
    batchesFailed: totals.batchesFailed,
    batchesRunning: running,
    failuresBySymbol,
    ...(phase === 'done' ? { outcome: totals.outcome } : {}),
  };
}

const OUTCOME_LABELS: Record<RunOutcome, string> = { succeeded: 'Succeeded', partial: 'Partial', failed: 'Failed' };

/** The current-details line in the Temporal UI; once done it leads with the outcome. */
export function describeProgress<T extends BatchedRunTotals, P>(
  spec: ProgressSpec<T, P>,
  p: BatchedRunProgress,
  totals: T,
): string {
  const failed = p.batchesFailed ? `, ${p.batchesFailed} failed` : '';
  const extra = spec.describe ? `; ${spec.describe(totals)}` : '';
  const line = `${p.batchesDone}/${p.batchesTotal} batches done${failed}${extra}`;
  return p.outcome ? `**${OUTCOME_LABELS[p.outcome]}**: ${line}` : line;
}
