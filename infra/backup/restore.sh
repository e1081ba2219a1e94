#!/usr/bin/env bash
# 廉政档案 restore: puts a directory made by backup.sh back, then proves the result against its manifest.
#
#   infra/backup/restore.sh [--yes] [--force] [--skip-objects] [--skip-database] [--skip-audit-verify] BACKUP_DIR
#
# Stop the API first (systemctl stop lianzheng-api). Steps:
#   1. the archive files and object files are re-hashed against manifest.json (a damaged backup stops here, before
#      anything changes);
#   2. PostgreSQL: pg_restore --no-owner --clean --if-exists --single-transaction --exit-on-error into the database of
#      DATABASE_OWNER_URL, connected as the owner. The database must exist and be empty (drop and create it as
#      described in infra/README.md); --force restores over an existing one (pg_restore --clean drops what the dump
#      holds; objects the dump does not know stay). The owner role must have the same name as when the backup was
#      made (policies name it). The group role lz_app is created if missing.
#      PGlite: data.tar is unpacked into LZ_DATA_DIR, which must not hold a database (--force moves it aside);
#   3. objects: every object is uploaded to MINIO_BUCKET (created if missing) with its content type and metadata, then
#      read back and compared (SHA-256, content type, metadata); files.tar goes back into LZ_DATA_DIR/objects;
#   4. every table's rows are compared with the manifest (count and SHA-256), read through BACKUP_DATABASE_URL (a
#      role that bypasses row-level security; without it this step is skipped with a warning);
#   5. the SM3 hash chain of the access log is verified (services/api/src/audit/verify-cli.ts).
# Exit status 0 only when every step succeeded.
set -euo pipefail
umask 077

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
app_dir=${LZ_APP_DIR:-$(cd "$here/../.." && pwd)}
NODE=${NODE:-node}

val() { local v=${!1:-}; v="${v#"${v%%[![:space:]]*}"}"; v="${v%"${v##*[![:space:]]}"}"; printf '%s' "$v"; }
log() { printf 'restore: %s\n' "$*" >&2; }
die() { printf 'restore: error: %s\n' "$*" >&2; exit 1; }

yes= force= skip_objects= skip_db= skip_audit= dir=
while [ $# -gt 0 ]; do
  case $1 in
    --yes|-y) yes=1 ;;
    --force) force=1 ;;
    --skip-objects) skip_objects=1 ;;
    --skip-database) skip_db=1 ;;
    --skip-audit-verify) skip_audit=1 ;;
    -h|--help) sed -n "2,$(($(grep -n '^set -euo' "$0" | cut -d: -f1) - 1))p" "$0"; exit 0 ;;
    -*) die "unknown option $1 (see --help)" ;;
    *) [ -z "$dir" ] || die "only one backup directory"; dir=$1 ;;
  esac
  shift
done
[ -n "$dir" ] || die "usage: restore.sh [--yes] [--force] BACKUP_DIR"
dir=$(cd "$dir" && pwd -P)
[ -f "$dir/manifest.json" ] || die "$dir/manifest.json not found: not a backup directory"

# A field of the manifest ("" when absent).
mf() { "$NODE" -e 'const m=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8"));let v=m;for(const k of process.argv[2].split("."))v=v==null?undefined:v[k];process.stdout.write(v==null?"":typeof v==="object"?"1":String(v))' "$dir/manifest.json" "$1"; }

data_dir=$(val LZ_DATA_DIR); data_dir=${data_dir:-$app_dir/data}
mode=$(mf mode)
case $mode in postgres|pglite) ;; *) die "$dir/manifest.json names no known mode (\"$mode\")" ;; esac
has_objects=$(mf objects)
has_files_tar=
[ -f "$dir/files.tar" ] && has_files_tar=1

log "checking the backup files against the manifest"
"$NODE" "$here/manifest.mjs" check "$dir" >&2
[ -n "$has_objects" ] && [ -z "$skip_objects" ] && "$NODE" "$here/objects.mjs" check "$dir" >&2

service=$(val LZ_SERVICE); service=${service:-lianzheng-api}
if command -v systemctl >/dev/null && systemctl is-active --quiet "$service" 2>/dev/null; then
  die "$service is running: stop it first (systemctl stop $service)"
fi

if [ -z "$yes" ]; then
  if [ -t 0 ]; then
    printf 'Restore %s (%s) over the configured database and object store? Type YES: ' "$dir" "$mode" >&2
    read -r answer
    [ "$answer" = YES ] || die "cancelled"
  else
    die "not a terminal: pass --yes to confirm the restore"
  fi
fi

# ---- database -------------------------------------------------------------------------------------------------
owner_url=
if [ -z "$skip_db" ] && [ "$mode" = postgres ]; then
  owner_url=$(val DATABASE_OWNER_URL); owner_url=${owner_url:-$(val DATABASE_URL)}
  [ -n "$owner_url" ] || die "DATABASE_OWNER_URL is not set"
  command -v pg_restore >/dev/null || die "pg_restore not found (apt-get install postgresql-client-15)"
  export PGTZ=UTC PGCLIENTENCODING=UTF8 PGDATESTYLE=ISO
  psqlo() { psql -X -qAt -v ON_ERROR_STOP=1 -d "$owner_url" "$@"; }

  tables_now=$(psqlo -c "select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace
                          where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'S')")
  if [ "$tables_now" != 0 ] && [ -z "$force" ]; then
    die "the target database is not empty ($tables_now relations). Drop and create it empty (infra/README.md, 恢复),
  or pass --force to restore over it"
  fi
  dump_owner=$(pg_restore --list "$dir/db.dump" | awk '$4 == "TABLE" && $5 == "public" && !seen { print $NF; seen = 1 }')
  me=$(psqlo -c 'select current_user')
  if [ -n "$dump_owner" ] && [ "$dump_owner" != "$me" ]; then
    die "the backup was made of a database owned by $dump_owner, and DATABASE_OWNER_URL connects as $me.
  The row-level security policies name the owner: restore as $dump_owner (create that role if needed)"
  fi
  psqlo -c "do \$\$ begin
      if not exists (select 1 from pg_roles where rolname = 'lz_app') then
        create role lz_app nologin nosuperuser nobypassrls noinherit;
      end if;
    end \$\$"

  log "restoring the database as $me (pg_restore)"
  pg_restore --no-owner --clean --if-exists --single-transaction --exit-on-error --no-password \
    --dbname="$owner_url" "$dir/db.dump"
  log "database restored"
elif [ -z "$skip_db" ] && [ "$mode" = pglite ]; then
  [ -f "$dir/data.tar" ] || die "$dir/data.tar is missing"
  if [ -d "$data_dir" ] && [ -n "$(ls -A "$data_dir" 2>/dev/null)" ]; then
    [ -n "$force" ] || die "$data_dir is not empty: move it away first, or pass --force to move it aside"
    aside="$data_dir.before-restore-$(date -u +%Y%m%dT%H%M%SZ)"
    mv "$data_dir" "$aside"
    log "moved the current data directory to $aside"
  fi
  mkdir -p "$data_dir"
  tar -C "$data_dir" -xf "$dir/data.tar"
  log "data directory restored into $data_dir"
fi

# ---- objects --------------------------------------------------------------------------------------------------
if [ -z "$skip_objects" ] && [ -n "$has_objects" ]; then
  [ -n "$(val MINIO_ENDPOINT)" ] || die "the backup holds objects of bucket $(mf objects.bucket) but MINIO_ENDPOINT is not set"
  log "restoring $(mf objects.count) object(s) into bucket $(val MINIO_BUCKET)"
  "$NODE" "$here/objects.mjs" restore "$dir" >&2
elif [ -z "$skip_objects" ] && [ -n "$has_files_tar" ] && [ -f "$dir/files.tar" ]; then
  if [ -d "$data_dir/objects" ] && [ -n "$(ls -A "$data_dir/objects")" ] && [ -z "$force" ]; then
    die "$data_dir/objects is not empty: move it away first, or pass --force to unpack over it"
  fi
  mkdir -p "$data_dir"
  tar -C "$data_dir" -xf "$dir/files.tar"
  log "filesystem object store restored into $data_dir/objects"
fi

# ---- verification ---------------------------------------------------------------------------------------------
if [ -z "$skip_db" ] && [ "$mode" = postgres ]; then
  verify_url=$(val BACKUP_DATABASE_URL)
  if [ -z "$verify_url" ]; then
    log "warning: BACKUP_DATABASE_URL is not set, so rows cannot be counted past row-level security: row check skipped"
  else
    export PGOPTIONS="${PGOPTIONS:-} -c extra_float_digits=3 -c IntervalStyle=postgres"
    bad=0 n=0
    tmp=$(mktemp)
    while IFS=$'\t' read -r table rows sum columns; do
      [ -n "$table" ] || continue
      n=$((n + 1))
      psql -X -qAt -v ON_ERROR_STOP=1 -d "$verify_url" -c "COPY $table $columns TO STDOUT" > "$tmp"
      got_rows=$(wc -l < "$tmp" | tr -d ' ')
      got_sum=$(LC_ALL=C sort "$tmp" | sha256sum | cut -d' ' -f1)
      if [ "$got_rows" != "$rows" ] || [ "$got_sum" != "$sum" ]; then
        log "MISMATCH $table: $got_rows rows (backup: $rows), checksum ${got_sum:0:12}… (backup: ${sum:0:12}…)"
        bad=$((bad + 1))
      fi
    done < <("$NODE" "$here/manifest.mjs" tables "$dir")
    rm -f "$tmp"
    [ "$bad" = 0 ] || die "$bad of $n tables differ from the backup"
    log "all $n tables match the manifest (rows and checksums)"
  fi
fi

if [ -z "$skip_db" ] && [ -z "$skip_audit" ]; then
  log "verifying the access log's hash chain"
  if [ "$mode" = postgres ]; then
    api_url=$(val DATABASE_URL); api_url=${api_url:-$owner_url}
    (cd "$app_dir" && DATABASE_URL=$api_url DATABASE_OWNER_URL=$owner_url "$NODE" --import tsx services/api/src/audit/verify-cli.ts) >&2
  else
    (cd "$app_dir" && env -u DATABASE_URL -u DATABASE_OWNER_URL LZ_DATA_DIR="$data_dir" "$NODE" --import tsx services/api/src/audit/verify-cli.ts) >&2
  fi
fi

log "restore of $dir finished; start the API: systemctl start $service"
