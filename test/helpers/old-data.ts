// Migration tests on data written before a migration (PGlite): a database migrated up to, not including, a named
// migration by an owner that is not a superuser (so forced RLS applies to the migration as it does on PostgreSQL),
// and two tenant trees to write old rows into, past RLS.
import { PGlite } from '@electric-sql/pglite';
import { ltree } from '@electric-sql/pglite/contrib/ltree';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { listMigrations } from '../../services/api/src/db/migrate.js';

/** A PGlite database with every migration named before `before` applied; left as the superuser (reset role). */
export async function migratedBefore(before: string): Promise<PGlite> {
  const pg = await PGlite.create({ extensions: { ltree, pg_trgm } });
  await pg.exec(`create extension ltree; create extension pg_trgm;
    create role lz_owner createrole nosuperuser nobypassrls; grant create on schema public to lz_owner;
    create role lz_app nologin nosuperuser nobypassrls noinherit; grant lz_app to lz_owner with admin option;
    set role lz_owner`);
  // As the migrate runner does: app_tenant_table() (0012) grants to the role named here.
  await pg.exec("select set_config('app.api_role', 'lz_app', false)");
  for (const m of listMigrations().filter((x) => x.name < before)) await pg.exec(m.sql);
  await pg.exec('reset role');
  return pg;
}

/** The first row of a query. */
export const firstRow = async <T,>(pg: PGlite, q: string, p: unknown[] = []) => (await pg.query<T>(q, p)).rows[0];

/** Two trees: root za with child za-c, and root zb. Returns their ids. */
export async function twoTrees(pg: PGlite): Promise<{ za: string; child: string; zb: string }> {
  const id = async (q: string, p: unknown[] = []) => (await firstRow<{ id: string }>(pg, q, p)).id;
  const za = await id(`insert into tenant (code, name, kind, path) values ('za', '甲省纪委监委', 'province_commission', 'za') returning id`);
  const child = await id(`insert into tenant (code, name, kind, path, parent_id) values ('za-c', '甲市纪委监委', 'city_commission', 'za.za_c', $1) returning id`, [za]);
  const zb = await id(`insert into tenant (code, name, kind, path) values ('zb', '乙省纪委监委', 'province_commission', 'zb') returning id`);
  return { za, child, zb };
}

/** Apply the migrations from `from` on (the one under test and any after it), as the owner. */
export async function migrateFrom(pg: PGlite, from: string): Promise<void> {
  await pg.exec('set role lz_owner');
  for (const m of listMigrations().filter((x) => x.name >= from)) await pg.exec(m.sql);
  await pg.exec('reset role');
}
