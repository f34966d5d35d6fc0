import fs from 'node:fs';
import {
  assertCsvText,
  csvRecords,
  detectLayout,
  isValidSymbol,
  symbolFromFileName,
  type CsvRecord,
} from '../../domain/prices';
import { EmptyFileError, InvalidFileSymbolError } from './file-errors';
import { PartitionWriter } from './partition-writer';
import type { SymbolBatcher } from './symbol-batcher';

export interface PlanFileOptions {
  /** A folder of its own for this file's partitions. */
  dir: string;
  batcher: SymbolBatcher;
  only: Set<string> | undefined;
  /** The request's symbol, for a file without a symbol column. */
  symbol: string | undefined;
  maxLineBytes: number;
  heartbeat: () => void;
}

export type PlannedFile =
  | { kind: 'parts'; parts: Map<number, string>; symbol?: string }
  /** A single-symbol file whose symbol the request did not ask for. */
  | { kind: 'skipped' };

/**
 * Reads one file to the end, so every structural fault (not text, unknown layout, a line over the limit, no
 * valid symbol) is found here, while planning, and never in a retried transform. A file without a symbol column
 * is one part (the file itself); a multi-symbol file is split by symbol into one part per batch.
 */
export async function readCsvFile(file: string, o: PlanFileOptions): Promise<PlannedFile> {
  const records = csvRecords(fs.createReadStream(file), { maxLineBytes: o.maxLineBytes });
  let split: ((record: CsvRecord) => void) | null = null;
  let writer: PartitionWriter | null = null;
  let symbol: string | undefined;
  let skip = false;

  for await (const chunk of records) {
    let start = 0;
    if (split === null && !skip && writer === null && symbol === undefined) {
      const header = chunk[0];
      assertCsvText(header.raw);
      const layout = detectLayout(header.fields);
      start = 1;
      if (!layout.hasSymbol) {
        symbol = (o.symbol ?? symbolFromFileName(file)).toUpperCase();
        if (!isValidSymbol(symbol)) throw new InvalidFileSymbolError(symbol);
        // Not asked for: nothing to read, and no reason to check the rest of the file.
        if (o.only && !o.only.has(symbol)) skip = true;
      } else {
        await fs.promises.mkdir(o.dir);
        writer = new PartitionWriter(o.dir, header.raw);
        split = splitter(writer, layout.columns.symbol as number, o.batcher, o.only);
      }
    }
    if (skip) break;
    // A single-symbol file is only scanned, so its line limit and quoting are checked before it is archived.
    if (split) for (let i = start; i < chunk.length; i++) split(chunk[i]);
    if (writer?.full) await writer.flush();
    o.heartbeat();
  }

  if (skip) return { kind: 'skipped' };
  if (writer) return { kind: 'parts', parts: await writer.finish() };
  if (symbol === undefined) throw new EmptyFileError();
  return { kind: 'parts', parts: new Map([[o.batcher.assign(symbol), file]]), symbol };
}

function splitter(
  writer: PartitionWriter,
  column: number,
  batcher: SymbolBatcher,
  only: Set<string> | undefined,
): (record: CsvRecord) => void {
  let lastBatch = 0;
  return (record) => {
    // A malformed record has no trustworthy fields: it goes with its neighbours and is rejected there, counted.
    if (!record.malformed) {
      const symbol = (record.fields[column] ?? '').trim().toUpperCase();
      if (only && !only.has(symbol)) return;
      // A row without a usable symbol still goes into some batch, so validation rejects it and it is counted.
      if (isValidSymbol(symbol)) lastBatch = batcher.assign(symbol);
    }
    writer.add(lastBatch, record.raw);
  };
}
