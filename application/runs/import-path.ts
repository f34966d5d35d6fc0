import fs from 'node:fs/promises';
import path from 'node:path';
import { InvalidRunRequest } from './invalid-request';

// One message whether the path is missing or outside the roots: the API must not tell callers which files exist.
const OUTSIDE = 'must name an existing file or folder inside an import root';

/**
 * The real path of `requested` when it lies inside one of `roots`, after resolving `..` and symlinks on both
 * sides, so the API never hands a worker an arbitrary file. A relative path is tried against each root in turn.
 */
export async function resolveImportPath(
  requested: string,
  roots: readonly string[],
  field = 'body/path',
): Promise<string> {
  for (const root of roots) {
    const realRoot = await realpathOrNull(root);
    if (!realRoot) continue;
    const real = await realpathOrNull(path.resolve(realRoot, requested));
    if (real && isInside(real, realRoot)) return real;
  }
  throw new InvalidRunRequest(field, OUTSIDE);
}

function isInside(candidate: string, root: string): boolean {
  const relative = path.relative(root, candidate);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

async function realpathOrNull(target: string): Promise<string | null> {
  try {
    return await fs.realpath(target);
  } catch {
    return null;
  }
}
