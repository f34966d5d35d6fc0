import { MockActivityEnvironment } from '@temporalio/testing';
import { dailyBars } from '../../application/analysis/test-support';
import type { AnalyzeSymbolsDeps, Resume } from '../../application/analysis';
import { noFundamentals, renderNoArtifacts } from '../../application/analysis';
import type { AnalyzeSymbolsInput, AnalyzeSymbolsResult } from '../../contracts';
import type { AnalysisResultRow } from '../../infra/repositories/analysis-results';
import { analyzeSymbolsActivity } from './analyze-symbols';

const input: AnalyzeSymbolsInput = {
  symbols: ['AAA', 'SHORT', 'BBB'],
  benchmark: '^GSPC',
  analysisWorkflowId: 'analysis-1',
  analysisRunId: 'run-1',
  batchKey: 'b0001',
};

function fakes(overrides: Partial<AnalyzeSymbolsDeps> = {}) {
  const stored: AnalysisResultRow[] = [];
  const reads: string[] = [];
  const deps: Omit<AnalyzeSymbolsDeps, 'progress'> = {
    readBars: (symbol) => {
      reads.push(symbol);
      const bars = dailyBars('2017-01-02', symbol === 'SHORT' ? 2 : 300, `csv|${symbol}`);
      return Promise.resolve({ bars: bars.map((b) => ({ ...b, symbol, origin: b.origin ?? '' })), lineage: [] });
    },
    fundamentals: noFundamentals(),
    renderArtifacts: renderNoArtifacts,
    store: (row) => {
      stored.push(row);
      return Promise.resolve();
    },
    warm: () => Promise.reject(new Error('redis down')),
    ...overrides,
  };
  return { deps, stored, reads };
}

type Deps = Parameters<typeof analyzeSymbolsActivity>[0];

/** `run`'s generic parameters are not inferred from a function reference: name them once here. */
const runIn = (env: MockActivityEnvironment, deps: Deps, batch: AnalyzeSymbolsInput) =>
  env.run<[Deps, AnalyzeSymbolsInput], AnalyzeSymbolsResult, typeof analyzeSymbolsActivity>(
    analyzeSymbolsActivity,
    deps,
    batch,
  );

describe('analyzeSymbols activity', () => {
  it('reads the benchmark once, reports a short symbol by name and goes on, and heartbeats the resume point', async () => {
    const { deps, stored, reads } = fakes();
    const env = new MockActivityEnvironment();
    const beats: unknown[] = [];
    env.on('heartbeat', (details: unknown) => beats.push(details));
    const result = await runIn(env, deps, input);

    expect(reads).toEqual(['^GSPC', 'AAA', 'SHORT', 'BBB']);
    expect(result.failures).toEqual([{ symbol: 'SHORT', reason: 'too few bars for SHORT: 2, need at least 3' }]);
    expect(result.analysed.map((a) => [a.symbol, a.bars, a.chartKeys, a.reportKey])).toEqual([
      ['AAA', 300, {}, null],
      ['BBB', 300, {}, null],
    ]);
    expect(result.barsRead).toBe(602);
    expect(stored.map((r) => [r.symbol, r.benchmark, r.windowFrom, r.analysisRunId])).toEqual([
      ['AAA', '^GSPC', '2017-01-02', 'run-1'],
      ['BBB', '^GSPC', '2017-01-02', 'run-1'],
    ]);
    expect(stored[0].document.benchmark?.symbol).toBe('^GSPC');
    const last = beats.at(-1) as Resume;
    expect(last.next).toBe(3);
    expect(last.partial.analysed).toHaveLength(2);
  });

  it('resumes after the last symbol a lost attempt heartbeated', async () => {
    const { deps, reads } = fakes();
    const resume: Resume = {
      next: 2,
      partial: { batchKey: 'b0001', analysed: [], failures: [{ symbol: 'SHORT', reason: 'earlier' }], barsRead: 5 },
    };
    const env = new MockActivityEnvironment({ heartbeatDetails: resume });
    const result = await runIn(env, deps, input);
    expect(reads).toEqual(['^GSPC', 'BBB']);
    expect(result.failures).toEqual([{ symbol: 'SHORT', reason: 'earlier' }]);
    expect(result.analysed.map((a) => a.symbol)).toEqual(['BBB']);
    expect(result.barsRead).toBe(305);
  });

  it('fails the batch (so Temporal retries) when storing fails, and stores what a renderer returns', async () => {
    const failing = fakes({ store: () => Promise.reject(new Error('database restarting')) });
    await expect(runIn(new MockActivityEnvironment(), failing.deps, input)).rejects.toThrow('database restarting');
    const rendered = fakes({
      renderArtifacts: ({ document }) =>
        Promise.resolve({ charts: { price: `charts/${document.symbol}/price.svg` }, report: null }),
    });
    const result = await runIn(new MockActivityEnvironment(), rendered.deps, {
      ...input,
      symbols: ['AAA'],
      benchmark: null,
    });
    expect(result.analysed[0].chartKeys).toEqual({ price: 'charts/AAA/price.svg' });
    expect(rendered.stored[0]).toMatchObject({ benchmark: 'none', chartKeys: { price: 'charts/AAA/price.svg' } });
  });
});
