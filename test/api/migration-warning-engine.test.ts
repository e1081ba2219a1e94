// Migration 0027 on data written before it: influence periods an earlier write filled in with the built-in default
// of the record's kind + measure go back to null (the tenant's scheme supplies them at evaluation), in every tenant of
// every tree though the migration runs as an owner under forced RLS; periods that differ from the default, and
// unstated ones, stay as they were. And app_root_tenants() answers the roots to the API role without a scope.
import { describe, expect, it } from 'vitest';
import { isPg } from '../helpers/db.js';
import { firstRow, migratedBefore, migrateFrom, twoTrees } from '../helpers/old-data.js';

describe.skipIf(isPg)('migration 0027 on existing data (pglite)', () => {
  it('keeps only the periods records state, and lists the roots', async () => {
    const pg = await migratedBefore('0027');
    try {
      // The runner's table, made by the owner as migrate.ts makes it.
      await pg.exec('set role lz_owner; create table schema_migration (name text primary key, applied_at timestamptz not null default now()); reset role');
      const { child, zb } = await twoTrees(pg);
      const one = <T,>(q: string, p: unknown[] = []) => firstRow<T>(pg, q, p);
      const sanction = async (tenant: string, kind: string, measure: string, form: string, months: number | null, note: string) => {
        const u = (await one<{ id: string }>(`insert into unit (tenant_id, name) values ($1, '测试单位') returning id`, [tenant])).id;
        const c = (await one<{ id: string }>(`insert into cadre (tenant_id, unit_id, name) values ($1, $2, '测试') returning id`, [tenant, u])).id;
        const r = (await one<{ id: string }>(`insert into archive_record (tenant_id, cadre_id, category, entered_by_name) values ($1, $2, 10, '某人') returning id`, [tenant, c])).id;
        await pg.query(`insert into record_sanction (record_id, tenant_id, kind, measure, form, decided_on, issuing_body, facts, influence_months)
          values ($1, $2, $3, $4, $5, '2025-01-02', '纪委', $6, $7)`, [r, tenant, kind, measure, form, note, months]);
      };
      await sanction(child, 'party', 'serious_warning', '2', 18, 'a default of the party');
      await sanction(zb, 'state', 'dismissal', '3', 24, 'a default of the state, other tree');
      await sanction(child, 'admonition', 'admonition', '1', 6, 'a local default');
      await sanction(zb, 'party', 'probation', '3', 48, 'stated: two years of probation');
      await sanction(child, 'party', 'warning', '2', 6, 'stated: shorter than the default');
      await sanction(zb, 'organisational', 'removal', '2', 12, 'a local default, other tree');
      await sanction(child, 'organisational', 'reassignment', '2', null, 'none');
      await sanction(zb, 'party', 'removal', '2', 12, 'stated: no default for this kind');
      await pg.query(`insert into schema_migration (name) values ('0026_x.sql')`);

      await migrateFrom(pg, '0027');

      const { rows } = await pg.query<{ facts: string; influence_months: number | null }>('select facts, influence_months from record_sanction order by facts');
      expect(Object.fromEntries(rows.map((r) => [r.facts, r.influence_months]))).toEqual({
        'a default of the party': null, 'a default of the state, other tree': null, 'a local default': null, 'a local default, other tree': null,
        'stated: two years of probation': 48, 'stated: shorter than the default': 6, 'stated: no default for this kind': 12, none: null,
      });
      // The roots and the time of the last migration, to the API role with no scope at all.
      await pg.exec("set role lz_app; select set_config('app.tenant_path', '', false)");
      const roots = (await pg.query<{ path: string; migrated_at: Date | null }>('select path, migrated_at from app_root_tenants()')).rows;
      expect(roots.map((r) => r.path)).toEqual(['za', 'zb']);
      expect(roots[0].migrated_at).not.toBeNull();
      expect((await pg.query('select id from tenant')).rows).toEqual([]);
      await pg.exec('reset role');
    } finally {
      await pg.close();
    }
  });
});
