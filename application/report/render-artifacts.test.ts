import { Readable } from 'node:stream';
import { buildAnalysisDocument } from '../analysis';
import { dailyBars } from '../analysis/test-support';
import { parseXml } from '../../domain/charts/testing/svg';
import { CHART_NAMES } from '../../domain/charts';
import { readArtifact } from './read-artifact';
import { createArtifactRenderer, type RenderTiming } from './render-artifacts';

const bars = dailyBars('2017-01-02', 260, 'csv|w1').map((b) => ({ ...b, symbol: 'AAA' }));
const bench = dailyBars('2017-01-02', 260, 'csv|w2').map((b) => ({ ...b, symbol: '^IDX', close: b.close * 2 }));

describe('the artifact renderer', () => {
  it('stores five SVGs and the tearsheet under their keys with content types, and times the symbol', async () => {
    const built = await buildAnalysisDocument({
      series: { symbol: 'AAA', bars },
      benchmark: { symbol: '^IDX', bars: bench },
    });
    const stored = new Map<string, { body: string; type: string; run: string }>();
    const timings: RenderTiming[] = [];
    const render = createArtifactRenderer({
      store: {
        put: (key, body, type, run) => {
          stored.set(key, { body, type, run });
          return Promise.resolve();
        },
      },
      observe: (t) => timings.push(t),
    });
    const keys = await render({
      document: built.document,
      analysis: built.analysis,
      bars: built.bars,
      benchmark: built.benchmarkBars,
      analysisRunId: 'run-1',
    });
    const asOf = bars.at(-1)!.date;
    expect(keys).toEqual({
      charts: Object.fromEntries(CHART_NAMES.map((n) => [n, `charts/AAA/${asOf}/${n}.svg`])),
      report: `reports/AAA/${asOf}/tearsheet.html`,
    });
    expect([...stored.keys()]).toEqual([...Object.values(keys.charts), keys.report]);
    expect([...stored.values()].map((o) => o.run)).toEqual(Array(6).fill('run-1'));
    for (const key of Object.values(keys.charts)) {
      expect(stored.get(key)!.type).toBe('image/svg+xml');
      expect(parseXml(stored.get(key)!.body)[0].name).toBe('svg');
    }
    const html = stored.get(keys.report!)!;
    expect(html.type).toBe('text/html; charset=utf-8');
    // Without a ledger reader the summary has flags and gaps, and says rejected rows are not known.
    expect(html.body).toContain('<th scope="row">Rejected rows</th><td>not known for this input</td>');
    expect(html.body).toContain(`daily bars from the price store, as of ${asOf}`);
    expect(html.body).toContain('No fundamentals: no fundamentals loaded.');
    expect(timings.map((t) => t.symbol)).toEqual(['AAA']);
    expect(timings[0].renderMs).toBeGreaterThan(0);
    expect(timings[0].storeMs).toBeGreaterThanOrEqual(0);
  });
});

describe('reading a stored artifact', () => {
  const latestKeys = (symbol: string, asOf?: string) =>
    Promise.resolve(
      symbol === 'AAA' && (asOf === undefined || asOf >= '2018-01-02')
        ? {
            asOf: '2018-01-02',
            chartKeys: { price: 'charts/AAA/2018-01-02/price.svg' },
            reportKey: null,
            analysisRunId: 'run-1',
          }
        : null,
    );
  const open = (key: string) =>
    Promise.resolve(key.endsWith('price.svg') ? { body: Readable.from(['<svg/>']), analysisRunId: 'run-1' } : null);

  it('finds the chart of the latest analysis, or says why there is none', async () => {
    const found = await readArtifact({ latestKeys, open }, 'AAA', { chart: 'price' });
    expect(found).toMatchObject({ found: true, contentType: 'image/svg+xml', asOf: '2018-01-02' });
    expect(await readArtifact({ latestKeys, open }, 'AAA', { chart: 'price' }, '2017-06-30')).toEqual({
      found: false,
      message: 'no analysis of AAA as of 2017-06-30 or earlier; start one with POST /v1/runs/analysis',
    });
    expect(await readArtifact({ latestKeys, open }, 'AAA', 'report')).toEqual({
      found: false,
      message: 'the analysis of AAA as of 2018-01-02 has no rendered tearsheet',
    });
    expect(await readArtifact({ latestKeys, open }, 'AAA', { chart: 'momentum' })).toEqual({
      found: false,
      message: 'the analysis of AAA as of 2018-01-02 has no rendered momentum chart',
    });
    const gone = await readArtifact({ latestKeys, open: () => Promise.resolve(null) }, 'AAA', { chart: 'price' });
    expect(gone).toEqual({ found: false, message: 'the price chart of AAA as of 2018-01-02 is missing from storage' });
  });
});
