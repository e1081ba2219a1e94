// Overdue rules (kind `overdue`, docs/work-calendar.md#overdue-rules-kind-overdue), counted in working days of the
// national calendar. The default rule set has one (ORANGE-RECTIFY, overdue rectification: tested through the cadre's
// warning below); the others a commission adds: the tests insert warning_rule rows and recompute.
// Dates checked by hand: 2026-06-01 (Mon) + 15 working days, 端午 06-19 (Fri) off and no 调休 → 06-23 (06-22 without
// the holiday).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { withScope } from '../../services/api/src/db/scope.js';
import { recomputeWarnings } from '../../services/api/src/modules/warnings/recompute.js';
import { OVERDUE_SUBJECTS } from '../../services/api/src/modules/warnings/evaluators/overdue.js';
import { EVALUATORS } from '../../services/api/src/modules/warnings/evaluators/index.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { engineName } from '../helpers/db.js';
import { beijingTime } from '../../shared/time.js';

let t: TestApp;
let officer: string;
let tenantId: string;
let unitId: string;
const WH = 'yn.km.km_wh';

const gql = async (query: string, v: Record<string, unknown> = {}) => {
  const r = await t.gql(officer, query, v);
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data;
};
const newCadre = async (name: string) =>
  (await gql('mutation($u:ID!,$n:String!){ createCadre(input:{name:$n, unitId:$u}){ id } }', { u: unitId, n: name })).createCadre.id as string;
const RECORD = 'mutation($c:ID!,$cat:Int!,$f:RecordFieldsInput!){ createRecord(cadreId:$c, category:$cat, fields:$f){ id version } }';
const clue = (cadreId: string, receivedOn: string, disposalMode: string, handlingStatus = '办理中') =>
  gql(RECORD, { c: cadreId, cat: 8, f: { clue: { receivedOn, source: '信访举报', summary: '反映问题', disposalMode, handlingStatus } } })
    .then((d) => d.createRecord as { id: string; version: number });
const report = (cadreId: string, reportYear: number, reportedOn: string, reportType = '年度集中报告') =>
  gql(RECORD, { c: cadreId, cat: 1, f: { personalReport: { reportYear, reportType, reportedOn } } }).then((d) => d.createRecord.id as string);

/** A current overdue rule of the tenant (version 1, or the next version of the code). */
async function addRule(code: string, name: string, level: string, definition: object) {
  await withScope(t.database.db, WH, async (trx) => {
    await trx.updateTable('warning_rule').set({ superseded_at: new Date() }).where('tenant_id', '=', tenantId).where('code', '=', code)
      .where('superseded_at', 'is', null).execute();
    const v = await trx.selectFrom('warning_rule').select(sql<number>`coalesce(max(version), 0) + 1`.as('v')).where('tenant_id', '=', tenantId)
      .where('code', '=', code).executeTakeFirstOrThrow();
    await trx.insertInto('warning_rule').values({
      tenant_id: tenantId, code, version: v.v, name, kind: 'overdue', level, definition: JSON.stringify(definition), created_by_name: '测试',
    }).execute();
  });
}

/** Recompute the cadres (unless told not to) and read their hits of one rule code. */
async function hits(cadreIds: string[], code: string, recompute = true) {
  return withScope(t.database.db, WH, async (trx) => {
    if (recompute) await recomputeWarnings(trx, { tenantIds: [tenantId], cadreIds });
    return trx.selectFrom('warning_hit')
      .select(['cadre_id', 'rule_version', 'level', sql<string>`to_char(starts_on, 'YYYY-MM-DD')`.as('starts_on'),
        sql<string | null>`to_char(ends_on, 'YYYY-MM-DD')`.as('ends_on'), 'record_ids', 'reason'])
      .where('cadre_id', 'in', cadreIds).where('rule_code', '=', code).orderBy('starts_on').execute();
  });
}

beforeAll(async () => {
  t = await createTestApp();
  officer = await t.login('km-wh.officer');
  await withScope(t.database.db, WH, async (trx) => {
    tenantId = (await trx.selectFrom('tenant').select('id').where('code', '=', 'km-wh').executeTakeFirstOrThrow()).id;
    unitId = (await trx.selectFrom('unit').select('id').where('tenant_id', '=', tenantId).where('parent_id', 'is', null)
      .orderBy('sort_order').limit(1).executeTakeFirstOrThrow()).id;
  });
}, 120_000);
afterAll(async () => { await t?.close(); });

describe(`overdue warnings (${engineName})`, () => {
  it('registers the kind and dispatches on the subject', () => {
    expect(EVALUATORS.overdue).toBeTypeOf('function');
    expect(Object.keys(OVERDUE_SUBJECTS).sort()).toEqual(['clue', 'personal_report', 'rectification']);
  });

  it('a 谈话函询 clue still 办理中 is overdue from exactly 15 working days after receipt, until it is closed', async () => {
    await addRule('OVERDUE-CLUE', '函询超期未办结', 'yellow', { kind: 'overdue', subject: 'clue', disposalModes: ['talk_inquiry'], workingDays: 15 });
    const a = await newCadre('超期甲');
    const open = await clue(a, '2026-06-01', '谈话函询');
    const other = await newCadre('超期乙');
    await clue(other, '2026-06-01', '初步核实'); // not under the rule's modes
    await clue(other, '2026-06-01', '谈话函询', '已办结'); // closed before anything was due
    let got = await hits([a, other], 'OVERDUE-CLUE');
    expect(got).toEqual([{
      cadre_id: a, rule_version: 1, level: 'yellow', starts_on: '2026-06-23', ends_on: null, record_ids: [open.id],
      reason: '函询超期：谈话函询（2026-06-01 受理，15 个工作日内应办结，已逾期）',
    }]);
    // As of a date: the day before the due day shows nothing, the due day shows the hit.
    const activeOn = (d: string) => withScope(t.database.db, WH, async (trx) => (await trx.selectFrom('warning_hit').select('id')
      .where('cadre_id', '=', a).where('rule_code', '=', 'OVERDUE-CLUE').where('starts_on', '<=', sql<Date>`${d}::date`)
      .where(sql<boolean>`(ends_on is null or ends_on > ${d}::date)`).execute()).length);
    expect(await activeOn('2026-06-22')).toBe(0);
    expect(await activeOn('2026-06-23')).toBe(1);
    // The rule's new version counts 10 working days: 06-01 + 10 = 06-15.
    await addRule('OVERDUE-CLUE', '函询超期未办结', 'orange', { kind: 'overdue', subject: 'clue', disposalModes: ['talk_inquiry', 'verification'], workingDays: 10 });
    got = await hits([a, other], 'OVERDUE-CLUE');
    expect(got.map((h) => [h.cadre_id === a ? '甲' : '乙', h.starts_on, h.rule_version, h.level, h.reason]).sort((x, y) => (x[0] === '甲' ? -1 : 1))).toEqual([
      ['甲', '2026-06-15', 2, 'orange', '函询超期：谈话函询（2026-06-01 受理，10 个工作日内应办结，已逾期）'],
      ['乙', '2026-06-15', 2, 'orange', '初核超期：初步核实（2026-06-01 受理，10 个工作日内应办结，已逾期）'],
    ]);
    // Closing the clue ends it.
    await gql('mutation($id:ID!,$v:Int!,$f:RecordFieldsInput!){ updateRecord(id:$id, version:$v, fields:$f){ id } }', {
      id: open.id, v: open.version,
      f: { clue: { receivedOn: '2026-06-01', source: '信访举报', summary: '反映问题', disposalMode: '谈话函询', handlingStatus: '已办结', disposedOn: '2026-07-01' } },
    });
    expect((await hits([a], 'OVERDUE-CLUE'))).toEqual([]);
  });

  it('a clue closed late with its 办结日期 was overdue from the due day until that day; closed by the due day, never', async () => {
    await addRule('OVERDUE-CLUE', '函询超期未办结', 'yellow', { kind: 'overdue', subject: 'clue', disposalModes: ['talk_inquiry'], workingDays: 15 });
    const c = await newCadre('超期丙');
    const closedOn = (on: string) => gql(RECORD, {
      c, cat: 8, f: { clue: { receivedOn: '2026-06-01', source: '信访举报', summary: '反映问题', disposalMode: '谈话函询', handlingStatus: '已办结', closedOn: on } },
    }).then((d) => d.createRecord.id as string);
    const late = await closedOn('2026-07-01');
    await closedOn('2026-06-23'); // closed on the due day: in time
    await closedOn('2026-06-05');
    expect(await hits([c], 'OVERDUE-CLUE')).toEqual([{
      cadre_id: c, rule_version: 3, level: 'yellow', starts_on: '2026-06-23', ends_on: '2026-07-01', record_ids: [late],
      reason: '函询超期：谈话函询（2026-06-01 受理，15 个工作日内应办结，逾期至 2026-07-01 办结）',
    }]);
  });

  it('across 国庆 and into an uncovered year the reason says the calendar does not cover it', async () => {
    await addRule('OVERDUE-CLUE', '函询超期未办结', 'yellow', { kind: 'overdue', subject: 'clue', disposalModes: ['talk_inquiry'], workingDays: 15 });
    const b = await newCadre('超期丙');
    await clue(b, '2026-09-25', '谈话函询'); // 中秋: 15 working days → 2026-10-22
    const c = await newCadre('超期丁');
    await clue(c, '2099-12-21', '谈话函询'); // Mon; 2099 and 2100 uncovered: Monday–Friday → 2100-01-11
    const got = await hits([b, c], 'OVERDUE-CLUE');
    expect(got.map((h) => [h.starts_on, h.reason])).toEqual([
      ['2026-10-22', '函询超期：谈话函询（2026-09-25 受理，15 个工作日内应办结，已逾期）'],
      ['2100-01-11', '函询超期：谈话函询（2099-12-21 受理，15 个工作日内应办结，已逾期；工作日历未覆盖 2099、2100 年，暂按周一至周五计算）'],
    ]);
  });

  it('a change of the calendar moves the due dates at once (the edit recomputes the tenants with overdue rules)', async () => {
    await addRule('OVERDUE-CLUE', '函询超期未办结', 'yellow', { kind: 'overdue', subject: 'clue', disposalModes: ['talk_inquiry'], workingDays: 15 });
    const e = await newCadre('超期戊');
    await clue(e, '2026-06-01', '谈话函询');
    expect((await hits([e], 'OVERDUE-CLUE')).map((h) => h.starts_on)).toEqual(['2026-06-23']);
    const root = await t.login('yn.admin');
    const set = await t.gql(root, 'mutation{ setWorkDay(date:"2026-06-22", working:false, name:"测试假日"){ kind } }');
    expect(set.errors).toBeUndefined();
    expect((await hits([e], 'OVERDUE-CLUE', false)).map((h) => h.starts_on)).toEqual(['2026-06-24']);
    expect((await t.gql(root, 'mutation{ clearWorkDay(date:"2026-06-22") }')).data?.clearWorkDay).toBe(true);
    expect((await hits([e], 'OVERDUE-CLUE', false)).map((h) => h.starts_on)).toEqual(['2026-06-23']);
  });

  it('an annual personal-matters report not filed by the deadline is overdue from the day after until it is filed', async () => {
    await addRule('OVERDUE-REPORT', '个人有关事项报告逾期', 'yellow',
      { kind: 'overdue', subject: 'personal_report', deadline: '03-31', deadlineYearOffset: 1, fromYear: 2024 });
    const a = await newCadre('报告甲');
    await report(a, 2024, '2025-03-31'); // on the deadline: on time
    const late = await report(a, 2025, '2026-04-15'); // late
    await report(a, 2026, '2026-06-01', '随时报告'); // not the annual report
    const b = await newCadre('报告乙');
    await report(b, 2025, '2026-03-01');
    await gql('mutation($id:ID!){ setCadreStatus(id:$id, status:"退休", on:"2026-01-10"){ id } }', { id: b });
    const got = await hits([a, b], 'OVERDUE-REPORT');
    const of = (id: string) => got.filter((h) => h.cadre_id === id).map((h) => [h.starts_on, h.ends_on, h.record_ids, h.reason]);
    expect(of(a).slice(0, 2)).toEqual([
      ['2026-04-01', '2026-04-15', [late], '个人有关事项报告逾期：2025 年度集中报告（应于 2026-03-31 前报告，2026-04-15 补报）'],
      ['2027-04-01', null, [], '个人有关事项报告逾期：2026 年度集中报告（应于 2027-03-31 前报告，未报告）'],
    ]);
    // Later years (up to next year's reports) follow the same rule; none before fromYear.
    expect(of(a).slice(2).every((h) => h[1] === null && /未报告/.test(String(h[3])))).toBe(true);
    // Retired on 2026-01-10: the 2024 report (due 2025-03-31) was overdue until then; nothing after.
    expect(of(b)).toEqual([
      ['2025-04-01', '2026-01-10', [], '个人有关事项报告逾期：2024 年度集中报告（应于 2025-03-31 前报告，未报告）'],
    ]);
    // A deadline of 02-29 is the month's last day in a common year.
    await addRule('OVERDUE-REPORT', '个人有关事项报告逾期', 'yellow',
      { kind: 'overdue', subject: 'personal_report', deadline: '02-29', deadlineYearOffset: 1, fromYear: 2026 });
    expect((await hits([a], 'OVERDUE-REPORT'))[0]).toMatchObject({ starts_on: '2027-03-01', reason: expect.stringContaining('应于 2027-02-28 前报告') });
  });
  it('the default rule ORANGE-RECTIFY: a rectification past its due date turns the cadre 橙 from the next day, with its reason; acceptance ends it', async () => {
    const c = await newCadre('整改逾期甲');
    const d = (await gql(`mutation($c:ID!){ issueDisposition(cadreId:$c, kind:"警示提醒", issuedOn:"2026-09-28", dueOn:"2026-10-16") { id docNumber dueOn } }`,
      { c })).issueDisposition as { id: string; docNumber: string; dueOn: string };
    expect(d.dueOn).toBe('2026-10-16');
    const W = 'colour rule { code name version } reasons startsOn ends';
    const on = async (asOf: string) => (await gql(`query($id:ID!,$d:String){ cadre(id:$id){ warning(asOf:$d){ ${W} } warnings(asOf:$d){ ${W} } } }`,
      { id: c, d: asOf })).cadre as { warning: any; warnings: any[] };
    // The due day itself is still in time; from the next day the escalation rule gives the cadre's colour.
    expect(await on('2026-10-16')).toEqual({ warning: null, warnings: [] });
    const open = { colour: '橙', rule: { code: 'ORANGE-RECTIFY', name: '整改逾期未通过验收', version: 1 }, startsOn: '2026-10-17' };
    expect(await on('2026-10-17')).toEqual({
      warning: { ...open, reasons: [`整改逾期：警示提醒（${d.docNumber}，整改期限 2026-10-16，尚未通过验收）`], ends: null },
      warnings: [{ ...open, reasons: [`整改逾期：警示提醒（${d.docNumber}，整改期限 2026-10-16，尚未通过验收）`], ends: null }],
    });
    // Accepted today: the warning ends yesterday, and is gone from today on.
    await gql(`mutation($id:ID!){ submitRectification(id:$id, text:"已按要求整改") { id } }`, { id: d.id });
    await gql(`mutation($id:ID!){ reviewRectification(id:$id, decision:"accepted") { status acceptedOn } }`, { id: d.id });
    const now = new Date();
    const today = beijingTime(now).slice(0, 10);
    const yesterday = beijingTime(new Date(now.getTime() - 86_400_000)).slice(0, 10);
    const past = (await on('2026-10-17')).warning;
    expect(past).toEqual({ ...open, reasons: [`整改逾期：警示提醒（${d.docNumber}，整改期限 2026-10-16，${today} 通过验收）`], ends: yesterday });
    expect((await on(yesterday)).warning?.rule.code).toBe('ORANGE-RECTIFY');
    expect(await on(today)).toEqual({ warning: null, warnings: [] });
  });
});
