// Issue 10, sessions and logins: the forced password change cannot be skipped with fragments, changePassword counts
// toward the lockout, a wrong refresh secret logs nobody out, access tokens' lifetimes are bounded when verified,
// logins answer alike for every refusal, refused logins slow their address down, and production hides suggestions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { GraphQLError } from 'graphql';
import { buildApp } from '../../services/api/src/app.js';
import { withScope } from '../../services/api/src/db/scope.js';
import { maskError } from '../../services/api/src/graphql/yoga.js';
import { rootFields } from '../../services/api/src/graphql/operation.js';
import { createLoginLimiter } from '../../services/api/src/auth/rate-limit.js';
import { LOGIN_REFUSED } from '../../services/api/src/auth/login.js';
import { lifetimeAcceptable } from '../../services/api/src/auth/request-session.js';
import { getOperationAST, parse } from 'graphql';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { DEMO_PASSWORD, engineName, testConfig } from '../helpers/db.js';

let t: TestApp;
// Delays start after the third refused login from one address; tests that refuse logins send them from their own address.
beforeAll(async () => { t = await createTestApp({ config: { loginBackoff: { freeFailures: 2, baseSeconds: 30 } } }); });
afterAll(async () => { await t?.close(); });

type Gql = { data?: any; errors?: { message: string; extensions?: Record<string, any> }[] };
let ipSeq = 10;
/** A fresh client address per call site (so refused logins in one test do not slow another). */
const newIp = () => `10.0.0.${ipSeq++}`;
async function post(query: string, variables: Record<string, unknown> = {}, o: { token?: string; auth?: string; ip?: string } = {}): Promise<Gql> {
  const res = await t.app.inject({
    method: 'POST', url: '/graphql', remoteAddress: o.ip ?? '127.0.0.1',
    headers: { 'content-type': 'application/json', ...(o.token ? { authorization: `Bearer ${o.token}` } : o.auth ? { authorization: o.auth } : {}) },
    payload: JSON.stringify({ query, variables }),
  });
  return res.json();
}
const code = (r: Gql) => r.errors?.[0]?.extensions?.code;
const asRoot = <T>(f: (trx: any) => Promise<T>) => withScope(t.database.db, 'yn', f);
const LOGIN = 'mutation($u:String!,$p:String!){ login(username:$u,password:$p){ accessToken refreshToken } }';
async function session(username: string) {
  const r = await post(LOGIN, { u: username, p: DEMO_PASSWORD });
  if (!r.data?.login) throw new Error(`login ${username}: ${JSON.stringify(r.errors)}`);
  return r.data.login as { accessToken: string; refreshToken: string };
}
const lastRow = async (username: string) => asRoot(async (trx) => trx.selectFrom('audit_event')
  .select(['operation', 'outcome', 'kind', 'detail']).where('username', '=', username).orderBy('id', 'desc').executeTakeFirstOrThrow());
const account = async (username: string) => asRoot(async (trx) => trx.selectFrom('app_user')
  .select(['failed_logins', 'locked_until']).where('username', '=', username).executeTakeFirstOrThrow());

describe(`root fields of an operation (unit)`, () => {
  const fields = (q: string, vars: Record<string, unknown> = {}) => {
    const doc = parse(q);
    return rootFields(doc, getOperationAST(doc)!, vars);
  };
  it('expands named, inline and nested fragments, cuts cycles, honours @skip/@include', () => {
    expect(fields('{ a: me { id } ...F } fragment F on Query { ... on Query { cadres { totalCount } } ...G } fragment G on Query { units { id } ...F }'))
      .toEqual(['me', 'cadres', 'units']);
    expect(fields('{ me { id } cadres @skip(if: true) { totalCount } units @include(if: false) { id } }')).toEqual(['me']);
    expect(fields('query($x: Boolean!){ me { id } ... @include(if: $x) { cadres { totalCount } } }', { x: false })).toEqual(['me']);
    expect(fields('query($x: Boolean!){ me { id } ... @include(if: $x) { cadres { totalCount } } }', { x: true })).toEqual(['me', 'cadres']);
    // A condition not known counts as executing (the safe side).
    expect(fields('query($x: Boolean){ me { id } cadres @skip(if: $x) { totalCount } }')).toEqual(['me', 'cadres']);
  });
});

describe(`forced password change cannot be skipped (${engineName})`, () => {
  let token: string;
  beforeAll(async () => {
    token = (await session('km-pz-wj.leader')).accessToken;
    await asRoot((trx) => trx.updateTable('app_user').set({ must_change_password: true }).where('username', '=', 'km-pz-wj.leader').execute());
  });

  it.each([
    ['a named fragment', '{ ...F } fragment F on Query { cadres { totalCount } }'],
    ['an inline fragment', '{ ... on Query { cadres { totalCount } } }'],
    ['an inline fragment without type', '{ ... { cadres { totalCount } } }'],
    ['nested fragments', '{ ...A } fragment A on Query { ...B } fragment B on Query { ... on Query { cadres { totalCount } } }'],
    ['a fragment mixed with allowed fields', '{ me { username } ...F } fragment F on Query { cadres { totalCount } }'],
  ])('%s is refused and its audit row names the field', async (_name, query) => {
    const r = await post(query, {}, { token });
    expect(code(r)).toBe('PASSWORD_CHANGE_REQUIRED');
    expect(r.data ?? null).toBeNull();
    const row = await lastRow('km-pz-wj.leader');
    expect(row.operation).toContain('cadres');
    expect(row.outcome).toBe('failure');
  });

  it('a mutation inside a fragment is refused too', async () => {
    const r = await post('mutation { ...M } fragment M on Mutation { unlockUser(id: "00000000-0000-4000-8000-000000000000") { id } }', {}, { token });
    expect(code(r)).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await lastRow('km-pz-wj.leader')).operation).toBe('mutation {unlockUser}');
  });

  it('a field included by a variable is refused; the allowed fields still work through fragments', async () => {
    const q = 'query($x: Boolean!){ me { username } cadres @include(if: $x) { totalCount } }';
    expect(code(await post(q, { x: true }, { token }))).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await post(q, { x: false }, { token })).data?.me.username).toBe('km-pz-wj.leader');
    const r = await post('{ ...F } fragment F on Query { ... on Query { me { username } } }', {}, { token });
    expect(r.data?.me.username).toBe('km-pz-wj.leader');
    expect((await lastRow('km-pz-wj.leader')).operation).toBe('query {me}');
  });
});

describe(`sessionless mutations are recognised after fragments (${engineName})`, () => {
  it('a login inside a fragment behaves like a plain one, even beside a stale token', async () => {
    const q = 'mutation($u:String!,$p:String!){ ...L } fragment L on Mutation { login(username:$u,password:$p){ accessToken } }';
    const r = await post(q, { u: 'km-pz-wj.officer', p: DEMO_PASSWORD }, { auth: 'Bearer stale.token.here' });
    expect(r.errors).toBeUndefined();
    expect(r.data?.login.accessToken).toBeTruthy();
  });

  it('a login mixed with other fields through a fragment needs a session', async () => {
    const q = 'mutation($u:String!,$p:String!){ login(username:$u,password:$p){ accessToken } ...F } fragment F on Mutation { logout }';
    const sessions = async () => asRoot(async (trx) => (await trx.selectFrom('user_session as s').innerJoin('app_user as u', 'u.id', 's.user_id')
      .select(sql<number>`count(*)::int`.as('n')).where('u.username', '=', 'km-pz-wj.officer').executeTakeFirstOrThrow()).n);
    const before = await sessions();
    const r = await post(q, { u: 'km-pz-wj.officer', p: DEMO_PASSWORD }, { auth: 'Bearer stale.token.here' });
    expect(code(r)).toBe('UNAUTHENTICATED');
    expect(r.data?.login ?? null).toBeNull();
    // The login never ran: no session was opened.
    expect(await sessions()).toBe(before);
    expect(await asRoot(async (trx) => trx.selectFrom('audit_event').select('operation')
      .where('operation', '=', 'mutation {login,logout}').orderBy('id', 'desc').executeTakeFirst())).toMatchObject({ operation: 'mutation {login,logout}' });
  });
});

describe(`changePassword counts wrong current passwords toward the lockout (${engineName})`, () => {
  const CHANGE = 'mutation($o:String!,$n:String!){ changePassword(currentPassword:$o, newPassword:$n) }';
  const threshold = async (username: string) => asRoot(async (trx) =>
    Number((await sql<{ lockout_threshold: number }>`select lockout_threshold from auth_find_user(${username})`.execute(trx)).rows[0].lockout_threshold));

  it('each wrong guess counts, the lock refuses further changes and logins, and every attempt is audited', async () => {
    const user = 'km-pz-jy.officer';
    const { accessToken } = await session(user);
    const n = await threshold(user);
    for (let i = 1; i <= n; i++) {
      const r = await post(CHANGE, { o: `Wrong#${i}guess`, n: 'Newpass#2027ab' }, { token: accessToken });
      expect(r.errors?.[0].message).toBe('当前密码不正确');
      expect((await account(user)).failed_logins).toBe(i);
      expect((await lastRow(user)).detail).toMatchObject({ passwordCheck: 'bad_password', errors: ['BAD_USER_INPUT'] });
    }
    expect(new Date((await account(user)).locked_until!).getTime()).toBeGreaterThan(Date.now());
    // Locked: even the right current password is refused, and so is a login.
    const locked = await post(CHANGE, { o: DEMO_PASSWORD, n: 'Newpass#2027ab' }, { token: accessToken });
    expect(code(locked)).toBe('ACCOUNT_LOCKED');
    expect(locked.errors?.[0].message).toContain('锁定');
    expect((await lastRow(user)).detail).toMatchObject({ passwordCheck: 'locked' });
    expect(code(await post(LOGIN, { u: user, p: DEMO_PASSWORD }, { ip: newIp() }))).toBe('BAD_CREDENTIALS');
  });

  it('aliased guesses in one request cannot add guesses: the first refusal ends the request', async () => {
    const user = 'km-pz-jy.auditor';
    const { accessToken } = await session(user);
    const aliases = Array.from({ length: 6 }, (_, i) => `a${i}: changePassword(currentPassword:"Wrong#${i}x", newPassword:"Newpass#2027ab")`).join(' ');
    const r = await post(`mutation { ${aliases} }`, {}, { token: accessToken });
    expect(r.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect((await account(user)).failed_logins).toBe(1);
  });

  it('a successful change clears earlier wrong guesses', async () => {
    const user = 'km-pz-jy.leader';
    const { accessToken } = await session(user);
    await post(CHANGE, { o: 'Wrong#1guess', n: 'Newpass#2027ab' }, { token: accessToken });
    expect((await account(user)).failed_logins).toBe(1);
    expect((await post(CHANGE, { o: DEMO_PASSWORD, n: 'Newpass#2027ab' }, { token: accessToken })).data?.changePassword).toBe(true);
    expect((await account(user)).failed_logins).toBe(0);
  });
});

describe(`refresh tokens (${engineName})`, () => {
  const REFRESH = 'mutation($r:String!){ refreshSession(refreshToken:$r){ accessToken refreshToken } }';
  const ME = '{ me { username } }';

  it('a wrong secret is refused and leaves the session alone', async () => {
    const s = await session('km-wh.leader');
    const sid = s.refreshToken.split('.')[0];
    const r = await post(REFRESH, { r: `${sid}.${'A'.repeat(43)}` });
    expect(code(r)).toBe('UNAUTHENTICATED');
    expect((await post(ME, {}, { token: s.accessToken })).data?.me.username).toBe('km-wh.leader');
    const next = await post(REFRESH, { r: s.refreshToken });
    expect(next.data?.refreshSession.accessToken).toBeTruthy();
  });

  it('a superseded secret presented again ends the session', async () => {
    const s = await session('km-wh.filler');
    const r1 = await post(REFRESH, { r: s.refreshToken });
    const second = r1.data!.refreshSession as { accessToken: string; refreshToken: string };
    expect((await post(REFRESH, { r: s.refreshToken })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(code(await post(ME, {}, { token: second.accessToken }))).toBe('UNAUTHENTICATED');
    expect(code(await post(REFRESH, { r: second.refreshToken }))).toBe('UNAUTHENTICATED');
    const reason = await asRoot(async (trx) => trx.selectFrom('user_session').select('revoked_reason')
      .where('id', '=', s.refreshToken.split('.')[0]).executeTakeFirstOrThrow());
    expect(reason.revoked_reason).toBe('refresh_reuse');
  });
});

describe(`access-token lifetimes are bounded on verification (${engineName})`, () => {
  const ME = '{ me { username } }';
  let claims: { sub: string; sid: string };
  beforeAll(async () => {
    const { accessToken } = await session('km-wh.officer');
    claims = t.app.jwt.decode<{ sub: string; sid: string }>(accessToken)!;
  });
  const now = () => Math.floor(Date.now() / 1000);

  it('a token issued normally works', async () => {
    const token = t.app.jwt.sign({ sub: claims.sub, sid: claims.sid, typ: 'access' }, { expiresIn: 900 });
    expect((await post(ME, {}, { token })).data?.me.username).toBe('km-wh.officer');
  });

  it('a token signed with the right secret but a 10-year expiry is refused', async () => {
    const token = t.app.jwt.sign({ sub: claims.sub, sid: claims.sid, typ: 'access' }, { expiresIn: 10 * 365 * 24 * 3600 });
    expect(code(await post(ME, {}, { token }))).toBe('UNAUTHENTICATED');
  });

  it('a token without iat or exp, or issued in the future, is refused', async () => {
    const noIat = t.app.jwt.sign({ sub: claims.sub, sid: claims.sid, typ: 'access', exp: now() + 600 }, { noTimestamp: true });
    const noExp = t.app.jwt.sign({ sub: claims.sub, sid: claims.sid, typ: 'access' });
    const future = t.app.jwt.sign({ sub: claims.sub, sid: claims.sid, typ: 'access', iat: now() + 3600, exp: now() + 3600 + 600 });
    for (const token of [noIat, noExp, future]) expect(code(await post(ME, {}, { token }))).toBe('UNAUTHENTICATED');
  });

  it('the lifetime rule itself', () => {
    const n = 1_800_000_000;
    expect(lifetimeAcceptable({ iat: n, exp: n + 900 }, 900, n)).toBe(true);
    expect(lifetimeAcceptable({ iat: n, exp: n + 900 + 31 }, 900, n)).toBe(false);
    expect(lifetimeAcceptable({ iat: n + 31, exp: n + 931 }, 900, n)).toBe(false);
    expect(lifetimeAcceptable({ exp: n + 900 }, 900, n)).toBe(false);
  });
});

describe(`logins answer alike and slow down a guessing address (${engineName})`, () => {
  it('unknown, wrong password, locked and disabled accounts get the same answer; the audit keeps the truth', async () => {
    await asRoot(async (trx) => {
      await trx.updateTable('app_user').set({ locked_until: sql`now() + interval '1 hour'` as never }).where('username', '=', 'km-xc.leader').execute();
      await trx.updateTable('app_user').set({ status: 'disabled' }).where('username', '=', 'km-xc.officer').execute();
    });
    const cases: [string, string, string][] = [
      ['km-xc.nobody', DEMO_PASSWORD, 'unknown_user'],
      ['km-xc.auditor', 'Wrong#pass1', 'bad_password'],
      ['km-xc.leader', DEMO_PASSWORD, 'locked'],
      ['km-xc.officer', DEMO_PASSWORD, 'disabled'],
    ];
    const answers = [];
    for (const [u, p, reason] of cases) {
      const r = await post(LOGIN, { u, p }, { ip: newIp() });
      answers.push({ code: code(r), message: r.errors?.[0].message, data: r.data?.login ?? null });
      expect((await lastRow(u)).detail).toMatchObject({ reason });
    }
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(answers[0]).toEqual({ code: 'BAD_CREDENTIALS', message: LOGIN_REFUSED, data: null });
  });

  it('after three refusals an address must wait before trying again; other addresses are not slowed', async () => {
    const ip = newIp();
    for (const p of ['Wrong#1', 'Wrong#2', 'Wrong#3']) expect(code(await post(LOGIN, { u: 'km-xc.filler', p }, { ip }))).toBe('BAD_CREDENTIALS');
    const slowed = await post(LOGIN, { u: 'km-xc.filler', p: DEMO_PASSWORD }, { ip });
    expect(code(slowed)).toBe('RATE_LIMITED');
    expect(slowed.errors?.[0].extensions?.retryAfterSeconds).toBeGreaterThan(0);
    expect(slowed.errors?.[0].message).toMatch(/请 \d+ 秒后再试/);
    // The refused attempt never reached the account: its count stays at three.
    expect((await account('km-xc.filler')).failed_logins).toBe(3);
    expect((await lastRow('km-xc.filler')).detail).toMatchObject({ reason: 'backoff' });
    expect((await post(LOGIN, { u: 'km-xc.filler', p: DEMO_PASSWORD }, { ip: newIp() })).data?.login.accessToken).toBeTruthy();
  });

  it('delays double per refusal, are capped, and are forgotten after a quiet spell (unit)', () => {
    let clock = 0;
    const l = createLoginLimiter(1000, { freeFailures: 2, baseSeconds: 1, maxSeconds: 8, forgetAfterSeconds: 600 }, () => clock);
    l.failed('a'); l.failed('a');
    expect(l.waitSeconds('a')).toBe(0);
    const waits = [];
    for (let i = 0; i < 6; i++) { l.failed('a'); waits.push(l.waitSeconds('a')); }
    expect(waits).toEqual([1, 2, 4, 8, 8, 8]);
    expect(l.waitSeconds('b')).toBe(0);
    clock += 5000;
    expect(l.waitSeconds('a')).toBe(3);
    clock += 601_000;
    expect(l.waitSeconds('a')).toBe(0);
    l.failed('a');
    expect(l.waitSeconds('a')).toBe(0);
  });
});

describe(`production hides GraphQL's suggestions (${engineName})`, () => {
  it('a misspelt field is refused without naming real ones in production, with them in demo', async () => {
    const prod = await buildApp(testConfig({ mode: 'production', fieldSecret: 'field-secret-for-tests-0123456789abcdef' }), t.database);
    try {
      const ask = async (app: typeof prod, query: string) => (await app.inject({
        method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ query }),
      })).json() as Gql;
      const typo = '{ cadrez { totalCount } }';
      const demo = await ask(t.app, typo);
      expect(demo.errors?.[0].message).toContain('Did you mean');
      const r = await ask(prod, typo);
      expect(r.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(r.errors?.[0].message).toBe('Cannot query field "cadrez" on type "Query".');
      expect(JSON.stringify(r)).not.toMatch(/Did you mean|"cadres"/);
      const enumTypo = await ask(prod, 'mutation { login(usernam: "x", password: "y") { accessToken } }');
      expect(JSON.stringify(enumTypo)).not.toMatch(/Did you mean/);
    } finally {
      await prod.close();
    }
  });

  it('maskError strips suggestions only in production', () => {
    const e = new GraphQLError('Cannot query field "cadrez" on type "Query". Did you mean "cadres" or "cadre"?');
    expect(maskError(e, undefined, true).message).toBe('Cannot query field "cadrez" on type "Query".');
    expect(maskError(e, undefined, false).message).toContain('Did you mean');
  });
});
