// Word 模板 through the API (docs/templates.md): a tenant uploads a .docx with named placeholders (split across Word
// runs, a table-row loop, paragraph loops) and the 复函 and 处置通知书 come out of it, filled — checked in the XML and,
// when LibreOffice is installed, in the PDF it renders; a county inherits the city's template; removing reverts; unknown
// placeholders, syntax errors, malformed and oversized files and zip bombs are refused in Chinese and change nothing;
// another tenant neither reads nor replaces a tenant's template; leaders read, fillers nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import PizZip from 'pizzip';
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { readZip } from '../../services/api/src/modules/imports/safe-zip.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { engineName } from '../helpers/db.js';
import { asUsers, code, msg } from '../helpers/users.js';

let t: TestApp;
const { gql, token } = asUsers(() => t);
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

async function ok(user: string, q: string, v: Record<string, unknown> = {}) {
  const r = await gql(user, q, v);
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data;
}

const TEMPLATES = '{ docTemplates { kind kindLabel source sourceLabel fileKind fileKindLabel ownerName fileName version uploadedAt uploadedBy usedPlaceholders placeholders { name meaning loop } history { version fileName active endedReason } } }';
const templateOf = async (user: string, kind: string) => (await ok(user, TEMPLATES)).docTemplates.find((d: any) => d.kind === kind);

async function upload(user: string, kind: string, name: string, data: Buffer) {
  const fd = new FormData();
  fd.append('file', new Blob([new Uint8Array(data)]), name);
  const req = new Request('http://x/', { method: 'POST', body: fd });
  const res = await t.app.inject({
    method: 'POST', url: `/api/templates/${kind}`, payload: Buffer.from(await req.arrayBuffer()),
    headers: { authorization: `Bearer ${await token(user)}`, 'content-type': req.headers.get('content-type')! },
  });
  return { status: res.statusCode, body: res.json() };
}
const get = async (user: string, url: string) => t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${await token(user)}` } });
const textOf = async (docx: Buffer) => (await readZip(docx, (p) => p === 'word/document.xml', '文档')).get('word/document.xml')!.toString('utf8')
  .replace(/<w:p[ >]/g, '\n$&').replace(/<[^>]+>/g, '');

const p = (...runs: (string | TextRun)[]) => new Paragraph({ children: runs.map((r) => (typeof r === 'string' ? new TextRun(r) : r)) });
const docxOf = async (children: (Paragraph | Table)[]) => Buffer.from(await Packer.toBuffer(new Document({ sections: [{ children }] })));

/** A tenant's 复函 template: its own letterhead words, placeholders split over runs as Word does, a row loop, paragraph loops. */
async function replyTemplate(letterhead: string): Promise<Buffer> {
  const cell = (text: string) => new TableCell({ width: { size: 2000, type: WidthType.DXA }, children: [p(text)] });
  return docxOf([
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: letterhead, color: 'C00000', bold: true, size: 52 })] }),
    // {发文机关} and {文号} split into several runs with different formatting.
    p(new TextRun({ text: '{发文', color: 'C00000' }), new TextRun({ text: '机关}', color: 'C00000', bold: true })),
    p('文号：{', '文号', '}'),
    p('{标题}'),
    p('{征求意见单位}：'),
    p('来函：{#来函文号}{来函文号}{/来函文号}{^来函文号}无{/来函文号}。事由：{用途}，共{人数}人。'),
    new Table({ rows: [
      new TableRow({ children: ['序号', '姓名', '单位职务', '回复意见'].map(cell) }),
      new TableRow({ children: ['{#干部}{序号}', '{姓名}', '{单位职务}', '{回复意见}{/干部}'].map(cell) }),
    ] }),
    p('{#干部}'), p('第{中文序号}名：{姓名}'), p('{#正文段落}'), p('〔段〕{段}'), p('{/正文段落}'), p('{/干部}'),
    p('模板固定落款：{发文机关} {复函日期}'),
  ]);
}

/** A cadre of 五华区 with nothing on record, in a request, issued. */
async function issuedReply(name: string): Promise<{ id: string; docNumber: string; cadreId: string }> {
  const units = (await ok('km-wh.officer', '{ units { id name } }')).units;
  const cadreId = (await ok('km-wh.officer', 'mutation($i: CadreInput!){ createCadre(input:$i){ id } }', { i: { name, unitId: units[0].id, position: '科长' } })).createCadre.id;
  const created = (await ok('km-wh.officer', 'mutation($i: CreateReplyRequestInput!){ createReplyRequest(input:$i){ id } }', {
    i: { requester: '中共五华区委组织部', letterNo: '五组函〔2026〕7号', purpose: '选拔任用', asOf: '2026-03-09', cadreIds: [cadreId] },
  })).createReplyRequest;
  const issued = (await ok('km-wh.officer', 'mutation($id:ID!){ issueReplyRequest(id:$id){ id docNumber } }', { id: created.id })).issueReplyRequest;
  return { id: issued.id, docNumber: issued.docNumber, cadreId };
}

function office(): boolean {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore' });
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    expect(process.env.CI_REQUIRE_OFFICE, 'LibreOffice and poppler are required in CI').toBeFalsy();
    return false;
  }
}
function pdfText(docx: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lz-tpl-'));
  try {
    fs.writeFileSync(path.join(dir, 'letter.docx'), docx);
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, path.join(dir, 'letter.docx')], { stdio: 'ignore', timeout: 120_000 });
    return execFileSync('pdftotext', ['-layout', path.join(dir, 'letter.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

let reply: Awaited<ReturnType<typeof issuedReply>>;

describe(`Word templates (${engineName})`, () => {
  it('without a template the built-in layout applies, and the download is that layout with the placeholders to edit', async () => {
    const all = (await ok('km-wh.officer', TEMPLATES)).docTemplates;
    expect(all.map((d: any) => [d.kind, d.source, d.sourceLabel])).toEqual([['reply', 'default', '系统默认'], ['reply-cadre', 'default', '系统默认'], ['disposition', 'default', '系统默认'], ['report', 'default', '系统默认']]);
    const r = all[0];
    expect(r).toMatchObject({ kindLabel: '廉政审查情况复函', fileName: null, version: null, history: [] });
    expect(r.placeholders.map((x: any) => x.name)).toEqual(expect.arrayContaining(['{发文机关}', '{文号}', '{征求意见单位}', '{#干部}…{/干部}', '{#正文段落}{段}{/正文段落}']));
    expect(r.placeholders.find((x: any) => x.name === '{回复意见}')).toMatchObject({ loop: '干部' });
    expect(all[2].placeholders.map((x: any) => x.name)).toEqual(expect.arrayContaining(['{姓名}', '{整改期限}', '{预警情形}', '{抄送}']));

    expect(all[3].placeholders.map((x: any) => x.name)).toEqual(expect.arrayContaining(['{标题}', '{截至日期}', '{#部分}…{/部分}', '{部分标题}', '{#内容段落}{段}{/内容段落}']));
    for (const kind of ['reply', 'reply-cadre', 'disposition', 'report']) {
      const res = await get('km-wh.officer', `/api/templates/${kind}.docx`);
      expect(res.statusCode, kind).toBe(200);
      expect(res.headers['content-type']).toContain('wordprocessingml');
      const text = await textOf(res.rawPayload);
      expect(text).toContain('{发文机关}');
      if (kind !== 'report') expect(text).toContain('{文号}');
      // The sample goes back up unchanged: it is a valid template of its kind.
      const back = await upload('km.officer', kind, `${kind}.docx`, res.rawPayload);
      expect(back.status, JSON.stringify(back.body)).toBe(200);
      expect(back.body).toMatchObject({ kind, source: 'own', version: 1 });
    }
    expect((await get('km-wh.officer', '/api/templates/memo.docx')).statusCode).toBe(404);
    // The city's uploads are back to nothing for the tests that follow.
    for (const kind of ['reply', 'reply-cadre', 'disposition', 'report']) await ok('km.officer', 'mutation($k:String!){ removeDocTemplate(kind:$k){ source } }', { k: kind });
    expect((await templateOf('km-wh.officer', 'reply')).source).toBe('default');
  });

  it('a county inherits the city\'s template: the 复函 comes out of it, filled, and opens in LibreOffice', async () => {
    const tpl = await replyTemplate('昆明市纪委监委模板红头');
    const up = await upload('km.officer', 'reply', '昆明复函模板.docx', tpl);
    expect(up.status, JSON.stringify(up.body)).toBe(200);
    // The city's second version of the kind (the first was uploaded and removed above).
    expect(up.body).toMatchObject({ kind: 'reply', source: 'own', fileName: '昆明复函模板.docx', version: 2 });
    expect(up.body.usedPlaceholders).toEqual(expect.arrayContaining(['{发文机关}', '{#干部}', '{#正文段落}', '{段}', '{^来函文号}']));

    const seen = await templateOf('km-wh.officer', 'reply');
    expect(seen).toMatchObject({ source: 'inherited', sourceLabel: '上级', ownerName: '昆明市纪委监委', fileName: '昆明复函模板.docx', version: 2, history: [] });
    // The county downloads the template in force: the city's file.
    const dl = await get('km-wh.leader', '/api/templates/reply.docx');
    expect(dl.statusCode).toBe(200);
    expect(Buffer.compare(dl.rawPayload, tpl)).toBe(0);

    reply = await issuedReply('模板甲');
    const res = await get('km-wh.officer', `/api/replies/${reply.id}.docx`);
    expect(res.statusCode).toBe(200);
    const text = await textOf(res.rawPayload);
    for (const s of ['昆明市纪委监委模板红头', '五华区纪委监委', `文号：${reply.docNumber}`, '关于模板甲同志廉政情况的复函', '中共五华区委组织部：',
      '来函：五组函〔2026〕7号。事由：选拔任用，共1人。', '模板甲', '不持异议', '第一名：模板甲', '〔段〕', '模板固定落款：五华区纪委监委 2026年3月9日']) {
      expect(text).toContain(s);
    }
    expect(text).not.toMatch(/\{[^}]*\}/);
    // One paragraph per line of the cadre's text.
    expect(text.split('\n').filter((l) => l.startsWith('〔段〕')).length).toBeGreaterThan(1);
    // The built-in layout's words are not there: the tenant's layout replaced it.
    expect(text).not.toContain('特此函复');

    // The 逐人复函 falls back to the 复函 template, with a one-cadre loop.
    expect(await templateOf('km-wh.officer', 'reply-cadre')).toMatchObject({ source: 'inherited', fileKind: 'reply', fileKindLabel: '廉政审查情况复函' });
    const zip = await get('km-wh.officer', `/api/replies/${reply.id}.zip`);
    expect(zip.statusCode).toBe(200);
    const letters = await readZip(zip.rawPayload, (x) => x.endsWith('.docx'), '逐人复函');
    const one = await textOf([...letters.values()][0]);
    expect(one).toContain('昆明市纪委监委模板红头');
    expect(one).toContain('第一名：模板甲');

    if (!office()) return;
    const pdf = pdfText(res.rawPayload);
    expect(pdf).toContain('昆明市纪委监委模板红头');
    expect(pdf).toContain('关于模板甲同志廉政情况的复函');
    expect(pdf).toContain(reply.docNumber);
    expect(pdf).toContain('不持异议');
  }, 180_000);

  it('the county\'s own template wins; removing it reverts to the city\'s, and the city\'s removal to the built-in layout', async () => {
    const own = await upload('km-wh.officer', 'reply', '五华复函.docx', await replyTemplate('五华区自己的红头'));
    expect(own.status, JSON.stringify(own.body)).toBe(200);
    expect(own.body).toMatchObject({ source: 'own', version: 1 });
    expect(await textOf((await get('km-wh.officer', `/api/replies/${reply.id}.docx`)).rawPayload)).toContain('五华区自己的红头');
    // A second upload is version 2; the first is kept, marked replaced.
    const second = await upload('km-wh.officer', 'reply', '五华复函2.docx', await replyTemplate('五华区第二版红头'));
    expect(second.body).toMatchObject({ version: 2, fileName: '五华复函2.docx' });
    const hist = await templateOf('km-wh.officer', 'reply');
    expect(hist.history.map((h: any) => [h.version, h.active, h.endedReason])).toEqual([[2, true, null], [1, false, 'replaced']]);
    expect(hist.uploadedBy).toBeTruthy();
    expect(await textOf((await get('km-wh.officer', `/api/replies/${reply.id}.docx`)).rawPayload)).toContain('五华区第二版红头');

    const removed = await ok('km-wh.officer', 'mutation{ removeDocTemplate(kind:"reply"){ kind source ownerName fileName history { version active endedReason } } }');
    expect(removed.removeDocTemplate).toMatchObject({ source: 'inherited', ownerName: '昆明市纪委监委', fileName: '昆明复函模板.docx' });
    expect(removed.removeDocTemplate.history.map((h: any) => [h.version, h.active, h.endedReason])).toEqual([[2, false, 'removed'], [1, false, 'replaced']]);
    expect(await textOf((await get('km-wh.officer', `/api/replies/${reply.id}.docx`)).rawPayload)).toContain('昆明市纪委监委模板红头');
    const again = await gql('km-wh.officer', 'mutation{ removeDocTemplate(kind:"reply"){ source } }');
    expect(code(again)).toBe('BAD_USER_INPUT');
    expect(msg(again)).toContain('没有自己的廉政审查情况复函模板');
    expect(code(await gql('km-wh.officer', 'mutation{ removeDocTemplate(kind:"memo"){ source } }'))).toBe('BAD_USER_INPUT');

    await ok('km.officer', 'mutation{ removeDocTemplate(kind:"reply"){ source } }');
    expect((await templateOf('km-wh.officer', 'reply')).source).toBe('default');
    const builtIn = await textOf((await get('km-wh.officer', `/api/replies/${reply.id}.docx`)).rawPayload);
    expect(builtIn).toContain('特此函复。');
    expect(builtIn).not.toContain('模板红头');
  });

  it('refuses unknown placeholders (naming them and the allowed ones), syntax errors, malformed, non-Word, oversized files and zip bombs — and changes nothing', async () => {
    const before = await templateOf('km-wh.officer', 'reply');
    const unknown = await upload('km-wh.officer', 'reply', '错误.docx', await docxOf([p('{发文机关}'), p('{申请人}与{#人员}{姓名}{/人员}'), p('{#干部}{职级}{/干部}')]));
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toContain('模板含有未知的占位符：{申请人}、{#人员}、{姓名}、{职级}');
    expect(unknown.body.message).toContain('可用的占位符：{发文机关}');
    // {姓名} is the cadre's: inside the 干部 loop only, so outside it is unknown in a 复函 …
    const outside = await upload('km-wh.officer', 'reply', '姓名.docx', await docxOf([p('{姓名}')]));
    expect(outside.body.message).toContain('未知的占位符：{姓名}');
    // … and the disposition's placeholders are not the reply's.
    const wrongKind = await upload('km-wh.officer', 'disposition', '通知.docx', await replyTemplate('红头'));
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.body.message).toContain('{征求意见单位}');

    const unclosed = await upload('km-wh.officer', 'reply', '循环.docx', await docxOf([p('{#干部}{姓名}')]));
    expect(unclosed.status).toBe(400);
    expect(unclosed.body.message).toContain('循环「{#干部}」没有结束标记「{/干部}」');
    const brace = await upload('km-wh.officer', 'reply', '括号.docx', await docxOf([p('{发文机关')]));
    expect(brace.status).toBe(400);
    expect(brace.body.message).toContain('缺少结尾的「}」');
    const raw = await upload('km-wh.officer', 'reply', '原样.docx', await docxOf([p('{@发文机关}')]));
    expect(raw.status).toBe(400);
    expect(raw.body.message).toContain('不支持的占位符');
    const wide = await upload('km-wh.officer', 'reply', '全角.docx', await docxOf([p('{发文机关}'), p('｛文号｝')]));
    expect(wide.status).toBe(400);
    expect(wide.body.message).toContain('「｛文号｝」使用了全角括号，请改为半角 {}，如 {文号}');
    const none = await upload('km-wh.officer', 'reply', '空白.docx', await docxOf([p('没有占位符')]));
    expect(none.body.message).toContain('没有任何占位符');

    const broken = await upload('km-wh.officer', 'reply', '损坏.docx', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(300, 7)]));
    expect(broken.status).toBe(400);
    expect(broken.body.message).toMatch(/zip|损坏|无法读取/);
    const notWord = new PizZip();
    notWord.file('hello.txt', '你好');
    const plainZip = await upload('km-wh.officer', 'reply', '压缩包.docx', notWord.generate({ type: 'nodebuffer', compression: 'DEFLATE' }) as Buffer);
    expect(plainZip.body.message).toContain('不是 Word 文档');
    const doc = await upload('km-wh.officer', 'reply', '旧格式.doc', Buffer.from('\xd0\xcf\x11\xe0 old word', 'latin1'));
    expect(doc.status).toBe(400);
    expect(doc.body.message).toContain('不是 .docx 文件');

    const big = await upload('km-wh.officer', 'reply', '超大.docx', Buffer.alloc(2 * 1024 * 1024 + 1, 1));
    expect(big.status).toBe(413);
    expect(big.body.message).toContain('2 MB');
    // A .docx whose document inflates to 60 MB from a few dozen KB stops at the limit.
    const bomb = new PizZip(await replyTemplate('红头'));
    bomb.file('word/media/filler.bin', Buffer.alloc(60 * 1024 * 1024, 0));
    const bombBuf = bomb.generate({ type: 'nodebuffer', compression: 'DEFLATE' }) as Buffer;
    expect(bombBuf.length).toBeLessThan(2 * 1024 * 1024);
    const bombed = await upload('km-wh.officer', 'reply', '炸弹.docx', bombBuf);
    expect(bombed.status).toBe(400);
    expect(bombed.body.message).toContain('压缩炸弹');

    const after = await templateOf('km-wh.officer', 'reply');
    expect(after).toEqual(before);
  }, 60_000);

  it('the disposition notice comes out of the issuing tenant\'s template', async () => {
    const tpl = await docxOf([
      p('五华区处置通知书模板红头'), p('{发文机关}'), p('{文号}'), p('{标题}'),
      p('{#称呼}'), p('{称呼}'), p('{/称呼}'),
      p('{#正文段落}'), p('正文：{段}'), p('{/正文段落}'),
      p('对象：{姓名}（{单位}{职务}，{机构}）'),
      p('{#预警等级}预警：{预警等级}{/预警等级}{^预警等级}无预警{/预警等级}'),
      p('{#整改要求段落}'), p('要求：{段}'), p('{/整改要求段落}'),
      p('期限：{整改期限}（{整改工作日}个工作日）'), p('日期：{发文日期}'), p('抄送：{抄送}'),
    ]);
    const up = await upload('km-wh.officer', 'disposition', '通知书模板.docx', tpl);
    expect(up.status, JSON.stringify(up.body)).toBe(200);
    const cadre = (await ok('km-wh.officer', '{ cadres(first:1){ edges { node { id name } } } }')).cadres.edges[0].node;
    const d = (await ok('km-wh.officer', 'mutation($c:ID!){ issueDisposition(cadreId:$c, kind:"警示提醒", issuedOn:"2026-09-28", dueOn:"2026-10-10"){ id docNumber } }', { c: cadre.id })).issueDisposition;
    const res = await get('km-wh.officer', `/api/dispositions/${d.id}/docx`);
    expect(res.statusCode).toBe(200);
    const text = await textOf(res.rawPayload);
    for (const s of ['五华区处置通知书模板红头', '五华区纪委监委', d.docNumber, '警示提醒', `${cadre.name}同志：`, '正文：经廉情预警研判', `对象：${cadre.name}（`,
      '要求：（一）深刻反思', '期限：2026年10月10日（5个工作日）', '日期：2026年9月28日', '抄送：']) {
      expect(text).toContain(s);
    }
    expect(text).not.toMatch(/\{[^}]*\}/);
    // The salutation line is not repeated as a body paragraph.
    expect(text).not.toContain(`正文：${cadre.name}同志：`);
    if (!office()) return;
    expect(pdfText(res.rawPayload)).toContain('五华区处置通知书模板红头');
  }, 180_000);

  it('the 廉情评价报告 comes out of the tenant\'s template, one section a loop, for one cadre and in a batch', async () => {
    const tpl = await docxOf([
      p('五华区廉情报告模板'), p('{标题}'), p('截至：{截至日期}'),
      p('{#开头段落}'), p('开头：{段}'), p('{/开头段落}'),
      p('{#部分}'), p('部分{中文序号}：{部分标题}'), p('{#内容段落}'), p('内容：{段}'), p('{/内容段落}'), p('{/部分}'),
      p('落款：{发文机关} {报告日期}'),
    ]);
    const up = await upload('km-wh.officer', 'report', '报告模板.docx', tpl);
    expect(up.status, JSON.stringify(up.body)).toBe(200);
    expect(up.body).toMatchObject({ kind: 'report', source: 'own', version: 1 });
    const cadres = (await ok('km-wh.officer', '{ cadres(first:2){ edges { node { id name } } } }')).cadres.edges.map((e: any) => e.node);
    const res = await get('km-wh.officer', `/api/cadres/${cadres[0].id}/report.docx?asOf=2026-06-30`);
    expect(res.statusCode).toBe(200);
    const text = await textOf(res.rawPayload);
    for (const s of ['五华区廉情报告模板', `关于${cadres[0].name}同志廉情报告`, '截至：2026年6月30日', '开头：', '部分一：基本情况', '内容：', '落款：五华区纪委监委']) {
      expect(text).toContain(s);
    }
    expect(text).not.toMatch(/\{[^}]*\}/);
    // Every section of the built-in report is a loop round (一、二、… as many as the layout has).
    expect(text.split('\n').filter((l) => /^部分[一二三四五六七八九十]+：/.test(l)).length).toBeGreaterThan(4);
    // The batch zip uses it too; another county keeps the built-in layout.
    const zip = await get('km-wh.officer', `/api/reports.zip?cadreIds=${cadres.map((c: any) => c.id).join(',')}&asOf=2026-06-30`);
    expect(zip.statusCode).toBe(200);
    const files = await readZip(zip.rawPayload, (x) => x.endsWith('.docx'), '报告');
    expect(files.size).toBe(2);
    for (const f of files.values()) expect(await textOf(f)).toContain('五华区廉情报告模板');
    const plCadre = (await ok('km-pl.officer', '{ cadres(first:1){ edges { node { id } } } }')).cadres.edges[0].node.id;
    expect(await textOf((await get('km-pl.officer', `/api/cadres/${plCadre}/report.docx`)).rawPayload)).not.toContain('五华区廉情报告模板');
    if (office()) expect(pdfText(res.rawPayload)).toContain('五华区廉情报告模板');
    await ok('km-wh.officer', 'mutation{ removeDocTemplate(kind:"report"){ source } }');
  }, 180_000);

  it('another tenant neither reads nor replaces a tenant\'s template; leaders read, administrators keep them, fillers nothing', async () => {
    const own = await upload('km-wh.officer', 'reply', '五华私有.docx', await replyTemplate('五华私有红头'));
    expect(own.status).toBe(200);
    const version = own.body.version;
    // 盘龙区 (a sibling) sees the built-in layout, never 五华区's file, and its upload is its own.
    expect(await templateOf('km-pl.officer', 'reply')).toMatchObject({ source: 'default', fileName: null });
    expect(await textOf((await get('km-pl.officer', '/api/templates/reply.docx')).rawPayload)).not.toContain('五华私有红头');
    expect((await upload('km-pl.officer', 'reply', '盘龙.docx', await replyTemplate('盘龙红头'))).body).toMatchObject({ source: 'own', version: 1 });
    expect(await templateOf('km-wh.officer', 'reply')).toMatchObject({ source: 'own', fileName: '五华私有.docx', version });
    // The city sees its own (none), not its county's: templates are per tenant.
    expect((await templateOf('km.officer', 'reply')).source).toBe('default');
    // 五华区's reply is not 盘龙区's to download.
    expect((await get('km-pl.officer', `/api/replies/${reply.id}.docx`)).statusCode).toBe(404);

    // Leaders read and download; they do not upload or remove.
    expect((await templateOf('km-wh.leader', 'reply')).fileName).toBe('五华私有.docx');
    expect((await get('km-wh.leader', '/api/templates/reply.docx')).statusCode).toBe(200);
    expect((await upload('km-wh.leader', 'reply', 'x.docx', await replyTemplate('领导'))).status).toBe(403);
    expect(code(await gql('km-wh.leader', 'mutation{ removeDocTemplate(kind:"reply"){ source } }'))).toBe('FORBIDDEN');
    // Administrators keep the layout (no archive content), as they keep warning rules.
    const byAdmin = await upload('km-wh.admin', 'disposition', '管理员.docx', (await get('km-wh.admin', '/api/templates/disposition.docx')).rawPayload);
    expect(byAdmin.status, JSON.stringify(byAdmin.body)).toBe(200);
    // Fillers and auditors: nothing.
    for (const user of ['km-wh.filler', 'km-wh.auditor']) {
      expect(code(await gql(user, TEMPLATES)), user).toBe('FORBIDDEN');
      expect((await get(user, '/api/templates/reply.docx')).statusCode, user).toBe(403);
      const refused = await upload(user, 'reply', 'x.docx', await replyTemplate('填报员'));
      expect(refused.status, user).toBe(403);
      expect(refused.body.message).toBe('无权上传 Word 模板');
      expect(code(await gql(user, 'mutation{ removeDocTemplate(kind:"reply"){ source } }')), user).toBe('FORBIDDEN');
    }
    expect(await templateOf('km-wh.officer', 'reply')).toMatchObject({ fileName: '五华私有.docx', version });

    // Every step is on the access log.
    const log = (await ok('km-wh.auditor', '{ auditEvents(first: 50) { edges { node { summary } } } }')).auditEvents.edges.map((e: any) => e.node.summary);
    expect(log.some((s: string) => s.startsWith('上传 Word 模板：廉政审查情况复函（五华私有.docx'))).toBe(true);
    expect(log.some((s: string) => s.startsWith('无权操作：上传 Word 模板'))).toBe(true);
  });
});
