import fs from 'node:fs';
import path from 'node:path';

/** One .dockerignore rule: a pattern from the context root, or an exception (`!`) to the rules before it. */
interface Rule {
  regex: RegExp;
  exclude: boolean;
}

/** Reads .dockerignore the way Docker does: comments and blanks skipped, later rules win, `!` re-includes. */
export function parseDockerignore(text: string): Rule[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const exclude = !line.startsWith('!');
      const pattern = path.posix.normalize((exclude ? line : line.slice(1)).replace(/^\/+/, ''));
      return { regex: globToRegex(pattern), exclude };
    });
}

function globToRegex(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*' && pattern[i + 1] === '*') {
      source += '.*';
      i++;
      if (pattern[i + 1] === '/') i++;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  // A rule that names a folder covers what is inside it.
  return new RegExp(`^${source}(/.*)?$`);
}

export function isIgnored(relative: string, rules: Rule[]): boolean {
  let ignored = false;
  for (const rule of rules) if (rule.regex.test(relative)) ignored = rule.exclude;
  return ignored;
}

/** Every file the build context sends, relative to `root` (posix separators). */
export function contextFiles(root: string, rules: Rule[]): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const relative = dir ? `${dir}/${entry.name}` : entry.name;
      // A folder is entered even when ignored, in case an exception re-includes something in it; the files decide.
      if (entry.isDirectory()) {
        if (isIgnored(relative, rules) && !rules.some((r) => !r.exclude)) continue;
        walk(relative);
      } else if (!isIgnored(relative, rules)) files.push(relative);
    }
  };
  walk('');
  return files;
}

export interface DockerInstruction {
  stage: number;
  op: string;
  args: string;
}

/** Instructions of a Dockerfile with continuation lines joined, numbered by stage (FROM starts a new one). */
export function parseDockerfile(text: string): DockerInstruction[] {
  const joined = text.replace(/\\\n/g, ' ');
  const out: DockerInstruction[] = [];
  let stage = -1;
  for (const line of joined.split('\n')) {
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('#')) continue;
    const [, op, args] = /^(\S+)\s*(.*)$/.exec(trimmed) ?? [];
    if (op.toUpperCase() === 'FROM') stage++;
    out.push({ stage, op: op.toUpperCase(), args });
  }
  return out;
}
