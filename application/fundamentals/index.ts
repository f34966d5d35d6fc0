export { fundamentalsDocument, fundamentalsReportOf } from './fundamentals-document';
export type { FundamentalsAsOf, FundamentalsOutcome } from './fundamentals-document';
export {
  companyFundamentalsAsOf,
  fundamentalsReportAsOf,
  isNoFundamentals,
  securityFundamentalsAsOf,
} from './stored-fundamentals';
export type { NoFundamentals, StoredFundamentals } from './stored-fundamentals';
