-- Analysis results: one document per (symbol, as_of, benchmark, window), with what it was computed from.

CREATE TABLE analysis_results (
  symbol               text COLLATE "C" NOT NULL,
  as_of                date NOT NULL,
  -- The first and last bar analysed: with as_of and the benchmark, what makes two results the same result.
  window_from          date NOT NULL,
  window_to            date NOT NULL,
  -- The benchmark symbol, or 'none'.
  benchmark            text COLLATE "C" NOT NULL,
  frequency            text NOT NULL,
  -- The analysis document (contracts/analysis.ts) with full indicator series.
  document             jsonb NOT NULL,
  -- Chart name → S3 key, and the report's key, once rendered.
  chart_keys           jsonb NOT NULL DEFAULT '{}',
  report_key           text,
  -- The ledger batches (workflow, run, batch) whose price rows were used, for the symbol and the benchmark.
  input_lineage        jsonb NOT NULL,
  analysis_workflow_id text NOT NULL,
  analysis_run_id      text NOT NULL,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (symbol, as_of, benchmark, window_from, window_to)
);

-- "The latest analysis of a symbol" (and "the latest on or before a date") reads this index backwards.
CREATE INDEX analysis_results_latest ON analysis_results (symbol, as_of DESC, updated_at DESC);
