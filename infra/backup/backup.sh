#!/usr/bin/env bash
# 廉政档案 backup: the database and the object store into one timestamped directory with a manifest.
#
#   infra/backup/backup.sh [--root DIR] [--keep-days N]
#
# PostgreSQL mode (DATABASE_URL set):
#   db.dump        pg_dump -Fc, made through BACKUP_DATABASE_URL — a read-only role with BYPASSRLS (see
#                  infra/README.md): every tenant table has FORCE ROW LEVEL SECURITY, so neither the API role nor
#                  the owner can read all rows, and pg_dump refuses ("query would be affected by row-level security").
#   objects/       every object of MINIO_BUCKET, stored by SHA-256 (infra/backup/objects.mjs); objects unchanged
#                  since the latest backup are hard-linked from it (OBJECTS_FULL=1 downloads all). When no MinIO is
#                  configured, files.tar holds LZ_DATA_DIR/objects (the filesystem object store) instead.
#   manifest.json  per table: rows and SHA-256 of its rows; per object: key, size, SHA-256, content type, metadata;
#                  SHA-256 of every archive file.
# PGlite mode (DATABASE_URL unset): data.tar is a copy of LZ_DATA_DIR (database and files). PGlite admits one process
#   and cannot be copied while it runs: the service (LZ_SERVICE, default lianzheng-api) must be stopped, or set
#   BACKUP_STOP_SERVICE=1 to have this script stop it and start it again (needs root).
#
# Environment (an empty variable counts as unset, like the API's own configuration):
#   BACKUP_ROOT (default /var/backups/lianzheng), BACKUP_KEEP_DAYS (default 14; 0 keeps all; the newest
#   BACKUP_KEEP_MIN, default 3, are always kept), BACKUP_DATABASE_URL, DATABASE_URL, LZ_DATA_DIR, MINIO_ENDPOINT,
#   MINIO_PORT, MINIO_USE_SSL, MINIO_ACCESS_KEY, MINIO_SECRET_KEY, MINIO_BUCKET, and BACKUP_POST_HOOK: a shell
#   command run after a successful backup, with the new directory in $1 and $BACKUP_DIR (e.g. a copy off the machine).
#   anchors.tar    the signed heads of the access-log chain (AUDIT_ANCHOR_DIR, default LZ_DATA_DIR/audit-anchors).
# Prints the finished directory on the last line. Exit status non-zero on any failure (nothing half-made is left).
set -euo pipefail
umask 077

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
app_dir=${LZ_APP_DIR:-$(cd "$here/../.." && pwd)}
NODE=${NODE:-node}

# The value of a variable with surrounding blanks removed ("" when unset).
val() { local v=${!1:-}; v="${v#"${v%%[![:space:]]*}"}"; v="${v%"${v##*[![:space:]]}"}"; printf '%s' "$v"; }
log() { printf 'backup: %s\n' "$*" >&2; }
die() { printf 'backup: error: %s\n' "$*" >&2; exit 1; }

root=$(val BACKUP_ROOT); root=${root:-/var/backups/lianzheng}
keep_days=$(val BACKUP_KEEP_DAYS); keep_days=${keep_days:-14}
keep_min=$(val BACKUP_KEEP_MIN); keep_min=${keep_min:-3}
while [ $# -gt 0 ]; do
  case $1 in
    --root) root=$2; shift 2 ;;
    --keep-days) keep_days=$2; shift 2 ;;
    -h|--help) sed -n "2,$(($(grep -n '^set -euo' "$0" | cut -d: -f1) - 1))p" "$0"; exit 0 ;;
    *) die "unknown argument $1 (see --help)" ;;
  esac
done
[[ $keep_days =~ ^[0-9]+$ ]] || die "BACKUP_KEEP_DAYS must be a number of days"
[[ $keep_min =~ ^[0-9]+$ ]] || die "BACKUP_KEEP_MIN must be a number"

data_dir=$(val LZ_DATA_DIR); data_dir=${data_dir:-$app_dir/data}
database_url=$(val DATABASE_URL)
minio_endpoint=$(val MINIO_ENDPOINT)
service=$(val LZ_SERVICE); service=${service:-lianzheng-api}

mkdir -p "$root"
chmod 700 "$root"
exec 9>"$root/.lock"
flock -n 9 || die "another backup is running in $root"

ts=$(date -u +%Y%m%dT%H%M%SZ)
final="$root/$ts"
[ -e "$final" ] && die "$final already exists"
work="$root/.partial-$ts"
rm -rf "$work"
mkdir "$work"

restart_service=
finish() {
  local rc=$?
  if [ -n "$restart_service" ]; then
    log "starting $service again"
    systemctl start "$service" || { log "could not start $service"; rc=1; }
  fi
  if [ "$rc" -ne 0 ] && [ -n "$work" ]; then
    rm -rf "$work"
    log "failed; nothing was kept"
  fi
  exit "$rc"
}
trap finish EXIT

if [ -n "$database_url" ]; then
  mode=postgres
  dump_url=$(val BACKUP_DATABASE_URL)
  [ -n "$dump_url" ] || die "BACKUP_DATABASE_URL is not set. The dump needs a role that bypasses row-level security
  (all tenant tables FORCE it, so the owner sees only part of the rows): create lz_backup as described in infra/README.md."
  command -v pg_dump >/dev/null || die "pg_dump not found (apt-get install postgresql-client-15)"
  # Text of dates in the dump and in the restore check must agree: pin the session settings.
  export PGTZ=UTC PGCLIENTENCODING=UTF8 PGDATESTYLE=ISO
  server_num=$(psql -X -qAt -v ON_ERROR_STOP=1 -d "$dump_url" -c 'show server_version_num')
  client_major=$(pg_dump --version | sed -E 's/.* ([0-9]+)(\.[0-9]+)?.*/\1/')
  [ "$client_major" -ge $((server_num / 10000)) ] || die "pg_dump $client_major is older than the server ($server_num)"

  log "dumping the database (pg_dump -Fc)"
  pg_dump --format=custom --no-password --file="$work/db.dump" --dbname="$dump_url"

  # Rows and a checksum per table, taken from the dump itself: the COPY block of each table, sorted bytewise.
  log "counting rows in the dump"
  split="$work/.tables"
  mkdir "$split"
  pg_restore --data-only --file=- "$work/db.dump" | LC_ALL=C awk -v dir="$split" '
    incopy && $0 == "\\." { incopy = 0; close(rows); next }
    incopy { print > rows; next }
    /^COPY [^ ]+ \(.*\) FROM stdin;$/ {
      n++; incopy = 1; rows = dir "/" n ".rows"; printf "" > rows
      hdr = dir "/" n ".hdr"; print > hdr; close(hdr)
    }'
  : > "$work/db-tables.tsv"
  for hdr in "$split"/*.hdr; do
    [ -e "$hdr" ] || continue
    rows_file=${hdr%.hdr}.rows
    line=$(cat "$hdr")
    table=$(printf '%s' "$line" | awk '{print $2}')
    columns=$(printf '%s' "$line" | sed -E 's/^COPY [^ ]+ //; s/ FROM stdin;$//')
    count=$(wc -l < "$rows_file" | tr -d ' ')
    sum=$(LC_ALL=C sort "$rows_file" | sha256sum | cut -d' ' -f1)
    printf '%s\t%s\t%s\t%s\n' "$table" "$count" "$sum" "$columns" >> "$work/db-tables.tsv"
  done
  rm -rf "$split"
  export BACKUP_SERVER_VERSION=$server_num

  if [ -n "$minio_endpoint" ]; then
    log "copying the objects of bucket $(val MINIO_BUCKET)"
    previous=
    [ -L "$root/latest" ] && [ -f "$root/latest/manifest.json" ] && previous=$(cd "$root/latest" && pwd -P)
    OBJECTS_PREVIOUS=$previous "$NODE" "$here/objects.mjs" backup "$work" >&2
  elif [ -d "$data_dir/objects" ]; then
    log "archiving the filesystem object store $data_dir/objects"
    tar -C "$data_dir" -cf "$work/files.tar" objects
  else
    log "no object store configured (MINIO_ENDPOINT unset, no $data_dir/objects): database only"
  fi
else
  mode=pglite
  [ -d "$data_dir/pglite" ] || die "no embedded database in $data_dir/pglite (set DATABASE_URL for PostgreSQL)"
  if command -v systemctl >/dev/null && systemctl is-active --quiet "$service" 2>/dev/null; then
    [ "$(val BACKUP_STOP_SERVICE)" = 1 ] || die "$service is running: PGlite cannot be copied while it runs. Stop it, or set BACKUP_STOP_SERVICE=1"
    log "stopping $service for the copy"
    systemctl stop "$service"
    restart_service=1
  fi
  log "archiving the data directory $data_dir"
  tar -C "$data_dir" -cf "$work/data.tar" .
  if [ -n "$restart_service" ]; then
    systemctl start "$service"
    restart_service=
  fi
fi

# The signed heads of the access-log chain (outside the database by design): kept with every backup, never restored
# over a newer directory (make audit-verify reads them; see infra/README.md).
anchor_dir=$(val AUDIT_ANCHOR_DIR); anchor_dir=${anchor_dir:-$data_dir/audit-anchors}
if [ -d "$anchor_dir" ]; then
  log "archiving the signed audit-chain heads $anchor_dir"
  tar -C "$anchor_dir" -cf "$work/anchors.tar" .
fi

BACKUP_MODE=$mode BACKUP_APP_COMMIT=$(git -C "$app_dir" rev-parse HEAD 2>/dev/null || true) \
BACKUP_APP_VERSION=$("$NODE" -p "require('$app_dir/package.json').version" 2>/dev/null || true) \
  "$NODE" "$here/manifest.mjs" write "$work" >&2

mv "$work" "$final"
work=
ln -sfn "$ts" "$root/latest"
log "finished: $final"

# Retention: drop backups older than keep_days, always keeping the newest keep_min.
if [ "$keep_days" -gt 0 ]; then
  cutoff=$(date -u -d "-$keep_days days" +%Y%m%dT%H%M%SZ)
  mapfile -t all < <(find "$root" -mindepth 1 -maxdepth 1 -type d -name '[0-9]*T[0-9]*Z' -printf '%f\n' | LC_ALL=C sort -r)
  for i in "${!all[@]}"; do
    name=${all[$i]}
    if [ "$i" -ge "$keep_min" ] && [[ $name < $cutoff ]]; then
      log "removing old backup $name"
      rm -rf "${root:?}/$name"
    fi
  done
fi

hook=$(val BACKUP_POST_HOOK)
if [ -n "$hook" ]; then
  log "running BACKUP_POST_HOOK"
  BACKUP_DIR=$final bash -c "$hook" backup-post-hook "$final" >&2 || die "BACKUP_POST_HOOK failed (the backup itself is complete: $final)"
fi
echo "$final"
