import { MAX_FILE_FAILURES, type RowCounts } from './prices';

export function emptyRowCounts(): RowCounts {
  return { rowsRead: 0, rowsLoaded: 0, rowsRejected: 0, rejectedByReason: {}, rowsFlagged: {}, rowsFiltered: 0 };
}

/** Adds `from` into `into` (mutates it): batches add up to a run, parts add up to a batch. */
export function addRowCounts(into: RowCounts, from: RowCounts): void {
  into.rowsRead += from.rowsRead;
  into.rowsLoaded += from.rowsLoaded;
  into.rowsRejected += from.rowsRejected;
  into.rowsFiltered += from.rowsFiltered;
  addTallies(into.rejectedByReason, from.rejectedByReason);
  addTallies(into.rowsFlagged, from.rowsFlagged);
  addFileFailures(into, from.fileFailures ?? [], from.fileFailuresOmitted ?? 0);
}

/** Appends file failures, keeping at most MAX_FILE_FAILURES and counting the rest. */
export function addFileFailures(into: RowCounts, failures: RowCounts['fileFailures'] & object, omitted = 0): void {
  if (!failures.length && !omitted) return;
  const kept = into.fileFailures ?? [];
  const room = Math.max(0, MAX_FILE_FAILURES - kept.length);
  into.fileFailures = [...kept, ...failures.slice(0, room)];
  const dropped = omitted + Math.max(0, failures.length - room);
  if (dropped) into.fileFailuresOmitted = (into.fileFailuresOmitted ?? 0) + dropped;
}

function addTallies<K extends string>(into: Partial<Record<K, number>>, from: Partial<Record<K, number>>): void {
  for (const [key, count] of Object.entries(from) as [K, number][]) into[key] = (into[key] ?? 0) + count;
}
