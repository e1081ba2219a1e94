// Personal data in the product's answers (issue 10): the ID-number mask leaves only the region code; the
// ID-number filter is for officers only and is audited with its target (never the number in plain); unit cadre
// counts are hidden from roles that cannot read cadres; a new tenant's code begins with its parent's code, so
// createTenant tells nothing of codes outside the caller's subtree.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { withScope } from '../../services/api/src/db/scope.js';
import { maskIdNumber } from '../../services/api/src/modules/cadres/fields.js';
import { createTestApp, uploadForms, type TestApp } from '../helpers/app.js';
import { engineName } from '../helpers/db.js';
import { idFor } from '../helpers/id-number.js';

let t: TestApp;
const tokens = new Map<string, string>();
const tok = async (u: string) => tokens.get(u) ?? tokens.set(u, await t.login(u)).get(u)!;
// Tenants made here are rolled back (x-test-rollback): a shared PostgreSQL database keeps them otherwise.
beforeAll(async () => { t = await createTestApp({ config: { testRollbackHeader: true } }); });
afterAll(async () => { await t?.close(); });

const rand = (n: number) => String(Math.floor(Math.random() * 10 ** n)).padStart(n, '0');
const run = rand(6); // codes and numbers unique per run (PostgreSQL keeps other files' data)

async function lastAudit(username: string) {
  return withScope(t.database.db, 'yn', async (trx) => (await sql<{ operation: string; kind: string; cadre_ids: string[]; detail: any; summary: string | null }>`
    select operation, kind, cadre_ids, detail, summary from audit_event where username = ${username} order by id desc limit 1`.execute(trx)).rows[0]);
}

async function newCadre(officer: string, idNumber: string) {
  const unitId = (await t.gql(officer, '{ units(tenantCode:"km-wh"){ id } }')).data.units[0].id;
  const r = await t.gql(officer, 'mutation($i:CadreInput!){ createCadre(input:$i){ id name } }', { i: { name: `护档${'甲乙丙丁'[Number(run) % 4]}`, unitId, birthMonth: '197906', idNumber } });
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data.createCadre as { id: string; name: string };
}

describe(`personal data in answers (${engineName})`, () => {
  it('the mask keeps only the 6-digit region code: no sequence digit and no check character', async () => {
    const id = idFor(`53010219790615${rand(3)}`);
    expect(maskIdNumber(id)).toBe(`${id.slice(0, 6)}************`);
    const officer = await tok('km-wh.officer');
    const c = await newCadre(officer, id);
    for (const u of ['km-wh.leader', 'km-wh.filler', 'km.leader']) {
      const seen = (await t.gql(await tok(u), 'query($id:ID!){ cadre(id:$id){ idNumber idNumberMasked } }', { id: c.id })).data.cadre;
      if (!seen) continue; // a filler may not reach the unit
      expect(seen).toEqual({ idNumber: `${id.slice(0, 6)}************`, idNumberMasked: true });
    }
    // Exports for non-officers carry no number at all; the officer's carries it in full.
    const leader = await tok('km-wh.leader');
    const lrmx = await t.app.inject({ method: 'GET', url: `/api/cadres/${c.id}/export.lrmx`, headers: { authorization: `Bearer ${leader}` } });
    expect(lrmx.statusCode).toBe(200);
    expect(lrmx.body).not.toContain(id.slice(6));
    const own = await t.app.inject({ method: 'GET', url: `/api/cadres/${c.id}/export.lrmx`, headers: { authorization: `Bearer ${officer}` } });
    expect(own.body).toContain(`<ShenFenZheng>${id}</ShenFenZheng>`);
  });

  it('only officers may filter cadres by ID number; others are refused in Chinese and the refusal is audited', async () => {
    const id = idFor(`53010219800101${rand(3)}`);
    const officer = await tok('km-wh.officer');
    const c = await newCadre(officer, id);
    for (const u of ['km-wh.leader', 'km-wh.filler', 'km.leader']) {
      const r = await t.gql(await tok(u), 'query($n:String){ cadres(filter:{idNumber:$n}){ totalCount edges { node { id } } } }', { n: id });
      expect(r.errors?.[0]).toMatchObject({ message: '只有纪检干部可以按公民身份号码查询干部', extensions: { code: 'FORBIDDEN' } });
      expect(r.data?.cadres ?? null).toBeNull();
      const row = await lastAudit(u);
      expect(row.kind).toBe('denied');
      expect(JSON.stringify(row)).not.toContain(id);
      // Counting alone is refused too.
      const count = await t.gql(await tok(u), 'query($n:String){ cadres(first:0, filter:{idNumber:$n}){ totalCount } }', { n: id });
      expect(count.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    // Without the filter, leaders keep listing.
    expect((await t.gql(await tok('km-wh.leader'), '{ cadres(first:1){ totalCount } }')).data.cadres.totalCount).toBeGreaterThan(0);
    expect(c.id).toBeTruthy();
  });

  it("an officer's ID-number filter is audited with its target and the number only masked and keyed-hashed, also for totalCount alone", async () => {
    const id = idFor(`53010219810202${rand(3)}`);
    const officer = await tok('km-wh.officer');
    const c = await newCadre(officer, id);
    const hash = (await withScope(t.database.db, 'yn', (trx) => trx.selectFrom('cadre').select('id_number_hash').where('id', '=', c.id).executeTakeFirstOrThrow())).id_number_hash;
    for (const query of [
      'query($n:String){ cadres(filter:{idNumber:$n}){ totalCount edges { node { id } } } }',
      'query($n:String){ cadres(first:0, filter:{idNumber:$n}){ totalCount } }',
    ]) {
      const r = await t.gql(officer, query, { n: id });
      expect(r.data.cadres.totalCount).toBe(1);
      const row = await lastAudit('km-wh.officer');
      expect(row.cadre_ids).toEqual([c.id]);
      expect(row.detail.targets).toContainEqual({ type: 'IdNumberFilter', id: hash, name: `按公民身份号码查询（${id.slice(0, 6)}************）` });
      expect(row.summary).toContain(c.name);
      expect(row.summary).toContain(`${id.slice(0, 6)}************`);
      expect(JSON.stringify(row)).not.toContain(id);
      expect(JSON.stringify(row)).not.toContain(id.slice(6));
    }
    // A number that matches nobody: audited as a filter with no target.
    const none = idFor(`53010219820303${rand(3)}`);
    expect((await t.gql(officer, 'query($n:String){ cadres(first:0, filter:{idNumber:$n}){ totalCount } }', { n: none })).data.cadres.totalCount).toBe(0);
    const row = await lastAudit('km-wh.officer');
    expect(row.cadre_ids).toEqual([]);
    expect(row.detail.targets.map((x: any) => x.type)).toEqual(['IdNumberFilter']);
    expect(JSON.stringify(row)).not.toContain(none);
  });

  it('an import preview cannot test a guessed ID number: for non-officers a right and a wrong number answer alike', async () => {
    const officer = await tok('km-wh.officer');
    const filler = await tok('km-wh.filler');
    const unitId = (await t.gql(filler, '{ units(tenantCode:"km-wh"){ id } }')).data.units[0].id;
    const name = `验号${'甲乙丙丁戊己庚辛'[Number(run) % 8]}${'子丑寅卯辰巳午未'[Number(run.slice(1)) % 8]}`;
    const id = idFor(`53010219790615${rand(3)}`);
    const made = await t.gql(officer, 'mutation($i:CadreInput!){ createCadre(input:$i){ id } }', { i: { name, unitId, birthMonth: '197906', idNumber: id } });
    const cadreId = made.data.createCadre.id;
    const wrong = idFor(`${id.slice(0, 14)}${String((Number(id.slice(14, 17)) + 2) % 1000).padStart(3, '0')}`);
    const form = (n: string) => `<?xml version="1.0" encoding="UTF-8"?><Person><XingMing>${name}</XingMing><ChuShengNianYue>197906</ChuShengNianYue><ShenFenZheng>${n}</ShenFenZheng></Person>`;
    const preview = async (token: string, n: string) => {
      const f = (await uploadForms(t.app, token, [{ name: 'guess.lrmx', data: form(n) }])).body.files[0];
      return { status: f.status, error: f.error, warnings: f.warnings, match: f.match, id: f.fields?.ShenFenZheng };
    };
    const right = await preview(filler, id);
    const guessed = await preview(filler, wrong);
    expect(right.match).toMatchObject({ cadreId, by: 'nameBirth' });
    expect(right).toEqual(guessed);
    expect(right.match.diff.find((d: any) => d.field === 'ShenFenZheng')).toEqual({ field: 'ShenFenZheng', label: '公民身份号码', from: '（已登记）', to: `${id.slice(0, 6)}************（以导入文件为准）` });
    // Officers, who see numbers anyway, are still matched by number.
    expect((await preview(officer, id)).match).toMatchObject({ cadreId, by: 'idNumber', diff: [] });
    expect((await preview(officer, wrong)).match).toBeNull();
  });

  it('unit cadre counts: null for roles that cannot read cadres (admins), numbers for those who can', async () => {
    const admin = await t.gql(await tok('km-wh.admin'), '{ units(tenantCode:"km-wh"){ id cadreCount } }');
    expect(admin.errors).toBeUndefined();
    expect(admin.data.units.length).toBeGreaterThan(0);
    expect(admin.data.units.every((u: any) => u.cadreCount === null)).toBe(true);
    const officer = await t.gql(await tok('km-wh.officer'), '{ units(tenantCode:"km-wh"){ id cadreCount } }');
    expect(officer.data.units.every((u: any) => typeof u.cadreCount === 'number')).toBe(true);
    expect(officer.data.units.reduce((s: number, u: any) => s + u.cadreCount, 0)).toBeGreaterThan(0);
  });
});

describe(`tenant codes begin with the parent's code (${engineName})`, () => {
  const create = async (token: string, parentId: string, code: string) =>
    t.gql(token, 'mutation($p:ID!,$c:String!){ createTenant(input:{parentId:$p, code:$c, name:"代码测试纪委", kind:"county_commission"}){ id code path } }', { p: parentId, c: code }, { 'x-test-rollback': '1' });
  const tenantId = async (code: string) => (await t.gql(await tok('yn.admin'), '{ tenants { id code } }')).data.tenants.find((x: any) => x.code === code).id as string;

  it('a caller cannot learn of a code outside its subtree: every existing outside code answers like a fresh one', async () => {
    const wh = await tok('km-wh.admin');
    const whId = await tenantId('km-wh');
    const mine = new Set((await t.gql(wh, '{ tenants { code } }')).data.tenants.map((x: any) => x.code));
    const outside = (await t.gql(await tok('yn.admin'), '{ tenants { code } }')).data.tenants.map((x: any) => x.code).filter((c: string) => !mine.has(c));
    expect(outside).toEqual(expect.arrayContaining(['yn', 'km', 'km-pl', 'km-pz-jy']));
    for (const code of outside) {
      const r = await create(wh, whId, code);
      expect(r.errors, `${code}: ${JSON.stringify(r.errors)}`).toBeUndefined();
      // Given without the prefix, the parent's code is put in front.
      expect(r.data.createTenant.code).toBe(`km-wh-${code}`);
    }
    // A fresh code, given in full or as the suffix only.
    expect((await create(wh, whId, `km-wh-f${run}`)).data.createTenant.code).toBe(`km-wh-f${run}`);
    expect((await create(wh, whId, `g${run}`)).data.createTenant).toMatchObject({ code: `km-wh-g${run}`, path: `yn.km.km_wh.km_wh_g${run}` });
  });

  it('a collision inside the subtree, a code through another tenant\'s code, and a prefix codes below already use all get the same answer', async () => {
    const km = await tok('km.admin');
    const kmId = await tenantId('km');
    const taken = (code: string) => `代码 ${code} 已被使用或与已有下级机构的代码重叠，请换一个`;
    const refusal = async (token: string, parent: string, code: string) => (await create(token, parent, code)).errors?.[0];
    // An existing child, in full or as the suffix.
    expect(await refusal(km, kmId, 'km-wh')).toMatchObject({ message: taken('km-wh'), extensions: { code: 'BAD_USER_INPUT' } });
    expect(await refusal(km, kmId, 'pl')).toMatchObject({ message: taken('km-pl') });
    // km may not create km-wh-… beside km-wh (it would sit in km-wh's name space, outside km-wh's subtree).
    expect(await refusal(km, kmId, `km-wh-i${run}`)).toMatchObject({ message: taken(`km-wh-i${run}`) });
    // Nor claim a prefix that codes below already use (km-pz-jy exists).
    expect(await refusal(km, kmId, 'km-pz')).toMatchObject({ message: taken('km-pz') });
    // Nothing was written by the refusals.
    const codes = (await t.gql(await tok('yn.admin'), '{ tenants { code } }')).data.tenants.map((x: any) => x.code);
    expect(codes).not.toContain(`km-wh-i${run}`);
    expect(codes).not.toContain('km-pz');
  });
});
