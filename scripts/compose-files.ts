import fs from 'node:fs';
import path from 'node:path';
import dotenv from 'dotenv';
import YAML from 'yaml';

/**
 * What `docker compose config` does with a set of files, for a machine without Docker: variables interpolated
 * the Compose way (${X}, ${X:-default}, ${X-default}, ${X:?error}, ${X?error}, $$), then the files merged in
 * order (maps deeply; ports and volumes appended; other lists replaced).
 */
export function interpolate(text: string, env: Record<string, string | undefined>, file = 'compose file'): string {
  return text.replace(
    /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])((?:[^}]|\}(?!\}))*?))?\}/g,
    (match, name, op, arg) => {
      if (match === '$$') return '$';
      const value = env[name as string];
      const unset = value === undefined || ((op as string | undefined)?.startsWith(':') && value === '');
      if (!op) return value ?? '';
      if ((op as string).endsWith('-')) return unset ? (arg as string) : value;
      if (unset) throw new Error(`${file}: required variable ${name as string} is missing: ${arg as string}`);
      return value;
    },
  );
}

export function mergeCompose(base: unknown, override: unknown, key = ''): unknown {
  if (Array.isArray(base) && Array.isArray(override)) {
    return key === 'ports' || key === 'volumes' ? [...(base as unknown[]), ...(override as unknown[])] : override;
  }
  if (isMap(base) && isMap(override)) {
    const merged: Record<string, unknown> = { ...base };
    for (const [k, v] of Object.entries(override)) merged[k] = k in base ? mergeCompose(base[k], v, k) : v;
    return merged;
  }
  return override;
}

/** The files of one stack, each read, interpolated with `env` plus `<dir>/.env`, and merged. */
export function loadComposeStack(dir: string, files: string[], env: Record<string, string | undefined>): unknown {
  const envFile = path.join(dir, '.env');
  const vars = { ...(fs.existsSync(envFile) ? dotenv.parse(fs.readFileSync(envFile)) : {}), ...env };
  return files
    .map((file): unknown =>
      YAML.parse(interpolate(fs.readFileSync(path.join(dir, file), 'utf8'), vars, file), { merge: true }),
    )
    .map(withoutExtensions)
    .reduce((merged, doc) => mergeCompose(merged, doc));
}

/** `x-…` keys are only anchors' homes; Compose drops them. */
function withoutExtensions(doc: unknown): unknown {
  if (!isMap(doc)) return doc;
  return Object.fromEntries(Object.entries(doc).filter(([k]) => !k.startsWith('x-')));
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
