// 预警处置与整改 through the API (docs/dispositions.md): numbering per tenant and year, due dates in working days,
// the warning snapshot, a filler's scope, the rectification → review → close flow (audited), forged and foreign ids,
// hostile uploads, the notice as .docx and the ledger as .xlsx, the template's inheritance and the overdue evaluator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { withScope } from '../../services/api/src/db/scope.js';
import { readZip } from '../../services/api/src/modules/imports/safe-zip.js';
import { overdueRectification } from '../../services/api/src/modules/warnings/evaluators/overdue-rectification.js';
import { DEFAULT_SCHEME } from '../../shared/warnings.js';
import { beijingTime } from '../../shared/time.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { engineName } from '../helpers/db.js';
import { rawZip } from '../helpers/zip.js';

let t: TestApp;
const tokens = new Map<string, string>();
const tok = async (u: string) => tokens.get(u) ?? tokens.set(u, await t.login(u)).get(u)!;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

const CASE = `id docNumber kind title colour issuer issuedOn dueOn rectifyWorkingDays status statusLabel acceptedOn body requirements version
  cadre { id name unitName tenantCode } warning { colour colourName rule { code name version } reasons records { id } asOf }
  rectifications { round text submittedBy decision decisionLabel comment reviewedBy attachments { id filename } } attachments { id filename submitted }`;
const ISSUE = `mutation($c:ID!, $k:String, $on:String, $due:String, $body:String) {
  issueDisposition(cadreId:$c, kind:$k, issuedOn:$on, dueOn:$due, body:$body) { ${CASE} } }`;
const SUBMIT = `mutation($id:ID!, $text:String!, $a:[ID!]) { submitRectification(id:$id, text:$text, attachmentIds:$a) { ${CASE} } }`;
const REVIEW = `mutation($id:ID!, $d:String!, $c:String) { reviewRectification(id:$id, decision:$d, comment:$c) { ${CASE} } }`;
const CLOSE = `mutation($id:ID!) { closeDisposition(id:$id, note:"整改到位，予以结案") { ${CASE} } }`;
const ONE = `query($id:ID!) { disposition(id:$id) { ${CASE} } }`;

async function ok<T = any>(token: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const r = await t.gql(token, query, variables);
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data as T;
}
const err = async (token: string, query: string, variables: Record<string, unknown> = {}) => (await t.gql(token, query, variables)).errors?.[0];

/** The filler's cadres (its unit) and an officer-visible cadre of 五华区 outside them. */
async function cadres() {
  const filler = await ok(await tok('km-wh.filler'), '{ cadres(first:100){ edges { node { id name } } } }');
  const mine = new Set(filler.cadres.edges.map((e: any) => e.node.id));
  const all = await ok(await tok('km-wh.officer'), '{ cadres(first:100){ edges { node { id name } } } }');
  const other = all.cadres.edges.map((e: any) => e.node).find((c: any) => !mine.has(c.id));
  return { inUnit: filler.cadres.edges.map((e: any) => e.node) as { id: string; name: string }[], other: other as { id: string; name: string } };
}

/** A computed warning for a cadre (as the recompute writes them: migration 0024 warning_hit). */
async function hit(cadreId: string, level: string, rank: number, reason: string, startsOn: string) {
  await withScope(t.database.db, 'yn', async (trx) => {
    const c = await trx.selectFrom('cadre').select(['tenant_id']).where('id', '=', cadreId).executeTakeFirstOrThrow();
    const rec = await trx.selectFrom('archive_record').select('id').where('cadre_id', '=', cadreId).limit(1).executeTakeFirst();
    await trx.insertInto('warning_hit').values({
      tenant_id: c.tenant_id, cadre_id: cadreId, rule_code: 'TEST-RED', rule_version: 3, rule_name: '测试红色规则', level, level_rank: rank,
      starts_on: startsOn, ends_on: null, record_ids: rec ? [rec.id] : [], reason,
    }).execute();
  });
}

async function upload(token: string, id: string, name: string, data: Buffer) {
  const fd = new FormData();
  fd.append('file', new Blob([new Uint8Array(data)]), name);
  const req = new Request('http://x/', { method: 'POST', body: fd });
  const res = await t.app.inject({
    method: 'POST', url: `/api/dispositions/${id}/attachments`, payload: Buffer.from(await req.arrayBuffer()),
    headers: { authorization: `Bearer ${token}`, 'content-type': req.headers.get('content-type')! },
  });
  return { status: res.statusCode, body: res.json() };
}

const get = (token: string, url: string) => t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
const todayBeijing = () => beijingTime(new Date()).slice(0, 10);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

let red: any;
let whCadres: Awaited<ReturnType<typeof cadres>>;

describe(`dispositions (${engineName})`, () => {
  it('issues a numbered 警示追究书 for a red cadre by default, due in 30 working days, with the warning snapshot', async () => {
    whCadres = await cadres();
    const cadre = whCadres.inUnit[0];
    await hit(cadre.id, 'red', 4, '撤销党内职务（2025-06-01 生效，影响期 24 个月，至 2027-05-31）', '2025-06-01');
    const officer = await tok('km-wh.officer');
    red = (await ok(officer, ISSUE, { c: cadre.id, on: '2026-09-28' })).issueDisposition;
    expect(red).toMatchObject({
      docNumber: '五纪预〔2026〕1号', kind: 'accountability', title: '警示追究书', colour: 'red', issuer: '五华区纪委监委', issuedOn: '2026-09-28',
      // 30 working days across the National Day holiday (10-01…10-07) with 调休 on Saturday 10-10: not 09-28 + 30 calendar days.
      dueOn: '2026-11-13', rectifyWorkingDays: 30, status: 'pending', statusLabel: '待整改', version: 1,
      cadre: { id: cadre.id, name: cadre.name, tenantCode: 'km-wh' },
    });
    expect(red.warning).toMatchObject({ colour: 'red', colourName: '红', asOf: '2026-09-28' });
    expect(red.warning.reasons).toContain('撤销党内职务（2025-06-01 生效，影响期 24 个月，至 2027-05-31）');
    expect(red.warning.rule).toMatchObject({ code: expect.any(String), version: expect.any(Number) });
    // The body is the template's, filled in: the cadre, the warning, the due date, the issuer.
    expect(red.body).toContain(`${cadre.name}同志：`);
    expect(red.body).toContain('撤销党内职务（2025-06-01 生效');
    expect(red.body).toContain('2026-11-13');
    expect(red.body).not.toMatch(/\{[^}]+\}/);

    // The next number of the year follows; a kind can be named by its title or code; 5 working days span the holiday.
    const next = (await ok(officer, ISSUE, { c: whCadres.other.id, k: '警示提醒', on: '2026-09-28', due: '2026-10-10' })).issueDisposition;
    expect(next).toMatchObject({ docNumber: '五纪预〔2026〕2号', kind: 'reminder', title: '警示提醒', dueOn: '2026-10-10', rectifyWorkingDays: 5 });
    // Another year starts again at 1; another tenant has its own counter and prefix.
    const lastYear = (await ok(officer, ISSUE, { c: whCadres.other.id, k: 'admonish', on: '2025-12-30' })).issueDisposition;
    expect(lastYear).toMatchObject({ docNumber: '五纪预〔2025〕1号', title: '警示诫勉书', dueOn: '2026-01-28', rectifyWorkingDays: 20 });
    const pl = await tok('km-pl.officer');
    const plCadre = (await ok(pl, '{ cadres(first:1){ edges { node { id } } } }')).cadres.edges[0].node.id;
    expect((await ok(pl, ISSUE, { c: plCadre, k: '警示提醒', on: '2026-09-28' })).issueDisposition).toMatchObject({ docNumber: '盘纪预〔2026〕1号', dueOn: '2026-10-23' });
  });

  it('refuses bad input with a Chinese message and leaves nothing behind', async () => {
    const officer = await tok('km-wh.officer');
    const count = async () => (await ok(officer, '{ dispositions(first:0){ totalCount } }')).dispositions.totalCount;
    const before = await count();
    const cadre = whCadres.other.id;
    expect((await err(officer, ISSUE, { c: cadre, k: '记大过' }))?.message).toBe('处置方式须为「警示提醒、警示诫勉书、警示追究书」之一');
    expect((await err(officer, ISSUE, { c: cadre, k: '警示提醒', on: '2099-01-01' }))?.message).toBe('发文日期不能晚于今天');
    expect((await err(officer, ISSUE, { c: cadre, k: '警示提醒', on: '2026-09-28', due: '2026-09-20' }))?.message).toBe('整改期限须晚于发文日期');
    expect((await err(officer, ISSUE, { c: cadre, k: '警示提醒', on: '2026-02-30' }))?.message).toBe('发文日期不是有效日期');
    // A cadre without a warning on the date needs a kind (the demo colours some cadres: pick one it does not).
    let unwarned: string | undefined;
    for (const c of [...whCadres.inUnit, whCadres.other]) {
      const w = await ok(officer, 'query($id:ID!){ cadre(id:$id){ warning(asOf:"2026-09-28"){ colour } } }', { id: c.id });
      if (!w.cadre.warning) { unwarned = c.id; break; }
    }
    expect(unwarned).toBeDefined();
    expect((await err(officer, ISSUE, { c: unwarned!, on: '2026-09-28' }))?.message).toBe('该干部在发文日期没有预警，请选择处置方式');
    // Forged and foreign cadres: the same clear not-found.
    const plCadre = (await ok(await tok('km-pl.officer'), '{ cadres(first:1){ edges { node { id } } } }')).cadres.edges[0].node.id;
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-an-id', plCadre]) {
      const e = await err(officer, ISSUE, { c: id, k: '警示提醒' });
      expect(e?.message).toBe('干部不存在或不在您的管理范围内');
      expect(e?.extensions?.code).toBe('NOT_FOUND');
    }
    // Nor may a filler or a leader issue one.
    expect((await err(await tok('km-wh.filler'), ISSUE, { c: cadre, k: '警示提醒' }))?.extensions?.code).toBe('FORBIDDEN');
    expect((await err(await tok('km-wh.leader'), ISSUE, { c: cadre, k: '警示提醒' }))?.extensions?.code).toBe('FORBIDDEN');
    expect(await count()).toBe(before);
  });

  it('a filler sees only its units\' cases, without colours, rules or the warning', async () => {
    const filler = await tok('km-wh.filler');
    // One more task in its units, due sooner: the nearest due date comes first.
    await ok(await tok('km-wh.officer'), ISSUE, { c: whCadres.inUnit[1].id, k: '警示提醒', on: '2026-09-28', due: '2026-10-09' });
    const tasks = (await ok(filler, `{ rectificationTasks(first:100){ totalCount edges { node { id dueOn colour warning { colour } cadre { id } } } } }`)).rectificationTasks;
    const ids = tasks.edges.map((e: any) => e.node.id);
    expect(ids).toContain(red.id);
    const dues = tasks.edges.map((e: any) => e.node.dueOn);
    expect(dues.length).toBeGreaterThanOrEqual(2);
    expect(dues).toEqual([...dues].sort());
    const inUnit = new Set(whCadres.inUnit.map((c) => c.id));
    expect(tasks.edges.every((e: any) => inUnit.has(e.node.cadre.id))).toBe(true);
    expect(tasks.edges.every((e: any) => e.node.colour === null && e.node.warning === null)).toBe(true);
    // The case of a cadre outside its units is missing to it, as is a forged id.
    const officer = await tok('km-wh.officer');
    const other = (await ok(officer, `query($c:String){ dispositions(first:50, tenantCode:$c){ edges { node { id cadre { id } } } } }`, { c: 'km-wh' }))
      .dispositions.edges.map((e: any) => e.node).find((d: any) => d.cadre.id === whCadres.other.id);
    expect((await ok(filler, ONE, { id: other.id })).disposition).toBeNull();
    expect((await ok(filler, ONE, { id: '00000000-0000-4000-8000-000000000000' })).disposition).toBeNull();
    expect((await err(filler, SUBMIT, { id: other.id, text: '越权提交' }))).toMatchObject({ message: '处置不存在或不在您的管理范围内', extensions: { code: 'NOT_FOUND' } });
    // No ledger, template or review for a filler.
    expect((await err(filler, '{ dispositions(first:1){ totalCount } }'))?.extensions?.code).toBe('FORBIDDEN');
    expect((await err(filler, '{ dispositionTemplate { issuer } }'))?.extensions?.code).toBe('FORBIDDEN');
    expect((await err(filler, REVIEW, { id: red.id, d: '通过' }))?.extensions?.code).toBe('FORBIDDEN');
    // Another tenant's officer finds nothing either.
    const pl = await tok('km-pl.officer');
    expect((await ok(pl, ONE, { id: red.id })).disposition).toBeNull();
    expect((await err(pl, REVIEW, { id: red.id, d: '通过' }))?.message).toBe('处置不存在或不在您的管理范围内');
  });

  it('refuses hostile uploads with a Chinese reason and keeps only real files', async () => {
    const filler = await tok('km-wh.filler');
    const macro = rawZip([{ name: '[Content_Types].xml', data: Buffer.from('<Types/>') }, { name: 'word/document.xml', data: Buffer.from('<w:document/>') }, { name: 'word/vbaProject.bin', data: Buffer.from('x') }]);
    const slip = rawZip([{ name: '[Content_Types].xml', data: Buffer.from('<Types/>') }, { name: '../../evil.sh', data: Buffer.from('rm -rf /') }]);
    const bomb = rawZip([{ name: '[Content_Types].xml', data: Buffer.from('<Types/>') }, { name: 'word/media/big.bin', data: Buffer.alloc(61 * 1024 * 1024), declaredSize: 10 }]);
    const cases: [string, Buffer, number, RegExp][] = [
      ['整改报告.pdf', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]), 400, /可执行程序或脚本/],
      ['整改报告.exe', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]), 400, /文件类型不允许上传/],
      ['报告.pdf.html', Buffer.from('<html><script>alert(1)</script></html>'), 400, /文件类型不允许上传/],
      ['说明.txt', Buffer.from('<!DOCTYPE html><html><script>alert(1)</script>'), 400, /网页或脚本/],
      ['照片.png', Buffer.from('GIF89a....'), 400, /不是 PNG 图片/],
      ['报告.pdf', Buffer.from('just text'), 400, /不是 PDF 文件/],
      ['宏.docx', macro, 400, /宏或 ActiveX/],
      ['越界.docx', slip, 400, /越出压缩包目录/],
      ['炸弹.docx', bomb, 400, /压缩炸弹/],
      ['空.pdf', Buffer.alloc(0), 400, /空文件/],
      ['超大.pdf', Buffer.concat([PDF, Buffer.alloc(20 * 1024 * 1024)]), 413, /超过 20 MB/],
    ];
    for (const [name, data, status, message] of cases) {
      const r = await upload(filler, red.id, name, data);
      expect(r.status, name).toBe(status);
      expect(r.body.message, name).toMatch(message);
    }
    // Not multipart, another unit's case, a forged id.
    const bare = await t.app.inject({ method: 'POST', url: `/api/dispositions/${red.id}/attachments`, headers: { authorization: `Bearer ${filler}`, 'content-type': 'application/json' }, payload: '{}' });
    expect(bare.statusCode).toBe(415);
    expect((await upload(await tok('km-pl.officer'), red.id, '报告.pdf', PDF)).status).toBe(404);
    expect((await upload(filler, '00000000-0000-4000-8000-000000000000', '报告.pdf', PDF)).status).toBe(404);
    expect((await upload(await tok('km-wh.leader'), red.id, '报告.pdf', PDF)).status).toBe(403);
    expect((await ok(await tok('km-wh.officer'), ONE, { id: red.id })).disposition.attachments).toEqual([]);
  });

  let attachment: { id: string };
  it('the filler submits a rectification with an attachment; the officer returns it, then accepts the second round and closes the case', async () => {
    const filler = await tok('km-wh.filler');
    const officer = await tok('km-wh.officer');
    const up = await upload(filler, red.id, '../../整改情况报告.pdf', PDF);
    expect(up).toMatchObject({ status: 200, body: { filename: '整改情况报告.pdf', contentType: 'application/pdf', size: PDF.length } });
    attachment = up.body;
    // Ids that are not this case's staged attachments are refused.
    for (const forged of [['00000000-0000-4000-8000-000000000000'], ['not-an-id'], ['------------------------------------'], [attachment.id, 'x']]) {
      expect((await err(filler, SUBMIT, { id: red.id, text: '已整改', a: forged }))?.message).toBe('附件不存在或不属于该处置');
    }
    const submitted = (await ok(filler, SUBMIT, { id: red.id, text: '已召开专题民主生活会，形成检视材料。', a: [attachment.id] })).submitRectification;
    expect(submitted).toMatchObject({ status: 'submitted', statusLabel: '已提交', warning: null, colour: null });
    expect(submitted.rectifications).toEqual([{
      round: 1, text: '已召开专题民主生活会，形成检视材料。', submittedBy: '五华区纪委监委填报员', decision: null, decisionLabel: null, comment: null, reviewedBy: null,
      attachments: [{ id: attachment.id, filename: '整改情况报告.pdf' }],
    }]);
    expect((await err(filler, SUBMIT, { id: red.id, text: '再次提交' }))?.message).toBe('整改情况已提交，正在等待审核');

    // The file comes back to those who may read the case, sandboxed; not to another tenant.
    const file = await get(filler, `/api/dispositions/${red.id}/attachments/${attachment.id}`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(PDF)).toBe(true);
    expect(file.headers['content-disposition']).toContain(encodeURIComponent('整改情况报告.pdf'));
    expect(file.headers['content-security-policy']).toContain('sandbox');
    expect((await get(await tok('km-pl.officer'), `/api/dispositions/${red.id}/attachments/${attachment.id}`)).statusCode).toBe(404);
    for (const forged of ['00000000-0000-4000-8000-000000000000', '------------------------------------', 'x']) {
      expect((await get(officer, `/api/dispositions/${red.id}/attachments/${forged}`)).statusCode).toBe(404);
    }

    expect((await err(officer, REVIEW, { id: red.id, d: '退回' }))?.message).toBe('退回时须填写退回意见');
    expect((await err(officer, REVIEW, { id: red.id, d: '同意' }))?.message).toBe('审核结论须为「通过」或「退回」');
    expect((await err(officer, CLOSE, { id: red.id }))?.message).toBe('整改通过验收后才能结案');
    const returned = (await ok(officer, REVIEW, { id: red.id, d: '退回', c: '检视材料不够深入，请补充整改措施' })).reviewRectification;
    expect(returned).toMatchObject({ status: 'returned', statusLabel: '已退回' });
    expect(returned.rectifications[0]).toMatchObject({ decision: 'returned', decisionLabel: '退回', comment: '检视材料不够深入，请补充整改措施', reviewedBy: '五华区纪委监委纪检干部' });

    const again = (await ok(filler, SUBMIT, { id: red.id, text: '已补充整改措施并逐项落实。' })).submitRectification;
    expect(again.rectifications.map((r: any) => r.round)).toEqual([1, 2]);
    const accepted = (await ok(officer, REVIEW, { id: red.id, d: '通过', c: '整改到位' })).reviewRectification;
    expect(accepted).toMatchObject({ status: 'accepted', statusLabel: '已通过', acceptedOn: todayBeijing() });
    expect((await err(filler, SUBMIT, { id: red.id, text: '又一次' }))?.message).toBe('该处置已通过，无需再提交整改情况');
    expect((await upload(filler, red.id, '补充.pdf', PDF)).body.message).toBe('该处置已通过，不能再上传整改材料');
    const closed = (await ok(officer, CLOSE, { id: red.id })).closeDisposition;
    expect(closed).toMatchObject({ status: 'closed', statusLabel: '已结案' });
    expect((await err(officer, CLOSE, { id: red.id }))?.message).toBe('该处置已结案');

    // The ledger filters by the Chinese status; the cadre's archive lists the case.
    const ledger = (await ok(officer, '{ dispositions(status:["已结案"], first:50){ edges { node { id status } } } }')).dispositions;
    expect(ledger.edges.map((e: any) => e.node.id)).toContain(red.id);
    expect(ledger.edges.every((e: any) => e.node.status === 'closed')).toBe(true);
    expect((await err(officer, '{ dispositions(status:["办结"], first:5){ totalCount } }'))?.message).toMatch(/^状态须为「待整改、已提交/);
    const archive = (await ok(officer, `query($id:ID!){ cadre(id:$id){ dispositions { id docNumber } } }`, { id: red.cadre.id })).cadre.dispositions;
    expect(archive.map((d: any) => d.id)).toContain(red.id);

    // Every step is in the access log, naming the cadre.
    const summaries = await withScope(t.database.db, 'yn', async (trx) => (await trx.selectFrom('audit_event').select('summary')
      .where(sql<boolean>`${red.cadre.id}::uuid = any(cadre_ids)`).execute()).map((r) => r.summary ?? ''));
    for (const label of ['下发预警处置', '上传整改材料', '提交整改情况', '审核整改情况', '预警处置结案', '下载整改材料']) {
      expect(summaries.some((s) => s.startsWith(label) && s.includes(red.cadre.name)), label).toBe(true);
    }
  });

  it('the notice is a numbered Word file; the ledger exports to Excel', async () => {
    const officer = await tok('km-wh.officer');
    const res = await get(officer, `/api/dispositions/${red.id}/docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const entries = await readZip(res.rawPayload, (p) => p === 'word/document.xml' || p === '[Content_Types].xml', '通知书');
    const xml = entries.get('word/document.xml')!.toString('utf8');
    for (const text of ['五纪预〔2026〕1号', '五华区纪委监委', '警示追究书', `${red.cadre.name}同志：`, '撤销党内职务（2025-06-01 生效', '2026年11月13日前', '整改要求']) {
      expect(xml, text).toContain(text);
    }
    expect((await get(await tok('km-wh.filler'), `/api/dispositions/${red.id}/docx`)).statusCode).toBe(403);
    expect((await get(await tok('km-pl.officer'), `/api/dispositions/${red.id}/docx`)).statusCode).toBe(404);
    expect((await get(officer, '/api/dispositions/not-an-id/docx')).statusCode).toBe(404);

    const xlsx = await get(officer, `/api/dispositions/export.xlsx?status=${encodeURIComponent('已结案')}`);
    expect(xlsx.statusCode).toBe(200);
    const book = await readZip(xlsx.rawPayload, (p) => p.startsWith('xl/'), '台账');
    const text = [...book.values()].map((b) => b.toString('utf8')).join('');
    expect(text).toContain('五纪预〔2026〕1号');
    expect(text).toContain('已结案');
    expect(text).not.toContain('五纪预〔2026〕2号');
    expect((await get(officer, `/api/dispositions/export.xlsx?status=${encodeURIComponent('完成')}`)).statusCode).toBe(400);
    expect((await get(await tok('km-wh.filler'), '/api/dispositions/export.xlsx')).statusCode).toBe(403);
  });

  it('the template: kinds inherited from the parent, letterhead and prefix the tenant\'s own', async () => {
    const km = await tok('km.officer');
    const wh = await tok('km-wh.officer');
    const TPL = '{ dispositionTemplate { issuer numberPrefix ownPrefix kinds { kind colour title rectifyWorkingDays body source } } }';
    const before = (await ok(wh, TPL)).dispositionTemplate;
    expect(before).toMatchObject({ issuer: '五华区纪委监委', numberPrefix: '五纪预', ownPrefix: false });
    expect(before.kinds.map((k: any) => [k.colour, k.title, k.rectifyWorkingDays, k.source])).toEqual([
      ['yellow', '警示提醒', 15, 'default'], ['orange', '警示诫勉书', 20, 'default'], ['red', '警示追究书', 30, 'default'],
    ]);
    await ok(km, `mutation { updateDispositionTemplate(numberPrefix:"昆纪预", kinds:[{kind:"警示提醒", rectifyWorkingDays:10, body:"{姓名}同志：请于 {整改期限} 前整改。"}]) { numberPrefix } }`);
    const after = (await ok(wh, TPL)).dispositionTemplate;
    expect(after).toMatchObject({ issuer: '五华区纪委监委', numberPrefix: '五纪预' });
    expect(after.kinds[0]).toMatchObject({ title: '警示提醒', rectifyWorkingDays: 10, body: '{姓名}同志：请于 {整改期限} 前整改。', source: 'inherited' });
    expect((await ok(km, TPL)).dispositionTemplate).toMatchObject({ numberPrefix: '昆纪预', ownPrefix: true });
    // The county's own prefix numbers its next case.
    await ok(wh, `mutation { updateDispositionTemplate(numberPrefix:"五华纪预") { numberPrefix } }`);
    const d = (await ok(wh, ISSUE, { c: whCadres.inUnit[1].id, k: '警示提醒', on: '2026-09-28' })).issueDisposition;
    expect(d).toMatchObject({ docNumber: '五华纪预〔2026〕4号', rectifyWorkingDays: 10, dueOn: '2026-10-16' });
    expect(d.body).toBe(`${whCadres.inUnit[1].name}同志：请于 2026-10-16 前整改。`);
    expect((await err(wh, 'mutation { updateDispositionTemplate(numberPrefix:"五/纪") { numberPrefix } }'))?.message).toBe('文号前缀须为 1–12 个汉字、字母或数字');
    expect((await err(wh, 'mutation { updateDispositionTemplate(kinds:[{kind:"通报批评", body:"x"}]) { numberPrefix } }'))?.message).toMatch(/^处置方式须为/);
    expect((await err(await tok('km-wh.leader'), 'mutation { updateDispositionTemplate(numberPrefix:"领导") { numberPrefix } }'))?.extensions?.code).toBe('FORBIDDEN');
  });

  it('overdue rectification escalates from the due date + grace working days until it is accepted', async () => {
    const officer = await tok('km-wh.officer');
    const cadre = whCadres.inUnit[2] ?? whCadres.inUnit[1];
    const d = (await ok(officer, ISSUE, { c: cadre.id, k: '警示诫勉书', on: '2026-09-28', due: '2026-11-13' })).issueDisposition;
    // The default rule ORANGE-RECTIFY (no grace) fires in the issuing request: overdue from the day after the due date.
    const defaultHits = () => withScope(t.database.db, 'yn', (trx) => trx.selectFrom('warning_hit')
      .select(['level', sql<string>`starts_on::text`.as('starts_on'), sql<string | null>`ends_on::text`.as('ends_on'), 'reason'])
      .where('rule_code', '=', 'ORANGE-RECTIFY').where('cadre_id', '=', cadre.id).where('reason', 'like', `%${d.docNumber}%`).execute());
    if (todayBeijing() > '2026-11-13') {
      expect(await defaultHits()).toEqual([{ level: 'orange', starts_on: '2026-11-14', ends_on: null, reason: `整改逾期：警示诫勉书（${d.docNumber}，整改期限 2026-11-13，尚未通过验收）` }]);
    }
    const group = {
      rule: {
        code: 'TEST-OVERDUE', version: 2, name: '整改逾期', kind: 'overdue' as const, level: 'orange', enabled: true, locked: false, ownerTenantId: null, id: null,
        definition: { kind: 'overdue' as const, subject: 'rectification' as const, graceWorkingDays: 5 },
      },
      scheme: { ...DEFAULT_SCHEME, version: 1, ownerTenantId: null },
      tenantIds: [] as string[],
    };
    const evaluate = () => withScope(t.database.db, 'yn', async (trx) => {
      const c = await trx.selectFrom('cadre').select('tenant_id').where('id', '=', cadre.id).executeTakeFirstOrThrow();
      await trx.deleteFrom('warning_hit').where('rule_code', '=', 'TEST-OVERDUE').execute();
      await overdueRectification(trx, { ...group, tenantIds: [c.tenant_id] }, { tenantIds: [c.tenant_id], cadreIds: [cadre.id] });
      return trx.selectFrom('warning_hit').select(['level', 'level_rank', 'rule_version', sql<string>`starts_on::text`.as('starts_on'), sql<string | null>`ends_on::text`.as('ends_on'), 'reason'])
        .where('rule_code', '=', 'TEST-OVERDUE').where('cadre_id', '=', cadre.id).execute();
    });
    // Due 11-13 (Friday), + 5 working days = 11-20: overdue from 11-21, open while not accepted.
    expect(await evaluate()).toEqual([{
      level: 'orange', level_rank: 3, rule_version: 2, starts_on: '2026-11-21', ends_on: null,
      reason: `整改逾期：警示诫勉书（${d.docNumber}，整改期限 2026-11-13，宽限 5 个工作日，尚未通过验收）`,
    }]);
    await ok(officer, SUBMIT, { id: d.id, text: '已整改' });
    expect((await evaluate())[0]).toMatchObject({ starts_on: '2026-11-21', ends_on: null });
    await ok(officer, REVIEW, { id: d.id, d: 'accepted' });
    const today = todayBeijing();
    // Accepted: the default rule's hit ends that day (the review recomputes the cadre).
    if (today > '2026-11-14') expect(await defaultHits()).toEqual([expect.objectContaining({ starts_on: '2026-11-14', ends_on: today })]);
    const hits = await evaluate();
    if (today > '2026-11-21') expect(hits).toEqual([expect.objectContaining({ starts_on: '2026-11-21', ends_on: today, reason: expect.stringContaining(`${today} 通过验收`) })]);
    else expect(hits).toEqual([]);
    // A case accepted within its time never escalates.
    const inTime = (await ok(officer, ISSUE, { c: cadre.id, k: '警示提醒', on: todayBeijing() })).issueDisposition;
    await ok(officer, SUBMIT, { id: inTime.id, text: '已整改' });
    await ok(officer, REVIEW, { id: inTime.id, d: '通过' });
    expect((await evaluate()).filter((h) => h.reason.includes(inTime.docNumber))).toEqual([]);
    await withScope(t.database.db, 'yn', (trx) => trx.deleteFrom('warning_hit').where('rule_code', '=', 'TEST-OVERDUE').execute());
  });

  it('the body, which the unit\'s filler reads, never carries a reason drawn from a clue (categories 8 and 9)', async () => {
    const officer = await tok('km-wh.officer');
    const cadre = whCadres.inUnit[whCadres.inUnit.length - 1];
    const made = await ok(officer, `mutation($c:ID!, $f:RecordFieldsInput!){ createRecord(cadreId:$c, category:8, fields:$f){ id status } }`, {
      c: cadre.id, f: { clue: { receivedOn: '2026-08-03', source: '信访举报', summary: '反映违规插手工程项目。', disposalMode: '立案审查调查', handlingStatus: '办理中' } },
    });
    expect(made.createRecord.status).toBe('accepted');
    const d = (await ok(officer, ISSUE, { c: cadre.id, on: '2026-09-28' })).issueDisposition;
    // The officer's snapshot names the open case; the body says no more than the generic wording or other reasons.
    expect(d).toMatchObject({ kind: 'accountability', colour: 'red' });
    expect(d.warning.reasons.join('；')).toContain('立案审查调查');
    expect(d.body).not.toContain('立案审查调查');
    expect(d.body).not.toContain('问题线索');
  });
});
