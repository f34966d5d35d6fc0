-- Securities and daily price bars, plus the ledger that makes every load traceable and idempotent.

-- Symbols compare byte-wise (COLLATE "C"): tickers are ASCII, and the key index of a table with millions of
-- bars is several times cheaper to maintain without locale-aware comparisons.
CREATE TABLE securities (
  symbol      text COLLATE "C" PRIMARY KEY,
  name        text,
  cik         text,
  exchange    text,
  currency    text NOT NULL DEFAULT 'USD',
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);

-- No foreign key to securities: the load inserts a batch's securities in the same transaction as its bars, and a
-- per-row foreign-key trigger would cost a quarter of the load's time.
CREATE TABLE price_bars (
  symbol      text COLLATE "C" NOT NULL,
  date        date NOT NULL,
  open        double precision,
  high        double precision,
  low         double precision,
  close       double precision NOT NULL CHECK (close > 0),
  adj_close   double precision,
  volume      bigint,
  -- Quality flags such as missing_open or zero_volume: loaded, but marked.
  flags       text[] NOT NULL DEFAULT '{}',
  source      text NOT NULL,
  -- The workflow that last changed this row.
  workflow_id text NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (symbol, date)
);

-- run_id is the first execution's run id: stable across continue-as-new, new for each rerun of a request.
CREATE TABLE ingestion_runs (
  workflow_id  text NOT NULL,
  run_id       text NOT NULL,
  run_kind     text NOT NULL,
  source       text NOT NULL,
  request      jsonb NOT NULL,
  status       text NOT NULL,
  started_at   timestamptz NOT NULL DEFAULT now(),
  finished_at  timestamptz,
  result       jsonb,
  PRIMARY KEY (workflow_id, run_id)
);
CREATE INDEX ingestion_runs_started_at ON ingestion_runs (started_at DESC);

-- One row per loaded batch. Written in the same transaction as the rows it describes, so a retried
-- load either finds its own ledger row or nothing at all.
CREATE TABLE ingestion_batches (
  workflow_id     text NOT NULL,
  batch_key       text NOT NULL,
  run_id          text NOT NULL,
  source          text NOT NULL,
  symbols         text[] NOT NULL,
  raw_objects     jsonb NOT NULL,
  staged_key      text NOT NULL,
  staged_sha256   text NOT NULL,
  rejected_key    text,
  rows_read       integer NOT NULL,
  rows_loaded     integer NOT NULL,
  rows_rejected   integer NOT NULL,
  rows_filtered   integer NOT NULL,
  rows_inserted   integer NOT NULL,
  rows_updated    integer NOT NULL,
  rows_unchanged  integer NOT NULL,
  loaded_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workflow_id, run_id, batch_key)
);
CREATE INDEX ingestion_batches_loaded_at ON ingestion_batches (loaded_at DESC);
