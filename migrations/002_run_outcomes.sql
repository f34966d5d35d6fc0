-- Every run's end is recorded, not only success: the outcome (succeeded, partial, failed; null when cancelled) and,
-- for a failed run, the failure's type and message. Status spells Temporal's execution status (CANCELED).
ALTER TABLE ingestion_runs ADD COLUMN outcome text CHECK (outcome IN ('succeeded', 'partial', 'failed'));
ALTER TABLE ingestion_runs ADD COLUMN error jsonb;

-- The reconcile step looks for runs still marked running; the runs list filters by kind and status.
CREATE INDEX ingestion_runs_running ON ingestion_runs (started_at) WHERE status = 'RUNNING';
CREATE INDEX ingestion_runs_kind_started_at ON ingestion_runs (run_kind, started_at DESC);
