// Limits on GraphQL requests, login rate limiting per address, request ids, and production's closed introspection.
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../services/api/src/app.js';
import { openTestDatabase, testConfig } from '../helpers/db.js';
import { withScope } from '../../services/api/src/db/scope.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { engineName } from '../helpers/db.js';

let t: TestApp;
beforeAll(async () => { t = await createTestApp({ config: { loginRateLimitPerMinute: 8 } }); });
afterAll(async () => { await t?.close(); });

describe(`API hardening (${engineName})`, () => {
  it('a too deep, too aliased or too long request is refused in Chinese before it runs, and logged', async () => {
    const token = await t.login('km-wh.officer');
    let deep = 'id';
    for (let i = 0; i < 12; i++) deep = `parent { ${deep} }`;
    const r1 = await t.gql(token, `{ tenants { ${deep} } }`);
    expect(r1.errors?.[0].message).toBe('请求过于复杂，已被拒绝');
    expect(r1.data ?? null).toBeNull();
    const aliases = Array.from({ length: 25 }, (_, i) => `a${i}: me { username }`).join(' ');
    expect((await t.gql(token, `{ ${aliases} }`)).errors?.[0].message).toBe('请求过于复杂，已被拒绝');
    // Within limits: fine.
    expect((await t.gql(token, '{ a: me { username } b: me { username } }')).data.a.username).toBe('km-wh.officer');
    // Refusals before execution are logged in the background.
    await expect.poll(async () => (await withScope(t.database.db, 'yn', (trx) => trx.selectFrom('audit_event').select(['summary', 'outcome', 'operation'])
      .where('username', '=', 'km-wh.officer').where('outcome', '=', 'failure').orderBy('id', 'desc').limit(2).execute())).map((r) => r.summary), { timeout: 5000 })
      .toEqual(['请求（失败：请求不合法）', '请求（失败：请求不合法）']);
    // Far too many tokens: refused by the parser.
    const huge = await t.gql(token, `{ ${'me { username } '.repeat(1000)} }`);
    expect(huge.errors?.[0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(huge.errors?.[0].message).toMatch(/3000 tokens/);
    expect(huge.data ?? null).toBeNull();
  });

  it('introspection answers in demo mode (the SDL is public in schema/schema.graphql)', async () => {
    expect((await t.gql(null, '{ __schema { queryType { name } } }')).data.__schema.queryType.name).toBe('Query');
  });

  it('one address may try only so many logins a minute, aliases included; the refusal is logged', async () => {
    const many = Array.from({ length: 10 }, (_, i) => `a${i}: login(username:"km-gd.nobody${i}", password:"wrong"){ accessToken }`).join(' ');
    const codes = (await t.gql(null, `mutation { ${many} }`)).errors!.map((e) => e.extensions?.code);
    const firstLimited = codes.indexOf('RATE_LIMITED');
    // The limit is 8 a minute for this app (one was spent on an earlier login in this file, at most).
    expect(firstLimited).toBeGreaterThanOrEqual(7);
    expect(firstLimited).toBeLessThanOrEqual(8);
    expect(codes.slice(0, firstLimited).every((c) => c === 'BAD_CREDENTIALS')).toBe(true);
    expect(codes.slice(firstLimited).every((c) => c === 'RATE_LIMITED')).toBe(true);
    // Even the right password is refused from this address now.
    const right = await t.gql(null, 'mutation { login(username:"km-pl.filler", password:"Lianzheng@2026"){ accessToken } }');
    expect(right.errors?.[0].message).toBe('登录尝试过于频繁，请稍后再试');
    const [row] = await withScope(t.database.db, 'yn', (trx) => trx.selectFrom('audit_event').select(['summary', 'username'])
      .where('username', '=', 'km-pl.filler').orderBy('id', 'desc').limit(1).execute());
    expect(row.summary).toBe('登录失败：尝试过于频繁');
  });

  it('every response carries its request id, the same as in its access-log row', async () => {
    // Logins from this address are spent by now: take a token for a session opened directly.
    const token = await t.login('km-wh.leader').catch(() => null);
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    if (token) {
      const g = await t.app.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        payload: JSON.stringify({ query: '{ me { username } }' }) });
      const id = g.headers['x-request-id'] as string;
      const rows = await withScope(t.database.db, 'yn', (trx) => trx.selectFrom('audit_event').select('summary').where('request_id', '=', id).execute());
      expect(rows).toEqual([{ summary: '查看本人信息' }]);
    }
  });

  it('pino logs carry the request id of the request they belong to', async () => {
    const lines: Record<string, unknown>[] = [];
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) => {
      for (const l of chunk.toString().split('\n')) if (l.trim()) lines.push(JSON.parse(l));
    });
    const database = await openTestDatabase();
    const app = await buildApp(testConfig(), database, { logStream: stream });
    try {
      const res = await app.inject({ method: 'GET', url: '/healthz' });
      const id = res.headers['x-request-id'];
      await expect.poll(() => lines.filter((l) => l.requestId === id).map((l) => l.msg), { timeout: 5000 }).toEqual(['incoming request', 'request completed']);
      expect(lines.some((l) => 'reqId' in l)).toBe(false);
    } finally {
      await app.close();
      await database.close();
    }
  });
});
