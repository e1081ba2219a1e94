// Separation of the three administrators (三员分立): the system administrator creates accounts without knowing their
// passwords (one-time activation codes) and only requests grants of roles that read archives; the security
// administrator approves or returns them (never its own); admins do not manage the administrators of their own
// tenant; the parent's security settings are a floor; the auditor sees grants and alerts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { withScope } from '../../services/api/src/db/scope.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { DEMO_PASSWORD, engineName } from '../helpers/db.js';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

type R = { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };
const code = (r: R) => r.errors?.[0]?.extensions?.code;
const asRoot = <T>(fn: Parameters<typeof withScope<T>>[2]) => withScope(t.database.db, 'yn', fn);
const tenantId = async (c: string) => asRoot(async (trx) => (await trx.selectFrom('tenant').select('id').where('code', '=', c).executeTakeFirstOrThrow()).id);
const userId = async (u: string) => asRoot(async (trx) => (await trx.selectFrom('app_user').select('id').where('username', '=', u).executeTakeFirstOrThrow()).id);
const LOGIN = 'mutation($u:String!,$p:String!){ login(username:$u,password:$p){ accessToken mustChangePassword } }';
const CREATE = `mutation($i:UserInput!){ createUser(input:$i){ activationCode expiresAt user { id username status statusLabel role activationPending }
  grant { id status role roleLabel newAccount canDecide requestedByName } } }`;
const ACTIVATE = 'mutation($u:String!,$c:String!,$p:String!){ activateAccount(username:$u, code:$c, newPassword:$p){ username ready message } }';
const APPROVE = 'mutation($id:ID!){ approveRoleGrant(id:$id){ id status decidedByName } }';
const REJECT = 'mutation($id:ID!,$r:String!){ rejectRoleGrant(id:$id, reason:$r){ id status reason } }';
const GRANTS = 'query($s:String,$t:ID){ roleGrants(status:$s, tenantId:$t){ totalCount edges { node { id username role status statusLabel canDecide reason previousRole unitNames } } } }';

async function create(token: string, tenant: string, loginName: string, role: string, extra: Record<string, unknown> = {}) {
  return t.gql(token, CREATE, { i: { tenantId: await tenantId(tenant), loginName, displayName: '测试人员', role, ...extra } });
}
const lastAudit = (operation: string) => asRoot(async (trx) => (await trx.selectFrom('audit_event')
  .select(['username', 'kind', 'outcome', 'detail', sql<string>`summary`.as('summary')])
  .where('operation', 'like', `%${operation}%`).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow()));

describe(`accounts without an admin-known password (${engineName})`, () => {
  it('createUser takes no password: a one-time code is shown once, only its hash is stored; the person activates and sets the password', async () => {
    const km = await t.login('km.admin');
    const withPassword = await t.gql(km, 'mutation($t:ID!){ createUser(input:{tenantId:$t, loginName:"pw", displayName:"甲", role:"leader", password:"Kunming#2026"}){ activationCode } }', { t: await tenantId('km-wh') });
    expect(code(withPassword)).toBe('GRAPHQL_VALIDATION_FAILED');

    const r = await create(km, 'km-wh', 'zhao', 'officer');
    expect(r.errors).toBeUndefined();
    const made = r.data.createUser;
    expect(made.activationCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(new Date(made.expiresAt).getTime() - Date.now()).toBeGreaterThan(23.9 * 3600_000);
    expect(made.user).toMatchObject({ username: 'km-wh.zhao', status: 'pending', statusLabel: '待授权', role: 'officer', activationPending: true });
    expect(made.grant).toMatchObject({ status: 'pending', role: 'officer', roleLabel: '纪检干部', newAccount: true, canDecide: false });
    // The code is not in the database, not in the access log.
    const stored = await asRoot(async (trx) => trx.selectFrom('app_user').select(['activation_hash', 'password_hash']).where('username', '=', 'km-wh.zhao').executeTakeFirstOrThrow());
    expect(stored.activation_hash).not.toContain(made.activationCode);
    const dump = JSON.stringify(await asRoot((trx) => trx.selectFrom('audit_event').selectAll().execute()));
    expect(dump).not.toContain(made.activationCode);
    expect((await lastAudit('createUser')).summary).toContain('km-wh.zhao（纪检干部，授权待审批；已发激活码）');

    // Nobody can log in before activation: the admin knows no password.
    expect(code(await t.gql(null, LOGIN, { u: 'km-wh.zhao', p: DEMO_PASSWORD }))).toBe('BAD_CREDENTIALS');
    // Activation: a weak password is refused and the code stays valid; then the person's own password is set.
    const weak = await t.gql(null, ACTIVATE, { u: 'km-wh.zhao', c: made.activationCode, p: 'short' });
    expect(code(weak)).toBe('BAD_USER_INPUT');
    expect(weak.errors?.[0].message).toContain('密码须至少 8 位');
    const ok = await t.gql(null, ACTIVATE, { u: 'KM-WH.zhao', c: made.activationCode.toLowerCase().replace(/-/g, ' '), p: 'Zh#2026ownpw' });
    expect(ok.data.activateAccount).toEqual({ username: 'km-wh.zhao', ready: false, message: '账户已激活；角色授权尚待安全保密管理员审批，审批通过后即可登录' });
    // Used once.
    expect(code(await t.gql(null, ACTIVATE, { u: 'km-wh.zhao', c: made.activationCode, p: 'Zh#2026again' }))).toBe('ACTIVATION_FAILED');
    // Activated, but the grant waits: no login.
    expect(code(await t.gql(null, LOGIN, { u: 'km-wh.zhao', p: 'Zh#2026ownpw' }))).toBe('BAD_CREDENTIALS');
    const activated = await lastAudit('activateAccount');
    expect(activated).toMatchObject({ username: 'km-wh.zhao', kind: 'login', outcome: 'failure' });

    // The security administrator approves: the officer logs in with its own password and reads archives.
    const sec = await t.login('km-wh.secadmin');
    const pending = (await t.gql(sec, GRANTS, { s: 'pending' })).data.roleGrants.edges.map((e: any) => e.node);
    expect(pending.find((g: any) => g.username === 'km-wh.zhao')).toMatchObject({ status: 'pending', canDecide: true });
    expect((await t.gql(sec, APPROVE, { id: made.grant.id })).data.approveRoleGrant).toMatchObject({ status: 'approved', decidedByName: '五华区纪委监委安全保密管理员' });
    expect((await lastAudit('approveRoleGrant')).summary).toBe('批准角色授权：km-wh.zhao 测试人员：纪检干部');
    const off = (await t.gql(null, LOGIN, { u: 'km-wh.zhao', p: 'Zh#2026ownpw' })).data.login;
    expect(off.mustChangePassword).toBe(false);
    expect((await t.gql(off.accessToken, '{ cadres { totalCount } }')).data.cadres.totalCount).toBeGreaterThan(0);
    // Approved once only.
    expect(code(await t.gql(sec, APPROVE, { id: made.grant.id }))).toBe('BAD_USER_INPUT');
  });

  it('wrong activation codes count toward the lockout; an expired code is refused; every failure answers alike', async () => {
    const km = await t.login('km.admin');
    const made = (await create(km, 'km-pl', 'qian', 'leader')).data.createUser;
    const refused = await t.gql(null, ACTIVATE, { u: 'km-pl.nobody', c: 'AAAA-BBBB-CCCC', p: 'Qian#2026own' });
    expect(refused.errors?.[0]).toMatchObject({ message: '登录名或激活码不正确，或激活码已过期', extensions: { code: 'ACTIVATION_FAILED' } });
    for (let i = 0; i < 5; i++) expect(code(await t.gql(null, ACTIVATE, { u: 'km-pl.qian', c: `WRNG-CODE-${i}${i}${i}${i}`, p: 'Qian#2026own' }))).toBe('ACTIVATION_FAILED');
    const row = await asRoot(async (trx) => trx.selectFrom('app_user').select(['failed_logins', 'locked_until']).where('username', '=', 'km-pl.qian').executeTakeFirstOrThrow());
    expect(row.failed_logins).toBe(5);
    expect(row.locked_until).not.toBeNull();
    // Locked: even the right code is refused, with the same answer.
    const locked = await t.gql(null, ACTIVATE, { u: 'km-pl.qian', c: made.activationCode, p: 'Qian#2026own' });
    expect(locked.errors?.[0].message).toBe(refused.errors?.[0].message);
    // A reset issues a fresh code (and lifts the lock); an expired one is refused.
    const id = await userId('km-pl.qian');
    const reset = (await t.gql(km, 'mutation($id:ID!){ resetUserPassword(id:$id){ activationCode expiresAt user { locked activationPending } } }', { id })).data.resetUserPassword;
    expect(reset.user).toEqual({ locked: false, activationPending: true });
    expect(reset.activationCode).not.toBe(made.activationCode);
    expect(code(await t.gql(null, ACTIVATE, { u: 'km-pl.qian', c: made.activationCode, p: 'Qian#2026own' }))).toBe('ACTIVATION_FAILED');
    await asRoot((trx) => sql`update app_user set activation_expires_at = now() - interval '1 minute' where username = 'km-pl.qian'`.execute(trx));
    expect(code(await t.gql(null, ACTIVATE, { u: 'km-pl.qian', c: reset.activationCode, p: 'Qian#2026own' }))).toBe('ACTIVATION_FAILED');
    expect((await lastAudit('activateAccount')).summary).toBe('激活账户失败：km-pl.qian（激活码已过期）');
  });

  it('a reset makes the old password useless; the admin holding the code gets no role: it is approved again first', async () => {
    const km = await t.login('km.admin');
    const live = await t.login('km-gd.leader');
    const id = await userId('km-gd.leader');
    const reset = (await t.gql(km, 'mutation($id:ID!){ resetUserPassword(id:$id){ activationCode user { status } grant { id role previousRole status } } }', { id })).data.resetUserPassword;
    // Whoever holds the code (the admin could) gets no archive role from it: the role waits for a new approval.
    expect(reset.user.status).toBe('pending');
    expect(reset.grant).toMatchObject({ role: 'leader', previousRole: 'leader', status: 'pending' });
    expect(code(await t.gql(live, '{ me { username } }'))).toBe('UNAUTHENTICATED');
    expect(code(await t.gql(null, LOGIN, { u: 'km-gd.leader', p: DEMO_PASSWORD }))).toBe('BAD_CREDENTIALS');
    expect((await t.gql(null, ACTIVATE, { u: 'km-gd.leader', c: reset.activationCode, p: DEMO_PASSWORD })).data.activateAccount.ready).toBe(false);
    expect(code(await t.gql(null, LOGIN, { u: 'km-gd.leader', p: DEMO_PASSWORD }))).toBe('BAD_CREDENTIALS');
    expect((await lastAudit('resetUserPassword')).summary).toContain('km-gd.leader（原密码作废，已发激活码；「领导」角色待重新审批）');
    expect((await t.gql(await t.login('km-gd.secadmin'), APPROVE, { id: reset.grant.id })).data.approveRoleGrant.status).toBe('approved');
    expect((await t.gql(null, LOGIN, { u: 'km-gd.leader', p: DEMO_PASSWORD })).data.login.accessToken).toBeTruthy();
    // Nor can it make itself a security administrator: a new or reset secadmin is approved by another one.
    const sec = (await create(km, 'km-gd', 'sec2', 'secadmin')).data.createUser;
    expect(sec.user.status).toBe('pending');
    expect(sec.grant).toMatchObject({ role: 'secadmin', status: 'pending' });
    await t.gql(null, ACTIVATE, { u: 'km-gd.sec2', c: sec.activationCode, p: 'Second#2026sa' });
    expect(code(await t.gql(null, LOGIN, { u: 'km-gd.sec2', p: 'Second#2026sa' }))).toBe('BAD_CREDENTIALS');
  });
});

describe(`role grants need a security administrator (${engineName})`, () => {
  it('a role change is a request: the account keeps its old role until approved; a return keeps it for good', async () => {
    const km = await t.login('km.admin');
    const id = await userId('km-pz-wj.leader');
    const upd = await t.gql(km, 'mutation($id:ID!){ updateUser(id:$id, input:{role:"officer"}){ role pendingGrant { id role previousRole status } } }', { id });
    expect(upd.data.updateUser).toMatchObject({ role: 'leader', pendingGrant: { role: 'officer', previousRole: 'leader', status: 'pending' } });
    const leader = await t.login('km-pz-wj.leader');
    expect((await t.gql(leader, '{ me { permissions } }')).data.me.permissions).not.toContain('Cadre:update');
    // The security administrator returns it with a reason: nothing changes.
    const sec = await t.login('km.secadmin');
    expect(code(await t.gql(sec, REJECT, { id: upd.data.updateUser.pendingGrant.id, r: ' ' }))).toBe('BAD_USER_INPUT');
    const rej = await t.gql(sec, REJECT, { id: upd.data.updateUser.pendingGrant.id, r: '未见任职文件' });
    expect(rej.data.rejectRoleGrant).toMatchObject({ status: 'rejected', reason: '未见任职文件' });
    expect((await t.gql(leader, '{ me { roles } }')).data.me.roles).toEqual(['leader']);
    expect((await lastAudit('rejectRoleGrant')).summary).toContain('退回角色授权：km-pz-wj.leader');
    // Asked again and approved (by the city's security administrator, an ancestor): the old session ends.
    const again = (await t.gql(km, 'mutation($id:ID!){ updateUser(id:$id, input:{role:"officer"}){ pendingGrant { id } } }', { id })).data.updateUser.pendingGrant.id;
    expect((await t.gql(sec, APPROVE, { id: again })).data.approveRoleGrant.status).toBe('approved');
    expect(code(await t.gql(leader, '{ me { roles } }'))).toBe('UNAUTHENTICATED');
    expect((await t.gql(await t.login('km-pz-wj.leader'), '{ me { roles permissions } }')).data.me.permissions).toContain('Cadre:update');
    // The decisions are listed for the auditor, with the reason; a sibling's security administrator sees none of them.
    const aud = await t.login('km.auditor');
    const decided = (await t.gql(aud, GRANTS, { s: 'decided', t: await tenantId('km-pz-wj') })).data.roleGrants.edges.map((e: any) => e.node);
    expect(decided.map((g: any) => g.status)).toEqual(['approved', 'rejected']);
    expect(decided[1].reason).toBe('未见任职文件');
    expect(decided.every((g: any) => g.canDecide === false)).toBe(true);
    const sibling = await t.login('km-pl.secadmin');
    expect((await t.gql(sibling, GRANTS, { t: await tenantId('km-pz-wj') })).data.roleGrants.totalCount).toBe(0);
    expect((await t.gql(sibling, APPROVE, { id: again })).data.approveRoleGrant).toBeNull();
    // A child's security administrator cannot decide its parent's grants.
    const kmGrant = (await t.gql(km, 'mutation($id:ID!){ updateUser(id:$id, input:{role:"officer"}){ pendingGrant { id } } }', { id: await userId('km.leader') })).data.updateUser.pendingGrant.id;
    expect((await t.gql(await t.login('km-wh.secadmin'), APPROVE, { id: kmGrant })).data.approveRoleGrant).toBeNull();
    // Asking for the role it has withdraws the open request.
    await t.gql(km, 'mutation($id:ID!){ updateUser(id:$id, input:{role:"leader"}){ id } }', { id: await userId('km.leader') });
    expect((await t.gql(sec, GRANTS, { s: 'pending', t: await tenantId('km') })).data.roleGrants.totalCount).toBe(0);
  });

  it('a filler\'s units are a grant too; nobody approves a grant to themselves or one they requested', async () => {
    const km = await t.login('km.admin');
    const units = (await t.gql(km, '{ units(tenantCode:"km-xc"){ id name } }')).data.units;
    const fillerId = await userId('km-xc.filler');
    const upd = await t.gql(km, 'mutation($id:ID!,$u:[ID!]){ updateUser(id:$id, input:{unitIds:$u}){ unitIds pendingGrant { id role unitNames } } }', { id: fillerId, u: [units[1].id] });
    expect(upd.data.updateUser.unitIds).not.toEqual([units[1].id]);
    expect(upd.data.updateUser.pendingGrant).toMatchObject({ role: 'filler', unitNames: [units[1].name] });
    const sec = await t.login('km-xc.secadmin');
    await t.gql(sec, APPROVE, { id: upd.data.updateUser.pendingGrant.id });
    expect((await t.gql(km, 'query($id:ID!){ user(id:$id){ unitIds } }', { id: fillerId })).data.user.unitIds).toEqual([units[1].id]);

    // The parent's admin makes the child's security administrator an officer: that account cannot approve it.
    const xcSec = await userId('km-xc.secadmin');
    const toSelf = (await t.gql(km, 'mutation($id:ID!){ updateUser(id:$id, input:{role:"officer"}){ role pendingGrant { id canDecide } } }', { id: xcSec })).data.updateUser;
    expect(toSelf.role).toBe('secadmin');
    const xc = await t.login('km-xc.secadmin');
    const self = await t.gql(xc, APPROVE, { id: toSelf.pendingGrant.id });
    expect(code(self)).toBe('FORBIDDEN');
    expect((await t.gql(xc, GRANTS, { s: 'pending' })).data.roleGrants.edges.find((e: any) => e.node.id === toSelf.pendingGrant.id).node.canDecide).toBe(false);
    // Nor may the one who asked approve: a request by a security administrator does not exist (it creates no
    // accounts), and an admin cannot approve at all.
    expect(code(await t.gql(km, APPROVE, { id: toSelf.pendingGrant.id }))).toBe('FORBIDDEN');
    expect(code(await t.gql(await t.login('km.auditor'), APPROVE, { id: toSelf.pendingGrant.id }))).toBe('FORBIDDEN');
    await t.gql(km, 'mutation($id:ID!){ updateUser(id:$id, input:{role:"secadmin"}){ id } }', { id: xcSec });
  });

  it('the security administrator reads no archive, no log, no account and creates none', async () => {
    const sec = await t.login('km.secadmin');
    expect((await t.gql(sec, '{ me { roleLabel permissions } }')).data.me).toEqual({
      roleLabel: '安全保密管理员', permissions: ['Tenant:read', 'SecuritySettings:read', 'SecuritySettings:update', 'RoleGrant:read', 'RoleGrant:approve'],
    });
    for (const q of ['{ cadres { totalCount } }', '{ auditEvents { totalCount } }', '{ users { totalCount } }']) expect(code(await t.gql(sec, q))).toBe('FORBIDDEN');
    expect(code(await create(sec, 'km', 'x1', 'leader'))).toBe('FORBIDDEN');
  });
});

describe(`admins do not manage the administrators of their own tenant (${engineName})`, () => {
  it('an admin cannot create a second admin (or secadmin, auditor) to disable the first; the parent\'s admin can', async () => {
    const wh = await t.login('km-wh.admin');
    for (const role of ['admin', 'secadmin', 'auditor']) expect(code(await create(wh, 'km-wh', `second${role}`, role))).toBe('FORBIDDEN');
    // Nor promote an officer of its own tenant to admin, nor act on its own tenant's administrators.
    expect(code(await t.gql(wh, 'mutation($id:ID!){ updateUser(id:$id, input:{role:"admin"}){ id } }', { id: await userId('km-wh.officer') }))).toBe('FORBIDDEN');
    for (const u of ['km-wh.secadmin', 'km-wh.auditor']) {
      const id = await userId(u);
      expect(code(await t.gql(wh, 'mutation($id:ID!){ setUserStatus(id:$id, status:"disabled"){ id } }', { id }))).toBe('FORBIDDEN');
      expect(code(await t.gql(wh, 'mutation($id:ID!){ resetUserPassword(id:$id){ activationCode } }', { id }))).toBe('FORBIDDEN');
      expect(code(await t.gql(wh, 'mutation($id:ID!){ unlockUser(id:$id){ id } }', { id }))).toBe('FORBIDDEN');
      expect(code(await t.gql(wh, 'mutation($id:ID!){ updateUser(id:$id, input:{displayName:"改"}){ id } }', { id }))).toBe('FORBIDDEN');
    }
    expect((await lastAudit('createUser')).summary).toMatch(/^无权操作：新建用户：五华区纪委监委/);
    // The city's admin creates the county's second admin (no grant needed: it reads no archive) and manages it.
    const km = await t.login('km.admin');
    const made = (await create(km, 'km-wh', 'admin2', 'admin')).data.createUser;
    expect(made.user.status).toBe('active');
    expect(made.grant).toBeNull();
    const admin2 = (await t.gql(null, ACTIVATE, { u: 'km-wh.admin2', c: made.activationCode, p: 'Second#2026x' })).data.activateAccount;
    expect(admin2.ready).toBe(true);
    const a2 = (await t.gql(null, LOGIN, { u: 'km-wh.admin2', p: 'Second#2026x' })).data.login.accessToken;
    expect(code(await t.gql(a2, 'mutation($id:ID!){ setUserStatus(id:$id, status:"disabled"){ id } }', { id: await userId('km-wh.admin') }))).toBe('FORBIDDEN');
    const off = await t.gql(km, 'mutation($id:ID!){ setUserStatus(id:$id, status:"disabled"){ status } }', { id: await userId('km-wh.admin2') });
    expect(off.data.setUserStatus.status).toBe('disabled');
  });
});

describe(`security settings: the secadmin sets them, the parent's values are a floor (${engineName})`, () => {
  const UPD = 'mutation($id:ID!,$i:SecuritySettingsInput!){ updateTenantSecurity(tenantId:$id, input:$i){ passwordMinLength { value own floor } idleTimeoutMinutes { value own floor stricter } lockoutThreshold { value } } }';
  it('an admin reads but cannot change them; a child cannot loosen its parent\'s values', async () => {
    const kmId = await tenantId('km'), ctId = await tenantId('km-qy-ct');
    expect(code(await t.gql(await t.login('km.admin'), UPD, { id: ctId, i: { idleTimeoutMinutes: 20 } }))).toBe('FORBIDDEN');
    const sec = await t.login('km.secadmin');
    const set = await t.gql(sec, UPD, { id: kmId, i: { passwordMinLength: 10, idleTimeoutMinutes: 20 } });
    expect(set.data.updateTenantSecurity.passwordMinLength).toEqual({ value: 10, own: 10, floor: 8 });
    const ct = await t.login('km-qy-ct.secadmin');
    const loose = await t.gql(ct, UPD, { id: ctId, i: { idleTimeoutMinutes: 60 } });
    expect(code(loose)).toBe('BAD_USER_INPUT');
    expect(loose.errors?.[0].message).toBe('「空闲超时（分钟）」不能大于上级（昆明市纪委监委）规定的 20：下级只能从严，不能放宽');
    const short = await t.gql(ct, UPD, { id: ctId, i: { passwordMinLength: 9 } });
    expect(short.errors?.[0].message).toBe('「密码最小长度」不能小于上级（昆明市纪委监委）规定的 10：下级只能从严，不能放宽');
    const loosen = await t.gql(ct, UPD, { id: ctId, i: { lockoutThreshold: 6 } });
    expect(loosen.errors?.[0].message).toContain('不能大于上级（系统默认）规定的 5');
    const strict = await t.gql(ct, UPD, { id: ctId, i: { idleTimeoutMinutes: 15, passwordMinLength: 12 } });
    expect(strict.data.updateTenantSecurity.idleTimeoutMinutes).toEqual({ value: 15, own: 15, floor: 20, stricter: 'lower' });
    expect((await lastAudit('updateTenantSecurity')).summary).toBe('修改安全设置：城投集团纪委（密码最小长度 → 12、空闲超时（分钟） → 15）');

    // Rows an older version left looser than the parent count for nothing at runtime.
    await asRoot((trx) => sql`update tenant_security set password_min_length = 8, idle_timeout_minutes = 120, lockout_threshold = 10 where tenant_id = ${ctId}`.execute(trx));
    const view = (await t.gql(sec, 'query($id:ID!){ tenantSecurity(tenantId:$id){ passwordMinLength { value own sourceTenantName } idleTimeoutMinutes { value } lockoutThreshold { value } } }', { id: ctId })).data.tenantSecurity;
    expect(view).toEqual({ passwordMinLength: { value: 10, own: 8, sourceTenantName: '昆明市纪委监委' }, idleTimeoutMinutes: { value: 20 }, lockoutThreshold: { value: 5 } });
    // What login and sessions use (security_effective() through the account lookup).
    const rt = (await asRoot((trx) => sql<any>`select * from auth_find_user('km-qy-ct.leader')`.execute(trx))).rows[0];
    expect(rt).toMatchObject({ idle_timeout_minutes: 20, lockout_threshold: 5 });
    // Behaviour: the idle timeout of the parent ends the child's sessions, and a 9-character password is refused.
    const s = await t.login('km-qy-ct.leader');
    await asRoot((trx) => sql`update user_session set last_seen_at = now() - interval '25 minutes' where user_id = (select id from app_user where username = 'km-qy-ct.leader')`.execute(trx));
    expect(code(await t.gql(s, '{ me { username } }'))).toBe('UNAUTHENTICATED');
    const made = (await create(await t.login('km.admin'), 'km-qy-ct', 'sun', 'admin')).data.createUser;
    expect((await t.gql(null, ACTIVATE, { u: 'km-qy-ct.sun', c: made.activationCode, p: 'Sun#20261' })).errors?.[0].message).toContain('至少 10 位');
    await asRoot((trx) => sql`delete from tenant_security where tenant_id in (${kmId}, ${ctId})`.execute(trx));
  });
});

describe(`the auditor's grant records and alerts (${engineName})`, () => {
  it('a grant approved and followed within an hour by a login and archive reads is an alert', async () => {
    const km = await t.login('km.admin');
    const made = (await create(km, 'km-gx-kmxy', 'li', 'officer')).data.createUser;
    expect((await t.gql(null, ACTIVATE, { u: 'km-gx-kmxy.li', c: made.activationCode, p: 'Li#2026abcdEFGH' })).data.activateAccount.username).toBe('km-gx-kmxy.li');
    const aud = await t.login('km.auditor');
    const ALERTS = '{ roleGrantAlerts { summary readCount cadreCount grant { username role } } }';
    const before = (await t.gql(aud, ALERTS)).data.roleGrantAlerts.filter((a: any) => a.grant.username === 'km-gx-kmxy.li');
    expect(before).toEqual([]);
    const pend = (await t.gql(aud, GRANTS, { s: 'pending', t: await tenantId('km-gx-kmxy') })).data.roleGrants.edges.map((e: any) => e.node.username);
    expect(pend).toContain('km-gx-kmxy.li');
    await t.gql(await t.login('km-gx-kmxy.secadmin'), APPROVE, { id: made.grant.id });
    const li = (await t.gql(null, LOGIN, { u: 'km-gx-kmxy.li', p: 'Li#2026abcdEFGH' })).data.login.accessToken;
    const list = (await t.gql(li, '{ cadres(first:3) { edges { node { id } } } }')).data.cadres.edges;
    for (const e of list) await t.gql(li, `{ cadre(id:"${e.node.id}") { name } }`);
    const alerts = (await t.gql(aud, ALERTS)).data.roleGrantAlerts.filter((a: any) => a.grant.username === 'km-gx-kmxy.li');
    expect(alerts).toHaveLength(1);
    expect(alerts[0].readCount).toBeGreaterThanOrEqual(4);
    expect(alerts[0].cadreCount).toBe(3);
    expect(alerts[0].summary).toMatch(/^km-gx-kmxy\.li（测试人员）获批「纪检干部」后 0 分钟登录，一小时内查阅档案 \d+ 次、涉及 3 名干部$/);
    // Only auditors.
    expect(code(await t.gql(km, ALERTS))).toBe('FORBIDDEN');
    expect(code(await t.gql(await t.login('km.secadmin'), ALERTS))).toBe('FORBIDDEN');
  });
});
