// Migration 0014 on data written before it: every enum value stored as a label becomes its code (in every tenant
// of every tree, though the migration runs as an owner subject to forced RLS), optional enums left empty stay
// empty, the checks then refuse labels, and code_label joins the labels back. PGlite, migrating as a non-superuser
// owner like PostgreSQL's; PostgreSQL runs the same migration on an empty database in every other test.
import { describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { ltree } from '@electric-sql/pglite/contrib/ltree';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { listMigrations } from '../../services/api/src/db/migrate.js';
import { isPg } from '../helpers/db.js';

describe.skipIf(isPg)('migration 0014 on existing data (pglite)', () => {
  it('turns stored labels into codes in every tenant and keeps the labels joinable', async () => {
    const pg = await PGlite.create({ extensions: { ltree, pg_trgm } });
    try {
      // An owner that is not a superuser, so forced RLS applies to the migration as it does on PostgreSQL.
      await pg.exec(`create extension ltree; create extension pg_trgm;
        create role lz_owner createrole nosuperuser nobypassrls; grant create on schema public to lz_owner;
        create role lz_app nologin nosuperuser nobypassrls noinherit; grant lz_app to lz_owner with admin option;
        set role lz_owner`);
      const all = listMigrations();
      // As the migrate runner does: app_tenant_table() (0012) grants to the role named here.
      await pg.exec("select set_config('app.api_role', 'lz_app', false)");
      for (const m of all.filter((x) => x.name < '0014')) await pg.exec(m.sql);

      // Old data, written past RLS: two trees, a record in a child tenant and one in the other root.
      await pg.exec('reset role');
      const one = async <T,>(q: string, p: unknown[] = []) => (await pg.query<T>(q, p)).rows[0];
      const za = (await one<{ id: string }>(`insert into tenant (code, name, kind, path) values ('za', '甲省纪委监委', 'province_commission', 'za') returning id`)).id;
      const child = (await one<{ id: string }>(`insert into tenant (code, name, kind, path, parent_id) values ('za-c', '甲市纪委监委', 'city_commission', 'za.za_c', $1) returning id`, [za])).id;
      const zb = (await one<{ id: string }>(`insert into tenant (code, name, kind, path) values ('zb', '乙省纪委监委', 'province_commission', 'zb') returning id`)).id;
      const record = async (tenant: string, category: number) => {
        const u = (await one<{ id: string }>(`insert into unit (tenant_id, name) values ($1, '测试单位') returning id`, [tenant])).id;
        const c = (await one<{ id: string }>(`insert into cadre (tenant_id, unit_id, name) values ($1, $2, '测试') returning id`, [tenant, u])).id;
        return (await one<{ id: string }>(`insert into archive_record (tenant_id, cadre_id, category, entered_by_name) values ($1, $2, $3, '某人') returning id`, [tenant, c, category])).id;
      };
      const s1 = await record(child, 10), s2 = await record(zb, 10), cl = await record(child, 8), pr = await record(zb, 1);
      await pg.query(`insert into record_sanction (record_id, tenant_id, kind, measure, form, decided_on, issuing_body, facts) values
        ($1, $2, '党纪处分', '严重警告', '第二种形态', '2025-01-02', '市纪委', '事实'), ($3, $4, '政务处分', '撤职', '第三种形态', '2025-02-03', '省监委', '事实')`,
        [s1, child, s2, zb]);
      await pg.query(`insert into record_clue (record_id, tenant_id, received_on, source, summary, disposal_mode, handling_status)
        values ($1, $2, '2025-03-04', '信访举报', '反映问题', '初步核实', '办理中')`, [cl, child]);
      await pg.query(`insert into record_personal_report (record_id, tenant_id, report_year, report_type, reported_on, check_method, check_result)
        values ($1, $2, 2025, '年度集中报告', '2025-01-31', null, '如实报告')`, [pr, zb]);

      await pg.exec('set role lz_owner');
      for (const m of all.filter((x) => x.name >= '0014')) await pg.exec(m.sql);
      await pg.exec('reset role');

      const rows = async (q: string) => (await pg.query<Record<string, unknown>>(q)).rows;
      expect(await rows('select kind, measure, form from record_sanction order by decided_on')).toEqual([
        { kind: 'party', measure: 'serious_warning', form: '2' }, { kind: 'state', measure: 'dismissal', form: '3' },
      ]);
      expect(await rows('select source, disposal_mode, handling_status from record_clue'))
        .toEqual([{ source: 'petition', disposal_mode: 'verification', handling_status: 'open' }]);
      expect(await rows('select report_type, check_method, check_result from record_personal_report'))
        .toEqual([{ report_type: 'annual', check_method: null, check_result: 'truthful' }]);
      // Statistics group by the code and join the label.
      expect(await rows(`select l.label, count(*)::int as n from record_sanction s
        join code_label l on l.domain = 'sanction.form' and l.code = s.form group by l.label, l.sort_order order by l.sort_order`))
        .toEqual([{ label: '第二种形态', n: 1 }, { label: '第三种形态', n: 1 }]);
      // A label is no longer a stored value.
      await expect(pg.query(`update record_sanction set measure = '警告' where record_id = $1`, [s1])).rejects.toThrow(/check/);
    } finally {
      await pg.close();
    }
  });
});
