import fs from 'node:fs';
import path from 'node:path';
import { ApplicationFailure } from '@temporalio/common';
import { FAILURE_TYPES, truncateMessage, type FailureType } from '../../contracts';

export interface CsvInputs {
  /** Regular `.csv` files to read, in name order (so plans are reproducible). */
  files: string[];
  /** True when the request named a folder: then one unreadable file fails only itself. */
  isFolder: boolean;
  /** `.csv` entries of the folder that are not regular files (links, FIFOs, sockets): reported, never opened. */
  skipped: { file: string; type: FailureType; message: string }[];
}

/** A file, or the `.csv` entries directly inside a folder. Anything else (a FIFO, a device) is refused at once. */
export async function listCsvFiles(target: string): Promise<CsvInputs> {
  const stat = await fs.promises.stat(target).catch(() => {
    throw ApplicationFailure.nonRetryable(
      truncateMessage(`path not found or unreadable: ${target}`),
      FAILURE_TYPES.invalidInput,
    );
  });
  if (stat.isFile()) return { files: [target], isFolder: false, skipped: [] };
  if (!stat.isDirectory()) {
    // Opening a FIFO blocks until a writer comes, and a device may never end: neither is a price file.
    throw ApplicationFailure.nonRetryable(
      truncateMessage(`not a regular file or folder (${kindOf(stat)}): ${target}`),
      FAILURE_TYPES.notARegularFile,
    );
  }
  const entries = (await fs.promises.readdir(target, { withFileTypes: true }))
    .filter((entry) => entry.name.toLowerCase().endsWith('.csv'))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files: string[] = [];
  const skipped: CsvInputs['skipped'] = [];
  for (const entry of entries) {
    const file = path.join(target, entry.name);
    if (entry.isFile()) files.push(file);
    else if (entry.isSymbolicLink()) {
      // A link could lead out of the import roots, which the API checks only for the path it was given.
      skipped.push({
        file,
        type: FAILURE_TYPES.invalidInput,
        message: `${entry.name}: symbolic links in a folder are not followed`,
      });
    } else if (!entry.isDirectory()) {
      skipped.push({ file, type: FAILURE_TYPES.notARegularFile, message: `${entry.name}: not a regular file` });
    }
  }
  if (!files.length && !skipped.length)
    throw ApplicationFailure.nonRetryable(
      truncateMessage(`no .csv files in folder ${target}`),
      FAILURE_TYPES.invalidInput,
    );
  return { files, isFolder: true, skipped };
}

function kindOf(stat: fs.Stats): string {
  if (stat.isFIFO()) return 'a FIFO';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  return 'not a file';
}
