/**
 * A small command-line parser: `--flag`, `--option value`, `--option=value` and positionals. Anything else starting
 * with `-` is an error, so a typo is reported instead of being read as a file name.
 */

/** A bad command line; the message is one line for the user. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface ArgSpec {
  /** Flags without a value, e.g. `json` for `--json`. */
  flags: readonly string[];
  /** Options that take a value, e.g. `symbol` for `--symbol AAPL`. */
  options: readonly string[];
}

export interface ParsedArgs {
  positionals: string[];
  flags: Set<string>;
  options: Map<string, string>;
}

export function parseArgs(argv: readonly string[], spec: ArgSpec): ParsedArgs {
  const parsed: ParsedArgs = { positionals: [], flags: new Set(), options: new Map() };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h') {
      parsed.flags.add('help');
      continue;
    }
    if (!arg.startsWith('--') || arg === '--') {
      if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
      parsed.positionals.push(arg);
      continue;
    }
    const equals = arg.indexOf('=');
    const name = arg.slice(2, equals === -1 ? undefined : equals);
    if (spec.flags.includes(name) || name === 'help') {
      if (equals !== -1) throw new UsageError(`--${name} takes no value`);
      parsed.flags.add(name);
    } else if (spec.options.includes(name)) {
      const value = equals === -1 ? argv[++i] : arg.slice(equals + 1);
      if (value === undefined || (equals === -1 && value.startsWith('--'))) {
        throw new UsageError(`--${name} needs a value`);
      }
      if (parsed.options.has(name)) throw new UsageError(`--${name} given twice`);
      parsed.options.set(name, value);
    } else {
      throw new UsageError(`unknown option --${name}`);
    }
  }
  return parsed;
}
