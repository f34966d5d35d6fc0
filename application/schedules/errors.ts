/** A schedule request that cannot be carried out as given; `field` names the bad part (`body/cron`). */
export class ScheduleRequestError extends Error {
  constructor(
    readonly field: string,
    problem: string,
  ) {
    super(`${field} ${problem}`);
    this.name = 'ScheduleRequestError';
  }
}

/** The schedule exists but was not made by iby, so it has no action kind or request we can rewrite. */
export class ForeignScheduleError extends Error {
  constructor(id: string) {
    super(`schedule ${id} was not created by iby; change it in the Temporal UI or CLI`);
    this.name = 'ForeignScheduleError';
  }
}
