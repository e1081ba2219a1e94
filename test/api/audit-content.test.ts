// What an auditor reads in the access log's 内容 and in its exports: record writes name their category, refusals
// name the operation in Chinese (GraphQL and REST alike), no summary carries a raw operation name, and the CSV and
// Excel exports name the cadres a row concerns (name and unit, beside the ids) with times in Beijing time, as the
// console shows them, stated in the header.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { getSchema } from '../../services/api/src/graphql/schema.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { engineName } from '../helpers/db.js';

let t: TestApp;
const tokens = new Map<string, string>();
const tok = async (u: string) => tokens.get(u) ?? tokens.set(u, await t.login(u)).get(u)!;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

interface Row { summary: string; operation: string; at: string; requestId: string; kind: string; username: string | null }
const EVENTS = `query($f:AuditFilter,$n:Int){ auditEvents(first:$n, filter:$f){ totalCount edges { node {
  summary operation at requestId kind username } } } }`;
const events = async (f: Record<string, unknown>, who = 'km-wh.auditor', n = 500): Promise<Row[]> =>
  (await t.gql(await tok(who), EVENTS, { f, n })).data.auditEvents.edges.map((e: { node: Row }) => e.node);
/** The newest row of a user's operation. */
const newest = async (username: string, operation: string, f: Record<string, unknown> = {}) =>
  (await events({ username, ...f })).find((r) => r.operation === operation);

/** Beijing time to the second as the console shows it (YYYY-MM-DD HH:mm:ss), computed here independently. */
const beijing = (iso: string) => new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
}).format(new Date(iso));

const GIFT = { gift: { occurredOn: '2026-11-01', giver: '某公司经理', giftKind: '礼品', description: '茶叶两盒', amount: '860', handling: '上交组织', handedOn: '2026-11-02' } };

describe(`access log content and exports (${engineName})`, () => {
  let cadre: { id: string; name: string; unit: { name: string } };
  let shorts: Map<number, string>;
  const shortOf = (id: number) => shorts.get(id)!;

  beforeAll(async () => {
    const officer = await tok('km-wh.officer');
    // A cadre the filler may reach too (the filler's first), looked up rather than named.
    const first = (await t.gql(await tok('km-wh.filler'), '{ cadres(first:1){ edges { node { id } } } }')).data.cadres.edges[0].node.id;
    cadre = (await t.gql(officer, 'query($id:ID!){ cadre(id:$id){ id name unit { name } } }', { id: first })).data.cadre;
    shorts = new Map((await t.gql(officer, '{ recordCategories { id short } }')).data.recordCategories.map((c: { id: number; short: string }) => [c.id, c.short]));
  });

  it('a record write names its category and its cadre; a refusal names the operation in Chinese', async () => {
    const officer = await tok('km-wh.officer');
    const made = await t.gql(officer, 'mutation($c:ID!,$f:RecordFieldsInput!){ createRecord(cadreId:$c, category:2, fields:$f){ id version } }', { c: cadre.id, f: GIFT });
    const rec = made.data.createRecord;
    expect((await newest('km-wh.officer', 'mutation {createRecord}', { cadreId: cadre.id }))?.summary).toBe(`新增档案记录（${shortOf(2)}）：${cadre.name}`);

    await t.gql(officer, 'mutation($id:ID!,$f:RecordFieldsInput!){ updateRecord(id:$id, version:1, fields:$f){ id } }', {
      id: rec.id, f: { gift: { ...GIFT.gift, giver: '另一家公司经理' } },
    });
    expect((await newest('km-wh.officer', 'mutation {updateRecord}', { cadreId: cadre.id }))?.summary).toBe(`修改档案记录（${shortOf(2)}）：${cadre.name}`);

    // Refused: a filler may not enter category 9 (the cadre is within reach: the row names it and the category), nor
    // delete, nor open the review queue; a leader may not export the log.
    const filler = await tok('km-wh.filler');
    const c9 = await t.gql(filler, 'mutation($c:ID!,$f:RecordFieldsInput!){ createRecord(cadreId:$c, category:9, fields:$f){ id } }', {
      c: cadre.id, f: { inquiryMaterial: { formedOn: '2026-01-01', procedure: '谈话函询', materialKind: '谈话记录', title: '谈话记录' } },
    });
    expect(c9.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await newest('km-wh.filler', 'mutation {createRecord}', { kind: 'denied' }))?.summary).toBe(`无权操作：新增档案记录（${shortOf(9)}）：${cadre.name}`);
    expect((await t.gql(filler, 'mutation($id:ID!){ deleteRecord(id:$id, version:2){ id } }', { id: rec.id })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await newest('km-wh.filler', 'mutation {deleteRecord}', { kind: 'denied' }))?.summary).toBe('无权操作：删除档案记录');
    expect((await t.gql(filler, '{ reviewQueue(first:5){ totalCount } }')).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const queue = await newest('km-wh.filler', 'query {reviewQueue}', { kind: 'denied' });
    expect(queue?.summary).toBe(`无权操作：${getSchema().getQueryType()!.getFields().reviewQueue.extensions.auditLabel}`);
    expect(queue?.summary).not.toContain('reviewQueue');
    const leader = await t.app.inject({ method: 'GET', url: '/api/audit/export?format=csv', headers: { authorization: `Bearer ${await tok('km-wh.leader')}` } });
    expect(leader.statusCode).toBe(403);
    expect((await newest('km-wh.leader', 'GET /api/audit/export', { kind: 'denied' }))?.summary).toBe('无权操作：导出访问日志');
  });

  it('no summary carries a raw operation name, whatever was asked', async () => {
    const officer = await tok('km-wh.officer');
    // Introspection, an unknown field (refused before it runs), and the console's everyday reads.
    await t.gql(officer, '{ __schema { queryType { name } } }');
    await t.gql(officer, '{ noSuchField }');
    await t.gql(officer, '{ me { username } recordCategories { id } units { id } codeTables { name } }');
    await t.gql(await tok('km-wh.filler'), '{ reviewQueue(first:1){ totalCount } recordCategories { id } }');
    const schema = getSchema();
    const names = new Set(['noSuchField', '__schema', '__type',
      ...[schema.getQueryType()!, schema.getMutationType()!].flatMap((type) => Object.keys(type.getFields()))]);
    // Wait for rows written in the background (refusals before execution).
    await expect.poll(async () => (await events({ username: 'km-wh.officer', outcome: 'failure' }, 'yn.auditor')).length, { timeout: 5000 }).toBeGreaterThan(0);
    const rows = await events({}, 'yn.auditor', 2000);
    expect(rows.length).toBeGreaterThan(10);
    const raw = rows.filter((r) => (r.summary.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []).some((w) => names.has(w)));
    expect(raw.map((r) => `${r.operation} → ${r.summary}`)).toEqual([]);
    expect(rows.find((r) => r.operation.includes('__schema'))?.summary).toBe('查看接口结构');
  });

  it('CSV and Excel exports name the cadres (name and unit) and give Beijing times, as the header states', async () => {
    // The officer opens the cadre's archive: a row about the cadre.
    await t.gql(await tok('km-wh.officer'), 'query($id:ID!){ cadre(id:$id){ id } }', { id: cadre.id });
    const rows = await events({ cadreId: cadre.id });
    expect(rows.length).toBeGreaterThanOrEqual(3);
    const byRequest = new Map(rows.map((r) => [r.requestId, r]));

    const auditor = await tok('km-wh.auditor');
    const get = (format: string) => t.app.inject({ method: 'GET', url: `/api/audit/export?format=${format}&cadreId=${cadre.id}`, headers: { authorization: `Bearer ${auditor}` } });

    const check = (table: string[][]) => {
      const head = table[1];
      expect(head[0]).toBe('时间（北京时间 UTC+8）');
      const col = (name: string) => { const i = head.indexOf(name); expect(i, name).toBeGreaterThanOrEqual(0); return i; };
      const [time, name, unit, request, ids] = [col('时间（北京时间 UTC+8）'), col('干部姓名'), col('单位'), col('请求编号'), col('干部编号')];
      const data = table.slice(2);
      expect(data.length).toBeGreaterThanOrEqual(rows.length);
      let matched = 0;
      for (const r of data) {
        const i = r[ids].split(' ').indexOf(cadre.id);
        expect(i).toBeGreaterThanOrEqual(0);
        expect(r[name].split('、')[i]).toBe(cadre.name);
        expect(r[unit].split('、')[i]).toBe(cadre.unit.name);
        const same = byRequest.get(r[request]);
        if (same) {
          matched++;
          expect(r[time]).toBe(beijing(same.at));
        }
      }
      expect(matched).toBe(rows.length);
    };

    const csv = await get('csv');
    expect(csv.statusCode).toBe(200);
    const lines = csv.rawPayload.toString('utf8').replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);
    expect(lines[0]).toMatch(/导出时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}（北京时间）/);
    // The exported cells here hold no commas or quotes (names, units, ids, times).
    check(lines.map((l) => l.split(',')));

    const xlsx = await get('xlsx');
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as never);
    const ws = wb.getWorksheet('访问日志')!;
    const table: string[][] = [];
    ws.eachRow({ includeEmpty: true }, (row) => {
      const cells: string[] = [];
      for (let c = 1; c <= ws.columnCount; c++) cells.push(String(row.getCell(c).value ?? ''));
      table.push(cells);
    });
    check(table);
  });
});
