// Migration 0013 on revisions written before it: an import's update row in the old format (masked ID number,
// résumé as printed, family with every column, '' for empty) becomes the format GraphQL writes (cadres/commands.ts);
// GraphQL rows and import create rows stay as they are. PGlite as the owner.
import { describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { ltree } from '@electric-sql/pglite/contrib/ltree';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { listMigrations } from '../../services/api/src/db/migrate.js';
import { isPg } from '../helpers/db.js';

describe.skipIf(isPg)('migration 0013 on existing cadre revisions (pglite)', () => {
  it('rewrites old import revisions into the one format and leaves the others', async () => {
    const pg = await PGlite.create({ extensions: { ltree, pg_trgm } });
    try {
      const all = listMigrations();
      // As the migrate runner does: app_tenant_table() (0012) grants to the role named here.
      await pg.exec("select set_config('app.api_role', 'lz_app', false)");
      for (const m of all.filter((x) => x.name < '0013')) await pg.exec(m.sql);
      const t = (await pg.query<{ id: string }>(`insert into tenant (code, name, kind, path) values ('zz', '测试省纪委监委', 'province_commission', 'zz') returning id`)).rows[0].id;
      const u = (await pg.query<{ id: string }>(`insert into unit (tenant_id, name) values ($1, '测试单位') returning id`, [t])).rows[0].id;
      const c = (await pg.query<{ id: string }>(`insert into cadre (tenant_id, unit_id, name) values ($1, $2, '测试') returning id`, [t, u])).rows[0].id;
      const source = [null, '导入干部任免审批表'];
      const rows = [
        [1, 'create', { 来源: source }],
        [2, 'update', {
          现任职务: ['', '科员'], 籍贯: ['云南昆明', '云南大理'],
          公民身份号码: ['（已有，不同）', '530102************'],
          简历: ['', '1997.09--2001.07  云南大学法学专业学习\n2001.07--  五华区纪委科员\n（其间：2016.09--2018.07 在职学习）'],
          家庭主要成员及重要社会关系: ['妻子 王芳 198102 群众 教师', '妻子 王芳 198102 群众 教师\n女儿 测试一 200709 共青团员 学生'],
          照片: ['无', '使用审批表中的照片'], TianBiaoRen: ['', '张三'], 来源: source,
        }],
        [3, 'update', { 现任职务: ['科员', '副科长'], 简历: ['199709-200107 甲', '199709-200107 乙'], 家庭成员: ['妻子 王芳', ''] }],
      ] as const;
      for (const [version, action, changes] of rows) {
        await pg.query(`insert into cadre_revision (tenant_id, cadre_id, version, action, actor_name, changes) values ($1, $2, $3, $4, '某人', $5)`,
          [t, c, version, action, JSON.stringify(changes)]);
      }

      await pg.exec(all.find((x) => x.name.startsWith('0013'))!.sql);

      const revs = (await pg.query<{ changes: any }>('select changes from cadre_revision order by version')).rows.map((r) => r.changes);
      expect(revs[0]).toEqual(rows[0][2]);
      expect(revs[1]).toEqual({
        现任职务: [null, '科员'], 籍贯: ['云南昆明', '云南大理'],
        公民身份号码: ['（已修改）', '（已修改）'],
        简历: ['', '199709-200107 云南大学法学专业学习；200107- 五华区纪委科员\n（其间：2016.09--2018.07 在职学习）'],
        家庭成员: ['妻子 王芳', '妻子 王芳；女儿 测试一'],
        照片: [null, '使用审批表中的照片'], TianBiaoRen: [null, '张三'], 来源: [null, '导入干部任免审批表'],
      });
      expect(revs[2]).toEqual(rows[2][2]);
      // The helper functions are gone.
      expect((await pg.query(`select 1 from pg_proc where proname like 'lz_0013%'`)).rows).toEqual([]);
    } finally {
      await pg.close();
    }
  });
});
