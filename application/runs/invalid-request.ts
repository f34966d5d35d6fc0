/**
 * A run request that breaks a rule the schema cannot express. `field` names the request location the way Fastify's
 * validator does (`body/path`), so every delivery (API, CLI, schedules) can point at the same thing.
 */
export class InvalidRunRequest extends Error {
  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${field} ${problem}`);
    this.name = 'InvalidRunRequest';
  }
}
