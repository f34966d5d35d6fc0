/**
 * The tearsheet as an investor sees it: AAPL against the S&P 500 rendered by Chromium, each chart measured on the
 * page, and a full-page PNG kept under test-results/ for a person to look at. Needs Debian's `chromium`; without
 * it the test says so and is skipped.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { PROJECT_ROOT } from '../config';
import { CHART_NAMES } from '../domain/charts';
import { sharedData } from '../test/support/shared-data';
import { main } from './iby';
import { runCaptured } from './test-support';

const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
// CI installs Chromium (.ci/run), so there a missing browser is a broken setup, not a reason to skip.
if (!available && process.env.CI) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install chromium`);
if (!available) process.stdout.write(`report-screenshot: skipped, no Chromium at ${CHROMIUM}\n`);
const maybe = available ? describe : describe.skip;

jest.setTimeout(120_000);

interface ChartBox {
  name: string;
  width: number;
  height: number;
  /**
   * Paths taller than 10 px (data lines, areas, bars, heat-map cells; not grid lines or legend keys) and how much
   * of the chart's width they span together: a chart without data draws axes only.
   */
  drawn: number;
  spread: number;
}

const MEASURE_CHARTS = `Array.from(document.querySelectorAll('figure.chart')).map((figure) => {
  const svg = figure.querySelector('svg');
  const box = svg.getBoundingClientRect();
  const boxes = Array.from(svg.querySelectorAll('path')).map((p) => p.getBoundingClientRect()).filter((b) => b.width > 0 && b.height > 10);
  const left = Math.min(...boxes.map((b) => b.left));
  const right = Math.max(...boxes.map((b) => b.right));
  return { name: figure.dataset.chart, width: box.width, height: box.height, drawn: boxes.length,
    spread: boxes.length ? (right - left) / box.width : 0 };
})`;

maybe('tearsheet in Chromium', () => {
  let browser: Browser;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'iby-shot-'));
    // Root in a container has no user namespace for Chromium's sandbox; the page is our own file.
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  });
  afterAll(async () => {
    await browser?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('renders the five charts of AAPL with a size and drawn content', async () => {
    const result = await runCaptured(main, [
      'report',
      sharedData('ohlcv', 'AAPL_2013-02-08_2018-02-07.csv'),
      '--benchmark',
      sharedData('benchmark', 'GSPC_2013-02-08_2018-02-07.csv'),
      '--fundamentals',
      sharedData('fundamentals', 'CIK0000320193.json'),
      '--as-of',
      '2018-02-07',
      '--out',
      dir,
    ]);
    expect(result.code).toBe(0);
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(`file://${path.join(dir, 'tearsheet.html')}`);
    // Browser code as text: the project compiles without the DOM library.
    const charts = await page.evaluate<ChartBox[]>(MEASURE_CHARTS);
    expect(charts.map((c) => c.name).sort()).toEqual([...CHART_NAMES].sort());
    for (const chart of charts) {
      expect(chart.width).toBeGreaterThan(600);
      expect(chart.height).toBeGreaterThan(150);
      expect(chart.drawn).toBeGreaterThan(0);
      expect(chart.spread).toBeGreaterThan(0.8);
    }
    expect(requests.filter((url) => !url.startsWith('file://'))).toEqual([]);
    const out = path.join(PROJECT_ROOT, 'test-results');
    await mkdir(out, { recursive: true });
    await page.screenshot({ path: path.join(out, 'tearsheet-AAPL.png'), fullPage: true });
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ path: path.join(out, 'tearsheet-AAPL.pdf'), format: 'A4', printBackground: true });
  });
});
