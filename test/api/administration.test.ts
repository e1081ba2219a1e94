// Administration through the API: sessions (refresh, logout, revocation on the next request), security settings
// inherited down the tree and observed in behaviour, forced password change, tenant and user administration.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { withScope } from '../../services/api/src/db/scope.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { DEMO_PASSWORD, engineName } from '../helpers/db.js';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

const LOGIN = 'mutation($u:String!,$p:String!){ login(username:$u,password:$p){ accessToken refreshToken expiresIn mustChangePassword } }';
const REFRESH = 'mutation($r:String!){ refreshSession(refreshToken:$r){ accessToken refreshToken } }';
const ME = '{ me { username mustChangePassword permissions } }';

async function session(username: string, password = DEMO_PASSWORD) {
  const r = await t.gql(null, LOGIN, { u: username, p: password });
  if (!r.data?.login) throw new Error(`${username}: ${JSON.stringify(r.errors)}`);
  return r.data.login as { accessToken: string; refreshToken: string; mustChangePassword: boolean };
}
const code = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;
const asRoot = <T>(fn: Parameters<typeof withScope<T>>[2]) => withScope(t.database.db, 'yn', fn);
const tenantId = async (c: string) => asRoot(async (trx) => (await trx.selectFrom('tenant').select('id').where('code', '=', c).executeTakeFirstOrThrow()).id);
const userId = async (u: string) => asRoot(async (trx) => (await trx.selectFrom('app_user').select('id').where('username', '=', u).executeTakeFirstOrThrow()).id);
/** A role grant takes effect when a security administrator approves it (三员分立): the city's approves here. */
async function approvePending(id: string, approver = 'km.secadmin') {
  const sec = (await session(approver)).accessToken;
  const g = await t.gql(sec, 'query($u:ID){ roleGrants(status:"pending", userId:$u){ edges { node { id } } } }', { u: id });
  const grantId = g.data.roleGrants.edges[0]?.node.id;
  if (!grantId) throw new Error(`no pending grant for ${id}`);
  const r = await t.gql(sec, 'mutation($id:ID!){ approveRoleGrant(id:$id){ status } }', { id: grantId });
  expect(r.data.approveRoleGrant.status).toBe('approved');
}
const ACTIVATE = 'mutation($u:String!,$c:String!,$p:String!){ activateAccount(username:$u, code:$c, newPassword:$p){ ready } }';
/** A new account: created by the admin (no password), activated by its person with their own password, its grant approved. */
async function newAccount(admin: string, tenant: string, loginName: string, role: string, password: string) {
  const r = await t.gql(admin, 'mutation($t:ID!,$n:String!,$r:String!){ createUser(input:{tenantId:$t, loginName:$n, displayName:"新账户", role:$r}){ activationCode user { id username } } }',
    { t: tenant, n: loginName, r: role });
  if (!r.data?.createUser) throw new Error(JSON.stringify(r.errors));
  const a = await t.gql(null, ACTIVATE, { u: r.data.createUser.user.username, c: r.data.createUser.activationCode, p: password });
  if (!a.data?.activateAccount) throw new Error(JSON.stringify(a.errors));
  if (!a.data.activateAccount.ready) await approvePending(r.data.createUser.user.id);
  return r.data.createUser.user as { id: string; username: string };
}

describe(`sessions (${engineName})`, () => {
  it('a refresh token rotates; the old one, reused, ends the session', async () => {
    const s = await session('km-gd.officer');
    const r1 = await t.gql(null, REFRESH, { r: s.refreshToken });
    expect(r1.data.refreshSession.refreshToken).not.toBe(s.refreshToken);
    expect((await t.gql(r1.data.refreshSession.accessToken, ME)).data.me.username).toBe('km-gd.officer');
    // The superseded token is presented again: refused, and the whole session is revoked.
    const reuse = await t.gql(null, REFRESH, { r: s.refreshToken });
    expect(code(reuse)).toBe('UNAUTHENTICATED');
    expect(code(await t.gql(r1.data.refreshSession.accessToken, ME))).toBe('UNAUTHENTICATED');
    expect(code(await t.gql(null, REFRESH, { r: r1.data.refreshSession.refreshToken }))).toBe('UNAUTHENTICATED');
    for (const bad of ['', 'garbage', `${crypto.randomUUID()}.${'a'.repeat(43)}`]) expect(code(await t.gql(null, REFRESH, { r: bad }))).toBe('UNAUTHENTICATED');
  });

  it('logout ends the session on the next request, for the access and the refresh token', async () => {
    const s = await session('km-gd.leader');
    const other = await session('km-gd.leader');
    expect((await t.gql(s.accessToken, 'mutation{ logout }')).data.logout).toBe(true);
    expect(code(await t.gql(s.accessToken, ME))).toBe('UNAUTHENTICATED');
    expect(code(await t.gql(null, REFRESH, { r: s.refreshToken }))).toBe('UNAUTHENTICATED');
    // Another session of the same account is untouched.
    expect((await t.gql(other.accessToken, ME)).data.me.username).toBe('km-gd.leader');
  });

  it('disabling a user or changing its role ends its sessions on the next request', async () => {
    const admin = (await session('km.admin')).accessToken;
    const victim = await session('km-pl.leader');
    const id = await userId('km-pl.leader');
    await t.gql(admin, 'mutation($id:ID!){ updateUser(id:$id, input:{role:"officer"}){ role } }', { id });
    // A request only, until the security administrator approves it.
    expect((await t.gql(victim.accessToken, ME)).data.me.username).toBe('km-pl.leader');
    await approvePending(id);
    expect(code(await t.gql(victim.accessToken, ME))).toBe('UNAUTHENTICATED');
    const again = await session('km-pl.leader');
    expect((await t.gql(again.accessToken, ME)).data.me.permissions).toContain('Cadre:update');
    const dis = await t.gql(admin, 'mutation($id:ID!){ setUserStatus(id:$id, status:"disabled"){ status } }', { id });
    expect(dis.data.setUserStatus.status).toBe('disabled');
    expect(code(await t.gql(again.accessToken, ME))).toBe('UNAUTHENTICATED');
    // Refused like a wrong password (no oracle); the login row keeps the reason.
    expect(code(await t.gql(null, LOGIN, { u: 'km-pl.leader', p: DEMO_PASSWORD }))).toBe('BAD_CREDENTIALS');
    // The access log names who did it and to whom.
    const [row] = await asRoot((trx) => trx.selectFrom('audit_event').select(['username', 'kind', 'outcome', 'detail'])
      .where('operation', 'like', '%setUserStatus%').orderBy('id', 'desc').limit(1).execute());
    expect(row).toMatchObject({ username: 'km.admin', kind: 'write', outcome: 'success', detail: { targets: [{ type: 'User', id, name: 'km-pl.leader' }] } });
    await t.gql(admin, 'mutation($id:ID!){ setUserStatus(id:$id, status:"active"){ status } }', { id });
    await t.gql(admin, 'mutation($id:ID!){ updateUser(id:$id, input:{role:"leader"}){ role } }', { id });
    await approvePending(id);
    expect((await session('km-pl.leader')).accessToken).toBeTruthy();
  });

  it('the idle timeout of the tenant ends a session left idle longer than it', async () => {
    const admin = (await session('km.secadmin')).accessToken;
    const s = await session('km-pz-jy.leader');
    const set = await t.gql(admin, 'mutation($id:ID!){ updateTenantSecurity(tenantId:$id, input:{idleTimeoutMinutes:10}){ idleTimeoutMinutes { value own inherited } } }', { id: await tenantId('km-pz-jy') });
    expect(set.data.updateTenantSecurity.idleTimeoutMinutes).toEqual({ value: 10, own: 10, inherited: false });
    // 9 minutes idle: still live (and the request counts as activity).
    await asRoot((trx) => sql`update user_session set last_seen_at = now() - interval '9 minutes' where refresh_hash is not null and user_id = (select id from app_user where username = 'km-pz-jy.leader')`.execute(trx));
    expect((await t.gql(s.accessToken, ME)).data.me.username).toBe('km-pz-jy.leader');
    // 11 minutes idle: gone, for both tokens.
    await asRoot((trx) => sql`update user_session set last_seen_at = now() - interval '11 minutes' where user_id = (select id from app_user where username = 'km-pz-jy.leader')`.execute(trx));
    expect(code(await t.gql(s.accessToken, ME))).toBe('UNAUTHENTICATED');
    expect(code(await t.gql(null, REFRESH, { r: s.refreshToken }))).toBe('UNAUTHENTICATED');
  });
});

describe(`security settings (${engineName})`, () => {
  const SEC = 'query($id:ID!){ tenantSecurity(tenantId:$id){ lockoutThreshold { value own inherited sourceTenantName } lockoutMinutes { value inherited sourceTenantName } passwordMinLength { value } } }';
  const UPD = 'mutation($id:ID!,$i:SecuritySettingsInput!){ updateTenantSecurity(tenantId:$id, input:$i){ lockoutThreshold { value own } } }';

  it('a setting is inherited from the nearest ancestor that sets it, and null returns to inheriting', async () => {
    // Security settings belong to the security administrators (三员分立).
    const yn = (await session('yn.secadmin')).accessToken;
    const km = (await session('km.secadmin')).accessToken;
    const ynId = await tenantId('yn'), kmId = await tenantId('km'), xcId = await tenantId('km-xc');
    expect((await t.gql(km, SEC, { id: xcId })).data.tenantSecurity.lockoutThreshold).toEqual({ value: 5, own: null, inherited: true, sourceTenantName: null });
    await t.gql(yn, UPD, { id: ynId, i: { lockoutThreshold: 8, lockoutMinutes: 30 } });
    let v = (await t.gql(km, SEC, { id: xcId })).data.tenantSecurity;
    expect(v.lockoutThreshold).toEqual({ value: 8, own: null, inherited: true, sourceTenantName: '云南省纪委监委' });
    await t.gql(km, UPD, { id: kmId, i: { lockoutThreshold: 4 } });
    v = (await t.gql(km, SEC, { id: xcId })).data.tenantSecurity;
    expect(v.lockoutThreshold).toMatchObject({ value: 4, sourceTenantName: '昆明市纪委监委' });
    expect(v.lockoutMinutes).toMatchObject({ value: 30, sourceTenantName: '云南省纪委监委' });
    // Out of range, and a tenant outside the subtree (answers like a missing one).
    const bad = await t.gql(km, UPD, { id: kmId, i: { lockoutThreshold: 1 } });
    expect(code(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0].message).toContain('3–20');
    expect((await t.gql(km, UPD, { id: ynId, i: { lockoutThreshold: 3 } })).data.updateTenantSecurity).toBeNull();
    // Clearing: back to the province's value.
    await t.gql(km, UPD, { id: kmId, i: { lockoutThreshold: null } });
    expect((await t.gql(km, SEC, { id: xcId })).data.tenantSecurity.lockoutThreshold.value).toBe(8);
    await t.gql(yn, UPD, { id: ynId, i: { lockoutThreshold: null, lockoutMinutes: null } });
    expect((await t.gql(km, SEC, { id: xcId })).data.tenantSecurity.lockoutThreshold.value).toBe(5);
  });

  it('a lowered lockout threshold locks on the next attempts, counted per account across aliases in one request', async () => {
    const km = (await session('km.admin')).accessToken;
    const set = await t.gql((await session('km.secadmin')).accessToken, UPD, { id: await tenantId('km-qy-ct'), i: { lockoutThreshold: 3, lockoutMinutes: 16 } });
    expect(set.errors).toBeUndefined();
    const aliased = `mutation { ${[1, 2, 3, 4].map((i) => `a${i}: login(username:"km-qy-ct.auditor", password:"wrong${i}"){ accessToken }`).join(' ')} }`;
    const r = await t.gql(null, aliased);
    // The lock answers like a wrong password (no oracle); the login rows say which attempt met the lock.
    expect(r.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_CREDENTIALS', 'BAD_CREDENTIALS', 'BAD_CREDENTIALS', 'BAD_CREDENTIALS']);
    expect(code(await t.gql(null, LOGIN, { u: 'km-qy-ct.auditor', p: DEMO_PASSWORD }))).toBe('BAD_CREDENTIALS');
    const reasons = await asRoot(async (trx) => trx.selectFrom('audit_event').select('detail').where('username', '=', 'km-qy-ct.auditor')
      .where('operation', '=', 'login').orderBy('id', 'desc').limit(2).execute());
    expect(reasons.map((x: any) => x.detail.reason)).toEqual(['locked', 'locked']);
    const locked = await asRoot(async (trx) => trx.selectFrom('app_user').select(sql<number>`extract(epoch from locked_until - now())`.as('s')).where('username', '=', 'km-qy-ct.auditor').executeTakeFirstOrThrow());
    expect(Number(locked.s)).toBeGreaterThan(15 * 60);
    expect(Number(locked.s)).toBeLessThanOrEqual(16 * 60);
    // The admin sees the lock and lifts it.
    const id = await userId('km-qy-ct.auditor');
    const u = await t.gql(km, 'query($id:ID!){ user(id:$id){ locked failedLogins } }', { id });
    expect(u.data.user).toEqual({ locked: true, failedLogins: 3 });
    expect((await t.gql(km, 'mutation($id:ID!){ unlockUser(id:$id){ locked } }', { id })).data.unlockUser.locked).toBe(false);
    expect((await session('km-qy-ct.auditor')).accessToken).toBeTruthy();
    // An expired lock starts a fresh count: one more failure does not lock again.
    await asRoot((trx) => sql`update app_user set failed_logins = 3, locked_until = now() - interval '1 minute' where username = 'km-qy-ct.auditor'`.execute(trx));
    expect(code(await t.gql(null, LOGIN, { u: 'km-qy-ct.auditor', p: 'wrong' }))).toBe('BAD_CREDENTIALS');
    expect((await session('km-qy-ct.auditor')).accessToken).toBeTruthy();
  });

  it('password complexity follows the tenant: activation, change and the forced change are judged by it', async () => {
    const km = (await session('km.admin')).accessToken;
    const gxId = await tenantId('km-gx-kmxy');
    await t.gql((await session('km.secadmin')).accessToken, 'mutation($id:ID!){ updateTenantSecurity(tenantId:$id, input:{passwordMinLength:12, passwordMinClasses:4}){ tenantId } }', { id: gxId });
    const create = 'mutation{ createUser(input:{tenantId:"' + gxId + '", loginName:"zhangsan", displayName:"张三", role:"leader"}){ activationCode user { username mustChangePassword } } }';
    const made = await t.gql(km, create);
    expect(made.data.createUser.user).toEqual({ username: 'km-gx-kmxy.zhangsan', mustChangePassword: false });
    expect(code(await t.gql(km, create))).toBe('BAD_USER_INPUT');
    const weak = await t.gql(null, ACTIVATE, { u: 'km-gx-kmxy.zhangsan', c: made.data.createUser.activationCode, p: 'Abc#12345' });
    expect(code(weak)).toBe('BAD_USER_INPUT');
    expect(weak.errors?.[0].message).toBe('密码须至少 12 位，并包含大写字母、小写字母、数字、符号中的至少 4 类');
    expect((await t.gql(null, ACTIVATE, { u: 'km-gx-kmxy.zhangsan', c: made.data.createUser.activationCode, p: 'Kunming#2026ab' })).data.activateAccount.ready).toBe(false);
    const id = await userId('km-gx-kmxy.zhangsan');
    await approvePending(id);

    // An account marked for a forced change (the first-run administrator): only me / changePassword / logout until changed.
    await asRoot((trx) => sql`update app_user set must_change_password = true where id = ${id}`.execute(trx));
    const s = await session('km-gx-kmxy.zhangsan', 'Kunming#2026ab');
    expect(s.mustChangePassword).toBe(true);
    expect((await t.gql(s.accessToken, ME)).data.me.mustChangePassword).toBe(true);
    expect(code(await t.gql(s.accessToken, '{ cadres { totalCount } }'))).toBe('PASSWORD_CHANGE_REQUIRED');
    const CHANGE = 'mutation($o:String!,$n:String!){ changePassword(currentPassword:$o, newPassword:$n) }';
    expect((await t.gql(s.accessToken, CHANGE, { o: 'wrong', n: 'Kunming#2027ab' })).errors?.[0].message).toBe('当前密码不正确');
    expect(code(await t.gql(s.accessToken, CHANGE, { o: 'Kunming#2026ab', n: 'kunming2027ab' }))).toBe('BAD_USER_INPUT');
    expect((await t.gql(s.accessToken, CHANGE, { o: 'Kunming#2026ab', n: 'Kunming#2027ab' })).data.changePassword).toBe(true);
    expect((await t.gql(s.accessToken, '{ cadres { totalCount } }')).data.cadres.totalCount).toBeGreaterThan(0);

    // A reset voids the password, ends the user's sessions and issues a code; the new password meets the policy.
    const reset = await t.gql(km, 'mutation($id:ID!){ resetUserPassword(id:$id){ activationCode user { mustChangePassword } } }', { id });
    expect(reset.data.resetUserPassword.user.mustChangePassword).toBe(false);
    expect(code(await t.gql(s.accessToken, ME))).toBe('UNAUTHENTICATED');
    expect(code(await t.gql(null, LOGIN, { u: 'km-gx-kmxy.zhangsan', p: 'Kunming#2027ab' }))).toBe('BAD_CREDENTIALS');
    expect(code(await t.gql(null, ACTIVATE, { u: 'km-gx-kmxy.zhangsan', c: reset.data.resetUserPassword.activationCode, p: 'Reset#2026' }))).toBe('BAD_USER_INPUT');
    // The role is confirmed again by the security administrator before the account is usable.
    expect((await t.gql(null, ACTIVATE, { u: 'km-gx-kmxy.zhangsan', c: reset.data.resetUserPassword.activationCode, p: 'Reset#2026abcd' })).data.activateAccount.ready).toBe(false);
    await approvePending(id);
    expect((await session('km-gx-kmxy.zhangsan', 'Reset#2026abcd')).mustChangePassword).toBe(false);
  });
});

describe(`tenant administration (${engineName})`, () => {
  const TENANTS = '{ tenants { code name path parentId sortOrder status effectiveStatus } }';

  it('an admin creates, renames and reorders a tenant below it, and its new officer sees an empty county', async () => {
    const km = (await session('km.admin')).accessToken;
    const kmId = await tenantId('km');
    const r = await t.gql(km, 'mutation($p:ID!){ createTenant(input:{parentId:$p, code:"km-xs", name:"西山区纪委监委", kind:"county_commission"}){ id code path status kindLabel } }', { p: kmId });
    expect(r.data.createTenant).toMatchObject({ code: 'km-xs', path: 'yn.km.km_xs', status: 'active', kindLabel: '县区纪委监委' });
    const id = r.data.createTenant.id;
    expect(code(await t.gql(km, 'mutation($p:ID!){ createTenant(input:{parentId:$p, code:"km-xs", name:"重复", kind:"county_commission"}){ id } }', { p: kmId }))).toBe('BAD_USER_INPUT');
    expect(code(await t.gql(km, 'mutation($p:ID!){ createTenant(input:{parentId:$p, code:"Bad Code", name:"西山", kind:"county_commission"}){ id } }', { p: kmId }))).toBe('BAD_USER_INPUT');
    expect(code(await t.gql(km, 'mutation($p:ID!){ createTenant(input:{parentId:$p, code:"km-xs2", name:"西山", kind:"ministry"}){ id } }', { p: kmId }))).toBe('BAD_USER_INPUT');
    const upd = await t.gql(km, 'mutation($id:ID!){ updateTenant(id:$id, name:"西山区纪委监委（新）", sortOrder:1){ name sortOrder } }', { id });
    expect(upd.data.updateTenant).toEqual({ name: '西山区纪委监委（新）', sortOrder: 1 });
    // Its own tenant is administered by its parent, not by itself.
    expect(code(await t.gql(km, 'mutation($id:ID!){ updateTenant(id:$id, name:"改名"){ name } }', { id: kmId }))).toBe('FORBIDDEN');

    const made = await newAccount(km, id, 'officer', 'officer', 'Xishan#2026');
    expect(made.username).toBe('km-xs.officer');
    const s = await session('km-xs.officer', 'Xishan#2026');
    const view = await t.gql(s.accessToken, '{ cadres { totalCount } tenants { code } units { id } }');
    expect(view.data).toEqual({ cadres: { totalCount: 0 }, tenants: [{ code: 'km-xs' }], units: [] });
  });

  it('re-parenting moves the whole subtree: paths follow, and the old parent loses sight of it', async () => {
    const yn = (await session('yn.admin')).accessToken;
    const km = (await session('km.admin')).accessToken;
    const kmId = await tenantId('km');
    const ct = (await t.gql(km, 'mutation($p:ID!){ createTenant(input:{parentId:$p, code:"km-qy-ct-sub", name:"城投子公司纪委", kind:"enterprise_discipline"}){ id } }', { p: await tenantId('km-qy-ct') })).data.createTenant.id;
    expect(ct).toBeTruthy();
    // Into its own subtree: refused.
    expect(code(await t.gql(km, 'mutation($id:ID!,$p:ID!){ moveTenant(id:$id, parentId:$p){ id } }', { id: await tenantId('km-qy-ct'), p: ct }))).toBe('BAD_USER_INPUT');
    // What 城投集团纪委's officer sees before the move (the demo's cadres, and any another test added).
    const ctCadres = (await t.gql((await session('km-qy-ct.officer')).accessToken, '{ cadres { totalCount } }')).data.cadres.totalCount;
    expect(ctCadres).toBeGreaterThan(0);
    // The province creates a second city and moves 城投集团纪委 (with its child) there.
    const qj = (await t.gql(yn, 'mutation($p:ID!){ createTenant(input:{parentId:$p, code:"yn-qj", name:"曲靖市纪委监委", kind:"city_commission"}){ id } }', { p: await tenantId('yn') })).data.createTenant.id;
    // km cannot move a tenant to a parent outside its subtree: the new parent answers like a missing one.
    expect((await t.gql(km, 'mutation($id:ID!,$p:ID!){ moveTenant(id:$id, parentId:$p){ id } }', { id: await tenantId('km-qy-ct'), p: qj })).data.moveTenant).toBeNull();
    const moved = await t.gql(yn, 'mutation($id:ID!,$p:ID!){ moveTenant(id:$id, parentId:$p){ path parentId } }', { id: await tenantId('km-qy-ct'), p: qj });
    expect(moved.errors, JSON.stringify(moved.errors)).toBeUndefined();
    expect(moved.data.moveTenant).toEqual({ path: 'yn.yn_qj.km_qy_ct', parentId: qj });
    const all = (await t.gql(yn, TENANTS)).data.tenants;
    expect(all.find((x: any) => x.code === 'km-qy-ct-sub').path).toBe('yn.yn_qj.km_qy_ct.km_qy_ct_sub');
    expect((await t.gql(km, TENANTS)).data.tenants.map((x: any) => x.code)).not.toContain('km-qy-ct');
    expect((await t.gql(km, '{ cadres(filter:{tenantCode:"km-qy-ct"}) { totalCount } }')).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const off = (await session('km.officer')).accessToken;
    expect((await t.gql(off, '{ cadres(filter:{tenantCode:"km-qy-ct"}) { totalCount } }')).data.cadres.totalCount).toBe(0);
    // Its own users keep working, now under the new parent.
    const own = (await session('km-qy-ct.officer')).accessToken;
    expect((await t.gql(own, '{ cadres { totalCount } }')).data.cadres.totalCount).toBe(ctCadres);
    // Back where it was.
    await t.gql(yn, 'mutation($id:ID!,$p:ID!){ moveTenant(id:$id, parentId:$p){ path } }', { id: await tenantId('km-qy-ct'), p: kmId });
    expect((await t.gql(km, TENANTS)).data.tenants.find((x: any) => x.code === 'km-qy-ct-sub').path).toBe('yn.km.km_qy_ct.km_qy_ct_sub');
  });

  it('suspending a tenant suspends its subtree and ends live sessions on the next request; resuming lets users log in again', async () => {
    const km = (await session('km.admin')).accessToken;
    const gjId = await tenantId('km-qy-gj');
    const sub = (await t.gql(km, 'mutation($p:ID!){ createTenant(input:{parentId:$p, code:"km-qy-gj-sub", name:"公交子公司纪委", kind:"enterprise_discipline"}){ id } }', { p: gjId })).data.createTenant.id;
    await newAccount(km, sub, 'leader', 'leader', 'Gongjiao#2026');
    const live = await session('km-qy-gj.officer');
    const r = await t.gql(km, 'mutation($id:ID!){ setTenantStatus(id:$id, status:"suspended"){ status effectiveStatus } }', { id: gjId });
    expect(r.data.setTenantStatus).toEqual({ status: 'suspended', effectiveStatus: 'suspended' });
    expect(code(await t.gql(live.accessToken, ME))).toBe('UNAUTHENTICATED');
    expect(code(await t.gql(null, REFRESH, { r: live.refreshToken }))).toBe('UNAUTHENTICATED');
    const refused = await t.gql(null, LOGIN, { u: 'km-qy-gj.officer', p: DEMO_PASSWORD });
    expect(refused.errors?.[0].extensions?.code).toBe('BAD_CREDENTIALS');
    // The child tenant is suspended with it.
    expect(code(await t.gql(null, LOGIN, { u: 'km-qy-gj-sub.leader', p: 'Gongjiao#2026' }))).toBe('BAD_CREDENTIALS');
    const [why] = await asRoot(async (trx) => trx.selectFrom('audit_event').select('detail').where('username', '=', 'km-qy-gj-sub.leader')
      .where('operation', '=', 'login').orderBy('id', 'desc').limit(1).execute());
    expect((why.detail as any).reason).toBe('tenant_suspended');
    const list = (await t.gql(km, '{ tenants { code status effectiveStatus } }')).data.tenants;
    expect(list.find((x: any) => x.code === 'km-qy-gj-sub')).toEqual({ code: 'km-qy-gj-sub', status: 'active', effectiveStatus: 'suspended' });
    // An admin cannot suspend its own tenant.
    expect(code(await t.gql(km, 'mutation($id:ID!){ setTenantStatus(id:$id, status:"suspended"){ status } }', { id: await tenantId('km') }))).toBe('FORBIDDEN');
    await t.gql(km, 'mutation($id:ID!){ setTenantStatus(id:$id, status:"active"){ status } }', { id: gjId });
    expect((await session('km-qy-gj.officer')).accessToken).toBeTruthy();
    // The old session stays ended.
    expect(code(await t.gql(live.accessToken, ME))).toBe('UNAUTHENTICATED');
  });
});

describe(`user administration (${engineName})`, () => {
  it('lists users with last login time and IP; assigns a filler its units; refuses units of another tenant', async () => {
    const km = (await session('km.admin')).accessToken;
    await session('km-wh.leader');
    const list = await t.gql(km, 'query($t:ID){ users(tenantId:$t){ totalCount edges { node { username role roleLabel status lastLoginAt lastLoginIp unitIds } } } }', { t: await tenantId('km-wh') });
    // The six demo accounts (the file's own database: nobody else adds accounts here).
    const names = list.data.users.edges.map((e: any) => e.node.username);
    expect([...names].sort()).toEqual(['admin', 'secadmin', 'officer', 'leader', 'filler', 'auditor'].map((r) => `km-wh.${r}`).sort());
    const leader = list.data.users.edges.map((e: any) => e.node).find((u: any) => u.username === 'km-wh.leader');
    expect(leader).toMatchObject({ role: 'leader', roleLabel: '领导', status: 'active' });
    expect(Date.now() - new Date(leader.lastLoginAt).getTime()).toBeLessThan(60_000);
    expect(leader.lastLoginIp).toBeTruthy();

    const units = (await t.gql(km, '{ units(tenantCode:"km-wh"){ id name parentId } }')).data.units;
    const counts = (await t.gql((await session('km-wh.officer')).accessToken, '{ units { id cadreCount } }')).data.units;
    const roots = units.filter((u: any) => !u.parentId);
    // A top-level unit other than the filler's, with no sub-units and cadres of its own.
    const finance = roots.find((u: any) => u.id !== roots[0].id && !units.some((x: any) => x.parentId === u.id)
      && counts.find((c: any) => c.id === u.id).cadreCount > 0);
    const plUnit = (await t.gql(km, '{ units(tenantCode:"km-pl"){ id } }')).data.units[0].id;
    const fillerId = await userId('km-wh.filler');
    const UPD = 'mutation($id:ID!,$u:[ID!]){ updateUser(id:$id, input:{unitIds:$u}){ unitIds } }';
    expect(code(await t.gql(km, UPD, { id: fillerId, u: [plUnit] }))).toBe('BAD_USER_INPUT');
    expect(code(await t.gql(km, UPD, { id: fillerId, u: ['not-a-uuid'] }))).toBe('BAD_USER_INPUT');
    // A change of a filler's units is a grant: it applies once the security administrator approves.
    expect((await t.gql(km, UPD, { id: fillerId, u: [finance.id] })).data.updateUser.unitIds).not.toEqual([finance.id]);
    await approvePending(fillerId, 'km-wh.secadmin');
    expect((await t.gql(km, 'query($id:ID!){ user(id:$id){ unitIds } }', { id: fillerId })).data.user.unitIds).toEqual([finance.id]);
    // The filler's reach changes on its next request.
    const f = (await session('km-wh.filler')).accessToken;
    const seen = (await t.gql(f, '{ units { name } cadres(first:500) { edges { node { unit { name } } } } }')).data;
    expect(seen.units.map((u: any) => u.name)).toEqual([finance.name]);
    expect(new Set(seen.cadres.edges.map((e: any) => e.node.unit.name))).toEqual(new Set([finance.name]));
    await t.gql(km, UPD, { id: fillerId, u: [roots[0].id] });
    await approvePending(fillerId, 'km-wh.secadmin');

    // An admin cannot change its own account here, nor invent a role.
    const self = await userId('km.admin');
    expect(code(await t.gql(km, 'mutation($id:ID!){ setUserStatus(id:$id, status:"disabled"){ id } }', { id: self }))).toBe('FORBIDDEN');
    expect(code(await t.gql(km, 'mutation($id:ID!){ updateUser(id:$id, input:{role:"superadmin"}){ id } }', { id: await userId('km-wh.leader') }))).toBe('BAD_USER_INPUT');
    // A county admin sees its own users only.
    const wh = (await session('km-wh.admin')).accessToken;
    const own = (await t.gql(wh, '{ users(first:500) { totalCount edges { node { username } } } }')).data.users;
    expect(own.totalCount).toBeGreaterThanOrEqual(6);
    expect(own.edges.every((e: any) => e.node.username.startsWith('km-wh.'))).toBe(true);
    expect((await t.gql(wh, 'query($id:ID!){ user(id:$id){ id } }', { id: await userId('km-pl.leader') })).data.user).toBeNull();
  });

  it('an admin reads neither a cadre nor an audit row', async () => {
    const km = (await session('km.admin')).accessToken;
    const cadreId = await asRoot(async (trx) => (await trx.selectFrom('cadre').select('id').limit(1).executeTakeFirstOrThrow()).id);
    expect(code(await t.gql(km, `{ cadre(id:"${cadreId}"){ id } }`))).toBe('FORBIDDEN');
    expect(code(await t.gql(km, '{ cadres { totalCount } }'))).toBe('FORBIDDEN');
    expect(code(await t.gql(km, '{ auditEvents { totalCount } }'))).toBe('FORBIDDEN');
    const me = (await t.gql(km, ME)).data.me.permissions;
    expect(me).toEqual(expect.arrayContaining(['Tenant:create', 'User:create', 'SecuritySettings:read', 'RoleGrant:read']));
    // Security settings and grant approvals belong to the security administrator.
    expect(me).not.toContain('SecuritySettings:update');
    expect(me).not.toContain('RoleGrant:approve');
    expect(me).not.toContain('Cadre:read');
    expect(me).not.toContain('AuditEvent:read');
  });
});
