import path from 'node:path';
import { PROJECT_ROOT } from '../../config';

/** The read-only reference data beside the repository (`../shared/data`); tests and benchmarks read it by path. */
export const SHARED_DATA = process.env.IBY_SHARED_DATA ?? path.resolve(PROJECT_ROOT, '..', 'shared', 'data');

export const sharedData = (...parts: string[]): string => path.join(SHARED_DATA, ...parts);
