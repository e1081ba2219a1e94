// No transaction across a client's network I/O: the app listens on a real port; a client that stops reading an
// export (or any other streamed or uploaded body) must not stop anyone else, and killing it mid-stream must leave
// nothing behind (on PostgreSQL: no connection of the API role idle in a transaction). Also: dates of the access-log
// filter are checked before any query, database errors answer a generic Chinese message and end their transaction,
// uploads are refused before their body is read, and X-Forwarded-For is ignored unless a proxy is configured.
import crypto from 'node:crypto';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import pg from 'pg';
import sharp from 'sharp';
import { sql, type KyselyPlugin, type RootOperationNode } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../services/api/src/app.js';
import { openDatabase, type Database } from '../../services/api/src/db/index.js';
import { withScope } from '../../services/api/src/db/scope.js';
import { appendAudit } from '../../services/api/src/audit/index.js';
import { openObjectStore, newObjectKey } from '../../services/api/src/storage/index.js';
import { DEMO_PASSWORD, engineName, isPg, openTestDatabase, testConfig } from '../helpers/db.js';

const SEED_ROWS = 3000;
const SEED_USER = `stream.seed${Math.floor(Math.random() * 1e6)}`;

/** Fails the test instead of hanging it: every request here must complete (a generous bound, not a timing claim). */
function settles<T>(p: Promise<T>, what: string, ms = 20_000): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>((_r, reject) => { timer = setTimeout(() => reject(new Error(`${what} did not complete (something is blocked)`)), ms); }),
  ]);
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Arms a real database error (an unknown relation) for the next statement matching a test. */
class FaultPlugin implements KyselyPlugin {
  armed: ((node: RootOperationNode) => boolean) | null = null;
  transformQuery({ node }: { node: RootOperationNode }): RootOperationNode {
    if (this.armed?.(node)) {
      this.armed = null;
      return sql`select * from lz_no_such_relation`.toOperationNode() as unknown as RootOperationNode;
    }
    return node;
  }
  async transformResult<R>(args: { result: R }): Promise<R> { return args.result; }
}

let database: Database;
let app: FastifyInstance;
let base: string;
let port: number;
const fault = new FaultPlugin();
let probe: pg.Client | undefined;

beforeAll(async () => {
  database = await openTestDatabase({ poolSize: 4 });
  app = await buildApp(testConfig(), { ...database, db: database.db.withPlugin(fault) });
  await app.listen({ port: 0, host: '127.0.0.1' });
  port = (app.server.address() as net.AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
  // A few thousand rows of km-wh, each with a long summary and a hundred cadre ids: the CSV is ~16 MB, more than
  // the loopback socket buffers of a client that stops reading hold.
  const ids = Array.from({ length: 100 }, () => crypto.randomUUID());
  const tenant = await withScope(database.db, 'yn', (trx) => trx.selectFrom('tenant').select(['id', 'path']).where('code', '=', 'km-wh').executeTakeFirstOrThrow());
  await withScope(database.db, String(tenant.path), async (trx) => {
    for (let i = 0; i < SEED_ROWS; i++) {
      await appendAudit(trx, {
        tenantId: tenant.id, tenantPath: String(tenant.path), userId: null, username: SEED_USER, operation: `query Seed${i} { cadres { id } }`,
        kind: 'read', outcome: 'success', clientIp: '10.0.0.1', requestId: null, cadreIds: ids, summary: `查看干部档案：${'测试档案'.repeat(120)}${i}`,
      });
    }
  });
  if (isPg) {
    probe = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await probe.connect();
  }
}, 300_000);

afterAll(async () => {
  await probe?.end();
  await app?.close();
  await database?.close();
});

async function gql<T = any>(token: string | null, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return res.json() as Promise<{ data?: T; errors?: { message: string; extensions?: { code?: string } }[] }>;
}
async function login(username: string): Promise<string> {
  const r = await gql<{ login: { accessToken: string } }>(null, 'mutation($u:String!,$p:String!){ login(username:$u,password:$p){ accessToken } }', { u: username, p: DEMO_PASSWORD });
  if (!r.data?.login) throw new Error(`login ${username}: ${JSON.stringify(r.errors)}`);
  return r.data.login.accessToken;
}

/** Other users keep working: a login, a GraphQL query and the readiness probe all complete. */
async function othersKeepWorking(what: string) {
  const token = await settles(login('km-pl.officer'), `${what}: login`);
  const r = await settles(gql(token, '{ me { username } }'), `${what}: GraphQL query`);
  expect(r.data).toEqual({ me: { username: 'km-pl.officer' } });
  const ready = await settles(fetch(`${base}/readyz`), `${what}: /readyz`);
  expect(ready.status).toBe(200);
}

/** PostgreSQL: connections of the API role left idle inside a transaction for more than a moment. */
async function idleInTransaction(): Promise<number> {
  if (!probe) return 0;
  const r = await probe.query(`select count(*)::int as n from pg_stat_activity
    where usename = current_user and pid <> pg_backend_pid() and state like 'idle in transaction%' and now() - state_change > interval '500 milliseconds'`);
  return r.rows[0].n as number;
}

interface SlowClient { socket: net.Socket; received: () => number; head: () => string; ended: () => boolean }

/** A raw HTTP client that reads at least `readBytes` (headers included), then stops reading. */
function slowClient(path: string, opts: { token?: string; readBytes?: number; method?: string; headers?: Record<string, string>; body?: Buffer; endBody?: boolean } = {}): Promise<SlowClient> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const chunks: Buffer[] = [];
    let received = 0;
    let ended = false;
    let resolved = false;
    const client: SlowClient = {
      socket, received: () => received, ended: () => ended,
      head: () => Buffer.concat(chunks).toString('latin1').split('\r\n\r\n')[0],
    };
    const done = () => { if (!resolved) { resolved = true; resolve(client); } };
    socket.setNoDelay(true);
    socket.on('error', (e) => { if (!resolved) reject(e); });
    socket.on('end', () => { ended = true; done(); });
    socket.on('data', (d) => {
      chunks.push(d);
      received += d.length;
      if (received >= (opts.readBytes ?? 1) && /\r\n\r\n/.test(Buffer.concat(chunks).toString('latin1'))) {
        socket.pause();
        done();
      }
    });
    socket.on('connect', () => {
      const headers = { host: `127.0.0.1:${port}`, connection: 'close', ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}), ...(opts.headers ?? {}) };
      socket.write(`${opts.method ?? 'GET'} ${path} HTTP/1.1\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n`);
      if (opts.body) socket.write(opts.body);
      if (opts.endBody) socket.end();
    });
  });
}

/** The newest access-log row of a user matching text (as the root auditor sees it), once it exists. */
async function auditRow(text: string, username?: string) {
  const token = await login('yn.auditor');
  return vi.waitFor(async () => {
    const r = await gql(token, 'query($f:AuditFilter){ auditEvents(first:1, filter:$f){ edges { node { username summary outcome clientIp detail } } } }', { f: { text, username } });
    const row = r.data?.auditEvents.edges[0]?.node;
    if (!row) throw new Error(`no access-log row with 「${text}」 yet`);
    return row as any;
  }, { timeout: 5000, interval: 100 });
}

describe(`streaming without a transaction across client I/O (${engineName})`, () => {
  it('a slow reader of a large CSV export blocks nobody, and killing it mid-stream leaves the server whole', async () => {
    const auditor = await login('km-wh.auditor');
    const slow = await settles(slowClient(`/api/audit/export?format=csv&username=${SEED_USER}`, { token: auditor, readBytes: 64 * 1024 }), 'export headers');
    expect(slow.head()).toMatch(/^HTTP\/1\.1 200/);
    expect(slow.head()).toContain(`x-total-count: ${SEED_ROWS}`);
    expect(slow.ended()).toBe(false);
    // While it does not read, a held transaction would age past the probe's threshold.
    await sleep(1500);
    await othersKeepWorking('with a paused export');
    expect(await idleInTransaction()).toBe(0);
    // A second auditor exports the same rows in full meanwhile.
    const other = await settles(fetch(`${base}/api/audit/export?format=csv&username=${SEED_USER}`, { headers: { authorization: `Bearer ${await login('km.auditor')}` } }), 'a second export');
    const text = await settles(other.text(), 'a second export body');
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(SEED_ROWS + 2);
    expect(slow.ended()).toBe(false);

    // Killed mid-stream: everything is released, the interruption is audited.
    const got = slow.received();
    slow.socket.destroy();
    expect(got).toBeLessThan(text.length);
    const row = await auditRow('客户端断开连接', 'km-wh.auditor');
    expect(row).toMatchObject({ summary: '导出访问日志（失败：客户端断开连接，下载中断）', outcome: 'failure' });
    await othersKeepWorking('after the slow client was killed');
    expect(await idleInTransaction()).toBe(0);
  });

  it('the same for an XLSX export (built first, then sent)', async () => {
    const auditor = await login('km-wh.auditor');
    const slow = await settles(slowClient(`/api/audit/export?format=xlsx&username=${SEED_USER}`, { token: auditor, readBytes: 1 }), 'xlsx headers');
    expect(slow.head()).toMatch(/^HTTP\/1\.1 200/);
    await sleep(1000);
    await othersKeepWorking('with a paused xlsx export');
    expect(await idleInTransaction()).toBe(0);
    slow.socket.destroy();
    await othersKeepWorking('after the xlsx client was killed');
  });

  it('a malformed or out-of-range date answers 400 in Chinese before any query, and the server answers afterwards', async () => {
    const auditor = await login('km-wh.auditor');
    for (const bad of ['0000-01-01', '-000001-01-01', '+020000-01-01', '10000-01-01', '2024-02-30', '2023-02-29', '0001-01-01T00:00+08:00', 'garbage', '2024-01-01T25:00']) {
      for (const field of ['from', 'to']) {
        const res = await settles(fetch(`${base}/api/audit/export?format=csv&${field}=${encodeURIComponent(bad)}`, { headers: { authorization: `Bearer ${auditor}` } }), `export ${field}=${bad}`);
        const body = await res.json();
        expect([res.status, body.error], `${field}=${bad}`).toEqual([400, 'BAD_USER_INPUT']);
        expect(body.message).toBe('时间格式无效（应为 YYYY-MM-DD 或 ISO 8601 时间，年份在 0001–9999 之间）');
        const g = await settles(gql(auditor, 'query($f:AuditFilter){ auditEvents(first:1, filter:$f){ totalCount } }', { f: { [field]: bad } }), `auditEvents ${field}=${bad}`);
        expect([g.errors?.[0].extensions?.code, g.errors?.[0].message]).toEqual(['BAD_USER_INPUT', body.message]);
      }
      await othersKeepWorking(`after from=${bad}`);
    }
    // The range's ends are accepted (and leap days that exist).
    const edge = await settles(fetch(`${base}/api/audit/export?format=csv&from=0001-01-01&to=9999-12-31T23:59:59Z&username=${SEED_USER}`, { headers: { authorization: `Bearer ${auditor}` } }), 'edge export');
    expect(edge.status).toBe(200);
    expect((await edge.text()).split('\r\n').filter(Boolean)).toHaveLength(SEED_ROWS + 2);
    const leap = await gql(auditor, 'query($f:AuditFilter){ auditEvents(first:1, filter:$f){ totalCount } }', { f: { from: '2024-02-29', to: '2024-03-01T08:00:00+08:00' } });
    expect(leap.errors).toBeUndefined();
    expect(await idleInTransaction()).toBe(0);
  });

  it('a database error in a REST route or in GraphQL answers a generic Chinese message, is audited, and ends its transaction', async () => {
    const auditor = await login('km-wh.auditor');
    const isCount = (node: RootOperationNode) => node.kind === 'SelectQueryNode' && JSON.stringify(node).includes('"audit_event"') && JSON.stringify(node).includes('count(*)');
    fault.armed = isCount;
    const res = await settles(fetch(`${base}/api/audit/export?format=csv`, { headers: { authorization: `Bearer ${auditor}` } }), 'failing export');
    const text = await res.text();
    expect(res.status).toBe(500);
    expect(JSON.parse(text)).toEqual({ error: 'INTERNAL', message: '服务器内部错误' });
    expect(text).not.toMatch(/relation|lz_no_such|does not exist/i);
    expect(fault.armed).toBeNull();
    expect(await auditRow('导出访问日志（失败：服务器内部错误）', 'km-wh.auditor')).toMatchObject({ outcome: 'failure' });
    await othersKeepWorking('after a database error in the export');
    expect(await idleInTransaction()).toBe(0);

    fault.armed = isCount;
    const g = await settles(gql(auditor, '{ auditEvents(first:1){ totalCount } }'), 'failing GraphQL');
    expect(fault.armed).toBeNull();
    expect(g.errors?.[0]).toMatchObject({ message: '服务器内部错误', extensions: { code: 'INTERNAL' } });
    expect(JSON.stringify(g)).not.toMatch(/relation|lz_no_such|does not exist/i);
    await othersKeepWorking('after a database error in GraphQL');

    // Library refusals (a malformed JSON body) answer in Chinese too, never the parser's own text.
    const bad = await fetch(`${base}/api/imports/00000000-0000-4000-8000-000000000000/confirm`, {
      method: 'POST', headers: { authorization: `Bearer ${auditor}`, 'content-type': 'application/json' }, body: '{"unitId":',
    });
    expect([bad.status, await bad.json()]).toEqual([400, { error: 'BAD_REQUEST', message: '请求内容不是有效的 JSON' }]);
  });

  it('every streamed download (Word, lrmx, printed pages, template, photo, object link) holds no transaction while its client does not read', async () => {
    const officer = await login('km-wh.officer');
    const units = (await gql(officer, '{ units(tenantCode:"km-wh"){ id } }')).data.units;
    const cadre = (await gql(officer, 'mutation($i:CadreInput!){ createCadre(input:$i){ id } }', { i: { name: '流式导出', unitId: units[0].id } })).data!.createCadre;
    const png = await sharp({ create: { width: 450, height: 600, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 60 } } }).png().toBuffer();
    const put = await fetch(`${base}/api/cadres/${cadre.id}/photo`, { method: 'PUT', headers: { authorization: `Bearer ${officer}`, 'content-type': 'image/png' }, body: png });
    expect(put.status).toBe(200);
    const photoUrl = (await gql(officer, 'query($id:ID!){ cadre(id:$id){ photoUrl } }', { id: cadre.id })).data.cadre.photoUrl as string;
    // A large object behind a signed link of the filesystem store.
    const store = openObjectStore(testConfig());
    const tenantId = await withScope(database.db, 'yn', async (trx) => (await trx.selectFrom('tenant').select('id').where('code', '=', 'km-wh').executeTakeFirstOrThrow()).id);
    const key = newObjectKey(tenantId, 'scan');
    await store.put(key, Buffer.alloc(8 * 1024 * 1024, 7), { contentType: 'application/pdf' });
    const objectUrl = await store.downloadUrl(key, { filename: '扫描件.pdf' });

    const routes: [string, string | undefined][] = [
      [`/api/cadres/${cadre.id}/export.docx`, officer],
      [`/api/cadres/${cadre.id}/export.lrmx`, officer],
      [`/api/cadres/${cadre.id}/print.zip`, officer],
      ['/api/imports/template.xlsx', officer],
      [photoUrl, undefined],
      [objectUrl, undefined],
    ];
    for (const [path, token] of routes) {
      const slow = await settles(slowClient(path, { token, readBytes: 1 }), `headers of ${path}`);
      expect(slow.head(), path).toMatch(/^HTTP\/1\.1 200/);
      await sleep(700);
      await othersKeepWorking(`with a paused client on ${path}`);
      expect(await idleInTransaction(), path).toBe(0);
      slow.socket.destroy();
    }
    await othersKeepWorking('after every paused download was killed');
  });

  it('uploads are refused before their body is read: no session, a forged token, or a role that may not upload', async () => {
    const leader = await login('km-wh.leader');
    const officer = await login('km-wh.officer');
    const cadre = (await gql(officer, '{ cadres(first:1){ edges { node { id } } } }')).data.cadres.edges[0].node;
    const forged = `${leader.split('.').slice(0, 2).join('.')}.${'A'.repeat(43)}`;
    const boundary = 'lzboundary';
    const multipartStart = Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="a.lrmx"\r\ncontent-type: application/octet-stream\r\n\r\n${'x'.repeat(64 * 1024)}`);
    const cases: { what: string; path: string; method: string; token?: string; type: string; body: Buffer; status: number }[] = [
      { what: 'anonymous import', path: '/api/imports', method: 'POST', type: `multipart/form-data; boundary=${boundary}`, body: multipartStart, status: 401 },
      { what: 'forged-token import', path: '/api/imports', method: 'POST', token: forged, type: `multipart/form-data; boundary=${boundary}`, body: multipartStart, status: 401 },
      { what: 'leader import', path: '/api/imports', method: 'POST', token: leader, type: `multipart/form-data; boundary=${boundary}`, body: multipartStart, status: 403 },
      { what: 'anonymous photo', path: `/api/cadres/${cadre.id}/photo`, method: 'PUT', type: 'image/jpeg', body: Buffer.alloc(64 * 1024, 1), status: 401 },
      { what: 'leader photo', path: `/api/cadres/${cadre.id}/photo`, method: 'PUT', token: leader, type: 'image/jpeg', body: Buffer.alloc(64 * 1024, 1), status: 403 },
      { what: 'foreign photo', path: '/api/cadres/00000000-0000-4000-8000-000000000000/photo', method: 'PUT', token: officer, type: 'image/jpeg', body: Buffer.alloc(64 * 1024, 1), status: 404 },
    ];
    for (const c of cases) {
      // The body announces 4 MB but only 64 KB ever arrive: a route that reads the body first never answers.
      const slow = await settles(slowClient(c.path, {
        method: c.method, token: c.token, body: c.body,
        headers: { 'content-type': c.type, 'content-length': String(4 * 1024 * 1024) },
      }), c.what, 10_000);
      expect(slow.head(), c.what).toMatch(new RegExp(`^HTTP/1\\.1 ${c.status}`));
      slow.socket.destroy();
    }
    await othersKeepWorking('after refused uploads');
  });

  it('X-Forwarded-For is ignored unless the proxy is configured (TRUST_PROXY), in production too', async () => {
    const spoofed = `203.0.113.${Math.floor(Math.random() * 200) + 1}`;
    const production = { mode: 'production' as const, fieldSecret: 'streaming-test-field-secret-0123456789abcdef' };
    const attempt = async (trustProxy: string[], username: string) => {
      const server = await buildApp(testConfig({ ...production, trustProxy }), database);
      try {
        await server.listen({ port: 0, host: '127.0.0.1' });
        const p = (server.server.address() as net.AddressInfo).port;
        const res = await fetch(`http://127.0.0.1:${p}/graphql`, {
          method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': spoofed },
          body: JSON.stringify({ query: `mutation{ login(username:"${username}", password:"x"){ accessToken } }` }),
        });
        expect((await res.json()).errors?.[0].extensions?.code).toBe('BAD_CREDENTIALS');
      } finally {
        await server.close();
      }
      return (await auditRow(username)).clientIp as string;
    };
    // Unconfigured: the socket's address, whatever the header says (even from loopback).
    expect(await attempt([], 'nobody.xff1')).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
    // Configured: the proxy's forwarded address is believed.
    expect(await attempt(['127.0.0.1'], 'nobody.xff2')).toBe(spoofed);
  });

  it.runIf(isPg)('PostgreSQL: every API connection carries the idle-in-transaction and statement timeouts, and an idle transaction is ended', async () => {
    const show = async (db: Database['db'], name: string) => (await sql<Record<string, string>>`select current_setting(${name}) as v`.execute(db)).rows[0].v;
    // Several connections of the pool, each set at connect (not by a transaction).
    const values = await Promise.all([1, 2, 3].map(() => database.db.transaction().execute(async (trx) =>
      [await show(trx as never, 'idle_in_transaction_session_timeout'), await show(trx as never, 'statement_timeout')])));
    for (const v of values) expect(v).toEqual(['1min', '30s']);

    const short = await openDatabase(testConfig({ pgIdleInTransactionTimeoutMs: 1000, pgStatementTimeoutMs: 2000 }), { poolSize: 1 });
    try {
      expect(await show(short.db, 'statement_timeout')).toBe('2s');
      await expect(sql`select pg_sleep(3)`.execute(short.db)).rejects.toThrow(/statement timeout/);
      const trx = await short.db.startTransaction().execute();
      await sql`select 1`.execute(trx);
      // Time passes past the 1 s idle timeout (any statement meanwhile would restart its clock).
      await sleep(2500);
      // The server ended the abandoned transaction (and its session); the pool serves again.
      await expect(sql`select 1`.execute(trx)).rejects.toThrow(/idle-in-transaction timeout|Connection terminated|not queryable/);
      await trx.rollback().execute().catch(() => undefined);
      expect((await sql<{ n: number }>`select 1 as n`.execute(short.db)).rows[0].n).toBe(1);
    } finally {
      await short.close();
    }
  });
});
