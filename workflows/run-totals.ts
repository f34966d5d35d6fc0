import { emptyBatchedTotals } from './batched-run';
import {
  addRowCounts,
  emptyRowCounts,
  type IngestPricesResult,
  type LoadCounts,
  type RowCounts,
  type SymbolsByProvider,
} from '../contracts';
import { addSymbolsByProvider } from './provider-failover';

export function emptyResult(): IngestPricesResult {
  return {
    ...emptyRowCounts(),
    rowsInserted: 0,
    rowsUpdated: 0,
    rowsUnchanged: 0,
    changedSymbols: [],
    ...emptyBatchedTotals(),
  };
}

/** Adds one batch's counts to the run's totals (mutates `totals`). */
export function addBatchResult(
  totals: IngestPricesResult,
  batch: RowCounts & LoadCounts & { symbolsByProvider?: SymbolsByProvider },
): void {
  addRowCounts(totals, batch);
  totals.rowsInserted += batch.rowsInserted;
  totals.rowsUpdated += batch.rowsUpdated;
  totals.rowsUnchanged += batch.rowsUnchanged;
  if (batch.changedSymbols?.length) {
    totals.changedSymbols = [...new Set([...(totals.changedSymbols ?? []), ...batch.changedSymbols])].sort();
  }
  if (batch.symbolsByProvider) addSymbolsByProvider((totals.symbolsByProvider ??= {}), batch.symbolsByProvider);
}
