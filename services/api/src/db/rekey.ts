// The data step of migration 0023 (docs/search.md): recompute every cadre's search keys with the current rules
// (modules/cadres/search-terms.ts) and rebuild cadre_search_key with their tiers. Runs as the owner inside the
// migration's transaction; RLS is forced on the owner too, so it works one root tenant's subtree at a time.
import { searchKeys, type SearchKeys } from '../modules/cadres/search-terms.js';
import type { SqlRunner } from './migrate.js';

const BATCH = 2000;

export async function rekeyCadres(runner: SqlRunner): Promise<void> {
  const roots = await runner.rows<{ path: string }>('select path::text as path from tenant where parent_id is null order by path');
  const cache = new Map<string, SearchKeys>();
  // The key rows are rebuilt below in one statement per subtree instead of row by row by the trigger.
  await runner.exec('alter table cadre disable trigger cadre_search_key_sync');
  for (const { path } of roots) {
    await runner.query("select set_config('app.tenant_path', $1, true)", [path]);
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = await runner.query<{ id: string; name: string }>(
        'select id, name from cadre where id > $1::uuid order by id limit $2', [after, BATCH]);
      if (!rows.length) break;
      after = rows[rows.length - 1].id;
      const data = rows.map((r) => {
        let k = cache.get(r.name);
        if (!k) { k = searchKeys(r.name); if (cache.size < 50_000) cache.set(r.name, k); }
        return { id: r.id, t: k.terms, p: k.pinyinKeys };
      });
      await runner.query(`update cadre c set search_terms = x.t, pinyin_keys = x.p
        from jsonb_to_recordset($1::jsonb) as x(id uuid, t text[], p text[]) where c.id = x.id`, [JSON.stringify(data)]);
    }
    await runner.exec('delete from cadre_search_key');
    await runner.exec(`insert into cadre_search_key (tenant_id, cadre_id, key, tier, tenant_sort, unit_sort, sort_order)
      select c.tenant_id, c.id, s.k, cadre_key_tier(s.k, cadre_key_name(c.name), c.pinyin_keys), c.tenant_sort, c.unit_sort, c.sort_order
        from cadre c, lateral (select distinct k from unnest(c.search_terms) k where k <> '') s`);
  }
  await runner.query("select set_config('app.tenant_path', '', true)", []);
  await runner.exec('alter table cadre enable trigger cadre_search_key_sync');
}
