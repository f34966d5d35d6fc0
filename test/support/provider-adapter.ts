/** What the unit tests of the HTTP provider adapters share: an activity to run a fetch in, and what it archived. */
import { createHash } from 'node:crypto';
import { Context } from '@temporalio/activity';
import { ApplicationFailure, type Logger } from '@temporalio/common';
import { MockActivityEnvironment } from '@temporalio/testing';
import type { RawPart } from '../../contracts';
import type { HttpPriceProvider, SourceContext } from '../../sources/types';

export const silentLogger: Logger = { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error() {} };

export const sha256 = (body: Buffer): string => createHash('sha256').update(body).digest('hex');

export interface Archived {
  source: string;
  runDate: string;
  body: Buffer;
  ext: string;
}

/** An `archiveRaw` that keeps what it is given (buffers only: the providers archive bodies as received). */
export function recordingArchive(): { archived: Archived[]; archiveRaw: SourceContext['archiveRaw'] } {
  const archived: Archived[] = [];
  const archiveRaw: SourceContext['archiveRaw'] = (source, runDate, body, ext) => {
    if (!Buffer.isBuffer(body)) return Promise.reject(new Error(`the ${source} adapter archives buffers`));
    archived.push({ source, runDate, body, ext });
    const hash = sha256(body);
    return Promise.resolve({ key: `raw/${source}/prices/${runDate}/${hash}.${ext}`, sha256: hash, bytes: body.length });
  };
  return { archived, archiveRaw };
}

/**
 * `fetchSymbol` of an adapter as its activity runs it: inside an activity context, with its heartbeat and
 * cancellation signal, and the archive given.
 */
export function fetchSymbolInActivity(
  source: HttpPriceProvider,
  archiveRaw: SourceContext['archiveRaw'],
  runDate: string,
): (symbol: string, range?: { from?: string; to?: string }) => Promise<RawPart> {
  const env = new MockActivityEnvironment(undefined, { logger: silentLogger });
  return (symbol, range = {}) =>
    env.run(() => {
      const context = Context.current();
      return source.fetchSymbol(
        { symbol, ...range, runDate },
        { archiveRaw, heartbeat: (d) => context.heartbeat(d), signal: context.cancellationSignal, fetch },
      );
    });
}

/** The ApplicationFailure a promise rejects with; the test fails when it resolves or rejects with anything else. */
export async function failureOf(promise: Promise<unknown>): Promise<ApplicationFailure> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApplicationFailure);
  return error as ApplicationFailure;
}
