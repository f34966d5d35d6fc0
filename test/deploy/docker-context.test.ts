import { isIgnored, parseDockerfile, parseDockerignore } from '../support/docker-context';

describe('the .dockerignore reader', () => {
  const rules = parseDockerignore('# c\nnode_modules\n.env.*\n!.env.example\ndocs/**/*.md\n/dist\n');
  it('applies folders, globs, exceptions and anchoring like Docker', () => {
    expect(isIgnored('node_modules', rules)).toBe(true);
    expect(isIgnored('node_modules/pg/index.js', rules)).toBe(true);
    expect(isIgnored('src/node_modules', rules)).toBe(false);
    expect(isIgnored('.env.local', rules)).toBe(true);
    expect(isIgnored('.env.example', rules)).toBe(false);
    expect(isIgnored('docs/a/b/c.md', rules)).toBe(true);
    expect(isIgnored('dist/x.js', rules)).toBe(true);
    expect(isIgnored('package.json', rules)).toBe(false);
  });
});

describe('the Dockerfile reader', () => {
  it('numbers stages and joins continued lines', () => {
    const steps = parseDockerfile('ARG A=1\nFROM x AS b\nRUN a \\\n  b\nFROM y\nCOPY --from=b /a ./\n');
    expect(steps).toEqual([
      { stage: -1, op: 'ARG', args: 'A=1' },
      { stage: 0, op: 'FROM', args: 'x AS b' },
      { stage: 0, op: 'RUN', args: 'a    b' },
      { stage: 1, op: 'FROM', args: 'y' },
      { stage: 1, op: 'COPY', args: '--from=b /a ./' },
    ]);
  });
});
