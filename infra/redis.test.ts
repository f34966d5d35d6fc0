import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { createRedis, type RedisFaultLogger } from './redis';

/** A port with nothing listening: bound, then closed. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('createRedis', () => {
  it('survives an unreachable server, logging the outage once rather than per reconnect attempt', async () => {
    const warn = jest.fn<void, [object, string]>();
    const logger: RedisFaultLogger = { warn, info: jest.fn() };
    const redis = createRedis(`redis://127.0.0.1:${await closedPort()}`, { logger });
    try {
      await expect(redis.get('k')).rejects.toThrow();
      // Several reconnect attempts happen in this time (200 ms, 400 ms, 600 ms …).
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(warn).toHaveBeenCalledTimes(1);
      expect(warn.mock.calls[0][1]).toBe('redis unavailable');
    } finally {
      redis.disconnect();
    }
  });

  it('logs when Redis is back after an outage', async () => {
    const port = await closedPort();
    const warn = jest.fn<void, [object, string]>();
    const info = jest.fn<void, [object, string]>();
    const redis = createRedis(`redis://127.0.0.1:${port}`, { logger: { warn, info } });
    let server: ChildProcess | undefined;
    try {
      // Polled with a generous deadline: a loaded machine makes the first refused connection slow to report.
      await until(() => warn.mock.calls.length > 0);
      expect(warn).toHaveBeenCalledTimes(1);
      server = spawn(
        'redis-server',
        ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
        {
          stdio: 'ignore',
        },
      );
      await until(() => info.mock.calls.length > 0);
      expect(info).toHaveBeenCalledWith({}, 'redis available again');
      expect(await redis.ping()).toBe('PONG');
    } finally {
      redis.disconnect();
      server?.kill();
    }
  });
});

async function until(condition: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
}
