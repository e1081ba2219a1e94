// 廉政审查情况复函 through the API (docs/replies.md): drafts from the records with known answers at several reply dates
// and purposes, the tenant's barred purposes, pasted names and ID numbers, editing beside the draft, issuing (文号 per
// tenant and year, a category-7 record in each archive), the .docx, and who may do what — foreign and forged ids alike.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readZip } from '../../services/api/src/modules/imports/safe-zip.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { engineName } from '../helpers/db.js';
import { asUsers, code, msg } from '../helpers/users.js';
import { idFor } from '../helpers/id-number.js';
import ExcelJS from 'exceljs';

let t: TestApp;
const { gql, token } = asUsers(() => t);
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

const REQ = `id status statusLabel requester letterNo purpose purposeLabel asOf docNumber issuer version cadreCount unsuitableCount deferCount
  items { cadre { id name unitName } conclusion conclusionLabel facts { recordId category text effect decisive } draft editedText text recordId }`;
const CREATE = `mutation($i: CreateReplyRequestInput!) { createReplyRequest(input: $i) { ${REQ} } }`;

async function ok(user: string, q: string, v: Record<string, unknown> = {}) {
  const r = await gql(user, q, v);
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data;
}

interface Fixture { unitId: string; a: string; b: string; c: string; d: string; idNumber: string }
let f: Fixture;

/** Four new cadres of 五华区 with known histories (names unique in the demo). */
async function fixture(): Promise<Fixture> {
  const units = (await ok('km-wh.officer', '{ units { id name } }')).units;
  const unitId = units[0].id;
  const idNumber = idFor('53010219800101123');
  const made = async (name: string, extra: Record<string, unknown> = {}) =>
    (await ok('km-wh.officer', 'mutation($i: CadreInput!){ createCadre(input:$i){ id } }', { i: { name, unitId, position: '科长', ...extra } })).createCadre.id as string;
  const a = await made('复函甲', { idNumber });
  const b = await made('复函乙');
  const c = await made('复函丙');
  const d = await made('复函丁');
  const rec = (cadre: string, fields: Record<string, unknown>, category: number) =>
    ok('km-wh.officer', 'mutation($c:ID!, $cat:Int!, $f:RecordFieldsInput!){ createRecord(cadreId:$c, category:$cat, fields:$f){ id status } }', { c: cadre, cat: category, f: fields });
  // 甲: 党纪警告 effective 2025-03-10 — 12 months: inside through 2026-03-09, outside from 2026-03-10.
  await rec(a, { sanction: { kind: '党纪处分', measure: '警告', decidedOn: '2025-03-10', effectiveOn: '2025-03-10', issuingBody: '五华区纪委', documentNo: '五纪发〔2025〕8号', facts: '违规收受礼金。' } }, 10);
  // 乙: a 谈话函询 clue received 2026-01-05, still 办理中.
  await rec(b, { clue: { receivedOn: '2026-01-05', source: '信访举报', summary: '反映违规借贷。', disposalMode: '谈话函询', handlingStatus: '办理中' } }, 8);
  // 丙: an open case (立案审查调查, 办理中) and a closed clue.
  await rec(c, { clue: { receivedOn: '2025-06-01', source: '巡察', summary: '反映违规插手工程。', disposalMode: '立案审查调查', handlingStatus: '办理中' } }, 8);
  await rec(c, { clue: { receivedOn: '2024-02-01', source: '信访举报', summary: '反映公车私用。', disposalMode: '予以了结', handlingStatus: '已办结', result: '经核实不属实，予以了结。' } }, 8);
  return { unitId, a, b, c, d, idNumber };
}

const create = (user: string, i: Record<string, unknown>) => gql(user, CREATE, { i: { requester: '中共五华区委组织部', purpose: '选拔任用', ...i } });
const itemOf = (req: any, id: string) => req.items.find((x: any) => x.cadre.id === id);

describe(`replies (${engineName})`, () => {
  it('drafts each cadre from its records as of the reply date: influence periods, open clues and cases decide the conclusion', async () => {
    f = await fixture();
    const ids = [f.a, f.b, f.c, f.d];
    const inside = (await create('km-wh.officer', { asOf: '2026-03-09', letterNo: '五组函〔2026〕12号', cadreIds: ids })).data!.createReplyRequest;
    expect(inside).toMatchObject({ status: 'draft', statusLabel: '待签发', purposeLabel: '选拔任用', asOf: '2026-03-09', docNumber: null, cadreCount: 4, unsuitableCount: 2, deferCount: 1 });
    expect(inside.items.map((i: any) => i.cadre.id)).toEqual(ids);
    const a = itemOf(inside, f.a);
    expect(a.conclusion).toBe('unsuitable');
    expect(a.conclusionLabel).toBe('不宜作为拟选拔任用人选');
    expect(a.facts).toHaveLength(1);
    expect(a.facts[0]).toMatchObject({ category: 10, effect: 'bars', decisive: true });
    expect(a.facts[0].text).toContain('2025年3月10日受到五华区纪委警告');
    expect(a.facts[0].text).toContain('影响期至2026年3月9日');
    expect(a.draft).toContain('复函甲同志');
    expect(a.draft).toContain('结论：不宜作为拟选拔任用人选');
    expect(itemOf(inside, f.b)).toMatchObject({ conclusion: 'defer', conclusionLabel: '建议暂缓' });
    expect(itemOf(inside, f.b).facts[0]).toMatchObject({ category: 8, effect: 'defers' });
    expect(itemOf(inside, f.b).draft).toContain('处置方式为谈话函询，正在办理中');
    const c = itemOf(inside, f.c);
    expect(c.conclusion).toBe('unsuitable');
    expect(c.facts.map((x: any) => x.effect)).toEqual([null, 'case']);
    expect(c.facts[0].text).toContain('已办结，处置结果：经核实不属实，予以了结。');
    expect(itemOf(inside, f.d)).toMatchObject({ conclusion: 'no_objection', conclusionLabel: '不持异议', facts: [] });
    expect(itemOf(inside, f.d).draft).toContain('信访举报及问题线索情况：无。');
    expect(itemOf(inside, f.d).draft).toContain('结论：对该同志选拔任用不持异议。');

    // The day the period ends is already outside; the record is still stated.
    const after = (await create('km-wh.officer', { asOf: '2026-03-10', cadreIds: [f.a] })).data!.createReplyRequest;
    expect(itemOf(after, f.a).conclusion).toBe('no_objection');
    expect(itemOf(after, f.a).facts[0]).toMatchObject({ effect: null });
    expect(itemOf(after, f.a).facts[0].text).toContain('影响期已于2026年3月9日届满');
    // Before the clue was received, 乙 had nothing on record.
    const before = (await create('km-wh.officer', { asOf: '2025-12-31', cadreIds: [f.b] })).data!.createReplyRequest;
    expect(itemOf(before, f.b)).toMatchObject({ conclusion: 'no_objection', facts: [] });
    // 交流任职 is not barred by default: inside the period, the record is stated without deciding.
    const transfer = (await create('km-wh.officer', { asOf: '2026-03-09', purpose: '交流任职', cadreIds: [f.a] })).data!.createReplyRequest;
    expect(itemOf(transfer, f.a)).toMatchObject({ conclusion: 'no_objection' });
    expect(itemOf(transfer, f.a).facts[0].effect).toBeNull();
  });

  it('a clue closed after the reply date was still open on it (its 办结日期): the reply defers; from the closing on it does not', async () => {
    const cadre = (await ok('km-wh.officer', 'mutation($i: CadreInput!){ createCadre(input:$i){ id } }', { i: { name: '复函戊', unitId: f.unitId, position: '科长' } })).createCadre.id as string;
    await ok('km-wh.officer', 'mutation($c:ID!, $f:RecordFieldsInput!){ createRecord(cadreId:$c, category:8, fields:$f){ id } }', {
      c: cadre, f: { clue: { receivedOn: '2026-01-05', source: '信访举报', summary: '反映违规借贷。', disposalMode: '谈话函询', handlingStatus: '已办结', closedOn: '2026-04-01', result: '经函询，予以了结。' } },
    });
    const then = itemOf((await create('km-wh.officer', { asOf: '2026-03-31', cadreIds: [cadre] })).data!.createReplyRequest, cadre);
    expect(then.conclusion).toBe('defer');
    expect(then.facts).toMatchObject([{ effect: 'defers' }]);
    expect(then.facts[0].text).toContain('正在办理中');
    const now = itemOf((await create('km-wh.officer', { asOf: '2026-04-01', cadreIds: [cadre] })).data!.createReplyRequest, cadre);
    expect(now.conclusion).toBe('no_objection');
    expect(now.facts).toMatchObject([{ effect: null }]);
    expect(now.facts[0].text).toContain('已办结');
  });

  it('the tenant decides which purposes a running period bars', async () => {
    const s = await ok('km-wh.officer', 'mutation{ updateReplySettings(barredPurposes:["交流任职","选拔任用"]){ numberPrefix ownPrefix barredPurposes barredPurposeLabels ownBarred } }');
    expect(s.updateReplySettings).toMatchObject({ numberPrefix: '五纪廉复', ownPrefix: false, barredPurposes: ['transfer', 'selection'], ownBarred: true });
    const transfer = (await create('km-wh.officer', { asOf: '2026-03-09', purpose: 'transfer', cadreIds: [f.a] })).data!.createReplyRequest;
    expect(itemOf(transfer, f.a)).toMatchObject({ conclusion: 'unsuitable', conclusionLabel: '不宜作为拟交流任职人选' });
    const award = (await create('km-wh.officer', { asOf: '2026-03-09', purpose: '表彰奖励', cadreIds: [f.a] })).data!.createReplyRequest;
    expect(itemOf(award, f.a).conclusion).toBe('no_objection');
    expect(code(await gql('km-wh.officer', 'mutation{ updateReplySettings(barredPurposes:["升职"]){ numberPrefix } }'))).toBe('BAD_USER_INPUT');
    const back = await ok('km-wh.officer', 'mutation{ updateReplySettings(barredPurposes:null){ barredPurposes ownBarred } }');
    expect(back.updateReplySettings).toEqual({ barredPurposes: ['selection', 'rank_promotion', 'commendation'], ownBarred: false });
    // A measure may bar other purposes than the rest: here a 警告 bars only 表彰奖励.
    const rule = await ok('km-wh.officer', 'mutation{ updateReplySettings(measureRules:[{measure:"警告", purposes:["表彰奖励"]}]){ measureRules { measure measureLabel purposes purposeLabels } } }');
    expect(rule.updateReplySettings.measureRules).toEqual([{ measure: 'warning', measureLabel: '警告', purposes: ['commendation'], purposeLabels: ['表彰奖励'] }]);
    expect(itemOf((await create('km-wh.officer', { asOf: '2026-03-09', cadreIds: [f.a] })).data!.createReplyRequest, f.a).conclusion).toBe('no_objection');
    expect(itemOf((await create('km-wh.officer', { asOf: '2026-03-09', purpose: '表彰奖励', cadreIds: [f.a] })).data!.createReplyRequest, f.a).conclusion).toBe('unsuitable');
    expect(msg(await gql('km-wh.officer', 'mutation{ updateReplySettings(measureRules:[{measure:"罚款", purposes:[]}]){ numberPrefix } }'))).toBe('「罚款」不是处理（处分）种类');
    const cleared = await ok('km-wh.officer', 'mutation{ updateReplySettings(measureRules:null){ measureRules { measure } } }');
    expect(cleared.updateReplySettings.measureRules).toEqual([]);
  });

  it('pasted names and ID numbers resolve to the tenant\'s cadres; unknown lines come back empty', async () => {
    const r = await ok('km-wh.officer', 'query($l:[String!]!){ replyCadreLines(lines:$l){ line cadres { id name unitName } } }', {
      l: ['复函乙', ' 复函丙 ', '查无此人', f.idNumber, '复函乙', ''],
    });
    expect(r.replyCadreLines.map((m: any) => [m.line, m.cadres.map((x: any) => x.id)])).toEqual([
      ['复函乙', [f.b]], ['复函丙', [f.c]], ['查无此人', []], [f.idNumber, [f.a]],
    ]);
    // An Excel roster: the ID number where given, else the name; a row without a name is reported, not read.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名单');
    ws.addRow(['序号', '姓名', '公民身份号码', '拟任职务']);
    ws.addRow([1, '复函乙', '', '科长']);
    ws.addRow([2, '复函甲', f.idNumber, '副局长']);
    ws.addRow([]);
    ws.addRow([3, '', '530102199001011234', '']);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const upload = async (user: string, name: string, data: Buffer) => {
      const fd = new FormData();
      fd.append('file', new Blob([new Uint8Array(data)]), name);
      const req = new Request('http://x/', { method: 'POST', body: fd });
      const res = await t.app.inject({
        method: 'POST', url: '/api/replies/roster', payload: Buffer.from(await req.arrayBuffer()),
        headers: { authorization: `Bearer ${await token(user)}`, 'content-type': req.headers.get('content-type')! },
      });
      return { status: res.statusCode, body: res.json() };
    };
    const read = await upload('km-wh.officer', '名单.xlsx', xlsx);
    expect(read.status).toBe(200);
    expect(read.body.lines).toEqual(['复函乙', f.idNumber]);
    expect(read.body.problems).toEqual(['名单.xlsx 第 5 行：没有填写姓名']);
    const bad = await upload('km-wh.officer', '名单.xlsx', Buffer.from('not a workbook'));
    expect(bad.status).toBe(400);
    expect(bad.body.message ?? bad.body.error).toContain('名单.xlsx');
    expect((await upload('km-wh.filler', '名单.xlsx', xlsx)).status).toBe(403);

    // Another tenant's officer finds none of them.
    const pl = await ok('km-pl.officer', 'query($l:[String!]!){ replyCadreLines(lines:$l){ line cadres { id } } }', { l: ['复函乙', f.idNumber] });
    expect(pl.replyCadreLines.every((m: any) => m.cadres.length === 0)).toBe(true);
  });

  it('an edit is kept beside the draft; issuing numbers the reply and files a category-7 record in each archive', async () => {
    const req = (await create('km-wh.officer', { asOf: '2026-03-09', letterNo: '五组函〔2026〕15号', cadreIds: [f.a, f.d] })).data!.createReplyRequest;
    const edited = await ok('km-wh.officer', 'mutation($r:ID!, $c:ID!, $t:String, $v:Int){ updateReplyItem(requestId:$r, cadreId:$c, text:$t, version:$v){ version items { cadre { id } draft editedText text } } }', {
      r: req.id, c: f.d, t: '复函丁同志：经查，未发现该同志有违反党风廉政建设规定的问题。对该同志选拔任用不持异议。', v: req.version,
    });
    const d = itemOf(edited.updateReplyItem, f.d);
    expect(d.editedText).toContain('未发现该同志');
    expect(d.text).toBe(d.editedText);
    expect(d.draft).toBe(itemOf(req, f.d).draft);
    // A stale version is refused.
    expect(code(await gql('km-wh.officer', 'mutation($r:ID!, $c:ID!){ updateReplyItem(requestId:$r, cadreId:$c, text:"x", version:1){ id } }', { r: req.id, c: f.d }))).toBe('VERSION_CONFLICT');

    const year = '2026';
    const issued = (await ok('km-wh.officer', `mutation($id:ID!){ issueReplyRequest(id:$id){ ${REQ} } }`, { id: req.id })).issueReplyRequest;
    expect(issued.status).toBe('issued');
    expect(issued.docNumber).toMatch(new RegExp(`^五纪廉复〔${year}〕\\d+号$`));
    const seq = Number(/〕(\d+)号/.exec(issued.docNumber)![1]);
    expect(issued.items.every((i: any) => i.recordId)).toBe(true);
    // The record in 甲's archive: category 7 with requester, purpose, 文号, conclusion and the text as issued.
    const archive = await ok('km-wh.officer', `query($id:ID!){ cadre(id:$id){ records(category:7){ id status ... on OpinionReplyRecord { repliedOn requester purpose documentNo conclusion content } } } }`, { id: f.d });
    expect(archive.cadre.records).toHaveLength(1);
    expect(archive.cadre.records[0]).toMatchObject({
      status: 'accepted', repliedOn: '2026-03-09', requester: '中共五华区委组织部', purpose: '选拔任用', documentNo: issued.docNumber, conclusion: '不持异议',
    });
    expect(archive.cadre.records[0].content).toContain('未发现该同志');
    const a7 = await ok('km-wh.officer', `query($id:ID!){ cadre(id:$id){ records(category:7){ ... on OpinionReplyRecord { conclusion content } } } }`, { id: f.a });
    expect(a7.cadre.records[0].conclusion).toBe('不宜作为拟任人选');
    expect(a7.cadre.records[0].content).toContain('影响期至2026年3月9日');

    // Issued means final; the next one takes the next number.
    expect(msg(await gql('km-wh.officer', 'mutation($id:ID!){ issueReplyRequest(id:$id){ id } }', { id: req.id }))).toContain('已签发');
    expect(msg(await gql('km-wh.officer', 'mutation($r:ID!, $c:ID!){ updateReplyItem(requestId:$r, cadreId:$c, text:"x"){ id } }', { r: req.id, c: f.d }))).toContain('已签发');
    expect(msg(await gql('km-wh.officer', 'mutation($id:ID!){ deleteReplyRequest(id:$id) }', { id: req.id }))).toContain('已签发');
    const next = (await create('km-wh.officer', { asOf: '2026-03-20', cadreIds: [f.b] })).data!.createReplyRequest;
    const n2 = (await ok('km-wh.officer', 'mutation($id:ID!){ issueReplyRequest(id:$id){ docNumber } }', { id: next.id })).issueReplyRequest.docNumber;
    expect(n2).toBe(`五纪廉复〔${year}〕${seq + 1}号`);

    // The ledger lists them, newest first; a leader reads it.
    const ledger = await ok('km-wh.leader', '{ replyRequests(first:50){ totalCount edges { node { id status docNumber } } } }');
    expect(ledger.replyRequests.edges[0].node).toMatchObject({ id: next.id, status: 'issued', docNumber: n2 });
    expect(ledger.replyRequests.totalCount).toBeGreaterThanOrEqual(7);

    // The letter: an editable .docx with the 文号, the names and the conclusions.
    const res = await t.app.inject({ method: 'GET', url: `/api/replies/${req.id}.docx`, headers: { authorization: `Bearer ${await token('km-wh.leader')}` } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const xml = (await readZip(res.rawPayload, (p) => p === 'word/document.xml', '复函')).get('word/document.xml')!.toString('utf8');
    const plain = xml.replace(/<[^>]+>/g, '');
    for (const s of [issued.docNumber, '中共五华区委组织部：', '复函甲', '复函丁', '不宜作为拟选拔任用人选', '不持异议', '特此函复。', '五组函〔2026〕15号']) expect(plain).toContain(s);

    // One letter per cadre, zipped, named by order and name.
    const zipped = await t.app.inject({ method: 'GET', url: `/api/replies/${req.id}.zip`, headers: { authorization: `Bearer ${await token('km-wh.officer')}` } });
    expect(zipped.statusCode).toBe(200);
    expect(zipped.headers['content-type']).toBe('application/zip');
    const letters = await readZip(zipped.rawPayload, (p) => p.endsWith('.docx'), '逐人复函');
    expect([...letters.keys()]).toEqual(['01-复函甲.docx', '02-复函丁.docx']);
    const textOf = async (docx: Buffer) => (await readZip(docx, (p) => p === 'word/document.xml', 'x')).get('word/document.xml')!.toString('utf8').replace(/<[^>]+>/g, '');
    const first = await textOf(letters.get('01-复函甲.docx')!);
    expect(first).toContain('复函甲');
    expect(first).not.toContain('复函丁');
    expect(first).toContain(issued.docNumber);

    let office = true;
    try { execFileSync('soffice', ['--version'], { stdio: 'ignore' }); execFileSync('pdftotext', ['-v'], { stdio: 'ignore' }); } catch { office = false; }
    if (!office) {
      expect(process.env.CI_REQUIRE_OFFICE, 'LibreOffice and poppler are required in CI').toBeFalsy();
      return;
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lz-reply-'));
    fs.writeFileSync(path.join(dir, 'reply.docx'), res.rawPayload);
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, path.join(dir, 'reply.docx')], { stdio: 'ignore', timeout: 120_000 });
    const text = execFileSync('pdftotext', ['-layout', path.join(dir, 'reply.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('复函甲同志');
    expect(text).toContain('不宜作为拟选拔任用人选');
    expect(text).toContain(issued.docNumber);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 180_000);

  it('two officers issuing the same request at once: one issues, the other is told it is issued; one record per cadre', async () => {
    const req = (await create('km-wh.officer', { asOf: '2026-03-09', cadreIds: [f.c] })).data!.createReplyRequest;
    const before = (await ok('km-wh.officer', 'query($id:ID!){ cadre(id:$id){ records(category:7){ id } } }', { id: f.c })).cadre.records.length;
    const issue = () => gql('km-wh.officer', 'mutation($id:ID!){ issueReplyRequest(id:$id){ docNumber } }', { id: req.id });
    const [a, b] = await Promise.all([issue(), issue()]);
    const done = [a, b].filter((r) => r.data?.issueReplyRequest);
    const refused = [a, b].filter((r) => r.errors);
    expect(done).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(msg(refused[0])).toContain('已签发');
    const after = (await ok('km-wh.officer', 'query($id:ID!){ cadre(id:$id){ records(category:7){ id } } }', { id: f.c })).cadre.records.length;
    expect(after).toBe(before + 1);
  });

  it('who may: officers draft and issue, leaders read, fillers and administrators nothing; foreign and forged ids look missing', async () => {
    const req = (await create('km-wh.officer', { asOf: '2026-03-09', cadreIds: [f.b] })).data!.createReplyRequest;
    for (const user of ['km-wh.filler', 'km-wh.admin', 'km-wh.auditor']) {
      expect(code(await gql(user, '{ replyRequests { totalCount } }')), user).toBe('FORBIDDEN');
      expect(code(await create(user, { cadreIds: [f.b] })), user).toBe('FORBIDDEN');
    }
    expect(code(await create('km-wh.leader', { cadreIds: [f.b] }))).toBe('FORBIDDEN');
    expect(code(await gql('km-wh.leader', 'mutation($id:ID!){ issueReplyRequest(id:$id){ id } }', { id: req.id }))).toBe('FORBIDDEN');
    expect((await ok('km-wh.leader', 'query($id:ID!){ replyRequest(id:$id){ id } }', { id: req.id })).replyRequest.id).toBe(req.id);
    // Another tenant (the sibling, the parent) and forged ids: null, and the same 404 for the letter.
    for (const user of ['km-pl.officer', 'km.officer']) {
      expect((await ok(user, 'query($id:ID!){ replyRequest(id:$id){ id } }', { id: req.id })).replyRequest, user).toBeNull();
      expect(code(await gql(user, 'mutation($id:ID!){ issueReplyRequest(id:$id){ id } }', { id: req.id })), user).toBe('NOT_FOUND');
    }
    expect((await ok('km-wh.officer', 'query{ replyRequest(id:"not-a-uuid"){ id } }')).replyRequest).toBeNull();
    const letter = async (user: string, id: string) => {
      const r = await t.app.inject({ method: 'GET', url: `/api/replies/${id}.docx`, headers: { authorization: `Bearer ${await token(user)}` } });
      return [r.statusCode, r.body];
    };
    const foreign = await letter('km-pl.officer', req.id);
    expect(foreign[0]).toBe(404);
    expect(await letter('km-pl.officer', '00000000-0000-4000-8000-000000000000')).toEqual(foreign);
    expect((await letter('km-wh.filler', req.id))[0]).toBe(403);
    // A sibling's cadre cannot be put in a request (the city's may: see the parts test).
    expect(code(await create('km-pl.officer', { cadreIds: [f.b] }))).toBe('BAD_USER_INPUT');
    expect(msg(await create('km-pl.officer', { cadreIds: [f.b] }))).toContain('不存在或不在您的管理范围内');
    // Input is checked before anything is written.
    expect(msg(await create('km-wh.officer', { purpose: '升职', cadreIds: [f.b] }))).toContain('征求事由须为');
    expect(msg(await create('km-wh.officer', { cadreIds: [] }))).toBe('请至少选择一名干部');
    expect(msg(await create('km-wh.officer', { asOf: '2099-01-01', cadreIds: [f.b] }))).toBe('回复日期不能晚于今天');
    // A draft can be deleted; then it is gone.
    expect((await ok('km-wh.officer', 'mutation($id:ID!){ deleteReplyRequest(id:$id) }', { id: req.id })).deleteReplyRequest).toBe(true);
    expect((await ok('km-wh.officer', 'query($id:ID!){ replyRequest(id:$id){ id } }', { id: req.id })).replyRequest).toBeNull();
  });

  it('a city asks about cadres of its counties: each county answers its own part, the city issues the assembled reply', async () => {
    const unitOf = async (tenantCode: string) => (await ok('km.officer', 'query($t:String){ units(tenantCode:$t){ id } }', { t: tenantCode })).units[0].id;
    const made = async (user: string, name: string, unitId: string) =>
      (await ok(user, 'mutation($i: CadreInput!){ createCadre(input:$i){ id } }', { i: { name, unitId, position: '副主任' } })).createCadre.id as string;
    const cityCadre = await made('km.officer', '复函市甲', await unitOf('km'));
    const plCadre = await made('km-pl.officer', '复函盘乙', await unitOf('km-pl'));
    // The city resolves pasted names across its subtree, saying which tenant holds each.
    const lines = (await ok('km.officer', 'query($l:[String!]!){ replyCadreLines(lines:$l){ line cadres { id tenantName } } }', { l: ['复函乙', '复函盘乙'] })).replyCadreLines;
    expect(lines.map((l: any) => l.cadres.map((c: any) => c.tenantName))).toEqual([['五华区纪委监委'], ['盘龙区纪委监委']]);

    const PARTS = `${REQ} isPart forwardedBy returnedReason partCount openPartCount parts { id tenantName status statusLabel cadreCount answeredBy returnedReason }
      items { cadre { id } tenantName partId partStatus editable }`;
    const created = (await ok('km.officer', `mutation($i: CreateReplyRequestInput!) { createReplyRequest(input: $i) { ${PARTS} } }`, {
      i: { requester: '中共昆明市委组织部', purpose: '选拔任用', asOf: '2026-03-09', cadreIds: [cityCadre, f.a, plCadre, f.b] },
    })).createReplyRequest;
    expect(created).toMatchObject({ isPart: false, cadreCount: 4, partCount: 2, openPartCount: 2, unsuitableCount: 1, deferCount: 1 });
    expect(created.items.map((i: any) => [i.cadre.id, i.tenantName, i.editable])).toEqual([
      [cityCadre, '昆明市纪委监委', true], [f.a, '五华区纪委监委', false], [plCadre, '盘龙区纪委监委', false], [f.b, '五华区纪委监委', false],
    ]);
    const whPart = created.parts.find((p: any) => p.tenantName === '五华区纪委监委');
    const plPart = created.parts.find((p: any) => p.tenantName === '盘龙区纪委监委');
    expect(whPart).toMatchObject({ status: 'draft', statusLabel: '待答复', cadreCount: 2 });
    expect(plPart).toMatchObject({ status: 'draft', cadreCount: 1 });

    // Each county sees its part only, in its own ledger; the sibling's part and the city's request are invisible.
    const PART = `query($id:ID!){ replyRequest(id:$id){ ${PARTS} } }`;
    const wh = (await ok('km-wh.officer', PART, { id: whPart.id })).replyRequest;
    expect(wh).toMatchObject({ isPart: true, forwardedBy: '昆明市纪委监委', statusLabel: '待答复', requester: '中共昆明市委组织部', cadreCount: 2, partCount: 0 });
    expect(wh.items.map((i: any) => [i.cadre.id, i.editable])).toEqual([[f.a, true], [f.b, true]]);
    expect((await ok('km-wh.officer', '{ replyRequests(first: 100){ edges { node { id isPart } } } }')).replyRequests.edges.map((e: any) => e.node.id)).toContain(whPart.id);
    for (const [user, id] of [['km-pl.officer', whPart.id], ['km-wh.officer', plPart.id], ['km-wh.officer', created.id], ['km-pl.officer', created.id]]) {
      expect((await ok(user, 'query($id:ID!){ replyRequest(id:$id){ id } }', { id })).replyRequest, `${user} ${id}`).toBeNull();
    }
    // The city neither edits the county's cadres nor issues before every part is answered; a county does not issue.
    expect(msg(await gql('km.officer', 'mutation($r:ID!,$c:ID!){ updateReplyItem(requestId:$r, cadreId:$c, text:"市改"){ id } }', { r: created.id, c: f.b })))
      .toBe('复函乙由五华区纪委监委答复，请由其修改');
    const issue = (user: string, id: string) => gql(user, 'mutation($id:ID!){ issueReplyRequest(id:$id){ id status docNumber } }', { id });
    expect(msg(await issue('km.officer', created.id))).toBe('尚有 2 个下级机构未答复：五华区纪委监委、盘龙区纪委监委');
    expect(msg(await issue('km-wh.officer', whPart.id))).toContain('请核对后「答复」');
    expect(msg(await gql('km-wh.officer', 'mutation($id:ID!){ deleteReplyRequest(id:$id) }', { id: whPart.id }))).toContain('不能删除');

    // The county edits and answers; an answered part is closed to edits until the city returns it.
    await ok('km-wh.officer', 'mutation($r:ID!,$c:ID!){ updateReplyItem(requestId:$r, cadreId:$c, text:"五华区核实：复函乙同志线索正在办理。"){ id } }', { r: whPart.id, c: f.b });
    const answer = (user: string, id: string) => gql(user, 'mutation($id:ID!){ answerReplyRequest(id:$id){ status statusLabel answeredBy } }', { id });
    expect((await answer('km-wh.officer', whPart.id)).data!.answerReplyRequest).toMatchObject({ status: 'answered', statusLabel: '已答复' });
    expect(msg(await answer('km-wh.officer', whPart.id))).toContain('不能再修改');
    expect(msg(await answer('km.officer', created.id))).toContain('直接签发');
    expect(code(await answer('km-wh.leader', whPart.id))).toBe('FORBIDDEN');
    const ret = (user: string, id: string, reason = '请补充线索办理进展') =>
      gql(user, 'mutation($id:ID!,$r:String!){ returnReplyPart(id:$id, reason:$r){ openPartCount parts { id status returnedReason } } }', { id, r: reason });
    expect(code(await ret('km-pl.officer', whPart.id))).toBe('NOT_FOUND');
    expect(code(await ret('km-wh.officer', whPart.id))).toBe('NOT_FOUND');
    expect(msg(await ret('km.officer', plPart.id))).toBe('盘龙区纪委监委尚未答复，无需退回');
    const returned = (await ret('km.officer', whPart.id)).data!.returnReplyPart;
    expect(returned.parts.find((p: any) => p.id === whPart.id)).toMatchObject({ status: 'draft', returnedReason: '请补充线索办理进展' });
    expect((await ok('km-wh.officer', PART, { id: whPart.id })).replyRequest).toMatchObject({ statusLabel: '待答复', returnedReason: '请补充线索办理进展' });
    await answer('km-wh.officer', whPart.id);
    await answer('km-pl.officer', plPart.id);

    // The city issues: its 文号 on the whole and on the parts; each cadre's category-7 record lands in its own tenant.
    const issued = (await ok('km.officer', `mutation($id:ID!){ issueReplyRequest(id:$id){ ${PARTS} } }`, { id: created.id })).issueReplyRequest;
    expect(issued.docNumber).toMatch(/^昆纪廉复〔2026〕\d+号$/);
    expect(issued.openPartCount).toBe(0);
    expect(issued.parts.every((p: any) => p.status === 'issued')).toBe(true);
    const bItem = issued.items.find((i: any) => i.cadre.id === f.b);
    expect(bItem.text).toBe('五华区核实：复函乙同志线索正在办理。');
    const whIssued = (await ok('km-wh.officer', PART, { id: whPart.id })).replyRequest;
    expect(whIssued).toMatchObject({ status: 'issued', docNumber: issued.docNumber });
    const record = (await ok('km-wh.officer', 'query($id:ID!){ record(id:$id){ id category status cadre { id } } }', { id: bItem.recordId })).record;
    expect(record).toMatchObject({ category: 7, status: 'accepted', cadre: { id: f.b } });
    expect((await ok('km-pl.officer', 'query($id:ID!){ record(id:$id){ id } }', { id: bItem.recordId })).record).toBeNull();

    // The whole letter holds all four cadres; the county's part is its answer to the city.
    const text = async (user: string, id: string) => {
      const r = await t.app.inject({ method: 'GET', url: `/api/replies/${id}.docx`, headers: { authorization: `Bearer ${await token(user)}` } });
      expect(r.statusCode).toBe(200);
      return (await readZip(r.rawPayload, (p) => p === 'word/document.xml', '复函')).get('word/document.xml')!.toString('utf8').replace(/<[^>]+>/g, '');
    };
    const whole = await text('km.officer', created.id);
    for (const n of ['复函市甲', '复函甲', '复函盘乙', '复函乙', issued.docNumber]) expect(whole).toContain(n);
    const part = await text('km-wh.officer', whPart.id);
    expect(part).toContain('昆明市纪委监委：');
    expect(part).not.toContain('复函盘乙');

    // Deleting a draft request removes its parts with it.
    const again = (await ok('km.officer', `mutation($i: CreateReplyRequestInput!) { createReplyRequest(input: $i) { id parts { id } } }`, {
      i: { requester: '中共昆明市委组织部', purpose: '表彰奖励', asOf: '2026-03-09', cadreIds: [f.d] },
    })).createReplyRequest;
    expect(again.parts).toHaveLength(1);
    await ok('km.officer', 'mutation($id:ID!){ deleteReplyRequest(id:$id) }', { id: again.id });
    expect((await ok('km-wh.officer', 'query($id:ID!){ replyRequest(id:$id){ id } }', { id: again.parts[0].id })).replyRequest).toBeNull();
  });

  it('redrafting reads the archive as it stands now, as of the same reply date; an edited text stays', async () => {
    const unitId = f.unitId;
    const cadre = (await ok('km-wh.officer', 'mutation($i: CadreInput!){ createCadre(input:$i){ id } }', { i: { name: '复函重起草', unitId, position: '科员' } })).createCadre.id;
    const other = (await ok('km-wh.officer', 'mutation($i: CadreInput!){ createCadre(input:$i){ id } }', { i: { name: '复函重起草乙', unitId, position: '科员' } })).createCadre.id;
    const req = (await create('km-wh.officer', { asOf: '2026-06-30', cadreIds: [cadre, other] })).data!.createReplyRequest;
    expect(req.items.map((i: any) => i.conclusion)).toEqual(['no_objection', 'no_objection']);
    await ok('km-wh.officer', 'mutation($r:ID!,$c:ID!){ updateReplyItem(requestId:$r, cadreId:$c, text:"乙的修改文字"){ id } }', { r: req.id, c: other });
    // A sanction entered after the request was drafted, decided before its reply date; and one decided after it.
    const rec = (c: string, decidedOn: string) => ok('km-wh.officer', 'mutation($c:ID!, $f:RecordFieldsInput!){ createRecord(cadreId:$c, category:10, fields:$f){ id } }', {
      c, f: { sanction: { kind: '党纪处分', measure: '警告', decidedOn, issuingBody: '五华区纪委', facts: '违规操办婚丧喜庆事宜。' } },
    });
    await rec(cadre, '2026-05-10');
    await rec(other, '2026-07-10');
    const REDRAFT = `mutation($id:ID!, $v:Int){ redraftReplyRequest(id:$id, version:$v){ ${REQ} } }`;
    expect(code(await gql('km-wh.officer', REDRAFT, { id: req.id, v: 1 }))).toBe('VERSION_CONFLICT');
    const current = (await ok('km-wh.officer', `query($id:ID!){ replyRequest(id:$id){ version } }`, { id: req.id })).replyRequest.version;
    const again = (await ok('km-wh.officer', REDRAFT, { id: req.id, v: current })).redraftReplyRequest;
    expect(itemOf(again, cadre)).toMatchObject({ conclusion: 'unsuitable', conclusionLabel: '不宜作为拟选拔任用人选' });
    expect(itemOf(again, cadre).facts[0].text).toContain('2026年5月10日受到五华区纪委警告');
    expect(itemOf(again, other)).toMatchObject({ conclusion: 'no_objection', editedText: '乙的修改文字', text: '乙的修改文字' });
    expect(again.unsuitableCount).toBe(1);
    // Leaders read but do not redraft; another tenant's officer finds nothing; an issued reply is final.
    expect(code(await gql('km-wh.leader', REDRAFT, { id: req.id }))).toBe('FORBIDDEN');
    expect(code(await gql('km-pl.officer', REDRAFT, { id: req.id }))).toBe('NOT_FOUND');
    await ok('km-wh.officer', 'mutation($id:ID!){ issueReplyRequest(id:$id){ id } }', { id: req.id });
    expect(msg(await gql('km-wh.officer', REDRAFT, { id: req.id }))).toContain('已签发');
  });
});
