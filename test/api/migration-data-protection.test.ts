// Migration 0008 on data written before it: batches lose their plain-text forms (a canary ID number is gone from
// the table), and import revisions that kept the old reversible mask (region + 8 stars + the last four) keep the
// region only. PGlite as the owner; PostgreSQL runs the same migration on an empty database in every other test.
import { describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { ltree } from '@electric-sql/pglite/contrib/ltree';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { listMigrations } from '../../services/api/src/db/migrate.js';
import { isPg } from '../helpers/db.js';

describe.skipIf(isPg)('migration 0008 on existing data (pglite)', () => {
  it('drops plain batch content and rewrites old masks in revisions', async () => {
    const pg = await PGlite.create({ extensions: { ltree, pg_trgm } });
    try {
      const all = listMigrations();
      // As the migrate runner does: app_tenant_table() (0012) grants to the role named here.
      await pg.exec("select set_config('app.api_role', 'lz_app', false)");
      for (const m of all.filter((x) => x.name < '0008')) await pg.exec(m.sql);
      const canary = '530102197906151234';
      const t = (await pg.query<{ id: string }>(`insert into tenant (code, name, kind, path) values ('zz', '测试省纪委监委', 'province_commission', 'zz') returning id`)).rows[0].id;
      const u = (await pg.query<{ id: string }>(`insert into unit (tenant_id, name) values ($1, '测试单位') returning id`, [t])).rows[0].id;
      const c = (await pg.query<{ id: string }>(`insert into cadre (tenant_id, unit_id, name) values ($1, $2, '测试') returning id`, [t, u])).rows[0].id;
      await pg.query(`insert into cadre_revision (tenant_id, cadre_id, version, action, actor_name, changes) values
        ($1, $2, 2, 'update', '某人', $3), ($1, $2, 3, 'update', '某人', $4)`,
        [t, c, JSON.stringify({ 公民身份号码: ['（已有，不同）', '530102********1234'], 姓名: ['甲', '乙'] }), JSON.stringify({ 公民身份号码: ['（已修改）', '（已修改）'] })]);
      await pg.query(`insert into import_batch (tenant_id, user_id, files) values ($1, gen_random_uuid(), $2), ($1, gen_random_uuid(), '[]')`,
        [t, JSON.stringify([{ name: 'a.lrmx', status: 'ok', fields: { XingMing: '测试', ShenFenZheng: canary } }])]);

      await pg.exec(all.find((x) => x.name.startsWith('0008'))!.sql);

      const batches = (await pg.query<{ files: unknown }>('select files from import_batch order by jsonb_typeof(files) desc')).rows.map((r) => r.files);
      expect(batches).toEqual([{ v: 2, sealed: null, count: 1 }, { v: 2, sealed: null, count: 0 }]);
      expect(JSON.stringify((await pg.query('select * from import_batch')).rows)).not.toContain(canary);
      const revs = (await pg.query<{ changes: any }>('select changes from cadre_revision order by version')).rows.map((r) => r.changes);
      expect(revs).toEqual([
        { 公民身份号码: ['（已有，不同）', '530102************'], 姓名: ['甲', '乙'] },
        { 公民身份号码: ['（已修改）', '（已修改）'] },
      ]);
      // The timer's sweep function exists and runs.
      expect((await pg.query<{ n: number }>('select app_sweep_import_batches() as n')).rows[0].n).toBe(0);
    } finally {
      await pg.close();
    }
  });
});
