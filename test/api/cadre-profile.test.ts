// A cadre's basic information: every field of the appointment form, code-table values, the ID number (checksum,
// encrypted at rest with a keyed hash, masked except for officers), dated rows, optimistic locking and history.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import sharp from 'sharp';
import { withScope } from '../../services/api/src/db/scope.js';
import { validIdNumber } from '../../services/api/src/modules/cadres/fields.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { engineName } from '../helpers/db.js';
import { idFor } from '../helpers/id-number.js';

let t: TestApp;
const tokens = new Map<string, string>();
const tok = async (u: string) => tokens.get(u) ?? tokens.set(u, await t.login(u)).get(u)!;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

/** A valid GB 11643 number for a birth date, with its check character computed. */
// Unique per run: on a shared PostgreSQL database other files register ID numbers too.
const ID = idFor(`53010219750315${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`);

const PROFILE = `id name sex birthMonth ethnicity politicalStatus partyJoin workStart health eduFtLevel eduFtDegree eduFtLevelSchool
  position rank status managementLevel rewards reportingUnit version idNumber idNumberMasked
  appointments { kind position decidedOn approver } resume { startMonth endMonth content }
  family { relation name birthMonth politicalStatus workPosition } history { version action actorName changes { label from to } }`;

async function newCadre(officer: string, input: Record<string, unknown> = {}) {
  const units = (await t.gql(officer, '{ units(tenantCode:"km-wh"){ id } }')).data.units;
  const r = await t.gql(officer, `mutation($i:CadreInput!){ createCadre(input:$i){ ${PROFILE} } }`, { i: { name: '档案甲', unitId: units[0].id, ...input } });
  if (!r.data?.createCadre) throw new Error(JSON.stringify(r.errors));
  return r.data.createCadre;
}

describe(`cadre basic information (${engineName})`, () => {
  it('GB 11643 check characters are verified', () => {
    expect(validIdNumber(ID)).toBe(true);
    expect(validIdNumber(idFor('11010519491231002'))).toBe(true);
    expect(validIdNumber(ID.slice(0, 17) + (ID[17] === '0' ? '1' : '0'))).toBe(false);
    expect(validIdNumber(idFor('53010219750230123'))).toBe(false); // 30 February
    expect(validIdNumber('5301021975031512')).toBe(false);
  });

  it('the ID number is stored encrypted with a keyed hash, shown in full to officers and masked to others, and found by equality', async () => {
    const officer = await tok('km-wh.officer');
    const c = await newCadre(officer, { idNumber: ID.toLowerCase() });
    expect(c.idNumber).toBe(ID);
    expect(c.idNumberMasked).toBe(false);
    const row = await withScope(t.database.db, 'yn', (trx) => trx.selectFrom('cadre').select(['id_number_cipher', 'id_number_hash']).where('id', '=', c.id).executeTakeFirstOrThrow());
    expect(row.id_number_cipher).not.toContain(ID);
    expect(row.id_number_cipher!.startsWith('v1.')).toBe(true);
    expect(row.id_number_hash).toMatch(/^[0-9a-f]{64}$/);
    const leader = await tok('km-wh.leader');
    const seen = (await t.gql(leader, 'query($id:ID!){ cadre(id:$id){ idNumber idNumberMasked } }', { id: c.id })).data.cadre;
    expect(seen).toEqual({ idNumber: `${ID.slice(0, 6)}************`, idNumberMasked: true });
    const found = await t.gql(officer, 'query($n:String){ cadres(filter:{idNumber:$n}){ totalCount edges { node { id } } } }', { n: ID });
    expect(found.data.cadres.edges.map((e: any) => e.node.id)).toEqual([c.id]);
    const bad = await t.gql(officer, `mutation($i:CadreInput!){ createCadre(input:$i){ id } }`, { i: { name: '档案乙', unitId: (await t.gql(officer, '{ units(tenantCode:"km-wh"){ id } }')).data.units[0].id, idNumber: ID.slice(0, 17) + 'Y' } });
    expect(bad.errors?.[0].message).toBe('公民身份号码无效（18 位，校验码须符合 GB 11643）');
  });

  it('code fields take values of the national tables, shown as their labels (stored as codes: cadre-codes.test.ts)', async () => {
    const officer = await tok('km-wh.officer');
    const c = await newCadre(officer, { sex: '2', ethnicity: '汉', politicalStatus: '中共党员', rank: '一级主任科员', status: '在职', managementLevel: '市管' });
    expect(c).toMatchObject({ sex: '女', ethnicity: '汉族', politicalStatus: '中共党员', rank: '一级主任科员', managementLevel: '市管' });
    const r = await t.gql(officer, `mutation($i:CadreInput!){ createCadre(input:$i){ id } }`, { i: { name: '档案丙', unitId: (await t.gql(officer, '{ units(tenantCode:"km-wh"){ id } }')).data.units[0].id, ethnicity: '火星族' } });
    expect(r.errors?.[0].message).toBe('民族「火星族」不在中国各民族名称代码中');
  });

  it('every appointment-form field, with appointments, resume and family rows, under a version; a stale save is refused; history says what changed', async () => {
    const officer = await tok('km-wh.officer');
    const c = await newCadre(officer);
    const UPD = `mutation($id:ID!,$v:Int!,$p:CadrePatch!){ updateCadre(id:$id, version:$v, input:$p){ ${PROFILE} } }`;
    const patch = {
      birthMonth: '197503', partyJoin: '199807', workStart: '199707', health: '健康', eduFtLevel: '大学', eduFtDegree: '法学学士',
      eduFtLevelSchool: '云南大学法学院法学专业', position: '五华区财政局副局长', rewards: '2019 年度优秀公务员', reportingUnit: '中共五华区委组织部',
      appointments: [{ kind: '任职', position: '五华区财政局副局长', decidedOn: '2021-03-12', approver: '五华区委' }],
      resume: [{ startMonth: '199307', endMonth: '199707', content: '云南大学法学院法学专业学习' }, { startMonth: '199707', content: '五华区财政局工作' }],
      family: [{ relation: '妻子', name: '李某', birthMonth: '197608', politicalStatus: '中共党员', workPosition: '五华区某小学教师' }],
    };
    const u = (await t.gql(officer, UPD, { id: c.id, v: 1, p: patch })).data.updateCadre;
    expect(u).toMatchObject({ version: 2, birthMonth: '197503', partyJoin: '199807', eduFtDegree: '法学学士', reportingUnit: '中共五华区委组织部' });
    expect(u.appointments).toEqual([{ kind: '任职', position: '五华区财政局副局长', decidedOn: '2021-03-12', approver: '五华区委' }]);
    expect(u.resume).toEqual([
      { startMonth: '199307', endMonth: '199707', content: '云南大学法学院法学专业学习' }, { startMonth: '199707', endMonth: null, content: '五华区财政局工作' },
    ]);
    expect(u.family[0]).toEqual({ relation: '妻子', name: '李某', birthMonth: '197608', politicalStatus: '中共党员', workPosition: '五华区某小学教师' });
    expect(u.history[0].changes).toEqual(expect.arrayContaining([
      { label: '出生年月', from: null, to: '1975.03' }, { label: '家庭成员', from: '', to: '妻子 李某' },
      // Months in the history read as on the form (the stored revision keeps YYYYMM).
      { label: '简历', from: '', to: '1993.07-1997.07 云南大学法学院法学专业学习；1997.07- 五华区财政局工作' },
    ]));
    expect(u.history.map((h: any) => h.action)).toEqual(['update', 'create']);

    // Someone who loaded version 1 saves: refused, nothing changes.
    const stale = await t.gql(officer, UPD, { id: c.id, v: 1, p: { position: '旧版本的修改' } });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: 2 });
    expect(stale.errors?.[0].message).toMatch(/^该干部的基本信息已被 .+（纪检干部） 于 \d{4}-\d\d-\d\d \d\d:\d\d 修改（当前为第 2 版），请刷新后再修改$/);
    const now = (await t.gql(officer, 'query($id:ID!){ cadre(id:$id){ position version } }', { id: c.id })).data.cadre;
    expect(now).toEqual({ position: '五华区财政局副局长', version: 2 });

    // An empty string clears an optional field; rows are replaced whole.
    const cleared = (await t.gql(officer, UPD, { id: c.id, v: 2, p: { rewards: '', family: [] } })).data.updateCadre;
    expect(cleared).toMatchObject({ rewards: null, family: [], version: 3 });
    // Malformed rows are refused in Chinese.
    const badRow = await t.gql(officer, UPD, { id: c.id, v: 3, p: { resume: [{ startMonth: '1993-07', content: 'x' }] } });
    expect(badRow.errors?.[0].message).toBe('简历起始年月格式应为 YYYYMM');
    const count = await withScope(t.database.db, 'yn', async (trx) => Number((await sql<{ n: string }>`select count(*) as n from cadre_resume where cadre_id = ${c.id}`.execute(trx)).rows[0].n));
    expect(count).toBe(2);
  });

  it('code tables are served with pinyin initials for the pickers', async () => {
    const filler = await tok('km-wh.filler');
    const r = await t.gql(filler, '{ codeTables(names:["ethnicity","political_status"]) { name title items { code label initials } } }');
    const eth = r.data.codeTables.find((x: any) => x.name === 'ethnicity');
    expect(eth.items).toHaveLength(58);
    expect(eth.items[0]).toEqual({ code: '01', label: '汉族', initials: 'hz' });
    expect(r.data.codeTables.find((x: any) => x.name === 'political_status').items.some((i: any) => i.label === '群众' && i.initials === 'qz')).toBe(true);
  });

  it('a photo is uploaded as an image, re-encoded, stored under a random key and read back through a short-lived URL', async () => {
    const officer = await tok('km-wh.officer');
    const c = await newCadre(officer);
    const png = await sharp({ create: { width: 300, height: 400, channels: 3, background: '#3366aa' } }).png().toBuffer();
    const put = (token: string, id: string, body: Buffer, type = 'image/png') => t.app.inject({
      method: 'PUT', url: `/api/cadres/${id}/photo`, headers: { authorization: `Bearer ${token}`, 'content-type': type }, payload: body,
    });
    const ok = await put(officer, c.id, png);
    expect(ok.statusCode).toBe(200);
    const url = (await t.gql(officer, 'query($id:ID!){ cadre(id:$id){ photoUrl } }', { id: c.id })).data.cadre.photoUrl as string;
    expect(url).toMatch(new RegExp(`^/api/cadres/${c.id}/photo\\?`));
    const got = await t.app.inject({ method: 'GET', url });
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/jpeg');
    const meta = await sharp(got.rawPayload).metadata();
    expect([meta.format, meta.height]).toEqual(['jpeg', 400]);
    // The key names no id of the cadre.
    const key = (await withScope(t.database.db, 'yn', (trx) => trx.selectFrom('cadre').select('photo_key').where('id', '=', c.id).executeTakeFirstOrThrow())).photo_key!;
    expect(key).toMatch(/^t\/[0-9a-f-]{36}\/photo\/\d{4}\/\d{2}\/[0-9a-f]{32}$/);
    expect(key).not.toContain(c.id);

    // Hostile or wrong uploads: refused in Chinese, the photo kept.
    const junk = await put(officer, c.id, Buffer.from('not an image at all, just text pretending'), 'image/jpeg');
    expect([junk.statusCode, junk.json().message]).toEqual([400, '无法识别的图片文件，可能已损坏']);
    const big = await put(officer, c.id, Buffer.alloc(6 * 1024 * 1024, 1), 'image/jpeg');
    expect(big.statusCode).toBe(413);
    const text = await t.app.inject({ method: 'PUT', url: `/api/cadres/${c.id}/photo`, headers: { authorization: `Bearer ${officer}`, 'content-type': 'text/plain' }, payload: 'x' });
    expect(text.statusCode).toBe(415);
    expect((await withScope(t.database.db, 'yn', (trx) => trx.selectFrom('cadre').select('photo_key').where('id', '=', c.id).executeTakeFirstOrThrow())).photo_key).toBe(key);

    // Another tenant's officer: exactly like a missing cadre. A leader may not change it.
    const pl = await put(await tok('km-pl.officer'), c.id, png);
    const missing = await put(await tok('km-pl.officer'), '00000000-0000-4000-8000-000000000000', png);
    expect([pl.statusCode, pl.json()]).toEqual([missing.statusCode, missing.json()]);
    expect(pl.statusCode).toBe(404);
    expect((await put(await tok('km-wh.leader'), c.id, png)).statusCode).toBe(403);

    const del = await t.app.inject({ method: 'DELETE', url: `/api/cadres/${c.id}/photo`, headers: { authorization: `Bearer ${officer}` } });
    expect(del.statusCode).toBe(200);
    expect((await t.gql(officer, 'query($id:ID!){ cadre(id:$id){ photoUrl } }', { id: c.id })).data.cadre.photoUrl).toBeNull();
  });
});
