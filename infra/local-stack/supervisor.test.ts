import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnLogged, type ManagedProcess } from './processes';
import { supervise } from './supervisor';

// Real child processes (plain `node -e`), no services: the supervisor's policy on the clock it will run on.
const logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'iby-supervisor-'));
afterAll(() => fs.rmSync(logDir, { recursive: true, force: true }));

function child(name: string, script: string): ManagedProcess {
  return spawnLogged({ name, command: process.execPath, args: ['-e', script], logDir, graceMs: 2000 });
}

const fast = {
  initialDelayMs: 50,
  maxDelayMs: 400,
  stableAfterMs: 10_000,
  crashLoopExits: 3,
  crashLoopWindowMs: 10_000,
};

describe('supervise', () => {
  it('starts a process that died again, names its log, and leaves one it was asked to stop', async () => {
    const said: string[] = [];
    const script = 'setInterval(() => undefined, 1000)';
    const first = child('sleeper', script);
    const s = supervise(first, {
      start: () => Promise.resolve(child('sleeper', script)),
      say: (line) => said.push(line),
      policy: fast,
    });
    const restarted = s.nextRestart();
    process.kill(first.pid, 'SIGKILL');
    const second = await restarted;
    expect(second.pid).not.toBe(first.pid);
    expect(s.restarts()).toBe(1);
    expect(said[0]).toMatch(/^sleeper exited unexpectedly \(killed by SIGKILL\).*restarting in 50 ms.*sleeper\.log/);
    await s.stop();
    await new Promise((r) => setTimeout(r, 300));
    expect(second.exitInfo()).not.toBeNull();
    expect(s.restarts()).toBe(1);
  });

  it('backs off exponentially and reports a crash loop loudly, still retrying', async () => {
    const said: string[] = [];
    const shouted: string[] = [];
    const crash = 'process.exit(3)';
    const s = supervise(child('crasher', crash), {
      start: () => Promise.resolve(child('crasher', crash)),
      say: (line) => said.push(line),
      shout: (line) => shouted.push(line),
      policy: fast,
    });
    for (let i = 0; i < 100 && s.restarts() < 4; i++) await new Promise((r) => setTimeout(r, 50));
    s.halt();
    const delays = said
      .filter((l) => l.includes('restarting in'))
      .map((l) => /restarting in ([\d.]+ m?s)/.exec(l)?.[1]);
    expect(delays.slice(0, 2)).toEqual(['50 ms', '100 ms']);
    // The third exit within the window is a crash loop: loud, and the longest delay from then on.
    expect(delays[2]).toBe('400 ms');
    expect(shouted.join('\n')).toMatch(/crasher is CRASH-LOOPING: 3 exits/);
    expect(said.some((l) => l.includes('exit code 3'))).toBe(true);
  });

  it('keeps trying when a restart fails', async () => {
    const said: string[] = [];
    let attempts = 0;
    const first = child('flaky', 'process.exit(1)');
    const s = supervise(first, {
      start: () => {
        attempts++;
        if (attempts === 1) return Promise.reject(new Error('port still busy'));
        return Promise.resolve(child('flaky', 'setInterval(() => undefined, 1000)'));
      },
      say: (line) => said.push(line),
      policy: fast,
    });
    const up = await s.nextRestart();
    expect(attempts).toBe(2);
    expect(said.join('\n')).toMatch(/restart 1 failed: port still busy/);
    expect(said.join('\n')).toMatch(/flaky did not come back; restarting/);
    await s.stop();
    expect(up.stopRequested()).toBe(true);
  });
});
