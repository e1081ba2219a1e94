// Unit administration (docs/domain.md#units): create, update, move/reorder, merge, retire and restore through the API,
// by the tenant's admin and officers; hostile ids (another tenant's, forged), cycles and duplicate codes refused in
// Chinese with nothing changed; other roles FORBIDDEN; the cadre list order follows unit moves (triggers of 0016);
// retired units hidden from pickers but kept for archives. Units are made here (no demo unit names).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { asUsers, code, msg } from '../helpers/users.js';
import { engineName } from '../helpers/db.js';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

const { gql, asRoot } = asUsers(() => t);
const tenantId = (c: string) => asRoot(async (trx) => (await trx.selectFrom('tenant').select('id').where('code', '=', c).executeTakeFirstOrThrow()).id);
/** Everything of a tenant's units the mutations could change, for "nothing changed". */
const unitState = (tid: string) => asRoot(async (trx) => trx.selectFrom('unit')
  .select(['id', 'name', 'parent_id', 'sort_order', 'kind', 'code', 'retired_at', 'merged_into_id']).where('tenant_id', '=', tid).orderBy('id').execute());

const FIELDS = 'id name parentId sortOrder kind kindCode code retired retiredAt mergedIntoId';
const CREATE = `mutation($i:CreateUnitInput!){ createUnit(input:$i){ ${FIELDS} } }`;
const UPDATE = `mutation($id:ID!,$n:String,$k:String,$c:String,$s:Int){ updateUnit(id:$id, name:$n, kind:$k, code:$c, sortOrder:$s){ ${FIELDS} } }`;
const MOVE = `mutation($id:ID!,$p:ID,$b:ID,$s:Int){ moveUnit(id:$id, parentId:$p, beforeId:$b, sortOrder:$s){ ${FIELDS} } }`;
const MERGE = `mutation($f:ID!,$i:ID!){ mergeUnits(fromId:$f, intoId:$i){ ${FIELDS} } }`;
const RETIRE = `mutation($id:ID!){ retireUnit(id:$id){ ${FIELDS} } }`;
const RESTORE = `mutation($id:ID!){ restoreUnit(id:$id){ ${FIELDS} } }`;
const UNITS = `query($c:String,$r:Boolean){ units(tenantCode:$c, includeRetired:$r){ ${FIELDS} } }`;

let seq = 0;
/** A new unit (a fresh code each time). */
async function mk(user: string, tenant: string, name: string, o: { parentId?: string | null; kind?: string; code?: string } = {}) {
  const r = await gql(user, CREATE, { i: { tenantId: await tenantId(tenant), parentId: o.parentId ?? null, name, kind: o.kind ?? '内设机构', code: o.code ?? `T${++seq}-${Date.now() % 100000}` } });
  if (!r.data?.createUnit) throw new Error(JSON.stringify(r.errors));
  return r.data.createUnit as { id: string; name: string; code: string; sortOrder: number; parentId: string | null };
}
async function mkCadre(user: string, unitId: string, name: string, status?: string) {
  const r = await gql(user, 'mutation($i:CadreInput!){ createCadre(input:$i){ id version } }', { i: { name, unitId, ...(status ? { status } : {}) } });
  if (!r.data?.createCadre) throw new Error(JSON.stringify(r.errors));
  return r.data.createCadre as { id: string; version: number };
}

describe(`unit administration (${engineName})`, () => {
  it('the admin creates units with a kind (label or code) and a code; the units list shows them', async () => {
    const top = await mk('km-gd.admin', 'km-gd', '测试派驻组', { kind: '派驻机构', code: 'PZ-01' });
    expect(top).toMatchObject({ name: '测试派驻组', kind: '派驻机构', kindCode: 'dispatched', code: 'PZ-01', retired: false, retiredAt: null, parentId: null });
    const child = await mk('km-gd.officer', 'km-gd', '测试综合室', { parentId: top.id, kind: 'internal', code: 'PZ-01-ZH' });
    expect(child).toMatchObject({ parentId: top.id, kind: '内设机构', kindCode: 'internal' });
    const second = await mk('km-gd.admin', 'km-gd', '测试第二室', { parentId: top.id, kind: '其他' });
    // New units go last among their siblings.
    expect(second.sortOrder).toBeGreaterThan((child as any).sortOrder);
    const list = (await gql('km-gd.officer', UNITS, { c: 'km-gd' })).data.units as any[];
    expect(list.map((u) => u.id)).toEqual(expect.arrayContaining([top.id, child.id, second.id]));
    // The access log names the unit.
    const ev = await asRoot((trx) => trx.selectFrom('audit_event').select(['summary']).where('operation', '=', 'mutation {createUnit}')
      .where('summary', 'like', '%测试综合室%').execute());
    expect(ev.length).toBeGreaterThan(0);
  });

  it('refuses a duplicate code (ignoring case), a bad code and an unknown kind, in Chinese', async () => {
    const a = await mk('km-gd.admin', 'km-gd', '代码甲', { code: 'DUP-A' });
    const tid = await tenantId('km-gd');
    const before = await unitState(tid);
    const dup = await gql('km-gd.admin', CREATE, { i: { tenantId: tid, name: '代码乙', kind: '内设机构', code: 'dup-a' } });
    expect(code(dup)).toBe('BAD_USER_INPUT');
    expect(msg(dup)).toContain('已被本机构的其他单位使用');
    const bad = await gql('km-gd.admin', CREATE, { i: { tenantId: tid, name: '代码丙', kind: '内设机构', code: '办公室' } });
    expect(msg(bad)).toContain('单位代码须为 1–20 位字母、数字或连字符');
    const kind = await gql('km-gd.admin', CREATE, { i: { tenantId: tid, name: '代码丁', kind: '科室', code: 'KD-1' } });
    expect(msg(kind)).toContain('单位类型无效');
    const b = await mk('km-gd.admin', 'km-gd', '代码戊');
    const upd = await gql('km-gd.admin', UPDATE, { id: b.id, c: 'Dup-A' });
    expect(msg(upd)).toContain('已被本机构的其他单位使用');
    expect(await unitState(tid)).toEqual([...before, ...(await unitState(tid)).filter((u) => u.id === b.id)].sort((x, y) => x.id.localeCompare(y.id)));
    // The same code in another tenant is fine.
    await mk('km-pl.admin', 'km-pl', '代码甲', { code: 'DUP-A' });
    expect(a.code).toBe('DUP-A');
  });

  it('updates name, kind, code and sort order', async () => {
    const u = await mk('km-gd.officer', 'km-gd', '改名前');
    const r = await gql('km-gd.officer', UPDATE, { id: u.id, n: '改名后', k: 'college', c: 'YX-9', s: 990 });
    expect(r.data.updateUnit).toMatchObject({ name: '改名后', kind: '院校纪委', kindCode: 'college', code: 'YX-9', sortOrder: 990 });
  });

  it('moves within the tree and reorders; refuses cycles, other tenants\' parents and units out of reach', async () => {
    const tid = await tenantId('km-gd');
    const a = await mk('km-gd.admin', 'km-gd', '移动甲');
    const a1 = await mk('km-gd.admin', 'km-gd', '移动甲一', { parentId: a.id });
    const a11 = await mk('km-gd.admin', 'km-gd', '移动甲一一', { parentId: a1.id });
    const b = await mk('km-gd.admin', 'km-gd', '移动乙');
    const b1 = await mk('km-gd.admin', 'km-gd', '移动乙一', { parentId: b.id });
    const b2 = await mk('km-gd.admin', 'km-gd', '移动乙二', { parentId: b.id });
    const other = await mk('km-pl.admin', 'km-pl', '他机构单位');
    const sibling = await mk('km-wh.admin', 'km-wh', '兄弟机构单位');
    const before = await unitState(tid);
    const plBefore = await unitState(await tenantId('km-pl'));

    expect(msg(await gql('km-gd.admin', MOVE, { id: a.id, p: a11.id }))).toBe('不能移动到本单位或其下级单位之下');
    expect(msg(await gql('km-gd.admin', MOVE, { id: a.id, p: a.id }))).toBe('不能移动到本单位或其下级单位之下');
    // A parent of another tenant the caller sees (km sees km-pl): refused; one it does not see reads as missing.
    expect(msg(await gql('km.admin', MOVE, { id: a.id, p: other.id }))).toBe('上级单位须属于同一机构');
    const hidden = await gql('km-gd.admin', MOVE, { id: a.id, p: sibling.id });
    expect([code(hidden), msg(hidden)]).toEqual(['NOT_FOUND', '上级单位不存在或不在管理范围内']);
    // A unit of a tenant outside the caller's reach (a sibling, the parent) reads as missing, like a forged id.
    for (const [user, id] of [['km-wh.admin', a.id], ['km-gd.officer', other.id], ['km-gd.admin', '00000000-0000-4000-8000-00000000abcd'], ['km-gd.admin', 'not-a-uuid']]) {
      for (const [q, v] of [[MOVE, { id, p: null }], [UPDATE, { id, n: '入侵' }], [RETIRE, { id }], [RESTORE, { id }], [MERGE, { f: id, i: b.id }]] as const) {
        const r = await gql(user, q, v);
        expect([code(r), msg(r)], `${user} ${q.slice(9, 20)}`).toEqual(['NOT_FOUND', '单位不存在或不在管理范围内']);
      }
    }
    const create = await gql('km-wh.admin', CREATE, { i: { tenantId: tid, name: '入侵单位', kind: '其他', code: 'X-1' } });
    expect([code(create), msg(create)]).toEqual(['NOT_FOUND', '机构不存在或不在管理范围内']);
    const crossParent = await gql('km-gd.admin', CREATE, { i: { tenantId: tid, parentId: sibling.id, name: '入侵单位', kind: '其他', code: 'X-2' } });
    expect(msg(crossParent)).toBe('上级单位不存在或不在管理范围内');
    expect(await unitState(tid)).toEqual(before);
    expect(await unitState(await tenantId('km-pl'))).toEqual(plBefore);

    // Move a1 (with a11) under b, before b2; then b2 back to the front by sortOrder; then a to the top level.
    const moved = await gql('km-gd.officer', MOVE, { id: a1.id, p: b.id, b: b2.id });
    expect(moved.data.moveUnit.parentId).toBe(b.id);
    const kids = async (p: string) => (await asRoot((trx) => trx.selectFrom('unit').select(['id', 'sort_order']).where('parent_id', '=', p)
      .orderBy('sort_order').execute())).map((x) => x.id);
    expect(await kids(b.id)).toEqual([b1.id, a1.id, b2.id]);
    expect(await kids(a1.id)).toEqual([a11.id]);
    await gql('km-gd.officer', MOVE, { id: b2.id, p: b.id, b: b1.id });
    expect(await kids(b.id)).toEqual([b2.id, b1.id, a1.id]);
    const top = await gql('km-gd.admin', MOVE, { id: a11.id, p: null, s: 5 });
    expect(top.data.moveUnit).toMatchObject({ parentId: null, sortOrder: 5 });
  });

  it('the cadre list follows a reorder and a move (unit_sort kept by the 0016 triggers)', async () => {
    const x = await mk('km-gd.admin', 'km-gd', '排序甲');
    const y = await mk('km-gd.admin', 'km-gd', '排序乙');
    const cx = await mkCadre('km-gd.officer', x.id, '排序测甲');
    const cy = await mkCadre('km-gd.officer', y.id, '排序测乙');
    const order = async () => {
      const r = await gql('km-gd.officer', 'query($s:String){ cadres(first:500, filter:{tenantCode:"km-gd", search:$s}){ edges { node { id } } } }', { s: '排序测' });
      return (r.data.cadres.edges as any[]).map((e) => e.node.id).filter((id) => id === cx.id || id === cy.id);
    };
    const plain = async () => {
      const r = await gql('km-gd.officer', '{ cadres(first:500, filter:{tenantCode:"km-gd"}){ edges { node { id } } } }');
      return (r.data.cadres.edges as any[]).map((e) => e.node.id).filter((id) => id === cx.id || id === cy.id);
    };
    expect(await plain()).toEqual([cx.id, cy.id]);
    // y before x at the top level: y's cadre comes first, in the plain list and in a search.
    await gql('km-gd.admin', MOVE, { id: y.id, p: null, b: x.id });
    expect(await plain()).toEqual([cy.id, cx.id]);
    expect(await order()).toEqual([cy.id, cx.id]);
    // Copies on the cadre and its search keys equal the unit's sort order.
    const check = await asRoot(async (trx) => sql<{ n: number }>`
      select count(*)::int as n from cadre c join unit u on u.id = c.unit_id
        where c.id in (${cx.id}, ${cy.id}) and (c.unit_sort <> u.sort_order
          or exists (select 1 from cadre_search_key k where k.cadre_id = c.id and k.unit_sort <> u.sort_order))`.execute(trx));
    expect(check.rows[0].n).toBe(0);
    await gql('km-gd.admin', UPDATE, { id: x.id, s: 1 });
    expect(await plain()).toEqual([cx.id, cy.id]);
  });

  it('merges: cadres, child units and filler assignments move to the target, the source is retired and the history shows it', async () => {
    const tid = await tenantId('km-gd');
    const from = await mk('km-gd.admin', 'km-gd', '合并源');
    const fromKid = await mk('km-gd.admin', 'km-gd', '合并源下级', { parentId: from.id });
    const into = await mk('km-gd.admin', 'km-gd', '合并目标');
    const c1 = await mkCadre('km-gd.officer', from.id, '合并测甲');
    const filler = await asRoot(async (trx) => (await trx.selectFrom('app_user').select('id').where('username', '=', 'km-gd.filler').executeTakeFirstOrThrow()).id);
    await asRoot((trx) => trx.insertInto('user_unit').values({ tenant_id: tid, user_id: filler, unit_id: from.id }).execute());
    const other = await mk('km-pl.admin', 'km-pl', '他机构合并目标');

    expect(msg(await gql('km-gd.admin', MERGE, { f: from.id, i: fromKid.id }))).toBe('不能合并到本单位的下级单位');
    expect(msg(await gql('km-gd.admin', MERGE, { f: from.id, i: from.id }))).toBe('不能把单位合并到它自己');
    expect(msg(await gql('km.admin', MERGE, { f: from.id, i: other.id }))).toBe('只能合并同一机构的单位');
    const hidden = await gql('km-pl.admin', MERGE, { f: other.id, i: into.id });
    expect(msg(hidden)).toBe('目标单位不存在或不在管理范围内');
    expect((await gql('km-gd.admin', '{ units { id } }')).data.units.some((u: any) => u.id === from.id)).toBe(true);

    const r = await gql('km-gd.officer', MERGE, { f: from.id, i: into.id });
    expect(r.data.mergeUnits.id).toBe(into.id);
    const cadre = await gql('km-gd.officer', 'query($id:ID!){ cadre(id:$id){ unit { id name } history { action changes { label from to } } } }', { id: c1.id });
    expect(cadre.data.cadre.unit).toEqual({ id: into.id, name: '合并目标' });
    expect(cadre.data.cadre.history[0].changes).toEqual(expect.arrayContaining([{ label: '单位', from: '合并源', to: '合并目标' }]));
    // Its unit history shows the merge as a move, and the retired source takes no cadre any more.
    const moves = (await gql('km-gd.officer', 'query($id:ID!){ cadre(id:$id){ unitHistory { fromUnitName toUnitName } } }', { id: c1.id })).data.cadre.unitHistory;
    expect(moves[0]).toEqual({ fromUnitName: '合并源', toUnitName: '合并目标' });
    const back = await gql('km-gd.officer', 'mutation($id:ID!,$u:ID!){ moveCadre(id:$id, unitId:$u){ id } }', { id: c1.id, u: from.id });
    expect(msg(back)).toBe('「合并源」已撤销，不能再调入干部');
    const intoRetired = await gql('km-gd.officer', 'mutation($u:ID!){ createCadre(input:{ name:"撤销单位测", unitId:$u }){ id } }', { u: from.id });
    expect(msg(intoRetired)).toBe('所选单位不存在，请从单位目录中选择');
    const state = await asRoot(async (trx) => ({
      from: await trx.selectFrom('unit').select(['retired_at', 'merged_into_id']).where('id', '=', from.id).executeTakeFirstOrThrow(),
      kid: await trx.selectFrom('unit').select(['parent_id']).where('id', '=', fromKid.id).executeTakeFirstOrThrow(),
      assigned: await trx.selectFrom('user_unit').select('unit_id').where('user_id', '=', filler).execute(),
      unitSort: await trx.selectFrom('cadre').select('unit_sort').where('id', '=', c1.id).executeTakeFirstOrThrow(),
    }));
    expect(state.from.retired_at).not.toBeNull();
    expect(state.from.merged_into_id).toBe(into.id);
    expect(state.kid.parent_id).toBe(into.id);
    expect(state.assigned.map((a) => a.unit_id)).toContain(into.id);
    expect(state.assigned.map((a) => a.unit_id)).not.toContain(from.id);
    expect(state.unitSort.unit_sort).toBe(into.sortOrder);
    // The source is hidden from pickers, listed for the admin page with its target.
    expect((await gql('km-gd.officer', UNITS, { c: 'km-gd' })).data.units.some((u: any) => u.id === from.id)).toBe(false);
    const all = (await gql('km-gd.admin', UNITS, { c: 'km-gd', r: true })).data.units as any[];
    expect(all.find((u) => u.id === from.id)).toMatchObject({ retired: true, mergedIntoId: into.id });
    // The access log names both units and the moved cadre.
    const ev = await asRoot((trx) => trx.selectFrom('audit_event').select(['summary']).where('operation', '=', 'mutation {mergeUnits}')
      .where('outcome', '=', 'success').orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow());
    expect(ev.summary).toContain('合并源');
    expect(ev.summary).toContain('合并目标');
    expect(ev.summary).toContain('合并测甲');
  });

  it('retires a unit only without active children and cadres 在职; a retired unit stays in the archive; restore', async () => {
    const p = await mk('km-gd.admin', 'km-gd', '撤销上级', { code: 'CX-P' });
    const k = await mk('km-gd.admin', 'km-gd', '撤销下级', { parentId: p.id });
    const refused = await gql('km-gd.admin', RETIRE, { id: p.id });
    expect(msg(refused)).toBe('单位「撤销上级」还有 1 个下级单位（「撤销下级」），请先撤销或移走下级单位');
    const c = await mkCadre('km-gd.officer', k.id, '撤销测甲');
    expect(msg(await gql('km-gd.admin', RETIRE, { id: k.id }))).toBe('单位「撤销下级」还有 1 名在职干部，请先调往其他单位或合并到其他单位');
    // Retired (退休) cadres stay: the unit can go, and their archive still names it.
    const upd = await gql('km-gd.officer', 'mutation($id:ID!,$v:Int!){ updateCadre(id:$id, version:$v, input:{status:"退休"}){ id statusCode } }', { id: c.id, v: c.version });
    expect(upd.errors).toBeUndefined();
    const rk = await gql('km-gd.admin', RETIRE, { id: k.id });
    expect(rk.data.retireUnit).toMatchObject({ retired: true });
    expect(rk.data.retireUnit.retiredAt).toBeTruthy();
    const archive = await gql('km-gd.leader', 'query($id:ID!){ cadre(id:$id){ unit { name retired code kind } } }', { id: c.id });
    expect(archive.data.cadre.unit).toMatchObject({ name: '撤销下级', retired: true, kind: '内设机构' });
    // A retired unit takes no new units below it.
    const under = await gql('km-gd.admin', CREATE, { i: { tenantId: await tenantId('km-gd'), parentId: k.id, name: '新下级', kind: '其他', code: 'CX-N' } });
    expect(msg(under)).toBe('上级单位「撤销下级」已撤销，不能在其下设置单位');
    expect((await gql('km-gd.admin', RETIRE, { id: p.id })).data.retireUnit.retired).toBe(true);
    // Its code is free again; restoring it then needs another code.
    const again = await mk('km-gd.admin', 'km-gd', '新撤销上级', { code: 'cx-p' });
    expect(msg(await gql('km-gd.admin', RESTORE, { id: p.id }))).toBe('单位代码 CX-P 已被其他单位使用，请先修改代码');
    await gql('km-gd.admin', UPDATE, { id: p.id, c: 'CX-P2' });
    expect((await gql('km-gd.admin', RESTORE, { id: p.id })).data.restoreUnit).toMatchObject({ retired: false, code: 'CX-P2' });
    // The child's parent is active again: it can be restored too.
    expect((await gql('km-gd.admin', RESTORE, { id: k.id })).data.restoreUnit.retired).toBe(false);
    expect(again.code).toBe('cx-p');
  });

  it('restoring under a retired parent is refused until the unit is moved', async () => {
    const p = await mk('km-gd.admin', 'km-gd', '恢复上级');
    const k = await mk('km-gd.admin', 'km-gd', '恢复下级', { parentId: p.id });
    await gql('km-gd.admin', RETIRE, { id: k.id });
    await gql('km-gd.admin', RETIRE, { id: p.id });
    expect(msg(await gql('km-gd.admin', RESTORE, { id: k.id }))).toBe('上级单位「恢复上级」已撤销，请先恢复上级单位，或把本单位移到其他单位之下');
    await gql('km-gd.admin', MOVE, { id: k.id, p: null });
    expect((await gql('km-gd.admin', RESTORE, { id: k.id })).data.restoreUnit).toMatchObject({ retired: false, parentId: null });
  });

  it('filler, leader, auditor and secadmin may change no unit', async () => {
    const tid = await tenantId('km-gd');
    const u = await mk('km-gd.admin', 'km-gd', '无权甲');
    const v = await mk('km-gd.admin', 'km-gd', '无权乙');
    const before = await unitState(tid);
    for (const who of ['km-gd.filler', 'km-gd.leader', 'km-gd.auditor', 'km-gd.secadmin']) {
      const ops: [string, Record<string, unknown>][] = [
        [CREATE, { i: { tenantId: tid, name: '无权新增', kind: '其他', code: 'NO-1' } }], [UPDATE, { id: u.id, n: '无权改名' }],
        [MOVE, { id: u.id, p: v.id }], [MERGE, { f: u.id, i: v.id }], [RETIRE, { id: u.id }], [RESTORE, { id: u.id }],
      ];
      for (const [q, vars] of ops) expect(code(await gql(who, q, vars)), `${who} ${q.slice(9, 20)}`).toBe('FORBIDDEN');
    }
    expect(await unitState(tid)).toEqual(before);
  });
});
