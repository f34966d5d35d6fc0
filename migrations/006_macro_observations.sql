-- FRED macro series kept point in time: every vintage of every observation, side by side, as ALFRED publishes them.
-- A revision is a new row beside the value it revises; no load ever changes a stored value.

CREATE TABLE macro_series (
  series_id        text COLLATE "C" PRIMARY KEY,
  -- FRED's `units` of the answers loaded (the transformation asked for: `lin` is the series as published).
  units            text,
  source           text NOT NULL,
  first_seen       timestamptz NOT NULL DEFAULT now(),
  -- The run that last loaded an answer of this series.
  last_workflow_id text NOT NULL,
  last_loaded_at   timestamptz NOT NULL DEFAULT now()
);

-- One row per observation date per vintage: the value FRED reported for `date` from `realtime_start` through
-- `realtime_end` (inclusive; 9999-12-31 while it is still current). What was known on any day D is, per date, the
-- row with realtime_start <= D <= realtime_end that started last (domain/macro/as-of.ts).
CREATE TABLE macro_observations (
  series_id       text COLLATE "C" NOT NULL REFERENCES macro_series (series_id),
  date            date NOT NULL,
  realtime_start  date NOT NULL,
  realtime_end    date NOT NULL,
  -- numeric: FRED's decimal as written (no binary rounding in SQL); null where FRED reported "." (no value then).
  value           numeric,
  source          text NOT NULL,
  -- Lineage: when the row was first stored, by which run, from which archived answer (raw/fred/macro/…/{sha256}.json).
  -- A later run that only closes the vintage (realtime_end) leaves these as they were.
  first_seen      timestamptz NOT NULL DEFAULT now(),
  workflow_id     text NOT NULL,
  run_id          text NOT NULL,
  raw_sha256      text NOT NULL,
  CHECK (realtime_end >= realtime_start),
  PRIMARY KEY (series_id, date, realtime_start)
);
-- As-of reads: one series' vintages in force on a day.
CREATE INDEX macro_observations_realtime ON macro_observations (series_id, realtime_start, realtime_end);

-- The ledger of macro loads: one row per series per run, so a retried load returns its own counts instead of
-- loading again, and a run's answers can be traced to their archived objects.
CREATE TABLE macro_loads (
  workflow_id      text NOT NULL,
  run_id           text NOT NULL,
  series_id        text COLLATE "C" NOT NULL,
  raw_key          text NOT NULL,
  raw_sha256       text NOT NULL,
  origin           text NOT NULL,
  observations     integer NOT NULL,
  missing          integer NOT NULL,
  new_rows         integer NOT NULL,
  revisions        integer NOT NULL,
  closed_vintages  integer NOT NULL,
  extended_vintages integer NOT NULL,
  loaded_at        timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workflow_id, run_id, series_id)
);
