import type { Static } from 'typebox';
import type { FundamentalsRequestInput } from '../../../application/runs';
import type { FundamentalsJson } from '../../../domain/finance/fundamentals';
import type { FundamentalsBody, StartFundamentalsBody } from './schemas';

/** Compile-time checks that the HTTP schemas and the contracts describe the same data (see api/schemas). */
type Assignable<From, To> = [From] extends [To] ? true : false;
type Expect<T extends true> = T;

export type FundamentalsContractChecks = [
  Expect<Assignable<Static<typeof StartFundamentalsBody>, FundamentalsRequestInput>>,
  Expect<Assignable<FundamentalsJson, Static<typeof FundamentalsBody>>>,
];
