/** Helpers for the tests of this folder: drain a parse, and feed text as a stream of small chunks. */
import { Readable } from 'node:stream';
import type { PriceBar } from '../../contracts/prices';
import type { PriceCounts } from './counts';
import { parsePrices, type ParseOptions, type RejectedRow } from './parse';

export interface ParsedPrices {
  bars: PriceBar[];
  rejected: RejectedRow[];
  filtered: number;
  counts: PriceCounts;
}

export async function parseAll(
  input: AsyncIterable<Buffer | string>,
  options: ParseOptions = {},
): Promise<ParsedPrices> {
  const parse = parsePrices(input, options);
  const result: ParsedPrices = { bars: [], rejected: [], filtered: 0, counts: undefined as unknown as PriceCounts };
  for await (const events of parse.events) {
    for (const event of events) {
      if (event.kind === 'bar') result.bars.push(event.bar);
      else if (event.kind === 'rejected') result.rejected.push(event.row);
      else result.filtered++;
    }
  }
  result.counts = parse.counts();
  return result;
}

/** The text as a Readable of `size`-character chunks (the whole text in one chunk by default). */
export function chunksOf(text: string, size = text.length || 1): Readable {
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
  return Readable.from(chunks);
}

/** The bytes as a Readable of `size`-byte chunks, cutting multi-byte characters and CRLF pairs apart. */
export function byteChunksOf(bytes: Buffer, size: number): Readable {
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return Readable.from(chunks);
}
