import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { canConnect, httpStatus } from './probes';

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ManagedProcess {
  name: string;
  pid: number;
  logFile: string;
  /** How long stop() gives it after SIGTERM. */
  graceMs: number;
  /** Resolves when the process has exited, for whatever reason. */
  exited: Promise<ExitInfo>;
  /** Null while running. */
  exitInfo(): ExitInfo | null;
  /** True once stop() was called: its exit was asked for, so a supervisor must not restart it. */
  stopRequested(): boolean;
  /** SIGTERM to its whole process group, SIGKILL after `graceMs`; resolves once it is gone. */
  stop(graceMs?: number): Promise<void>;
}

export interface SpawnOptions {
  name: string;
  command: string;
  args: string[];
  logDir: string;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** How long stop() waits after SIGTERM before SIGKILL. */
  graceMs?: number;
}

const running = new Set<ManagedProcess>();
let exitGuardInstalled = false;

/**
 * Starts a child with stdout and stderr appended to `<logDir>/<name>.log`. The child leads its own
 * process group, so a terminal Ctrl-C reaches only us and we stop children in the order we choose;
 * anything still running when this process exits is killed, so no orphan outlives us.
 */
export function spawnLogged(options: SpawnOptions): ManagedProcess {
  fs.mkdirSync(options.logDir, { recursive: true });
  const logFile = path.join(options.logDir, `${options.name}.log`);
  const fd = fs.openSync(logFile, 'a');
  fs.writeSync(fd, `\n--- ${new Date().toISOString()} ${options.command} ${options.args.join(' ')}\n`);
  let child: ChildProcess;
  try {
    child = spawn(options.command, options.args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', fd, fd],
      detached: true,
    });
  } finally {
    fs.closeSync(fd);
  }
  let info: ExitInfo | null = null;
  let stopRequested = false;
  const exited = new Promise<ExitInfo>((resolve) => {
    child.on('error', (err) => {
      fs.appendFileSync(logFile, `could not start ${options.command}: ${err.message}\n`);
      info ??= { code: -1, signal: null };
      resolve(info);
    });
    child.on('exit', (code, signal) => {
      info = { code, signal };
      resolve(info);
    });
  });
  const managed: ManagedProcess = {
    name: options.name,
    pid: child.pid ?? -1,
    logFile,
    graceMs: options.graceMs ?? 10_000,
    exited,
    exitInfo: () => info,
    stopRequested: () => stopRequested,
    stop: (graceMs = managed.graceMs) => {
      stopRequested = true;
      return stopGroup(managed, graceMs);
    },
  };
  if (child.pid) {
    running.add(managed);
    void exited.then(() => running.delete(managed));
  }
  installExitGuard();
  return managed;
}

async function stopGroup(proc: ManagedProcess, graceMs: number): Promise<void> {
  if (!proc.exitInfo()) {
    signalGroup(proc.pid, 'SIGTERM');
    const timer = delay(graceMs);
    const finished = await Promise.race([proc.exited.then(() => true), timer.promise.then(() => false)]);
    timer.cancel();
    if (!finished) signalGroup(proc.pid, 'SIGKILL');
    await proc.exited;
  }
  // Helpers the child started and left behind share its group; they go with it.
  signalGroup(proc.pid, 'SIGKILL');
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  if (pid <= 0) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // ESRCH: the group is already gone.
  }
}

function installExitGuard(): void {
  if (exitGuardInstalled) return;
  exitGuardInstalled = true;
  process.on('exit', () => {
    for (const proc of running) signalGroup(proc.pid, 'SIGKILL');
  });
}

/** How a process ended, in words, for messages. */
export function describeExit({ code, signal }: ExitInfo): string {
  return signal ? `killed by ${signal}` : `exit code ${code}`;
}

export function delay(ms: number): { promise: Promise<void>; cancel(): void } {
  let timer: NodeJS.Timeout | undefined;
  const promise = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  return { promise, cancel: () => clearTimeout(timer) };
}

export interface WaitOptions {
  timeoutMs: number;
  /** The process expected to answer: its early exit ends the wait, and errors point at its log. */
  process?: ManagedProcess;
  intervalMs?: number;
}

/** Polls `check` until it holds; the error names the process, what it waited for and the log to read. */
export async function waitUntil(what: string, check: () => Promise<boolean>, options: WaitOptions): Promise<void> {
  const { timeoutMs, process: proc, intervalMs = 250 } = options;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const exit = proc?.exitInfo();
    if (proc && exit) throw new Error(`${proc.name} ${describeExit(exit)} before ${what}; ${logHint(proc)}`);
    if (await check()) return;
    if (Date.now() >= deadline) {
      const who = proc ? `${proc.name}: ` : '';
      throw new Error(
        `${who}timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}${proc ? `; ${logHint(proc)}` : ''}`,
      );
    }
    const pause = delay(intervalMs);
    await (proc ? Promise.race([pause.promise, proc.exited]) : pause.promise);
    pause.cancel();
  }
}

export function waitForPort(host: string, port: number, options: WaitOptions): Promise<void> {
  return waitUntil(`${host}:${port} to accept connections`, () => canConnect(host, port), options);
}

/** Waits for a 2xx answer (or any status `accept` allows). */
export function waitForHttp(
  url: string,
  options: WaitOptions & { accept?: (status: number) => boolean },
): Promise<void> {
  const accept = options.accept ?? ((status) => status >= 200 && status < 300);
  return waitUntil(`${url} to answer`, async () => accept((await httpStatus(url)) ?? 0), options);
}

/** "see its log: <file>" plus the last lines, which usually say what went wrong. */
export function logHint(proc: ManagedProcess, lines = 8): string {
  let tail = '';
  try {
    tail = fs.readFileSync(proc.logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n    ');
  } catch {
    // No log yet: the hint is the path alone.
  }
  return `see its log: ${proc.logFile}${tail ? `\n  last lines:\n    ${tail}` : ''}`;
}

/** Stops every child still running, the most recently started first; used on Ctrl-C and on failure. */
export async function stopAll(report: (line: string) => void = () => undefined): Promise<void> {
  for (const proc of [...running].reverse()) {
    report(`stopping ${proc.name} (pid ${proc.pid}, at most ${Math.round(proc.graceMs / 1000)} s)`);
    await proc.stop();
  }
}
