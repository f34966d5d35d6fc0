/** The csv planner on real files in a temp folder: structural faults are permanent and typed, one bad file fails only itself. */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApplicationFailure } from '@temporalio/common';
import { FAILURE_TYPES, MAX_FAILURE_MESSAGE_CHARS, type PlannedBatch } from '../../contracts';
import type { SourceContext } from '../types';
import { createCsvSource } from '.';

const HEADER = 'date,open,high,low,close,volume,Name';
let dir: string;
let archived: Map<string, string>;

const ctx = (): SourceContext => ({
  archiveRaw: (_source, _runDate, body) => {
    const text = fs.readFileSync((body as { file: string }).file, 'utf8');
    const sha256 = createHash('sha256').update(text).digest('hex');
    archived.set(sha256, text);
    return Promise.resolve({ key: `raw/${sha256}.csv`, sha256, bytes: Buffer.byteLength(text) });
  },
  heartbeat: () => undefined,
  signal: new AbortController().signal,
  fetch,
});

const write = (name: string, content: string | Buffer) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
};

const plan = (target: string, extra: { symbol?: string; symbols?: string[] } = {}, maxLineBytes = 1024) =>
  createCsvSource({ maxLineBytes }).plan(
    { request: { source: 'csv', path: target, ...extra }, batchSize: 2, runDate: '2024-01-02' },
    ctx(),
  );

async function failureOf(promise: Promise<unknown>): Promise<ApplicationFailure> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof ApplicationFailure) return err;
    throw err;
  }
  throw new Error('expected a failure');
}

const partText = (batches: PlannedBatch[], batch: number, part = 0) =>
  archived.get(batches[batch].parts?.[part].sha256 ?? '') ?? '';

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iby-plan-test-'));
  archived = new Map();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('permanent faults of a single file: non-retryable, typed, decided on the first attempt', () => {
  // Each class with its stable type; nonRetryable means Temporal makes exactly one attempt.
  const cases: [string, () => string, string][] = [
    ['unknown layout', () => write('a.csv', 'when,what\n1,2\n'), FAILURE_TYPES.unknownLayout],
    ['empty file', () => write('AAPL.csv', ''), FAILURE_TYPES.invalidInput],
    ['binary', () => write('AAPL.csv', Buffer.from([0, 1, 2, 3, 255, 10, 65])), FAILURE_TYPES.malformedCsv],
    [
      'UTF-16',
      () =>
        write(
          'AAPL.csv',
          Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Date,Open,High,Low,Close\n', 'utf16le')]),
        ),
      FAILURE_TYPES.malformedCsv,
    ],
    [
      'invalid symbol from the file name',
      () => write('!!!.csv', 'Date,Open,High,Low,Close\n'),
      FAILURE_TYPES.invalidSymbol,
    ],
    ['a first line over the limit', () => write('AAPL.csv', 'x'.repeat(5000) + '\n'), FAILURE_TYPES.lineTooLong],
    [
      'a later line over the limit in a single-symbol file',
      () => write('AAPL.csv', `Date,Open,High,Low,Close\n2020-01-02,1,1,1,1\n${'1,'.repeat(3000)}\n`),
      FAILURE_TYPES.lineTooLong,
    ],
    ['a missing path', () => path.join(dir, 'missing.csv'), FAILURE_TYPES.invalidInput],
    ['an empty folder', () => dir, FAILURE_TYPES.invalidInput],
    [
      'a FIFO',
      () => {
        const fifo = path.join(dir, 'pipe.csv');
        execFileSync('mkfifo', [fifo]);
        return fifo;
      },
      FAILURE_TYPES.notARegularFile,
    ],
  ];

  it.each(cases)('%s', async (_name, make, type) => {
    const failure = await failureOf(plan(make()));
    expect(failure.type).toBe(type);
    expect(failure.nonRetryable).toBe(true);
  });

  it('keeps the message of a 50 KB header within the failure size limit', async () => {
    const failure = await failureOf(plan(write('a.csv', 'x'.repeat(50_000) + '\n'), {}, 100_000));
    expect(failure.type).toBe(FAILURE_TYPES.unknownLayout);
    expect(failure.message.length).toBeLessThanOrEqual(MAX_FAILURE_MESSAGE_CHARS + 40);
  });

  it('rethrows a fault that may pass (the archive is unreachable) as it is, so Temporal retries it', async () => {
    const file = write('AAPL.csv', 'Date,Open,High,Low,Close\n2020-01-02,1,1,1,1\n');
    const down = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8333'), { code: 'ECONNREFUSED' });
    const failing: SourceContext = { ...ctx(), archiveRaw: () => Promise.reject(down) };
    await expect(
      createCsvSource().plan({ request: { source: 'csv', path: file }, batchSize: 2, runDate: '2024-01-02' }, failing),
    ).rejects.toBe(down);
  });
});

describe('one bad file fails one file', () => {
  it('in a folder, reports each unreadable file by name and reason and plans the others', async () => {
    write('AAPL.csv', 'Date,Open,High,Low,Close\n2020-01-02,1,1,1,1\n');
    write('MSFT.csv', 'Date,Open,High,Low,Close\n2020-01-02,2,2,2,2\n');
    write('!!!.csv', 'Date,Open,High,Low,Close\n2020-01-02,3,3,3,3\n');
    write('LONG.csv', 'x'.repeat(5000));
    write('notes.csv', 'when,what\n');
    fs.symlinkSync(path.join(dir, 'AAPL.csv'), path.join(dir, 'LINK.csv'));
    const batches = await plan(dir);
    expect(batches.map((b) => b.symbols)).toEqual([['AAPL', 'MSFT']]);
    const parts = batches[0].parts ?? [];
    expect(parts.filter((p) => !p.failure).map((p) => p.symbol)).toEqual(['AAPL', 'MSFT']);
    const failures = parts.filter((p) => p.failure).map((p) => [path.basename(p.origin), p.failure?.type]);
    expect(failures.sort()).toEqual(
      [
        ['!!!.csv', FAILURE_TYPES.invalidSymbol],
        ['LINK.csv', FAILURE_TYPES.invalidInput],
        ['LONG.csv', FAILURE_TYPES.lineTooLong],
        ['notes.csv', FAILURE_TYPES.unknownLayout],
      ].sort(),
    );
    expect(parts.find((p) => p.failure?.type === FAILURE_TYPES.lineTooLong)?.failure?.message).toContain(
      'longer than 1024 bytes',
    );
  });

  it('splits a multi-symbol file with RFC 4180 rules: quoted newlines and escaped quotes stay in their record', async () => {
    const rows = [
      '2020-01-02,1,1,1,1,1,"AAPL"',
      '2020-01-02,1,1,1,1,1,"MS\nFT"',
      '2020-01-03,1,1,1,1,1,"A""B"',
      '2020-01-02,1,1,1,1,1,IBM',
      '2020-01-03,1,1,1,1,1,AAPL',
    ];
    const batches = await plan(write('all.csv', [HEADER, ...rows].join('\n') + '\n'));
    expect(batches.map((b) => b.symbols)).toEqual([['AAPL', 'IBM']]);
    // The invalid symbols ("MS\nFT", 'A"B') go with the batch before them, whole, to be rejected and counted.
    expect(partText(batches, 0)).toBe([HEADER, ...rows].join('\n') + '\n');
  });

  it('keeps an unterminated quote in a multi-symbol file as one record line, and splits the rest normally', async () => {
    const rows = [
      '2020-01-02,1,1,1,1,1,AAPL',
      '2020-01-02,1,1,1,1,1,"IBM',
      '2020-01-02,1,1,1,1,1,MSFT',
      '2020-01-02,1,1,1,1,1,ORCL',
    ];
    const batches = await plan(write('all.csv', [HEADER, ...rows].join('\n') + '\n'));
    expect(batches.map((b) => b.symbols)).toEqual([['AAPL', 'MSFT'], ['ORCL']]);
    expect(partText(batches, 0)).toBe([HEADER, rows[0], rows[1], rows[2]].join('\n') + '\n');
    expect(partText(batches, 1)).toBe([HEADER, rows[3]].join('\n') + '\n');
  });

  it('fails a multi-symbol file with an over-long line without archiving any of its parts', async () => {
    write('AAPL.csv', 'Date,Open,High,Low,Close\n2020-01-02,1,1,1,1\n');
    write('all.csv', [HEADER, '2020-01-02,1,1,1,1,1,IBM', 'y'.repeat(3000)].join('\n'));
    const batches = await plan(dir);
    const parts = batches.flatMap((b) => b.parts ?? []);
    expect(parts.map((p) => [path.basename(p.origin), p.failure?.type ?? 'ok'])).toEqual([
      ['AAPL.csv', 'ok'],
      ['all.csv', FAILURE_TYPES.lineTooLong],
    ]);
    expect(archived.size).toBe(1);
  });
});
