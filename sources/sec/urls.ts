import { paddedCik } from '../../contracts';

const withoutTrailingSlash = (url: string): string => url.replace(/\/+$/, '');

/** `https://data.sec.gov/api/xbrl/companyfacts/CIK0000320193.json` */
export const companyFactsUrl = (baseUrl: string, cik: number): string =>
  `${withoutTrailingSlash(baseUrl)}/api/xbrl/companyfacts/${paddedCik(cik)}.json`;

export const defaultTickersUrl = (baseUrl: string): string =>
  `${withoutTrailingSlash(baseUrl)}/files/company_tickers.json`;
