// The access log as auditors use it: entries in plain Chinese, filters, the cadres each request read, exports of the
// whole filtered result (CSV with BOM and neutralised formulas, XLSX), and purge of old rows through the database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { withScope } from '../../services/api/src/db/scope.js';
import { appendAudit } from '../../services/api/src/audit/index.js';
import { csvCell } from '../../services/api/src/modules/audit/export.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { engineName } from '../helpers/db.js';

let t: TestApp;
const tokens: Record<string, string> = {};
const tok = async (u: string) => (tokens[u] ??= await t.login(u));
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

const EVENTS = `query($f:AuditFilter,$n:Int){ auditEvents(first:$n, filter:$f){ totalCount edges { node {
  id seq at tenantCode username summary operation kind kindLabel outcome outcomeLabel cadreIds hash } } } }`;
const events = async (f: Record<string, unknown>, n = 500, who = 'km-wh.auditor') => (await t.gql(await tok(who), EVENTS, { f, n })).data.auditEvents;
const code = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;

async function exportAs(who: string, query: string) {
  const res = await t.app.inject({ method: 'GET', url: `/api/audit/export?${query}`, headers: { authorization: `Bearer ${await tok(who)}` } });
  return res;
}

describe(`access log (${engineName})`, () => {
  let cadre: { id: string; name: string };

  beforeAll(async () => {
    const officer = await tok('km-wh.officer');
    const list = (await t.gql(officer, '{ cadres(first: 3){ edges { node { id name } } } }')).data.cadres.edges;
    cadre = list[1].node;
    // Read X by id, by search and by list; a failed login; a denied request.
    await t.gql(officer, 'query($id:ID!){ cadre(id:$id){ id } }', { id: cadre.id });
    await t.gql(officer, 'query($s:String){ cadres(first:5, filter:{search:$s}){ totalCount edges { node { id } } } }', { s: cadre.name });
    await t.gql(null, 'mutation{ login(username:"km-wh.leader", password:"wrong"){ accessToken } }');
    await t.gql(await tok('km-wh.leader'), 'mutation{ createCadre(input:{name:"某某", unitId:"00000000-0000-4000-8000-000000000000"}){ id } }');
  });

  it('entries read in plain Chinese, with the technical operation beside them', async () => {
    const rows = (await events({ cadreId: cadre.id })).edges.map((e: any) => e.node);
    const byId = rows.find((r: any) => r.operation === 'query {cadre}');
    expect(byId).toMatchObject({ summary: `查看干部档案：${cadre.name}`, kind: 'read', kindLabel: '读取', outcome: 'success', outcomeLabel: '成功', username: 'km-wh.officer' });
    const search = rows.find((r: any) => r.operation === 'query {cadres}' && r.summary.includes(cadre.name));
    expect(search.summary).toMatch(/^查询干部列表：/);
    const fail = (await events({ username: 'km-wh.leader', kind: 'login', outcome: 'failure' })).edges[0].node;
    expect(fail.summary).toBe('登录失败：密码错误');
    const denied = (await events({ username: 'km-wh.leader', kind: 'denied' })).edges[0].node;
    expect(denied.summary).toBe('无权操作：新增干部');
  });

  it("reading a cadre by list, by id or by search leaves the cadre's id in each request's row", async () => {
    const refs = (await t.gql(await tok('km-wh.auditor'), 'query($c:ID){ auditEvents(first:5, filter:{cadreId:$c}){ edges { node { cadres { id name } } } } }', { c: cadre.id }))
      .data.auditEvents.edges.flatMap((e: any) => e.node.cadres);
    expect(refs).toContainEqual({ id: cadre.id, name: cadre.name });
    const rows = (await events({ cadreId: cadre.id })).edges.map((e: any) => e.node);
    expect(rows.length).toBeGreaterThanOrEqual(3); // the first list, the id read, the search
    for (const r of rows) expect(r.cadreIds).toContain(cadre.id);
    expect([...new Set(rows.map((r: any) => r.operation))]).toEqual(expect.arrayContaining(['query {cadre}', 'query {cadres}']));
  });

  it('filters combine: time, user, tenant, kind, outcome, free text; bad values are refused in Chinese', async () => {
    const all = await events({});
    const late = await events({ from: new Date(Date.now() + 60_000).toISOString() });
    expect(late.totalCount).toBe(0);
    const early = await events({ to: new Date(Date.now() - 3600_000 * 24 * 365).toISOString() });
    expect(early.totalCount).toBe(0);
    const logins = await events({ kind: 'login' });
    expect(logins.totalCount).toBeGreaterThan(0);
    expect(logins.totalCount).toBeLessThan(all.totalCount);
    expect(logins.edges.every((e: any) => e.node.kind === 'login')).toBe(true);
    const text = await events({ text: '密码错误' });
    expect(text.edges.every((e: any) => e.node.summary.includes('密码错误'))).toBe(true);
    expect(text.totalCount).toBeGreaterThan(0);
    const officer = await events({ username: 'km-wh.officer' });
    expect(officer.edges.every((e: any) => e.node.username === 'km-wh.officer')).toBe(true);
    // A city auditor narrows to one county; a county auditor asking for a sibling sees nothing.
    const city = await events({ tenantCode: 'km-wh' }, 500, 'km.auditor');
    expect(city.totalCount).toBeGreaterThanOrEqual(all.totalCount);
    expect(city.edges.every((e: any) => e.node.tenantCode === 'km-wh')).toBe(true);
    expect((await events({ tenantCode: 'km-pl' })).totalCount).toBe(0);
    const bad = await t.gql(await tok('km-wh.auditor'), EVENTS, { f: { kind: 'delete' }, n: 5 });
    expect(bad.errors?.[0].message).toBe('类型无效');
    const badTime = await t.gql(await tok('km-wh.auditor'), EVENTS, { f: { from: 'yesterday' }, n: 5 });
    expect(code(badTime)).toBe('BAD_USER_INPUT');
  });

  it('a county auditor sees only its own entries; nobody else reads the log', async () => {
    const rows = (await events({}, 500)).edges.map((e: any) => e.node);
    expect(rows.length).toBeGreaterThan(3);
    expect(new Set(rows.map((r: any) => r.tenantCode))).toEqual(new Set(['km-wh']));
    for (const u of ['km-wh.officer', 'km-wh.admin', 'km-wh.leader', 'km-wh.filler']) {
      expect(code(await t.gql(await tok(u), EVENTS, { f: {}, n: 1 })), u).toBe('FORBIDDEN');
    }
  });

  it('CSV export holds every matching row (not a page), a BOM, a watermark, neutralised formulas, and is audited', async () => {
    const total = (await events({ username: 'km-wh' }, 1)).totalCount;
    const res = await exportAs('km-wh.auditor', 'format=csv&username=km-wh');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(String(res.headers['content-disposition'])).toContain("filename*=UTF-8''%E8%AE%BF%E9%97%AE%E6%97%A5%E5%BF%97_");
    const body = res.rawPayload;
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = body.toString('utf8').slice(1).split('\r\n').filter(Boolean);
    expect(lines[0]).toContain('导出人');
    expect(lines[0]).toContain('km-wh.auditor');
    // Every row matching at the time of export (the count query above has since added its own row).
    const n = Number(/共 (\d+) 行/.exec(lines[0])![1]);
    expect(n).toBeGreaterThanOrEqual(total);
    expect(n).toBeGreaterThan(20); // more than a default page
    expect(lines[1].split(',').slice(0, 8)).toEqual(['时间（北京时间 UTC+8）', '用户', '机构', '类型', '结果', '内容', '干部姓名', '单位']);
    expect(lines.length - 2).toBe(n);
    expect(res.headers['x-total-count']).toBe(String(n));
    // The export itself is logged.
    const logged = (await events({ text: '导出访问日志' }, 1)).edges[0].node;
    expect(logged.summary).toBe(`导出访问日志：${n} 行（CSV）`);
    // An export of one cadre's history names that cadre in its own row.
    await exportAs('km-wh.auditor', `format=xlsx&cadreId=${cadre.id}`);
    const own = (await events({ text: '导出访问日志', cadreId: cadre.id }, 1)).edges[0].node;
    expect(own.summary).toMatch(/（XLSX）$/);
    expect(csvCell('=1+2')).toBe("'=1+2");
    expect(csvCell('+86 138')).toBe("'+86 138");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
    expect(csvCell('张三')).toBe('张三');
  });

  it('a formula injected through a username is neutralised in the CSV', async () => {
    // An unknown account's attempt has no tenant: the root's auditor sees it.
    await t.gql(null, 'mutation{ login(username:"=HYPERLINK(1)", password:"x"){ accessToken } }');
    const res = await exportAs('yn.auditor', 'format=csv&text=hyperlink');
    const cells = res.rawPayload.toString('utf8').split('\r\n')[2].split(',');
    expect(cells[1]).toBe("'=hyperlink(1)");
    expect(cells.every((c) => !/^[=+\-@]/.test(c))).toBe(true);
  });

  it('XLSX export is a workbook with the watermark row, the header and every row', async () => {
    const total = (await events({ kind: 'read' }, 1)).totalCount;
    const res = await exportAs('km-wh.auditor', 'format=xlsx&kind=read');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const ws = wb.getWorksheet('访问日志')!;
    const mark = String(ws.getRow(1).getCell(1).value);
    expect(mark).toContain('导出人');
    const n = Number(/共 (\d+) 行/.exec(mark)![1]);
    expect(n).toBeGreaterThanOrEqual(total);
    expect(ws.getRow(2).getCell(6).value).toBe('内容');
    expect(ws.actualRowCount - 2).toBe(n);
    expect(String(ws.getRow(3).getCell(4).value)).toBe('读取');
  });

  it('export is refused in Chinese for others, for bad input, and without a session; each refusal is logged', async () => {
    const leader = await exportAs('km-wh.leader', 'format=csv');
    expect(leader.statusCode).toBe(403);
    expect(leader.json()).toEqual({ error: 'FORBIDDEN', message: '无权执行此操作' });
    expect((await exportAs('km-wh.auditor', 'format=pdf')).json().message).toBe('导出格式只能是 csv 或 xlsx');
    expect((await exportAs('km-wh.auditor', 'format=csv&kind=zzz')).statusCode).toBe(400);
    const anon = await t.app.inject({ method: 'GET', url: '/api/audit/export?format=csv' });
    expect(anon.statusCode).toBe(401);
    const denied = (await events({ username: 'km-wh.leader', kind: 'denied' })).edges[0].node;
    expect(denied.summary).toBe('无权操作：导出访问日志');
  });

  it('purge removes only rows older than the limit (at least 180 days) within the scope, logs it, and the chain still verifies', async () => {
    const ids = await withScope(t.database.db, 'yn', async (trx) => Object.fromEntries(
      (await trx.selectFrom('tenant').select(['code', 'id']).where('code', 'in', ['km-wh', 'km-pl']).execute()).map((r) => [r.code, r.id])));
    const old = new Date(Date.now() - 400 * 24 * 3600_000);
    for (const [code, n] of [['km-wh', 3], ['km-pl', 2]] as const) {
      for (let i = 0; i < n; i++) {
        await withScope(t.database.db, 'yn', (trx) => appendAudit(trx, {
          tenantId: ids[code], tenantPath: 'yn', userId: null, username: `${code}.old`, operation: 'query {cadres}', kind: 'read',
          outcome: 'success', clientIp: null, requestId: null, cadreIds: [], summary: '查询干部列表', at: old,
        }));
      }
    }
    const PURGE = 'mutation($d:Int!){ purgeAuditEvents(olderThanDays:$d) }';
    expect((await t.gql(await tok('km-wh.auditor'), PURGE, { d: 90 })).errors?.[0].message).toBe('只能清理 180 天以前的访问日志');
    expect(code(await t.gql(await tok('km-wh.officer'), PURGE, { d: 365 }))).toBe('FORBIDDEN');
    const before = (await events({ username: 'km-wh.old' })).totalCount;
    expect(before).toBe(3);
    expect((await t.gql(await tok('km-wh.auditor'), PURGE, { d: 365 })).data.purgeAuditEvents).toBe(3);
    expect((await events({ username: 'km-wh.old' })).totalCount).toBe(0);
    // 盘龙区's old rows are outside 五华区's reach and stay.
    expect((await events({ username: 'km-pl.old' }, 5, 'km-pl.auditor')).totalCount).toBe(2);
    const log = (await events({ text: '清理访问日志' }, 1)).edges[0].node;
    expect(log.summary).toBe('清理访问日志：365 天以前，3 行');
    // The database refuses younger rows even if the API were bypassed.
    await expect(withScope(t.database.db, 'yn.km.km_wh', (trx) => sql`select audit_purge(30, null)`.execute(trx))).rejects.toThrow('只能清理 180 天以前的访问日志');
    // The purged rows left tombstones: the chain still verifies (owner view).
    const tombs = await withScope(t.database.db, 'yn', (trx) => sql<{ n: string }>`select count(*) as n from audit_event where username = 'km-wh.old'`.execute(trx));
    expect(Number(tombs.rows[0].n)).toBe(0);
  });
});
