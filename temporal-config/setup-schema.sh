#!/bin/sh
# Creates (if missing) and migrates Temporal's two Postgres databases with temporal-sql-tool, the way Temporal
# documents a self-hosted setup (the auto-setup image that did this is deprecated). Safe to run again:
# setup-schema -v 0.0 only initialises an empty database, update-schema applies only what is new.
# Runs in temporalio/admin-tools (compose service temporal-schema).
set -eu
: "${POSTGRES_SEEDS:?}" "${POSTGRES_USER:?}" "${POSTGRES_PWD:?}"
port="${DB_PORT:-5432}"
schema_dir=/etc/temporal/schema/postgresql/v12

sql() {
  db="$1"
  shift
  temporal-sql-tool --plugin postgres12 --ep "$POSTGRES_SEEDS" -p "$port" -u "$POSTGRES_USER" --pw "$POSTGRES_PWD" \
    --db "$db" "$@"
}

for pair in "${DBNAME:-temporal}:temporal" "${VISIBILITY_DBNAME:-temporal_visibility}:visibility"; do
  db="${pair%%:*}"
  kind="${pair##*:}"
  sql "$db" create-database 2>/dev/null || echo "database $db exists"
  sql "$db" setup-schema -v 0.0 2>/dev/null || echo "schema of $db already initialised"
  sql "$db" update-schema -d "$schema_dir/$kind/versioned"
  echo "temporal-schema: $db is up to date"
done
