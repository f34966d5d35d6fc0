import { EventEmitter } from 'node:events';
import { installProcessFaultHandlers, type ProcessFaultLogger } from './process-faults';

function setup() {
  const target = new EventEmitter();
  const error = jest.fn<void, [object, string]>();
  const fatal = jest.fn<void, [object, string]>();
  const exit = jest.fn<void, [number]>();
  const logger: ProcessFaultLogger = { error, fatal };
  installProcessFaultHandlers('etl-worker', logger, { exit, target });
  return { target, error, fatal, exit };
}

describe('installProcessFaultHandlers', () => {
  it('logs an unhandled rejection with its stack and keeps the process running', () => {
    const { target, error, exit } = setup();
    target.emit('unhandledRejection', new Error('lost promise'));
    expect(exit).not.toHaveBeenCalled();
    expect(error).toHaveBeenCalledTimes(1);
    const [details, message] = error.mock.calls[0];
    expect(message).toContain('unhandled promise rejection');
    expect(details).toMatchObject({ service: 'etl-worker', err: { message: 'lost promise', name: 'Error' } });
    expect((details as { err: { stack: string } }).err.stack).toContain('process-faults.test');
  });

  it('logs a rejection with a non-Error reason as text', () => {
    const { target, error } = setup();
    target.emit('unhandledRejection', 42);
    expect(error.mock.calls[0][0]).toMatchObject({ err: { message: '42' } });
  });

  it('logs an uncaught exception with its origin and exits with status 1', () => {
    const { target, fatal, exit } = setup();
    target.emit('uncaughtException', new TypeError('boom'), 'uncaughtException');
    expect(fatal.mock.calls[0][0]).toMatchObject({ origin: 'uncaughtException', err: { name: 'TypeError' } });
    expect(exit).toHaveBeenCalledWith(1);
  });
});
