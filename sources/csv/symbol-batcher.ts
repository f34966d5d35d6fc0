/** Gives each new symbol a batch in order of first appearance: the first `size` symbols go to batch 0, and so on. */
export class SymbolBatcher {
  private readonly batchOf = new Map<string, number>();

  constructor(private readonly size: number) {}

  assign(symbol: string): number {
    let batch = this.batchOf.get(symbol);
    if (batch === undefined) {
      batch = Math.floor(this.batchOf.size / this.size);
      this.batchOf.set(symbol, batch);
    }
    return batch;
  }

  /** Symbols of each batch, in batch order. */
  batches(): string[][] {
    const out: string[][] = [];
    for (const [symbol, batch] of this.batchOf) (out[batch] ??= []).push(symbol);
    return out;
  }
}
