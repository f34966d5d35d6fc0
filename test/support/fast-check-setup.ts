import fc from 'fast-check';
import { fastCheckSeed } from './fast-check-seed';

// Jest runs this in every test file of the unit project, before the tests: every fc.assert and fc.sample uses it.
fc.configureGlobal({ seed: fastCheckSeed() });
