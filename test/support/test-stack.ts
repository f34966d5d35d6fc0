import type { ManagedProcess } from '../../infra/local-stack/processes';

/** What the global setup started, kept on globalThis because jest runs setup and teardown in one process. */
export interface TestStack {
  processes: ManagedProcess[];
  tempDir: string;
  databaseUrlBase: string;
  runId: string;
}

const KEY = '__ibyTestStack';

export function rememberTestStack(stack: TestStack): void {
  (globalThis as Record<string, unknown>)[KEY] = stack;
}

export function takeTestStack(): TestStack | undefined {
  const holder = globalThis as Record<string, unknown>;
  const stack = holder[KEY] as TestStack | undefined;
  delete holder[KEY];
  return stack;
}
