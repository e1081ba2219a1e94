// Login, sessions and the audit trail: every login attempt and every GraphQL operation leaves one row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphQLError } from 'graphql';
import { maskError } from '../../services/api/src/graphql/yoga.js';
import { withScope } from '../../services/api/src/db/scope.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { engineName } from '../helpers/db.js';
import { LOGIN_REFUSED } from '../../services/api/src/auth/login.js';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

const LOGIN = 'mutation($u:String!,$p:String!){ login(username:$u,password:$p){ accessToken expiresIn } }';

/** Audit rows as the root sees them (scope yn), newest first. */
async function auditRows(where: { requestId?: string; username?: string } = {}) {
  return withScope(t.database.db, 'yn', async (trx) => {
    let q = trx.selectFrom('audit_event as a').leftJoin('tenant as tn', 'tn.id', 'a.tenant_id')
      .select(['a.id', 'a.at', 'a.username', 'a.user_id', 'a.operation', 'a.kind', 'a.outcome', 'a.client_ip', 'a.request_id', 'a.cadre_ids', 'a.detail', 'tn.code as tenant_code']);
    if (where.username) q = q.where('a.username', '=', where.username);
    if (where.requestId) q = q.where('a.request_id', '=', where.requestId);
    return q.orderBy('a.id', 'desc').execute();
  });
}
const failedCount = async (username: string) => withScope(t.database.db, 'yn', async (trx) =>
  (await trx.selectFrom('app_user').select(['failed_logins', 'locked_until']).where('username', '=', username).executeTakeFirstOrThrow()));

describe(`login and audit (${engineName})`, () => {
  it('a successful login returns a short-lived token and leaves a login row', async () => {
    const r = await t.gql(null, LOGIN, { u: 'km-gd.leader', p: 'Lianzheng@2026' });
    expect(r.data.login.accessToken.split('.')).toHaveLength(3);
    expect(r.data.login.expiresIn).toBeLessThanOrEqual(3600);
    const [row] = await auditRows({ username: 'km-gd.leader' });
    expect(row).toMatchObject({ kind: 'login', outcome: 'success', tenant_code: 'km-gd', operation: 'login' });
    expect(row.at).toBeInstanceOf(Date);
    expect(row.request_id).toBeTruthy();
    expect(row.client_ip).toBeTruthy();
  });

  it('a wrong password is refused in Chinese, counted, audited, and locks the account after 5', async () => {
    const before = (await auditRows({ username: 'km-gd.filler' })).length;
    for (let i = 1; i <= 5; i++) {
      const r = await t.gql(null, LOGIN, { u: 'km-gd.filler', p: 'wrong' + i });
      expect(r.errors?.[0].message).toBe(LOGIN_REFUSED);
      expect(r.data?.login ?? null).toBeNull();
      expect((await failedCount('km-gd.filler')).failed_logins).toBe(i);
    }
    const rows = await auditRows({ username: 'km-gd.filler' });
    expect(rows.length - before).toBe(5);
    expect(rows[0]).toMatchObject({ kind: 'login', outcome: 'failure', tenant_code: 'km-gd' });
    // Locked: the right password is refused with the same answer as a wrong one (no oracle); the row says why.
    const locked = await t.gql(null, LOGIN, { u: 'km-gd.filler', p: 'Lianzheng@2026' });
    expect(locked.errors?.[0].extensions?.code).toBe('BAD_CREDENTIALS');
    expect(locked.errors?.[0].message).toBe(LOGIN_REFUSED);
    expect((await auditRows({ username: 'km-gd.filler' }))[0].detail).toMatchObject({ reason: 'locked' });
  });

  it('an unknown user gets the same message as a wrong password, and a row', async () => {
    const r = await t.gql(null, LOGIN, { u: 'nobody.here', p: 'x' });
    expect(r.errors?.[0].message).toBe(LOGIN_REFUSED);
    const [row] = await auditRows({ username: 'nobody.here' });
    expect(row).toMatchObject({ kind: 'login', outcome: 'failure', tenant_code: null });
    // An unknown account under a known tenant prefix is attributed to that tenant, for its auditors.
    await t.gql(null, LOGIN, { u: 'km-gd.ghost', p: 'x' });
    const [ghost] = await auditRows({ username: 'km-gd.ghost' });
    expect(ghost).toMatchObject({ kind: 'login', outcome: 'failure', tenant_code: 'km-gd', user_id: null });
    const gd = await t.gql(await t.login('km-gd.auditor'), '{ auditEvents(first: 500){ edges { node { username } } } }');
    expect(gd.data.auditEvents.edges.map((e: any) => e.node.username)).toContain('km-gd.ghost');
    const wh = await t.gql(await t.login('km-wh.auditor'), '{ auditEvents(first: 500){ edges { node { username tenantCode } } } }');
    expect(wh.data.auditEvents.edges.map((e: any) => e.node.username)).not.toContain('km-gd.ghost');
    expect(wh.data.auditEvents.edges.map((e: any) => e.node.username)).not.toContain('nobody.here');
  });

  it('each aliased login in one request is its own attempt and its own row', async () => {
    const before = (await failedCount('km-xc.filler')).failed_logins;
    const r = await t.gql(null, 'mutation{ a: login(username:"km-xc.filler", password:"x1"){ accessToken } b: login(username:"km-xc.filler", password:"x2"){ accessToken } }');
    expect(r.errors?.length).toBe(2);
    expect((await failedCount('km-xc.filler')).failed_logins).toBe(before + 2);
    expect((await auditRows({ username: 'km-xc.filler' })).filter((x) => x.outcome === 'failure').length).toBeGreaterThanOrEqual(2);
  });

  it('operations without a valid token are refused and audited as denied', async () => {
    const none = await t.app.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json' }, payload: { query: '{ cadres(first:5){ totalCount } }' } });
    expect(none.json().errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const rid = none.headers['x-request-id'];
    void rid;
    const forged = await t.gql('eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.bad', '{ me { username } }');
    expect(forged.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const rows = await auditRows();
    expect(rows.slice(0, 2).every((r) => r.kind === 'denied' && r.outcome === 'failure' && r.username === null)).toBe(true);
  });

  it('requests refused before execution (unparsable, invalid) still leave a row', async () => {
    const tok = await t.login('km-pz-wj.officer');
    const before = (await auditRows({ username: 'km-pz-wj.officer' })).length;
    const invalid = await t.gql(tok, '{ cadres(first: 1){ nonexistentField } }');
    expect(invalid.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const unparsable = await t.gql(tok, '{ cadres(first: 1){ ');
    expect(unparsable.errors?.[0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    // Both rows are written in the background.
    let rows: Awaited<ReturnType<typeof auditRows>> = [];
    await expect.poll(async () => (rows = await auditRows({ username: 'km-pz-wj.officer' })).length, { timeout: 5000 }).toBe(before + 2);
    expect(rows.slice(0, 2).map((r) => r.outcome)).toEqual(['failure', 'failure']);
    expect(rows.slice(0, 2).every((r) => r.tenant_code === 'km-pz-wj')).toBe(true);
  });

  it('reading cadres leaves their ids in the audit row of that request', async () => {
    const tok = await t.login('km-wh.officer');
    const r = await t.gql(tok, '{ cadres(first:3){ edges { node { id } } } }');
    const ids = r.data.cadres.edges.map((e: any) => e.node.id);
    const [row] = await auditRows({ username: 'km-wh.officer' });
    expect(row).toMatchObject({ kind: 'read', outcome: 'success', tenant_code: 'km-wh' });
    expect(row.operation).toContain('cadres');
    expect([...row.cadre_ids].sort()).toEqual([...ids].sort());
    const one = await t.gql(tok, 'query($id:ID!){ cadre(id:$id){ id } }', { id: ids[1] });
    expect(one.data.cadre.id).toBe(ids[1]);
    expect((await auditRows({ username: 'km-wh.officer' }))[0].cadre_ids).toEqual([ids[1]]);
  });

  it('failed work rolls back while its audit row commits; successful writes commit with theirs', async () => {
    const tok = await t.login('km-wh.officer');
    const units = (await t.gql(tok, '{ units(tenantCode:"km-wh"){ id } }')).data.units;
    // One mutation succeeds, the next fails: the whole operation rolls back.
    const r = await t.gql(tok, `mutation($u:ID!){
      a: createCadre(input:{name:"回滚甲", unitId:$u}){ id }
      b: createCadre(input:{name:"回滚乙", unitId:$u, birthMonth:"bad"}){ id } }`, { u: units[0].id });
    expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const gone = await t.gql(tok, '{ cadres(first:5, filter:{search:"回滚甲"}){ totalCount } }');
    expect(gone.data.cadres.totalCount).toBe(0);
    const failedRow = (await auditRows({ username: 'km-wh.officer' }))[1];
    expect(failedRow).toMatchObject({ kind: 'write', outcome: 'failure' });
    expect(failedRow.cadre_ids).toHaveLength(1);
    const ok = await t.gql(tok, 'mutation($u:ID!){ createCadre(input:{name:"留存丙", unitId:$u}){ id } }', { u: units[0].id });
    const [row] = await auditRows({ username: 'km-wh.officer' });
    expect(row).toMatchObject({ kind: 'write', outcome: 'success', cadre_ids: [ok.data.createCadre.id] });
  });

  it('a forbidden operation is audited as denied', async () => {
    const tok = await t.login('km-pl.admin');
    await t.gql(tok, '{ cadres(first:5){ totalCount } }');
    const [row] = await auditRows({ username: 'km-pl.admin' });
    expect(row).toMatchObject({ kind: 'denied', outcome: 'failure', tenant_code: 'km-pl' });
  });

  it('auditEvents: an auditor sees its subtree only, newest first', async () => {
    const tok = await t.login('km-wh.auditor');
    const r = await t.gql(tok, '{ auditEvents(first: 500){ totalCount edges { node { tenantCode kind outcome username operation at } } } }');
    expect(r.data.auditEvents.totalCount).toBeGreaterThan(0);
    expect(r.data.auditEvents.edges.every((e: any) => e.node.tenantCode === 'km-wh')).toBe(true);
    const denied = await t.gql(await t.login('km-wh.officer'), '{ auditEvents(first: 5){ totalCount } }');
    expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('a disabled account cannot log in and its live token stops working', async () => {
    const tok = await t.login('km-gx-kmxy.leader');
    expect((await t.gql(tok, '{ me { username } }')).data.me.username).toBe('km-gx-kmxy.leader');
    await withScope(t.database.db, 'yn', (trx) => trx.updateTable('app_user').set({ status: 'disabled' }).where('username', '=', 'km-gx-kmxy.leader').execute());
    expect((await t.gql(tok, '{ me { username } }')).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const again = await t.gql(null, LOGIN, { u: 'km-gx-kmxy.leader', p: 'Lianzheng@2026' });
    expect(again.errors?.[0].extensions?.code).toBe('BAD_CREDENTIALS');
    expect((await auditRows({ username: 'km-gx-kmxy.leader' }))[0].detail).toMatchObject({ reason: 'disabled' });
  });

  it('database error text never reaches the client', async () => {
    const dbError = Object.assign(new Error('duplicate key value violates unique constraint "cadre_pkey"'), { code: '23505' });
    const wrapped = new GraphQLError(dbError.message, { originalError: dbError });
    const masked = maskError(wrapped);
    expect(masked.message).toBe('服务器内部错误');
    expect(JSON.stringify(masked.toJSON())).not.toMatch(/cadre|violat|constraint/);
    const own = new GraphQLError('无权执行此操作', { extensions: { code: 'FORBIDDEN' } });
    expect(maskError(own)).toBe(own);
    expect(maskError(new GraphQLError(own.message, { originalError: own })).message).toBe('无权执行此操作');
  });
});
