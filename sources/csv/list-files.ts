import fs from 'node:fs';
import path from 'node:path';
import { ApplicationFailure } from '@temporalio/common';
import { FAILURE_TYPES } from '../../contracts';

/** A file, or the `.csv` files directly inside a folder, in name order (so plans are reproducible). */
export async function listCsvFiles(target: string): Promise<string[]> {
  const stat = await fs.promises.stat(target).catch(() => {
    throw ApplicationFailure.nonRetryable(`path not found or unreadable: ${target}`, FAILURE_TYPES.invalidInput);
  });
  if (stat.isFile()) return [target];
  const files = (await fs.promises.readdir(target, { withFileTypes: true }))
    .filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith('.csv'))
    .map((entry) => path.join(target, entry.name))
    .sort();
  if (!files.length)
    throw ApplicationFailure.nonRetryable(`no .csv files in folder ${target}`, FAILURE_TYPES.invalidInput);
  return files;
}
