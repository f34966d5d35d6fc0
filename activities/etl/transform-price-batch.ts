import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import {
  DuplicateTracker,
  exchangeDate,
  toRejectedCsvLine,
  toStagedCsvLine,
  ProviderFormatError,
  parsePrices,
  RAW_FORMAT_READERS,
  REJECTED_HEADER,
  type RawFormatReading,
} from '../../domain/prices';
import type { RecordedActionRow } from '../../contracts';
import { putTextObject } from '../../infra/objects/text-objects';
import { ObjectLineWriter } from '../../infra/objects/line-writer';
import { readObject } from '../../infra/objects/read-object';
import type { ObjectStore } from '../../infra/s3';
import { asFileFailure } from '../../sources/csv/file-errors';
import {
  addFileFailures,
  addRowCounts,
  emptyRowCounts,
  FAILURE_TYPES,
  type IngestPricesRequest,
  type ObjectRef,
  type RawPart,
  type RowCounts,
} from '../../contracts';

export interface TransformPriceBatchInput {
  request: IngestPricesRequest;
  parentWorkflowId: string;
  batchKey: string;
  parts: RawPart[];
}

export interface TransformPriceBatchResult {
  staged: ObjectRef;
  rejected: ObjectRef | null;
  counts: RowCounts;
  symbols: string[];
  /**
   * Splits and dividends the provider reported with the bars (Yahoo's chart events, Alpha Vantage's and Tiingo's
   * split and dividend fields) within the run's range, as a JSON array of
   * `RecordedActionRow`, for the load to record; absent when there are none.
   */
  actions?: ObjectRef;
}

/**
 * Validates a batch's raw objects into a staged object (COPY-ready rows) and a rejected object (each bad row
 * with its reason). Keys are fixed per run and batch, so a retry overwrites its own output.
 */
export async function transformPriceBatch(
  s3: ObjectStore,
  input: TransformPriceBatchInput,
  heartbeat: () => void = () => undefined,
  maxLineBytes?: number,
  signal?: AbortSignal,
): Promise<TransformPriceBatchResult> {
  const { request, parentWorkflowId, batchKey, parts } = input;
  // A cancelled activity destroys its reads and uploads mid-stream; the keys are fixed, so a rerun overwrites them.
  const staged = new ObjectLineWriter(s3, `staged/prices/${parentWorkflowId}/${batchKey}.csv`, { signal });
  const rejected = new ObjectLineWriter(s3, `rejected/prices/${parentWorkflowId}/${batchKey}.csv`, { signal });
  await rejected.write(REJECTED_HEADER);
  const counts: RowCounts = emptyRowCounts();
  const symbols = new Set<string>();
  // Shared by all parts: the same (symbol, date) twice in one batch is a duplicate even across files.
  const seen = new DuplicateTracker();
  const actions: RecordedActionRow[] = [];
  const only = request.symbols?.length ? new Set(request.symbols.map((s) => s.toUpperCase())) : undefined;

  // One date for the whole batch, so every part judges "in the future" alike.
  const today = exchangeDate(new Date());

  for (const part of parts) {
    // Planning found this file unreadable; it is reported here so it travels with the batch's counts.
    if (part.failure) {
      addFileFailures(counts, [{ file: part.origin, ...part.failure }]);
      continue;
    }
    let body: Readable;
    try {
      body = await readRaw(s3, part, signal, (reading) => actions.push(...withSymbol(part, reading, request)));
    } catch (err) {
      if (signal?.aborted) throw signal.reason;
      if (!(err instanceof ProviderFormatError)) throw err;
      // Checked before archiving, so only a body archived by other code gets here: its own failure, not the batch's.
      addFileFailures(counts, [{ file: part.origin, type: FAILURE_TYPES.providerRejected, message: err.message }]);
      continue;
    }
    const parsed = parsePrices(body, {
      symbol: part.symbol,
      symbols: only,
      from: request.from,
      to: request.to,
      seen,
      maxLineBytes,
      today,
    });
    try {
      for await (const events of parsed.events) {
        for (const event of events) {
          if (event.kind === 'bar') await staged.write(toStagedCsvLine(event.bar));
          else if (event.kind === 'rejected') await rejected.write(toRejectedCsvLine(event.row));
        }
        heartbeat();
      }
    } catch (err) {
      // A cancellation is no fault of the file.
      if (signal?.aborted) throw signal.reason;
      // Planning checks structure, so this is a part planned under other limits: permanent, never retried.
      throw asFileFailure(part.origin, err);
    }
    const partCounts = parsed.counts();
    addRowCounts(counts, partCounts);
    partCounts.symbols.forEach((s) => symbols.add(s));
  }

  const stagedRef = await staged.finish();
  const rejectedRef = await rejected.finish();
  return {
    staged: stagedRef,
    rejected: counts.rowsRejected ? rejectedRef : null,
    counts,
    symbols: [...symbols].sort(),
    ...(actions.length > 0
      ? { actions: await writeActions(s3, `actions/prices/${parentWorkflowId}/${batchKey}.json`, actions) }
      : {}),
  };
}

/** A CSV part as it is stored; a provider's JSON converted to CSV rows by its pure reader, whole (it is one symbol). */
async function readRaw(
  s3: ObjectStore,
  part: RawPart,
  signal: AbortSignal | undefined,
  onReading: (reading: RawFormatReading) => void,
): Promise<Readable> {
  const body = await readObject(s3, part.key, signal);
  if (!part.format) return body;
  const reading = RAW_FORMAT_READERS[part.format]((await buffer(body)).toString('utf8'));
  onReading(reading);
  return Readable.from([reading.csv]);
}

/**
 * The part's actions within the run's [from, to], as the bars are: a provider without range parameters (Alpha
 * Vantage) answers with its whole history, and a run records what it was asked for, as it loads.
 */
function withSymbol(part: RawPart, reading: RawFormatReading, range: IngestPricesRequest): RecordedActionRow[] {
  const symbol = part.symbol?.toUpperCase();
  if (!symbol) return [];
  const within = ({ exDate }: { exDate: string }) =>
    (range.from === undefined || exDate >= range.from) && (range.to === undefined || exDate <= range.to);
  return reading.actions
    .filter(within)
    .map((action) =>
      action.kind === 'split'
        ? { symbol, exDate: action.exDate, kind: 'split', ratio: action.ratio, cashAmount: null }
        : { symbol, exDate: action.exDate, kind: 'dividend', ratio: null, cashAmount: action.cashAmount },
    );
}

/** Fixed key per run and batch, so a retried transform overwrites its own actions. */
async function writeActions(s3: ObjectStore, key: string, actions: RecordedActionRow[]): Promise<ObjectRef> {
  const body = JSON.stringify(actions);
  await putTextObject(s3, key, body, 'application/json');
  return { key, sha256: createHash('sha256').update(body).digest('hex'), bytes: Buffer.byteLength(body) };
}
