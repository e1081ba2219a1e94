// Inputs are checked by schemas (graphql/inputs.ts) before a resolver runs: oversized, malformed or out-of-range values
// get BAD_USER_INPUT with a Chinese message, and nothing is written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { engineName } from '../helpers/db.js';

let t: TestApp;
const tokens = new Map<string, string>();
const tok = async (u: string) => tokens.get(u) ?? tokens.set(u, await t.login(u)).get(u)!;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

const refused = (r: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] }) => {
  expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  return r.errors![0].message;
};

describe(`input validation (${engineName})`, () => {
  it('cadre fields are bounded and shaped; a refused save changes nothing', async () => {
    const officer = await tok('km-wh.officer');
    const units = (await t.gql(officer, '{ units(tenantCode:"km-wh"){ id } }')).data.units;
    const count = async () => (await t.gql(officer, '{ cadres(first:0){ totalCount } }')).data.cadres.totalCount;
    const before = await count();
    const create = (input: Record<string, unknown>) =>
      t.gql(officer, 'mutation($i:CadreInput!){ createCadre(input:$i){ id name } }', { i: { unitId: units[0].id, name: '校验甲', ...input } });

    expect(refused(await create({ position: '长'.repeat(10_000) }))).toBe('现任职务最长 200 个字符');
    expect(refused(await create({ sex: '男的' }))).toBe('性别「男的」不在人的性别代码中');
    expect(refused(await create({ birthMonth: '1975-03' }))).toBe('出生年月格式应为 YYYYMM，如 197503');
    expect(refused(await create({ name: '<script>' }))).toBe('姓名须为 1–50 个汉字或字母');
    expect(refused(await create({ sortOrder: -1 }))).toBe('排序号须为 0–1000000 的整数');
    expect(await count()).toBe(before);

    // Values are trimmed on the way in.
    const ok = await create({ name: '  校验乙 ', position: ' 科员 ' });
    expect(ok.data.createCadre.name).toBe('校验乙');
    const id = ok.data.createCadre.id;
    const r = await t.gql(officer, 'mutation($id:ID!){ updateCadre(id:$id, version:1, input:{ name:"   " }){ name } }', { id });
    expect(refused(r)).toBe('姓名须为 1–50 个汉字或字母');
    expect((await t.gql(officer, 'query($id:ID!){ cadre(id:$id){ name position } }', { id })).data.cadre).toEqual({ name: '校验乙', position: '科员' });
  });

  it('tenant, user and security inputs are refused in Chinese before anything is written', async () => {
    const admin = await tok('km.admin');
    const km = (await t.gql(admin, '{ tenants { id code } }')).data.tenants.find((x: any) => x.code === 'km');
    const tenantCount = async () => (await t.gql(admin, '{ tenants { id } }')).data.tenants.length;
    const before = await tenantCount();
    const createTenant = (input: Record<string, unknown>) =>
      t.gql(admin, 'mutation($i:TenantInput!){ createTenant(input:$i){ id code } }', { i: { parentId: km.id, code: 'km-val', name: '校验区纪委监委', kind: 'county_commission', ...input } });
    expect(refused(await createTenant({ code: 'bad code!' }))).toBe('代码须为小写字母、数字，可用连字符分隔，最长 40 位');
    expect(refused(await createTenant({ kind: 'ministry' }))).toBe('机构类型无效');
    expect(refused(await createTenant({ name: 'x' }))).toBe('名称须为 2–60 个汉字、字母或数字');
    expect(refused(await createTenant({ sortOrder: 2_000_000 }))).toBe('排序号须为 0–1000000 的整数');
    expect(await tenantCount()).toBe(before);
    // A code is normalised (trimmed, lower case) rather than refused for its case.
    const made = await createTenant({ code: ` KM-VAL-${Date.now().toString(36).toUpperCase()} ` });
    expect(made.data.createTenant.code).toMatch(/^km-val-[0-9a-z]+$/);

    const createUser = (input: Record<string, unknown>) =>
      t.gql(admin, 'mutation($i:UserInput!){ createUser(input:$i){ activationCode } }', {
        i: { tenantId: km.id, loginName: 'val1', displayName: '校验', role: 'officer', ...input },
      });
    const activate = (p: string) => t.gql(null, 'mutation($p:String!){ activateAccount(username:"km.nobody", code:"AAAA-BBBB-CCCC", newPassword:$p){ ready } }', { p });
    expect(refused(await activate('A@1a'.repeat(5000)))).toBe('密码最长 128 个字符');
    expect(refused(await createUser({ displayName: '名'.repeat(51) }))).toBe('姓名最长 50 个字符');
    expect(refused(await createUser({ role: 'root' }))).toBe('角色无效，只能是系统管理员、安全保密管理员、纪检干部、领导、填报员、安全审计员之一');
    expect(refused(await createUser({ loginName: '-x' }))).toBe('账户名须为 2–32 位小写字母、数字、下划线或连字符，以字母或数字开头');
    expect(refused(await createUser({ role: 'filler', unitIds: Array.from({ length: 501 }, (_, i) => String(i)) }))).toBe('负责单位过多（最多 500 个）');
    const users = await t.gql(admin, '{ users(search:"val1"){ totalCount } }');
    expect(users.data.users.totalCount).toBe(0);
    expect(refused(await t.gql(admin, 'query($s:String){ users(search:$s){ totalCount } }', { s: '查'.repeat(101) }))).toBe('查询条件最长 100 个字符');

    const sec = await t.gql(admin, 'mutation($id:ID!){ updateTenantSecurity(tenantId:$id, input:{ lockoutThreshold: 0 }){ lockoutThreshold { own } } }', { id: km.id });
    expect(refused(sec)).toMatch(/^登录失败锁定阈值（次）须为 \d+–\d+ 的整数$/);
  });

  it('log filters and the export route share one schema', async () => {
    const auditor = await tok('km-wh.auditor');
    const q = 'query($f:AuditFilter){ auditEvents(first:1, filter:$f){ totalCount } }';
    expect(refused(await t.gql(auditor, q, { f: { kind: 'everything' } }))).toBe('类型无效');
    expect(refused(await t.gql(auditor, q, { f: { from: 'yesterday' } }))).toMatch(/^时间格式无效（应为 YYYY-MM-DD/);
    expect(refused(await t.gql(auditor, q, { f: { text: '字'.repeat(101) } }))).toBe('查询条件最长 100 个字符');
    // Blank filters are no filters.
    expect((await t.gql(auditor, q, { f: { kind: '', text: '' } })).data.auditEvents.totalCount).toBeGreaterThan(0);
    const res = await t.app.inject({ method: 'GET', url: '/api/audit/export?format=csv&outcome=maybe', headers: { authorization: `Bearer ${auditor}` } });
    expect(res.statusCode).toBe(400);
    expect(res.json().message ?? res.body).toContain('结果无效');
    expect(refused(await t.gql(auditor, 'mutation { purgeAuditEvents(olderThanDays: 30) }'))).toBe('只能清理 180 天以前的访问日志');
  });

  it('a megabyte password at login is refused before any hashing', async () => {
    const r = await t.gql(null, 'mutation($p:String!){ login(username:"km-wh.officer", password:$p){ accessToken } }', { p: 'x'.repeat(1_000_000) });
    expect(refused(r)).toBe('密码最长 128 个字符');
  });
});
