// Search by name, full pinyin or initials, every reading of polyphonic characters, exact first; short queries
// are served by the GIN index over name bigrams and pinyin keys.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { withScope } from '../../services/api/src/db/scope.js';
import { listCadresQuery, searchPredicate } from '../../services/api/src/modules/cadres/repo.js';
import { normaliseQuery, searchKeys } from '../../services/api/src/modules/cadres/search-terms.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { engineName } from '../helpers/db.js';

let t: TestApp;
let tok: string;
let unitId: string;
const LIST = 'query($s:String){ cadres(first:100, filter:{search:$s}){ totalCount edges { node { id name } } } }';
const names = async (s: string) => (await t.gql(tok, LIST, { s })).data.cadres.edges.map((e: any) => e.node.name) as string[];

beforeAll(async () => {
  t = await createTestApp();
  tok = await t.login('km-gd.officer');
  unitId = (await t.gql(tok, '{ units(tenantCode:"km-gd"){ id } }')).data.units[0].id;
  for (const name of ['单建华', '曾国强', '解晓东', '仇丽', '区志明', '张建华', '张建', '建华张', '欧阳建华']) {
    const r = await t.gql(tok, 'mutation($n:String!,$u:ID!){ createCadre(input:{name:$n, unitId:$u}){ id } }', { n: name, u: unitId });
    expect(r.errors).toBeUndefined();
  }
});
afterAll(async () => { await t?.close(); });

describe(`search (${engineName})`, () => {
  it('keys carry every reading of polyphonic surnames', () => {
    const k = searchKeys('单建华');
    for (const key of ['shanjianhua', 'danjianhua', 'sjh', 'djh', 'cjh', '单', '单建', '建华', '单建华', 'sj', 'shanj']) expect(k.terms).toContain(key);
    expect(k.pinyinKeys.slice(0, 2)).toEqual(['shanjianhua', 'sjh']);
  });

  it.each([
    ['shan', '单建华'], ['dan', '单建华'], ['sjh', '单建华'], ['djh', '单建华'],
    ['zeng', '曾国强'], ['ceng', '曾国强'], ['zgq', '曾国强'], ['cgq', '曾国强'],
    ['xie', '解晓东'], ['jie', '解晓东'], ['xxd', '解晓东'], ['jxd', '解晓东'],
    ['qiu', '仇丽'], ['chou', '仇丽'], ['ql', '仇丽'], ['cl', '仇丽'],
    ['ou', '区志明'], ['qu', '区志明'], ['ozm', '区志明'], ['qzm', '区志明'],
    ['单', '单建华'], ['建华', '单建华'], ['晓东', '解晓东'], ['仇丽', '仇丽'], ['ZJH', '张建华'], ['zhang jian hua', '张建华'],
  ])('%s finds %s', async (q, name) => {
    expect(await names(q)).toContain(name);
  });

  it('ranks the exact name first, then exact pinyin, then prefixes', async () => {
    const byName = await names('张建');
    expect(byName[0]).toBe('张建');
    expect(byName).toEqual(expect.arrayContaining(['张建华', '张建']));
    const byInitials = await names('zjh');
    expect(byInitials[0]).toBe('张建华');
    expect(byInitials).not.toContain('建华张');
    const sub = await names('建华');
    expect(sub).toEqual(expect.arrayContaining(['单建华', '张建华', '欧阳建华', '建华张']));
    expect(sub[0]).toBe('建华张'); // name prefix before infix
  });

  it('matches nothing for unrelated or hostile text', async () => {
    expect(await names('zzzzqqq')).toEqual([]);
    expect(await names('%')).toEqual([]);
    expect(await names("' or 1=1 --")).toEqual([]);
  });

  it.each(['单', '建华', 'z', 'zj', 'sjh', '欧阳建华'])('the search for %s is served by an index', async (q) => {
    // A realistic volume (10,000 more cadres, rolled back afterwards), so the planner weighs real costs.
    const rollback = new Error('rollback');
    const plans: string[] = [];
    await withScope(t.database.db, 'yn.km.km_gd', async (trx) => {
      const tenantId = (await trx.selectFrom('tenant').select('id').where('code', '=', 'km-gd').executeTakeFirstOrThrow()).id;
      // In four statements: each row passes the key triggers, and the API role's statement timeout is per statement.
      for (const from of [1, 2501, 5001, 7501]) {
        await sql`insert into cadre (tenant_id, unit_id, name, search_terms, pinyin_keys)
          select ${tenantId}::uuid, ${unitId}::uuid, '测' || g, array['测', '测' || g, 'c', 'ce', 'ce' || g], array['ce' || g]
            from generate_series(${from}::int, ${from + 2499}::int) g`.execute(trx);
      }
      const explain = async (compiled: { sql: string; parameters: readonly unknown[] }) =>
        (await trx.executeQuery<{ 'QUERY PLAN': string }>({ ...compiled, sql: 'explain ' + compiled.sql } as never))
          .rows.map((x) => x['QUERY PLAN']).join('\n');
      plans.push(await explain(trx.selectFrom('cadre as c').select('c.id').where(searchPredicate(normaliseQuery(q))).compile()));
      plans.push(await explain(listCadresQuery(trx, { search: q }, 20).compile()));
      throw rollback;
    }).catch((e) => { if (e !== rollback) throw e; });
    const [predicate, list] = plans;
    // The key lookup is driven by a btree index with key in its condition: the ranked key index of 0016, or (the 20,000
    // rows are not analysed here) the primary key 0019 rebuilt as (tenant_id, cadre_id, key), entered by the policy's
    // tenant ids; never a scan of the whole key table.
    for (const plan of [predicate, list]) {
      expect(plan, plan).toMatch(/(Index (Only )?Scan|Bitmap Index Scan) (using |on )?cadre_search_key_(rank_idx|pkey|cadre_id_key_idx)/);
      expect(plan, plan).toMatch(/Index Cond: .*\bkey = /);
      expect(plan, plan).not.toMatch(/Seq Scan on cadre_search_key/);
    }
  }, 180_000); // 10,000 inserts through the key triggers: slow on a loaded machine, not a timing test
});
