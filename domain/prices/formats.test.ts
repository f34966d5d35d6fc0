/** The staged CSV (COPY into Postgres) and the rejected CSV: exact text and exact numbers. */
import fs from 'node:fs';
import type { PriceBar } from '../../contracts/prices';
import { sharedData } from '../../test/support/shared-data';
import { REJECTED_HEADER, STAGED_COLUMNS, toRejectedCsvLine, toStagedCsvLine } from '.';
import { chunksOf, parseAll } from './test-support';

/** Reads a staged line back the way Postgres would: empty = NULL, numbers parsed as doubles. */
function readStagedLine(line: string): PriceBar {
  expect(line.endsWith('\n')).toBe(true);
  const match = /^([^,]*),([^,]*),([^,]*),([^,]*),([^,]*),([^,]*),([^,]*),([^,]*),"\{(.*)\}"\n$/.exec(line);
  if (!match) throw new Error(`not a staged line: ${line}`);
  const [, symbol, date, open, high, low, close, adjClose, volume, flags] = match;
  const num = (text: string) => (text === '' ? null : Number(text));
  return {
    symbol,
    date,
    open: num(open),
    high: num(high),
    low: num(low),
    close: Number(close),
    adjClose: num(adjClose),
    volume: num(volume),
    flags: (flags === '' ? [] : flags.split(',')) as PriceBar['flags'],
  };
}

describe('toStagedCsvLine', () => {
  it('lists the staging columns in COPY order', () => {
    expect(STAGED_COLUMNS).toEqual(['symbol', 'date', 'open', 'high', 'low', 'close', 'adj_close', 'volume', 'flags']);
  });

  it('writes NULLs as empty fields and flags as a quoted array literal', () => {
    const bar: PriceBar = {
      symbol: 'BRK.B',
      date: '2016-01-12',
      open: null,
      high: null,
      low: null,
      close: 88.55,
      adjClose: null,
      volume: 0,
      flags: ['missing_open', 'missing_high', 'missing_low', 'zero_volume'],
    };
    expect(toStagedCsvLine(bar)).toBe(
      'BRK.B,2016-01-12,,,,88.55,,0,"{missing_open,missing_high,missing_low,zero_volume}"\n',
    );
    expect(toStagedCsvLine({ ...bar, open: 1e-7, high: 1e21, low: 0.1, volume: 12, flags: [] })).toBe(
      'BRK.B,2016-01-12,1e-7,1e+21,0.1,88.55,,12,"{}"\n',
    );
  });

  it('round-trips every number of a real file exactly', async () => {
    const result = await parseAll(fs.createReadStream(sharedData('benchmark', 'GSPC_1927_2023.csv')), {
      symbol: '^GSPC',
    });
    expect(result.bars).toHaveLength(24_114);
    const readBack = result.bars.map((bar) => readStagedLine(toStagedCsvLine(bar)));
    expect(readBack).toEqual(result.bars);
    expect(toStagedCsvLine(result.bars[0])).toBe(
      '^GSPC,1927-12-30,17.65999984741211,17.65999984741211,17.65999984741211,17.65999984741211,17.65999984741211,0,"{zero_volume}"\n',
    );
  });
});

describe('toRejectedCsvLine', () => {
  it('writes line, reason, symbol, date and the quoted raw row', async () => {
    const text =
      'date,open,high,low,close,volume,Name\n2020-01-02,10,9,11,10,100,AAPL\n"2020-02-30",1,1,1,1,1,"say ""hi"""\n';
    const result = await parseAll(chunksOf(text));
    expect(REJECTED_HEADER).toBe('line,reason,symbol,date,raw\n');
    expect(result.rejected.map(toRejectedCsvLine)).toEqual([
      '2,high_below_low,AAPL,2020-01-02,"2020-01-02,10,9,11,10,100,AAPL"\n',
      '3,invalid_symbol,,,"""2020-02-30"",1,1,1,1,1,""say """"hi"""""""\n',
    ]);
  });
});
