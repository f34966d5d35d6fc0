import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApplicationFailure } from '@temporalio/common';
import { FAILURE_TYPES, type PlannedBatch, type RawPart } from '../../contracts';
import { DEFAULT_MAX_LINE_BYTES } from '../../domain/prices';
import type { PlanInput, PriceSourceAdapter, SourceContext } from '../types';
import { asFileFailure, fileFailureMessage, permanentFileErrorType } from './file-errors';
import { listCsvFiles } from './list-files';
import { readCsvFile, type PlannedFile } from './plan-file';
import { SymbolBatcher } from './symbol-batcher';

export interface CsvSourceOptions {
  /** Longest line accepted while planning and parsing (MAX_LINE_BYTES). */
  maxLineBytes?: number;
}

/**
 * Local CSV files. Planning reads each file once, with the same RFC 4180 record rules and line limit as the row
 * parser: a single-symbol file is archived as it is; a multi-symbol file is split into one raw object per batch
 * of symbols, so each batch is validated and loaded on its own.
 *
 * A structural fault (unknown layout, not text, a line over the limit, no valid symbol) is permanent: a single
 * file fails the activity with a non-retryable failure on the first attempt; in a folder the file becomes a
 * failed part of the first batch, reported by file and reason, and the other files load.
 */
export function createCsvSource(options: CsvSourceOptions = {}): PriceSourceAdapter {
  const maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  return { name: 'csv', plan: (input, ctx) => planCsv(input, ctx, maxLineBytes) };
}

async function planCsv(
  { request, batchSize, runDate }: PlanInput,
  ctx: SourceContext,
  maxLineBytes: number,
): Promise<PlannedBatch[]> {
  if (!request.path) throw ApplicationFailure.nonRetryable('csv source needs a path', FAILURE_TYPES.invalidInput);
  const { files, isFolder, skipped } = await listCsvFiles(request.path);
  const only = request.symbols?.length ? new Set(request.symbols.map((s) => s.toUpperCase())) : undefined;
  const batcher = new SymbolBatcher(batchSize);
  const parts = new Map<number, RawPart[]>();
  const addPart = (batch: number, part: RawPart) => parts.set(batch, [...(parts.get(batch) ?? []), part]);
  const failed: RawPart[] = skipped.map(({ file, type, message }) => failedPart(file, type, message));
  const tmp = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'iby-plan-'));

  try {
    for (const [index, file] of files.entries()) {
      ctx.heartbeat({ file: index, of: files.length });
      let planned: PlannedFile;
      try {
        planned = await readCsvFile(file, {
          dir: path.join(tmp, String(index)),
          batcher,
          only,
          symbol: request.symbol,
          maxLineBytes,
          heartbeat: () => ctx.heartbeat({ file: index, of: files.length }),
        });
      } catch (err) {
        const type = permanentFileErrorType(err);
        if (!isFolder || type === null) throw asFileFailure(file, err);
        failed.push(failedPart(file, type, fileFailureMessage(file, err)));
        continue;
      }
      if (planned.kind === 'skipped') continue;
      for (const [batch, partFile] of planned.parts) {
        const ref = await ctx.archiveRaw('csv', runDate, { file: partFile }, 'csv');
        addPart(batch, planned.symbol ? { ...ref, symbol: planned.symbol, origin: file } : { ...ref, origin: file });
      }
    }
  } finally {
    await fs.promises.rm(tmp, { recursive: true, force: true });
  }

  // Failed files ride with the first batch, whose transform reports them; they hold no rows.
  if (failed.length) parts.set(0, [...(parts.get(0) ?? []), ...failed]);
  const symbolsByBatch = batcher.batches();
  const count = Math.max(symbolsByBatch.length, ...[...parts.keys()].map((b) => b + 1));
  return Array.from({ length: count }, (_, i) => ({
    batchKey: `b${String(i + 1).padStart(4, '0')}`,
    symbols: symbolsByBatch[i] ?? [],
    parts: parts.get(i) ?? [],
  }));
}

function failedPart(file: string, type: string, message: string): RawPart {
  return { key: '', sha256: '', bytes: 0, origin: file, failure: { type, message } };
}
