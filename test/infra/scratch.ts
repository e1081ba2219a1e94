// Helpers for the infra tests: run a shell script, a scratch PostgreSQL database of its own (never the suite's),
// and fingerprints of every table read as the superuser (past row-level security).
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { repoRoot } from '../../services/api/src/config/index.js';

export { repoRoot };

export function hasBinary(...names: string[]): boolean {
  const dirs = (process.env.PATH ?? '').split(path.delimiter).concat(['/usr/sbin', '/usr/bin', '/sbin', '/bin']);
  return names.every((n) => (n.startsWith('/') ? fs.existsSync(n) : dirs.some((d) => fs.existsSync(path.join(d, n)))));
}

export interface RunResult { code: number; stdout: string; stderr: string }

/** Runs a command without a shell; never rejects (the exit code is in the result). */
export function run(cmd: string, args: string[], opts: { env?: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number } = {}): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(cmd, args, { env: opts.env ?? process.env, cwd: opts.cwd ?? repoRoot, timeout: opts.timeoutMs ?? 45_000, maxBuffer: 32 * 1024 * 1024 },
      (err, stdout, stderr) => {
        const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : 1) : 0;
        resolve({ code, stdout: String(stdout), stderr: String(stderr) });
      });
  });
}

/** A process environment without the suite's database and object-store settings. */
export function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(DATABASE_|BACKUP_|MINIO_|LZ_)/.test(k)) continue;
    env[k] = v;
  }
  return { ...env, LZ_SERVICE: 'lianzheng-api-infra-test', ...extra };
}

export interface Scratch {
  suffix: string;
  dbName: string;
  ownerRole: string;
  databaseUrl: string;
  databaseOwnerUrl: string;
  /** A read-only role with BYPASSRLS, as infra/README.md has production create for backups. */
  backupUrl: string;
  superUrl: string;
  /** Runs SQL as the superuser in the maintenance database. */
  superSql(sql: string): Promise<void>;
  /** Drops and recreates the scratch database empty (same owner, C.UTF-8). */
  recreateEmpty(): Promise<void>;
  drop(): Promise<void>;
}

const pgTestDb = path.join(repoRoot, 'infra/dev/pg-test-db.sh');

/** A fresh database and roles through infra/dev/pg-test-db.sh, plus a backup role. */
export async function createScratch(label: string): Promise<Scratch> {
  const suffix = `${label}_${Date.now().toString(36)}_${process.pid}`;
  const r = await run('bash', [pgTestDb, suffix], { env: cleanEnv({}) });
  if (r.code !== 0) throw new Error(`pg-test-db.sh failed: ${r.stderr}`);
  const exports = Object.fromEntries([...r.stdout.matchAll(/^export (\w+)=(.*)$/gm)].map((m) => [m[1], m[2]]));
  const databaseUrl = exports.DATABASE_URL;
  const databaseOwnerUrl = exports.DATABASE_OWNER_URL;
  const u = new URL(databaseOwnerUrl);
  const dbName = u.pathname.slice(1);
  const ownerRole = decodeURIComponent(u.username);
  const superUser = process.env.PGSUPER ?? 'postgres';
  const superUrl = `postgres://${superUser}@${u.host}/postgres`;
  const backupRole = `lz_backup_${suffix}`;
  const superSql = async (sql: string) => {
    const c = new pg.Client({ connectionString: superUrl });
    await c.connect();
    try { await c.query(sql); } finally { await c.end(); }
  };
  await superSql(`create role ${backupRole} login nosuperuser bypassrls nocreaterole nocreatedb in role pg_read_all_data`);
  return {
    suffix, dbName, ownerRole, databaseUrl, databaseOwnerUrl,
    backupUrl: `postgres://${backupRole}@${u.host}/${dbName}`,
    superUrl,
    superSql,
    recreateEmpty: async () => {
      await superSql(`drop database ${dbName} with (force)`);
      await superSql(`create database ${dbName} owner ${ownerRole} locale 'C.UTF-8' template template0`);
    },
    drop: async () => {
      await run('bash', [pgTestDb, 'drop', suffix], { env: cleanEnv({}) });
      await superSql(`drop role if exists ${backupRole}`).catch(() => undefined);
    },
  };
}

export type Fingerprint = Record<string, { rows: number; md5: string }>;
type Query = <T>(sql: string) => Promise<T[]>;

/** Per table of the public schema: row count and md5 of all rows (as text, in text order). Run it past RLS. */
export async function fingerprintWith(query: Query): Promise<Fingerprint> {
  const tables = await query<{ t: string }>(`select tablename as t from pg_tables where schemaname = 'public' order by 1`);
  const out: Fingerprint = {};
  for (const { t } of tables) {
    const [r] = await query<{ n: string | number; m: string }>(
      `select count(*) as n, md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as m from public."${t}" x`);
    out[t] = { rows: Number(r.n), md5: r.m };
  }
  return out;
}

/** fingerprintWith, read as the PostgreSQL superuser. */
export async function fingerprint(superUrl: string, dbName: string): Promise<Fingerprint> {
  const u = new URL(superUrl);
  u.pathname = `/${dbName}`;
  const c = new pg.Client({ connectionString: u.toString() });
  await c.connect();
  try {
    return await fingerprintWith(async <T,>(sql: string) => (await c.query(sql)).rows as T[]);
  } finally {
    await c.end();
  }
}
