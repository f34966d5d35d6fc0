import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ephemeralPortRange, findFreePorts } from './free-port';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iby-ports-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function rangeFile(text: string): string {
  const file = path.join(dir, `range-${Math.random().toString(36).slice(2)}`);
  fs.writeFileSync(file, text);
  return file;
}

describe('ephemeralPortRange', () => {
  it("reads Linux's range, and gives none when the file is missing, unreadable or leaves no room below it", () => {
    expect(ephemeralPortRange(rangeFile('32768\t60999\n'))).toEqual([32768, 60999]);
    expect(ephemeralPortRange(path.join(dir, 'absent'))).toBeNull();
    expect(ephemeralPortRange(rangeFile('garbage'))).toBeNull();
    expect(ephemeralPortRange(rangeFile('10500 60999'))).toBeNull();
  });
});

describe('findFreePorts', () => {
  it('hands out distinct ports outside the ephemeral range, each of which a server can then bind', async () => {
    const ports = await findFreePorts(12);
    expect(new Set(ports).size).toBe(12);
    const range = ephemeralPortRange();
    if (range) for (const port of ports) expect(port).toBeLessThan(range[0]);
    for (const port of ports) {
      const server = net.createServer();
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen({ host: '127.0.0.1', port, exclusive: true }, resolve);
      });
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
