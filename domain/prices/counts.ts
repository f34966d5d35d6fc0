/** Row accounting as the parser goes; rowsRead is counted on its own so that the invariant is a real check. */
import type { QualityFlag, RejectReason, RowCounts } from '../../contracts/prices';
import type { LayoutName } from './layouts';

export type PriceCounts = RowCounts & {
  /** Distinct symbols with at least one loaded bar, sorted. */
  symbols: string[];
  layout: LayoutName;
};

export class RowCounter {
  private read = 0;
  private loaded = 0;
  private rejected = 0;
  private filtered = 0;
  private readonly byReason: Partial<Record<RejectReason, number>> = {};
  private readonly byFlag: Partial<Record<QualityFlag, number>> = {};
  private readonly loadedSymbols = new Set<string>();

  countRead(): void {
    this.read++;
  }

  countLoaded(symbol: string, flags: readonly QualityFlag[]): void {
    this.loaded++;
    this.loadedSymbols.add(symbol);
    for (const flag of flags) this.byFlag[flag] = (this.byFlag[flag] ?? 0) + 1;
  }

  countRejected(reason: RejectReason): void {
    this.rejected++;
    this.byReason[reason] = (this.byReason[reason] ?? 0) + 1;
  }

  countFiltered(): void {
    this.filtered++;
  }

  snapshot(layout: LayoutName): PriceCounts {
    return {
      rowsRead: this.read,
      rowsLoaded: this.loaded,
      rowsRejected: this.rejected,
      rejectedByReason: { ...this.byReason },
      rowsFlagged: { ...this.byFlag },
      rowsFiltered: this.filtered,
      symbols: [...this.loadedSymbols].sort(),
      layout,
    };
  }
}
