// The archive as JPG pages (docs/print.md): GET /api/cadres/:id/print.zip answers a zip of A4-proportioned JPEGs at
// 150 dpi or more, one per page, more pages with more records; reach and 404s as export.docx; an audit row per print.
// The name on the pages is checked on the layout's text layer and, where pdftotext exists, in the intermediate PDF.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import yauzl from 'yauzl';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { engineName } from '../helpers/db.js';
import { pageText, type PrintArchive, type PrintField } from '../../services/api/src/modules/print/layout.js';
import { renderPdf } from '../../services/api/src/modules/print/render.js';
import { PRINT_DPI } from '../../shared/print.js';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

const SHOTS = process.env.SCREENSHOTS === '1';
const CADRE = `mutation($i:CadreInput!){ createCadre(input:$i){ id name } }`;
const CREATE = `mutation($c:ID!,$cat:Int!,$f:RecordFieldsInput!,$m:[RecordMaterialInput!]){ createRecord(cadreId:$c, category:$cat, fields:$f, materials:$m){ id status } }`;

/** The zip's entries (name → bytes). */
function unzip(buf: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buf, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      const out = new Map<string, Buffer>();
      zip.on('entry', (e: yauzl.Entry) => zip.openReadStream(e, (er, s) => {
        if (er || !s) return reject(er);
        const chunks: Buffer[] = [];
        s.on('data', (c: Buffer) => chunks.push(c)).on('end', () => { out.set(e.fileName, Buffer.concat(chunks)); zip.readEntry(); });
      }));
      zip.on('end', () => resolve(out)).on('error', reject);
      zip.readEntry();
    });
  });
}

const print = (token: string, id: string) => t.app.inject({ method: 'GET', url: `/api/cadres/${id}/print.zip`, headers: { authorization: `Bearer ${token}` } });

async function pagesOf(token: string, id: string) {
  const res = await print(token, id);
  expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
  expect(res.headers['content-type']).toBe('application/zip');
  const entries = await unzip(res.rawPayload);
  expect([...entries.keys()]).toEqual([...entries.keys()].map((_, i) => `page-${String(i + 1).padStart(2, '0')}.jpg`));
  return [...entries.values()];
}

const gift = (i: number) => ({ gift: {
  occurredOn: `2025-0${1 + (i % 9)}-1${i % 10}`, giver: `某公司经理${i}`, giftKind: '礼金', amount: `${1000 + i}.00`, handling: '上交组织',
  remarks: '当场婉拒未果，次日如数上交机关纪委并登记。'.repeat(3),
} });
const clue = (i: number) => ({ clue: {
  receivedOn: '2025-03-01', source: '信访举报', summary: `反映其违规接受宴请问题线索第${i}件。`.repeat(12), disposalMode: '谈话函询', handlingStatus: '办理中',
} });

describe(`archive print as JPG pages (${engineName})`, () => {
  let officer: string, cadreId: string, name: string;

  beforeAll(async () => {
    officer = await t.login('km-wh.officer');
    // A cadre in the filler's unit, so the filler may print it too.
    const fillerUnits = (await t.gql(await t.login('km-wh.filler'), '{ units(tenantCode:"km-wh"){ id } }')).data.units;
    name = `印档${String.fromCharCode(0x4e00 + Math.floor(Math.random() * 5000))}`;
    cadreId = (await t.gql(officer, CADRE, { i: { name, unitId: fillerUnits[0].id, position: '五华区纪委监委第一监督检查室主任', birthMonth: '197604' } })).data.createCadre.id;
    const photo = await sharp({ create: { width: 300, height: 400, channels: 3, background: '#4a6fa5' } }).png().toBuffer();
    const put = await t.app.inject({ method: 'PUT', url: `/api/cadres/${cadreId}/photo`, headers: { authorization: `Bearer ${officer}`, 'content-type': 'image/png' }, payload: photo });
    expect(put.statusCode).toBe(200);
  });

  it('answers A4-proportioned JPEGs of at least 150 dpi, not blank, more pages with more records', async () => {
    const before = await pagesOf(officer, cadreId);
    expect(before.length).toBeGreaterThanOrEqual(3); // cover, basic information, … catalogue
    for (const jpg of before) {
      const m = await sharp(jpg).metadata();
      expect(m.format).toBe('jpeg');
      expect(m.width!).toBeGreaterThanOrEqual(1240);
      expect(Math.abs(m.height! / m.width! - 297 / 210) / (297 / 210)).toBeLessThan(0.01);
      expect(m.density).toBe(PRINT_DPI);
    }
    // The cover is not blank: ink on paper (a blank page has no variance).
    const stats = await sharp(before[0]).greyscale().stats();
    expect(stats.channels[0].stdev).toBeGreaterThan(10);
    expect(stats.channels[0].min).toBeLessThan(60);

    for (let i = 0; i < 14; i++) {
      const r = await t.gql(officer, CREATE, { c: cadreId, cat: 2, f: gift(i), m: [{ name: `上交礼金登记表${i}`, formedOn: '2025-03-02', pages: 2 }] });
      expect(r.data?.createRecord.status, JSON.stringify(r.errors)).toBe('accepted');
    }
    const after = await pagesOf(officer, cadreId);
    expect(after.length).toBeGreaterThan(before.length);
    if (SHOTS) {
      fs.mkdirSync('screenshots', { recursive: true });
      for (const [i, jpg] of after.slice(0, 4).entries()) await sharp(jpg).png().toFile(`screenshots/print-page-${i + 1}.png`);
    }
  });

  it('a sibling tenant\'s officer and an unknown id get the same 404; an administrator is refused; each print is audited', async () => {
    const sibling = await t.login('km-pl.officer');
    const foreign = await print(sibling, cadreId);
    const unknown = await print(sibling, '00000000-0000-4000-8000-000000000000');
    const malformed = await print(sibling, 'not-a-uuid');
    expect(foreign.statusCode).toBe(404);
    expect([unknown.statusCode, unknown.body]).toEqual([404, foreign.body]);
    expect([malformed.statusCode, malformed.body]).toEqual([404, foreign.body]);
    expect((await t.app.inject({ method: 'GET', url: `/api/cadres/${cadreId}/print.zip` })).statusCode).toBe(401);
    const admin = await print(await t.login('km-wh.admin'), cadreId);
    expect(admin.statusCode).toBe(403);

    const leader = await t.login('km-wh.leader');
    expect((await print(leader, cadreId)).statusCode).toBe(200);
    const auditor = await t.login('km-wh.auditor');
    const rows = (await t.gql(auditor, 'query($c:ID){ auditEvents(first:20, filter:{ cadreId:$c, text:"打印廉政档案" }){ edges { node { username summary kind outcome operation } } } }', { c: cadreId }))
      .data.auditEvents.edges.map((e: any) => e.node);
    expect(rows).toContainEqual({ username: 'km-wh.leader', summary: `打印廉政档案（图片）：${name}`, kind: 'read', outcome: 'success', operation: 'GET /api/cadres/:id/print.zip' });
    const refused = (await t.gql(await t.login('km-pl.auditor'), '{ auditEvents(first:20, filter:{ text:"打印廉政档案" }){ edges { node { summary outcome } } } }')).data.auditEvents.edges.map((e: any) => e.node);
    expect(refused).toContainEqual({ summary: '打印廉政档案（图片）（失败：干部不存在）', outcome: 'failure' });
  });

  it('a filler prints only what it may see: no categories 8 and 9, accepted records only', async () => {
    for (let i = 0; i < 6; i++) expect((await t.gql(officer, CREATE, { c: cadreId, cat: 8, f: clue(i) })).data?.createRecord.status).toBe('accepted');
    const filler = await t.login('km-wh.filler');
    // The filler's own entry waits for review: not printed.
    expect((await t.gql(filler, CREATE, { c: cadreId, cat: 2, f: gift(99) })).data?.createRecord.status).toBe('pending');
    const officerPages = await pagesOf(officer, cadreId);
    const fillerPages = await pagesOf(filler, cadreId);
    expect(fillerPages.length).toBeLessThan(officerPages.length);
    const auditor = await t.login('km-wh.auditor');
    const rows = (await t.gql(auditor, 'query($c:ID){ auditEvents(first:20, filter:{ cadreId:$c, text:"打印廉政档案" }){ edges { node { username detail } } } }', { c: cadreId }))
      .data.auditEvents.edges.map((e: any) => ({ username: e.node.username, detail: JSON.parse(e.node.detail) }));
    const byFiller = rows.find((r: any) => r.username === 'km-wh.filler')!.detail;
    expect(byFiller.categories).toEqual([1, 2, 3, 4, 5, 6, 7, 10, 11, 12]);
    expect(byFiller.records).toBe(14);
    const byOfficer = rows.find((r: any) => r.username === 'km-wh.officer')!.detail;
    expect(byOfficer.categories).toHaveLength(12);
    expect(byOfficer.records).toBe(20);
  });
});

describe('print layout: the text on the pages', () => {
  const archive = (records: number): PrintArchive => ({
    classification: '内部', name: '张建华', tenantName: '昆明市五华区纪委监委', unitName: '第一监督检查室', position: '主任',
    photoRows: [[{ label: '姓名', value: '张建华' }, { label: '性别', value: '男' }, { label: '出生年月（岁）', value: '1976.04（50岁）' }]],
    basic: [{ label: '民族', value: '汉族' }, { label: '公民身份号码', value: '530102************', wide: true }],
    resume: [{ when: '1998.07—2005.03', content: '某县纪委干部' }], appointments: [], family: [],
    categories: [
      { id: 1, numeral: '一', title: '个人基本信息、任免情况、个人有关事项报告情况', records: [] },
      { id: 2, numeral: '二', title: '拒收或上交礼金、礼品情况', records: Array.from({ length: records }, (_, i) => ({
        fields: [{ label: '送礼人', value: `送礼人${i}` }, { label: '备注', value: '长文'.repeat(900), wide: true }],
        materials: [{ name: `材料${i}`, formedOn: '2025-01-01', pages: 1 }], reviewedBy: '审核人',
      })) },
      { id: 3, numeral: '三', title: '操办婚丧喜庆事宜情况', records: [] },
    ],
    printedBy: '纪检干部（km-wh.officer）', printedAt: '2026-12-02 10:00',
  });

  it('names the cadre on the cover and in every header, marks the 密级, prints 无记录 and numbers the pages', async () => {
    const { pages, pdf } = await renderPdf(archive(3), null);
    expect(pageText(pages[0])).toContain('张建华');
    expect(pageText(pages[0])).toContain('密级：内部');
    const rest = pages.slice(1);
    for (const [i, p] of rest.entries()) {
      expect(pageText(p)).toContain('密级：内部');
      expect(pageText(p)).toContain('廉政档案 · 张建华');
      expect(pageText(p)).toContain(`第 ${i + 2} 页　共 ${pages.length} 页`);
    }
    const all = pages.map(pageText).join('\n');
    expect(all).toContain('三、操办婚丧喜庆事宜情况\n无记录');
    expect(all).toContain('材料目录');
    // A record longer than a page is continued, never cut off: every line of it is printed.
    expect(all.split('\n').filter((l) => /^[长文]+$/.test(l)).join('').length).toBe(3 * 1800);
    // The PDF's own text layer (where poppler's pdftotext is installed).
    if (spawnSync('pdftotext', ['-v']).status === 0) {
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lz-print-')), 'a.pdf');
      fs.writeFileSync(file, pdf);
      const text = execFileSync('pdftotext', ['-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' });
      expect(text).toContain('张建华');
      expect(text).toContain('密级：内部');
    }
  });

  it('never leaves a category heading at the foot of a page without its first record', async () => {
    const a = archive(0);
    a.categories = Array.from({ length: 12 }, (_, k) => ({
      id: k + 1, numeral: String(k + 1), title: `类别${k + 1}`, records: Array.from({ length: 2 }, (_, i) => ({
        fields: Array.from({ length: 6 + k }, (_, j): PrintField => ({ label: `字段${j}`, value: `内容${i}-${j}` })).concat([{ label: '备注', value: '说明'.repeat(40 * (k + 1)), wide: true }]),
        materials: [], reviewedBy: null,
      })),
    }));
    const { pages } = await renderPdf(a, null);
    expect(pages.length).toBeGreaterThan(4);
    for (const p of pages.slice(1)) {
      const lines = pageText(p).split('\n').filter((l) => !/^第 \d+ 页/.test(l));
      expect(lines[lines.length - 1]).not.toMatch(/^\d+、类别/);
      // A caption is never the last thing on a page either.
      expect(lines[lines.length - 1]).not.toMatch(/^第 \d+ 条/);
    }
  });

  it('stops at the page cap with a notice', async () => {
    const { pages, truncated } = await renderPdf(archive(160), null);
    expect(pages.length).toBe(200);
    expect(truncated).toBe(true);
    expect(pageText(pages[199])).toContain('以下内容未输出');
  });
});
