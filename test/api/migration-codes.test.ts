// Migration 0014 on data written before it: every enum value stored as a label becomes its code (in every tenant
// of every tree, though the migration runs as an owner subject to forced RLS), optional enums left empty stay
// empty, the checks then refuse labels, and code_label joins the labels back. PGlite, migrating as a non-superuser
// owner like PostgreSQL's; PostgreSQL runs the same migration on an empty database in every other test.
import { describe, expect, it } from 'vitest';
import { isPg } from '../helpers/db.js';
import { firstRow, migratedBefore, migrateFrom, twoTrees } from '../helpers/old-data.js';

describe.skipIf(isPg)('migration 0014 on existing data (pglite)', () => {
  it('turns stored labels into codes in every tenant and keeps the labels joinable', async () => {
    const pg = await migratedBefore('0014');
    try {
      // Old data, written past RLS: two trees, a record in a child tenant and one in the other root.
      const { child, zb } = await twoTrees(pg);
      const one = <T,>(q: string, p: unknown[] = []) => firstRow<T>(pg, q, p);
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

      await migrateFrom(pg, '0014');

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
