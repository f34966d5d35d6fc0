import { Writable } from 'node:stream';
import pino from 'pino';
import { lazyChildLoggerFactory } from './lazy-request-logger';

/** A pino logger at `level` whose lines are collected, with its `child` counted. */
function recordingLogger(level: string) {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      callback();
    },
  });
  const logger = pino({ level }, stream);
  const child = jest.spyOn(logger, 'child');
  return { logger, lines, child };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('the lazy request logger', () => {
  it('makes no child for lines below the level, and writes nothing for them', async () => {
    const { logger, lines, child } = recordingLogger('info');
    const log = lazyChildLoggerFactory.call(undefined as never, logger, { reqId: 'r1' }, {}, undefined as never);
    log.debug({ res: 1 }, 'request completed');
    log.trace('quiet');
    await flush();
    expect(child).not.toHaveBeenCalled();
    expect(lines).toEqual([]);
    expect(log.level).toBe('info');
  });

  it('makes the child once, on the first line at an enabled level, with the bindings on every line', async () => {
    const { logger, lines, child } = recordingLogger('info');
    const log = lazyChildLoggerFactory.call(undefined as never, logger, { reqId: 'r2' }, {}, undefined as never);
    log.info({ workflowId: 'w' }, 'run requested');
    log.error(new Error('boom'), 'failed');
    log.debug('still quiet');
    await flush();
    expect(child).toHaveBeenCalledTimes(1);
    expect(lines.map((l) => [l.reqId, l.msg])).toEqual([
      ['r2', 'run requested'],
      ['r2', 'failed'],
    ]);
    expect(lines[0].workflowId).toBe('w');
  });

  it("hands a route's own level to a real child at once", () => {
    const { logger, child } = recordingLogger('info');
    const log = lazyChildLoggerFactory.call(
      undefined as never,
      logger,
      { reqId: 'r3' },
      { level: 'debug' },
      undefined as never,
    );
    expect(child).toHaveBeenCalledWith({ reqId: 'r3' }, { level: 'debug' });
    expect(log.level).toBe('debug');
  });

  it("makes grandchildren from the real child, so they carry the request's bindings", async () => {
    const { logger, lines } = recordingLogger('info');
    const log = lazyChildLoggerFactory.call(undefined as never, logger, { reqId: 'r4' }, {}, undefined as never);
    log.child({ step: 'load' }).warn('slow');
    await flush();
    expect(lines).toEqual([expect.objectContaining({ reqId: 'r4', step: 'load', msg: 'slow' })]);
  });
});
