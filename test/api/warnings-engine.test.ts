// The warning engine (docs/warnings.md): cadre histories with known answers, entered through the record and cadre
// mutations (each recomputes the cadre's hits in the same request), checked as hits in warning_hit and as what applies
// on an as-of date (starts_on <= d < coalesce(ends_on, 'infinity')): influence periods at their edges (the day before
// and the day a period ends, month ends, leap days), stated periods over defaults, the highest colour, deleted records
// and cadres, pending and returned records, an open case closed, and the count, amount and score rules with their own
// known answers. Then the start-up recompute of stale hits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { withScope } from '../../services/api/src/db/scope.js';
import {
  recomputeStaleWarnings, recomputeTenantWarnings, recomputeWarnings,
} from '../../services/api/src/modules/warnings/recompute.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { engineName } from '../helpers/db.js';

let t: TestApp;
const tokens = new Map<string, string>();
const tok = async (u: string) => tokens.get(u) ?? tokens.set(u, await t.login(u)).get(u)!;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

interface Hit { rule_code: string; rule_version: number; level: string; starts_on: string; ends_on: string | null; reason: string; record_ids: string[] }

const root = <T>(fn: Parameters<typeof withScope<T>>[2]) => withScope(t.database.db, 'yn', fn);

/** The cadre's hits, by start, rule and reason (optionally of one rule). */
const hits = (cadreId: string, rule?: string) => root(async (trx) => (await sql<Hit>`
  select rule_code, rule_version, level, to_char(starts_on, 'YYYY-MM-DD') as starts_on, to_char(ends_on, 'YYYY-MM-DD') as ends_on, reason,
         record_ids::text[] as record_ids
    from warning_hit where cadre_id = ${cadreId} ${rule ? sql`and rule_code = ${rule}` : sql``}
   order by starts_on, rule_code, reason`.execute(trx)).rows);

/** The rules that apply on a date, highest first (as the board and the cadre's colour read them). */
const asOf = (cadreId: string, d: string, rule?: string) => root(async (trx) => (await sql<{ rule_code: string; level: string }>`
  select rule_code, level from warning_hit
   where cadre_id = ${cadreId} and starts_on <= ${d}::date and ${d}::date < coalesce(ends_on, 'infinity'::date)
     ${rule ? sql`and rule_code = ${rule}` : sql``}
   order by level_rank desc, rule_code`.execute(trx)).rows);

/** The cadre's colour on a date: the level of highest rank among the hits that apply (null: none). */
const colour = async (cadreId: string, d: string) => (await asOf(cadreId, d))[0]?.level ?? null;

async function newCadre(user: string, tenant: string, name: string, unit = 0): Promise<string> {
  const token = await tok(user);
  const units = (await t.gql(token, `{ units(tenantCode:"${tenant}"){ id } }`)).data.units;
  const r = await t.gql(token, 'mutation($u:ID!, $n:String!){ createCadre(input:{name:$n, unitId:$u}){ id } }', { u: units[unit].id, n: name });
  expect(r.errors).toBeUndefined();
  return r.data.createCadre.id;
}

const CREATE = `mutation($c:ID!, $cat:Int!, $f:RecordFieldsInput!){ createRecord(cadreId:$c, category:$cat, fields:$f){ id version status } }`;
const UPDATE = `mutation($id:ID!, $v:Int!, $f:RecordFieldsInput!){ updateRecord(id:$id, version:$v, fields:$f){ id version } }`;

async function record(user: string, cadreId: string, category: number, fields: Record<string, unknown>) {
  const r = await t.gql(await tok(user), CREATE, { c: cadreId, cat: category, f: fields });
  expect(r.errors).toBeUndefined();
  return r.data.createRecord as { id: string; version: number; status: string };
}

const sanctionFields = (over: Record<string, unknown>) => ({
  sanction: { kind: '党纪处分', measure: '警告', decidedOn: '2026-01-01', issuingBody: '区纪委', facts: '违反廉洁纪律。', ...over },
});
const clueFields = (over: Record<string, unknown>) => ({
  clue: { receivedOn: '2026-06-01', source: '信访举报', summary: '反映违规收受礼品。', disposalMode: '谈话函询', handlingStatus: '办理中', ...over },
});
const WH = 'km-wh.officer';
const sanction = (cadreId: string, over: Record<string, unknown>, user = WH) => record(user, cadreId, 10, sanctionFields(over));
const clue = (cadreId: string, over: Record<string, unknown>, user = WH) => record(user, cadreId, 8, clueFields(over));

const tenantId = (code: string) => root(async (trx) => (await trx.selectFrom('tenant').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id);

/** A rule of the tenant, as a console edit would store it (version 1 of its code). */
async function addRule(tenant: string, code: string, name: string, level: string | null, definition: Record<string, unknown>) {
  const id = await tenantId(tenant);
  await root((trx) => sql`insert into warning_rule (tenant_id, code, version, name, kind, level, definition, created_by_name)
    values (${id}, ${code}, 1, ${name}, ${String(definition.kind)}, ${level}, ${JSON.stringify(definition)}::jsonb, '测试')`.execute(trx));
}

describe(`warning engine (${engineName})`, () => {
  it('a sanction is a hit over its influence period, explained in its reason, with its record', async () => {
    const c = await newCadre(WH, 'km-wh', '预警甲');
    const r = await sanction(c, { measure: '撤销党内职务', decidedOn: '2024-12-18', effectiveOn: '2024-12-20' });
    expect(await hits(c)).toEqual([{
      rule_code: 'RED-FORM3', rule_version: 1, level: 'red', starts_on: '2024-12-20', ends_on: '2026-12-20',
      reason: '撤销党内职务（2024-12-20 生效，影响期 24 个月，至 2026-12-19）', record_ids: [r.id],
    }]);
    // From the effective date (not the decision), through the last day inside; the day it ends is already outside.
    expect(await colour(c, '2024-12-19')).toBeNull();
    expect(await colour(c, '2024-12-20')).toBe('red');
    expect(await colour(c, '2026-12-19')).toBe('red');
    expect(await colour(c, '2026-12-20')).toBeNull();
    // The record stores no period: the default applied at evaluation.
    const stored = await root(async (trx) => (await sql<{ m: number | null }>`select influence_months as m from record_sanction where record_id = ${r.id}`.execute(trx)).rows[0].m);
    expect(stored).toBeNull();
  });

  it('edges: N months from D end on the same day N months later; month ends clamp; leap days', async () => {
    // 2026-03-10 + 12 months: inside through 2027-03-09, outside from 2027-03-10 (警告 of the party: 12 months, 橙).
    const a = await newCadre(WH, 'km-wh', '预警乙');
    await sanction(a, { measure: '警告', decidedOn: '2026-03-10' });
    expect(await hits(a)).toMatchObject([{ rule_code: 'ORANGE-FORM2', starts_on: '2026-03-10', ends_on: '2027-03-10', reason: '警告（2026-03-10 生效，影响期 12 个月，至 2027-03-09）' }]);
    expect(await colour(a, '2026-03-09')).toBeNull();
    expect(await colour(a, '2026-03-10')).toBe('orange');
    expect(await colour(a, '2027-03-09')).toBe('orange');
    expect(await colour(a, '2027-03-10')).toBeNull();

    // 2026-08-31 + 6 months → 2027-02-28 (政务警告: 6 months): inside through 2027-02-27.
    const b = await newCadre(WH, 'km-wh', '预警丙');
    await sanction(b, { kind: '政务处分', measure: '警告', decidedOn: '2026-08-31', issuingBody: '区监委' });
    expect(await hits(b)).toMatchObject([{ starts_on: '2026-08-31', ends_on: '2027-02-28', reason: '警告（2026-08-31 生效，影响期 6 个月，至 2027-02-27）' }]);
    expect(await colour(b, '2027-02-27')).toBe('orange');
    expect(await colour(b, '2027-02-28')).toBeNull();

    // 2024-02-29 + 12 months → 2025-02-28: inside through 2025-02-27.
    const c = await newCadre(WH, 'km-wh', '预警丁');
    await sanction(c, { measure: '警告', decidedOn: '2024-02-29' });
    expect(await hits(c)).toMatchObject([{ starts_on: '2024-02-29', ends_on: '2025-02-28', reason: '警告（2024-02-29 生效，影响期 12 个月，至 2025-02-27）' }]);
    expect(await colour(c, '2025-02-27')).toBe('orange');
    expect(await colour(c, '2025-02-28')).toBeNull();
  });

  it('a period the record states overrides the default; 留党察看 is 36 months unless stated; no period: the rule\'s fallback or nothing', async () => {
    const c = await newCadre(WH, 'km-wh', '预警戊');
    await sanction(c, { measure: '警告', decidedOn: '2026-01-15', influenceMonths: 6 });
    await sanction(c, { measure: '留党察看', decidedOn: '2025-05-20' });
    await sanction(c, { measure: '留党察看', decidedOn: '2025-06-10', influenceMonths: 48 });
    // 第一种形态 with no period: 12 months (YELLOW-FORM1's fallback); 调整职务 (第二种形态, none): nothing.
    await sanction(c, { kind: '提醒谈话', measure: '谈话提醒', decidedOn: '2026-02-01' });
    await sanction(c, { kind: '组织处理', measure: '调整职务', decidedOn: '2026-02-02', issuingBody: '区委组织部' });
    expect((await hits(c)).map((h) => [h.rule_code, h.starts_on, h.ends_on, h.reason])).toEqual([
      ['RED-FORM3', '2025-05-20', '2028-05-20', '留党察看（2025-05-20 生效，影响期 36 个月，至 2028-05-19）'],
      ['RED-FORM3', '2025-06-10', '2029-06-10', '留党察看（2025-06-10 生效，影响期 48 个月，至 2029-06-09）'],
      ['ORANGE-FORM2', '2026-01-15', '2026-07-15', '警告（2026-01-15 生效，影响期 6 个月，至 2026-07-14）'],
      ['YELLOW-FORM1', '2026-02-01', '2027-02-01', '谈话提醒（2026-02-01 生效，无影响期，按 12 个月计，至 2027-01-31）'],
    ]);
  });

  it('the highest colour wins (红 > 橙 > 黄 > 蓝), and steps down as periods end', async () => {
    const c = await newCadre(WH, 'km-wh', '预警己');
    await sanction(c, { measure: '撤销党内职务', decidedOn: '2025-01-10' }); // 红 to 2027-01-09
    await sanction(c, { kind: '政务处分', measure: '记过', decidedOn: '2025-06-01', issuingBody: '区监委' }); // 橙 to 2026-05-31
    await sanction(c, { kind: '提醒谈话', measure: '谈话提醒', decidedOn: '2026-09-01' }); // 黄 to 2027-08-31
    await clue(c, { receivedOn: '2026-10-01' }); // 蓝, open
    expect(await colour(c, '2025-01-09')).toBeNull();
    expect(await colour(c, '2025-07-01')).toBe('red');
    expect((await asOf(c, '2025-07-01')).map((h) => h.level)).toEqual(['red', 'orange']);
    expect(await colour(c, '2027-01-09')).toBe('red');
    expect(await colour(c, '2027-01-10')).toBe('yellow');
    expect((await asOf(c, '2027-01-10')).map((h) => h.level)).toEqual(['yellow', 'blue']);
    expect(await colour(c, '2027-08-31')).toBe('yellow');
    expect(await colour(c, '2027-09-01')).toBe('blue');
    expect(await colour(c, '2040-01-01')).toBe('blue');
  });

  it('an open case (立案审查调查, 办理中) is red; closing the clue clears it in the same request', async () => {
    const c = await newCadre(WH, 'km-wh', '预警庚');
    const r = await clue(c, { disposalMode: '立案审查调查', receivedOn: '2026-06-01' });
    expect(await hits(c)).toEqual([{
      rule_code: 'RED-CASE', rule_version: 1, level: 'red', starts_on: '2026-06-01', ends_on: null,
      reason: '问题线索办理中：立案审查调查（2026-06-01 受理）', record_ids: [r.id],
    }]);
    expect(await colour(c, '2026-05-31')).toBeNull();
    expect(await colour(c, '2030-01-01')).toBe('red');
    const closed = await t.gql(await tok(WH), UPDATE, {
      id: r.id, v: r.version, f: clueFields({ disposalMode: '立案审查调查', receivedOn: '2026-06-01', handlingStatus: '已办结', disposedOn: '2026-09-01' }),
    });
    expect(closed.errors).toBeUndefined();
    expect(await hits(c)).toEqual([]);
    // 谈话函询 open: blue with its reason; 予以了结 never warns.
    const d = await newCadre(WH, 'km-wh', '预警辛');
    await clue(d, { receivedOn: '2026-06-02' });
    await clue(d, { receivedOn: '2026-06-03', disposalMode: '予以了结' });
    expect((await hits(d)).map((h) => [h.rule_code, h.reason])).toEqual([['BLUE-CLUE', '问题线索办理中：谈话函询（2026-06-02 受理）']]);
  });

  it('a clue closed with its 办结日期 keeps its past: the open case shows before that day, nothing from it; bad closing dates are refused', async () => {
    const c = await newCadre(WH, 'km-wh', '预警办结');
    const r = await clue(c, { disposalMode: '立案审查调查', receivedOn: '2026-06-01' });
    const before = await hits(c);
    const refuse = async (over: Record<string, unknown>, message: string) => {
      const res = await t.gql(await tok(WH), UPDATE, { id: r.id, v: r.version, f: clueFields({ disposalMode: '立案审查调查', receivedOn: '2026-06-01', ...over }) });
      expect(res.errors?.[0]?.message).toBe(message);
      expect(await hits(c)).toEqual(before);
    };
    // A closing date only for a closed clue, never before its receipt; nothing saved.
    await refuse({ closedOn: '2026-09-01' }, '只有已办结的记录才能填写办结日期');
    await refuse({ handlingStatus: '已办结', closedOn: '2026-05-31' }, '办结日期不能早于受理日期');
    const closed = await t.gql(await tok(WH), UPDATE, {
      id: r.id, v: r.version, f: clueFields({ disposalMode: '立案审查调查', receivedOn: '2026-06-01', handlingStatus: '已办结', closedOn: '2026-09-01' }),
    });
    expect(closed.errors).toBeUndefined();
    expect(closed.data.updateRecord.version).toBe(r.version + 1);
    expect(await hits(c)).toEqual([{
      rule_code: 'RED-CASE', rule_version: 1, level: 'red', starts_on: '2026-06-01', ends_on: '2026-09-01',
      reason: '问题线索办理中：立案审查调查（2026-06-01 受理，2026-09-01 办结）', record_ids: [r.id],
    }]);
    expect(await colour(c, '2026-08-31')).toBe('red');
    expect(await colour(c, '2026-09-01')).toBeNull();
    // The cadre's warning as of a date before the closing names the case and the day it ended.
    const w = await t.gql(await tok(WH), 'query($id:ID!){ cadre(id:$id){ a: warning(asOf:"2026-08-31"){ colour rule { code } ends } b: warning(asOf:"2026-09-01"){ colour } } }', { id: c });
    expect(w.data.cadre).toEqual({ a: { colour: '红', rule: { code: 'RED-CASE' }, ends: '2026-08-31' }, b: null });
  });

  it('deleted records and deleted cadres fire nothing; restoring brings the hits back', async () => {
    const officer = await tok(WH);
    const c = await newCadre(WH, 'km-wh', '预警壬');
    const r = await sanction(c, { measure: '严重警告', decidedOn: '2026-04-01' });
    expect((await hits(c)).map((h) => h.rule_code)).toEqual(['ORANGE-FORM2']);
    const del = await t.gql(officer, 'mutation($id:ID!, $v:Int!){ deleteRecord(id:$id, version:$v){ version deleted } }', { id: r.id, v: r.version });
    expect(del.data.deleteRecord.deleted).toBe(true);
    expect(await hits(c)).toEqual([]);
    await t.gql(officer, 'mutation($id:ID!){ restoreRecord(id:$id){ id } }', { id: r.id });
    expect((await hits(c)).map((h) => [h.rule_code, h.ends_on])).toEqual([['ORANGE-FORM2', '2027-10-01']]);

    expect((await t.gql(officer, 'mutation($id:ID!){ deleteCadre(id:$id){ deleted } }', { id: c })).data.deleteCadre.deleted).toBe(true);
    expect(await hits(c)).toEqual([]);
    expect((await t.gql(officer, 'mutation($id:ID!){ restoreCadre(id:$id){ deleted } }', { id: c })).data.restoreCadre.deleted).toBe(false);
    expect((await hits(c)).map((h) => h.rule_code)).toEqual(['ORANGE-FORM2']);
  });

  it('a record waiting for review or returned fires nothing; accepting it fires', async () => {
    const filler = await tok('km-wh.filler');
    const officer = await tok(WH);
    const c = await newCadre(WH, 'km-wh', '预警癸', 0);
    const r = await record('km-wh.filler', c, 10, sanctionFields({ measure: '警告', decidedOn: '2026-05-05' }));
    expect(r.status).toBe('pending');
    expect(await hits(c)).toEqual([]);
    const back = await t.gql(officer, 'mutation($id:ID!, $v:Int!){ reviewRecord(id:$id, version:$v, decision:"return", reason:"请补充文号"){ version status } }', { id: r.id, v: r.version });
    expect(back.data.reviewRecord.status).toBe('returned');
    expect(await hits(c)).toEqual([]);
    const fixed = await t.gql(filler, UPDATE, { id: r.id, v: back.data.reviewRecord.version, f: sanctionFields({ measure: '警告', decidedOn: '2026-05-05', documentNo: '五纪发〔2026〕9号' }) });
    expect(fixed.errors).toBeUndefined();
    expect(await hits(c)).toEqual([]);
    const ok = await t.gql(officer, 'mutation($id:ID!, $v:Int!){ reviewRecord(id:$id, version:$v, decision:"accept"){ status } }', { id: r.id, v: fixed.data.updateRecord.version });
    expect(ok.data.reviewRecord.status).toBe('accepted');
    expect((await hits(c)).map((h) => [h.rule_code, h.starts_on, h.ends_on])).toEqual([['ORANGE-FORM2', '2026-05-05', '2027-05-05']]);
  });

  it('an edit of the record moves its hit in the same request', async () => {
    const c = await newCadre(WH, 'km-wh', '预警子');
    const r = await sanction(c, { measure: '警告', decidedOn: '2026-02-01' });
    expect((await hits(c)).map((h) => h.rule_code)).toEqual(['ORANGE-FORM2']);
    await t.gql(await tok(WH), UPDATE, { id: r.id, v: r.version, f: sanctionFields({ measure: '开除党籍', decidedOn: '2026-02-01', form: '第四种形态' }) });
    expect((await hits(c)).map((h) => [h.rule_code, h.ends_on, h.reason])).toEqual([
      ['RED-FORM4', '2031-02-01', '开除党籍（2026-02-01 生效，影响期 60 个月，至 2031-01-31）'],
    ]);
  });

  describe('rules a commission adds (inserted warning_rule rows of 盘龙区)', () => {
    const PL = 'km-pl.officer';
    beforeAll(async () => {
      await addRule('km-pl', 'COUNT-F1', '12 个月内 2 次以上第一种形态', 'orange', { kind: 'count', match: { forms: ['1'] }, min: 2, windowMonths: 12 });
      await addRule('km-pl', 'LEND-100K', '民间借贷 10 万元以上未结清', 'yellow',
        { kind: 'amount', category: 'lending', minAmount: '100000', repayStatuses: ['open', 'overdue', 'disputed'] });
      await addRule('km-pl', 'GIFT-5K', '收受礼品礼金 5000 元以上', 'yellow', { kind: 'amount', category: 'gift', minAmount: '5000', windowMonths: 12 });
      await addRule('km-pl', 'NEG-LIST', '负面清单积分', null, {
        kind: 'score',
        items: [
          { label: '诫勉', weight: 3, source: 'sanction', match: { measures: ['admonition'] } },
          { label: '问题线索', weight: 2, source: 'clue', disposalModes: ['talk_inquiry'] },
          { label: '党纪处分', weight: 5, source: 'sanction', match: { kinds: ['party'] }, months: 12 },
        ],
        thresholds: [{ level: 'yellow', min: 3 }, { level: 'orange', min: 5 }, { level: 'red', min: 8 }],
      });
    });

    it('count: 2 第一种形态 records within 12 months are orange from the second until the first falls out; runs merge', async () => {
      const c = await newCadre(PL, 'km-pl', '计次甲');
      const r1 = await sanction(c, { kind: '提醒谈话', measure: '谈话提醒', decidedOn: '2025-01-10' }, PL);
      const r2 = await sanction(c, { kind: '诫勉', measure: '诫勉', decidedOn: '2025-11-20' }, PL);
      await sanction(c, { kind: '批评教育', measure: '批评教育', decidedOn: '2026-12-01' }, PL); // 2025-11-20 + 12 months is past
      expect(await hits(c, 'COUNT-F1')).toEqual([{
        rule_code: 'COUNT-F1', rule_version: 1, level: 'orange', starts_on: '2025-11-20', ends_on: '2026-01-10',
        reason: '12 个月内受处理处分达 2 次（2025-01-10 谈话提醒、2025-11-20 诫勉），至 2026-01-09', record_ids: [r1.id, r2.id],
      }]);
      expect(await asOf(c, '2025-11-19', 'COUNT-F1')).toEqual([]);
      expect(await asOf(c, '2026-01-09', 'COUNT-F1')).toHaveLength(1);
      expect(await asOf(c, '2026-01-10', 'COUNT-F1')).toEqual([]);

      const d = await newCadre(PL, 'km-pl', '计次乙');
      for (const on of ['2026-01-01', '2026-03-01', '2026-06-01']) await sanction(d, { kind: '提醒谈话', measure: '谈话提醒', decidedOn: on }, PL);
      // [03-01, 2027-01-01) and [06-01, 2027-03-01) overlap: one hit naming all three.
      expect((await hits(d, 'COUNT-F1')).map((h) => [h.starts_on, h.ends_on, h.record_ids.length])).toEqual([['2026-03-01', '2027-03-01', 3]]);
    });

    it('amount: lending of 100,000 or more not settled is yellow from its date until settled; smaller or settled loans are not', async () => {
      const c = await newCadre(PL, 'km-pl', '借贷甲');
      const lending = (over: Record<string, unknown>) => ({ lending: { occurredOn: '2025-05-01', direction: '出借', counterparty: '某某', amount: '150000', repayStatus: '未结清', ...over } });
      const big = await record(PL, c, 4, lending({}));
      await record(PL, c, 4, lending({ amount: '99999.99', occurredOn: '2025-06-01' }));
      expect(await hits(c, 'LEND-100K')).toEqual([{
        rule_code: 'LEND-100K', rule_version: 1, level: 'yellow', starts_on: '2025-05-01', ends_on: null,
        reason: '民间借贷出借 150,000.00 元，未结清（2025-05-01 发生）', record_ids: [big.id],
      }]);
      await t.gql(await tok(PL), UPDATE, { id: big.id, v: big.version, f: lending({ repayStatus: '已结清' }) });
      expect(await hits(c, 'LEND-100K')).toEqual([]);
      // Settled with its 结清日期: 未结清 from its date until that day (as-of dates before the settling still show it).
      const later = await record(PL, c, 4, lending({ occurredOn: '2025-07-01', amount: '200000' }));
      const settled = await t.gql(await tok(PL), UPDATE, { id: later.id, v: later.version, f: lending({ occurredOn: '2025-07-01', amount: '200000', repayStatus: '已结清', settledOn: '2026-03-02' }) });
      expect(settled.errors).toBeUndefined();
      expect(await hits(c, 'LEND-100K')).toEqual([{
        rule_code: 'LEND-100K', rule_version: 1, level: 'yellow', starts_on: '2025-07-01', ends_on: '2026-03-02',
        reason: '民间借贷出借 200,000.00 元，未结清（2025-07-01 发生，2026-03-02 结清）', record_ids: [later.id],
      }]);
      expect(await asOf(c, '2026-03-01', 'LEND-100K')).toHaveLength(1);
      expect(await asOf(c, '2026-03-02', 'LEND-100K')).toEqual([]);
      const bad = await t.gql(await tok(PL), UPDATE, { id: later.id, v: later.version + 1, f: lending({ occurredOn: '2025-07-01', amount: '200000', settledOn: '2026-03-02' }) });
      expect(bad.errors?.[0]?.message).toBe('只有已结清的记录才能填写结清日期');
    });

    it('amount: a gift of 5,000 or more is yellow for 12 months from its date (month ends clamp)', async () => {
      const c = await newCadre(PL, 'km-pl', '礼品甲');
      const gift = (over: Record<string, unknown>) => ({ gift: { occurredOn: '2027-01-31', giver: '某公司', giftKind: '礼金', amount: '6000', handling: '上交组织', ...over } });
      const g = await record(PL, c, 2, gift({}));
      await record(PL, c, 2, gift({ amount: '4999', occurredOn: '2027-02-01' }));
      expect(await hits(c, 'GIFT-5K')).toEqual([{
        rule_code: 'GIFT-5K', rule_version: 1, level: 'yellow', starts_on: '2027-01-31', ends_on: '2028-01-31',
        reason: '礼金 6,000.00 元（2027-01-31，上交组织），至 2028-01-30', record_ids: [g.id],
      }]);
      const e = await newCadre(PL, 'km-pl', '礼品乙');
      await record(PL, e, 2, gift({ occurredOn: '2027-02-28' }));
      // 2027-02-28 + 12 months = 2028-02-28 (no clamp needed); 2028-02-29 would be the day after.
      expect((await hits(e, 'GIFT-5K')).map((h) => h.ends_on)).toEqual(['2028-02-28']);
    });

    it('score: weights of active items add up; each segment takes the highest threshold reached', async () => {
      const c = await newCadre(PL, 'km-pl', '清单甲');
      await sanction(c, { kind: '诫勉', measure: '诫勉', decidedOn: '2026-01-10' }, PL); // 3, six months (default) to 2026-07-10
      const open = await clue(c, { receivedOn: '2026-03-01' }, PL); // 2, open
      await sanction(c, { measure: '警告', decidedOn: '2026-05-01' }, PL); // 5, the item's own 12 months to 2027-05-01
      expect((await hits(c, 'NEG-LIST')).map((h) => [h.level, h.starts_on, h.ends_on])).toEqual([
        ['yellow', '2026-01-10', '2026-03-01'], // 3
        ['orange', '2026-03-01', '2026-05-01'], // 5
        ['red', '2026-05-01', '2026-07-10'], // 10
        ['orange', '2026-07-10', '2027-05-01'], // 7
      ]); // from 2027-05-01: 2, below every threshold
      const red = (await hits(c, 'NEG-LIST')).find((h) => h.level === 'red')!;
      expect(red.reason).toBe('负面清单积分 10 分（诫勉 2026-01-10 3 分、问题线索 2026-03-01 2 分、党纪处分 2026-05-01 5 分），至 2026-07-09');
      expect(red.record_ids).toHaveLength(3);
      expect(await asOf(c, '2027-04-30', 'NEG-LIST')).toEqual([{ rule_code: 'NEG-LIST', level: 'orange' }]);
      expect(await asOf(c, '2027-05-01', 'NEG-LIST')).toEqual([]);
      // The clue closed with its 办结日期 2026-04-01 counts only until then (docs/warnings.md#closing-dates).
      const closed = await t.gql(await tok(PL), UPDATE, { id: open.id, v: open.version, f: clueFields({ receivedOn: '2026-03-01', handlingStatus: '已办结', closedOn: '2026-04-01' }) });
      expect(closed.errors).toBeUndefined();
      expect((await hits(c, 'NEG-LIST')).map((h) => [h.level, h.starts_on, h.ends_on])).toEqual([
        ['yellow', '2026-01-10', '2026-03-01'], // 3
        ['orange', '2026-03-01', '2026-04-01'], // 5
        ['yellow', '2026-04-01', '2026-05-01'], // 3
        ['red', '2026-05-01', '2026-07-10'], // 8
        ['orange', '2026-07-10', '2027-05-01'], // 5
      ]);
    });

    it('a rule added later is applied by recomputeTenantWarnings at an ancestor, down its subtree', async () => {
      const c = await newCadre(PL, 'km-pl', '后加甲');
      await clue(c, { receivedOn: '2026-02-02', disposalMode: '暂存待查' }, PL);
      await addRule('km-pl', 'HELD-CLUE', '线索暂存待查', 'orange', { kind: 'clue', disposalModes: ['held'] });
      expect(await hits(c, 'HELD-CLUE')).toEqual([]);
      const km = await tenantId('km');
      const done = await root((trx) => recomputeTenantWarnings(trx, [km]));
      expect(done).toContain(await tenantId('km-pl'));
      expect(done).toContain(await tenantId('km-wh'));
      expect((await hits(c, 'HELD-CLUE')).map((h) => [h.level, h.starts_on, h.reason])).toEqual([['orange', '2026-02-02', '问题线索办理中：暂存待查（2026-02-02 受理）']]);
    });
  });

  it('the same records and rules give the same hits; the start-up recompute restores hits gone stale', async () => {
    const snapshot = () => root(async (trx) => (await sql<{ k: string }>`
      select cadre_id || '|' || rule_code || '|' || rule_version || '|' || level || '|' || starts_on || '|' || coalesce(ends_on::text, '') || '|' || reason
             || '|' || array_to_string(record_ids, ',') as k
        from warning_hit order by 1`.execute(trx)).rows.map((r) => r.k));
    const before = await snapshot();
    expect(before.length).toBeGreaterThan(50);
    // Fresh hits: nothing to do at start.
    expect(await recomputeStaleWarnings(t.database.db)).toEqual([]);
    // A full recompute gives the very same hits.
    await root(async (trx) => recomputeWarnings(trx, { tenantIds: (await trx.selectFrom('tenant').select('id').execute()).map((x) => x.id) }));
    expect(await snapshot()).toEqual(before);
    // Hits gone (as after a migration that left none): the start recomputes the root, as the system, in its scope.
    await root((trx) => sql`delete from warning_hit`.execute(trx));
    expect(await recomputeStaleWarnings(t.database.db)).toEqual(['yn']);
    expect(await snapshot()).toEqual(before);
  });
});
