import path from 'node:path';
import { ApplicationFailure } from '@temporalio/common';
import { FAILURE_TYPES, truncateMessage, type FailureType } from '../../contracts';
import { LineTooLongError, NotCsvTextError, SymbolRequiredError, UnknownLayoutError } from '../../domain/prices';

/** A file without a symbol column whose name is not a valid symbol (and the request named none). */
export class InvalidFileSymbolError extends Error {
  constructor(readonly symbol: string) {
    super(`no valid symbol in the file name ("${symbol.slice(0, 40)}"): pass \`symbol\` in the request`);
    this.name = 'InvalidFileSymbolError';
  }
}

/** The file has no line at all. */
export class EmptyFileError extends Error {
  constructor() {
    super('the file is empty');
    this.name = 'EmptyFileError';
  }
}

// fs errors that no retry can fix: the file is missing, forbidden, or not a file.
const PERMANENT_FS_CODES: Record<string, FailureType> = {
  ENOENT: FAILURE_TYPES.invalidInput,
  EACCES: FAILURE_TYPES.invalidInput,
  EPERM: FAILURE_TYPES.invalidInput,
  EISDIR: FAILURE_TYPES.notARegularFile,
  ENOTDIR: FAILURE_TYPES.notARegularFile,
  ELOOP: FAILURE_TYPES.invalidInput,
};

/**
 * The failure type of an error that reading one file can raise, when retrying cannot help; null for a fault that
 * may pass (S3 unreachable, EIO, too many open files), which the activity rethrows so Temporal retries it.
 */
export function permanentFileErrorType(err: unknown): FailureType | null {
  if (err instanceof UnknownLayoutError) return FAILURE_TYPES.unknownLayout;
  if (err instanceof NotCsvTextError) return FAILURE_TYPES.malformedCsv;
  if (err instanceof LineTooLongError) return FAILURE_TYPES.lineTooLong;
  if (err instanceof SymbolRequiredError || err instanceof InvalidFileSymbolError) return FAILURE_TYPES.invalidSymbol;
  if (err instanceof EmptyFileError) return FAILURE_TYPES.invalidInput;
  if (err instanceof ApplicationFailure && err.nonRetryable && err.type) return err.type as FailureType;
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? (PERMANENT_FS_CODES[code] ?? null) : null;
}

/** `file: message`, cut to a size any Temporal payload holds. */
export function fileFailureMessage(file: string, err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return truncateMessage(`${path.basename(file)}: ${message}`);
}

/** The non-retryable failure for a permanent error of `file`, or the error itself when it may pass. */
export function asFileFailure(file: string, err: unknown): unknown {
  const type = permanentFileErrorType(err);
  return type ? ApplicationFailure.nonRetryable(fileFailureMessage(file, err), type) : err;
}
