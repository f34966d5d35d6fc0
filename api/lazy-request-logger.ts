import type { FastifyBaseLogger, FastifyServerOptions } from 'fastify';

type Level = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';
type Bindings = Parameters<FastifyBaseLogger['child']>[0];
type ChildOptions = Parameters<FastifyBaseLogger['child']>[1];
type ChildLoggerFactory = NonNullable<FastifyServerOptions['childLoggerFactory']>;

/** What the parent must offer beyond Fastify's logger: pino's level check. */
type ParentLogger = FastifyBaseLogger & { isLevelEnabled(level: string): boolean };

/**
 * A request's logger that becomes the real child logger only when something is logged at an enabled level. Most
 * requests log nothing (a successful read logs at debug), and a pino child passes its bindings through the redaction
 * paths when it is made: for a cached read that was about a twelfth of the request.
 */
class LazyChildLogger {
  private made?: FastifyBaseLogger;

  constructor(
    private readonly parent: ParentLogger,
    private readonly bindings: Bindings,
  ) {}

  get level(): string {
    return this.made?.level ?? this.parent.level;
  }

  set level(level: string) {
    this.logger().level = level;
  }

  fatal(...args: unknown[]): void {
    this.write('fatal', args);
  }
  error(...args: unknown[]): void {
    this.write('error', args);
  }
  warn(...args: unknown[]): void {
    this.write('warn', args);
  }
  info(...args: unknown[]): void {
    this.write('info', args);
  }
  debug(...args: unknown[]): void {
    this.write('debug', args);
  }
  trace(...args: unknown[]): void {
    this.write('trace', args);
  }
  silent(): void {}

  isLevelEnabled(level: string): boolean {
    return this.made ? (this.made as ParentLogger).isLevelEnabled(level) : this.parent.isLevelEnabled(level);
  }

  child(bindings: Bindings, options?: ChildOptions): FastifyBaseLogger {
    return this.logger().child(bindings, options);
  }

  private write(level: Level, args: unknown[]): void {
    if (!this.made && !this.parent.isLevelEnabled(level)) return;
    const logger = this.logger();
    // The caller's arguments pass through as they came, whichever of pino's overloads they match.
    Reflect.apply(logger[level], logger, args);
  }

  private logger(): FastifyBaseLogger {
    return (this.made ??= this.parent.child(this.bindings));
  }
}

/**
 * Fastify's `childLoggerFactory`: lazy children of a pino logger. A route with its own log level or serializers gets
 * a real child at once (the options change what the child does, so it cannot stand in for it).
 */
export const lazyChildLoggerFactory: ChildLoggerFactory = (logger, bindings, options) => {
  const parent = logger as ParentLogger;
  if (typeof parent.isLevelEnabled !== 'function' || Object.keys(options).length > 0) {
    return logger.child(bindings, options);
  }
  return new LazyChildLogger(parent, bindings);
};
