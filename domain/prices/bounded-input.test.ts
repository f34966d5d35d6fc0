/** Whatever the input, the parser's memory is bounded and a structural fault is a typed error, not a crash. */
import { Readable } from 'node:stream';
import { csvRecords, exchangeDate, LineTooLongError, NotCsvTextError, parsePrices } from '.';
import { chunksOf, parseAll } from './test-support';

const HEADER = 'date,open,high,low,close,volume,Name';

async function records(text: string, maxLineBytes?: number) {
  const out = [];
  for await (const batch of csvRecords(chunksOf(text), { maxLineBytes })) out.push(...batch);
  return out;
}

describe('line limit', () => {
  it('refuses a line over the limit as soon as it has read past it, without reading the rest', async () => {
    let produced = 0;
    function* endless(): Generator<string> {
      yield `${HEADER}\n2020-01-02,1,1,1,1,1,A`;
      for (;;) {
        produced += 64 * 1024;
        yield 'x'.repeat(64 * 1024);
      }
    }
    const parse = parsePrices(Readable.from(endless()), { maxLineBytes: 1024 * 1024 });
    const error = await (async () => {
      try {
        for await (const events of parse.events) void events;
      } catch (err) {
        return err;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(LineTooLongError);
    expect((error as LineTooLongError).line).toBe(2);
    expect(produced).toBeLessThanOrEqual(1024 * 1024 + 64 * 1024);
  });

  it('refuses an over-long header (a 2 MB first line) before any layout check', async () => {
    await expect(parseAll(chunksOf('d'.repeat(2_000_000) + '\n'), { maxLineBytes: 1_000_000 })).rejects.toThrow(
      LineTooLongError,
    );
  });

  it('accepts a line of exactly the limit', async () => {
    const line = 'a,' + 'b'.repeat(98);
    expect((await records(line + '\n', 100)).map((r) => r.raw)).toEqual([line]);
  });

  it('treats a quote left open past the limit as one malformed record and reads the lines after it again', async () => {
    const rows = Array.from(
      { length: 50 },
      (_, i) => `2020-01-${String((i % 28) + 1).padStart(2, '0')},1,1,1,1,1,S${i}`,
    );
    const text = [HEADER, '2020-01-01,1,1,1,"1,1,A', ...rows].join('\n');
    const out = await records(text, 200);
    expect(out[1]).toEqual({ line: 2, raw: '2020-01-01,1,1,1,"1,1,A', fields: [], malformed: true });
    expect(out.slice(2).map((r) => r.raw)).toEqual(rows);
    expect(out.slice(2).map((r) => r.line)).toEqual(rows.map((_, i) => i + 3));
  });

  it('still joins a quoted field that closes on a later line into one record', async () => {
    const out = await records(`${HEADER}\n2020-01-02,1,1,1,1,1,"A\nB"\n2020-01-03,1,1,1,1,1,C\n`);
    expect(out.map((r) => [r.line, r.fields[6]])).toEqual([
      [1, 'Name'],
      [2, 'A\nB'],
      [4, 'C'],
    ]);
  });
});

describe('not CSV text', () => {
  it.each([
    ['UTF-16 LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${HEADER}\n`, 'utf16le')])],
    ['binary', Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x0a, 0x41, 0x0a])],
  ])('refuses %s with NotCsvTextError', async (_name, bytes) => {
    await expect(parseAll(Readable.from([bytes]))).rejects.toThrow(NotCsvTextError);
  });
});

describe('plausibility', () => {
  it('rejects a bar after the exchange date given as today, and loads one on it', async () => {
    const text = [HEADER, '2024-03-11,1,2,1,1.5,10,A', '2024-03-12,1,2,1,1.5,10,A'].join('\n');
    const result = await parseAll(chunksOf(text), { today: '2024-03-11' });
    expect(result.bars.map((b) => b.date)).toEqual(['2024-03-11']);
    expect(result.counts.rejectedByReason).toEqual({ date_in_future: 1 });
  });

  it('flags a row with more fields than its header and loads its known columns', async () => {
    const text = [HEADER, '2020-01-02,1,2,1,1.5,10,A,surprise', '2020-01-03,1,2,1,1.5,10,A'].join('\n');
    const result = await parseAll(chunksOf(text));
    expect(result.bars.map((b) => b.flags)).toEqual([['extra_fields'], []]);
    expect(result.counts.rowsFlagged).toEqual({ extra_fields: 1 });
  });

  it('never rounds a volume: 1.5 is rejected, 1234.0 is whole and loads as 1234', async () => {
    const text = [HEADER, '2020-01-02,1,2,1,1.5,1.5,A', '2020-01-03,1,2,1,1.5,1234.0,A'].join('\n');
    const result = await parseAll(chunksOf(text));
    expect(result.rejected.map((r) => r.reason)).toEqual(['fractional_volume']);
    expect(result.bars.map((b) => b.volume)).toEqual([1234]);
  });
});

describe('exchangeDate', () => {
  it('is the calendar date in New York, not UTC', () => {
    // 03:30 UTC on March 12 is still March 11 in New York (EDT, UTC-4).
    expect(exchangeDate(new Date('2024-03-12T03:30:00Z'))).toBe('2024-03-11');
    expect(exchangeDate(new Date('2024-03-12T04:30:00Z'))).toBe('2024-03-12');
    // Winter (EST, UTC-5).
    expect(exchangeDate(new Date('2024-01-02T04:59:00Z'))).toBe('2024-01-01');
  });
});
