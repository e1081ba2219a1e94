// The filesystem object store: round trip, tenant-namespaced random keys, hostile keys refused, and the signed,
// expiring download URLs served by GET /api/objects/… (a bare Fastify instance with only that route).
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FsObjectStore, InvalidObjectKeyError, isObjectKey, newObjectKey, openObjectStore, verifyDownload, type ObjectStore,
} from '../../services/api/src/storage/index.js';
import { registerObjectDownloads } from '../../services/api/src/storage/routes.js';

const SECRET = 'test-secret-0123456789abcdef0123456789';
const TENANT = '3f1c2a9e-8b7d-4c6e-9f0a-1b2c3d4e5f60';
const OTHER_TENANT = 'a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d';

async function collect(it: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const k of it) out.push(k);
  return out;
}

/** The parts of a download URL, as the route sees them. */
function parts(url: string): { token: string; exp: string; fn: string; sig: string } {
  const u = new URL(url, 'http://localhost');
  const m = /^\/api\/objects\/([^/]+)$/.exec(u.pathname);
  if (!m) throw new Error(`not a download URL: ${url}`);
  return { token: m[1], exp: u.searchParams.get('exp')!, fn: u.searchParams.get('fn')!, sig: u.searchParams.get('sig')! };
}
const build = (p: { token: string; exp: string; fn: string; sig: string }) =>
  `/api/objects/${p.token}?exp=${p.exp}&fn=${p.fn}&sig=${p.sig}`;
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64url');

describe('object keys', () => {
  it('are tenant-namespaced, dated and random', () => {
    const a = newObjectKey(TENANT, 'scan', new Date(Date.UTC(2026, 2, 9)));
    const b = newObjectKey(TENANT, 'scan', new Date(Date.UTC(2026, 2, 9)));
    expect(a).toMatch(new RegExp(`^t/${TENANT}/scan/2026/03/[0-9a-f]{32}$`));
    expect(b).not.toBe(a);
    expect(isObjectKey(a)).toBe(true);
    const keys = new Set(Array.from({ length: 200 }, () => newObjectKey(TENANT, 'attachment')));
    expect(keys.size).toBe(200);
    expect(newObjectKey(TENANT.toUpperCase(), 'x')).toMatch(new RegExp(`^t/${TENANT}/x/`)); // one spelling per tenant
  });

  it('refuse a tenant that is not a UUID and a malformed kind', () => {
    for (const t of ['', 'km', '../x', `${TENANT}/..`, '3f1c2a9e8b7d4c6e9f0a1b2c3d4e5f60']) {
      expect(() => newObjectKey(t, 'scan'), t).toThrow('newObjectKey: tenantId must be a UUID');
    }
    for (const k of ['', 'Scan', '1scan', 'scan/x', '..', 'a'.repeat(32), 'scan_x', 'scan.pdf']) {
      expect(() => newObjectKey(TENANT, k), k).toThrow('newObjectKey: kind must match');
    }
    expect(newObjectKey(TENANT, 'a'.repeat(31))).toContain(`/${'a'.repeat(31)}/`);
  });
});

describe('filesystem object store', () => {
  let tmp: string;
  let store: FsObjectStore;
  let app: FastifyInstance;

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lz-fs-store-'));
    const opened: ObjectStore = openObjectStore({ dataDir: tmp, downloadKey: SECRET, minio: undefined });
    expect(opened).toBeInstanceOf(FsObjectStore);
    store = opened as FsObjectStore;
    expect(store.root).toBe(path.join(tmp, 'objects'));
    app = Fastify();
    registerObjectDownloads(app, store, { downloadKey: SECRET });
    await app.ready();
  });

  afterAll(async () => {
    await app?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('put / get / stat / remove round trip', async () => {
    const key = newObjectKey(TENANT, 'scan');
    const body = crypto.randomBytes(70_000);
    const put = await store.put(key, body, { contentType: 'image/png' });
    expect(put).toEqual({ size: body.length, sha256: crypto.createHash('sha256').update(body).digest('hex') });
    expect(fs.readFileSync(path.join(tmp, 'objects', ...key.split('/')))).toEqual(body);
    expect(JSON.parse(fs.readFileSync(path.join(tmp, 'objects', ...key.split('/')) + '.meta.json', 'utf8')).contentType).toBe('image/png');
    expect((await store.get(key))!.equals(body)).toBe(true);
    const st = await store.stat(key);
    expect(st).toMatchObject({ size: body.length, contentType: 'image/png' });
    expect(st!.modifiedAt).toBeInstanceOf(Date);
    // No temporary files are left behind.
    expect(fs.readdirSync(path.dirname(path.join(tmp, 'objects', ...key.split('/')))).sort())
      .toEqual([key.split('/').pop()!, `${key.split('/').pop()}.meta.json`].sort());

    // Replacing is allowed; empty objects are objects.
    await store.put(key, Buffer.alloc(0), { contentType: 'text/plain; charset=utf-8' });
    expect(await store.get(key)).toEqual(Buffer.alloc(0));
    expect(await store.stat(key)).toMatchObject({ size: 0, contentType: 'text/plain; charset=utf-8' });

    await store.remove(key);
    expect(await store.get(key)).toBeNull();
    expect(await store.stat(key)).toBeNull();
    await store.remove(key); // idempotent
    expect(await store.get(newObjectKey(TENANT, 'scan'))).toBeNull();
    expect(await store.stat(newObjectKey(TENANT, 'never-written'))).toBeNull();
  });

  it('lists keys by prefix, only keys of the store', async () => {
    const mine = [newObjectKey(TENANT, 'scan'), newObjectKey(TENANT, 'scan'), newObjectKey(TENANT, 'attachment')];
    const theirs = [newObjectKey(OTHER_TENANT, 'scan')];
    for (const k of [...mine, ...theirs]) await store.put(k, Buffer.from(k), { contentType: 'text/plain' });
    // Stray files (a crashed write's temporary file, something copied in by hand) are never listed.
    const dir = path.dirname(path.join(tmp, 'objects', ...mine[0].split('/')));
    fs.writeFileSync(path.join(dir, '.leftover.tmp'), 'x');
    fs.writeFileSync(path.join(dir, 'README'), 'x');

    expect(await collect(store.list(''))).toEqual([...mine, ...theirs].sort());
    expect(await collect(store.list('t/'))).toEqual([...mine, ...theirs].sort());
    expect(await collect(store.list(`t/${TENANT}/`))).toEqual([...mine].sort());
    expect(await collect(store.list(`t/${TENANT}`))).toEqual([...mine].sort());
    expect(await collect(store.list(`t/${TENANT}/scan/`))).toEqual(mine.slice(0, 2).sort());
    expect(await collect(store.list(`t/${TENANT}/sc`))).toEqual(mine.slice(0, 2).sort());
    expect(await collect(store.list(mine[2]))).toEqual([mine[2]]);
    expect(await collect(store.list(`t/${OTHER_TENANT}/`))).toEqual(theirs);
    expect(await collect(store.list('t/00000000-0000-4000-8000-000000000000/'))).toEqual([]);
    expect(await collect(store.list('../'))).toEqual([]);
    expect(await collect(store.list('/etc/'))).toEqual([]);

    for (const k of [...mine, ...theirs]) await store.remove(k);
    expect(await collect(store.list(''))).toEqual([]);
  });

  it('refuses hostile and malformed keys', async () => {
    const good = newObjectKey(TENANT, 'scan');
    const hostile = [
      '../x', '/etc/passwd', `t/${TENANT}/x/../../y`, `t/${TENANT}/scan/2026/03/../../../../../etc/passwd`,
      `${good}/../${good.split('/').pop()}`, `/${good}`, `${good}/`, `./${good}`, `${good}.meta.json`,
      good.replace(/\//g, '\\'), good.toUpperCase(), `${good}\0`, '', 'x', `t/${TENANT}/scan/2026/13/${'0'.repeat(32)}`,
    ];
    for (const key of hostile) {
      await expect(store.put(key, Buffer.from('x'), { contentType: 'text/plain' }), key).rejects.toThrow(InvalidObjectKeyError);
      await expect(store.get(key), key).rejects.toThrow(InvalidObjectKeyError);
      await expect(store.stat(key), key).rejects.toThrow(InvalidObjectKeyError);
      await expect(store.remove(key), key).rejects.toThrow(InvalidObjectKeyError);
      await expect(store.downloadUrl(key, { filename: 'x.txt' }), key).rejects.toThrow(InvalidObjectKeyError);
    }
    expect(fs.existsSync('/y')).toBe(false);
    // Content types that could break a header are refused too.
    await expect(store.put(good, Buffer.from('x'), { contentType: 'text/html\r\nset-cookie: a=b' })).rejects.toThrow('invalid content type');
    await expect(store.put(good, Buffer.from('x'), { contentType: '' })).rejects.toThrow('invalid content type');
    expect(await store.stat(good)).toBeNull();
  });

  it('a signed URL downloads the object through the route', async () => {
    const key = newObjectKey(TENANT, 'attachment');
    const body = Buffer.concat([Buffer.from('%PDF-1.7\n'), crypto.randomBytes(100_000)]);
    await store.put(key, body, { contentType: 'application/pdf' });
    const filename = '张三 个人有关事项报告(2026)\'s #1.pdf';
    const url = await store.downloadUrl(key, { filename });
    expect(url).toMatch(/^\/api\/objects\/[A-Za-z0-9_-]+\?exp=\d+&fn=[A-Za-z0-9_-]+&sig=[0-9a-f]{64}$/);
    const p = parts(url);
    expect(Number(p.exp) - Date.now() / 1000).toBeGreaterThan(290);
    expect(Number(p.exp) - Date.now() / 1000).toBeLessThanOrEqual(300);
    expect(url).not.toContain(TENANT); // the key is encoded, not shown as a path

    const res = await app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(body)).toBe(true);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-length']).toBe(String(body.length));
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const cd = String(res.headers['content-disposition']);
    expect(cd).toBe(`attachment; filename*=UTF-8''${encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`);
    expect(cd.split("''")[1]).not.toMatch(/[()' ]/);
    expect(decodeURIComponent(cd.split("''")[1])).toBe(filename);

    // Custom lifetime.
    const longer = parts(await store.downloadUrl(key, { filename: 'a.pdf', ttlSeconds: 3600 }));
    expect(Number(longer.exp) - Date.now() / 1000).toBeGreaterThan(3590);
    await expect(store.downloadUrl(key, { filename: 'a.pdf', ttlSeconds: 0 })).rejects.toThrow(/ttlSeconds must be an integer from 1 to/);
    await expect(store.downloadUrl(key, { filename: 'a.pdf', ttlSeconds: 8 * 24 * 3600 })).rejects.toThrow(/ttlSeconds must be an integer from 1 to/);

    // Once the object is gone the (still valid) URL answers 404.
    await store.remove(key);
    const gone = await app.inject({ method: 'GET', url });
    expect(gone.statusCode).toBe(404);
  });

  it('expired, tampered or unsigned URLs answer 403', async () => {
    const key = newObjectKey(TENANT, 'attachment');
    const other = newObjectKey(TENANT, 'attachment');
    await store.put(key, Buffer.from('secret report'), { contentType: 'text/plain' });
    await store.put(other, Buffer.from('someone else'), { contentType: 'text/plain' });
    const good = parts(await store.downloadUrl(key, { filename: 'report.txt' }));
    expect((await app.inject(build(good))).statusCode).toBe(200);

    const flip = (hex: string) => hex.slice(0, -1) + (hex.endsWith('0') ? '1' : '0');
    const bad: Record<string, string> = {
      'another key': build({ ...good, token: b64(other) }),
      'a hostile key': build({ ...good, token: b64('../../etc/passwd') }),
      'another file name': build({ ...good, fn: b64('report.html') }),
      'a later expiry': build({ ...good, exp: String(Number(good.exp) + 3600) }),
      'an earlier expiry': build({ ...good, exp: String(Number(good.exp) - 1) }),
      'a changed signature': build({ ...good, sig: flip(good.sig) }),
      'an upper-case signature': build({ ...good, sig: good.sig.toUpperCase() }),
      'a short signature': build({ ...good, sig: good.sig.slice(0, 32) }),
      'no signature': `/api/objects/${good.token}?exp=${good.exp}&fn=${good.fn}`,
      'no expiry': `/api/objects/${good.token}?fn=${good.fn}&sig=${good.sig}`,
      'no file name': `/api/objects/${good.token}?exp=${good.exp}&sig=${good.sig}`,
      'a repeated parameter': `${build(good)}&exp=${good.exp}`,
      'a non-canonical token': build({ ...good, token: `${good.token}=` }),
      'an extra path segment': `/api/objects/${good.token}/x?exp=${good.exp}&fn=${good.fn}&sig=${good.sig}`,
      'nothing at all': '/api/objects/',
      'a signature from another secret': build(parts(
        await new FsObjectStore(path.join(tmp, 'objects'), 'another-secret-0123456789abcdef0123').downloadUrl(key, { filename: 'report.txt' }))),
    };
    for (const [what, url] of Object.entries(bad)) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, what).toBe(403);
      expect(res.json(), what).toEqual({ error: 'FORBIDDEN', message: '下载链接无效或已过期' });
      expect(res.headers['cache-control'], what).toBe('private, no-store');
    }

    // Expiry, with the clock moved instead of waiting.
    const exp = Number(good.exp);
    expect(verifyDownload(good, SECRET, new Date((exp - 1) * 1000))).toEqual({ key, filename: 'report.txt' });
    expect(verifyDownload(good, SECRET, new Date(exp * 1000))).toBeNull();
    expect(verifyDownload(good, SECRET, new Date((exp + 3600) * 1000))).toBeNull();
    // The JWT secret itself is not the signing key.
    const jwtKeyed = crypto.createHmac('sha256', SECRET).update(`lz-object-download-v1\n${key}\n${exp}\nreport.txt`).digest('hex');
    expect(verifyDownload({ ...good, sig: jwtKeyed }, SECRET)).toBeNull();

    // An expired URL through the route: a one-second URL, checked once its second is over.
    const short = await store.downloadUrl(key, { filename: 'report.txt', ttlSeconds: 1 });
    await expect.poll(async () => (await app.inject({ method: 'GET', url: short })).statusCode, { timeout: 5000, interval: 100 }).toBe(403);
    const expired = await app.inject({ method: 'GET', url: short });
    expect(expired.statusCode).toBe(403);
    expect(expired.json()).toEqual({ error: 'FORBIDDEN', message: '下载链接无效或已过期' });
  });

  it('file names are cleaned before signing', async () => {
    const key = newObjectKey(TENANT, 'attachment');
    await store.put(key, Buffer.from('<script>alert(1)</script>'), { contentType: 'text/html' });
    const url = await store.downloadUrl(key, { filename: '../..\\evil\r\n.html' });
    const res = await app.inject(url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe("attachment; filename*=UTF-8''.._.._evil.html");
    expect(res.headers['content-security-policy']).toContain('sandbox');
    expect(verifyDownload(parts(url), SECRET)?.filename).toBe('.._.._evil.html');
  });

  it('registers nothing for another kind of store', async () => {
    const bare = Fastify();
    const notFs = { put: async () => ({ size: 0, sha256: '' }) } as unknown as ObjectStore;
    registerObjectDownloads(bare, notFs, { downloadKey: SECRET });
    await bare.ready();
    expect((await bare.inject('/api/objects/x?exp=1&fn=eA&sig=00')).statusCode).toBe(404);
    await bare.close();
  });
});
