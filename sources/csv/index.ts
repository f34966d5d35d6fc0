import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApplicationFailure } from '@temporalio/common';
import { FAILURE_TYPES, type PlannedBatch, type RawPart } from '../../contracts';
import {
  detectLayout,
  isValidSymbol,
  symbolFromFileName,
  UnknownLayoutError,
  type PriceLayout,
} from '../../domain/prices';
import type { PlanInput, PriceSourceAdapter, SourceContext } from '../types';
import { listCsvFiles } from './list-files';
import { readLines, splitCsvLine } from './lines';
import { PartitionWriter } from './partition-writer';
import { SymbolBatcher } from './symbol-batcher';

const SYMBOL_HEADERS = new Set(['name', 'symbol', 'ticker']);

/**
 * Local CSV files. Planning reads each file once: a single-symbol file is archived as it is; a multi-symbol
 * file is split into one raw object per batch of symbols, so each batch is validated and loaded on its own.
 */
export function createCsvSource(): PriceSourceAdapter {
  return { name: 'csv', plan: planCsv };
}

async function planCsv({ request, batchSize, runDate }: PlanInput, ctx: SourceContext): Promise<PlannedBatch[]> {
  if (!request.path) throw ApplicationFailure.nonRetryable('csv source needs a path', FAILURE_TYPES.invalidInput);
  const files = await listCsvFiles(request.path);
  const only = request.symbols?.length ? new Set(request.symbols.map((s) => s.toUpperCase())) : undefined;
  const batcher = new SymbolBatcher(batchSize);
  const parts = new Map<number, RawPart[]>();
  const addPart = (batch: number, part: RawPart) => parts.set(batch, [...(parts.get(batch) ?? []), part]);
  const tmp = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'iby-plan-'));

  try {
    for (const [index, file] of files.entries()) {
      ctx.heartbeat({ file: index, of: files.length });
      const header = await firstLine(file);
      const layout = layoutOf(file, header);
      if (!layout.hasSymbol) {
        const symbol = (request.symbol ?? symbolFromFileName(file)).toUpperCase();
        if (only && !only.has(symbol)) continue;
        const ref = await ctx.archiveRaw('csv', runDate, { file }, 'csv');
        addPart(batcher.assign(symbol), { ...ref, symbol, origin: file });
        continue;
      }
      const split = await splitBySymbol(file, header, path.join(tmp, String(index)), batcher, only);
      for (const [batch, partFile] of split) {
        const ref = await ctx.archiveRaw('csv', runDate, { file: partFile }, 'csv');
        addPart(batch, { ...ref, origin: file });
      }
    }
  } finally {
    await fs.promises.rm(tmp, { recursive: true, force: true });
  }

  const symbolsByBatch = batcher.batches();
  const count = Math.max(symbolsByBatch.length, ...[...parts.keys()].map((b) => b + 1));
  return Array.from({ length: count }, (_, i) => ({
    batchKey: `b${String(i + 1).padStart(4, '0')}`,
    symbols: symbolsByBatch[i] ?? [],
    parts: parts.get(i) ?? [],
  }));
}

async function splitBySymbol(
  file: string,
  header: string,
  dir: string,
  batcher: SymbolBatcher,
  only: Set<string> | undefined,
): Promise<Map<number, string>> {
  await fs.promises.mkdir(dir);
  const column = splitCsvLine(header).findIndex((h) => SYMBOL_HEADERS.has(h.trim().toLowerCase()));
  const writer = new PartitionWriter(dir, header);
  let lastBatch = 0;
  let isHeader = true;
  for await (const line of readLines(file)) {
    if (isHeader || !line.trim()) {
      isHeader = false;
      continue;
    }
    const symbol = (splitCsvLine(line)[column] ?? '').trim().toUpperCase();
    if (only && !only.has(symbol)) continue;
    // A row without a usable symbol still goes into some batch, so validation rejects it and it is counted.
    lastBatch = isValidSymbol(symbol) ? batcher.assign(symbol) : lastBatch;
    await writer.add(lastBatch, line);
  }
  return writer.finish();
}

function layoutOf(file: string, header: string): PriceLayout {
  try {
    return detectLayout(splitCsvLine(header));
  } catch (err) {
    if (err instanceof UnknownLayoutError) {
      throw ApplicationFailure.nonRetryable(`${path.basename(file)}: ${err.message}`, FAILURE_TYPES.unknownLayout);
    }
    throw err;
  }
}

async function firstLine(file: string): Promise<string> {
  for await (const line of readLines(file)) return line;
  throw ApplicationFailure.nonRetryable(`${path.basename(file)} is empty`, FAILURE_TYPES.invalidInput);
}
