// A cadre's life in the archive (issue 13): created by hand, moved between units of its tenant (unit history),
// given a status with a date, deleted by mistake and restored (officers only) — and every hostile variant refused in
// Chinese with nothing changed. No demo names: units and cadres are looked up or created here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { engineName } from '../helpers/db.js';
import { withScope } from '../../services/api/src/db/scope.js';

let t: TestApp;
const tokens: Record<string, string> = {};
const tok = async (u: string) => (tokens[u] ??= await t.login(u));

const UNITS = 'query($tc:String){ units(tenantCode:$tc){ id name parentId } }';
const CREATE = 'mutation($i:CadreInput!){ createCadre(input:$i){ id name version status statusOn unit { id name } tenant { code } } }';
const ONE = `query($id:ID!){ cadre(id:$id){ id name version status statusCode statusOn deleted unit { id name }
  unitHistory { fromUnitId fromUnitName toUnitId toUnitName movedOn actorName }
  history { version action actorName changes { label from to } } } }`;
const MOVE = 'mutation($id:ID!,$u:ID!){ moveCadre(id:$id, unitId:$u){ id version unit { id name } } }';
const STATUS = 'mutation($id:ID!,$s:String!,$on:String!){ setCadreStatus(id:$id, status:$s, on:$on){ id status statusCode statusOn } }';
const DELETE = 'mutation($id:ID!){ deleteCadre(id:$id){ id deleted } }';
const RESTORE = 'mutation($id:ID!){ restoreCadre(id:$id){ id deleted } }';
const DELETED = '{ deletedCadres { id name deleted deletedByName } }';
const LIST = 'query($s:String,$u:ID){ cadres(first:500, filter:{search:$s, unitId:$u}){ totalCount edges { node { id } } } }';

const unitsOf = async (code: string) => (await t.gql(await tok(`${code}.officer`), UNITS, { tc: code })).data.units as { id: string; name: string }[];
let wh: { id: string; name: string }[];
let pl: { id: string; name: string }[];
/** A name no demo cadre has (Han characters only, unique per call). */
let seq = 0;
const freshName = () => `测试${'甲乙丙丁戊己庚辛壬癸'[seq % 10]}${'子丑寅卯辰巳午未申酉戌亥'[Math.floor(seq++ / 10) % 12]}`;

async function create(user: string, unitId: string, extra: Record<string, unknown> = {}) {
  const r = await t.gql(await tok(user), CREATE, { i: { name: freshName(), unitId, sex: '女', birthMonth: '198003', ethnicity: '汉族', ...extra } });
  expect(r.errors).toBeUndefined();
  return r.data.createCadre;
}

beforeAll(async () => {
  t = await createTestApp();
  wh = await unitsOf('km-wh');
  pl = await unitsOf('km-pl');
  expect(wh.length).toBeGreaterThan(1);
  expect(pl.length).toBeGreaterThan(0);
});
afterAll(async () => { await t?.close(); });

describe(`cadre lifecycle (${engineName})`, () => {
  it('an officer creates a cadre by hand: its first placement is in the unit history', async () => {
    const c = await create('km-wh.officer', wh[0].id, { nativePlace: '云南昆明', workStart: '200207', position: '科员', professionalTitle: '经济师' });
    expect(c).toMatchObject({ version: 1, status: '在职', statusOn: null, unit: { id: wh[0].id }, tenant: { code: 'km-wh' } });
    const one = (await t.gql(await tok('km-wh.officer'), ONE, { id: c.id })).data.cadre;
    expect(one.unitHistory).toEqual([expect.objectContaining({ fromUnitId: null, toUnitId: wh[0].id, toUnitName: wh[0].name, actorName: expect.any(String) })]);
    expect(one.history.map((h: any) => h.action)).toEqual(['create']);
  });

  it('createCadre refuses a forged unit and (for a filler) a unit outside its assignment, in Chinese', async () => {
    const forged = await t.gql(await tok('km-wh.officer'), CREATE, { i: { name: freshName(), unitId: '00000000-0000-0000-0000-000000000000' } });
    expect(forged.errors?.[0].message).toMatch(/单位不存在/);
    const foreign = await t.gql(await tok('km-wh.officer'), CREATE, { i: { name: freshName(), unitId: pl[0].id } });
    expect(foreign.errors?.[0].message).toMatch(/单位不存在/);
  });

  it('moveCadre moves a cadre to another unit of its tenant; the unit history and revisions show it', async () => {
    const c = await create('km-wh.officer', wh[0].id);
    const moved = await t.gql(await tok('km-wh.officer'), MOVE, { id: c.id, u: wh[1].id });
    expect(moved.errors).toBeUndefined();
    expect(moved.data.moveCadre).toMatchObject({ version: 2, unit: { id: wh[1].id } });
    const one = (await t.gql(await tok('km-wh.officer'), ONE, { id: c.id })).data.cadre;
    expect(one.unitHistory[0]).toMatchObject({ fromUnitId: wh[0].id, fromUnitName: wh[0].name, toUnitId: wh[1].id, toUnitName: wh[1].name });
    expect(one.unitHistory[0].movedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(one.unitHistory).toHaveLength(2);
    expect(one.history[0].changes).toEqual([{ label: '单位', from: wh[0].name, to: wh[1].name }]);
    // The list by unit follows the move.
    const inNew = (await t.gql(await tok('km-wh.officer'), LIST, { u: wh[1].id })).data.cadres.edges.map((e: any) => e.node.id);
    expect(inNew).toContain(c.id);
    // Moving to where it already is says so.
    const again = await t.gql(await tok('km-wh.officer'), MOVE, { id: c.id, u: wh[1].id });
    expect(again.errors?.[0].message).toMatch(/已在/);
  });

  it('moveCadre refuses another tenant\'s unit (also for the parent that sees both), forged ids and strangers; nothing changes', async () => {
    const c = await create('km-wh.officer', wh[0].id);
    const before = (await t.gql(await tok('km-wh.officer'), ONE, { id: c.id })).data.cadre;
    // km-wh's officer: km-pl's unit is invisible; km's officer sees both trees, but a cadre stays within its tenant.
    for (const user of ['km-wh.officer', 'km.officer']) {
      const r = await t.gql(await tok(user), MOVE, { id: c.id, u: pl[0].id });
      expect(r.errors?.[0].message).toMatch(/不属于该干部所在的机构/);
    }
    const forgedUnit = await t.gql(await tok('km-wh.officer'), MOVE, { id: c.id, u: 'not-a-uuid' });
    expect(forgedUnit.errors?.[0].message).toMatch(/目标单位不存在/);
    // km-pl's officer cannot see the cadre at all: same answer as a missing one.
    const stranger = await t.gql(await tok('km-pl.officer'), MOVE, { id: c.id, u: pl[0].id });
    expect(stranger.errors?.[0].message).toBe('干部不存在或不在您的管理范围内');
    const missing = await t.gql(await tok('km-wh.officer'), MOVE, { id: '00000000-0000-0000-0000-000000000000', u: wh[1].id });
    expect(missing.errors?.[0].message).toBe('干部不存在或不在您的管理范围内');
    // A leader reads but does not move.
    const leader = await t.gql(await tok('km-wh.leader'), MOVE, { id: c.id, u: wh[1].id });
    expect(leader.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const after = (await t.gql(await tok('km-wh.officer'), ONE, { id: c.id })).data.cadre;
    expect(after).toEqual(before);
  });

  it('setCadreStatus takes the label or the code with a date, keeps the date and records both in the revisions', async () => {
    const c = await create('km-wh.officer', wh[0].id);
    const byLabel = await t.gql(await tok('km-wh.officer'), STATUS, { id: c.id, s: '退休', on: '2026-06-30' });
    expect(byLabel.errors).toBeUndefined();
    expect(byLabel.data.setCadreStatus).toMatchObject({ status: '退休', statusOn: '2026-06-30' });
    const retiredCode = byLabel.data.setCadreStatus.statusCode;
    // Back to 在职 by its code ('1', docs/domain.md#cadre-codes).
    const byCode = await t.gql(await tok('km-wh.officer'), STATUS, { id: c.id, s: '1', on: '2026-07-01' });
    expect(byCode.data.setCadreStatus).toMatchObject({ status: '在职', statusCode: '1', statusOn: '2026-07-01' });
    const one = (await t.gql(await tok('km-wh.officer'), ONE, { id: c.id })).data.cadre;
    expect(one.history[0].changes).toEqual(expect.arrayContaining([
      { label: '状态', from: '退休', to: '在职' }, { label: '状态日期', from: '2026-06-30', to: '2026-07-01' },
    ]));
    expect(one.history[1].changes).toEqual(expect.arrayContaining([{ label: '状态', from: '在职', to: '退休' }]));
    expect(retiredCode).not.toBe('1');
    // Bad status or date: Chinese, nothing written.
    const badStatus = await t.gql(await tok('km-wh.officer'), STATUS, { id: c.id, s: '放假', on: '2026-07-02' });
    expect(badStatus.errors?.[0].message).toMatch(/状态「放假」/);
    const badDate = await t.gql(await tok('km-wh.officer'), STATUS, { id: c.id, s: '去世', on: '2026-02-30' });
    expect(badDate.errors?.[0].message).toMatch(/状态日期/);
    const foreign = await t.gql(await tok('km-pl.officer'), STATUS, { id: c.id, s: '去世', on: '2026-07-02' });
    expect(foreign.errors?.[0].message).toBe('干部不存在或不在您的管理范围内');
    const after = (await t.gql(await tok('km-wh.officer'), ONE, { id: c.id })).data.cadre;
    expect(after).toMatchObject({ status: '在职', statusOn: '2026-07-01', version: one.version });
  });

  it('deleteCadre: officers only; the cadre leaves lists, search, counts and reads, shows in 已删除干部, and is restored', async () => {
    const c = await create('km-wh.officer', wh[0].id);
    const listed = async () => (await t.gql(await tok('km-wh.officer'), LIST, { u: wh[0].id })).data.cadres;
    const before = await listed();
    expect(before.edges.map((e: any) => e.node.id)).toContain(c.id);
    const unitCount = async () => (await t.gql(await tok('km-wh.officer'), 'query($tc:String){ units(tenantCode:$tc){ id cadreCount } }', { tc: 'km-wh' }))
      .data.units.find((u: any) => u.id === wh[0].id).cadreCount;
    const countBefore = await unitCount();

    // Fillers, leaders and administrators may not delete or restore; another tenant's officer cannot see it.
    for (const user of ['km-wh.filler', 'km-wh.leader', 'km-wh.admin', 'km.admin']) {
      const r = await t.gql(await tok(user), DELETE, { id: c.id });
      expect(r.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(r.errors?.[0].message).toMatch(/只有纪检干部|无权/);
    }
    expect((await t.gql(await tok('km-pl.officer'), DELETE, { id: c.id })).errors?.[0].message).toBe('干部不存在或不在您的管理范围内');
    expect((await t.gql(await tok('km-wh.filler'), DELETED)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await listed()).edges.map((e: any) => e.node.id)).toContain(c.id);

    const del = await t.gql(await tok('km-wh.officer'), DELETE, { id: c.id });
    expect(del.errors).toBeUndefined();
    expect(del.data.deleteCadre).toEqual({ id: c.id, deleted: true });
    const after = await listed();
    expect(after.edges.map((e: any) => e.node.id)).not.toContain(c.id);
    expect(after.totalCount).toBe(before.totalCount - 1);
    expect(await unitCount()).toBe(countBefore - 1);
    const search = await t.gql(await tok('km-wh.officer'), LIST, { s: c.name });
    expect(search.data.cadres.totalCount).toBe(0);
    expect((await t.gql(await tok('km-wh.officer'), ONE, { id: c.id })).data.cadre).toBeNull();
    // Writes on a deleted cadre find nothing.
    expect((await t.gql(await tok('km-wh.officer'), MOVE, { id: c.id, u: wh[1].id })).errors?.[0].message).toBe('干部不存在或不在您的管理范围内');
    expect((await t.gql(await tok('km-wh.officer'), DELETE, { id: c.id })).errors?.[0].message).toBe('该干部已被删除');
    // The officers' list of deleted cadres names it and who deleted it; the parent sees it too, a sibling does not.
    const deleted = (await t.gql(await tok('km-wh.officer'), DELETED)).data.deletedCadres;
    expect(deleted.find((d: any) => d.id === c.id)).toMatchObject({ name: c.name, deleted: true, deletedByName: expect.any(String) });
    expect((await t.gql(await tok('km.officer'), DELETED)).data.deletedCadres.map((d: any) => d.id)).toContain(c.id);
    expect((await t.gql(await tok('km-pl.officer'), DELETED)).data.deletedCadres.map((d: any) => d.id)).not.toContain(c.id);
    expect((await t.gql(await tok('km-pl.officer'), RESTORE, { id: c.id })).errors?.[0].message).toBe('干部不存在或不在您的管理范围内');
    expect((await t.gql(await tok('km-wh.filler'), RESTORE, { id: c.id })).errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const restored = await t.gql(await tok('km-wh.officer'), RESTORE, { id: c.id });
    expect(restored.data.restoreCadre).toEqual({ id: c.id, deleted: false });
    expect((await listed()).totalCount).toBe(before.totalCount);
    expect((await t.gql(await tok('km-wh.officer'), LIST, { s: c.name })).data.cadres.edges.map((e: any) => e.node.id)).toEqual([c.id]);
    expect(await unitCount()).toBe(countBefore);
    const one = (await t.gql(await tok('km-wh.officer'), ONE, { id: c.id })).data.cadre;
    expect(one.history.slice(0, 2).map((h: any) => h.action)).toEqual(['restore', 'delete']);
    expect((await t.gql(await tok('km-wh.officer'), RESTORE, { id: c.id })).errors?.[0].message).toBe('该干部未被删除');

    // Audited: the access log names the operation and the cadre, and records the denials.
    const rows = await withScope(t.database.db, 'yn', (trx) => trx.selectFrom('audit_event').select(['operation', 'kind', 'outcome', 'cadre_ids'])
      .where('operation', 'like', '%Cadre%').execute());
    const mine = rows.filter((r) => (r.cadre_ids as string[]).includes(c.id) && r.kind === 'write' && r.outcome === 'success');
    expect(mine.map((r) => r.operation)).toEqual(expect.arrayContaining(["mutation {deleteCadre}", "mutation {restoreCadre}"]));
    expect(rows.some((r) => r.kind === 'denied' && r.operation === "mutation {deleteCadre}")).toBe(true);
  });
});
