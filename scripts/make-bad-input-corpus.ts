/**
 * Writes the bad-input corpus into a folder: price files as people and broken exporters make them, each with the
 * outcome the system must give. Generated at test time (a 50 MB line is not committed data):
 *   npx tsx scripts/make-bad-input-corpus.ts /tmp/corpus   # writes the files and prints the cases as JSON
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { FAILURE_TYPES, type FailureType, type QualityFlag, type RejectReason } from '../contracts';

export type CorpusExpectation =
  /** The API refuses the request (400): the path escapes the import roots or is not a path at all. */
  | { kind: 'refused' }
  /** The run fails on its first planning attempt with this non-retryable type. */
  | { kind: 'failed'; type: FailureType }
  /** The run completes with exactly these counts; `fileFailures` names each unreadable file of a folder. */
  | {
      kind: 'completed';
      rowsRead: number;
      rowsLoaded: number;
      rejectedByReason?: Partial<Record<RejectReason, number>>;
      rowsFlagged?: Partial<Record<QualityFlag, number>>;
      fileFailures?: [file: string, type: FailureType][];
    };

export interface CorpusCase {
  name: string;
  /** Relative to the corpus folder (may hold `..` or a NUL byte for a refused case). */
  path: string;
  symbols?: string[];
  expect: CorpusExpectation;
}

export interface Corpus {
  root: string;
  cases: CorpusCase[];
  /** Files (and links, FIFOs) written, folders' entries included. */
  files: number;
}

const OHLCV = 'date,open,high,low,close,volume,Name';
const STOOQ = 'Date,Open,High,Low,Close,Volume';
const MB = 1024 * 1024;

/** Writes the corpus under `root` (which must exist and be empty) and returns its cases. */
export function makeBadInputCorpus(root: string, options: { hugeLineBytes?: number } = {}): Corpus {
  const huge = options.hugeLineBytes ?? 50 * MB;
  let files = 0;
  const cases: CorpusCase[] = [];
  const write = (rel: string, content: string | Buffer): string => {
    const file = path.join(root, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    files++;
    return rel;
  };
  const fifo = (rel: string): string => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    execFileSync('mkfifo', [path.join(root, rel)]);
    files++;
    return rel;
  };
  const link = (rel: string, target: string): string => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.symlinkSync(target, path.join(root, rel));
    files++;
    return rel;
  };
  const lines = (...rows: string[]) => rows.join('\n') + '\n';
  const binary = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
  const utf16 = Buffer.concat([
    Buffer.from([0xff, 0xfe]),
    Buffer.from(lines(STOOQ, '2020-01-02,1,2,1,1.5,10'), 'utf16le'),
  ]);
  /** One line of `bytes` bytes, written in slices so a 50 MB line never sits in memory twice. */
  const hugeLine = (rel: string, bytes: number, unit: string): string => {
    const file = path.join(root, rel);
    const fd = fs.openSync(file, 'w');
    const slice = unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB);
    for (let left = bytes; left > 0; left -= MB) fs.writeSync(fd, left >= MB ? slice : slice.slice(0, left));
    fs.writeSync(fd, '\n2020-01-02,1,2,1,1.5,10\n');
    fs.closeSync(fd);
    files++;
    return rel;
  };
  const completed = (e: Omit<Extract<CorpusExpectation, { kind: 'completed' }>, 'kind'>): CorpusExpectation => ({
    kind: 'completed',
    ...e,
  });
  const failed = (type: FailureType): CorpusExpectation => ({ kind: 'failed', type });

  // --- Rows: the file loads, every bad row is rejected with its reason, counts are exact ---------------------------
  cases.push({
    name: 'quoted newline inside a field of a multi-symbol file',
    path: write(
      'quoted-newline.csv',
      lines(
        OHLCV,
        '2020-01-02,10,11,9,10.5,100,AAPL',
        '2020-01-02,10,11,9,10.5,100,"MS\nFT"',
        '2020-01-03,10,11,9,10.5,100,"IBM"',
        '2020-01-03,10,11,9,10.5,100,AAPL',
      ),
    ),
    expect: completed({ rowsRead: 4, rowsLoaded: 3, rejectedByReason: { invalid_symbol: 1 } }),
  });
  cases.push({
    name: 'unterminated quote in a multi-symbol file',
    path: write(
      'unterminated-quote.csv',
      lines(
        OHLCV,
        '2020-01-02,10,11,9,10.5,100,AAPL',
        '2020-01-03,10,11,9,"10.5,100,AAPL',
        '2020-01-06,10,11,9,10.5,100,IBM',
        '2020-01-07,10,11,9,10.5,100,IBM',
      ),
    ),
    expect: completed({ rowsRead: 4, rowsLoaded: 3, rejectedByReason: { malformed_record: 1 } }),
  });
  cases.push({
    name: 'escaped quotes and fully quoted rows',
    path: write(
      'escaped-quotes.csv',
      lines(OHLCV, '2020-01-02,10,11,9,10.5,100,"A""B"', '"2020-01-03","10","11","9","10.5","100","AAPL"'),
    ),
    expect: completed({ rowsRead: 2, rowsLoaded: 1, rejectedByReason: { invalid_symbol: 1 } }),
  });
  cases.push({
    name: 'ragged rows: short, and longer than the header',
    path: write(
      'ragged.csv',
      lines(
        OHLCV,
        '2020-01-02,10,11,9,10.5,100,AAPL',
        '2020-01-03,10,11,9,10.5,100,AAPL,extra',
        '2020-01-06,10,11',
        '2020-01-07,10,11,9,10.5,100,AAPL,,',
      ),
    ),
    expect: completed({
      rowsRead: 4,
      rowsLoaded: 3,
      rejectedByReason: { missing_symbol: 1 },
      rowsFlagged: { extra_fields: 2 },
    }),
  });
  cases.push({
    name: 'odd dates',
    path: write(
      'ODD.csv',
      lines(
        STOOQ,
        '2015-02-30,1,2,1,1.5,10',
        '9999-12-31,1,2,1,1.5,10',
        '20200102,1,2,1,1.5,10',
        'Jan 3 2020,1,2,1,1.5,10',
        '02/01/2020,1,2,1,1.5,10',
        ',1,2,1,1.5,10',
        '2020-1-6,1,2,1,1.5,10',
      ),
    ),
    expect: completed({
      rowsRead: 7,
      rowsLoaded: 2,
      rejectedByReason: { invalid_date: 3, date_in_future: 1, missing_date: 1 },
    }),
  });
  cases.push({
    name: 'odd numbers: fractional, huge and negative volumes, zero and negative prices',
    path: write(
      'NUM.csv',
      lines(
        STOOQ,
        '2020-01-02,1,2,1,1.5,1.5',
        '2020-01-03,1,2,1,1.5,1234.0',
        '2020-01-06,1,2,1,NaN,10',
        '2020-01-07,1,2,1,abc,10',
        '2020-01-08,1,2,1,0,10',
        '2020-01-09,1,2,1,-1.5,10',
        '2020-01-10,1,2,1,1.5,-5',
        '2020-01-13,1,2,1,1.5,1e30',
        '2020-01-14,1,2,1,1.5,0',
        '2020-01-15,1,2,1,1.5,',
        '2020-01-16,0x1A,2,1,1.5,10',
      ),
    ),
    expect: completed({
      rowsRead: 11,
      rowsLoaded: 3,
      rejectedByReason: { fractional_volume: 1, missing_close: 2, invalid_number: 4, negative_price: 1 },
      rowsFlagged: { zero_volume: 1, missing_volume: 1 },
    }),
  });
  cases.push({
    name: 'duplicate (symbol, date) in one file, in any case',
    path: write(
      'duplicates.csv',
      lines(
        OHLCV,
        '2020-01-02,10,11,9,10.5,100,AAPL',
        '2020-01-02,10,11,9,10.6,100,AAPL',
        '2020-01-02,10,11,9,10.7,100,aapl',
      ),
    ),
    expect: completed({ rowsRead: 3, rowsLoaded: 1, rejectedByReason: { duplicate: 2 } }),
  });
  cases.push({
    name: 'byte-order mark and CRLF line ends',
    path: write(
      'BOM.csv',
      Buffer.from(
        '\uFEFF' + [STOOQ, '2020-01-02,1,2,1,1.5,10', '2020-01-03,1,2,1,1.5,10'].join('\r\n') + '\r\n',
        'utf8',
      ),
    ),
    expect: completed({ rowsRead: 2, rowsLoaded: 2 }),
  });
  cases.push({
    name: 'Yahoo layout',
    path: write(
      'YH.csv',
      lines('Date,Open,High,Low,Close,Adj Close,Volume', '2020-01-02,1,2,1,1.5,1.4,10', '2020-01-03,1,2,1,1.5,1.4,10'),
    ),
    expect: completed({ rowsRead: 2, rowsLoaded: 2 }),
  });
  cases.push({
    name: 'close-only layout with two symbols',
    path: write(
      'close-only.csv',
      lines('symbol,date,price', 'AAPL,2020-01-02,1.5', 'MSFT,2020-01-02,2.5', 'AAPL,2020-01-03,1.6'),
    ),
    expect: completed({ rowsRead: 3, rowsLoaded: 3 }),
  });
  cases.push({
    name: 'fields padded with spaces',
    path: write('padded.csv', lines(OHLCV, ' 2020-01-02 , 10 , 11 , 9 , 10.5 , 100 , AAPL ')),
    expect: completed({ rowsRead: 1, rowsLoaded: 1 }),
  });
  cases.push({
    name: 'blank lines between rows and at the end',
    path: write(
      'blank-lines.csv',
      lines(OHLCV, '', '2020-01-02,10,11,9,10.5,100,AAPL', '   ', '2020-01-03,10,11,9,10.5,100,AAPL', '', ''),
    ),
    expect: completed({ rowsRead: 2, rowsLoaded: 2 }),
  });
  cases.push({
    name: 'header only',
    path: write('HDR.csv', lines(STOOQ)),
    expect: completed({ rowsRead: 0, rowsLoaded: 0 }),
  });
  cases.push({
    name: 'only the requested symbols are read',
    path: write(
      'filtered.csv',
      lines(
        OHLCV,
        '2020-01-02,10,11,9,10.5,100,AAPL',
        '2020-01-02,10,11,9,10.5,100,IBM',
        '2020-01-03,10,11,9,10.5,100,IBM',
      ),
    ),
    symbols: ['IBM'],
    expect: completed({ rowsRead: 2, rowsLoaded: 2 }),
  });

  // --- Files that cannot be read: one non-retryable failure, on the first attempt --------------------------------
  cases.push({ name: 'empty file', path: write('EMPTY.csv', ''), expect: failed(FAILURE_TYPES.invalidInput) });
  cases.push({
    name: 'only blank lines',
    path: write('BLANK.csv', '\n\n  \n'),
    expect: failed(FAILURE_TYPES.invalidInput),
  });
  cases.push({ name: 'binary', path: write('BIN.csv', binary), expect: failed(FAILURE_TYPES.malformedCsv) });
  cases.push({ name: 'UTF-16', path: write('UTF.csv', utf16), expect: failed(FAILURE_TYPES.malformedCsv) });
  cases.push({
    name: 'a 50 MB first line',
    path: hugeLine('HUGE.csv', huge, '1.5,'),
    expect: failed(FAILURE_TYPES.lineTooLong),
  });
  cases.push({
    name: 'a 50 MB line without commas',
    path: hugeLine('NOCOMMA.csv', huge, 'x'),
    expect: failed(FAILURE_TYPES.lineTooLong),
  });
  cases.push({
    name: 'a 2 MB line after good rows',
    path: write('LATE.csv', lines(STOOQ, '2020-01-02,1,2,1,1.5,10', '9'.repeat(2 * MB))),
    expect: failed(FAILURE_TYPES.lineTooLong),
  });
  cases.push({
    name: 'unknown layout',
    path: write('unknown.csv', lines('when,what,how much', '1,2,3')),
    expect: failed(FAILURE_TYPES.unknownLayout),
  });
  cases.push({
    name: 'no valid symbol in the file name',
    path: write('bad name!.csv', lines(STOOQ, '2020-01-02,1,2,1,1.5,10')),
    expect: failed(FAILURE_TYPES.invalidSymbol),
  });
  cases.push({ name: 'a FIFO', path: fifo('pipe.csv'), expect: failed(FAILURE_TYPES.notARegularFile) });

  // --- Paths the API refuses ----------------------------------------------------------------------------------------
  const outside = fs.mkdtempSync(path.join(path.dirname(root), 'outside-'));
  fs.writeFileSync(path.join(outside, 'AAPL.csv'), lines(STOOQ, '2020-01-02,1,2,1,1.5,10'));
  cases.push({
    name: 'a link out of the import root',
    path: link('escape.csv', path.join(outside, 'AAPL.csv')),
    expect: { kind: 'refused' },
  });
  cases.push({
    name: 'a path climbing out with ..',
    path: path.join('..', path.basename(outside), 'AAPL.csv'),
    expect: { kind: 'refused' },
  });
  cases.push({ name: 'a NUL byte in the path', path: 'AAPL\u0000.csv', expect: { kind: 'refused' } });

  // --- Folders: one bad file fails one file --------------------------------------------------------------------------
  write('mixed/AAPL.csv', lines(STOOQ, '2020-01-02,1,2,1,1.5,10', '2020-01-03,1,2,1,1.5,10'));
  write('mixed/MSFT.csv', lines(STOOQ, '2020-01-02,2,3,2,2.5,10', '2020-01-03,2,3,2,2.5,10'));
  write('mixed/bad!.csv', lines(STOOQ, '2020-01-02,1,2,1,1.5,10'));
  write('mixed/BIN.csv', binary);
  write('mixed/unknown.csv', lines('when,what'));
  write('mixed/EMPTY.csv', '');
  write('mixed/LONG.csv', lines(STOOQ, 'z'.repeat(2 * MB)));
  link('mixed/LINK.csv', 'AAPL.csv');
  fifo('mixed/pipe.csv');
  write('mixed/readme.txt', 'not a csv: ignored\n');
  cases.push({
    name: 'a folder of good and bad files',
    path: 'mixed',
    expect: completed({
      rowsRead: 4,
      rowsLoaded: 4,
      fileFailures: [
        ['BIN.csv', FAILURE_TYPES.malformedCsv],
        ['EMPTY.csv', FAILURE_TYPES.invalidInput],
        ['LINK.csv', FAILURE_TYPES.invalidInput],
        ['LONG.csv', FAILURE_TYPES.lineTooLong],
        ['bad!.csv', FAILURE_TYPES.invalidSymbol],
        ['pipe.csv', FAILURE_TYPES.notARegularFile],
        ['unknown.csv', FAILURE_TYPES.unknownLayout],
      ],
    }),
  });
  write('dups/AAPL.csv', lines(STOOQ, '2020-01-02,1,2,1,1.5,10', '2020-01-03,1,2,1,1.5,10'));
  write('dups/AAPL_2020.csv', lines(STOOQ, '2020-01-03,1,2,1,1.6,10', '2020-01-06,1,2,1,1.5,10'));
  cases.push({
    name: 'the same (symbol, date) in two files of a folder',
    path: 'dups',
    expect: completed({ rowsRead: 4, rowsLoaded: 3, rejectedByReason: { duplicate: 1 } }),
  });
  write('all-bad/EMPTY.csv', '');
  write('all-bad/BIN.csv', binary);
  write('all-bad/x y.csv', lines(STOOQ));
  write('all-bad/unknown.csv', lines('a,b,c'));
  cases.push({
    name: 'a folder where no file can be read',
    path: 'all-bad',
    expect: completed({
      rowsRead: 0,
      rowsLoaded: 0,
      fileFailures: [
        ['BIN.csv', FAILURE_TYPES.malformedCsv],
        ['EMPTY.csv', FAILURE_TYPES.invalidInput],
        ['unknown.csv', FAILURE_TYPES.unknownLayout],
        ['x y.csv', FAILURE_TYPES.invalidSymbol],
      ],
    }),
  });
  return { root, cases, files };
}

if (require.main === module) {
  const target = process.argv[2];
  if (!target) {
    process.stderr.write('usage: make-bad-input-corpus <empty folder>\n');
    process.exit(2);
  }
  fs.mkdirSync(target, { recursive: true });
  const corpus = makeBadInputCorpus(path.resolve(target));
  process.stdout.write(`${JSON.stringify(corpus, null, 2)}\n`);
}
