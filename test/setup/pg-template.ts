// One PostgreSQL database per test file (DATABASE_URL set): the run's database (infra/dev/pg-test-db.sh) is migrated
// and seeded once by the global setup and then serves only as the template; every test file gets a copy of it
// (CREATE DATABASE … TEMPLATE, as the owner role, which needs CREATEDB) and drops it afterwards. The copy has the same
// owner, API role and RLS policies as the template: the API role still cannot bypass row-level security.
import crypto from 'node:crypto';
import pg from 'pg';

export const onPostgres = () => !!process.env.DATABASE_URL?.trim();

/** The database name in a connection URL. */
export const databaseOf = (url: string) => decodeURIComponent(new URL(url).pathname.slice(1));

/** url with another database. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = '/' + encodeURIComponent(name);
  return u.toString();
}

const ident = (s: string) => '"' + s.replace(/"/g, '""') + '"';

/** Runs fn with a client on the maintenance database, as the owner role of url's database. */
export async function asOwner<T>(ownerUrl: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: withDatabase(ownerUrl, 'postgres') });
  await c.connect();
  try { return await fn(c); } finally { await c.end(); }
}

/** A fresh copy of template for one test file; the name starts with the template's (cleanup finds it by prefix). */
export async function cloneTemplate(ownerUrl: string, template: string): Promise<string> {
  const name = `${template}_f${process.pid}_${crypto.randomBytes(3).toString('hex')}`;
  await asOwner(ownerUrl, (c) => c.query(`create database ${ident(name)} template ${ident(template)}`));
  return name;
}

export async function dropDatabase(ownerUrl: string, name: string): Promise<void> {
  await asOwner(ownerUrl, (c) => c.query(`drop database if exists ${ident(name)} with (force)`));
}

/** Drops every per-file copy of template left over (a worker that crashed before its afterAll). */
export async function dropCopies(ownerUrl: string, template: string): Promise<void> {
  await asOwner(ownerUrl, async (c) => {
    const like = template.replace(/[\\%_]/g, (x) => '\\' + x) + '\\_f%';
    const { rows } = await c.query<{ datname: string }>('select datname from pg_database where datname like $1', [like]);
    for (const r of rows) await c.query(`drop database if exists ${ident(r.datname)} with (force)`);
  });
}
