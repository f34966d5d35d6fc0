import { fastCheckSeed } from './fast-check-seed';

/** Printed once per run, so a failure in CI names the seed that reproduces it. */
export default function unitGlobalSetup(): void {
  // Jest prints a global setup's output above the results; this is the one line a reader needs to replay a run.
  // eslint-disable-next-line no-console
  console.log(`\nfast-check seed ${fastCheckSeed()} (set FC_SEED=<integer> to change it)`);
}
