import type { AnalyzeRequest, IngestFundamentalsRequest, IngestPricesRequest, RunKind, RunOutcome } from '../contracts';

/** Which symbols the analysis stage analyses: those whose bars the prices stage inserted or updated, or all. */
export type PipelineAnalysisSymbols = 'changed' | 'all';

/** The analysis part of a pipeline request: an analysis request whose symbols come from the prices stage. */
export type PipelineAnalysisRequest = Omit<AnalyzeRequest, 'symbols'> & { symbols?: PipelineAnalysisSymbols };

/** A normalised `POST /v1/runs/pipeline` request: the input of `dailyPipeline`. */
export interface DailyPipelineRequest {
  /** One price request, or several run one after another (e.g. a benchmark file and a folder of stocks). */
  prices: IngestPricesRequest[];
  fundamentals?: IngestFundamentalsRequest;
  /** Skip the fundamentals stage when the last fundamentals run that loaded something is younger than this. */
  fundamentalsMaxAgeDays?: number;
  analysis: PipelineAnalysisRequest;
}

export const PIPELINE_STAGES = ['prices', 'fundamentals', 'analysis'] as const;
export type PipelineStageName = (typeof PIPELINE_STAGES)[number];

export interface PipelineChild {
  workflowId: string;
  kind: RunKind;
  status: 'running' | 'done' | 'failed';
  /** The child's own outcome once done (`failed` when the child workflow failed). */
  outcome?: RunOutcome;
  /** A one-line account of what the child did, or why it failed. */
  detail?: string;
}

export interface PipelineStage {
  name: PipelineStageName;
  status: 'pending' | 'running' | 'done' | 'skipped';
  /** Why a stage was skipped. */
  reason?: string;
  children: PipelineChild[];
}

/** The pipeline's `progress` query: the stage it is in, and each child run with its outcome. */
export interface PipelineProgress {
  kind: 'pipeline';
  phase: 'running' | 'done';
  stage: PipelineStageName | 'done';
  stages: PipelineStage[];
  outcome?: RunOutcome;
}

export interface DailyPipelineResult {
  outcome: RunOutcome;
  stages: PipelineStage[];
  /** Symbols whose bars the prices stage inserted or updated. */
  changedSymbols: string[];
  /** Symbols the analysis stage was asked to analyse (empty when it analysed every symbol or was skipped). */
  analysedSymbols: string[];
  /** The day the run is about (the scheduled day of a scheduled run). */
  businessDate: string;
}
