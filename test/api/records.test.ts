// The twelve categories through the API: typed fields, the filler → officer review cycle, optimistic locking,
// soft delete and restore, the per-record history, and what a filler may not see.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../services/api/src/modules/records/categories.js';
import { sql } from 'kysely';
import { withScope } from '../../services/api/src/db/scope.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { engineName } from '../helpers/db.js';

let t: TestApp;
const tokens = new Map<string, string>();
const tok = async (u: string) => tokens.get(u) ?? tokens.set(u, await t.login(u)).get(u)!;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

const ENVELOPE = 'id category status statusLabel returnReason version enteredBy reviewedBy deleted cadre { id name }';
const GIFT = `... on GiftRecord { occurredOn giver giftKind amount handling handedOn }`;
const CREATE = `mutation($c:ID!, $cat:Int!, $f:RecordFieldsInput!, $m:[RecordMaterialInput!]) {
  createRecord(cadreId:$c, category:$cat, fields:$f, materials:$m) { ${ENVELOPE} ${GIFT} materials { name formedOn pages } } }`;
const UPDATE = `mutation($id:ID!, $v:Int!, $f:RecordFieldsInput!, $m:[RecordMaterialInput!]) {
  updateRecord(id:$id, version:$v, fields:$f, materials:$m) { ${ENVELOPE} ${GIFT} materials { name } } }`;
const REVIEW = `mutation($id:ID!, $v:Int!, $d:String!, $r:String) { reviewRecord(id:$id, version:$v, decision:$d, reason:$r) { ${ENVELOPE} } }`;
const RECORDS = `query($id:ID!, $cat:Int, $del:Boolean) { cadre(id:$id) { records(category:$cat, includeDeleted:$del) { ${ENVELOPE} } } }`;

const gift = (over: Record<string, unknown> = {}) => ({
  gift: { occurredOn: '2026-11-01', giver: '某公司经理', giftKind: '礼品', description: '茶叶两盒', amount: '860', handling: '上交组织', handedOn: '2026-11-02', ...over },
});

/** The first cadre of 五华区 sits in the filler's unit (seed). */
async function fillerCadre() {
  const filler = await tok('km-wh.filler');
  const r = await t.gql(filler, '{ cadres(first:1){ edges { node { id name } } } }');
  return r.data.cadres.edges[0].node as { id: string; name: string };
}

describe(`archive records (${engineName})`, () => {
  it('the schema offers every category as a typed object and a typed input', async () => {
    const officer = await tok('km-wh.officer');
    const r = await t.gql(officer, '{ recordCategories { id key title restricted fields { name label type required options } } }');
    expect(r.data.recordCategories.map((c: any) => c.id)).toEqual(CATEGORIES.map((c) => c.id));
    const gift = r.data.recordCategories.find((c: any) => c.id === 2);
    expect(gift.fields.find((f: any) => f.name === 'amount')).toMatchObject({ type: 'money', required: true });
    // A filler is not told about categories 8 and 9 at all.
    const filler = await t.gql(await tok('km-wh.filler'), '{ recordCategories { id } }');
    expect(filler.data.recordCategories.map((c: any) => c.id)).toEqual(CATEGORIES.map((c) => c.id).filter((id) => id !== 8 && id !== 9));
  });

  it('a filler enters a gift record; the officer returns it; the filler fixes it; the officer accepts it', async () => {
    const filler = await tok('km-wh.filler');
    const officer = await tok('km-wh.officer');
    const cadre = await fillerCadre();
    const created = await t.gql(filler, CREATE, {
      c: cadre.id, cat: 2, f: gift(), m: [{ name: '上交礼品登记表', formedOn: '2026-11-02', pages: 1 }],
    });
    const rec = created.data.createRecord;
    expect(rec).toMatchObject({ category: 2, status: 'pending', statusLabel: '待审核', version: 1, amount: '860.00', giftKind: '礼品', reviewedBy: null });
    expect(rec.enteredBy).toBe('五华区纪委监委填报员');
    expect(rec.materials).toEqual([{ name: '上交礼品登记表', formedOn: '2026-11-02', pages: 1 }]);

    // The officer's queue holds it.
    const queue = await t.gql(officer, '{ reviewQueue(first:100){ totalCount edges { node { id status } } } }');
    expect(queue.data.reviewQueue.edges.map((e: any) => e.node.id)).toContain(rec.id);
    // A filler has no queue.
    expect((await t.gql(filler, '{ reviewQueue(first:1){ totalCount } }')).errors?.[0].extensions?.code).toBe('FORBIDDEN');

    // Returning needs a reason.
    expect((await t.gql(officer, REVIEW, { id: rec.id, v: 1, d: 'return' })).errors?.[0].message).toBe('退回时须填写退回理由');
    const returned = (await t.gql(officer, REVIEW, { id: rec.id, v: 1, d: 'return', r: '金额与登记表不符' })).data.reviewRecord;
    expect(returned).toMatchObject({ status: 'returned', returnReason: '金额与登记表不符', version: 2, reviewedBy: '五华区纪委监委纪检干部' });

    // The filler fixes it: back to 待审核, reason cleared.
    const fixed = (await t.gql(filler, UPDATE, { id: rec.id, v: 2, f: gift({ amount: '680.50' }) })).data.updateRecord;
    expect(fixed).toMatchObject({ status: 'pending', returnReason: null, version: 3, amount: '680.50' });

    const accepted = (await t.gql(officer, REVIEW, { id: rec.id, v: 3, d: 'accept' })).data.reviewRecord;
    expect(accepted).toMatchObject({ status: 'accepted', statusLabel: '已审核', version: 4 });

    const history = (await t.gql(officer, `query($id:ID!){ record(id:$id){ history { version action actionLabel actorName reason changes { field label from to } } } }`, { id: rec.id }))
      .data.record.history;
    expect(history.map((h: any) => h.action)).toEqual(['accept', 'update', 'return', 'create']);
    expect(history[1].changes).toEqual([{ field: 'amount', label: '金额（价值，元）', from: '860.00', to: '680.50' }]);
    expect(history[2]).toMatchObject({ reason: '金额与登记表不符', actorName: '五华区纪委监委纪检干部' });
  });

  it('an officer\'s own entry is accepted at once; a stale save is refused with the newer version and changes nothing', async () => {
    const officer = await tok('km-wh.officer');
    const cadre = await fillerCadre();
    const rec = (await t.gql(officer, CREATE, { c: cadre.id, cat: 2, f: gift({ giver: '甲' }) })).data.createRecord;
    expect(rec).toMatchObject({ status: 'accepted', reviewedBy: '五华区纪委监委纪检干部' });
    const first = await t.gql(officer, UPDATE, { id: rec.id, v: 1, f: gift({ giver: '乙' }) });
    expect(first.data.updateRecord).toMatchObject({ version: 2, giver: '乙' });
    // Someone still holding version 1 saves: refused, with who changed it and the current version.
    const stale = await t.gql(officer, UPDATE, { id: rec.id, v: 1, f: gift({ giver: '丙' }) });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: 2 });
    expect(stale.errors?.[0].message).toMatch(/^该记录已被 五华区纪委监委纪检干部（纪检干部） 于 \d{4}-\d\d-\d\d \d\d:\d\d 修改（当前为第 2 版），请刷新后再修改$/);
    const now = (await t.gql(officer, `query($id:ID!){ record(id:$id){ version ... on GiftRecord { giver } } }`, { id: rec.id })).data.record;
    expect(now).toEqual({ version: 2, giver: '乙' });
  });

  it('fields are typed and checked: a wrong value is refused in Chinese, the wrong category part too', async () => {
    const officer = await tok('km-wh.officer');
    const cadre = await fillerCadre();
    const err = async (cat: number, f: unknown) => (await t.gql(officer, CREATE, { c: cadre.id, cat, f })).errors?.[0].message;
    expect(await err(2, gift({ amount: '-5' }))).toBe('金额（价值，元）须为不小于 0 的数，最多两位小数');
    expect(await err(2, gift({ occurredOn: '2026-02-30' }))).toBe('收受（拒收）日期不是有效日期');
    expect(await err(2, gift({ occurredOn: '2024-13-01' }))).toBe('收受（拒收）日期格式应为 YYYY-MM-DD');
    expect(await err(2, gift({ giftKind: '红包' }))).toMatch(/^类别须为「礼金、礼品/);
    expect(await err(3, gift())).toBe('请只填写「操办婚丧喜庆」（fields.celebration）的字段');
    expect(await err(13, gift())).toBe('类别须为 1–12 的整数');
    // A sanction derives its form (四种形态) from the measure when not given; its influence period stays unstated
    // (the tenant's default applies when warnings are evaluated: docs/warnings.md#influence-periods).
    const s = await t.gql(officer, `mutation($c:ID!, $f:RecordFieldsInput!){ createRecord(cadreId:$c, category:10, fields:$f){ ... on SanctionRecord { form influenceMonths measure } } }`, {
      c: cadre.id, f: { sanction: { kind: '政务处分', measure: '记大过', decidedOn: '2026-05-01', issuingBody: '区监委', facts: '违规发放津补贴。' } },
    });
    expect(s.data.createRecord).toEqual({ form: '第二种形态', influenceMonths: null, measure: '记大过' });
  });

  it('an enum field takes its label or its code, is stored as the code, and reads, diffs and lists as the label', async () => {
    const officer = await tok('km-wh.officer');
    const cadre = await fillerCadre();
    const SANCTION = '... on SanctionRecord { kind measure form influenceMonths }';
    const stored = (id: string) => withScope(t.database.db, 'yn', async (trx) =>
      (await sql<Record<string, string>>`select kind, measure, form from record_sanction where record_id = ${id}`.execute(trx)).rows[0]);
    const made = (await t.gql(officer, `mutation($c:ID!, $f:RecordFieldsInput!){ createRecord(cadreId:$c, category:10, fields:$f){ id ${SANCTION} } }`, {
      c: cadre.id, f: { sanction: { kind: 'party', measure: 'serious_warning', decidedOn: '2026-05-02', issuingBody: '区纪委', facts: '违规收受礼金。' } },
    })).data.createRecord;
    // Codes in: the derived form follows the measure as it does for labels; no influence period is stored unless stated.
    expect(made).toMatchObject({ kind: '党纪处分', measure: '严重警告', form: '第二种形态', influenceMonths: null });
    expect(await stored(made.id)).toEqual({ kind: 'party', measure: 'serious_warning', form: '2' });

    // Labels and codes mixed; the history shows labels on both sides.
    const upd = await t.gql(officer, `mutation($id:ID!, $f:RecordFieldsInput!){ updateRecord(id:$id, version:1, fields:$f){ ${SANCTION}
      history { changes { field from to } } } }`, {
      id: made.id, f: { sanction: { kind: '党纪处分', measure: '警告', form: '3', decidedOn: '2026-05-02', issuingBody: '区纪委', facts: '违规收受礼金。' } },
    });
    expect(upd.data.updateRecord).toMatchObject({ kind: '党纪处分', measure: '警告', form: '第三种形态', influenceMonths: null });
    const byField = (a: { field: string }, b: { field: string }) => a.field.localeCompare(b.field);
    expect(upd.data.updateRecord.history[0].changes.sort(byField)).toEqual([
      { field: 'form', from: '第二种形态', to: '第三种形态' },
      { field: 'measure', from: '严重警告', to: '警告' },
    ]);
    expect(await stored(made.id)).toEqual({ kind: 'party', measure: 'warning', form: '3' });
    const listed = (await t.gql(officer, `query($id:ID!){ cadre(id:$id){ records(category:10){ id ${SANCTION} } } }`, { id: cadre.id }))
      .data.cadre.records.find((r: any) => r.id === made.id);
    expect(listed).toMatchObject({ kind: '党纪处分', measure: '警告', form: '第三种形态' });

    // A clue by codes; a code of another field is no option here.
    const CLUE = `mutation($c:ID!, $f:RecordFieldsInput!){ createRecord(cadreId:$c, category:8, fields:$f){ ... on ClueRecord { source disposalMode handlingStatus } } }`;
    const clue = (f: Record<string, unknown>) => t.gql(officer, CLUE, { c: cadre.id, f: { clue: { receivedOn: '2026-06-01', source: '巡察', summary: '反映违规收受礼品。', ...f } } });
    expect((await clue({ disposalMode: 'talk_inquiry', handlingStatus: 'open' })).data.createRecord)
      .toEqual({ source: '巡察', disposalMode: '谈话函询', handlingStatus: '办理中' });
    expect((await clue({ disposalMode: 'party', handlingStatus: '办理中' })).errors?.[0].message).toBe('处置方式须为「谈话函询、初步核实、暂存待查、予以了结、立案审查调查」之一');
  });

  it('officers delete and restore; deleted records leave the archive but not the history', async () => {
    const officer = await tok('km-wh.officer');
    const filler = await tok('km-wh.filler');
    const cadre = await fillerCadre();
    const rec = (await t.gql(officer, CREATE, { c: cadre.id, cat: 2, f: gift({ giver: '待删' }) })).data.createRecord;
    expect((await t.gql(filler, 'mutation($id:ID!){ deleteRecord(id:$id, version:1){ id } }', { id: rec.id })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const del = await t.gql(officer, 'mutation($id:ID!){ deleteRecord(id:$id, version:1){ deleted deletedBy version } }', { id: rec.id });
    expect(del.data.deleteRecord).toEqual({ deleted: true, deletedBy: '五华区纪委监委纪检干部', version: 2 });
    const live = (await t.gql(officer, RECORDS, { id: cadre.id, cat: 2 })).data.cadre.records.map((r: any) => r.id);
    expect(live).not.toContain(rec.id);
    const all = (await t.gql(officer, RECORDS, { id: cadre.id, cat: 2, del: true })).data.cadre.records.map((r: any) => r.id);
    expect(all).toContain(rec.id);
    // A deleted record cannot be edited until restored.
    expect((await t.gql(officer, UPDATE, { id: rec.id, v: 2, f: gift() })).errors?.[0].message).toBe('记录已删除，请先恢复');
    const back = await t.gql(officer, 'mutation($id:ID!){ restoreRecord(id:$id){ deleted version history { action } } }', { id: rec.id });
    expect(back.data.restoreRecord).toEqual({ deleted: false, version: 3, history: [{ action: 'restore' }, { action: 'delete' }, { action: 'create' }] });
  });

  it('a filler never sees categories 8–9 nor another unit\'s cadres; other tenants\' records look missing', async () => {
    const filler = await tok('km-wh.filler');
    const officer = await tok('km-wh.officer');
    const cadre = await fillerCadre();
    // A clue on a cadre of the filler's own unit, entered by the officer.
    const made = await t.gql(officer, CREATE, { c: cadre.id, cat: 8, f: { clue: {
      receivedOn: '2026-06-01', source: '巡察', summary: '反映违规收受礼品。', disposalMode: '初步核实', handlingStatus: '办理中' } } });
    const officerView = (await t.gql(officer, RECORDS, { id: cadre.id })).data.cadre.records;
    const clue = officerView.find((r: any) => r.id === made.data.createRecord.id);
    expect(clue).toMatchObject({ category: 8 });
    await t.gql(officer, CREATE, { c: cadre.id, cat: 2, f: gift() });
    const fillerView = (await t.gql(filler, RECORDS, { id: cadre.id })).data.cadre.records;
    expect(fillerView.some((r: any) => r.category === 8 || r.category === 9)).toBe(false);
    expect(fillerView.length).toBeGreaterThan(0);
    // By id: exactly like a missing record.
    const missing = await t.gql(filler, 'query($id:ID!){ record(id:$id){ id } }', { id: '00000000-0000-4000-8000-000000000000' });
    const hidden = await t.gql(filler, 'query($id:ID!){ record(id:$id){ id } }', { id: clue.id });
    expect(hidden).toEqual(missing);
    expect(hidden.data.record).toBeNull();
    // Entering category 8 or 9: refused.
    const c8 = await t.gql(filler, CREATE, { c: cadre.id, cat: 9, f: { inquiryMaterial: { formedOn: '2026-01-01', procedure: '谈话函询', materialKind: '谈话记录', title: '谈话记录' } } });
    expect(c8.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    // Another tenant's officer: the record and the cadre are simply not there.
    const pl = await tok('km-pl.officer');
    expect((await t.gql(pl, 'query($id:ID!){ record(id:$id){ id } }', { id: clue.id })).data.record).toBeNull();
    const foreign = await t.gql(pl, CREATE, { c: cadre.id, cat: 2, f: gift() });
    expect(foreign.data.createRecord).toBeNull();
    expect((await t.gql(pl, REVIEW, { id: clue.id, v: 1, d: 'accept' })).data.reviewRecord).toBeNull();
  });

  it('a category lists its records by their own date, newest first, whatever the order of entry', async () => {
    const officer = await tok('km-wh.officer');
    const units = (await t.gql(officer, '{ units(tenantCode:"km-wh"){ id } }')).data.units;
    const c = (await t.gql(officer, 'mutation($u:ID!){ createCadre(input:{ name:"排序甲", unitId:$u }){ id } }', { u: units[0].id })).data.createCadre;
    for (const [on, giver] of [['2024-05-01', '中'], ['2026-01-10', '新'], ['2019-12-31', '旧']]) {
      await t.gql(officer, CREATE, { c: c.id, cat: 2, f: gift({ occurredOn: on, giver }) });
    }
    const list = (await t.gql(officer, `query($id:ID!){ cadre(id:$id){ records(category:2){ ${GIFT} } } }`, { id: c.id })).data.cadre.records;
    expect(list.map((r: any) => r.giver)).toEqual(['新', '中', '旧']);
  });

  it('reading records leaves the cadre in the access log', async () => {
    const officer = await tok('km-wh.officer');
    const cadre = await fillerCadre();
    const res = await t.app.inject({
      method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json', authorization: `Bearer ${officer}` },
      payload: JSON.stringify({ query: 'query($id:ID!){ cadre(id:$id){ records(category:2){ id } } }', variables: { id: cadre.id } }),
    });
    const rid = res.headers['x-request-id'] as string;
    const { withScope } = await import('../../services/api/src/db/scope.js');
    const rows = await withScope(t.database.db, 'yn', (trx) => trx.selectFrom('audit_event').select('cadre_ids').where('request_id', '=', rid).execute());
    expect(rows[0].cadre_ids).toContain(cadre.id);
  });

  it('the materials catalogue is updated in place: kept entries keep their id and scan, left-out ones go, foreign ids are refused', async () => {
    const officer = await tok('km-wh.officer');
    const cadre = await fillerCadre();
    const MAT = 'materials { id name formedOn pages }';
    const made = (await t.gql(officer, CREATE.replace('materials { name formedOn pages }', MAT), {
      c: cadre.id, cat: 2, f: gift(), m: [{ name: '登记表', formedOn: '2026-11-02', pages: 1 }, { name: '收据', pages: 2 }],
    })).data.createRecord;
    const [form, receipt] = made.materials as { id: string; name: string }[];
    // A scan attached to the first entry (scans come with issue 16; the key is what must survive an edit).
    const { withScope } = await import('../../services/api/src/db/scope.js');
    const key = `t/00000000-0000-0000-0000-000000000000/scan/2026/11/${'a'.repeat(32)}`;
    await withScope(t.database.db, 'yn', (trx) => trx.updateTable('record_material').set({ object_key: key }).where('id', '=', form.id).execute());

    const update = UPDATE.replace('materials { name }', MAT);
    const edited = (await t.gql(officer, update, {
      id: made.id, v: made.version, f: gift(), m: [{ name: '新增的说明', pages: 1 }, { id: form.id, name: '登记表（改）', formedOn: '2026-11-03', pages: 3 }],
    })).data.updateRecord;
    expect(edited.materials.map((m: any) => m.name)).toEqual(['新增的说明', '登记表（改）']);
    expect(edited.materials[1]).toEqual({ id: form.id, name: '登记表（改）', formedOn: '2026-11-03', pages: 3 });
    const rows = await withScope(t.database.db, 'yn', (trx) => trx.selectFrom('record_material').select(['id', 'object_key'])
      .where('record_id', '=', made.id).execute());
    expect(rows.find((r) => r.id === form.id)?.object_key).toBe(key);
    expect(rows.map((r) => r.id)).not.toContain(receipt.id);

    // An id from another record (or a made-up one) is refused and nothing changes.
    const other = (await t.gql(officer, CREATE.replace('materials { name formedOn pages }', MAT), { c: cadre.id, cat: 2, f: gift(), m: [{ name: '他人材料' }] })).data.createRecord;
    for (const id of [other.materials[0].id, '00000000-0000-0000-0000-000000000001', 'not-an-id']) {
      const r = await t.gql(officer, update, { id: made.id, v: edited.version, f: gift(), m: [{ id, name: '冒用' }] });
      expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(r.errors?.[0].message).toBe('材料目录中的条目不存在或不属于该记录，请刷新后重试');
    }
    const after = await t.gql(officer, `query($id:ID!){ record(id:$id){ version ${MAT} } }`, { id: made.id });
    expect(after.data.record.version).toBe(edited.version);
    expect(after.data.record.materials.map((m: any) => m.id)).toEqual(edited.materials.map((m: any) => m.id));
    // On create, no id may be given.
    expect((await t.gql(officer, CREATE, { c: cadre.id, cat: 2, f: gift(), m: [{ id: form.id, name: '复用' }] })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
