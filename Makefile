# 廉政档案 — two commands for a fresh machine: `make run` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := run
NPM ?= npm

node_modules/.installed: package.json package-lock.json services/api/package.json web/package.json
	$(NPM) ci --no-audit --no-fund
	@touch $@

install: node_modules/.installed

WEB_SOURCES := $(shell find web/src web/index.html web/vite.config.ts shared -type f 2>/dev/null)
web/dist/index.html: node_modules/.installed $(WEB_SOURCES)
	$(NPM) run build -w web

web: web/dist/index.html

## Start the whole product (PGlite in ./data, files in ./data/objects, demo data) on http://127.0.0.1:$${PORT:-3000}
run: install web
	$(NPM) start --silent

## Reset the demo: delete the embedded database and files in ./data, so the next `make run` seeds the demo afresh.
## Stop the server first. Only the embedded default: it refuses (and deletes nothing) when DATABASE_URL or another
## LZ_DATA_DIR is set — a PostgreSQL database is never touched.
reset-demo:
	@if [ -n "$$DATABASE_URL" ]; then echo "reset-demo: DATABASE_URL is set; only the embedded demo in ./data is reset here, nothing was deleted" >&2; exit 1; fi
	@if [ -n "$$LZ_DATA_DIR" ] && [ "$$(realpath -m "$$LZ_DATA_DIR")" != "$$(realpath -m data)" ]; then echo "reset-demo: LZ_DATA_DIR=$$LZ_DATA_DIR is not ./data; nothing was deleted" >&2; exit 1; fi
	rm -rf ./data
	@echo "演示数据已清除：运行 make run 重新生成演示数据"

## Run the test suite (PostgreSQL when DATABASE_URL is set, PGlite otherwise; browser tests when chromium exists)
test: install web
	npx vitest run

## Benchmarks into BENCHMARKS.md: SUITE=import (import throughput), SUITE=replies (复函 batches of 50 and 500), SUITE=scale (PostgreSQL + PGlite at SIZE cadres:
## search, lists, archive, RLS overhead; test/bench/scale/), default all; SIZE=100000 (or 1000000)
SUITE ?= all
SIZE ?= 100000
bench: install
	@if [ "$(SUITE)" = all ] || [ "$(SUITE)" = import ]; then npx tsx test/bench/imports.mts; fi
	@if [ "$(SUITE)" = all ] || [ "$(SUITE)" = replies ]; then npx tsx test/bench/replies.mts; fi
	@if [ "$(SUITE)" = all ] || [ "$(SUITE)" = scale ]; then SIZE=$(SIZE) npx tsx test/bench/scale/scale.mts; fi

## Type-check API and tests
typecheck: install
	npx tsc -p tsconfig.json
	npx tsc -p web --noEmit

## Verify the access log (as the owner; PGlite: stop the server first): signed anchors, keyed links, tombstones
audit-verify: install
	npx tsx services/api/src/audit/verify-cli.ts

## Print a new AUDIT_CHAIN_KEY and SM2 AUDIT_SIGNING_KEY (with its public key) for production
audit-keygen: install
	npx tsx services/api/src/audit/keygen.ts

## Back up database and objects (env: DATABASE_URL, BACKUP_DATABASE_URL, MINIO_*, BACKUP_ROOT; see infra/README.md)
backup: install
	infra/backup/backup.sh

## Restore a backup: make restore DIR=/var/backups/lianzheng/<timestamp> (stop the API first)
restore: install
	infra/backup/restore.sh $(DIR)

## Print the GraphQL SDL snapshot to schema/schema.graphql, generate the database types
## (services/api/src/db/generated.ts, from the migrations applied to a fresh in-memory PGlite) and the console's
## operation types (web/src/gql, from the SDL and the documents)
schema: install
	$(NPM) run schema:print
	$(NPM) run db:types
	$(NPM) run codegen -w web

.PHONY: install web run reset-demo test typecheck schema audit-verify audit-keygen backup restore bench
