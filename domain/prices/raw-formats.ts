import type { RawFormat } from '../../contracts/prices';
import { parseAlphaVantageDaily } from './alphavantage-daily';
import type { ProviderAction } from './provider-format';
import { parseTiingoDaily } from './tiingo-daily';
import { parseYahooChart } from './yahoo-chart';

/** A provider's raw body as CSV rows the price validation reads, and the corporate actions it reports. */
export interface RawFormatReading {
  csv: string;
  actions: ProviderAction[];
}

/**
 * How each non-CSV raw format is read: one pure converter per provider format. Each throws a `ProviderFormatError`
 * when the body is not the answer its provider documents.
 */
export const RAW_FORMAT_READERS: Record<RawFormat, (text: string) => RawFormatReading> = {
  'yahoo-chart-json': parseYahooChart,
  'alphavantage-daily': parseAlphaVantageDaily,
  'tiingo-daily-json': parseTiingoDaily,
};
