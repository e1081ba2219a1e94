// 「我的填报」 (myRecords) and fillers' basic-information edits going to review (issue 13): the filler's inbox by
// review state, the officers' queue of changes with its field-by-field diff, return with a reason, amend and
// resubmit, accept as a versioned update naming author and reviewer, the version conflict, and hostile callers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { withScope } from '../../services/api/src/db/scope.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { engineName } from '../helpers/db.js';
import { validIdNumber } from '../../services/api/src/modules/cadres/fields.js';

let t: TestApp;
const tokens = new Map<string, string>();
const tok = async (u: string) => tokens.get(u) ?? tokens.set(u, await t.login(u)).get(u)!;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

const me = async (u: string) => (await t.gql(await tok(u), '{ me { displayName } }')).data.me.displayName as string;
const MY = `query($s:String, $f:Int, $a:String) { myRecords(status:$s, first:$f, after:$a) { totalCount
  edges { cursor node { id kind categoryId category status statusLabel submittedAt reviewedAt reviewedBy returnReason cadre { id name unitName } } }
  pageInfo { hasNextPage endCursor } } }`;
const CREATE = `mutation($c:ID!, $f:RecordFieldsInput!) { createRecord(cadreId:$c, category:2, fields:$f) { id version status } }`;
const REVIEW = `mutation($id:ID!, $v:Int!, $d:String!, $r:String) { reviewRecord(id:$id, version:$v, decision:$d, reason:$r) { id version status } }`;
const UPDATE = `mutation($id:ID!, $v:Int!, $p:CadrePatch!) { updateCadre(id:$id, version:$v, input:$p) {
  id version position health openChange { id version status } } }`;
const CHANGE = `id version status statusLabel baseVersion cadreVersion stale submittedBy reviewedBy returnReason appliedVersion
  cadre { id name unitName } changes { label from to }`;
const QUEUE = `query($s:String) { cadreChanges(first:100, status:$s) { totalCount edges { node { ${CHANGE} } } } }`;
const DECIDE = `mutation($id:ID!, $v:Int!, $d:String!, $r:String) { reviewCadreChange(id:$id, version:$v, decision:$d, reason:$r) { ${CHANGE} } }`;
const CADRE = `query($id:ID!) { cadre(id:$id) { id version position health history { version actorName reviewedBy changes { label from to } } } }`;

const gift = { gift: { occurredOn: '2026-11-01', giver: '某公司经理', giftKind: '礼品', amount: '320', handling: '上交组织', handedOn: '2026-11-02' } };

/** Cadres of the filler's reach (looked up, never named): the i-th of its list. */
async function fillerCadre(i: number, user = 'km-wh.filler') {
  const r = await t.gql(await tok(user), '{ cadres(first:50){ edges { node { id name version unit { name } } } } }');
  return r.data.cadres.edges[i].node as { id: string; name: string; version: number; unit: { name: string } };
}

describe(`我的填报 (${engineName})`, () => {
  it('lists the records a filler submitted by review state, with cadre, unit, category, times, reviewer and reason', async () => {
    const filler = await tok('km-wh.filler');
    const officer = await tok('km-wh.officer');
    const cadre = await fillerCadre(0);
    const rec = (await t.gql(filler, CREATE, { c: cadre.id, f: gift })).data.createRecord;
    // An officer's own record of the same cadre is no submission of the filler's.
    const officers = (await t.gql(officer, CREATE, { c: cadre.id, f: gift })).data.createRecord;

    const pending = (await t.gql(filler, MY, { s: '待审核', f: 500 })).data.myRecords;
    const row = pending.edges.find((e: any) => e.node.id === rec.id).node;
    expect(row).toMatchObject({
      kind: 'record', categoryId: 2, category: '拒收上交礼品礼金', status: 'pending', statusLabel: '待审核', reviewedAt: null,
      reviewedBy: null, returnReason: null, cadre: { id: cadre.id, name: cadre.name, unitName: cadre.unit.name },
    });
    expect(Date.parse(row.submittedAt)).toBeGreaterThan(Date.now() - 120_000);
    expect(pending.edges.some((e: any) => e.node.id === officers.id)).toBe(false);
    expect(pending.edges.every((e: any) => e.node.status === 'pending')).toBe(true);
    // The stored code works as well as the label.
    expect((await t.gql(filler, MY, { s: 'pending', f: 500 })).data.myRecords.totalCount).toBe(pending.totalCount);

    await t.gql(officer, REVIEW, { id: rec.id, v: rec.version, d: 'return', r: '请补充上交凭证' });
    const returned = (await t.gql(filler, MY, { s: '已退回', f: 500 })).data.myRecords.edges.find((e: any) => e.node.id === rec.id).node;
    expect(returned).toMatchObject({ status: 'returned', statusLabel: '已退回', returnReason: '请补充上交凭证', reviewedBy: await me('km-wh.officer') });
    expect(returned.reviewedAt).not.toBeNull();
    expect((await t.gql(filler, MY, { s: '待审核', f: 500 })).data.myRecords.edges.some((e: any) => e.node.id === rec.id)).toBe(false);

    await t.gql(officer, REVIEW, { id: rec.id, v: rec.version + 1, d: 'accept' });
    const accepted = (await t.gql(filler, MY, { s: '已通过', f: 500 })).data.myRecords.edges.find((e: any) => e.node.id === rec.id).node;
    expect(accepted).toMatchObject({ status: 'accepted', statusLabel: '已通过', returnReason: null });
    // All states together, newest submission first.
    const all = (await t.gql(filler, MY, { f: 500 })).data.myRecords;
    const times = all.edges.map((e: any) => Date.parse(e.node.submittedAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(all.edges.some((e: any) => e.node.id === rec.id)).toBe(true);
  });

  it('pages like the other connections (first/after) and refuses an unknown state in words', async () => {
    const filler = await tok('km-wh.filler');
    const cadre = await fillerCadre(1);
    for (let i = 0; i < 3; i++) await t.gql(filler, CREATE, { c: cadre.id, f: gift });
    const p1 = (await t.gql(filler, MY, { f: 2 })).data.myRecords;
    expect(p1.edges).toHaveLength(2);
    expect(p1.pageInfo.hasNextPage).toBe(true);
    const p2 = (await t.gql(filler, MY, { f: 2, a: p1.pageInfo.endCursor })).data.myRecords;
    expect(p2.edges[0].node.id).not.toBe(p1.edges[1].node.id);
    expect(p1.edges.map((e: any) => e.node.id)).not.toContain(p2.edges[0].node.id);
    const bad = await t.gql(filler, MY, { s: '草稿' });
    expect(bad.errors?.[0].message).toBe('状态须为「待审核」「已退回」「已通过」之一（或 pending、returned、accepted）');
  });

  it('is for those who enter records: a leader or an administrator is refused; another tenant\'s filler sees none of them', async () => {
    expect((await t.gql(await tok('km-wh.leader'), MY, {})).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(await tok('km-wh.admin'), MY, {})).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const mine = (await t.gql(await tok('km-wh.filler'), MY, { f: 500 })).data.myRecords.edges.map((e: any) => e.node.id);
    const theirs = (await t.gql(await tok('km-pl.filler'), MY, { f: 500 })).data.myRecords.edges.map((e: any) => e.node.id);
    expect(mine.length).toBeGreaterThan(0);
    expect(theirs.filter((id: string) => mine.includes(id))).toEqual([]);
  });
});

describe(`fillers' basic-information edits go to review (${engineName})`, () => {
  it('a filler\'s edit waits; the officer returns it; the filler amends; the officer accepts; the history names both', async () => {
    const filler = await tok('km-wh.filler');
    const officer = await tok('km-wh.officer');
    const cadre = await fillerCadre(2);
    const before = (await t.gql(officer, CADRE, { id: cadre.id })).data.cadre;

    const sent = (await t.gql(filler, UPDATE, { id: cadre.id, v: before.version, p: { position: '拟更正的职务', health: '健康' } })).data.updateCadre;
    // Nothing changed on the cadre yet.
    expect(sent).toMatchObject({ version: before.version, position: before.position, openChange: { status: 'pending', version: 1 } });
    expect((await t.gql(officer, CADRE, { id: cadre.id })).data.cadre.version).toBe(before.version);

    const queue = (await t.gql(officer, QUEUE, {})).data.cadreChanges;
    const item = queue.edges.find((e: any) => e.node.id === sent.openChange.id).node;
    expect(item).toMatchObject({ status: 'pending', baseVersion: before.version, stale: false, submittedBy: await me('km-wh.filler'), cadre: { id: cadre.id } });
    expect(item.changes).toContainEqual({ label: '现任职务', from: before.position ?? null, to: '拟更正的职务' });
    // Fillers have no queue and decide nothing.
    expect((await t.gql(filler, QUEUE, {})).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(filler, DECIDE, { id: item.id, v: 1, d: 'accept' })).errors?.[0].extensions?.code).toBe('FORBIDDEN');

    expect((await t.gql(officer, DECIDE, { id: item.id, v: 1, d: 'return' })).errors?.[0].message).toBe('退回时须填写退回理由');
    const returned = (await t.gql(officer, DECIDE, { id: item.id, v: 1, d: 'return', r: '职务请按任免文件填写' })).data.reviewCadreChange;
    expect(returned).toMatchObject({ status: 'returned', returnReason: '职务请按任免文件填写', reviewedBy: await me('km-wh.officer') });
    const inbox = (await t.gql(filler, MY, { s: '已退回', f: 500 })).data.myRecords.edges.find((e: any) => e.node.id === item.id).node;
    expect(inbox).toMatchObject({ kind: 'basicInfo', categoryId: null, category: '基本信息', returnReason: '职务请按任免文件填写', cadre: { id: cadre.id } });

    // The filler amends: the same change, back to 待审核, its reason cleared.
    const again = (await t.gql(filler, UPDATE, { id: cadre.id, v: before.version, p: { position: '按文件更正的职务' } })).data.updateCadre;
    expect(again.openChange).toMatchObject({ id: item.id, status: 'pending', version: 3 });
    expect((await t.gql(officer, DECIDE, { id: item.id, v: 1, d: 'accept' })).errors?.[0].message).toBe('该修改已被填报员重新提交，请刷新后再审核');
    const accepted = (await t.gql(officer, DECIDE, { id: item.id, v: 3, d: 'accept' })).data.reviewCadreChange;
    expect(accepted).toMatchObject({ status: 'accepted', appliedVersion: before.version + 1, changes: [] });

    const after = (await t.gql(officer, CADRE, { id: cadre.id })).data.cadre;
    expect(after).toMatchObject({ version: before.version + 1, position: '按文件更正的职务' });
    expect(after.history[0]).toMatchObject({ version: before.version + 1, actorName: await me('km-wh.filler'), reviewedBy: await me('km-wh.officer') });
    expect(after.history[0].changes).toContainEqual({ label: '现任职务', from: before.position ?? null, to: '按文件更正的职务' });
    expect((await t.gql(filler, MY, { s: 'accepted', f: 500 })).data.myRecords.edges.some((e: any) => e.node.id === item.id)).toBe(true);
    // Decided once: deciding again is refused in words.
    expect((await t.gql(officer, DECIDE, { id: item.id, v: 4, d: 'accept' })).errors?.[0].message).toBe('该修改已审核通过');
  });

  it('accepting a change made on an older version is refused, naming who changed the cadre since', async () => {
    const filler = await tok('km-wh.filler');
    const officer = await tok('km-wh.officer');
    const cadre = await fillerCadre(3);
    const v = (await t.gql(officer, CADRE, { id: cadre.id })).data.cadre.version;
    const change = (await t.gql(filler, UPDATE, { id: cadre.id, v, p: { health: '良好（填报）' } })).data.updateCadre.openChange;
    // The officer's own edit is direct.
    const direct = (await t.gql(officer, UPDATE, { id: cadre.id, v, p: { health: '健康（干部）' } })).data.updateCadre;
    expect(direct).toMatchObject({ version: v + 1, health: '健康（干部）' });
    const queued = (await t.gql(officer, QUEUE, {})).data.cadreChanges.edges.find((e: any) => e.node.id === change.id).node;
    expect(queued.stale).toBe(true);
    const r = await t.gql(officer, DECIDE, { id: change.id, v: change.version, d: 'accept' });
    expect(r.errors?.[0].extensions?.code).toBe('VERSION_CONFLICT');
    expect(r.errors?.[0].message).toContain(`已被${await me('km-wh.officer')}于 `);
    expect(r.errors?.[0].message).toContain(`当前为第 ${v + 1} 版，这项修改基于第 ${v} 版`);
    expect((await t.gql(officer, CADRE, { id: cadre.id })).data.cadre.health).toBe('健康（干部）');
    // Returned, it can be amended on the current version and accepted.
    await t.gql(officer, DECIDE, { id: change.id, v: change.version, d: 'return', r: '信息已更新，请核对' });
    const amended = (await t.gql(filler, UPDATE, { id: cadre.id, v: v + 1, p: { health: '良好（填报）' } })).data.updateCadre.openChange;
    expect((await t.gql(officer, DECIDE, { id: change.id, v: amended.version, d: 'accept' })).data.reviewCadreChange.status).toBe('accepted');
    expect((await t.gql(officer, CADRE, { id: cadre.id })).data.cadre.health).toBe('良好（填报）');
  });

  it('an edit that changes nothing is refused; the ID number of a proposal is never stored in the clear', async () => {
    const filler = await tok('km-wh.filler');
    const cadre = await fillerCadre(4);
    const cur = (await t.gql(filler, 'query($id:ID!){ cadre(id:$id){ version position } }', { id: cadre.id })).data.cadre;
    const same = await t.gql(filler, UPDATE, { id: cadre.id, v: cur.version, p: { position: cur.position ?? '' } });
    expect(same.errors?.[0].message).toBe('基本信息没有修改，无需提交审核');
    const id = '11010519491231002X';
    if (!validIdNumber(id)) throw new Error('fixture');
    const sent = (await t.gql(filler, UPDATE, { id: cadre.id, v: cur.version, p: { idNumber: id } })).data.updateCadre.openChange;
    const stored = await withScope(t.database.db, 'yn', (trx) => sql<{ p: string }>`select proposal::text as p from cadre_change where id = ${sent.id}`.execute(trx));
    expect(stored.rows[0].p).not.toContain(id);
    expect(stored.rows[0].p).not.toContain(id.slice(6, 14));
  });

  it('hostile callers: another tenant\'s officer or filler, a forged id — null, nothing changed', async () => {
    const filler = await tok('km-wh.filler');
    const cadre = await fillerCadre(5);
    const v = (await t.gql(filler, 'query($id:ID!){ cadre(id:$id){ version } }', { id: cadre.id })).data.cadre.version;
    const change = (await t.gql(filler, UPDATE, { id: cadre.id, v, p: { health: '外机构不可见' } })).data.updateCadre.openChange;
    const GET = `query($id:ID!) { cadreChange(id:$id) { id status } }`;
    // A sibling tenant's officer and filler: exactly like a missing change.
    for (const u of ['km-pl.officer', 'km-pl.filler']) expect((await t.gql(await tok(u), GET, { id: change.id })).data.cadreChange).toBeNull();
    expect((await t.gql(await tok('km-pl.officer'), DECIDE, { id: change.id, v: 1, d: 'accept' })).data.reviewCadreChange).toBeNull();
    expect((await t.gql(await tok('km-pl.officer'), QUEUE, {})).data.cadreChanges.edges.some((e: any) => e.node.id === change.id)).toBe(false);
    // A forged or malformed id.
    const officer = await tok('km-wh.officer');
    expect((await t.gql(officer, DECIDE, { id: '00000000-0000-4000-8000-000000000000', v: 1, d: 'accept' })).data.reviewCadreChange).toBeNull();
    expect((await t.gql(officer, DECIDE, { id: 'not-a-uuid', v: 1, d: 'accept' })).data.reviewCadreChange).toBeNull();
    // The parent's officer (km) sees it (its subtree) but the filler's own view is unchanged.
    expect((await t.gql(await tok('km.officer'), GET, { id: change.id })).data.cadreChange).toEqual({ id: change.id, status: 'pending' });
    expect((await t.gql(filler, GET, { id: change.id })).data.cadreChange).toEqual({ id: change.id, status: 'pending' });
    expect((await t.gql(officer, CADRE, { id: cadre.id })).data.cadre.health).not.toBe('外机构不可见');
  });
});
