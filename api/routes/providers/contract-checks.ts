import type { Static } from 'typebox';
import type { ProvidersResponse } from '../../../contracts';
import type { ProvidersBody } from './schemas';

/** Compile-time check that the HTTP schema describes the contract's data (see api/schemas). */
type Assignable<From, To> = [From] extends [To] ? true : false;
type Expect<T extends true> = T;

export type ProvidersContractChecks = [Expect<Assignable<ProvidersResponse, Static<typeof ProvidersBody>>>];
