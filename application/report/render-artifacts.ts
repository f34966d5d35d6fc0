/**
 * The analysis activity's renderer: the symbol's report assembled as `iby report` does it, then the five SVGs and the
 * tearsheet written to the object store. One symbol at a time, and nothing is kept: the strings are dropped once
 * stored, so memory does not grow with the batch.
 */
import type { AnalysisDocument } from '../../contracts/analysis';
import { CHART_NAMES } from '../../domain/charts';
import type { ArtifactKeys, RenderArtifacts } from '../analysis/analyze-symbols';
import { assembleSymbolReport } from './assemble-report';
import { chartObjectKey, HTML_CONTENT_TYPE, reportObjectKey, SVG_CONTENT_TYPE } from './artifact-keys';
import type { RejectedForSymbol } from './rejected-rows';

/** The narrow port the renderer writes through. */
export interface ArtifactStore {
  /** Writes one object, marked as drawn for the analysis run `analysisRunId`. */
  put(key: string, body: string, contentType: string, analysisRunId: string): Promise<void>;
}

/** How long one symbol took: assembling (CPU) and storing (I/O), in milliseconds. */
export interface RenderTiming {
  symbol: string;
  renderMs: number;
  storeMs: number;
}

export interface ArtifactRendererDeps {
  store: ArtifactStore;
  /** Rejected rows of the symbol's loads; without it the summary has flags and gaps only, and says so. */
  rejectedFor?: (symbol: string, lineage: AnalysisDocument['inputs']['lineage']) => Promise<RejectedForSymbol>;
  observe?: (timing: RenderTiming) => void;
}

/** What a reader of the tearsheet should know about where its bars came from. */
export function documentNotes(document: AnalysisDocument): string[] {
  const notes = [`${document.frequency} bars from the price store, as of ${document.asOf}`];
  for (const ex of document.inputs.excluded) {
    notes.push(
      `left out: ${ex.bars} ${ex.frequency ?? 'unmatched'} bars (${ex.from} – ${ex.to}) of load ${ex.origin}, ` +
        `another frequency`,
    );
  }
  return notes;
}

export function createArtifactRenderer(deps: ArtifactRendererDeps): RenderArtifacts {
  return async ({ document, bars, benchmark, analysisRunId }) => {
    const quality = deps.rejectedFor
      ? await deps.rejectedFor(document.symbol, document.inputs.lineage)
      : { rejected: null, notes: ['rejected rows: not known for this input'] };
    const started = performance.now();
    const report = assembleSymbolReport({
      analysis: document,
      bars,
      benchmark,
      fundamentals: document.fundamentals,
      fundamentalsMissing: document.fundamentalsReason,
      rejected: quality.rejected,
      notes: [...documentNotes(document), ...quality.notes],
    });
    const rendered = performance.now();
    const keys: ArtifactKeys = { charts: {}, report: reportObjectKey(document.symbol, document.asOf) };
    for (const name of CHART_NAMES) keys.charts[name] = chartObjectKey(document.symbol, document.asOf, name);
    // Six independent objects: written at once, so the symbol waits for the slowest put, not for their sum.
    await Promise.all([
      ...CHART_NAMES.map((name) =>
        deps.store.put(keys.charts[name], report.charts[name], SVG_CONTENT_TYPE, analysisRunId),
      ),
      deps.store.put(keys.report as string, report.html, HTML_CONTENT_TYPE, analysisRunId),
    ]);
    deps.observe?.({ symbol: document.symbol, renderMs: rendered - started, storeMs: performance.now() - rendered });
    return keys;
  };
}
