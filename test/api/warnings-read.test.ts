// The read side of 廉情预警 (docs/warning-board.md): a cadre's colour, warnings and influence periods as of several dates
// (the day before and the day a period ends, month-end clamps), the board, list and trend of a unit subtree scoped to
// the caller, the refusals of fillers, administrators and auditors, and bad dates refused in Chinese.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { startTelemetry } from '../../services/api/src/telemetry/index.js';
import { withScope } from '../../services/api/src/db/scope.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { engineName } from '../helpers/db.js';

const exporter = new InMemorySpanExporter();
let stop: () => Promise<void>;
let t: TestApp;
const tokens = new Map<string, string>();
const tok = async (u: string) => tokens.get(u) ?? tokens.set(u, await t.login(u)).get(u)!;
const asRoot = <T>(fn: Parameters<typeof withScope<T>>[2]) => withScope(t.database.db, 'yn', fn);

/**
 * The fixture: in 五华区 a unit U with a sub-unit; A (in U) and B (in the sub-unit); in 盘龙区 a unit P with C. Their
 * records go in through GraphQL and the engine's default rules turn them into hits (modules/warnings/evaluators).
 */
const f = { unitU: '', unitSub: '', unitP: '', A: '', B: '', C: '', recA3: '', recA2: '', clueB: '', recC: '' };

const CREATE_UNIT = 'mutation($t:ID!,$p:ID,$n:String!,$c:String!){ createUnit(input:{tenantId:$t, parentId:$p, name:$n, kind:"内设机构", code:$c}){ id } }';
const CREATE_CADRE = 'mutation($u:ID!,$n:String!){ createCadre(input:{name:$n, unitId:$u}){ id } }';
const CREATE_RECORD = 'mutation($c:ID!,$cat:Int!,$f:RecordFieldsInput!){ createRecord(cadreId:$c, category:$cat, fields:$f){ id } }';

async function tenantId(code: string) {
  return asRoot(async (trx) => (await trx.selectFrom('tenant').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id);
}
async function made<T = any>(p: Promise<{ data?: any; errors?: unknown }>, key: string): Promise<T> {
  const r = await p;
  if (!r.data?.[key]) throw new Error(`${key}: ${JSON.stringify(r.errors)}`);
  return r.data[key];
}

beforeAll(async () => {
  stop = startTelemetry({ exporter });
  t = await createTestApp();
  const wh = await tenantId('km-wh'), pl = await tenantId('km-pl');
  const o = await tok('km-wh.officer'), op = await tok('km-pl.officer');
  f.unitU = (await made(t.gql(o, CREATE_UNIT, { t: wh, p: null, n: '预警测试处', c: 'YJ-U' }), 'createUnit')).id;
  f.unitSub = (await made(t.gql(o, CREATE_UNIT, { t: wh, p: f.unitU, n: '预警测试科', c: 'YJ-SUB' }), 'createUnit')).id;
  f.unitP = (await made(t.gql(op, CREATE_UNIT, { t: pl, p: null, n: '预警测试室', c: 'YJ-P' }), 'createUnit')).id;
  f.A = (await made(t.gql(o, CREATE_CADRE, { u: f.unitU, n: '预警甲' }), 'createCadre')).id;
  f.B = (await made(t.gql(o, CREATE_CADRE, { u: f.unitSub, n: '预警乙' }), 'createCadre')).id;
  f.C = (await made(t.gql(op, CREATE_CADRE, { u: f.unitP, n: '预警丙' }), 'createCadre')).id;
  const sanction = (token: string, c: string, s: Record<string, unknown>) =>
    made(t.gql(token, CREATE_RECORD, { c, cat: 10, f: { sanction: { issuingBody: '区纪委', facts: '测试事实。', ...s } } }), 'createRecord');
  // 撤销党内职务: 24 months from 2024-12-20 → inside through 2026-12-19.
  f.recA3 = (await sanction(o, f.A, { kind: '党纪处分', measure: '撤销党内职务', decidedOn: '2024-12-15', effectiveOn: '2024-12-20' })).id;
  // 政务警告: 6 months from 2026-08-31 → 2027-02-28 (clamped) is outside, inside through 2027-02-27.
  f.recA2 = (await sanction(o, f.A, { kind: '政务处分', measure: '警告', decidedOn: '2026-08-31' })).id;
  f.clueB = (await made(t.gql(o, CREATE_RECORD, { c: f.B, cat: 8, f: { clue: {
    receivedOn: '2026-06-01', source: '巡察', summary: '反映违规收受礼品。', disposalMode: '谈话函询', handlingStatus: '办理中',
  } } }), 'createRecord')).id;
  f.recC = (await sanction(op, f.C, { kind: '政务处分', measure: '撤职', decidedOn: '2025-01-10' })).id;
}, 120_000);
afterAll(async () => { await t?.close(); await stop?.(); });

const WARNING = 'colour level { code name hex rank } rule { code name version } reasons startsOn ends records { id }';
const CADRE = `query($id:ID!,$d:String){ cadre(id:$id){ id warning(asOf:$d){ ${WARNING} } warnings(asOf:$d){ ${WARNING} }
  influence(asOf:$d){ record { id } kind measure form months startsOn endsOn active } } }`;
const BOARD = `query($d:String,$c:String,$u:ID){ warningBoard(asOf:$d, tenantCode:$c, unitId:$u){ asOf total cadreCount
  byColour { colour count level { code rank } } byRule { rule { code name version } count } } }`;
const LIST = `query($d:String,$k:String,$c:String,$u:ID,$n:Int,$a:String){ warningList(asOf:$d, colour:$k, tenantCode:$c, unitId:$u, first:$n, after:$a){
  totalCount pageInfo { hasNextPage endCursor } edges { cursor node { cadre { id name } colour reasons level { code } } } } }`;

const cadreAt = async (id: string, d: string, user = 'km-wh.officer') => (await t.gql(await tok(user), CADRE, { id, d })).data.cadre;
const colours = (b: any) => Object.fromEntries(b.byColour.map((c: any) => [c.colour, c.count]));

describe(`warnings: the read side (${engineName})`, () => {
  it('a cadre\'s colour, reasons and end at the edges of its periods', async () => {
    // The day before the 撤销党内职务 takes effect: nothing.
    expect((await cadreAt(f.A, '2024-12-19')).warning).toBeNull();
    const first = await cadreAt(f.A, '2024-12-20');
    expect(first.warning).toMatchObject({
      colour: '红', level: { code: 'red', name: '红', rank: 4 }, rule: { code: 'RED-FORM3', version: 1 }, startsOn: '2024-12-20',
      ends: '2026-12-19', records: [{ id: f.recA3 }],
    });
    expect(first.warning.reasons.join()).toContain('撤销党内职务');
    expect(first.warning.reasons.join()).toContain('2026-12-19');
    expect(first.warnings).toHaveLength(1);
    // The last day inside: red, and the orange 警告 (from 2026-08-31) beneath it.
    const last = await cadreAt(f.A, '2026-12-19');
    expect(last.warning).toMatchObject({ colour: '红', ends: '2026-12-19' });
    expect(last.warnings.map((w: any) => [w.colour, w.rule.code, w.ends])).toEqual([['红', 'RED-FORM3', '2026-12-19'], ['橙', 'ORANGE-FORM2', '2027-02-27']]);
    // The day it ends is already outside: orange until the clamped end of 2026-08-31 + 6 months.
    const after = await cadreAt(f.A, '2026-12-20');
    expect(after.warning).toMatchObject({ colour: '橙', rule: { code: 'ORANGE-FORM2' }, ends: '2027-02-27', records: [{ id: f.recA2 }] });
    expect(after.warnings).toHaveLength(1);
    expect((await cadreAt(f.A, '2027-02-27')).warning?.colour).toBe('橙');
    expect((await cadreAt(f.A, '2027-02-28')).warning).toBeNull();
    // An open clue: blue with no end.
    const b = await cadreAt(f.B, '2030-01-01');
    expect(b.warning).toMatchObject({ colour: '蓝', ends: null, records: [{ id: f.clueB }] });
    expect((await cadreAt(f.B, '2026-05-31')).warning).toBeNull();
  });

  it('influence periods: the record, the measure as users name it, the last day inside, active as of the date', async () => {
    const at = async (d: string) => (await cadreAt(f.A, d)).influence;
    const mid = await at('2026-12-19');
    expect(mid).toEqual([
      { record: { id: f.recA2 }, kind: '政务处分', measure: '警告', form: '第二种形态', months: 6, startsOn: '2026-08-31', endsOn: '2027-02-27', active: true },
      { record: { id: f.recA3 }, kind: '党纪处分', measure: '撤销党内职务', form: '第三种形态', months: 24, startsOn: '2024-12-20', endsOn: '2026-12-19', active: true },
    ]);
    expect((await at('2026-12-20')).map((p: any) => p.active)).toEqual([true, false]);
    expect((await at('2026-08-30')).map((p: any) => p.active)).toEqual([false, true]);
    expect((await at('2027-02-28')).map((p: any) => p.active)).toEqual([false, false]);
    // A leader reads them too.
    expect((await cadreAt(f.A, '2026-12-19', 'km.leader')).influence).toHaveLength(2);
  });

  it('the board of a unit subtree counts its cadres by colour and by rule, as of the date', async () => {
    const o = await tok('km-wh.officer');
    const board = async (v: Record<string, unknown>, token = o) => {
      const r = await t.gql(token, BOARD, v);
      expect(r.errors).toBeUndefined();
      return r.data.warningBoard;
    };
    const b = await board({ d: '2026-12-19', u: f.unitU });
    expect(b).toMatchObject({ asOf: '2026-12-19', total: 2, cadreCount: 2 });
    expect(b.byColour.map((c: any) => c.colour)).toEqual(['红', '橙', '黄', '蓝']);
    expect(colours(b)).toEqual({ 红: 1, 橙: 0, 黄: 0, 蓝: 1 });
    expect(b.byRule.map((r: any) => [r.rule.code, r.count]).sort()).toEqual([['BLUE-CLUE', 1], ['ORANGE-FORM2', 1], ['RED-FORM3', 1]]);
    expect(colours(await board({ d: '2026-12-20', u: f.unitU }))).toEqual({ 红: 0, 橙: 1, 黄: 0, 蓝: 1 });
    // The sub-unit alone.
    expect(await board({ d: '2026-12-20', u: f.unitSub })).toMatchObject({ total: 1, cadreCount: 1 });
    // Another tenant's unit or code is outside 五华区: nothing, as for a unit or code that does not exist.
    const none = { total: 0, cadreCount: 0, byRule: [] };
    expect(await board({ d: '2026-12-19', u: f.unitP })).toMatchObject(none);
    expect(await board({ d: '2026-12-19', c: 'km-pl' })).toMatchObject(none);
    expect(await board({ d: '2026-12-19', c: 'no-such' })).toMatchObject(none);
    expect(await board({ d: '2026-12-19', u: '00000000-0000-4000-8000-000000000000' })).toMatchObject(none);
    expect(await board({ d: '2026-12-19', u: 'not-a-uuid' })).toMatchObject(none);
    // 五华区 with its own code equals the default scope; the city counts both districts' cadres.
    const own = await board({ d: '2026-12-19' });
    expect(await board({ d: '2026-12-19', c: 'km-wh' })).toEqual(own);
    const km = await t.gql(await tok('km.officer'), BOARD, { d: '2026-12-19' });
    const plBoard = await board({ d: '2026-12-19' }, await tok('km-pl.officer'));
    expect(km.data.warningBoard.total).toBeGreaterThanOrEqual(own.total + plBoard.total);
    expect(plBoard.total).toBeGreaterThanOrEqual(1);
    // The same answer from the SQL of a plain count, as the root sees it (no other tenant leaks into 五华区's count).
    const expected = await asRoot(async (trx) => Number((await sql<{ n: string }>`
      select count(distinct h.cadre_id) as n from warning_hit h join cadre c on c.id = h.cadre_id and c.deleted_at is null
       where h.tenant_id = (select id from tenant where code = 'km-wh')
         and h.starts_on <= '2026-12-19' and (h.ends_on is null or h.ends_on > '2026-12-19')`.execute(trx)).rows[0].n));
    expect(own.total).toBe(expected);
  });

  it('the list pages through the warned cadres, most severe first, filtered by colour name or code', async () => {
    const o = await tok('km-wh.officer');
    const list = async (v: Record<string, unknown>, token = o) => t.gql(token, LIST, { d: '2026-12-19', u: f.unitU, ...v });
    const p1 = (await list({ n: 1 })).data.warningList;
    expect(p1.totalCount).toBe(2);
    expect(p1.edges.map((e: any) => [e.node.cadre.name, e.node.colour])).toEqual([['预警甲', '红']]);
    expect(p1.edges[0].node.reasons.join()).toContain('撤销党内职务');
    expect(p1.pageInfo.hasNextPage).toBe(true);
    const p2 = (await list({ n: 1, a: p1.pageInfo.endCursor })).data.warningList;
    expect(p2.edges.map((e: any) => [e.node.cadre.id, e.node.colour, e.node.level.code])).toEqual([[f.B, '蓝', 'blue']]);
    expect(p2.pageInfo.hasNextPage).toBe(false);
    for (const k of ['蓝', 'blue']) {
      const r = (await list({ k })).data.warningList;
      expect(r.edges.map((e: any) => e.node.cadre.id)).toEqual([f.B]);
      expect(r.totalCount).toBe(1);
    }
    expect((await list({ k: '紫' })).errors?.[0].message).toBe('颜色须为「红、橙、黄、蓝」之一');
    expect((await list({ a: 'forged.cursor' })).errors?.[0].message).toBe('分页位置（after）无效或已被改动，请从第一页重新查询');
    // 五华区 never lists 盘龙区's cadre, whatever it asks for; 盘龙区 lists it.
    const all = async (token: string, v: Record<string, unknown> = {}) => {
      const ids: string[] = [];
      let after: string | null = null;
      for (;;) {
        const r: any = (await t.gql(token, LIST, { d: '2026-12-19', n: 500, a: after, ...v })).data.warningList;
        ids.push(...r.edges.map((e: any) => e.node.cadre.id));
        if (!r.pageInfo.hasNextPage) return ids;
        after = r.pageInfo.endCursor;
      }
    };
    expect(await all(o)).toEqual(expect.arrayContaining([f.A, f.B]));
    expect(await all(o)).not.toContain(f.C);
    expect(await all(o, { c: 'km-pl' })).toEqual([]);
    expect(await all(o, { u: f.unitP })).toEqual([]);
    expect(await all(await tok('km-pl.officer'))).toContain(f.C);
    expect(await all(await tok('km.leader'))).toEqual(expect.arrayContaining([f.A, f.B, f.C]));
    // The read is in the access log with the cadres it showed.
    const logged = await asRoot(async (trx) => trx.selectFrom('audit_event').select(['operation', 'cadre_ids'])
      .where('operation', 'like', '%warningList%').where('summary', 'like', '%查看预警干部名单%').orderBy('id', 'desc').limit(50).execute());
    expect(logged.some((r) => (r.cadre_ids as string[]).includes(f.A))).toBe(true);
  });

  it('the trend counts each month\'s end by colour', async () => {
    const o = await tok('km-wh.officer');
    const r = await t.gql(o, `query($u:ID){ warningTrend(from:"2026-05", to:"2026-09", unitId:$u){ month asOf total byColour { colour count } } }`, { u: f.unitU });
    expect(r.errors).toBeUndefined();
    expect(r.data.warningTrend.map((m: any) => [m.month, m.asOf, m.total])).toEqual([
      ['2026-05', '2026-05-31', 1], ['2026-06', '2026-06-30', 2], ['2026-07', '2026-07-31', 2], ['2026-08', '2026-08-31', 2], ['2026-09', '2026-09-30', 2],
    ]);
    expect(colours(r.data.warningTrend[4])).toEqual({ 红: 1, 橙: 0, 黄: 0, 蓝: 1 });
    const err = async (v: string) => (await t.gql(o, `{ warningTrend(${v}){ month } }`)).errors?.[0].message;
    expect(await err('from:"2026-09", to:"2026-05"')).toBe('起始月份不能晚于结束月份');
    expect(await err('from:"2026-13"')).toBe('起始月份格式应为 YYYY-MM');
    expect(await err('from:"2020-01", to:"2026-01"')).toBe('一次最多查询 60 个月');
    expect(await err('to:"2099-01"')).toBe('结束月份不能晚于本月');
    // The default: the last 12 months up to this one.
    expect((await t.gql(o, '{ warningTrend { month } }')).data.warningTrend).toHaveLength(12);
  });

  it('the legend: the scheme\'s levels, for officers, leaders and administrators', async () => {
    for (const u of ['km-wh.officer', 'km.leader', 'km.admin']) {
      const r = await t.gql(await tok(u), '{ warningLevels { code name hex rank } }');
      expect(r.data.warningLevels.map((l: any) => l.name)).toEqual(['红', '橙', '黄', '蓝']);
    }
    expect((await t.gql(await tok('km-wh.officer'), '{ warningLevels(tenantCode:"km-pl") { code } }')).errors?.[0].message).toBe('机构不存在');
  });

  it('fillers, administrators and auditors see no colours, boards or lists', async () => {
    const code = (r: any) => r.errors?.[0]?.extensions?.code;
    for (const u of ['km-wh.filler', 'km-wh.admin', 'km-wh.auditor', 'km-wh.secadmin']) {
      const token = await tok(u);
      expect(code(await t.gql(token, BOARD, {})), u).toBe('FORBIDDEN');
      expect(code(await t.gql(token, LIST, {})), u).toBe('FORBIDDEN');
      expect(code(await t.gql(token, '{ warningTrend { month } }')), u).toBe('FORBIDDEN');
    }
    for (const u of ['km-wh.filler', 'km-wh.auditor']) expect(code(await t.gql(await tok(u), '{ warningLevels { code } }'))).toBe('FORBIDDEN');
    // A filler reads the cadre of its unit, but not its colour nor its influence periods.
    const filler = await tok('km-wh.filler');
    const cadre = (await t.gql(filler, '{ cadres(first:1){ edges { node { id } } } }')).data.cadres.edges[0].node.id;
    expect((await t.gql(filler, 'query($id:ID!){ cadre(id:$id){ name } }', { id: cadre })).data.cadre.name).toBeTruthy();
    for (const field of ['warning { colour }', 'warnings { colour }', 'influence { active }']) {
      const r = await t.gql(filler, `query($id:ID!){ cadre(id:$id){ name ${field} } }`, { id: cadre });
      expect(code(r), field).toBe('FORBIDDEN');
      expect(JSON.stringify(r.data ?? null)).not.toMatch(/红|橙|黄|蓝/);
    }
  });

  it('a bad as-of date is refused in Chinese', async () => {
    const o = await tok('km-wh.officer');
    const msg = async (q: string, d: string) => (await t.gql(o, q, { id: f.A, d })).errors?.[0].message;
    expect(await msg(CADRE, '2026-02-30')).toBe('截至日期不是有效日期');
    expect(await msg(CADRE, '2026/01/01')).toBe('截至日期格式应为 YYYY-MM-DD');
    expect(await msg(BOARD, '20261219')).toBe('截至日期格式应为 YYYY-MM-DD');
    expect(await msg(LIST, 'today')).toBe('截至日期格式应为 YYYY-MM-DD');
    // Leap days exist in leap years only.
    expect(await msg(CADRE, '2028-02-29')).toBeUndefined();
    expect(await msg(CADRE, '2027-02-29')).toBe('截至日期不是有效日期');
  });

  it('a page of 50 cadres with their colours costs as many statements as a page of 10 (no statement per row)', async () => {
    const o = await tok('km.officer');
    const PAGE = `query($n:Int!){ warningList(asOf:"2026-12-19", first:$n){ edges { node { colour reasons cadre { id name
      unit { name } warning(asOf:"2026-12-19"){ colour rule { code } records { id } } warnings(asOf:"2026-12-19"){ colour }
      influence(asOf:"2026-12-19"){ measure active record { id } } } } } } }`;
    const count = async (n: number) => {
      exporter.reset();
      const r = await t.gql(o, PAGE, { n });
      expect(r.errors).toBeUndefined();
      return { n: exporter.getFinishedSpans().filter((s) => s.name === 'sql').length, rows: r.data.warningList.edges.length };
    };
    // A page of one may need fewer statements (a cadre without influence periods never asks for records); ten rows
    // exercise every loader, so fifty must cost the same.
    const ten = await count(10), many = await count(50);
    expect(ten.rows).toBe(10);
    expect(many.rows).toBeGreaterThan(ten.rows);
    expect(many.n).toBe(ten.n);
  });
});
