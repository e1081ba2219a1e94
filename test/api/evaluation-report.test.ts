// 廉情评价报告 (docs/reports.md): GET /api/cadres/:id/report.docx on the demo data. A cadre of 五华区 made here with
// known records and a disposition: the report names the cadre in its title, prints the party 警告's influence period as running on one
// date and as ended on a later one, leaves out what was filed after the date and what is not accepted, prints
// 无相关记录 for empty sections, shows the warning colour and its rules; officers and leaders of the tenant and of its
// parent get it, a filler and the administrators get 403, a sibling's officer and an unknown id the same 404; every
// download is on the access log. LibreOffice renders it to PDF (required in CI: CI_REQUIRE_OFFICE).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { withScope } from '../../services/api/src/db/scope.js';
import { readZip } from '../../services/api/src/modules/imports/safe-zip.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { engineName } from '../helpers/db.js';

let t: TestApp;
const tokens = new Map<string, string>();
const tok = async (u: string) => tokens.get(u) ?? tokens.set(u, await t.login(u)).get(u)!;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

async function ok<T = any>(token: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const r = await t.gql(token, query, variables);
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data as T;
}
const get = (token: string, url: string) => t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
const CREATE = 'mutation($c:ID!,$cat:Int!,$f:RecordFieldsInput!){ createRecord(cadreId:$c, category:$cat, fields:$f){ id status } }';

/** The report's text: every paragraph of word/document.xml, one per line. */
async function reportText(body: Buffer): Promise<string> {
  const xml = (await readZip(body, (p) => p === 'word/document.xml', '报告')).get('word/document.xml')!.toString('utf8');
  return xml.split('</w:p>').map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')).filter(Boolean).join('\n');
}

describe(`廉情评价报告 (${engineName})`, () => {
  const name = `报告测试${engineName === 'postgres' ? '甲' : '乙'}`;
  let cadreId: string;

  beforeAll(async () => {
    const officer = await tok('km-wh.officer');
    // The filler's unit, so the filler can enter a record that waits for review.
    const unitId = (await ok(await tok('km-wh.filler'), '{ units(tenantCode:"km-wh"){ id } }')).units[0].id;
    cadreId = (await ok(officer, 'mutation($i:CadreInput!){ createCadre(input:$i){ id } }', { i: {
      name, unitId, sex: '男', ethnicity: '汉族', birthMonth: '197604', nativePlace: '云南昆明', partyJoin: '199806',
      education: '大学', position: '五华区某局副局长', rank: '一级主任科员', rewards: '2019年度被评为优秀公务员\n2021年荣获市级嘉奖',
    } })).createCadre.id;
    const add = async (token: string, cat: number, f: Record<string, unknown>) => (await ok(token, CREATE, { c: cadreId, cat, f })).createRecord;
    // A party 警告 effective 2025-03-10: 12 months by default, inside through 2026-03-09 (docs/warnings.md#influence-periods).
    await add(officer, 10, { sanction: { kind: '党纪处分', measure: '警告', decidedOn: '2025-03-05', effectiveOn: '2025-03-10', issuingBody: '中共五华区纪律检查委员会',
      documentNo: '五纪发〔2025〕8号', facts: '违规收受管理服务对象礼品' } });
    await add(officer, 2, { gift: { occurredOn: '2026-01-05', giver: '某公司经理', giftKind: '礼品', description: '茶叶两盒', amount: '860', handling: '上交组织', handedOn: '2026-01-06' } });
    await add(officer, 6, { assessment: { year: 2024, grade: '称职', assessedOn: '2025-01-20', integrityScore: '92.5' } });
    await add(officer, 8, { clue: { receivedOn: '2025-11-01', source: '信访举报', summary: '反映其违规操办宴席', disposalMode: '谈话函询', handlingStatus: '办理中' } });
    // Closed on 2026-03-01 with its 办结日期: 办理中 as of 2025-12-01, 已办结 with its result as of 2026-06-01.
    await add(officer, 8, { clue: { receivedOn: '2025-10-09', source: '巡察', summary: '反映其违规使用公车', disposalMode: '初步核实', handlingStatus: '已办结',
      closedOn: '2026-03-01', result: '经核实，问题不属实，予以了结' } });
    // Entered by the filler: waits for review, so the report leaves it out.
    const pending = await add(await tok('km-wh.filler'), 5, { lifeMeeting: { heldOn: '2025-06-01', meetingKind: '民主生活会', theme: '待审核的会议主题' } });
    expect(pending.status).toBe('pending');
    // A disposition issued after the first report's date, never rectified: overdue by the second's (ORANGE-RECTIFY).
    await ok(officer, 'mutation($c:ID!){ issueDisposition(cadreId:$c, issuedOn:"2025-12-05"){ id } }', { c: cadreId });
  });

  it('inside the influence period: title, sections in order, 影响期至…, 无相关记录, the warning colour; later records left out', async () => {
    const res = await get(await tok('km-wh.officer'), `/api/cadres/${cadreId}/report.docx?asOf=2025-12-01`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain(`关于${name}同志廉情报告.docx`);
    const text = await reportText(res.rawPayload);
    const lines = text.split('\n');
    expect(lines[0]).toBe(`关于${name}同志廉情报告`);
    const heads = lines.filter((l) => /^[一二三四五六七八]、/.test(l));
    expect(heads).toEqual(['一、基本情况', '二、奖励情况', '三、违纪违法及处分情况', '四、廉洁自律情况', '五、参加民主生活会情况', '六、年度考核情况',
      '七、信访举报及问题线索处置情况', '八、廉情预警及整改情况']);
    const section = (head: string) => { const i = lines.indexOf(head); const j = lines.findIndex((l, k) => k > i && /^[一二三四五六七八]、/.test(l)); return lines.slice(i + 1, j < 0 ? undefined : j); };

    expect(section('一、基本情况').join('')).toContain(`${name}，男，汉族，1976年4月生，云南昆明人，1998年6月加入中国共产党，大学学历，现任五华区某局副局长`);
    expect(section('二、奖励情况')).toEqual(['1. 2019年度被评为优秀公务员。', '2. 2021年荣获市级嘉奖。']);
    const sanction = section('三、违纪违法及处分情况').join('');
    expect(sanction).toContain('2025年3月5日，中共五华区纪律检查委员会决定给予党纪处分：警告（第二种形态）');
    expect(sanction).toContain('影响期至2026年3月9日');
    expect(sanction).toContain('仍在影响期内');
    // The gift of 2026-01-05 is after the date; lending has no record.
    const integrity = section('四、廉洁自律情况');
    expect(integrity.join('')).not.toContain('茶叶');
    expect(integrity[integrity.indexOf('（二）拒收或上交礼金、礼品') + 1]).toBe('无相关记录。');
    expect(integrity[integrity.indexOf('（四）参与民间借贷') + 1]).toBe('无相关记录。');
    // The filler's meeting waits for review.
    expect(section('五、参加民主生活会情况')).toEqual(['无相关记录。']);
    expect(text).not.toContain('待审核的会议主题');
    expect(section('六、年度考核情况').join('')).toContain('2024年度考核等次为称职，廉洁自律测评得分92.5');
    const clue = section('七、信访举报及问题线索处置情况').join('');
    expect(clue).toContain('2025年11月1日受理信访举报移交的问题线索，反映的主要问题：反映其违规操办宴席');
    expect(clue).toContain('处置方式：谈话函询，办理状态：办理中');
    expect(clue).toContain('2025年10月9日受理巡察移交的问题线索，反映的主要问题：反映其违规使用公车，处置方式：初步核实，办理状态：办理中。');
    expect(clue).not.toContain('问题不属实');
    // 第二种形态 in its period → 橙 (ORANGE-FORM2), the open 谈话函询 → 蓝 beside it.
    const warning = section('八、廉情预警及整改情况').join('\n');
    expect(warning).toContain('截至2025年12月1日，预警等级为橙色（触发规则：第二种形态处理处分影响期内，第1版）');
    expect(warning).toContain('蓝色·问题线索正在办理');
    expect(warning).toContain('（二）预警处置及整改\n无相关记录。');
    // The closing: the issuing body and the date.
    expect(lines.slice(-2)).toEqual(['五华区纪委监委', '2025年12月1日']);
  });

  it('after the influence period: the period has ended, the gift is in, the disposition is listed and its overdue rectification gives the colour', async () => {
    const res = await get(await tok('km.officer'), `/api/cadres/${cadreId}/report.docx?asOf=2026-06-01`);
    expect(res.statusCode).toBe(200);
    const text = await reportText(res.rawPayload);
    expect(text).toContain(`关于${name}同志廉情报告`);
    expect(text).toContain('影响期 12 个月，已于2026年3月9日期满');
    expect(text).not.toContain('影响期至');
    expect(text).toContain('2026年1月5日，某公司经理送礼品（茶叶两盒），价值860.00元，处理方式：上交组织');
    // The sanction's colour is gone; the disposition's rectification is overdue (橙), the open clue still 蓝.
    expect(text).toContain('截至2026年6月1日，预警等级为橙色（触发规则：整改逾期未通过验收，第1版）');
    expect(text).not.toContain('第二种形态处理处分影响期内');
    expect(text).toContain('蓝色·问题线索正在办理');
    expect(text).toContain('处置方式：初步核实，办理状态：已办结（2026年3月1日办结），处置结果：经核实，问题不属实，予以了结。');
    expect(text).toMatch(/2025年12月5日，五华区纪委监委下发警示诫勉书（五纪预〔2025〕\d+号），整改期限至2026年1月\d+日，尚未提交整改情况，当前状态：待整改。/);
    // Issued by the parent's officer: the parent signs.
    expect(text.split('\n').slice(-2)).toEqual(['昆明市纪委监委', '2026年6月1日']);
  });

  it('officers and leaders of the tenant and its parent; 403 for fillers and administrators; 404 alike for foreign and unknown ids', async () => {
    for (const u of ['km-wh.leader', 'km.leader']) expect((await get(await tok(u), `/api/cadres/${cadreId}/report.docx`)).statusCode, u).toBe(200);
    for (const u of ['km-wh.filler', 'km-wh.admin', 'km-wh.secadmin', 'km-wh.auditor']) {
      const r = await get(await tok(u), `/api/cadres/${cadreId}/report.docx`);
      expect(r.statusCode, u).toBe(403);
      expect(r.json().error).toBe('FORBIDDEN');
    }
    const foreign = await get(await tok('km-pl.officer'), `/api/cadres/${cadreId}/report.docx`);
    const unknown = await get(await tok('km-pl.officer'), '/api/cadres/00000000-0000-4000-8000-000000000000/report.docx');
    const malformed = await get(await tok('km-pl.officer'), '/api/cadres/not-an-id/report.docx');
    expect(foreign.statusCode).toBe(404);
    expect(foreign.body).toBe(unknown.body);
    expect(malformed.body).toBe(unknown.body);
    expect((await get(await tok('km-wh.officer'), `/api/cadres/${cadreId}/report.docx?asOf=2026-02-30`)).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: `/api/cadres/${cadreId}/report.docx` })).statusCode).toBe(401);
  });

  it('a batch: one report per cadre in a zip, in the order asked; any unknown or foreign id refuses the whole batch alike', async () => {
    const officer = await tok('km-wh.officer');
    const other = (await ok(officer, '{ cadres(first:5){ edges { node { id name } } } }')).cadres.edges.map((e: any) => e.node).find((c: any) => c.id !== cadreId);
    const res = await get(officer, `/api/reports.zip?cadreIds=${cadreId},${other.id},${cadreId}&asOf=2025-12-01`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    const files = await readZip(res.rawPayload, (p) => p.endsWith('.docx'), '报告');
    expect([...files.keys()]).toEqual([`01-关于${name}同志廉情报告.docx`, `02-关于${other.name}同志廉情报告.docx`]);
    const first = (await readZip(files.get(`01-关于${name}同志廉情报告.docx`)!, (p) => p === 'word/document.xml', 'x')).get('word/document.xml')!.toString('utf8');
    expect(first).toContain('影响期至2026年3月9日');
    const foreign = await get(await tok('km-pl.officer'), `/api/reports.zip?cadreIds=${cadreId}`);
    const unknown = await get(await tok('km-pl.officer'), '/api/reports.zip?cadreIds=00000000-0000-4000-8000-000000000000');
    expect(foreign.statusCode).toBe(404);
    expect(foreign.body).toBe(unknown.body);
    expect((await get(officer, `/api/reports.zip?cadreIds=${cadreId},not-a-uuid`)).statusCode).toBe(404);
    expect((await get(officer, `/api/reports.zip?cadreIds=${Array.from({ length: 101 }, (_x, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`).join(',')}`)).statusCode).toBe(400);
    expect((await get(await tok('km-wh.filler'), `/api/reports.zip?cadreIds=${cadreId}`)).statusCode).toBe(403);
  });

  it('every download is on the access log, naming the cadre and the date; refusals too', async () => {
    const rows = await withScope(t.database.db, 'yn', async (trx) => trx.selectFrom('audit_event').select(['summary', 'username', 'outcome', 'operation'])
      .where('operation', '=', 'GET /api/cadres/:id/report.docx').orderBy('id').execute());
    const mine = rows.filter((r) => (r.summary ?? '').includes(name));
    expect(mine.map((r) => [r.username, r.outcome, r.summary])).toEqual(expect.arrayContaining([
      ['km-wh.officer', 'success', `下载廉情评价报告：${name}（截至 2025-12-01）`],
      ['km.officer', 'success', `下载廉情评价报告：${name}（截至 2026-06-01）`],
    ]));
    expect(rows.some((r) => r.username === 'km-wh.filler' && r.outcome === 'failure' && r.summary === '无权操作：下载廉情评价报告')).toBe(true);
    expect(rows.some((r) => r.username === 'km-pl.officer' && r.outcome === 'failure' && r.summary === '下载廉情评价报告（失败：干部不存在）')).toBe(true);
    const ids = await withScope(t.database.db, 'yn', async (trx) => trx.selectFrom('audit_event').select('id')
      .where(sql<boolean>`${cadreId}::uuid = any(cadre_ids)`).where('operation', '=', 'GET /api/cadres/:id/report.docx').execute());
    expect(ids.length).toBeGreaterThanOrEqual(4);
  });

  it('LibreOffice renders it to PDF with its text', async () => {
    let soffice = true;
    try { execFileSync('soffice', ['--version'], { stdio: 'ignore' }); execFileSync('pdftotext', ['-v'], { stdio: 'ignore' }); } catch { soffice = false; }
    if (!soffice) {
      expect(process.env.CI_REQUIRE_OFFICE, 'LibreOffice and poppler are required in CI').toBeFalsy();
      return;
    }
    const res = await get(await tok('km-wh.officer'), `/api/cadres/${cadreId}/report.docx?asOf=2025-12-01`);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lz-report-'));
    fs.writeFileSync(path.join(dir, 'report.docx'), res.rawPayload);
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, path.join(dir, 'report.docx')], { stdio: 'ignore', timeout: 120_000 });
    const pdf = execFileSync('pdftotext', [path.join(dir, 'report.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(pdf).toContain(`关于${name}同志廉情报告`);
    expect(pdf).toContain('影响期至2026年3月9日');
    expect(pdf).toContain('无相关记录');
    expect(pdf).toContain('—1—');
    if (process.env.REPORT_PDF_OUT) fs.copyFileSync(path.join(dir, 'report.pdf'), process.env.REPORT_PDF_OUT);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 180_000);
});
