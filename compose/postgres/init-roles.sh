#!/bin/sh
# Runs once, when the postgres container initialises an empty data directory (/docker-entrypoint-initdb.d).
# Least privilege: the application database `iby` is owned by iby_migrator (DDL, used by the setup job only);
# workers connect as iby_writer (read and write rows, temporary tables for COPY staging); the API as iby_reader
# (SELECT). Temporal gets its own role owning its two databases. No role but the superuser is SUPERUSER.
set -eu
: "${IBY_MIGRATOR_PASSWORD:?}" "${IBY_WRITER_PASSWORD:?}" "${IBY_READER_PASSWORD:?}" "${TEMPORAL_DB_PASSWORD:?}"

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v migrator_pw="$IBY_MIGRATOR_PASSWORD" -v writer_pw="$IBY_WRITER_PASSWORD" \
  -v reader_pw="$IBY_READER_PASSWORD" -v temporal_pw="$TEMPORAL_DB_PASSWORD" <<'SQL'
CREATE ROLE iby_migrator LOGIN PASSWORD :'migrator_pw';
CREATE ROLE iby_writer LOGIN PASSWORD :'writer_pw';
CREATE ROLE iby_reader LOGIN PASSWORD :'reader_pw';
CREATE ROLE temporal LOGIN PASSWORD :'temporal_pw' CREATEDB;

CREATE DATABASE iby OWNER iby_migrator;
CREATE DATABASE temporal OWNER temporal;
CREATE DATABASE temporal_visibility OWNER temporal;
REVOKE ALL ON DATABASE iby FROM PUBLIC;
GRANT CONNECT ON DATABASE iby TO iby_writer, iby_reader;
-- The load stages each batch in a temporary table.
GRANT TEMPORARY ON DATABASE iby TO iby_writer;
REVOKE ALL ON DATABASE temporal, temporal_visibility FROM PUBLIC;
SQL

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname iby <<'SQL'
REVOKE ALL ON SCHEMA public FROM PUBLIC;
ALTER SCHEMA public OWNER TO iby_migrator;
GRANT USAGE ON SCHEMA public TO iby_writer, iby_reader;
-- Tables the migrator creates later are readable/writable without another grant.
ALTER DEFAULT PRIVILEGES FOR ROLE iby_migrator IN SCHEMA public
  GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO iby_writer;
ALTER DEFAULT PRIVILEGES FOR ROLE iby_migrator IN SCHEMA public
  GRANT USAGE, SELECT ON SEQUENCES TO iby_writer;
ALTER DEFAULT PRIVILEGES FOR ROLE iby_migrator IN SCHEMA public
  GRANT SELECT ON TABLES TO iby_reader;
SQL
echo "init-roles: iby_migrator, iby_writer, iby_reader and temporal created"
