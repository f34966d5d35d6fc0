/** What a run read or command can fail with, for every delivery to translate (HTTP 404/409/503, CLI exit codes). */
export class RunNotFound extends Error {
  constructor(readonly workflowId: string) {
    super(`no run with workflowId ${workflowId}`);
    this.name = 'RunNotFound';
  }
}

export class RunNotRunning extends Error {
  constructor(
    readonly workflowId: string,
    readonly status: string,
  ) {
    super(`run ${workflowId} is ${status}, not RUNNING`);
    this.name = 'RunNotRunning';
  }
}

/** Temporal did not answer in time: the caller gets a clear "try again", never a hang. */
export class TemporalTimeout extends Error {
  constructor(readonly ms: number) {
    super(`the workflow service did not answer within ${ms} ms; try again`);
    this.name = 'TemporalTimeout';
  }
}

/** `promise`, or a TemporalTimeout after `ms`; the timer never keeps the process alive. */
export function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TemporalTimeout(ms)), ms);
    timer.unref();
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}
