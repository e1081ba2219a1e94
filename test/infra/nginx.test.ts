// infra/nginx/lianzheng.conf: the shipped text holds the security settings; `nginx -t` accepts it inside a throwaway
// top-level config with a self-signed certificate; and a real nginx on loopback ports (upstream: a small echo server)
// redirects HTTP, answers HTTPS with the headers on proxied and static responses, and forwards the right headers.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasBinary, repoRoot, run } from './scratch.js';
import { freePort } from '../helpers/port.js';

const NGINX = '/usr/sbin/nginx';
const shipped = fs.readFileSync(path.join(repoRoot, 'infra/nginx/lianzheng.conf'), 'utf8');
const CSP_PARTS = ["default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data: blob:", "frame-ancestors 'none'"];

describe('nginx config text', () => {
  it('carries TLS 1.2+, the security headers, the body limit and the proxy to 127.0.0.1:3000', () => {
    expect(shipped).toMatch(/^\s*ssl_protocols TLSv1\.2 TLSv1\.3;/m);
    expect(shipped).toMatch(/add_header Strict-Transport-Security "max-age=\d+; includeSubDomains" always;/);
    expect(shipped).toMatch(/add_header X-Content-Type-Options "nosniff" always;/);
    expect(shipped).toMatch(/add_header X-Frame-Options "DENY" always;/);
    expect(shipped).toMatch(/add_header Referrer-Policy "[a-z-]+" always;/);
    const csp = shipped.match(/add_header Content-Security-Policy "([^"]+)" always;/)?.[1] ?? '';
    for (const part of CSP_PARTS) expect(csp).toContain(part);
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(shipped).toMatch(/^\s*client_max_body_size 50m;/m);
    expect(shipped).toMatch(/^\s*proxy_pass http:\/\/127\.0\.0\.1:3000;/m);
    expect(shipped).toMatch(/proxy_set_header X-Forwarded-For \$remote_addr;/);
    expect(shipped).toMatch(/proxy_set_header X-Forwarded-Proto \$scheme;/);
    expect(shipped).toMatch(/return 301 https:\/\/\$host\$request_uri;/);
    expect(shipped).toMatch(/ssl_certificate\s+\/etc\/lianzheng\/tls\/fullchain\.pem;/);
    expect(shipped).toMatch(/ssl_certificate_key\s+\/etc\/lianzheng\/tls\/privkey\.pem;/);
  });
});

interface Res { status: number; headers: http.IncomingHttpHeaders; body: Buffer }
function request(url: string, opts: https.RequestOptions & { body?: string } = {}): Promise<Res> {
  return new Promise((resolve, reject) => {
    const mod = url.startsWith('https:') ? https : http;
    const req = mod.request(url, { rejectUnauthorized: false, agent: false, ...opts }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.setTimeout(10_000, () => req.destroy(new Error(`timeout: ${url}`)));
    req.end(opts.body);
  });
}

describe.skipIf(!fs.existsSync(NGINX) || !hasBinary('openssl'))('nginx runs the shipped config', () => {
  let tmp: string;
  let httpPort: number;
  let httpsPort: number;
  let upstream: http.Server;
  let nginx: ChildProcess | undefined;
  const seen: http.IncomingHttpHeaders[] = [];
  const asset = `console.log(${JSON.stringify('廉政档案 '.repeat(400))});\n`;

  /** The shipped config with paths and ports pointed into the temp dir. */
  function rewritten(upstreamPort: number, listen: boolean): string {
    let c = shipped
      .replaceAll('/etc/lianzheng/tls/', `${tmp}/tls/`)
      .replaceAll('/var/log/nginx/', `${tmp}/logs/`)
      .replaceAll('/opt/lianzheng/web/dist', `${tmp}/dist`)
      .replaceAll('/var/www/acme', `${tmp}/acme`)
      .replaceAll('127.0.0.1:3000', `127.0.0.1:${upstreamPort}`);
    if (listen) {
      c = c.replace(/^\s*listen \[::\]:\d+[^;]*;\n/gm, '')
        .replace(/listen 80;/g, `listen 127.0.0.1:${httpPort};`)
        .replace(/listen 443 /g, `listen 127.0.0.1:${httpsPort} `);
    }
    return c;
  }

  function topLevel(name: string): string {
    const user = process.getuid?.() === 0 ? 'user root;\n' : '';
    return `${user}worker_processes 1;
pid ${tmp}/${name}.pid;
error_log ${tmp}/logs/${name}.error.log;
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  types_hash_max_size 2048;
  default_type application/octet-stream;
  client_body_temp_path ${tmp}/temp/body;
  proxy_temp_path ${tmp}/temp/proxy;
  fastcgi_temp_path ${tmp}/temp/fastcgi;
  uwsgi_temp_path ${tmp}/temp/uwsgi;
  scgi_temp_path ${tmp}/temp/scgi;
  access_log ${tmp}/logs/${name}.access.log;
  include ${tmp}/${name}.lianzheng.conf;
}
`;
  }

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lz-nginx-test-'));
    for (const d of ['tls', 'logs', 'temp', 'dist/assets', 'acme']) fs.mkdirSync(path.join(tmp, d), { recursive: true });
    const cert = await run('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=lianzheng.example.cn',
      '-keyout', path.join(tmp, 'tls/privkey.pem'), '-out', path.join(tmp, 'tls/fullchain.pem')]);
    expect(cert.code, cert.stderr).toBe(0);
    fs.writeFileSync(path.join(tmp, 'dist/assets/index-abc123.js'), asset);

    upstream = http.createServer((req, res) => {
      seen.push(req.headers);
      const body = JSON.stringify({ path: req.url, headers: req.headers, pad: 'x'.repeat(2000) });
      res.writeHead(200, { 'content-type': 'application/json' }).end(body);
    });
    await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r));
    httpPort = await freePort();
    httpsPort = await freePort();
  });

  afterAll(async () => {
    if (nginx?.pid && nginx.exitCode === null) {
      const exited = new Promise((r) => nginx!.once('exit', r));
      nginx.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (nginx.exitCode === null) nginx.kill('SIGKILL');
    }
    await new Promise((r) => upstream?.close(r));
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('nginx -t accepts it inside http {}', async () => {
    fs.writeFileSync(path.join(tmp, 'check.lianzheng.conf'), rewritten(3000, false));
    fs.writeFileSync(path.join(tmp, 'check.conf'), topLevel('check'));
    const r = await run(NGINX, ['-t', '-p', tmp, '-c', path.join(tmp, 'check.conf')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/syntax is ok/);
    expect(r.stderr).toMatch(/test is successful/);
    // No warnings (nginx ≥ 1.25.1 deprecates "listen … http2", which 1.22 in Debian 12 still needs).
    const warnings = r.stderr.split('\n').filter((l) => /\[warn\]/.test(l) && !/"listen \.\.\. http2" directive is deprecated/.test(l));
    expect(warnings).toEqual([]);
  });

  it('serves: redirect, TLS with headers, forwarded headers, static assets, gzip, body limit', async () => {
    fs.chmodSync(tmp, 0o755); // workers may run as another user
    const port = (upstream.address() as net.AddressInfo).port;
    fs.writeFileSync(path.join(tmp, 'live.lianzheng.conf'), rewritten(port, true));
    fs.writeFileSync(path.join(tmp, 'live.conf'), topLevel('live'));
    nginx = spawn(NGINX, ['-p', tmp, '-c', path.join(tmp, 'live.conf'), '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    nginx.stderr!.on('data', (c) => { stderr += c; });
    // Ready when the HTTPS port answers.
    const deadline = Date.now() + 10_000;
    for (;;) {
      if (nginx.exitCode !== null) throw new Error(`nginx exited: ${stderr}`);
      const up = await new Promise<boolean>((r) => {
        const s = net.connect(httpsPort, '127.0.0.1', () => { s.destroy(); r(true); });
        s.on('error', () => r(false));
      });
      if (up) break;
      if (Date.now() > deadline) throw new Error(`nginx did not start: ${stderr}`);
      await new Promise((r) => setTimeout(r, 100));
    }

    const redirect = await request(`http://127.0.0.1:${httpPort}/cadres?x=1`, { headers: { host: 'lianzheng.example.cn' } });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.location).toBe('https://lianzheng.example.cn/cadres?x=1');

    const checkHeaders = (r: Res) => {
      expect(r.headers['strict-transport-security']).toMatch(/max-age=\d+; includeSubDomains/);
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(r.headers['x-frame-options']).toBe('DENY');
      expect(r.headers['referrer-policy']).toBeTruthy();
      for (const part of CSP_PARTS) expect(r.headers['content-security-policy']).toContain(part);
      expect(r.headers.server).toBe('nginx'); // no version
    };

    const api = await request(`https://127.0.0.1:${httpsPort}/graphql`, {
      method: 'POST', headers: { 'x-forwarded-for': '6.6.6.6', 'accept-encoding': 'gzip', 'content-type': 'application/json' }, body: '{}',
    });
    expect(api.status).toBe(200);
    checkHeaders(api);
    expect(api.headers['content-encoding']).toBe('gzip');
    const echoed = JSON.parse(zlib.gunzipSync(api.body).toString());
    expect(echoed.path).toBe('/graphql');
    expect(echoed.headers['x-forwarded-for']).toBe('127.0.0.1'); // the client's own claim is dropped
    expect(echoed.headers['x-forwarded-proto']).toBe('https');

    const js = await request(`https://127.0.0.1:${httpsPort}/assets/index-abc123.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(js.status).toBe(200);
    checkHeaders(js);
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(js.headers['content-type']).toMatch(/javascript/);
    expect(js.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(js.body).toString()).toBe(asset);
    const before = seen.length;
    expect((await request(`https://127.0.0.1:${httpsPort}/assets/missing.js`)).status).toBe(404);
    expect(seen.length).toBe(before); // never reaches the API

    const big = await request(`https://127.0.0.1:${httpsPort}/api/upload`, {
      method: 'POST', headers: { 'content-length': String(51 * 1024 * 1024), 'content-type': 'application/octet-stream' },
    }).catch((e: Error) => ({ status: -1, headers: {}, body: Buffer.from(e.message) }) as Res);
    expect(big.status).toBe(413);
  });
});
