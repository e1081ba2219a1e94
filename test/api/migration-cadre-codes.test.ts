// Migration 0015 on cadres written before it: every code field stored as a label (full or short, with stray spaces)
// or already as a code becomes its code, in every tenant of every tree (the migration runs as an owner subject to
// forced RLS); a value in no code table is cleared (状态: 7 其他) and a revision by 系统 keeps the old value and moves
// the version on; the checks then refuse labels, and code_label joins the labels back. PGlite, migrating as a
// non-superuser owner like PostgreSQL's; PostgreSQL runs the same migration on an empty database in every other test.
import { describe, expect, it } from 'vitest';
import { isPg } from '../helpers/db.js';
import { firstRow, migratedBefore, migrateFrom, twoTrees } from '../helpers/old-data.js';

describe.skipIf(isPg)('migration 0015 on existing cadres (pglite)', () => {
  it('turns stored labels into codes in every tenant, clears unknown values with a revision, and keeps the labels joinable', async () => {
    const pg = await migratedBefore('0015');
    try {
      // Old data, written past RLS: two trees, cadres in a child tenant and in the other root.
      const { child, zb } = await twoTrees(pg);
      const one = <T,>(q: string, p: unknown[] = []) => firstRow<T>(pg, q, p);
      const cadre = async (tenant: string, name: string, v: [string | null, string | null, string | null, string | null, string, string | null]) => {
        const u = (await one<{ id: string }>(`insert into unit (tenant_id, name) values ($1, '测试单位') returning id`, [tenant])).id;
        return (await one<{ id: string }>(`insert into cadre (tenant_id, unit_id, name, sex, ethnicity, political_status, rank, status, management_level)
          values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`, [tenant, u, name, ...v])).id;
      };
      const a = await cadre(child, '甲', ['男', '汉族', '中共党员', '一级主任科员', '在职', '市管']);
      const b = await cadre(zb, '乙', ['女性', ' 汉 ', '群众', 'L5', '退休', null]);
      const c = await cadre(zb, '丙', ['2', '07', '01', '', '1', '3']);
      const d = await cadre(child, '丁', ['女', '火星族', '党员', '正处级', '在岗', '省管']);
      await pg.query(`insert into cadre_revision (tenant_id, cadre_id, version, action, actor_name, changes) values ($1, $2, 1, 'create', '某人', '{}')`, [child, d]);

      await migrateFrom(pg, '0015');

      const rows = async (q: string, p: unknown[] = []) => (await pg.query<Record<string, unknown>>(q, p)).rows;
      const codes = async (id: string) => (await rows('select sex, ethnicity, political_status, rank, status, management_level, version from cadre where id = $1', [id]))[0];
      expect(await codes(a)).toEqual({ sex: '1', ethnicity: '01', political_status: '01', rank: 'R07', status: '1', management_level: '2', version: 1 });
      expect(await codes(b)).toEqual({ sex: '2', ethnicity: '01', political_status: '13', rank: 'L5', status: '2', management_level: null, version: 1 });
      expect(await codes(c)).toEqual({ sex: '2', ethnicity: '07', political_status: '01', rank: null, status: '1', management_level: '3', version: 1 });
      // Unknown values: cleared (状态 to 其他), the old ones kept in a revision by 系统 at the next version.
      expect(await codes(d)).toEqual({ sex: '2', ethnicity: null, political_status: null, rank: null, status: '7', management_level: '1', version: 2 });
      expect(await rows('select version, action, actor_id, actor_name, changes from cadre_revision where cadre_id = $1 order by id', [d])).toEqual([
        { version: 1, action: 'create', actor_id: null, actor_name: '某人', changes: {} },
        { version: 2, action: 'update', actor_id: null, actor_name: '系统', changes: {
          民族: ['火星族', null], 政治面貌: ['党员', null], 职级: ['正处级', null], 状态: ['在岗', '其他'],
          来源: [null, '系统升级：基本信息改存代码，不在代码表中的值已清除'],
        } },
      ]);
      expect(await rows('select count(*)::int as n from cadre_revision where cadre_id <> $1', [d])).toEqual([{ n: 0 }]);

      // Statistics group by the code and join the label.
      expect(await rows(`select l.label, count(*)::int as n from cadre c
        join code_label l on l.domain = 'cadre.sex' and l.code = c.sex group by l.label, l.sort_order order by l.sort_order`))
        .toEqual([{ label: '男', n: 1 }, { label: '女', n: 3 }]);
      // A label is no longer a stored value; the default is the code of 在职.
      await expect(pg.query(`update cadre set sex = '男' where id = $1`, [a])).rejects.toThrow(/check/);
      await expect(pg.query(`update cadre set rank = '一级主任科员' where id = $1`, [a])).rejects.toThrow(/check/);
      const u = (await one<{ id: string }>(`select id from unit limit 1`)).id;
      const tenant = (await one<{ tenant_id: string }>(`select tenant_id from unit where id = $1`, [u])).tenant_id;
      expect((await one<{ status: string }>(`insert into cadre (tenant_id, unit_id, name) values ($1, $2, '戊') returning status`, [tenant, u])).status).toBe('1');
    } finally {
      await pg.close();
    }
  });
});
