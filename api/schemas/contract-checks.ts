import type { Static } from 'typebox';
import type { IngestPricesRequest, IngestPricesResult, IngestProgress, SecuritySummary } from '../../contracts';
import type { IngestPricesResultBody, IngestProgressBody, StartPricesBody } from '../routes/runs/schemas';
import type { SecurityBody } from '../routes/securities/schemas';

/**
 * Compile-time checks that the HTTP schemas and the workflow contracts describe the same data:
 * a change to either side that breaks the other fails `tsc` here.
 */
type Assignable<From, To> = [From] extends [To] ? true : false;
type Expect<T extends true> = T;

export type ContractChecks = [
  Expect<Assignable<StartPricesBody, IngestPricesRequest>>,
  Expect<Assignable<IngestProgress, Static<typeof IngestProgressBody>>>,
  Expect<Assignable<Static<typeof IngestProgressBody>, IngestProgress>>,
  Expect<Assignable<IngestPricesResult, Static<typeof IngestPricesResultBody>>>,
  Expect<Assignable<SecuritySummary, Static<typeof SecurityBody>>>,
  Expect<Assignable<Static<typeof SecurityBody>, SecuritySummary>>,
];
