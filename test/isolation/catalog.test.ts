// The isolation floor as the catalog shows it: every table with a tenant_id has RLS enabled and forced, with
// policies that check both reads (USING) and writes (WITH CHECK); the API's role cannot bypass them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Database } from '../../services/api/src/db/index.js';
import { RoleChangeRefused } from '../../services/api/src/db/pglite-pool.js';
import { engineName, isPg, openTestDatabase } from '../helpers/db.js';

let database: Database;
beforeAll(async () => { database = await openTestDatabase(); });
afterAll(async () => { await database?.close(); });

describe(`RLS catalog (${engineName})`, () => {
  it('every table with tenant_id has ENABLE + FORCE RLS and policies covering read and write', async () => {
    const { rows } = await sql<{ table: string; rls: boolean; force: boolean }>`
      select c.relname as table, c.relrowsecurity as rls, c.relforcerowsecurity as force
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind in ('r', 'p')
         and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)
       order by 1`.execute(database.db);
    expect(rows.map((r) => r.table)).toEqual(expect.arrayContaining(['tenant', 'unit', 'app_user', 'cadre', 'audit_event']));
    for (const r of rows) {
      expect.soft(r.rls, `${r.table} ENABLE ROW LEVEL SECURITY`).toBe(true);
      expect.soft(r.force, `${r.table} FORCE ROW LEVEL SECURITY`).toBe(true);
      const pol = await sql<{ cmd: string; qual: string | null; with_check: string | null; roles: string[] }>`
        select cmd, qual, with_check, roles::text[] as roles from pg_policies where schemaname = 'public' and tablename = ${r.table}`.execute(database.db);
      const scoped = pol.rows.filter((p) => p.roles.includes('public'));
      const reads = scoped.filter((p) => ['ALL', 'SELECT'].includes(p.cmd) && p.qual?.includes('app_'));
      const writes = scoped.filter((p) => ['ALL', 'INSERT'].includes(p.cmd) && p.with_check?.includes('app_'));
      expect.soft(reads.length, `${r.table}: a scoped USING policy`).toBeGreaterThan(0);
      expect.soft(writes.length, `${r.table}: a scoped WITH CHECK policy`).toBeGreaterThan(0);
      for (const p of scoped.filter((x) => ['ALL', 'UPDATE'].includes(x.cmd))) {
        expect.soft(p.with_check, `${r.table}: UPDATE policy has WITH CHECK`).toBeTruthy();
      }
      // Policies for a single role exist only for the owner: reads for authentication lookups and verification;
      // the only owner writes are sealing pre-chain audit rows into the chain and purging old ones.
      const OWNER_WRITES = ['audit_event:UPDATE', 'audit_event:DELETE'];
      for (const p of pol.rows.filter((x) => !x.roles.includes('public'))) {
        expect.soft(p.roles).not.toContain(database.apiRole);
        if (!OWNER_WRITES.includes(`${r.table}:${p.cmd}`)) expect.soft(p.cmd, `${r.table}: owner-only policy is read-only`).toBe('SELECT');
      }
    }
  });

  it('every scoped policy checks tenant ids resolved once per statement, none the old per-row subquery form', async () => {
    // app_visible_tenant_ids() in a policy is a hashed subplan the planner cannot use as an index condition (docs/rls.md).
    const { rows } = await sql<{ tablename: string; policyname: string; qual: string | null; with_check: string | null }>`
      select tablename, policyname, qual, with_check from pg_policies where schemaname = 'public' and 'public' = any(roles::text[])
       order by 1, 2`.execute(database.db);
    expect(rows.length).toBeGreaterThan(20);
    for (const p of rows) {
      const text = `${p.qual ?? ''} ${p.with_check ?? ''}`;
      expect.soft(text, `${p.tablename}.${p.policyname}`).not.toMatch(/app_visible_tenant_ids/);
      if (p.policyname.endsWith('_inherited')) {
        // Rules and schemes (migration 0024): the strict ancestors' rows, read-only, resolved once the same way.
        expect.soft(text, `${p.tablename}.${p.policyname}`).toMatch(/tenant_id = ANY \(\( SELECT app_ancestor_tenant_ids\(\) AS app_ancestor_tenant_ids\)::uuid\[\]\)/);
        expect.soft(p.qual ?? '', 'read-only').not.toBe('');
      } else if (p.tablename !== 'tenant') {
        expect.soft(text, `${p.tablename}.${p.policyname}`).toMatch(/tenant_id = ANY \(\( SELECT app_tenant_ids\(\) AS app_tenant_ids\)::uuid\[\]\)/);
      }
    }
    // As an InitPlan: computed once before the first row, then a parameter the scan can use (not a SubPlan per row).
    const plan = await database.db.transaction().execute(async (trx) => {
      await sql`select set_config('app.tenant_path', 'yn.km.km_wh', true)`.execute(trx);
      return (await sql<{ 'QUERY PLAN': string }>`explain select id from cadre where unit_id is not null`.execute(trx)).rows
        .map((r) => r['QUERY PLAN']).join('\n');
    });
    expect(plan).toMatch(/InitPlan/);
    expect(plan).toMatch(/tenant_id = ANY \((\$\d+|\(InitPlan \d+\)\.col\d+)\)/); // PostgreSQL 15 | 17 (PGlite)
    expect(plan).not.toMatch(/SubPlan/);
  });

  it('app_tenant_ids() returns exactly the tenants under the scope path, and nothing without one', async () => {
    const got = await database.db.transaction().execute(async (trx) => {
      const none = (await sql<{ ids: string[] }>`select app_tenant_ids() as ids`.execute(trx)).rows[0].ids;
      await sql`select set_config('app.tenant_path', 'yn.km.km_wh', true)`.execute(trx);
      const wh = (await sql<{ ids: string[] }>`select app_tenant_ids() as ids`.execute(trx)).rows[0].ids;
      const whTenant = (await sql<{ id: string }>`select id from tenant where code = 'km-wh'`.execute(trx)).rows.map((r) => r.id);
      await sql`select set_config('app.tenant_path', 'yn', true)`.execute(trx);
      const all = (await sql<{ ids: string[] }>`select app_tenant_ids() as ids`.execute(trx)).rows[0].ids;
      const tenants = (await sql<{ n: string }>`select count(*) as n from tenant`.execute(trx)).rows[0].n;
      return { none, wh, whTenant, all: all.length, tenants: Number(tenants) };
    });
    expect(got.none).toEqual([]);
    expect(got.wh).toEqual(got.whTenant);
    expect(got.all).toBe(got.tenants);
    expect(got.all).toBeGreaterThan(1);
  });

  it('the API role is not superuser, not BYPASSRLS, and owns no table (nor belongs to a role that does)', async () => {
    const me = await sql<{ u: string }>`select current_user as u`.execute(database.db);
    expect(me.rows[0].u).toBe(isPg ? database.apiRole : 'lz_app');
    const bad = await sql<{ rolname: string }>`
      select rolname from pg_roles where pg_has_role(current_user, oid, 'member') and (rolsuper or rolbypassrls)`.execute(database.db);
    expect(bad.rows).toEqual([]);
    const owned = await sql<{ tablename: string }>`
      select tablename from pg_tables where schemaname = 'public' and pg_has_role(current_user, tableowner, 'member')`.execute(database.db);
    expect(owned.rows).toEqual([]);
  });

  it('the API role may only INSERT and SELECT audit rows, and inserts only the next link of the chain', async () => {
    const r = await sql<Record<string, boolean>>`select
        has_table_privilege(current_user, 'audit_event', 'SELECT') as sel,
        has_table_privilege(current_user, 'audit_event', 'INSERT') as ins,
        has_table_privilege(current_user, 'audit_event', 'UPDATE') as upd,
        has_table_privilege(current_user, 'audit_event', 'DELETE') as del,
        has_table_privilege(current_user, 'audit_event', 'TRUNCATE') as trn`.execute(database.db);
    expect(r.rows[0]).toEqual({ sel: true, ins: true, upd: false, del: false, trn: false });
    // Outside the chain (no link, a stale link): refused by the chain guard.
    await expect(sql`insert into audit_event (operation, kind, outcome) values ('forged', 'read', 'success')`.execute(database.db)).rejects.toThrow(/not the next link of the chain/);
    const forge = (seqOffset: number, prev: (h: string) => string) => database.db.transaction().execute(async (trx) => {
      const h = (await sql<{ last_seq: string; last_hash: string }>`select * from audit_chain_lock()`.execute(trx)).rows[0];
      await sql`insert into audit_event (seq, prev_hash, hash, operation, kind, outcome)
        values (${Number(h.last_seq) + seqOffset}, ${prev(h.last_hash)}, ${'a'.repeat(64)}, 'forged', 'read', 'success')`.execute(trx);
    });
    await expect(forge(0, (x) => x)).rejects.toThrow(/not the next link of the chain/); // a fork: the head's own number again
    await expect(forge(2, (x) => x)).rejects.toThrow(/not the next link of the chain/); // a gap
    await expect(forge(1, () => 'b'.repeat(64))).rejects.toThrow(/not the next link of the chain/); // not linked to the head
    await expect(sql`update audit_event set outcome = 'success'`.execute(database.db)).rejects.toThrow(/permission denied for table audit_event/);
    await expect(sql`update audit_chain_head set last_seq = 0`.execute(database.db)).rejects.toThrow(/permission denied for table audit_chain_head/);
    await expect(sql`delete from audit_event`.execute(database.db)).rejects.toThrow(/permission denied for table audit_event/);
  });

  it('an empty or missing scope sees nothing', async () => {
    const counts = await database.db.transaction().execute(async (trx) => {
      const none = await sql<{ n: string }>`select count(*) as n from cadre`.execute(trx);
      await sql`select set_config('app.tenant_path', '', true)`.execute(trx);
      const empty = await sql<{ n: string }>`select count(*) as n from cadre`.execute(trx);
      const tenants = await sql<{ n: string }>`select count(*) as n from tenant`.execute(trx);
      return [none.rows[0].n, empty.rows[0].n, tenants.rows[0].n].map(Number);
    });
    expect(counts).toEqual([0, 0, 0]);
  });

  it.skipIf(isPg)('PGlite: the session is locked to the API role; role changes are refused', async () => {
    const pool = database.pglite!;
    for (const stmt of ['set role postgres', 'RESET ROLE', 'set session authorization postgres', "select set_config('role', 'postgres', false)", 'reset all', 'SET LOCAL ROLE postgres']) {
      const c = await pool.connect();
      try {
        await expect(c.query(stmt, []), stmt).rejects.toBeInstanceOf(RoleChangeRefused);
      } finally {
        c.release();
      }
    }
    const me = await sql<{ u: string }>`select current_user as u`.execute(database.db);
    expect(me.rows[0].u).toBe('lz_app');
  });
});
