import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config';
import { runCaptured } from './test-support';
import { sharedData } from '../test/support/shared-data';
import { main } from './iby';

const run = (...argv: string[]) => runCaptured(main, argv);

describe('iby dispatcher', () => {
  it('lists its commands on --help', async () => {
    const { code, out } = await run('--help');
    expect(code).toBe(0);
    expect(out).toMatch(/analyze\s+indicators, risk\/performance and trend/);
    expect(out).toMatch(/fundamentals\s+annual ratios/);
  });

  it('lists the operator commands and documents the exit codes', async () => {
    const { out } = await run('--help');
    for (const name of ['run', 'runs', 'watch', 'cancel', 'schedule'])
      expect(out).toMatch(new RegExp(`^  ${name} `, 'm'));
    expect(out).toContain('exit codes:\n  0  success\n');
    expect(out).toMatch(/^ {2}4 {2}the API cannot be reached/m);
  });

  it('prints its version', async () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
      version: string;
    };
    expect(await run('--version')).toEqual({ code: 0, out: `iby ${version}\n`, err: '' });
  });

  it('answers --help on every operator command without reaching the API', async () => {
    for (const name of ['run', 'runs', 'watch', 'cancel', 'schedule']) {
      const { code, out } = await run(name, '--help');
      expect(code).toBe(0);
      expect(out).toMatch(new RegExp(`^usage: iby ${name}`));
      expect(out).toContain('exit codes:');
    }
  });

  it('rejects an unknown or missing command', async () => {
    const unknown = await run('analyse');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/^iby: unknown command "analyse"\n/);
    const none = await run();
    expect(none.code).toBe(2);
    expect(none.err).toContain('usage: iby <command>');
  });

  it('passes the remaining arguments to the command', async () => {
    const analyze = await run('analyze', '--help');
    expect(analyze).toMatchObject({ code: 0, err: '' });
    expect(analyze.out).toContain('usage: iby analyze');
    const fundamentals = await run('fundamentals', '--help');
    expect(fundamentals.code).toBe(0);
    expect(fundamentals.out).toContain('usage: iby fundamentals');
  });
});

const BUILT = path.join(PROJECT_ROOT, 'dist', 'cli', 'iby.js');

// The shipped binary, when `npm run build` has produced dist/: nothing else tests the shim and the exit code.
(fs.existsSync(BUILT) ? describe : describe.skip)('bin/iby.js (built)', () => {
  const bin = path.join(PROJECT_ROOT, 'bin', 'iby.js');

  it('prints the analysis as JSON and exits 0', () => {
    const aapl = sharedData('ohlcv', 'AAPL_2013-02-08_2018-02-07.csv');
    const gspc = sharedData('benchmark', 'GSPC_2013-02-08_2018-02-07.csv');
    const result = spawnSync(process.execPath, [bin, 'analyze', aapl, '--benchmark', gspc, '--json'], {
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout) as { bars: number; risk: { beta: number }; trend: { label: string } };
    expect(json.bars).toBe(1259);
    expect(json.risk.beta).toBeCloseTo(0.9831193793491168, 10);
    expect(json.trend.label).toBe('sideways');
  });

  it('exits non-zero with one line on stderr for a missing file', () => {
    const result = spawnSync(process.execPath, [bin, 'analyze', 'no-such-file.csv'], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('iby analyze: cannot read no-such-file.csv: no such file\n');
  });
});
