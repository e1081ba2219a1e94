// One home for the database: PostgreSQL through pg when DATABASE_URL is set, otherwise PGlite in ./data.
// Both go through Kysely's PostgresDialect, the same migrations and the same RLS.
import fs from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { ltree } from '@electric-sql/pglite/contrib/ltree';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { Config } from '../config/index.js';
import { migrate, type SqlRunner } from './migrate.js';
import { PGlitePool, pgliteParsers } from './pglite-pool.js';
import { useChainKey } from '../audit/chain.js';
import { appendAnchorFile, sealLegacyChain } from '../audit/anchor.js';
import { auditKeys, type AuditKeys } from '../audit/keys.js';
import { traceSql } from '../telemetry/index.js';
import { prepareMarked } from './prepared.js';
import type { DB } from './types.js';

export type { DB } from './types.js';
export type Engine = 'postgres' | 'pglite';

// uuid[] (2951) comes back as an array like text[]; int8 stays a string (PGlite alike: pgliteParsers). The casts: pg's
// typings list only the built-in type ids it parses itself (not a database type).
pg.types.setTypeParser(2951 as never, (v: string) => (pg.types.getTypeParser(1009 as never) as (s: string) => string[])(v));

export interface Database {
  db: Kysely<DB>;
  engine: Engine;
  /** The login role name the API runs as (for catalog checks). */
  apiRole: string;
  /** PGlite only: the underlying pool (tests use it to prove role changes are refused). */
  pglite?: PGlitePool;
  close(): Promise<void>;
}

function pgRunner(client: pg.Pool | pg.Client): SqlRunner {
  return {
    exec: async (sql) => { await client.query(sql); },
    rows: async <T,>(sql: string) => (await client.query(sql)).rows as T[],
    query: async <T,>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as T[],
  };
}

export interface OpenOptions {
  memory?: boolean;
  poolSize?: number;
  /** PGlite only, tests only: keep the owner session (no switch to the API role). */
  ownerSession?: boolean;
  /** PGlite in memory only, tests only: start from this data directory image (PGlite dumpDataDir), not empty. */
  pgliteImage?: Blob;
}

/**
 * The switch to the keyed chain, once per database in one owner transaction: rows from before the chain are
 * chained and the head is sealed with a signed anchor (audit/anchor.ts), appended to the anchor file once committed.
 */
async function sealAuditRows(runner: SqlRunner, keys: AuditKeys) {
  await runner.exec('begin');
  let seal;
  try {
    seal = await sealLegacyChain((text, params) => runner.query(text, params), keys);
    await runner.exec('commit');
  } catch (e) {
    await runner.exec('rollback');
    throw e;
  }
  if (seal) appendAnchorFile(keys.anchorDir, seal);
}

export async function openDatabase(config: Config, opts: OpenOptions = {}): Promise<Database> {
  // Every audit row this process appends is keyed with the configured chain key.
  useChainKey(config.auditChainKey);
  if (config.databaseUrl) return openPostgres(config, opts.poolSize ?? config.poolSize);
  return openPGlite(config, opts.memory ?? false, opts.ownerSession ?? false, opts.pgliteImage);
}

/**
 * Startup options of every API connection (session defaults set by the server at connect, before any request's SQL,
 * never transaction-local): JIT off — it costs tens of milliseconds per query and never pays off for short OLTP
 * statements — and the timeouts that end a transaction left idle (a stuck request) or a runaway statement.
 * The same values are set on the API role with ALTER ROLE (infra/README.md) as a second line.
 */
export function connectionOptions(config: Pick<Config, 'pgIdleInTransactionTimeoutMs' | 'pgStatementTimeoutMs'>): string {
  const ms = (n: number) => String(Math.max(0, Math.round(n)));
  return [
    '-c jit=off',
    `-c idle_in_transaction_session_timeout=${ms(config.pgIdleInTransactionTimeoutMs)}`,
    `-c statement_timeout=${ms(config.pgStatementTimeoutMs)}`,
  ].join(' ');
}

async function openPostgres(config: Config, poolSize: number): Promise<Database> {
  const owner = new pg.Client({ connectionString: config.databaseOwnerUrl });
  await owner.connect();
  try {
    const runner = pgRunner(owner);
    await migrate(runner, { apiRole: config.appRole });
    await sealAuditRows(runner, auditKeys(config));
    const apiUser = new URL(config.databaseUrl!).username || process.env.PGUSER || 'postgres';
    const ownerUser = (await owner.query('select current_user as u')).rows[0].u as string;
    if (decodeURIComponent(apiUser) !== ownerUser) {
      const member = await owner.query('select pg_has_role($1, $2, \'member\') as m', [decodeURIComponent(apiUser), config.appRole]);
      if (!member.rows[0].m) await owner.query(`grant ${config.appRole} to "${decodeURIComponent(apiUser).replace(/"/g, '""')}"`);
    }
  } finally {
    await owner.end();
  }
  const pool = new pg.Pool({ connectionString: config.databaseUrl, max: poolSize, options: connectionOptions(config) });
  pool.on('error', () => undefined);
  // A connection the server ends while it is checked out (idle-in-transaction or another timeout) emits 'error' on
  // the client, which pg-pool listens for only while the client is idle: without this listener the process would
  // crash. The pending query rejects on its own and the pool discards the dead client on release.
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
    prepareMarked(client);
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), log: traceSql });
  const { rows } = await pool.query('select current_user as u');
  return { db, engine: 'postgres', apiRole: rows[0].u, close: () => db.destroy() };
}

async function openPGlite(config: Config, memory: boolean, ownerSession: boolean, image?: Blob): Promise<Database> {
  let dataDir: string | undefined;
  if (!memory) {
    dataDir = path.join(config.dataDir, 'pglite');
    fs.mkdirSync(dataDir, { recursive: true });
  }
  const instance = await PGlite.create({ dataDir, extensions: { ltree, pg_trgm }, parsers: pgliteParsers, ...(memory && image ? { loadDataDir: image } : {}) });
  const pool = new PGlitePool(instance);
  const runner: SqlRunner = {
    exec: (sql) => pool.exec(sql),
    rows: async <T,>(sql: string) => (await instance.query<T>(sql)).rows,
    query: async <T,>(sql: string, params: unknown[] = []) => (await instance.query<T>(sql, params)).rows,
  };
  await migrate(runner, { apiRole: config.appRole });
  await sealAuditRows(runner, auditKeys(config));
  if (!ownerSession) await pool.lockToRole(config.appRole);
  // PGlitePool implements the part of pg.Pool that Kysely's PostgresDialect uses (not a database type).
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: pool as never }), log: traceSql });
  return { db, engine: 'pglite', apiRole: config.appRole, pglite: pool, close: () => db.destroy() };
}
