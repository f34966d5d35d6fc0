import fs from 'node:fs';
import { TEST_DATABASE_PREFIX, dropDatabases } from './test-database';
import { takeTestStack } from './test-stack';

/** Stops what the global setup started, newest first, and removes its temp dir and any test database left over. */
export default async function globalTeardown(): Promise<void> {
  const stack = takeTestStack();
  if (!stack) return;
  try {
    for (const proc of [...stack.processes].reverse()) await proc.stop();
    await dropDatabases(stack.databaseUrlBase, { prefix: `${TEST_DATABASE_PREFIX}${stack.runId}_` });
  } finally {
    fs.rmSync(stack.tempDir, { recursive: true, force: true });
  }
}
