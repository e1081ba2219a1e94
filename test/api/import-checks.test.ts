// What a new user tripped on in the form import (issue 13): a preview's 'ok' never fails at confirmation (age-only
// family rows from Word and WPS forms; the write rehearsed at preview), refusals in Chinese without a library's
// English text (XML, zip, docx, xlsx, lrmx, JSON, GraphQL input values), the stale-save message naming who made
// the newer version and what they did, and export → import of every field with an empty diff.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import sharp from 'sharp';
import { sql } from 'kysely';
import { loadPrincipal } from '../../services/api/src/auth/principal.js';
import { defineAbilities } from '../../services/api/src/authz/abilities.js';
import { fieldKeys } from '../../services/api/src/crypto/fields.js';
import { setScope } from '../../services/api/src/db/scope.js';
import { restCommandContext } from '../../services/api/src/modules/command.js';
import { planFromForm, rehearseWrite, writeRefusal } from '../../services/api/src/modules/imports/apply.js';
import { birthFromAge, currentMonth } from '../../services/api/src/modules/imports/model.js';
import { inputRefusal } from '../../services/api/src/graphql/hardening.js';
import { createTestApp, uploadForms, type TestApp } from '../helpers/app.js';
import { engineName, testConfig } from '../helpers/db.js';
import { idFor } from '../helpers/id-number.js';

let t: TestApp;
const tokens = new Map<string, string>();
const tok = async (u: string) => tokens.get(u) ?? tokens.set(u, await t.login(u)).get(u)!;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'forms');
const fixture = (f: string) => fs.readFileSync(path.join(FIXTURES, f));
const han = () => '甲乙丙丁戊己庚辛壬癸'[Math.floor(Math.random() * 10)] + '子丑寅卯辰巳午未申酉'[Math.floor(Math.random() * 10)];

const upload = (token: string, files: { name: string; data: Buffer }[]) => uploadForms(t.app, token, files);
const confirm = async (token: string, batchId: string, body: object | string) => {
  const res = await t.app.inject({
    method: 'POST', url: `/api/imports/${batchId}/confirm`, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    payload: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.statusCode, body: res.json() };
};
/** A unit of the caller's own tenant to import into (looked up, never a demo name). */
const someUnit = async (token: string) => (await t.gql(token, '{ units { id name parentId } }')).data.units[0].id as string;
const FAMILY = 'family { relation name birthMonth politicalStatus workPosition }';

/** English words a library writes into its errors (the user must read Chinese). */
const ENGLISH = /\b(char|expected|unexpected|invalid|token|error|unclosed|closing|attribute|variable|cannot|represent|found|value|position|json|end of)\b/i;

describe(`form import checks (${engineName})`, () => {
  it('age-only family rows from Word and WPS forms: preview derives the birth month and says so, confirmation writes them', async () => {
    const officer = await tok('km-wh.officer');
    const up = await upload(officer, [{ name: 'word-age.docx', data: fixture('word-style-age.docx') }, { name: 'wps.docx', data: fixture('wps-style.docx') }]);
    expect(up.status).toBe(200);
    const [word, wps] = up.body.files;
    expect([word.status, wps.status]).toEqual(['ok', 'ok']);
    // Word: ages refer to the form's 填表时间 2025.06; 53 and 80 years then.
    expect(word.fields.JiaTingChengYuan.map((f: any) => [f.XingMing, f.ChuShengRiQi])).toEqual([['陈红', '197206'], ['周德明', '194506']]);
    expect(word.warnings.join('\n')).toContain('家庭成员「陈红」只有年龄（53岁），出生年月按 2025.06 时的年龄推算为 1972.06');
    // WPS: no 计算年龄时间 or 填表时间 on the form — the age is taken as of this month.
    const now = currentMonth();
    expect(wps.fields.JiaTingChengYuan[0].ChuShengRiQi).toBe(birthFromAge(45, now));
    expect(wps.warnings.join('\n')).toContain('只有年龄（45岁）');

    const done = await confirm(officer, up.body.batchId, { unitId: await someUnit(officer) });
    expect(done.status).toBe(200);
    expect(done.body.errors).toEqual([]);
    expect(done.body.cadres).toHaveLength(2);
    const fam = async (id: string) => (await t.gql(officer, `query($id:ID!){ cadre(id:$id){ ${FAMILY} } }`, { id })).data.cadre.family;
    expect(await fam(done.body.cadres[0].id)).toEqual([
      { relation: '妻子', name: '陈红', birthMonth: '197206', politicalStatus: '中共党员', workPosition: '五华区人民医院医生' },
      { relation: '父亲', name: '周德明', birthMonth: '194506', politicalStatus: null, workPosition: '退休' },
    ]);
    expect((await fam(done.body.cadres[1].id))[0]).toMatchObject({ name: '赵强', birthMonth: birthFromAge(45, now) });
  });

  it('an .lrmx whose family member has an age or an unreadable birth date previews and confirms alike', async () => {
    const officer = await tok('km-wh.officer');
    const name = `年龄${han()}`;
    const item = (n: string, birth: string) => `<Item><ChengWei>子女</ChengWei><XingMing>${n}</XingMing><ChuShengRiQi>${birth}</ChuShengRiQi><ZhengZhiMianMao></ZhengZhiMianMao><GongZuoDanWeiJiZhiWu></GongZuoDanWeiJiZhiWu></Item>`;
    const lrmx = `<?xml version="1.0" encoding="UTF-8"?><Person><XingMing>${name}</XingMing><ChuShengNianYue>198001</ChuShengNianYue>`
      + `<JianLi>2001.07--2003.01\n2003.01--  某单位科员</JianLi><JiaTingChengYuan>${item('甲', '21岁')}${item('乙', '不详')}${item('丙', '')}</JiaTingChengYuan>`
      + '<JiSuanNianLingShiJian>202601</JiSuanNianLingShiJian></Person>';
    const up = await upload(officer, [{ name: 'a.lrmx', data: Buffer.from(lrmx) }]);
    const f = up.body.files[0];
    expect(f.status).toBe('ok');
    expect(f.fields.JiaTingChengYuan.map((x: any) => x.ChuShengRiQi)).toEqual(['200501', '', '']);
    expect(f.warnings.join('\n')).toMatch(/「乙」的出生日期「不详」无法识别/);
    // A resume line with dates but no content is refused at preview (cadre_resume requires content), not at confirmation.
    expect(f.warnings.join('\n')).toContain('简历「2001.07--2003.01」没有内容，未导入');
    const done = await confirm(officer, up.body.batchId, { unitId: await someUnit(officer) });
    expect(done.body.errors).toEqual([]);
    const c = (await t.gql(officer, `query($id:ID!){ cadre(id:$id){ resume { content } ${FAMILY} } }`, { id: done.body.cadres[0].id })).data.cadre;
    expect(c.family.map((x: any) => x.birthMonth)).toEqual(['200501', null, null]);
    expect(c.resume).toEqual([{ content: '某单位科员' }]);
  });

  it('preview rehearses the write: what the database would refuse is an error at preview, in Chinese, and nothing stays', async () => {
    const officer = await tok('km-wh.officer');
    const claims = JSON.parse(Buffer.from(officer.split('.')[1], 'base64url').toString()) as { sub: string; sid: string };
    const keys = fieldKeys(testConfig().fieldSecret);
    await t.database.db.transaction().execute(async (trx) => {
      await setScope(trx, null);
      const principal = (await loadPrincipal(trx, { userId: claims.sub, sessionId: claims.sid }))!;
      await setScope(trx, principal.tenantPath);
      const c = restCommandContext({ trx, principal, ability: defineAbilities(principal) }, keys);
      const unitId = (await trx.selectFrom('unit').select('id').where('tenant_id', '=', principal.tenantId).executeTakeFirstOrThrow()).id;
      const name = `预演${han()}`;
      const plan = planFromForm({ XingMing: name, ChuShengNianYue: '198003' });
      const count = async () => Number((await sql<{ n: string }>`select count(*) as n from cadre where name = ${name}`.execute(trx)).rows[0].n);
      expect(await rehearseWrite({ command: c, store: null as never }, plan, unitId)).toBeNull();
      // A family row that slipped past the form's checks (the old '' birth month) is what the database refuses.
      const refused = await rehearseWrite({ command: c, store: null as never }, { ...plan, family: [{ relation: '子女', name: '某', birthMonth: '' }] }, unitId);
      expect(refused?.error).toBe('「家庭主要成员及重要社会关系」不符合档案的要求（格式或长度不符），无法写入档案；请核对该文件后重新导入');
      expect(refused?.error).not.toMatch(ENGLISH);
      // The transaction goes on (the savepoint was rolled back) and the rehearsals left nothing behind.
      expect(await count()).toBe(0);
      await trx.selectFrom('unit').select('id').limit(1).execute();
    });
    expect(writeRefusal({ code: '22001', table: 'cadre' })).toBe('「基本信息」不符合档案的要求（内容过长），无法写入档案；请核对该文件后重新导入');
    expect(writeRefusal(new Error('boom'))).not.toMatch(ENGLISH);
  });

  it('malformed files, JSON bodies and GraphQL input values are refused in Chinese, without the libraries\' English', async () => {
    const officer = await tok('km-wh.officer');
    const docxWith = async (part: string, xml: string) => {
      const z = await JSZip.loadAsync(fixture('word-style.docx'));
      z.file(part, xml);
      return z.generateAsync({ type: 'nodebuffer' });
    };
    const files = [
      { name: 'a.lrmx', data: Buffer.from('<?xml version="1.0" encoding="UTF-8"?><Person><XingMing>张三</XingMing><这 是>1</这 是></Person>') },
      { name: 'b.lrmx', data: Buffer.from('<Person><XingMing>张三</XingMing><MinZu a=1>汉族</MinZu></Person>') },
      { name: 'c.lrmx', data: Buffer.from('<Person><XingMing>张三</XingMing>') },
      { name: 'd.lrmx', data: Buffer.from('<Person><XingMing>张三</MinZu></Person>') },
      { name: 'e.docx', data: await docxWith('word/document.xml', '<w:document><w:body><w:p>这</w:body></w:document>') },
      { name: 'f.docx', data: Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(200, 7)]) },
      { name: 'g.xlsx', data: Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(200, 9)]) },
      { name: 'h.zip', data: Buffer.from('PK\x05\x06 not a zip') },
      { name: 'i.lrmx', data: Buffer.from([0x3c, 0x50, 0xff, 0xfe, 0x00]) },
    ];
    const up = await upload(officer, files);
    expect(up.status).toBe(200);
    for (const f of up.body.files) {
      expect(f.status, f.name).toBe('error');
      const reason = String(f.error).slice(f.name.length + 1);
      expect(reason, f.error).toMatch(/[\u4e00-\u9fff]/);
      expect(reason, f.error).not.toMatch(ENGLISH);
    }
    expect(up.body.files[0].error).toMatch(/^a\.lrmx：文件不是完整的 XML（第 1 行.+），文件可能已损坏或被截断$/);

    // A JSON body that is not JSON.
    const bad = await confirm(officer, '00000000-0000-4000-8000-000000000000', '{"unitId": 这');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toBe('请求内容不是有效的 JSON');

    // GraphQL input values of the wrong type, as variables and as literals.
    const asVar = await t.gql(officer, 'mutation($id:ID!, $v:Int!){ updateCadre(id:$id, version:$v, input:{}){ id } }', { id: '00000000-0000-4000-8000-000000000000', v: '第二版' });
    expect(asVar.errors?.[0].message).toBe('参数 v 的值无效（应为整数）');
    const missing = await t.gql(officer, 'mutation($id:ID!, $v:Int!){ updateCadre(id:$id, version:$v, input:{}){ id } }', { id: '00000000-0000-4000-8000-000000000000' });
    expect(missing.errors?.[0].message).toBe('缺少必填参数 v');
    const literal = await t.gql(officer, 'mutation { updateCadre(id:"00000000-0000-4000-8000-000000000000", version:"二", input:{}){ id } }');
    expect(literal.errors?.[0].message).toBe('参数的值无效（应为整数）');
    const field = await t.gql(officer, 'mutation($p:CadrePatch!){ updateCadre(id:"00000000-0000-4000-8000-000000000000", version:1, input:$p){ id } }', { p: { sortOrder: 'x' } });
    expect(field.errors?.[0].message).toMatch(/^参数 p 的值无效/);
    for (const r of [asVar, missing, literal, field]) expect(r.errors?.[0].message).not.toMatch(ENGLISH);
    // The shape of a query (a developer's mistake) keeps graphql-js's words.
    expect(inputRefusal('Cannot query field "cadrez" on type "Query".')).toBeNull();
  });

  it('a stale save names who made the newer version and what they did: an officer\'s review, an import', async () => {
    const filler = await tok('km-wh.filler');
    const officer = await tok('km-wh.officer');
    const cadreId = (await t.gql(filler, '{ cadres(first:1){ edges { node { id } } } }')).data.cadres.edges[0].node.id;
    const officerName = (await t.gql(officer, '{ me { displayName } }')).data?.me?.displayName as string | undefined;
    const gift = (giver: string) => ({ gift: { occurredOn: '2026-11-01', giver, giftKind: '礼品', description: '茶叶', amount: '100', handling: '上交组织', handedOn: '2026-11-02' } });
    const rec = (await t.gql(filler, 'mutation($c:ID!,$f:RecordFieldsInput!){ createRecord(cadreId:$c, category:2, fields:$f){ id version } }', { c: cadreId, f: gift('甲') })).data.createRecord;
    expect((await t.gql(officer, 'mutation($id:ID!){ reviewRecord(id:$id, version:1, decision:"accept"){ version } }', { id: rec.id })).data.reviewRecord.version).toBe(2);
    const stale = await t.gql(filler, 'mutation($id:ID!,$f:RecordFieldsInput!){ updateRecord(id:$id, version:1, fields:$f){ id } }', { id: rec.id, f: gift('乙') });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: 2, action: 'accept' });
    const msg = stale.errors![0].message;
    expect(msg).toMatch(/^该记录已被 .+（纪检干部） 于 \d{4}-\d\d-\d\d \d\d:\d\d 审核通过（当前为第 2 版），请刷新后再修改$/);
    if (officerName) expect(msg).toContain(`已被 ${officerName}（纪检干部）`);
    expect(msg).not.toContain('填报员');

    // A cadre changed by an import: the stale GraphQL save is told so.
    const name = `冲突${han()}`;
    const first = await upload(officer, [{ name: 'a.lrmx', data: Buffer.from(`<Person><XingMing>${name}</XingMing><ChuShengNianYue>198105</ChuShengNianYue></Person>`) }]);
    const id = (await confirm(officer, first.body.batchId, { unitId: await someUnit(officer) })).body.cadres[0].id;
    const again = await upload(officer, [{ name: 'b.lrmx', data: Buffer.from(`<Person><XingMing>${name}</XingMing><ChuShengNianYue>198105</ChuShengNianYue><XianRenZhiWu>科员</XianRenZhiWu></Person>`) }]);
    expect((await confirm(officer, again.body.batchId, {})).body.cadres[0].id).toBe(id);
    const staleCadre = await t.gql(officer, 'mutation($id:ID!){ updateCadre(id:$id, version:1, input:{ position:"副科长" }){ id } }', { id });
    expect(staleCadre.errors?.[0].message).toMatch(/^该干部的基本信息已被 .+（纪检干部） 于 \d{4}-\d\d-\d\d \d\d:\d\d 导入审批表时修改（当前为第 2 版），请刷新后再修改$/);
  });

  it('a cadre with every field filled, exported as .docx and as .lrmx, imports back with an empty diff', async () => {
    const officer = await tok('km-wh.officer');
    const unitId = await someUnit(officer);
    const name = `往返${han()}`;
    const idNumber = idFor(`53010219760415${String(100 + Math.floor(Math.random() * 899))}`);
    const basic = {
      name, sex: '女', birthMonth: '197604', ethnicity: '回族', nativePlace: '云南大理', birthPlace: '云南巍山', partyJoin: '199907', workStart: '199807',
      health: '健康', politicalStatus: '中共预备党员', professionalTitle: '高级会计师', specialty: '审计监督、财务管理',
      eduFtLevel: '大学', eduFtDegree: '管理学学士', eduFtLevelSchool: '云南财经大学会计学院会计学专业', eduFtDegreeSchool: '云南财经大学会计学院会计学专业',
      eduPtLevel: '研究生', eduPtDegree: '管理学硕士', eduPtLevelSchool: '云南大学工商管理学院工商管理专业', eduPtDegreeSchool: '云南大学工商管理学院',
      position: '五华区审计局副局长', proposedPosition: '五华区审计局局长', proposedRemoval: '五华区审计局副局长', rewards: '2021年度嘉奖\n2023年度记三等功',
      assessmentSummary: '2023年度优秀；2024年度称职', appointmentReason: '工作需要', reportingUnit: '中共昆明市五华区委组织部', idNumber,
    };
    const made = await t.gql(officer, 'mutation($i:CadreInput!){ createCadre(input:$i){ id version } }', { i: { ...basic, unitId } });
    expect(made.errors).toBeUndefined();
    const { id } = made.data.createCadre;
    const rows = await t.gql(officer, 'mutation($id:ID!,$p:CadrePatch!){ updateCadre(id:$id, version:1, input:$p){ version } }', {
      id, p: {
        resume: [
          { startMonth: '199409', endMonth: '199807', content: '云南财经大学会计学院会计学专业学习' },
          { startMonth: '199807', endMonth: '201512', content: '五华区审计局科员、副主任科员\n（其间：2008.09--2011.07 在云南大学工商管理专业在职研究生学习）' },
          { startMonth: '201512', endMonth: null, content: '五华区审计局副局长' },
        ],
        family: [
          { relation: '丈夫', name: '马强', birthMonth: '197411', politicalStatus: '中共党员', workPosition: '五华区人民法院法官' },
          { relation: '女儿', name: '马小雨', birthMonth: '200309', politicalStatus: '共青团员', workPosition: '云南大学学生' },
          { relation: '母亲', name: '李秀英', birthMonth: null, politicalStatus: '群众', workPosition: '退休' },
        ],
      },
    });
    expect(rows.errors).toBeUndefined();
    const photo = await sharp({ create: { width: 300, height: 400, channels: 3, background: '#4477aa' } }).jpeg().toBuffer();
    const put = await t.app.inject({ method: 'PUT', url: `/api/cadres/${id}/photo`, headers: { authorization: `Bearer ${officer}`, 'content-type': 'image/jpeg' }, payload: photo });
    expect(put.statusCode).toBe(200);

    for (const format of ['docx', 'lrmx'] as const) {
      const x = await t.app.inject({ method: 'GET', url: `/api/cadres/${id}/export.${format}`, headers: { authorization: `Bearer ${officer}` } });
      expect(x.statusCode).toBe(200);
      const back = await upload(officer, [{ name: `export.${format}`, data: x.rawPayload }]);
      const f = back.body.files[0];
      expect(f.status, format).toBe('ok');
      // The .lrmx carries the ID number; the printed Word form has none and is matched by name and birth month.
      expect(f.match, format).toMatchObject({ cadreId: id, by: format === 'lrmx' ? 'idNumber' : 'nameBirth' });
      expect(f.match.diff, format).toEqual([]);
      // Confirming the empty diff changes nothing: its revision records only where it came from.
      expect((await confirm(officer, back.body.batchId, { unitId })).body.errors).toEqual([]);
      const after = (await t.gql(officer, 'query($id:ID!){ cadre(id:$id){ politicalStatus history { version changes { label } } } }', { id })).data.cadre;
      expect(after.politicalStatus).toBe('中共预备党员');
      expect(after.history[0].changes.map((c: any) => c.label).filter((l: string) => l !== '来源'), format).toEqual([]);
    }
  });

  it('a filler\'s form that matches an existing archive is refused at preview (its changes go to review), and nothing changes', async () => {
    const officer = await tok('km-wh.officer'), filler = await tok('km-wh.filler');
    const unitId = await someUnit(filler);
    const name = `审改${han()}`;
    const made = await t.gql(officer, 'mutation($i:CadreInput!){ createCadre(input:$i){ id version position } }',
      { i: { name, unitId, birthMonth: '198103', position: '科员' } });
    const cadre = made.data.createCadre;
    const form = `<?xml version="1.0" encoding="UTF-8"?><Person><XingMing>${name}</XingMing><ChuShengNianYue>198103</ChuShengNianYue><XianRenZhiWu>副主任</XianRenZhiWu></Person>`;
    const byFiller = await upload(filler, [{ name: 'a.lrmx', data: Buffer.from(form) }]);
    expect(byFiller.body.files[0].match).toMatchObject({ cadreId: cadre.id });
    expect(byFiller.body.files[0].status).toBe('error');
    expect(byFiller.body.files[0].error).toContain('须在档案中编辑基本信息并提交审核');
    const tried = await confirm(filler, byFiller.body.batchId, {});
    expect(tried.body.cadres ?? []).toEqual([]);
    const after = (await t.gql(officer, 'query($id:ID!){ cadre(id:$id){ version position } }', { id: cadre.id })).data.cadre;
    expect(after).toEqual({ version: cadre.version, position: '科员' });
    // The officer's own import of the same form is a direct update.
    const byOfficer = await upload(officer, [{ name: 'a.lrmx', data: Buffer.from(form) }]);
    expect(byOfficer.body.files[0].status).toBe('ok');
  });
});
