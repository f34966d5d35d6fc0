import fs from 'node:fs';
import path from 'node:path';

const FLUSH_BYTES = 16 * 1024 * 1024;

interface Partition {
  file: string;
  chunks: string[];
}

/**
 * Splits one input file into per-batch files on local disk, each starting with the input's header line.
 * Memory stays bounded: the caller flushes the buffered lines to disk once they pass 16 MB in all (`full`).
 *
 * `add` is synchronous: it runs once per line of a file of hundreds of thousands, inside an activity, where every
 * promise gets an init hook (the activity context is an AsyncLocalStorage). Two promises a line made planning
 * all_stocks_5yr.csv in the etl worker take 2.7 s instead of 2.0.
 */
export class PartitionWriter {
  private readonly partitions = new Map<number, Partition>();
  private buffered = 0;

  constructor(
    private readonly dir: string,
    private readonly header: string,
  ) {}

  add(batch: number, line: string): void {
    let partition = this.partitions.get(batch);
    if (!partition) {
      partition = { file: path.join(this.dir, `part-${batch}.csv`), chunks: [this.header + '\n'] };
      this.partitions.set(batch, partition);
      this.buffered += this.header.length + 1;
    }
    partition.chunks.push(line + '\n');
    this.buffered += line.length + 1;
  }

  /** Whether the buffered lines should be flushed before more are added. */
  get full(): boolean {
    return this.buffered >= FLUSH_BYTES;
  }

  /** Flushes everything and returns each batch's file. */
  async finish(): Promise<Map<number, string>> {
    await this.flush();
    return new Map([...this.partitions].map(([batch, p]) => [batch, p.file]));
  }

  async flush(): Promise<void> {
    for (const p of this.partitions.values()) {
      if (!p.chunks.length) continue;
      const data = Buffer.from(p.chunks.join(''), 'utf8');
      p.chunks = [];
      await fs.promises.appendFile(p.file, data);
    }
    this.buffered = 0;
  }
}
