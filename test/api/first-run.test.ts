// Production first run: the root tenant and its admin with a one-time password that must be changed at first login;
// a second run is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../services/api/src/app.js';
import { openDatabase, type Database } from '../../services/api/src/db/index.js';
import { firstRun, oneTimePassword } from '../../services/api/src/seed/first-run.js';
import { passwordProblem } from '../../services/api/src/auth/password-policy.js';
import { isPg, testConfig } from '../helpers/db.js';

describe.skipIf(isPg)('first run on an empty database (PGlite)', () => {
  let database: Database;
  beforeAll(async () => { database = await openDatabase(testConfig({ mode: 'production', fieldSecret: 'first-run-test-field-key-0123456789abcdef' }), { memory: true }); });
  afterAll(async () => { await database?.close(); });

  it('creates the root and its admin, whose one-time password works once and must be changed', async () => {
    const r = await firstRun(database.db, { code: 'hn', name: '河南省纪委监委', kind: 'province_commission' });
    expect(r.username).toBe('hn.admin');
    // 三员分立: the root's security administrator and auditor are made with it (no parent could make them later).
    expect(r.accounts.map((x) => x.username)).toEqual(['hn.admin', 'hn.secadmin', 'hn.auditor']);
    expect(new Set(r.accounts.map((x) => x.password)).size).toBe(3);
    expect(passwordProblem(r.password, { password_min_length: 16, password_min_classes: 4 })).toBeNull();
    await expect(firstRun(database.db, { code: 'zz', name: '另一个', kind: 'province_commission' })).rejects.toThrow('系统已初始化');

    const app = await buildApp(testConfig({ mode: 'production', fieldSecret: 'first-run-test-field-key-0123456789abcdef' }), database);
    const gql = async (token: string | null, query: string, variables = {}) => (await app.inject({
      method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      payload: JSON.stringify({ query, variables }),
    })).json();
    const login = await gql(null, 'mutation($p:String!){ login(username:"hn.admin", password:$p){ accessToken mustChangePassword } }', { p: r.password });
    expect(login.data.login.mustChangePassword).toBe(true);
    const token = login.data.login.accessToken;
    expect((await gql(token, '{ tenants { code } }')).errors[0].extensions.code).toBe('PASSWORD_CHANGE_REQUIRED');
    await gql(token, 'mutation($o:String!){ changePassword(currentPassword:$o, newPassword:"Henan#2026zz") }', { o: r.password });
    expect((await gql(token, '{ tenants { code kind } me { roles } }')).data).toEqual({ tenants: [{ code: 'hn', kind: 'province_commission' }], me: { roles: ['admin'] } });
    // Production mode: no introspection for anyone.
    const introspection = (await gql(token, '{ __schema { types { name } } }')).errors?.[0];
    expect(introspection?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(introspection?.message).toMatch(/introspection has been disabled/);
    await app.close();
  });

  it('one-time passwords differ and satisfy the strictest default policy', () => {
    const a = new Set(Array.from({ length: 50 }, oneTimePassword));
    expect(a.size).toBe(50);
    for (const p of a) expect(passwordProblem(p, { password_min_length: 16, password_min_classes: 4 })).toBeNull();
  });
});
