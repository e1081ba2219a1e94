// The cadre's code fields (性别, 民族, 政治面貌, 职级, 状态, 干部管理权限) are stored as the codes of their code tables
// (migration 0015): code_label and the column checks agree with the JSON tables, GraphQL takes labels and codes and
// stores the code, shows the label (and the code beside it), refuses other values in Chinese without writing, the
// history shows labels, and statistics group by the code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { withScope } from '../../services/api/src/db/scope.js';
import { cadreCodeDomain, CODE_FIELDS, shownLabel } from '../../services/api/src/modules/cadres/fields.js';
import { codeTable } from '../../services/api/src/modules/codes/tables.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { engineName } from '../helpers/db.js';

let t: TestApp;
const tokens = new Map<string, string>();
const tok = async (u: string) => tokens.get(u) ?? tokens.set(u, await t.login(u)).get(u)!;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

const CODES = 'sex sexCode ethnicity ethnicityCode politicalStatus politicalStatusCode rank rankCode status statusCode managementLevel managementLevelCode';
const FIELDS = `id version ${CODES} history { version action changes { label from to } }`;
const COLUMNS = ['sex', 'ethnicity', 'political_status', 'rank', 'status', 'management_level'] as const;

/** Changes in a stable order (a revision's changes are a jsonb object: its key order is not the form's). */
const byLabel = <C extends { label: string }>(cs: C[]) => [...cs].sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));

const stored = (id: string) => withScope(t.database.db, 'yn', (trx) =>
  trx.selectFrom('cadre').select([...COLUMNS, 'version']).where('id', '=', id).executeTakeFirstOrThrow());

async function unitOf(token: string) {
  return (await t.gql(token, '{ units(tenantCode:"km-wh"){ id } }')).data.units[0].id as string;
}

describe(`cadre code fields are stored as codes (${engineName})`, () => {
  it('code_label holds every item of each code table, with the shown label and the table\'s order; each column admits exactly the codes', async () => {
    const labels = await withScope(t.database.db, 'yn', async (trx) => (await sql<{ domain: string; code: string; label: string; sort_order: number }>`
      select domain, code, label, sort_order from code_label where domain like 'cadre.%' order by domain, sort_order`.execute(trx)).rows);
    const want = CODE_FIELDS.flatMap((f) => codeTable(f.codes!).items.map((i, k) => ({ domain: cadreCodeDomain(f), code: i.code, label: shownLabel(f.codes!, i), sort_order: k + 1 })));
    const order = (a: { domain: string; sort_order: number }, b: { domain: string; sort_order: number }) =>
      a.domain < b.domain ? -1 : a.domain > b.domain ? 1 : a.sort_order - b.sort_order;
    expect(labels).toEqual(want.sort(order));
    expect(labels.find((l) => l.domain === 'cadre.sex' && l.code === '1')?.label).toBe('男');

    const checks = (await sql<{ def: string }>`
      select pg_get_constraintdef(c.oid) as def from pg_constraint c
      where c.contype = 'c' and c.conrelid = 'cadre'::regclass and c.conname like '%\\_code\\_check'`.execute(t.database.db)).rows;
    for (const f of CODE_FIELDS) {
      const mine = checks.filter((c) => new RegExp(`\\(\\(?${f.column}\\b`).test(c.def));
      expect(mine.length, f.name).toBe(1);
      expect([...mine[0].def.matchAll(/'([^']*)'/g)].map((m) => m[1]).sort(), f.name).toEqual(codeTable(f.codes!).items.map((i) => i.code).sort());
    }
    const indexes = (await sql<{ indexdef: string }>`select indexdef from pg_indexes where tablename = 'cadre'`.execute(t.database.db)).rows
      .map((r) => /\(([^)]*)\)\s*$/.exec(r.indexdef)![1].replace(/\s/g, ''));
    expect(indexes).toContain('tenant_id,status');
  });

  it('GraphQL takes labels (and short labels) or codes, stores the code and shows the label with the code beside it; the history shows labels', async () => {
    const officer = await tok('km-wh.officer');
    const unitId = await unitOf(officer);
    const created = await t.gql(officer, `mutation($i:CadreInput!){ createCadre(input:$i){ ${FIELDS} } }`, { i: {
      name: '代码甲', unitId, sex: '男', ethnicity: '汉族', politicalStatus: '中共党员', rank: '一级主任科员', status: '在职', managementLevel: '市管',
    } });
    const c = created.data.createCadre;
    expect(c).toMatchObject({
      sex: '男', sexCode: '1', ethnicity: '汉族', ethnicityCode: '01', politicalStatus: '中共党员', politicalStatusCode: '01',
      rank: '一级主任科员', rankCode: 'R07', status: '在职', statusCode: '1', managementLevel: '市管', managementLevelCode: '2',
    });
    expect(await stored(c.id)).toEqual({ sex: '1', ethnicity: '01', political_status: '01', rank: 'R07', status: '1', management_level: '2', version: 1 });

    // Codes in, labels out; the revision holds labels, as the ones written before did.
    const UPD = `mutation($id:ID!,$v:Int!,$p:CadrePatch!){ updateCadre(id:$id, version:$v, input:$p){ ${FIELDS} } }`;
    const u = (await t.gql(officer, UPD, { id: c.id, v: 1, p: { sex: '2', ethnicity: '07', politicalStatus: '13', rank: 'L5', status: '2', managementLevel: '3' } })).data.updateCadre;
    expect(u).toMatchObject({
      version: 2, sex: '女', sexCode: '2', ethnicity: '彝族', ethnicityCode: '07', politicalStatus: '群众', rank: '县处级正职', rankCode: 'L5',
      status: '退休', statusCode: '2', managementLevel: '县(区)管',
    });
    expect(await stored(c.id)).toEqual({ sex: '2', ethnicity: '07', political_status: '13', rank: 'L5', status: '2', management_level: '3', version: 2 });
    expect(byLabel(u.history[0].changes)).toEqual(byLabel([
      { label: '性别', from: '男', to: '女' }, { label: '民族', from: '汉族', to: '彝族' }, { label: '政治面貌', from: '中共党员', to: '群众' },
      { label: '职级', from: '一级主任科员', to: '县处级正职' }, { label: '状态', from: '在职', to: '退休' }, { label: '干部管理权限', from: '市管', to: '县(区)管' },
    ]));

    // Short and full labels and spaces: 女性, 汉; a label equal to what is stored is no change. '' clears, but 状态 stays.
    const v = (await t.gql(officer, UPD, { id: c.id, v: 2, p: { sex: '女性', ethnicity: ' 汉 ', rank: '', status: '', managementLevel: '' } })).data.updateCadre;
    expect(v).toMatchObject({ version: 3, sex: '女', ethnicity: '汉族', rank: null, rankCode: null, status: '退休', managementLevel: null, managementLevelCode: null });
    expect(byLabel(v.history[0].changes)).toEqual(byLabel([
      { label: '民族', from: '彝族', to: '汉族' }, { label: '职级', from: '县处级正职', to: null }, { label: '干部管理权限', from: '县(区)管', to: null },
    ]));
    expect(await stored(c.id)).toMatchObject({ sex: '2', ethnicity: '01', rank: null, status: '2', management_level: null });

    // A new cadre without 状态 is 在职 (code 1).
    const d = (await t.gql(officer, `mutation($i:CadreInput!){ createCadre(input:$i){ ${FIELDS} } }`, { i: { name: '代码乙', unitId } })).data.createCadre;
    expect(d).toMatchObject({ status: '在职', statusCode: '1', sex: null, sexCode: null });
    expect((await stored(d.id)).status).toBe('1');
  });

  it('a value in no code table is refused in Chinese and nothing is written', async () => {
    const officer = await tok('km-wh.officer');
    const unitId = await unitOf(officer);
    const c = (await t.gql(officer, `mutation($i:CadreInput!){ createCadre(input:$i){ ${FIELDS} } }`, { i: { name: '代码丙', unitId, sex: '男', rank: '二级主任科员' } })).data.createCadre;
    const UPD = `mutation($id:ID!,$v:Int!,$p:CadrePatch!){ updateCadre(id:$id, version:$v, input:$p){ id } }`;
    const cases: [Record<string, string>, string][] = [
      [{ sex: '男的', position: '不应写入' }, '性别「男的」不在人的性别代码中'],
      [{ rank: '正处级' }, '职级「正处级」不在公务员领导职务层次与职级中'],
      [{ status: '8' }, '状态「8」不在干部状态中'],
      [{ politicalStatus: 'zgdy' }, '政治面貌「zgdy」不在政治面貌代码中'],
      [{ managementLevel: '1; drop table cadre' }, '干部管理权限「1; drop table cadre」不在干部管理权限中'],
    ];
    for (const [p, message] of cases) {
      const r = await t.gql(officer, UPD, { id: c.id, v: 1, p });
      expect(r.errors?.[0].message, JSON.stringify(p)).toBe(message);
    }
    const bad = await t.gql(officer, `mutation($i:CadreInput!){ createCadre(input:$i){ id } }`, { i: { name: '代码丁', unitId, ethnicity: '汉族人' } });
    expect(bad.errors?.[0].message).toBe('民族「汉族人」不在中国各民族名称代码中');
    expect(await stored(c.id)).toEqual({ sex: '1', ethnicity: null, political_status: null, rank: 'R08', status: '1', management_level: null, version: 1 });
    const n = await withScope(t.database.db, 'yn', async (trx) => Number((await sql<{ n: string }>`select count(*) as n from cadre where name = '代码丁'`.execute(trx)).rows[0].n));
    expect(n).toBe(0);
  });

  it('statistics group cadres by code and join the label from code_label', async () => {
    const officer = await tok('km-wh.officer');
    const unitId = await unitOf(officer);
    const mk = (name: string, i: Record<string, string>) => t.gql(officer, `mutation($i:CadreInput!){ createCadre(input:$i){ id } }`, { i: { name, unitId, ...i } });
    const ids = [
      (await mk('统计甲', { sex: '男', politicalStatus: '中共党员', status: '在职' })).data.createCadre.id,
      (await mk('统计乙', { sex: '2', politicalStatus: '01', status: '在职' })).data.createCadre.id,
      (await mk('统计丙', { sex: '女', politicalStatus: '群众', status: '退休' })).data.createCadre.id,
    ];
    const rows = await withScope(t.database.db, 'yn', async (trx) => (await sql<{ code: string; label: string; n: number }>`
      select c.political_status as code, l.label, count(*)::int as n
        from cadre c join code_label l on l.domain = 'cadre.politicalStatus' and l.code = c.political_status
       where c.id in (${sql.join(ids)}) and c.status = '1'
       group by c.political_status, l.label, l.sort_order order by l.sort_order`.execute(trx)).rows);
    expect(rows).toEqual([{ code: '01', label: '中共党员', n: 2 }]);
    const bySex = await withScope(t.database.db, 'yn', async (trx) => (await sql<{ label: string; n: number }>`
      select l.label, count(*)::int as n from cadre c join code_label l on l.domain = 'cadre.sex' and l.code = c.sex
       where c.id in (${sql.join(ids)}) group by l.label, l.sort_order order by l.sort_order`.execute(trx)).rows);
    expect(bySex).toEqual([{ label: '男', n: 1 }, { label: '女', n: 2 }]);
    // A label is no longer a stored value.
    await expect(withScope(t.database.db, 'yn', (trx) => sql`update cadre set status = '在职' where id = ${ids[0]}`.execute(trx))).rejects.toThrow(/check/);
  });
});
