import { describeExit, logHint, type ManagedProcess } from './processes';

/**
 * When a process that exits unexpectedly is started again. Delays double from `initialDelayMs` up to
 * `maxDelayMs`, and fall back to the start once a process has stayed up for `stableAfterMs`. `crashLoopExits`
 * exits within `crashLoopWindowMs` is a crash loop: it is reported loudly (with the log's last lines) and the
 * supervisor keeps trying at the longest delay, because the usual cause is a dependency that is down (Postgres,
 * Temporal) and comes back; the rest of the stack keeps running meanwhile.
 */
export interface RestartPolicy {
  initialDelayMs: number;
  maxDelayMs: number;
  stableAfterMs: number;
  crashLoopExits: number;
  crashLoopWindowMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = {
  initialDelayMs: 1000,
  maxDelayMs: 30_000,
  stableAfterMs: 60_000,
  crashLoopExits: 5,
  crashLoopWindowMs: 120_000,
};

export interface SupervisorOptions {
  /** Starts the process and waits until it is healthy; null when something else now serves in its place. */
  start: () => Promise<ManagedProcess | null>;
  /** Ordinary news (an exit, a restart). */
  say: (line: string) => void;
  /** Loud news (a crash loop), e.g. to stderr. */
  shout?: (line: string) => void;
  policy?: Partial<RestartPolicy>;
}

export interface Supervised {
  name: string;
  /** The process running now; null between an exit and its restart. */
  current(): ManagedProcess | null;
  /** How many times it was started again. */
  restarts(): number;
  /** Resolves with the next process that came up healthy after an exit. */
  nextRestart(): Promise<ManagedProcess>;
  /** No more restarts from now on (synchronous, so a shutdown can first halt every supervisor). */
  halt(): void;
  /** halt(), then stop the current process with its grace time. */
  stop(): Promise<void>;
  /** Resolves once the supervisor is done (after halt(), when a restart in progress has been stopped too). */
  finished(): Promise<void>;
}

/** Watches `first` and starts it again, with backoff, each time it exits without being asked to. */
export function supervise(first: ManagedProcess, options: SupervisorOptions): Supervised {
  const policy = { ...DEFAULT_RESTART_POLICY, ...options.policy };
  const shout = options.shout ?? options.say;
  const name = first.name;
  let proc: ManagedProcess | null = first;
  let halted = false;
  let restarts = 0;
  let pendingDelay: { promise: Promise<void>; cancel(): void } | null = null;
  let waiters: ((p: ManagedProcess) => void)[] = [];

  async function loop(): Promise<void> {
    let nextDelayMs = policy.initialDelayMs;
    const exits: number[] = [];
    let lastLog = first.logFile;
    for (;;) {
      const startedAt = Date.now();
      let why: string;
      if (proc) {
        const exit = await proc.exited;
        if (halted || proc.stopRequested()) return;
        lastLog = proc.logFile;
        const upMs = Date.now() - startedAt;
        if (upMs >= policy.stableAfterMs) nextDelayMs = policy.initialDelayMs;
        why = `exited unexpectedly (${describeExit(exit)}) after ${formatSeconds(upMs)}`;
      } else {
        why = 'did not come back';
      }
      const now = Date.now();
      exits.push(now);
      while (exits.length && exits[0] < now - policy.crashLoopWindowMs) exits.shift();
      const crashLooping = exits.length >= policy.crashLoopExits;
      if (crashLooping) nextDelayMs = policy.maxDelayMs;
      const dead = proc;
      proc = null;
      options.say(
        `${name} ${why}; restarting in ${formatSeconds(nextDelayMs)} (restart ${restarts + 1}); see its log: ${lastLog}`,
      );
      if (crashLooping) {
        const tail = dead ? logHint(dead, 12) : `see its log: ${lastLog}`;
        shout(
          [
            '!'.repeat(100),
            `!! ${name} is CRASH-LOOPING: ${exits.length} exits within ${formatSeconds(policy.crashLoopWindowMs)}.`,
            `!! Still retrying every ${formatSeconds(policy.maxDelayMs)}; fix the cause or press Ctrl-C. ${tail}`,
            '!'.repeat(100),
          ].join('\n'),
        );
      }
      pendingDelay = wakeableDelay(nextDelayMs);
      await pendingDelay.promise;
      pendingDelay = null;
      if (halted) return;
      nextDelayMs = Math.min(nextDelayMs * 2, policy.maxDelayMs);
      restarts++;
      try {
        const started = await options.start();
        if (halted) {
          await started?.stop();
          return;
        }
        if (!started) {
          options.say(`${name}: something else answers in its place now; no longer supervised`);
          return;
        }
        proc = started;
        options.say(`${name}: restarted (pid ${started.pid}, restart ${restarts})`);
        const ready = waiters;
        waiters = [];
        for (const resolve of ready) resolve(started);
      } catch (err) {
        options.say(`${name}: restart ${restarts} failed: ${(err as Error).message}`);
      }
    }
  }

  const done = loop().catch((err: unknown) => shout(`${name}: supervisor failed: ${(err as Error).message}`));
  const halt = (): void => {
    halted = true;
    pendingDelay?.cancel();
  };
  return {
    name,
    current: () => proc,
    restarts: () => restarts,
    nextRestart: () => new Promise((resolve) => waiters.push(resolve)),
    halt,
    async stop() {
      halt();
      // A restart still starting is a process like any other: stopAll() in the caller takes it down.
      await proc?.stop();
    },
    finished: () => done,
  };
}

/** A delay that cancel() ends at once (resolving), so a halted loop returns instead of hanging. */
function wakeableDelay(ms: number): { promise: Promise<void>; cancel(): void } {
  let wake = (): void => undefined;
  let timer: NodeJS.Timeout | undefined;
  const promise = new Promise<void>((resolve) => {
    wake = resolve;
    timer = setTimeout(resolve, ms);
  });
  return {
    promise,
    cancel: () => {
      clearTimeout(timer);
      wake();
    },
  };
}

function formatSeconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
}
