#!/usr/bin/env bash
# Creates a uniquely named database with an owner role and an API login role on the local PostgreSQL
# (trust auth), and prints the DATABASE_URL / DATABASE_OWNER_URL exports. `drop SUFFIX` removes them again, with the
# test suite's per-file copies (lz_test_SUFFIX_f…, made by the owner, hence CREATEDB: test/setup/pg-template.ts).
set -euo pipefail
PGHOST=${PGHOST:-127.0.0.1}; PGPORT=${PGPORT:-5432}; PGSUPER=${PGSUPER:-postgres}
psqlq() { psql -h "$PGHOST" -p "$PGPORT" -U "$PGSUPER" -d postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
if [ "${1:-}" = drop ]; then
  s=$2
  for d in $(psqlq -c "select datname from pg_database where datname like 'lz\\_test\\_${s//_/\\_}\\_f%'"); do
    psqlq -c "drop database if exists \"$d\" with (force)" || true
  done
  psqlq -c "drop database if exists lz_test_$s with (force)" -c "drop role if exists lz_api_$s" -c "drop owned by lz_owner_$s" 2>/dev/null || true
  psqlq -c "drop role if exists lz_owner_$s" 2>/dev/null || true
  exit 0
fi
s=${1:-$(date +%s)_$$}
psqlq <<SQL
create role lz_owner_$s login createrole createdb;
create role lz_api_$s login nosuperuser nobypassrls nocreaterole nocreatedb;
-- Tests only: dropping a per-file copy ends the connections a failed test left open (DROP DATABASE … WITH (FORCE)).
grant pg_signal_backend to lz_owner_$s;
create database lz_test_$s owner lz_owner_$s locale 'C.UTF-8' template template0;
-- As in production (infra/README.md): a transaction left idle or a runaway statement is ended by the server.
alter role lz_api_$s set idle_in_transaction_session_timeout = '${PG_IDLE_IN_TRANSACTION_TIMEOUT:-60}s';
alter role lz_api_$s set statement_timeout = '${PG_STATEMENT_TIMEOUT:-30}s';
SQL
echo "export LZ_PG_SUFFIX=$s"
echo "export DATABASE_URL=postgres://lz_api_$s@$PGHOST:$PGPORT/lz_test_$s"
echo "export DATABASE_OWNER_URL=postgres://lz_owner_$s@$PGHOST:$PGPORT/lz_test_$s"
