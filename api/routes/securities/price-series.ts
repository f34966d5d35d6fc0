import type { FastifyInstance } from 'fastify';
import { PRICE_CACHE_TTL_SECONDS, readPriceRange } from '../../../infra/cache';
import { readPriceBars } from '../../../infra/repositories/prices-read';
import { securityExists } from '../../../infra/repositories/securities';
import { badRequest, notFound } from '../../errors';
import type { PriceSeriesBody } from './schemas';

/** Read-through: the versioned cache entry when there is one, else Postgres (and fill the entry). */
export async function readPriceSeries(
  { cache, db }: Pick<FastifyInstance, 'cache' | 'db'>,
  symbol: string,
  { from, to }: { from?: string; to?: string },
): Promise<{ series: PriceSeriesBody; cache: 'hit' | 'miss' | 'bypass' }> {
  if (from && to && from > to) throw badRequest('querystring/from', 'must not be after querystring/to');

  const slot = await readPriceRange<PriceSeriesBody>(cache, symbol, from, to);
  if (slot.read.status === 'hit') return { series: slot.read.value, cache: 'hit' };

  const bars = await readPriceBars(db, { symbol, from, to });
  // An empty range of a known symbol is an answer; an unknown symbol is not.
  if (bars.length === 0 && !(await securityExists(db, symbol))) throw notFound(`no security with symbol ${symbol}`);
  const series: PriceSeriesBody = { symbol, from: from ?? null, to: to ?? null, bars };
  if (slot.key) await cache.setJson(slot.key, series, PRICE_CACHE_TTL_SECONDS);
  return { series, cache: slot.read.status };
}
