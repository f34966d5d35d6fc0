import type Redis from 'ioredis';

/**
 * Every version bump is published, so a reader that keeps versions in memory (the API, see version-watch.ts) learns
 * of a load or an analysis as it commits instead of asking Redis on each request. The channel carries the client's
 * key prefix: test apps with their own prefixes do not hear each other.
 */
export const versionsChannel = (redis: Pick<Redis, 'options'>): string =>
  `${redis.options.keyPrefix ?? ''}cache:versions`;

/**
 * INCR each key, then PUBLISH `name=version …` once, atomically, so no subscriber sees a version before Redis
 * holds it. KEYS are prefixed by ioredis; the unprefixed names come in ARGV, the channel last.
 */
const BUMP = `
local published = {}
local versions = {}
for i, key in ipairs(KEYS) do
  local version = redis.call('INCR', key)
  versions[i] = version
  published[i] = ARGV[i] .. '=' .. version
end
redis.call('PUBLISH', ARGV[#KEYS + 1], table.concat(published, ' '))
return versions
`;

/** Moves each version on by one and announces the new versions; resolves them in the order of `keys`. */
export async function bumpVersions(redis: Pick<Redis, 'eval' | 'options'>, keys: string[]): Promise<number[]> {
  const unique = [...new Set(keys)];
  const versions = (await redis.eval(BUMP, unique.length, ...unique, ...unique, versionsChannel(redis))) as number[];
  const byKey = new Map(unique.map((key, i) => [key, versions[i]]));
  return keys.map((key) => byKey.get(key)!);
}

/** Parses what `bumpVersions` published: `name=version` pairs separated by spaces. */
export function parseVersionMessage(message: string): [string, number][] {
  return message
    .split(' ')
    .map((pair) => {
      const at = pair.lastIndexOf('=');
      return [pair.slice(0, at), Number(pair.slice(at + 1))] as [string, number];
    })
    .filter(([key, version]) => key.length > 0 && Number.isInteger(version));
}
