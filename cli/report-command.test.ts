import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseXml } from '../domain/charts/testing/svg';
import { sharedData } from '../test/support/shared-data';
import { main } from './iby';
import { runCaptured } from './test-support';

const AAPL = sharedData('ohlcv', 'AAPL_2013-02-08_2018-02-07.csv');
const GSPC = sharedData('benchmark', 'GSPC_2013-02-08_2018-02-07.csv');
const APPLE_FACTS = sharedData('fundamentals', 'CIK0000320193.json');

const run = (...argv: string[]) => runCaptured(main, ['report', ...argv]);

// Five charts and an analysis per test: seconds on a busy machine.
jest.setTimeout(60_000);

describe('iby report', () => {
  let out: string;
  beforeAll(async () => {
    out = await mkdtemp(path.join(os.tmpdir(), 'iby-report-'));
  });
  afterAll(async () => {
    await rm(out, { recursive: true, force: true });
  });

  it('writes the five charts and the tearsheet of a symbol against a benchmark, with fundamentals', async () => {
    const result = await run(
      AAPL,
      '--benchmark',
      GSPC,
      '--fundamentals',
      APPLE_FACTS,
      '--as-of',
      '2018-02-07',
      '--out',
      out,
    );
    expect(result).toMatchObject({ code: 0, err: '' });
    const files = [
      'price.svg',
      'momentum.svg',
      'drawdown.svg',
      'relative.svg',
      'monthly-returns.svg',
      'tearsheet.html',
    ];
    expect(result.out.trim().split('\n')).toEqual(files.map((f) => path.join(out, f)));
    expect((await readdir(out)).sort()).toEqual([...files].sort());
    for (const svg of files.slice(0, 5))
      expect(parseXml(await readFile(path.join(out, svg), 'utf8'))[0].name).toBe('svg');
    const html = await readFile(path.join(out, 'tearsheet.html'), 'utf8');
    parseXml(html);
    expect(html.match(/<figure class="chart" data-chart="[a-z-]+"[^>]*><svg /g)).toHaveLength(5);
    // The close on 2018-02-07 and Apple's FY2017 10-K, filed 2017-11-03, the last one filed by then.
    expect(html).toContain('<div class="close">159.54</div>');
    expect(html).toContain('10-K FY2017 for the period ending 2017-09-30, filed 2017-11-03');
    expect(html).toMatch(/<th scope="col" class="num">GSPC<\/th>/);
  });

  it('says why there are no fundamentals when none were given', async () => {
    const dir = path.join(out, 'alone');
    expect((await run(AAPL, '--out', dir)).code).toBe(0);
    const html = await readFile(path.join(dir, 'tearsheet.html'), 'utf8');
    expect(html).toContain('No fundamentals: no fundamentals file was given (--fundamentals).');
    expect(html).toContain('(no benchmark)');
  });

  it('refuses a bad command line (2) and unusable data (1)', async () => {
    expect(await run(AAPL)).toMatchObject({
      code: 2,
      err: 'iby report: missing --out <dir> (see iby report --help)\n',
    });
    expect((await run(AAPL, '--out', out, '--as-of', '2018-13-45')).code).toBe(2);
    const missing = await run(path.join(out, 'nope.csv'), '--out', out);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/^iby report: cannot read .*nope\.csv: no such file\n$/);
    const help = await run('--help');
    expect(help).toMatchObject({ code: 0, err: '' });
    expect(help.out).toContain('usage: iby report');
  });
});
