import type { RawFormat } from '../../contracts/prices';
import { parseYahooChart, type YahooChartAction } from './yahoo-chart';

/** A provider's raw body as CSV rows the price validation reads, and the corporate actions it reports. */
export interface RawFormatReading {
  csv: string;
  actions: YahooChartAction[];
}

/** How each non-CSV raw format is read: one pure converter per provider format. */
export const RAW_FORMAT_READERS: Record<RawFormat, (text: string) => RawFormatReading> = {
  'yahoo-chart-json': parseYahooChart,
};
