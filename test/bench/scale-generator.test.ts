// The scale benchmark's generator (test/bench/scale/population.mts) at a tiny size, so it cannot rot silently: its
// rows load into the current schema, its search keys are what the product computes, its codes and ID numbers are
// valid, and its archive records read back through GraphQL. No timings.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../services/api/src/app.js';
import { seedDemo } from '../../services/api/src/seed/demo.js';
import { searchKeys } from '../../services/api/src/modules/cadres/search-terms.js';
import { MONTH_RE } from '../../services/api/src/modules/cadres/fields.js';
import { decryptField, fieldKeys, keyedHash } from '../../services/api/src/crypto/fields.js';
import { DEMO_PASSWORD, isPg, openOwnerDatabase, testConfig } from '../helpers/db.js';
import type { OwnerQuery } from '../../services/api/src/audit/chain.js';
import { ARCHIVE_CADRES, checkSearchKeys, loadPopulation, pgliteLoader, psqlLoader, type LoadReport } from './scale/population.mjs';

const config = testConfig();
let close: () => Promise<void>;
let q: OwnerQuery;
let report: LoadReport;
/** Demo cadres that already carry an ID number (a database seeded with the field secret): not the population's. */
let demoWithId: string[] = [];
let gql: (token: string | null, query: string, variables?: Record<string, unknown>) => Promise<any>;

beforeAll(async () => {
  const owner = await openOwnerDatabase(config, { memory: true });
  q = owner.q;
  await seedDemo(owner.database.db, DEMO_PASSWORD);
  // The owner is under forced RLS (PostgreSQL): it reads in the root's scope.
  await q(`select set_config('app.tenant_path', 'yn', false)`, []);
  const query = async <T,>(sql: string) => (await q(sql, [])) as T[];
  demoWithId = (await query<{ id: string }>('select id from cadre where id_number_cipher is not null')).map((r) => r.id);
  const loader = isPg ? psqlLoader(config.databaseOwnerUrl!, query) : pgliteLoader(owner.database.pglite!.pg);
  report = await loadPopulation(loader, { size: 200, fieldSecret: config.fieldSecret, seed: 7 });
  const app = await buildApp(config, owner.database);
  await app.ready();
  gql = async (token, query, variables = {}) => (await app.inject({
    method: 'POST', url: '/graphql', payload: { query, variables },
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  })).json();
  close = async () => { await app.close(); await owner.close(); };
});
afterAll(() => close?.());

describe('scale benchmark population', () => {
  it('has the cadres, with search keys exactly as the product computes them', async () => {
    const rows = await q(`select id, name, search_terms, pinyin_keys from cadre where sort_order >= 10 and name <> ''`, []) as { id: string; name: string; search_terms: string[]; pinyin_keys: string[] }[];
    expect(rows.length).toBeGreaterThanOrEqual(200);
    for (const r of rows) {
      const k = searchKeys(r.name);
      expect(r.search_terms).toEqual(k.terms);
      expect(r.pinyin_keys).toEqual(k.pinyinKeys);
    }
    const keys = await checkSearchKeys(async (sql) => (await q(sql, [])) as never);
    expect(keys.keys).toBe(keys.expected);
    expect(keys.badOrder).toBe(0);
    expect(keys.badKeys).toBe(0);
    // The key rows of one cadre are its distinct terms.
    const one = rows[rows.length - 1];
    const keyRows = await q('select key from cadre_search_key where cadre_id = $1 order by key', [one.id]) as { key: string }[];
    expect(keyRows.map((x) => x.key)).toEqual([...new Set(one.search_terms)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('copies list order and ranking tiers exactly as the triggers do for a cadre inserted the normal way', async () => {
    // Generated cadres across tenants and units (seeded and extra units), and the seeded demo cadres too.
    const sample = await q(`select id from cadre c where sort_order % 70 = 10 or id_number_cipher is null order by id`, []) as { id: string }[];
    expect(sample.length).toBeGreaterThan(10);
    const ids = sample.map((r) => r.id);
    const cols = `tenant_id, unit_id, name, sex, birth_month, sort_order, search_terms, pinyin_keys, status`;
    // Copies inserted as the product inserts (triggers cadre_order_fill and cadre_search_key_sync enabled), with the
    // order columns given wrong so that only the trigger can make them right; the copy's id maps back to the original.
    const pairs: { orig: string; copy: string }[] = [];
    for (const id of ids) {
      const [c] = await q(`insert into cadre (id, ${cols}, tenant_sort, unit_sort)
        select gen_random_uuid(), ${cols}, 'x', -1 from cadre where id = $1 returning id`, [id]) as { id: string }[];
      pairs.push({ orig: id, copy: c.id });
    }
    try {
      const order = async (id: string) => (await q('select tenant_sort, unit_sort from cadre where id = $1', [id]))[0];
      const keyRows = async (id: string) => q(`select key, tier, tenant_sort, unit_sort, sort_order, tenant_id from cadre_search_key where cadre_id = $1 order by key`, [id]);
      let tiers = new Set<number>();
      for (const p of pairs) {
        expect(await order(p.orig)).toEqual(await order(p.copy));
        const [a, b] = [await keyRows(p.orig), await keyRows(p.copy)];
        expect(a.length).toBeGreaterThan(0);
        expect(a).toEqual(b);
        tiers = new Set([...tiers, ...a.map((r) => Number((r as { tier: number }).tier))]);
      }
      // The sample exercises more than one tier (whole name, pinyin, prefixes, inner substrings).
      expect(tiers.size).toBeGreaterThanOrEqual(4);
    } finally {
      await q('delete from cadre where id = any($1::uuid[])', [pairs.map((p) => p.copy)]);
    }
  });

  it('stores valid codes, months and ID numbers', async () => {
    const rows = await q(`select sex, ethnicity, rank, status, political_status, management_level, birth_month, work_start, id_number_cipher, id_number_hash
      from cadre where id_number_cipher is not null and not (id = any($1::uuid[]))`, [demoWithId]) as Record<string, string>[];
    expect(rows.length).toBe(200);
    const keys = fieldKeys(config.fieldSecret);
    // Stored as codes (migration 0015): each value is a code of its field's code_label domain.
    const domains = new Map<string, Set<string>>();
    for (const d of await q(`select domain, code from code_label where domain like 'cadre.%'`, []) as { domain: string; code: string }[]) {
      if (!domains.has(d.domain)) domains.set(d.domain, new Set());
      domains.get(d.domain)!.add(d.code);
    }
    for (const r of rows) {
      for (const [domain, col] of [['sex', 'sex'], ['ethnicity', 'ethnicity'], ['rank', 'rank'], ['status', 'status'], ['politicalStatus', 'political_status'], ['managementLevel', 'management_level']]) {
        expect(domains.get(`cadre.${domain}`)?.has(r[col]), `${col} ${r[col]}`).toBe(true);
      }
      expect(r.birth_month).toMatch(MONTH_RE);
      expect(r.work_start).toMatch(MONTH_RE);
      const id = decryptField(keys, r.id_number_cipher)!;
      expect(id).toMatch(/^\d{17}[\dX]$/);
      const sum = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2].reduce((a, w, i) => a + w * Number(id[i]), 0);
      expect(id[17]).toBe('10X98765432'[sum % 11]);
      expect(r.id_number_hash).toBe(keyedHash(keys, id));
    }
  });

  it('serves the archive cadres with 24 records each and finds cadres by search, through GraphQL', async () => {
    expect(report.archiveCadreIds.length).toBe(ARCHIVE_CADRES);
    const login = await gql(null, 'mutation($u:String!,$p:String!){ login(username:$u,password:$p){ accessToken } }', { u: 'km.officer', p: DEMO_PASSWORD });
    const token = login.data.login.accessToken as string;
    const r = await gql(token, `query($id: ID!) { cadre(id: $id) { id name idNumber records { id category categoryTitle status materials { name pages }
      ... on SanctionRecord { kind measure form decidedOn } ... on GiftRecord { giftKind amount } } } }`, { id: report.archiveCadreIds[0] });
    expect(r.errors).toBeUndefined();
    expect(r.data.cadre.records).toHaveLength(24);
    expect(new Set(r.data.cadre.records.map((x: { category: number }) => x.category)).size).toBe(12);
    expect(r.data.cadre.idNumber).toMatch(/^\d{17}[\dX]$/);
    const sanction = r.data.cadre.records.find((x: { category: number }) => x.category === 10);
    expect(sanction.form).toMatch(/^第[一二三四]种形态$/);
    const found = await gql(token, 'query($s: String!) { cadres(first: 50, filter: { search: $s }) { totalCount edges { node { id } } } }', { s: r.data.cadre.name });
    expect(found.errors).toBeUndefined();
    expect(found.data.cadres.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(report.archiveCadreIds[0]);
  });
});
