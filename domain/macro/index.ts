export {
  parseFredObservations,
  FredFormatError,
  FRED_MISSING_VALUE,
  OPEN_REALTIME_END,
  type FredObservation,
  type FredObservations,
} from './fred-observations';
export { observationsAsOf } from './as-of';
export { perPeriodRate, perPeriodRiskFree, RiskFreeCoverageError, type YieldObservation } from './risk-free';
