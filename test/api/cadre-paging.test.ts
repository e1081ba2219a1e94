// Keyset paging of the cadre list and search (docs/search.md): cursors walk every row exactly once in list order,
// also under a filler's reach and in search tier order; a forged or malformed cursor is refused in words and never
// reaches outside the caller's scope; counts above the exact limit are flagged as estimates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { withScope } from '../../services/api/src/db/scope.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { engineName } from '../helpers/db.js';

let t: TestApp;
let officer: string;
let cityOfficer: string;
let filler: string;
let otherCounty: string;

const PAGE = `query($first:Int,$after:String,$offset:Int,$filter:CadreFilter){
  cadres(first:$first, after:$after, offset:$offset, filter:$filter){
    totalCount totalCountIsEstimate pageInfo { hasNextPage endCursor }
    edges { cursor node { id name tenant { code } unit { id } } } } }`;

type Node = { id: string; name: string; tenant: { code: string }; unit: { id: string } };
async function page(tok: string, vars: Record<string, unknown>) {
  const r = await t.gql(tok, PAGE, vars);
  if (r.errors) throw new Error(r.errors[0].message);
  return r.data.cadres as { totalCount: number; totalCountIsEstimate: boolean; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { cursor: string; node: Node }[] };
}

/** Every row, following endCursor `size` rows at a time. */
async function walk(tok: string, size: number, filter: Record<string, unknown> = {}) {
  const out: Node[] = [];
  let after: string | null = null;
  for (let i = 0; i < 1000; i++) {
    const p = await page(tok, { first: size, after, filter });
    out.push(...p.edges.map((e) => e.node));
    if (!p.pageInfo.hasNextPage) break;
    after = p.pageInfo.endCursor;
  }
  return out;
}

beforeAll(async () => {
  t = await createTestApp();
  officer = await t.login('km-gd.officer');
  cityOfficer = await t.login('km.officer');
  filler = await t.login('km.filler');
  otherCounty = await t.login('km-wh.officer');
  const unitId = (await t.gql(officer, '{ units(tenantCode:"km-gd"){ id } }')).data.units[0].id;
  // Names that match 建华 in every tier: whole name, prefix, inside; and more than one page of each.
  for (const name of ['建华', '建华', '建华张', '建华李', '建华王', '单建华', '张建华', '欧阳建华', '李建华', '王建华']) {
    const r = await t.gql(officer, 'mutation($n:String!,$u:ID!){ createCadre(input:{name:$n, unitId:$u}){ id } }', { n: name, u: unitId });
    expect(r.errors).toBeUndefined();
  }
});
afterAll(async () => { await t?.close(); });

describe(`cadre paging (${engineName})`, () => {
  it('cursors return every row of the list exactly once, in the order of one big page', async () => {
    const all = (await page(cityOfficer, { first: 500 })).edges.map((e) => e.node.id);
    expect(all.length).toBeGreaterThan(10);
    const walked = (await walk(cityOfficer, 7)).map((n) => n.id);
    expect(walked).toEqual(all);
    expect(new Set(walked).size).toBe(walked.length);
    // A page jump by offset lands on the same rows as the cursor walk.
    const third = (await page(cityOfficer, { first: 7, offset: 14 })).edges.map((e) => e.node.id);
    expect(third).toEqual(all.slice(14, 21));
    // And a cursor taken from a jumped-to page continues from there.
    const jumped = await page(cityOfficer, { first: 7, offset: 14 });
    const next = (await page(cityOfficer, { first: 7, after: jumped.pageInfo.endCursor })).edges.map((e) => e.node.id);
    expect(next).toEqual(all.slice(21, 28));
  });

  it('walks a filler\'s reach, and a unit filter, exactly once', async () => {
    const all = (await page(filler, { first: 500 })).edges.map((e) => e.node.id);
    const walked = (await walk(filler, 3)).map((n) => n.id);
    expect(walked).toEqual(all);
    const fillerUnits = new Set((await t.gql(filler, '{ units { id } }')).data.units.map((u: { id: string }) => u.id));
    for (const n of await walk(filler, 3)) expect(fillerUnits.has(n.unit.id)).toBe(true);
    const unitId = (await page(cityOfficer, { first: 1 })).edges[0].node.unit.id;
    const inUnit = (await page(cityOfficer, { first: 500, filter: { unitId } })).edges.map((e) => e.node.id);
    expect((await walk(cityOfficer, 2, { unitId })).map((n) => n.id)).toEqual(inUnit);
  });

  it('search pages follow the tiers: the whole name, then prefixes, then inside the name', async () => {
    const walked = await walk(officer, 2, { search: '建华' });
    const names = walked.map((n) => n.name);
    expect(names.slice(0, 2)).toEqual(['建华', '建华']);
    const firstInfix = names.findIndex((n) => !n.startsWith('建华'));
    expect(names.slice(2, firstInfix).every((n) => n.startsWith('建华') && n !== '建华')).toBe(true);
    expect(names.slice(firstInfix).every((n) => n.includes('建华') && !n.startsWith('建华'))).toBe(true);
    expect(new Set(walked.map((n) => n.id)).size).toBe(walked.length);
    const one = (await page(officer, { first: 500, filter: { search: '建华' } })).edges.map((e) => e.node.id);
    expect(walked.map((n) => n.id)).toEqual(one);
  });

  it('refuses a forged, edited or malformed cursor in words', async () => {
    const p = await page(officer, { first: 2 });
    const good = p.pageInfo.endCursor!;
    const [payload, mac] = good.split('.');
    const edited = Buffer.from(Buffer.from(payload, 'base64url').toString().replace(/"[0-9a-f-]{36}"/, '"00000000-0000-4000-8000-000000000000"')).toString('base64url');
    for (const after of [`${edited}.${mac}`, `${payload}.${'A'.repeat(22)}`, 'abc', '….…', `${payload}.${mac}x`]) {
      const r = await t.gql(officer, PAGE, { first: 2, after });
      expect(r.errors?.[0]?.message, after).toMatch(/分页位置（after）无效/);
      expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    // A cursor of the plain list is not a search position, nor the other way round.
    const s = await page(officer, { first: 1, filter: { search: '建华' } });
    expect((await t.gql(officer, PAGE, { first: 2, after: good, filter: { search: '建华' } })).errors?.[0]?.message).toMatch(/分页位置/);
    expect((await t.gql(officer, PAGE, { first: 2, after: s.pageInfo.endCursor })).errors?.[0]?.message).toMatch(/分页位置/);
  });

  it('a valid cursor from another account never shows rows outside the caller\'s scope', async () => {
    const all = await walk(cityOfficer, 500);
    const mine = new Set((await walk(otherCounty, 500)).map((n) => n.id));
    expect(mine.size).toBeGreaterThan(0);
    // Start the county officer from every position of the city's list: only its own rows come back.
    for (let i = 0; i < all.length; i += Math.max(1, Math.floor(all.length / 8))) {
      const cursor = (await page(cityOfficer, { first: 1, offset: i })).edges[0].cursor;
      const p = await page(otherCounty, { first: 50, after: cursor });
      for (const e of p.edges) expect(mine.has(e.node.id)).toBe(true);
      for (const e of p.edges) expect(e.node.tenant.code).toBe('km-wh');
    }
  });

  it('counts exactly up to the limit and flags estimates above it', async () => {
    const exact = await page(officer, { first: 1, filter: { search: '建华' } });
    expect(exact.totalCountIsEstimate).toBe(false);
    expect(exact.totalCount).toBe((await walk(officer, 500, { search: '建华' })).length);
    const small = await createTestApp({ config: { exactCountLimit: 3 } });
    try {
      const tok = await small.login('km-gd.officer');
      const count = async (filter: Record<string, unknown>) => {
        const r = await small.gql(tok, PAGE, { first: 2, filter });
        expect(r.errors).toBeUndefined();
        const all = (await small.gql(tok, PAGE, { first: 500, filter })).data.cadres.edges.length as number;
        return { ...r.data.cadres as { totalCount: number; totalCountIsEstimate: boolean }, all };
      };
      const none = await count({ search: 'zzzzqqq' });
      expect(none).toMatchObject({ totalCount: 0, totalCountIsEstimate: false, all: 0 });
      // The whole list (more than ten times the limit): an estimate, never below the limit.
      const list = await count({});
      expect(list.all).toBeGreaterThan(30);
      expect(list.totalCountIsEstimate).toBe(true);
      expect(list.totalCount).toBeGreaterThan(3);
      // A search past the limit: an estimate above the limit, or — where the planner guessed no more than the limit —
      // counted on exactly (up to ten times the limit).
      const z = await count({ search: 'z' });
      expect(z.all).toBeGreaterThan(3);
      if (z.totalCountIsEstimate) expect(z.totalCount).toBeGreaterThan(3);
      else expect(z.totalCount).toBe(z.all);
    } finally {
      await small.close();
    }
  });

  it('the copied order columns follow a unit\'s sort order, a cadre\'s unit and sort order, and a tenant\'s path', async () => {
    const rollback = new Error('rollback');
    const drift = async (trx: Parameters<Parameters<typeof withScope>[2]>[0]) => {
      const { rows } = await sql<{ cadres: string; keys: string }>`select
        (select count(*) from cadre c join tenant t on t.id = c.tenant_id join unit u on u.id = c.unit_id
          where c.tenant_sort <> app_path_sort_key(t.path) or c.unit_sort <> u.sort_order) as cadres,
        (select count(*) from cadre_search_key k join cadre c on c.id = k.cadre_id
          where (k.tenant_sort, k.unit_sort, k.sort_order) is distinct from (c.tenant_sort, c.unit_sort, c.sort_order)) as keys`.execute(trx);
      return { cadres: Number(rows[0].cadres), keys: Number(rows[0].keys) };
    };
    await withScope(t.database.db, 'yn', async (trx) => {
      expect(await drift(trx)).toEqual({ cadres: 0, keys: 0 });
      await sql`update unit set sort_order = sort_order + 7 where id = (select unit_id from cadre order by id limit 1)`.execute(trx);
      await sql`update cadre set unit_id = (select u.id from unit u where u.tenant_id = cadre.tenant_id order by u.id desc limit 1)
        where id = (select id from cadre order by id desc limit 1)`.execute(trx);
      await sql`update cadre set sort_order = sort_order + 3 where id = (select id from cadre order by id limit 1 offset 1)`.execute(trx);
      // A writer cannot set the copies: the trigger puts the true values back.
      await sql`update cadre set tenant_sort = 'zzz', unit_sort = -1 where id = (select id from cadre order by id limit 1 offset 2)`.execute(trx);
      // A leaf tenant renamed in place (as a move does to every tenant it carries).
      await sql`update tenant set path = subpath(path, 0, nlevel(path) - 1) || 'moved_leaf'
        where id = (select t.id from tenant t where nlevel(t.path) > 1 and exists (select 1 from cadre c where c.tenant_id = t.id)
          and not exists (select 1 from tenant x where x.parent_id = t.id) order by t.path limit 1)`.execute(trx);
      expect(await drift(trx)).toEqual({ cadres: 0, keys: 0 });
      throw rollback;
    }).catch((e) => { if (e !== rollback) throw e; });
  });
});
