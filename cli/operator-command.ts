import { ConfigError } from '../config';
import { loadCliConfig } from '../config/cli';
import { ApiError, ApiUnreachableError, createApiClient, type ApiClient } from './api-client';
import { parseArgs, UsageError, type ParsedArgs } from './args';
import { EXIT, EXIT_CODES_HELP } from './exit-codes';

export interface OperatorIo {
  api: ApiClient;
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
  json: boolean;
  /** Between polls of a run; tests shorten it. */
  pollMs: number;
}

export interface OperatorSpec {
  name: string;
  usage: string;
  flags?: readonly string[];
  options?: readonly string[];
}

export type OperatorCommand = (
  argv: string[],
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
  env?: NodeJS.ProcessEnv,
) => Promise<number>;

/**
 * A command that talks to the API: one parser, `--help`, `--json`, and one mapping of failures to exit codes and
 * one-line messages (no stack traces for anything the user can fix).
 */
export function operatorCommand(
  spec: OperatorSpec,
  handler: (args: ParsedArgs, io: OperatorIo) => Promise<number>,
): OperatorCommand {
  return async (argv, out, err, env) => {
    const fail = (code: number, message: string) => {
      err.write(`iby ${spec.name}: ${message}\n`);
      return code;
    };
    try {
      const args = parseArgs(argv, { flags: ['json', ...(spec.flags ?? [])], options: spec.options ?? [] });
      if (args.flags.has('help')) {
        out.write(`${spec.usage}\n${EXIT_CODES_HELP}`);
        return EXIT.ok;
      }
      const config = loadCliConfig(env);
      const pollMs = Number((env ?? process.env).IBY_POLL_MS) || 1000;
      return await handler(args, { api: createApiClient(config), out, err, json: args.flags.has('json'), pollMs });
    } catch (error) {
      if (error instanceof UsageError) return fail(EXIT.usage, `${error.message}\n${spec.usage}`);
      if (error instanceof ConfigError) return fail(EXIT.usage, error.message);
      if (error instanceof ApiError)
        return fail(error.status >= 500 ? EXIT.unavailable : EXIT.refused, `${error.status} ${error.message}`);
      if (error instanceof ApiUnreachableError) return fail(EXIT.unavailable, error.message);
      throw error;
    }
  };
}

/** Prints `value` as JSON with --json, else the human text. */
export function print(io: OperatorIo, value: unknown, text: () => string): void {
  io.out.write(io.json ? `${JSON.stringify(value, null, 2)}\n` : text());
}

/** The single positional argument a command takes (an id), or a usage error naming it. */
export function onePositional(args: ParsedArgs, what: string, skip = 0): string {
  const rest = args.positionals.slice(skip);
  if (rest.length !== 1) throw new UsageError(rest.length ? `expected one ${what}` : `missing the ${what}`);
  return rest[0];
}
