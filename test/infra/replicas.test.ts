// Stateless API replicas (infra/SCALING.md): two real API processes (services/api/src/main.ts, spawned twice on two
// ports) on one PostgreSQL database. A session opened on one works on the other, a refresh or logout on one is seen by
// the other, a write on one is read on the other, the per-account lockout counts failures made on both, and both
// append to the one audit chain without a gap. Then the same through nginx, round-robin over the two.
// PostgreSQL only: PGlite is an in-process database that two processes cannot share.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, isPg, testConfig, TEST_AUDIT_CHAIN_KEY, TEST_AUDIT_SIGNING_KEY } from '../helpers/db.js';
import { cleanEnv, hasBinary, repoRoot, run } from './scratch.js';
import { freePort } from '../helpers/port.js';

const NGINX = '/usr/sbin/nginx';

interface Replica { port: number; proc: ChildProcess; output: () => string }

/** Start services/api/src/main.ts as its own process, as systemd would, and wait until it listens. */
async function startReplica(dataDir: string): Promise<Replica> {
  const port = await freePort();
  const c = testConfig();
  const proc = spawn(process.execPath, ['--import', 'tsx', 'services/api/src/main.ts'], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: cleanEnv({
      DATABASE_URL: process.env.DATABASE_URL!, DATABASE_OWNER_URL: process.env.DATABASE_OWNER_URL!,
      PORT: String(port), HOST: '127.0.0.1', LZ_DATA_DIR: dataDir, LOG_LEVEL: 'silent', DB_POOL_SIZE: '4',
      // The secrets every replica shares (the seeded database's field key among them).
      JWT_SECRET: c.jwtSecret, FIELD_ENCRYPTION_KEY: c.fieldSecret, AUDIT_CHAIN_KEY: TEST_AUDIT_CHAIN_KEY, AUDIT_SIGNING_KEY: TEST_AUDIT_SIGNING_KEY,
      DEMO_PASSWORD, LOGIN_RATE_LIMIT: '10000',
      // The client's address from X-Forwarded-For (loopback is the proxy): each refused attempt below comes from an
      // address of its own, so the per-address delays (per process: SCALING.md) stay out of the lockout count.
      TRUST_PROXY: '127.0.0.1',
    }),
  });
  let out = '';
  proc.stdout!.on('data', (d) => { out += d; });
  proc.stderr!.on('data', (d) => { out += d; });
  const deadline = Date.now() + 90_000;
  while (!/running on http/.test(out)) {
    if (proc.exitCode !== null) throw new Error(`API process exited ${proc.exitCode}: ${out}`);
    if (Date.now() > deadline) throw new Error(`API process did not start: ${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { port, proc, output: () => out };
}

async function stop(p: ChildProcess | undefined) {
  if (!p?.pid || p.exitCode !== null) return;
  const exited = new Promise((r) => p.once('exit', r));
  p.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  if (p.exitCode === null) p.kill('SIGKILL');
}

type Gql = { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };
function gqlAt(port: number) {
  return (token: string | null, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
    new Promise<Gql>((resolve, reject) => {
      const body = JSON.stringify({ query, variables });
      const req = http.request({
        host: '127.0.0.1', port, path: '/graphql', method: 'POST', agent: false,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c) => { text += c; });
        res.on('end', () => { try { resolve(JSON.parse(text)); } catch (e) { reject(new Error(`${res.statusCode}: ${text}`, { cause: e })); } });
      });
      req.on('error', reject);
      req.setTimeout(30_000, () => req.destroy(new Error('timeout')));
      req.end(body);
    });
}

const LOGIN = 'mutation($u:String!,$p:String!){ login(username:$u,password:$p){ accessToken refreshToken } }';
const REFRESH = 'mutation($t:String!){ refreshSession(refreshToken:$t){ accessToken refreshToken } }';
const ME = '{ me { username } }';

describe.skipIf(!isPg)('stateless API replicas: two processes on one PostgreSQL database (skipped on PGlite: one process owns its database)', () => {
  let tmp: string;
  let a: Replica;
  let b: Replica;
  let owner: pg.Client;

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lz-replicas-'));
    [a, b] = await Promise.all([startReplica(path.join(tmp, 'a')), startReplica(path.join(tmp, 'b'))]);
    expect(a.proc.pid).not.toBe(b.proc.pid);
    owner = new pg.Client({ connectionString: process.env.DATABASE_OWNER_URL });
    await owner.connect();
  });

  afterAll(async () => {
    await owner?.end();
    await Promise.all([stop(a?.proc), stop(b?.proc)]);
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('a session opened on A works on B; refresh and logout on B are seen on A; a write on A is read on B', async () => {
    const onA = gqlAt(a.port), onB = gqlAt(b.port);
    const login = await onA(null, LOGIN, { u: 'km-wh.officer', p: DEMO_PASSWORD });
    const { accessToken, refreshToken } = login.data.login;
    expect((await onB(accessToken, ME)).data.me.username).toBe('km-wh.officer');

    // Refresh on B rotates the token: A accepts the new one and treats the old one as a copied token.
    const refreshed = (await onB(null, REFRESH, { t: refreshToken })).data.refreshSession;
    expect(refreshed.refreshToken).not.toBe(refreshToken);
    expect((await onA(refreshed.accessToken, ME)).data.me.username).toBe('km-wh.officer');

    // A write on A, read on B (no cache in either process).
    const units = (await onA(refreshed.accessToken, '{ units(tenantCode:"km-wh"){ id } }')).data.units;
    const created = await onA(refreshed.accessToken, 'mutation($u:ID!){ createCadre(input:{name:"副本甲", unitId:$u}){ id version } }', { u: units[0].id });
    const id = created.data.createCadre.id;
    expect((await onB(refreshed.accessToken, 'query($id:ID!){ cadre(id:$id){ name } }', { id })).data.cadre.name).toBe('副本甲');
    // And an update on B is what A reads next.
    const upd = await onB(refreshed.accessToken, 'mutation($id:ID!,$v:Int!){ updateCadre(id:$id, version:$v, input:{name:"副本乙"}){ name } }',
      { id, v: created.data.createCadre.version });
    expect(upd.errors).toBeUndefined();
    expect((await onA(refreshed.accessToken, 'query($id:ID!){ cadre(id:$id){ name } }', { id })).data.cadre.name).toBe('副本乙');

    // Logout on B ends the session everywhere: its access token and refresh token are refused on A.
    expect((await onB(refreshed.accessToken, 'mutation{ logout }')).data.logout).toBe(true);
    expect((await onA(refreshed.accessToken, ME)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await onA(null, REFRESH, { t: refreshed.refreshToken })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('a superseded refresh token presented to the other replica revokes the session there too', async () => {
    const onA = gqlAt(a.port), onB = gqlAt(b.port);
    const first = (await onA(null, LOGIN, { u: 'km-wh.leader', p: DEMO_PASSWORD })).data.login;
    const second = (await onA(null, REFRESH, { t: first.refreshToken })).data.refreshSession;
    expect((await onB(null, REFRESH, { t: first.refreshToken })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await onA(second.accessToken, ME)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('the per-account lockout counts failures made on both replicas', async () => {
    const onA = gqlAt(a.port), onB = gqlAt(b.port);
    const wrong = (at: typeof onA, n: number) => at(null, LOGIN, { u: 'km-pl.officer', p: 'Wrong@Password1' }, { 'x-forwarded-for': `10.0.0.${n}` });
    // Threshold 5 (the default): 3 refusals on A and 2 on B; neither process saw 5, the account is locked on both.
    for (const n of [1, 2, 3]) expect((await wrong(onA, n)).errors?.[0].extensions?.code).toBe('BAD_CREDENTIALS');
    for (const n of [4, 5]) expect((await wrong(onB, n)).errors?.[0].extensions?.code).toBe('BAD_CREDENTIALS');
    for (const at of [onA, onB]) {
      const r = await at(null, LOGIN, { u: 'km-pl.officer', p: DEMO_PASSWORD }, { 'x-forwarded-for': '10.0.0.9' });
      expect(r.errors?.[0].extensions?.code).toBe('BAD_CREDENTIALS');
    }
    const { rows } = await owner.query(`select failed_logins, locked_until > now() as locked from app_user where username = 'km-pl.officer'`);
    expect(rows[0]).toEqual({ failed_logins: 5, locked: true });
  });

  it('both replicas append to the one audit chain: every request leaves its row, no gap and no fork', async () => {
    const before = Number((await owner.query('select coalesce(max(seq), 0) as s from audit_event')).rows[0].s);
    const token = (await gqlAt(a.port)(null, LOGIN, { u: 'km.officer', p: DEMO_PASSWORD })).data.login.accessToken;
    const reads = Array.from({ length: 16 }, (_, i) => gqlAt(i % 2 ? b.port : a.port)(token, ME));
    for (const r of await Promise.all(reads)) expect(r.data.me.username).toBe('km.officer');
    const mine = await owner.query(`select count(*)::int as n from audit_event where username = 'km.officer' and kind = 'read' and seq > $1`, [before]);
    expect(mine.rows[0].n).toBe(16);
    const { rows } = await owner.query(`select count(*)::int as n, min(e.seq)::int as lo, max(e.seq)::int as hi,
        bool_and(e.prev_hash = p.hash) as linked
      from audit_event e join audit_event p on p.seq = e.seq - 1 where e.seq > $1`, [before]);
    expect(rows[0].n).toBeGreaterThanOrEqual(17);
    expect(rows[0]).toMatchObject({ lo: before + 1, hi: before + rows[0].n, linked: true });
  });

  describe.skipIf(!fs.existsSync(NGINX))('through nginx, round-robin over both', () => {
    let nginx: ChildProcess | undefined;
    let port: number;
    beforeAll(async () => {
      port = await freePort();
      for (const d of ['logs', 'temp']) fs.mkdirSync(path.join(tmp, d), { recursive: true });
      fs.chmodSync(tmp, 0o755);
      const user = process.getuid?.() === 0 ? 'user root;\n' : '';
      // The upstream block of infra/SCALING.md (round-robin here, to show any replica serves any request).
      fs.writeFileSync(path.join(tmp, 'nginx.conf'), `${user}worker_processes 1;
pid ${tmp}/nginx.pid;
error_log ${tmp}/logs/error.log;
events { worker_connections 64; }
http {
  client_body_temp_path ${tmp}/temp/body; proxy_temp_path ${tmp}/temp/proxy; fastcgi_temp_path ${tmp}/temp/fastcgi;
  uwsgi_temp_path ${tmp}/temp/uwsgi; scgi_temp_path ${tmp}/temp/scgi;
  log_format upstream '$upstream_addr';
  access_log ${tmp}/logs/access.log upstream;
  upstream lianzheng_api {
    server 127.0.0.1:${a.port};
    server 127.0.0.1:${b.port};
    keepalive 8;
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://lianzheng_api;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_next_upstream off;
    }
  }
}
`);
      const check = await run(NGINX, ['-t', '-p', tmp, '-c', path.join(tmp, 'nginx.conf')]);
      expect(check.code, check.stderr).toBe(0);
      nginx = spawn(NGINX, ['-p', tmp, '-c', path.join(tmp, 'nginx.conf'), '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
      const deadline = Date.now() + 10_000;
      for (;;) {
        if (nginx.exitCode !== null) throw new Error('nginx exited');
        const up = await new Promise<boolean>((r) => { const s = net.connect(port, '127.0.0.1', () => { s.destroy(); r(true); }); s.on('error', () => r(false)); });
        if (up) break;
        if (Date.now() > deadline) throw new Error('nginx did not start');
        await new Promise((r) => setTimeout(r, 100));
      }
    });
    afterAll(async () => { await stop(nginx); });

    it('log in, read, write, refresh and log out with every request going to whichever replica is next', async () => {
      const via = gqlAt(port);
      const login = (await via(null, LOGIN, { u: 'km-wh.officer', p: DEMO_PASSWORD })).data.login;
      let token = login.accessToken as string;
      let refresh = login.refreshToken as string;
      for (let i = 0; i < 3; i++) {
        expect((await via(token, ME)).data.me.username).toBe('km-wh.officer');
        const r = (await via(null, REFRESH, { t: refresh })).data.refreshSession;
        token = r.accessToken;
        refresh = r.refreshToken;
      }
      const units = (await via(token, '{ units(tenantCode:"km-wh"){ id } }')).data.units;
      const id = (await via(token, 'mutation($u:ID!){ createCadre(input:{name:"轮询甲", unitId:$u}){ id } }', { u: units[0].id })).data.createCadre.id;
      expect((await via(token, 'query($id:ID!){ cadre(id:$id){ name } }', { id })).data.cadre.name).toBe('轮询甲');
      expect((await via(token, 'mutation{ logout }')).data.logout).toBe(true);
      expect((await via(token, ME)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect((await via(token, ME)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      // Both replicas served (nginx logs the upstream of each request).
      const served = new Set(fs.readFileSync(path.join(tmp, 'logs/access.log'), 'utf8').trim().split('\n'));
      expect(served).toEqual(new Set([`127.0.0.1:${a.port}`, `127.0.0.1:${b.port}`]));
    });
  });
});
