/** Where process-level faults are reported; a pino logger fits. */
export interface ProcessFaultLogger {
  error(details: object, message: string): void;
  fatal(details: object, message: string): void;
}

export interface ProcessFaultOptions {
  /** Called after an uncaught exception was logged; the default exits with status 1. */
  exit?: (code: number) => void;
  /** Event source, for tests; the real process by default. */
  target?: Pick<NodeJS.EventEmitter, 'on'>;
}

/**
 * What a process does with a fault nobody caught:
 * - an unhandled promise rejection is a bug in how one operation was awaited; the rest of the process is in a
 *   known state, so it is logged with its stack and the process keeps running (Node's default would exit);
 * - an uncaught exception leaves the process in an unknown state (a half-run handler, a broken invariant), so it
 *   is logged and the process exits; the local stack's supervisor (or the orchestrator) restarts it and Temporal
 *   retries its activities elsewhere.
 * Connection faults (`error` events of pg, ioredis) never get here: their clients have listeners.
 */
export function installProcessFaultHandlers(
  service: string,
  logger: ProcessFaultLogger,
  options: ProcessFaultOptions = {},
): void {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const target = options.target ?? process;
  target.on('unhandledRejection', (reason: unknown) => {
    logger.error({ service, err: describeFault(reason) }, 'unhandled promise rejection (process keeps running)');
  });
  target.on('uncaughtException', (err: Error, origin: string) => {
    logger.fatal({ service, origin, err: describeFault(err) }, 'uncaught exception: exiting');
    exit(1);
  });
}

export function describeFault(reason: unknown): { message: string; name?: string; stack?: string; code?: string } {
  if (reason instanceof Error) {
    return {
      name: reason.name,
      message: reason.message,
      stack: reason.stack,
      code: (reason as { code?: string }).code,
    };
  }
  return { message: String(reason) };
}
