import fs from 'node:fs';
import path from 'node:path';
import { ApplicationFailure } from '@temporalio/common';
import { FAILURE_TYPES } from '../../contracts';

/** A companyfacts file, or the `.json` files directly inside a folder, in name order (so plans are reproducible). */
export async function listCompanyFactsFiles(target: string): Promise<string[]> {
  const stat = await fs.promises.stat(target).catch(() => {
    throw ApplicationFailure.nonRetryable(`path not found or unreadable: ${target}`, FAILURE_TYPES.invalidInput);
  });
  if (stat.isFile()) return [target];
  const files = (await fs.promises.readdir(target, { withFileTypes: true }))
    .filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith('.json'))
    // A tickers file kept beside the companyfacts files is not a company.
    .filter((entry) => entry.name.toLowerCase() !== 'company_tickers.json')
    .map((entry) => path.join(target, entry.name))
    .sort();
  if (!files.length)
    throw ApplicationFailure.nonRetryable(`no .json files in folder ${target}`, FAILURE_TYPES.invalidInput);
  return files;
}
