import fs from 'node:fs';
import { UsageError, type ParsedArgs } from './args';

/** Flags that fill fields of a run request, for every kind: `--batch-size 10` → `batchSize: 10`. */
const FIELDS: Record<string, { field: string; parse: (value: string, flag: string) => unknown }> = {
  source: { field: 'source', parse: (v) => v },
  path: { field: 'path', parse: (v) => v },
  symbol: { field: 'symbol', parse: (v) => v },
  symbols: {
    field: 'symbols',
    parse: (v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
  },
  from: { field: 'from', parse: (v) => v },
  to: { field: 'to', parse: (v) => v },
  'as-of': { field: 'asOf', parse: (v) => v },
  benchmark: { field: 'benchmark', parse: (v) => v },
  'batch-size': { field: 'batchSize', parse: positiveInteger },
};

export const REQUEST_OPTIONS = ['request', 'request-file', ...Object.keys(FIELDS)] as const;

export const REQUEST_HELP =
  '  --request JSON | --request-file FILE   the whole request (as POST /v1/runs/<kind> takes it)\n' +
  '  --source S --path P --symbol S --symbols A,B --from D --to D --as-of D --benchmark S --batch-size N\n' +
  '                                         set one field each (over --request)\n';

/** The request object from `--request`/`--request-file` and the field flags; undefined when none is given. */
export function requestFrom(args: ParsedArgs): Record<string, unknown> | undefined {
  const inline = args.options.get('request');
  const file = args.options.get('request-file');
  if (inline !== undefined && file !== undefined) throw new UsageError('give --request or --request-file, not both');
  let request: Record<string, unknown> | undefined;
  if (inline !== undefined) request = parseObject(inline, '--request');
  if (file !== undefined) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      throw new UsageError(`cannot read --request-file ${file}`);
    }
    request = parseObject(text, `--request-file ${file}`);
  }
  for (const [flag, { field, parse }] of Object.entries(FIELDS)) {
    const value = args.options.get(flag);
    if (value !== undefined) (request ??= {})[field] = parse(value, flag);
  }
  return request;
}

function parseObject(text: string, what: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new UsageError(`${what} is not valid JSON`);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw new UsageError(`${what} must be a JSON object`);
  return value as Record<string, unknown>;
}

export function positiveInteger(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${flag} must be a positive integer, not "${value}"`);
  return n;
}
