-- SEC companyfacts kept point in time: every copy of a fact as each filing reported it, never merged.

CREATE TABLE companies (
  cik          integer PRIMARY KEY CHECK (cik > 0),
  entity_name  text NOT NULL,
  -- The run that last changed this row.
  workflow_id  text NOT NULL,
  updated_at   timestamptz NOT NULL DEFAULT now()
);

-- One row per fact per filing. A later filing that repeats or restates a period has its own accession number,
-- so it is a row of its own beside the original: what was known on any date stays reconstructible (`filed`).
-- Instant (balance-sheet) facts have no period start; NULLS NOT DISTINCT keeps them unique all the same.
CREATE TABLE fundamental_facts (
  cik           integer NOT NULL,
  taxonomy      text COLLATE "C" NOT NULL,
  concept       text COLLATE "C" NOT NULL,
  unit          text COLLATE "C" NOT NULL,
  period_start  date,
  period_end    date NOT NULL,
  -- float8 keeps the JSON number exactly (both are IEEE doubles), so reports from the table equal reports
  -- from the file bit for bit.
  value         double precision NOT NULL,
  accn          text COLLATE "C" NOT NULL,
  fy            smallint,
  fp            text,
  form          text NOT NULL,
  filed         date NOT NULL,
  -- SEC puts the calendar frame on one copy only and moves it as filings arrive: descriptive, not part of the key.
  frame         text,
  -- Lineage: the source, the raw document (sha256 of the archived companyfacts JSON) and the run that last
  -- inserted or changed the row; the batch ledger row of that run names the S3 objects.
  source        text NOT NULL,
  raw_sha256    text NOT NULL,
  workflow_id   text NOT NULL,
  run_id        text NOT NULL,
  batch_key     text NOT NULL,
  updated_at    timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT fundamental_facts_key UNIQUE NULLS NOT DISTINCT (cik, taxonomy, concept, unit, period_end, period_start, accn)
);
-- Point-in-time reads: one company's facts known on a date.
CREATE INDEX fundamental_facts_cik_filed ON fundamental_facts (cik, filed);
CREATE INDEX securities_cik ON securities (cik);
