import { ApplicationFailure } from '@temporalio/common';
import { log } from '@temporalio/activity';
import type { Pool } from 'pg';
import { FAILURE_TYPES, type MacroRawPart, type MacroSeriesCounts } from '../../contracts';
import { FredFormatError, parseFredObservations } from '../../domain/macro';
import { createHash } from 'node:crypto';
import { readObject } from '../../infra/objects/read-object';
import { loadMacroAnswer } from '../../infra/repositories/macro-load';
import { ChecksumMismatchError } from '../../infra/repositories/price-load';
import type { ObjectStore } from '../../infra/s3';

export interface LoadMacroSeriesInput {
  workflowId: string;
  /** The run's first execution id: stable across continue-as-new, so a retried load recognises its own work. */
  runId: string;
  raw: MacroRawPart;
}

/** One archived FRED answer: read it back from S3, parse it with the domain parser, load its vintages. */
export async function loadMacroSeries(
  deps: { db: Pool; s3: ObjectStore },
  input: LoadMacroSeriesInput,
  signal?: AbortSignal,
): Promise<MacroSeriesCounts> {
  const { raw } = input;
  const body = await readBytes(deps.s3, raw.key, signal);
  const sha256 = createHash('sha256').update(body).digest('hex');
  if (sha256 !== raw.sha256) {
    throw ApplicationFailure.nonRetryable(
      `raw object ${raw.key} has sha256 ${sha256}, expected ${raw.sha256}`,
      FAILURE_TYPES.checksumMismatch,
    );
  }
  const text = body.toString('utf8');
  let answer;
  try {
    answer = parseFredObservations(text);
  } catch (err) {
    if (err instanceof FredFormatError)
      throw ApplicationFailure.nonRetryable(err.message, FAILURE_TYPES.providerRejected);
    throw err;
  }
  try {
    const counts = await loadMacroAnswer(deps.db, answer, {
      workflowId: input.workflowId,
      runId: input.runId,
      seriesId: raw.seriesId,
      rawKey: raw.key,
      rawSha256: raw.sha256,
      origin: raw.origin,
    });
    log.info('loaded macro series', { ...counts });
    return counts;
  } catch (err) {
    if (err instanceof ChecksumMismatchError) {
      throw ApplicationFailure.nonRetryable(err.message, FAILURE_TYPES.checksumMismatch);
    }
    throw err;
  }
}

/** A FRED answer is one series (kilobytes to a few megabytes): read whole, it is parsed as one JSON document. */
async function readBytes(s3: ObjectStore, key: string, signal?: AbortSignal): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await readObject(s3, key, signal)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
