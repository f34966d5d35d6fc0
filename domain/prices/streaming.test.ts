/** Chunk boundaries must not matter: split anywhere (mid-line, mid-character, between \r and \n). */
import fs from 'node:fs';
import { sharedData } from '../../test/support/shared-data';
import { byteChunksOf, chunksOf, parseAll } from './test-support';

describe('streaming', () => {
  it('gives identical results for 7-byte chunks and one chunk, on a real file', async () => {
    const bytes = fs.readFileSync(sharedData('benchmark', 'GSPC_2013-02-08_2018-02-07.csv'));
    const whole = await parseAll(byteChunksOf(bytes, bytes.length), { symbol: '^GSPC' });
    const tiny = await parseAll(byteChunksOf(bytes, 7), { symbol: '^GSPC' });
    expect(whole.bars).toHaveLength(1259);
    expect(tiny).toEqual(whole);
  });

  it('gives identical results for tiny chunks on CRLF, quotes, multi-byte text and rejects', async () => {
    const text = [
      '\uFEFFsymbol,date,price',
      'BRK.B,Jan 1 2000,10',
      '"BF.B","Feb 1, 2000",11',
      'ÄPFEL,2000-01-03,1', // not a valid symbol: the multi-byte character is cut by the byte chunks
      '',
      'IBM,2000-01-04,"1',
      '2"',
      'IBM,2000-01-04,13', // the rejected row above does not make this one a duplicate
      'IBM,2000-01-04,14',
    ].join('\r\n');
    const bytes = Buffer.from(text, 'utf8');
    const whole = await parseAll(chunksOf(text));
    expect(whole.bars.map((bar) => `${bar.symbol} ${bar.date} ${bar.close}`)).toEqual([
      'BRK.B 2000-01-01 10',
      'BF.B 2000-02-01 11',
      'IBM 2000-01-04 13',
    ]);
    expect(whole.rejected.map((row) => [row.line, row.reason])).toEqual([
      [4, 'invalid_symbol'],
      [6, 'invalid_number'],
      [9, 'duplicate'],
    ]);
    expect(whole.rejected[0].raw).toBe('ÄPFEL,2000-01-03,1');
    for (const size of [1, 2, 3, 7]) {
      expect(await parseAll(byteChunksOf(bytes, size))).toEqual(whole);
      expect(await parseAll(chunksOf(text, size))).toEqual(whole);
    }
  });
});
