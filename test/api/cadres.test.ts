// Cadre reads and writes through GraphQL, scoped by tenant and graded by role.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { engineName } from '../helpers/db.js';
import { DEMO_TENANTS } from '../../services/api/src/seed/demo-data.js';

/** The first top-level unit of the demo's 五华区 (the filler's unit), from the demo data rather than a name written here. */
const WH_FIRST = DEMO_TENANTS.find((x) => x.code === 'km-wh')!.units[0].name;

let t: TestApp;
const LIST = 'query($f:Int,$a:String,$s:String,$tc:String,$u:ID){ cadres(first:$f, after:$a, filter:{search:$s, tenantCode:$tc, unitId:$u}){ totalCount pageInfo{hasNextPage endCursor} edges { cursor node { id name tenant { code } unit { id name } } } } }';
const ONE = 'query($id:ID!){ cadre(id:$id){ id name tenant { code } } }';
const tokens: Record<string, string> = {};
const tok = async (u: string) => (tokens[u] ??= await t.login(u));

beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

describe(`cadres (${engineName})`, () => {
  it('km.leader sees the whole city subtree; km-wh.officer only 五华区', async () => {
    const all = await t.gql(await tok('km.leader'), LIST, { f: 500 });
    expect(all.errors).toBeUndefined();
    const codes = new Set(all.data.cadres.edges.map((e: any) => e.node.tenant.code));
    expect([...codes]).toEqual(expect.arrayContaining(['km', 'km-wh', 'km-pl', 'km-gd', 'km-qy-ct']));
    expect(codes.has('yn')).toBe(false);
    const wh = await t.gql(await tok('km-wh.officer'), LIST, { f: 500 });
    expect(wh.data.cadres.totalCount).toBeGreaterThan(0);
    expect(wh.data.cadres.edges.every((e: any) => e.node.tenant.code === 'km-wh')).toBe(true);
    expect(wh.data.cadres.totalCount).toBe(wh.data.cadres.edges.length);
  });

  it('km-wh.officer finds none of 盘龙区 by list, search, id or error text', async () => {
    const pl = await t.gql(await tok('km-pl.officer'), LIST, { f: 500 });
    const plCadres = pl.data.cadres.edges.map((e: any) => e.node);
    expect(plCadres.length).toBeGreaterThan(10);
    const wh = await tok('km-wh.officer');
    const byTenant = await t.gql(wh, LIST, { f: 500, tc: 'km-pl' });
    expect(byTenant.data.cadres.totalCount).toBe(0);
    const byUnit = await t.gql(wh, LIST, { f: 500, u: plCadres[0].unit.id });
    expect(byUnit.data.cadres.totalCount).toBe(0);
    const whNames = new Set((await t.gql(wh, LIST, { f: 500 })).data.cadres.edges.map((e: any) => e.node.name));
    for (const c of plCadres.slice(0, 20)) {
      const s = await t.gql(wh, LIST, { f: 50, s: c.name });
      expect(s.data.cadres.edges.every((e: any) => e.node.tenant.code === 'km-wh')).toBe(true);
      if (!whNames.has(c.name)) expect(s.data.cadres.totalCount).toBe(0);
      const one = await t.gql(wh, ONE, { id: c.id });
      expect(one).toEqual({ data: { cadre: null } });
      const upd = await t.gql(wh, 'mutation($id:ID!){ updateCadre(id:$id, version:1, input:{position:"篡改"}){ id } }', { id: c.id });
      expect(upd).toEqual({ data: { updateCadre: null } });
    }
    // The record was not changed by the foreign attempt.
    const after = await t.gql(await tok('km-pl.officer'), 'query($id:ID!){ cadre(id:$id){ position } }', { id: plCadres[0].id });
    expect(after.data.cadre.position).not.toBe('篡改');
  });

  it('a malformed, unknown or foreign id answers null with no error, indistinguishably', async () => {
    const wh = await tok('km-wh.officer');
    const foreign = (await t.gql(await tok('km-pl.officer'), LIST, { f: 1 })).data.cadres.edges[0].node.id;
    const answers = await Promise.all(['not-a-uuid', "'; drop table cadre; --", '00000000-0000-0000-0000-000000000000', foreign]
      .map((id) => t.gql(wh, ONE, { id })));
    for (const a of answers) expect(a).toEqual({ data: { cadre: null } });
  });

  it('first is clamped to 500 and paging walks the whole list without overlap', async () => {
    const lead = await tok('km.leader');
    const big = await t.gql(lead, LIST, { f: 100000 });
    expect(big.data.cadres.edges.length).toBe(Math.min(500, big.data.cadres.totalCount));
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 100; i++) {
      const page: any = await t.gql(await tok('km-wh.officer'), LIST, { f: 7, a: after });
      seen.push(...page.data.cadres.edges.map((e: any) => e.node.id));
      if (!page.data.cadres.pageInfo.hasNextPage) break;
      after = page.data.cadres.pageInfo.endCursor;
    }
    const total = (await t.gql(await tok('km-wh.officer'), LIST, { f: 0 })).data.cadres.totalCount;
    expect(seen.length).toBe(total);
    expect(new Set(seen).size).toBe(total);
  });

  it('lists follow the manual order of units and cadres', async () => {
    const r = await t.gql(await tok('km-wh.officer'), '{ units(tenantCode:"km-wh"){ id name sortOrder parentId } }');
    const roots = r.data.units.filter((u: any) => !u.parentId);
    expect(roots.map((u: any) => u.sortOrder)).toEqual([...roots.map((u: any) => u.sortOrder)].sort((a: number, b: number) => a - b));
    expect(roots[0].name).toBe(WH_FIRST);
  });

  it('unit filter includes sub-units', async () => {
    const wh = await tok('km-wh.officer');
    const units = (await t.gql(wh, '{ units(tenantCode:"km-wh"){ id name parentId cadreCount } }')).data.units;
    const edu = units.find((u: any) => u.name === WH_FIRST && !u.parentId);
    const children = units.filter((u: any) => u.parentId === edu.id);
    expect(children.length).toBeGreaterThan(1);
    const expected = edu.cadreCount + children.reduce((s: number, c: any) => s + c.cadreCount, 0);
    const r = await t.gql(wh, LIST, { f: 500, u: edu.id });
    expect(r.data.cadres.totalCount).toBe(expected);
    expect(new Set(r.data.cadres.edges.map((e: any) => e.node.unit.name))).toEqual(new Set([edu, ...children].filter((u: any) => u.cadreCount > 0).map((u: any) => u.name)));
  });

  it('roles: admin and auditor see no archive content; leader cannot write; officer can', async () => {
    for (const u of ['km.admin', 'km.auditor', 'km-wh.auditor']) {
      const r = await t.gql(await tok(u), LIST, { f: 5 });
      expect(r.data ?? null, u).toBeNull();
      expect(r.errors?.[0].extensions?.code, u).toBe('FORBIDDEN');
    }
    const units = (await t.gql(await tok('km-wh.officer'), '{ units(tenantCode:"km-wh"){ id } }')).data.units;
    const create = 'mutation($u:ID!){ createCadre(input:{name:"测试员", unitId:$u, birthMonth:"198001"}){ id name tenant { code } } }';
    const denied = await t.gql(await tok('km-wh.leader'), create, { u: units[0].id });
    expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const made = await t.gql(await tok('km-wh.officer'), create, { u: units[0].id });
    expect(made.data.createCadre).toMatchObject({ name: '测试员', tenant: { code: 'km-wh' } });
    const found = await t.gql(await tok('km-wh.officer'), LIST, { f: 5, s: 'csy' });
    expect(found.data.cadres.edges.map((e: any) => e.node.name)).toContain('测试员');
    // An officer of 五华区 cannot place a cadre into a unit of 盘龙区.
    const plUnit = (await t.gql(await tok('km-pl.officer'), '{ units(tenantCode:"km-pl"){ id } }')).data.units[0].id;
    const cross = await t.gql(await tok('km-wh.officer'), create, { u: plUnit });
    expect(cross.errors?.[0].message).toBe('所选单位不存在，请从单位目录中选择');
    const bad = await t.gql(await tok('km-wh.officer'), 'mutation($u:ID!){ createCadre(input:{name:"张三", unitId:$u, birthMonth:"19801"}){ id } }', { u: units[0].id });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('a filler sees, finds and writes only the cadres of its assigned unit and the units beneath it', async () => {
    const filler = await tok('km-wh.filler');
    const officer = await tok('km-wh.officer');
    const all = (await t.gql(officer, '{ units(tenantCode:"km-wh"){ id name parentId cadreCount } }')).data.units;
    const edu = all.find((u: any) => u.name === WH_FIRST && !u.parentId);
    // A top-level unit outside the filler's reach, with cadres of its own.
    const outside = all.find((u: any) => !u.parentId && u.id !== edu.id && u.cadreCount > 0);
    const inReach = [edu, ...all.filter((u: any) => u.parentId === edu.id)];
    const expected = inReach.reduce((s: number, u: any) => s + u.cadreCount, 0);
    // The unit tree shows the assigned unit and its sub-units only.
    const seen = (await t.gql(filler, '{ units { id name } }')).data.units;
    expect(new Set(seen.map((u: any) => u.id))).toEqual(new Set(inReach.map((u: any) => u.id)));
    const list = await t.gql(filler, LIST, { f: 500 });
    expect(list.data.cadres.totalCount).toBe(expected);
    expect(new Set(list.data.cadres.edges.map((e: any) => e.node.unit.name))).toEqual(new Set(inReach.filter((u: any) => u.cadreCount > 0).map((u: any) => u.name)));
    // A cadre of another unit of the same tenant answers like a missing one: by id, by search, by update.
    const other = (await t.gql(officer, LIST, { f: 5, u: outside.id })).data.cadres.edges[0].node;
    expect((await t.gql(filler, '{ cadre(id:"' + other.id + '"){ id } }')).data.cadre).toBeNull();
    expect((await t.gql(filler, LIST, { f: 5, s: other.name })).data.cadres.totalCount).toBe(0);
    const upd = 'mutation($id:ID!,$v:Int!,$p:CadrePatch!){ updateCadre(id:$id, version:$v, input:$p){ id position } }';
    const ver = async (id: string) => (await t.gql(officer, '{ cadre(id:"' + id + '"){ version } }')).data.cadre.version;
    const before = (await t.gql(officer, '{ cadre(id:"' + other.id + '"){ position } }')).data.cadre.position;
    expect((await t.gql(filler, upd, { id: other.id, v: await ver(other.id), p: { position: '改' } })).data.updateCadre).toBeNull();
    expect((await t.gql(officer, '{ cadre(id:"' + other.id + '"){ position } }')).data.cadre.position).toBe(before);
    // Inside its reach its edit goes to review (test/api/inbox.test.ts); it cannot move a cadre out of its reach, nor
    // create one outside it.
    const mine = list.data.cadres.edges[0].node;
    const submitted = (await t.gql(filler, upd.replace('position }', 'position openChange { status changes { label to } } }'),
      { id: mine.id, v: await ver(mine.id), p: { position: '填报提交的职务' } })).data.updateCadre;
    expect(submitted.openChange).toEqual({ status: 'pending', changes: [{ label: '现任职务', to: '填报提交的职务' }] });
    expect((await t.gql(filler, upd, { id: mine.id, v: await ver(mine.id), p: { unitId: outside.id } })).data.updateCadre).toBeNull();
    const create = 'mutation($u:ID!){ createCadre(input:{name:"填报测试", unitId:$u}){ id unit { name } } }';
    expect((await t.gql(filler, create, { u: outside.id })).errors?.[0].message).toBe('所选单位不存在，请从单位目录中选择');
    expect((await t.gql(filler, create, { u: inReach[1].id })).data.createCadre.unit.name).toBe(inReach[1].name);
  });

  it('tenants lists the own subtree; a parent outside it reads as null', async () => {
    const r = await t.gql(await tok('km.admin'), '{ me { username roles tenant { code name path } } tenants { code kind parent { code } } }');
    expect(r.data.me).toEqual({ username: 'km.admin', roles: ['admin'], tenant: { code: 'km', name: '昆明市纪委监委', path: 'yn.km' } });
    const codes = r.data.tenants.map((x: any) => x.code);
    // The demo's ten (the file's own database: nobody adds tenants below km).
    expect([...codes].sort()).toEqual(['km', 'km-wh', 'km-pl', 'km-gd', 'km-pz-jy', 'km-pz-wj', 'km-xc', 'km-qy-ct', 'km-qy-gj', 'km-gx-kmxy'].sort());
    expect(r.data.tenants.every((x: any) => x.code === 'km' || x.parent)).toBe(true);
    expect(codes).not.toContain('yn');
    expect(r.data.tenants.find((x: any) => x.code === 'km').parent).toBeNull();
    expect(r.data.tenants.find((x: any) => x.code === 'km-wh').parent).toEqual({ code: 'km' });
    const wh = await t.gql(await tok('km-wh.leader'), '{ tenants { code } }');
    expect(wh.data.tenants).toEqual([{ code: 'km-wh' }]);
  });
});
