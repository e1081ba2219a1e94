// Migration 0012: units and filler assignments stay within one tenant (composite keys), one revision per record
// version, the one-line RLS helper, and the system actor in the access log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Database } from '../../services/api/src/db/index.js';
import { withScope } from '../../services/api/src/db/scope.js';
import { seedDemo } from '../../services/api/src/seed/demo.js';
import type { OwnerQuery } from '../../services/api/src/audit/chain.js';
import { verifyChain } from '../../services/api/src/audit/verify.js';
import { auditKeys } from '../../services/api/src/audit/keys.js';
import { sweepAllBatches } from '../../services/api/src/modules/imports/batches.js';
import { DEMO_PASSWORD, engineName, openOwnerDatabase, testConfig } from '../helpers/db.js';

let database: Database;
let q: OwnerQuery;
let close: () => Promise<void> = async () => undefined;

beforeAll(async () => {
  // The probes below create a table and read the whole log as the owner.
  ({ database, q, close } = await openOwnerDatabase(testConfig(), { memory: true }));
  await seedDemo(database.db, DEMO_PASSWORD);
});
afterAll(() => close());

/** Work as the API would (the province's scope sees both counties), rolled back at the end. */
async function rolledBack(fn: (trx: Parameters<Parameters<typeof withScope>[2]>[0]) => Promise<void>) {
  const done = new Error('rolled back');
  await expect(withScope(database.db, 'yn', async (trx) => { await fn(trx); throw done; })).rejects.toBe(done);
}

async function twoTenants(trx: Parameters<Parameters<typeof withScope>[2]>[0]) {
  const t = await trx.selectFrom('tenant').select(['id', 'code']).where('code', 'in', ['km-wh', 'km-pl']).execute();
  const wh = t.find((r) => r.code === 'km-wh')!.id, pl = t.find((r) => r.code === 'km-pl')!.id;
  const unitOf = async (tenantId: string) => (await trx.selectFrom('unit').select('id').where('tenant_id', '=', tenantId).limit(1).executeTakeFirstOrThrow()).id;
  const filler = (await trx.selectFrom('app_user').select('id').where('username', '=', 'km-wh.filler').executeTakeFirstOrThrow()).id;
  return { wh, pl, whUnit: await unitOf(wh), plUnit: await unitOf(pl), filler };
}

describe(`migration 0012: structure (${engineName})`, () => {
  it('a unit whose parent belongs to another tenant is refused; one of its own tenant is accepted', async () => {
    await rolledBack(async (trx) => {
      const { wh, whUnit, plUnit } = await twoTenants(trx);
      await trx.insertInto('unit').values({ tenant_id: wh, parent_id: whUnit, name: '同级机构下属单位' }).execute();
      await sql`savepoint s`.execute(trx);
      await expect(trx.insertInto('unit').values({ tenant_id: wh, parent_id: plUnit, name: '跨机构下属单位' }).execute()).rejects.toMatchObject({ code: '23503' });
      await sql`rollback to savepoint s`.execute(trx);
      // Moving an existing unit under another tenant's unit is refused as well.
      await expect(trx.updateTable('unit').set({ parent_id: plUnit }).where('id', '=', whUnit).execute()).rejects.toMatchObject({ code: '23503' });
    });
  });

  it('a filler\'s assigned unit and the row\'s tenant must be the filler\'s own tenant', async () => {
    for (const bad of ['foreign unit', 'foreign tenant'] as const) {
      await rolledBack(async (trx) => {
        const { wh, pl, whUnit, plUnit, filler } = await twoTenants(trx);
        await trx.deleteFrom('user_unit').where('user_id', '=', filler).execute();
        await trx.insertInto('user_unit').values({ tenant_id: wh, user_id: filler, unit_id: whUnit }).execute();
        const row = bad === 'foreign unit' ? { tenant_id: wh, user_id: filler, unit_id: plUnit } : { tenant_id: pl, user_id: filler, unit_id: plUnit };
        await expect(trx.insertInto('user_unit').values(row).execute(), bad).rejects.toMatchObject({ code: '23503' });
      });
    }
  });

  it('a record revision is unique per version', async () => {
    await rolledBack(async (trx) => {
      const cadre = await trx.selectFrom('cadre').select(['id', 'tenant_id']).limit(1).executeTakeFirstOrThrow();
      const record = await trx.insertInto('archive_record')
        .values({ tenant_id: cadre.tenant_id, cadre_id: cadre.id, category: 2, entered_by_name: '探针' }).returning('id').executeTakeFirstOrThrow();
      const revision = (version: number) => trx.insertInto('record_revision')
        .values({ tenant_id: cadre.tenant_id, record_id: record.id, version, action: 'update', actor_name: '探针' }).execute();
      await revision(1);
      await revision(2);
      await expect(revision(2)).rejects.toMatchObject({ code: '23505' });
    });
  });

  it('app_tenant_table makes a tenant table isolated in one line, granting to the runner\'s API role', async () => {
    await q('begin');
    try {
      await q('create table probe_structure (id bigserial primary key, tenant_id uuid not null references tenant (id), v text)');
      // Without the runner's setting it refuses rather than guess a role.
      await q('savepoint s');
      await expect(q(`select app_tenant_table('probe_structure')`)).rejects.toThrow(/app\.api_role/);
      await q('rollback to savepoint s');
      await q(`select set_config('app.api_role', 'lz_app', true)`);
      await expect(q(`select app_tenant_table('probe_structure', 'select; drop table tenant')`)).rejects.toThrow(/privileges/);
      await q('rollback to savepoint s');
      await q(`select set_config('app.api_role', 'lz_app', true)`);
      await q(`select app_tenant_table('probe_structure', 'select, insert')`);
      const [c] = await q<{ rls: boolean; force: boolean }>(`select relrowsecurity as rls, relforcerowsecurity as force from pg_class where relname = 'probe_structure'`);
      expect(c).toEqual({ rls: true, force: true });
      const pol = await q<{ policyname: string; roles: string[]; qual: string; with_check: string }>(
        `select policyname, roles::text[] as roles, qual, with_check from pg_policies where tablename = 'probe_structure'`);
      expect(pol).toHaveLength(1);
      expect(pol[0]).toMatchObject({ policyname: 'probe_structure_scope', roles: ['public'] });
      // The form of migration 0017: tenant ids resolved once per statement (docs/rls.md).
      expect(pol[0].qual).toContain('tenant_id = ANY (( SELECT app_tenant_ids() AS app_tenant_ids)::uuid[])');
      expect(pol[0].with_check).toContain('tenant_id = ANY (( SELECT app_tenant_ids() AS app_tenant_ids)::uuid[])');
      const [g] = await q<Record<string, boolean>>(`select has_table_privilege('lz_app', 'probe_structure', 'SELECT') as sel,
        has_table_privilege('lz_app', 'probe_structure', 'INSERT') as ins, has_table_privilege('lz_app', 'probe_structure', 'UPDATE') as upd,
        has_sequence_privilege('lz_app', 'probe_structure_id_seq', 'USAGE') as seq`);
      expect(g).toEqual({ sel: true, ins: true, upd: false, seq: true });
    } finally {
      await q('rollback');
    }
  });

  it('the system\'s own work is logged with kind system, and the chain verifies with such a row', async () => {
    // A confirmed batch whose sealed content the timer's sweep drops.
    await withScope(database.db, 'yn', async (trx) => {
      const u = await trx.selectFrom('app_user').select(['id', 'tenant_id']).where('username', '=', 'km-wh.officer').executeTakeFirstOrThrow();
      await trx.insertInto('import_batch').values({ tenant_id: u.tenant_id, user_id: u.id, confirmed_at: new Date(),
        files: JSON.stringify({ v: 2, sealed: 'v1.probe', count: 1 }) }).execute();
    });
    const before = Number((await q<{ n: string }>(`select count(*) as n from audit_event where kind = 'system'`))[0].n);
    expect(await sweepAllBatches(database.db)).toBeGreaterThanOrEqual(1);
    const rows = await q<{ username: string; user_id: string | null; tenant_id: string | null; operation: string; summary: string }>(
      `select username, user_id, tenant_id, operation, summary from audit_event where kind = 'system' order by seq`);
    expect(rows.length).toBe(before + 1);
    expect(rows.at(-1)).toMatchObject({ username: '系统', user_id: null, tenant_id: null, operation: '清理导入批次' });
    expect(rows.at(-1)!.summary).toMatch(/^系统清理已确认或已过期的导入批次内容：\d+ 批$/);
    // A sweep with nothing to drop logs nothing.
    expect(await sweepAllBatches(database.db)).toBe(0);
    expect(Number((await q<{ n: string }>(`select count(*) as n from audit_event where kind = 'system'`))[0].n)).toBe(before + 1);
    expect(await verifyChain(q, auditKeys(testConfig()))).toMatchObject({ ok: true });
  });
});
