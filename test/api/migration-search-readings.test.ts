// Migration 0023 on cadres keyed before it: the runner's data step recomputes every cadre's search keys (given-name
// pinyin, rare readings by full pinyin only) in every tenant tree (the owner is subject to forced RLS) and rebuilds
// cadre_search_key with the new tiers. PGlite, migrating as a non-superuser owner like PostgreSQL's.
import { describe, expect, it } from 'vitest';
import { migrate } from '../../services/api/src/db/migrate.js';
import { listMigrations } from '../../services/api/src/db/migrate.js';
import { searchKeys } from '../../services/api/src/modules/cadres/search-terms.js';
import { isPg } from '../helpers/db.js';
import { firstRow, migratedBefore, twoTrees } from '../helpers/old-data.js';

describe.skipIf(isPg)('migration 0023 on existing cadres (pglite)', () => {
  it('rekeys every cadre of every tree: given names and tiers, rare initials gone', async () => {
    const pg = await migratedBefore('0023');
    try {
      const { child, zb } = await twoTrees(pg);
      const one = <T,>(q: string, p: unknown[] = []) => firstRow<T>(pg, q, p);
      // Keys as 0016 wrote them: every reading's full pinyin and initials, unmarked.
      const cadre = async (tenant: string, name: string, terms: string[], keys: string[]) => {
        const u = (await one<{ id: string }>(`insert into unit (tenant_id, name) values ($1, '测试单位') returning id`, [tenant])).id;
        return (await one<{ id: string }>(`insert into cadre (tenant_id, unit_id, name, search_terms, pinyin_keys)
          values ($1, $2, $3, $4, $5) returning id`, [tenant, u, name, terms, keys])).id;
      };
      const a = await cadre(child, '王建国', ['王', '王建', '王建国', '建', '建国', '国', 'w', 'wa', 'wang', 'wangjianguo', 'wj', 'wjg'], ['wangjianguo', 'wjg']);
      const b = await cadre(zb, '江红', ['江', '江红', '红', 'j', 'jh', 'jg', 'jianghong', 'jianggong'], ['jianghong', 'jh', 'jianggong', 'jg']);

      // The runner's way: the applied migrations recorded, then migrate() as the owner.
      await pg.exec('set role lz_owner');
      await pg.exec('create table schema_migration (name text primary key, applied_at timestamptz not null default now())');
      for (const m of listMigrations().filter((x) => x.name < '0023')) await pg.query('insert into schema_migration (name) values ($1)', [m.name]);
      const applied = await migrate({
        exec: async (q) => { await pg.exec(q); },
        rows: async <T,>(q: string) => (await pg.query<T>(q)).rows,
        query: async <T,>(q: string, p: unknown[] = []) => (await pg.query<T>(q, p)).rows,
      });
      await pg.exec('reset role');
      expect(applied[0]).toBe('0023_search_readings.sql');

      const cols = async (id: string) => one<{ search_terms: string[]; pinyin_keys: string[] }>('select search_terms, pinyin_keys from cadre where id = $1', [id]);
      expect(await cols(a)).toEqual({ search_terms: searchKeys('王建国').terms, pinyin_keys: searchKeys('王建国').pinyinKeys });
      expect(await cols(b)).toEqual({ search_terms: searchKeys('江红').terms, pinyin_keys: searchKeys('江红').pinyinKeys });
      const tiers = async (id: string) => Object.fromEntries((await pg.query<{ key: string; tier: number }>(
        'select key, tier from cadre_search_key where cadre_id = $1', [id])).rows.map((r) => [r.key, r.tier]));
      const ta = await tiers(a);
      expect(ta).toMatchObject({ 王建国: 0, wangjianguo: 1, wjg: 2, jianguo: 3, wang: 4, 建国: 5 });
      const tb = await tiers(b);
      expect(tb).toMatchObject({ 江红: 0, jianghong: 1, jh: 2, jianggong: 6 });
      expect(tb.jg).toBeUndefined();
      // Every key row is one of the cadre's terms, with the order columns; the key trigger is on again.
      expect(Object.keys(ta).sort()).toEqual([...new Set(searchKeys('王建国').terms)].sort());
      await pg.query(`update cadre set name = '王建军', search_terms = $2, pinyin_keys = $3 where id = $1`,
        [a, searchKeys('王建军').terms, searchKeys('王建军').pinyinKeys]);
      expect((await tiers(a)).jianjun).toBe(3);
    } finally {
      await pg.close();
    }
  }, 600_000); // 23 migrations on PGlite: slow on a loaded machine, not a timing test
});
