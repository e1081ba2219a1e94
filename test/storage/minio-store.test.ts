// The MinIO object store against s3rver (an S3-protocol server in-process) through the same MinIO client.
// s3rver checks no signatures, so only the shape of presigned URLs is checked here; download-URL security is proven
// on the filesystem driver (fs-store.test.ts). Objects stay under the client's part size (s3rver has no multipart).
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type MinioConfig } from '../../services/api/src/config/index.js';
import {
  InvalidObjectKeyError, MinioObjectStore, newObjectKey, openObjectStore, type ObjectStore,
} from '../../services/api/src/storage/index.js';

const TENANT = '3f1c2a9e-8b7d-4c6e-9f0a-1b2c3d4e5f60';
const OTHER_TENANT = 'a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d';

async function collect(it: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const k of it) out.push(k);
  return out;
}

describe('MinIO object store (s3rver)', () => {
  let tmp: string;
  let s3: S3rver;
  let port: number;
  let minio: MinioConfig;
  let store: MinioObjectStore;

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lz-minio-store-'));
    s3 = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: path.join(tmp, 's3') });
    port = (await s3.run()).port;
    minio = { endPoint: '127.0.0.1', port, useSSL: false, accessKey: 'S3RVER', secretKey: 'S3RVER', bucket: 'lianzheng-store-test' };
    const opened: ObjectStore = openObjectStore({ dataDir: tmp, downloadKey: 'unused-here-0123456789abcdef0123456789', minio });
    expect(opened).toBeInstanceOf(MinioObjectStore);
    store = opened as MinioObjectStore;
  });

  afterAll(async () => {
    await s3?.close().catch(() => undefined);
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('creates the bucket when missing', async () => {
    expect(await store.client.bucketExists(minio.bucket)).toBe(false);
    await store.ensureBucket();
    expect(await store.client.bucketExists(minio.bucket)).toBe(true);
    await store.ensureBucket(); // once is enough; again is harmless
    // Nothing goes to the filesystem store's directory.
    expect(fs.existsSync(path.join(tmp, 'objects'))).toBe(false);
  });

  it('put / get / stat / remove round trip', async () => {
    const key = newObjectKey(TENANT, 'scan');
    const body = crypto.randomBytes(1_500_000);
    const put = await store.put(key, body, { contentType: 'image/png' });
    expect(put).toEqual({ size: body.length, sha256: crypto.createHash('sha256').update(body).digest('hex') });
    expect((await store.get(key))!.equals(body)).toBe(true);
    const st = await store.stat(key);
    expect(st).toMatchObject({ size: body.length, contentType: 'image/png' });
    expect(st!.modifiedAt).toBeInstanceOf(Date);
    // The object is really in the bucket, under exactly that key.
    expect((await store.client.statObject(minio.bucket, key)).size).toBe(body.length);

    await store.put(key, Buffer.from('替换后的内容'), { contentType: 'text/plain; charset=utf-8' });
    expect((await store.get(key))!.toString('utf8')).toBe('替换后的内容');
    expect(await store.stat(key)).toMatchObject({ size: Buffer.byteLength('替换后的内容'), contentType: 'text/plain; charset=utf-8' });

    await store.remove(key);
    expect(await store.get(key)).toBeNull();
    expect(await store.stat(key)).toBeNull();
    await store.remove(key); // idempotent
    expect(await store.get(newObjectKey(TENANT, 'scan'))).toBeNull();
  });

  it('lists keys by prefix, only keys of the product', async () => {
    const mine = [newObjectKey(TENANT, 'scan'), newObjectKey(TENANT, 'scan'), newObjectKey(TENANT, 'attachment')];
    const theirs = [newObjectKey(OTHER_TENANT, 'scan')];
    for (const k of [...mine, ...theirs]) await store.put(k, Buffer.from(k), { contentType: 'text/plain' });
    // Something else in the bucket (say, left by a restore) is not the store's to list, nor the sweeper's to remove.
    await store.client.putObject(minio.bucket, 'km/报告.pdf', Buffer.from('x'), 1, { 'Content-Type': 'application/pdf' });

    expect((await collect(store.list(''))).sort()).toEqual([...mine, ...theirs].sort());
    expect((await collect(store.list(`t/${TENANT}/`))).sort()).toEqual([...mine].sort());
    expect((await collect(store.list(`t/${TENANT}/scan/`))).sort()).toEqual(mine.slice(0, 2).sort());
    expect(await collect(store.list(`t/${OTHER_TENANT}/`))).toEqual(theirs);
    expect(await collect(store.list('t/00000000-0000-4000-8000-000000000000/'))).toEqual([]);
    expect(await collect(store.list('km/'))).toEqual([]);

    for (const k of [...mine, ...theirs]) await store.remove(k);
    expect(await collect(store.list(''))).toEqual([]);
  });

  it('refuses hostile and malformed keys', async () => {
    for (const key of ['../x', '/etc/passwd', `t/${TENANT}/x/../../y`, 'km/报告.pdf', '']) {
      await expect(store.put(key, Buffer.from('x'), { contentType: 'text/plain' }), key).rejects.toThrow(InvalidObjectKeyError);
      await expect(store.get(key), key).rejects.toThrow(InvalidObjectKeyError);
      await expect(store.stat(key), key).rejects.toThrow(InvalidObjectKeyError);
      await expect(store.remove(key), key).rejects.toThrow(InvalidObjectKeyError);
      await expect(store.downloadUrl(key, { filename: 'x' }), key).rejects.toThrow(InvalidObjectKeyError);
    }
  });

  it('produces presigned download URLs for the bucket, with an expiry and an attachment disposition', async () => {
    const key = newObjectKey(TENANT, 'attachment');
    await store.put(key, Buffer.from('%PDF-1.7\n'), { contentType: 'application/pdf' });
    const filename = '张三 个人有关事项报告(2026).pdf';

    const url = new URL(await store.downloadUrl(key, { filename }));
    expect(url.protocol).toBe('http:');
    expect(url.host).toBe(`127.0.0.1:${port}`);
    expect(url.pathname).toBe(`/${minio.bucket}/${key}`); // path-style
    expect(url.searchParams.get('X-Amz-Algorithm')).toBe('AWS4-HMAC-SHA256');
    expect(url.searchParams.get('X-Amz-Expires')).toBe('300');
    expect(url.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
    expect(url.searchParams.get('X-Amz-SignedHeaders')).toBe('host');
    const issued = url.searchParams.get('X-Amz-Date')!;
    expect(issued).toMatch(/^\d{8}T\d{6}Z$/);
    const issuedAt = Date.parse(`${issued.slice(0, 4)}-${issued.slice(4, 6)}-${issued.slice(6, 8)}T${issued.slice(9, 11)}:${issued.slice(11, 13)}:${issued.slice(13, 15)}Z`);
    expect(Math.abs(issuedAt - Date.now())).toBeLessThan(60_000);
    const disposition = url.searchParams.get('response-content-disposition')!;
    expect(disposition.startsWith("attachment; filename*=UTF-8''")).toBe(true);
    expect(decodeURIComponent(disposition.slice("attachment; filename*=UTF-8''".length))).toBe(filename);
    expect(url.searchParams.get('response-cache-control')).toBe('private, no-store');

    const longer = new URL(await store.downloadUrl(key, { filename: 'a.pdf', ttlSeconds: 3600 }));
    expect(longer.searchParams.get('X-Amz-Expires')).toBe('3600');
    await expect(store.downloadUrl(key, { filename: 'a.pdf', ttlSeconds: 0 })).rejects.toThrow(/ttlSeconds must be an integer from 1 to/);
    await expect(store.downloadUrl(key, { filename: 'a.pdf', ttlSeconds: 8 * 24 * 3600 })).rejects.toThrow(/ttlSeconds must be an integer from 1 to/);

    // s3rver verifies no signature, but the URL does reach the object and carries the disposition.
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).toString()).toBe('%PDF-1.7\n');
    await store.remove(key);
  });
});

describe('object store configuration (MINIO_*, MAX_UPLOAD_MB)', () => {
  const NAMES = ['MINIO_ENDPOINT', 'MINIO_PORT', 'MINIO_USE_SSL', 'MINIO_ACCESS_KEY', 'MINIO_SECRET_KEY', 'MINIO_BUCKET', 'MAX_UPLOAD_MB'];
  const withEnv = <T>(vars: Record<string, string>, fn: () => T): T => {
    const saved = Object.fromEntries(NAMES.map((n) => [n, process.env[n]]));
    for (const n of NAMES) delete process.env[n];
    Object.assign(process.env, vars);
    try {
      return fn();
    } finally {
      for (const n of NAMES) {
        if (saved[n] === undefined) delete process.env[n];
        else process.env[n] = saved[n];
      }
    }
  };

  it('no MINIO_ENDPOINT (or an empty one): the filesystem store under <dataDir>/objects', () => {
    for (const vars of [{}, { MINIO_ENDPOINT: '  ', MINIO_ACCESS_KEY: 'a' }] as Record<string, string>[]) {
      const config = withEnv(vars, () => loadConfig());
      expect(config.minio).toBeUndefined();
      expect(config.maxUploadBytes).toBe(20 * 1024 * 1024);
      const store = openObjectStore({ ...config, dataDir: '/tmp/lz-not-created' });
      expect((store as { root?: string }).root).toBe(path.join('/tmp/lz-not-created', 'objects'));
    }
  });

  it('MINIO_ENDPOINT set: MinIO, with defaults for port, TLS and bucket', () => {
    const config = withEnv({ MINIO_ENDPOINT: '127.0.0.1', MINIO_ACCESS_KEY: 'lianzheng-api', MINIO_SECRET_KEY: 's3cret', MAX_UPLOAD_MB: '5' },
      () => loadConfig());
    expect(config.minio).toEqual({ endPoint: '127.0.0.1', port: 9000, useSSL: false, accessKey: 'lianzheng-api', secretKey: 's3cret', bucket: 'lianzheng' });
    expect(config.maxUploadBytes).toBe(5 * 1024 * 1024);
    expect(openObjectStore(config)).toBeInstanceOf(MinioObjectStore);
    const all = withEnv({
      MINIO_ENDPOINT: 'minio.internal', MINIO_PORT: '9443', MINIO_USE_SSL: 'true', MINIO_ACCESS_KEY: 'a', MINIO_SECRET_KEY: 'b', MINIO_BUCKET: 'archive',
    }, () => loadConfig());
    expect(all.minio).toEqual({ endPoint: 'minio.internal', port: 9443, useSSL: true, accessKey: 'a', secretKey: 'b', bucket: 'archive' });
  });

  it('refuses an incomplete or malformed MinIO setting', () => {
    const base = { MINIO_ENDPOINT: '127.0.0.1', MINIO_ACCESS_KEY: 'a', MINIO_SECRET_KEY: 'b' };
    expect(() => withEnv({ MINIO_ENDPOINT: '127.0.0.1' }, () => loadConfig())).toThrow(/MINIO_ACCESS_KEY/);
    expect(() => withEnv({ MINIO_ENDPOINT: '127.0.0.1', MINIO_ACCESS_KEY: 'a' }, () => loadConfig())).toThrow(/MINIO_SECRET_KEY/);
    expect(() => withEnv({ ...base, MINIO_ENDPOINT: 'http://127.0.0.1:9000' }, () => loadConfig())).toThrow(/MINIO_ENDPOINT/);
    expect(() => withEnv({ ...base, MINIO_PORT: 'abc' }, () => loadConfig())).toThrow(/MINIO_PORT/);
    expect(() => withEnv({ ...base, MINIO_PORT: '70000' }, () => loadConfig())).toThrow(/MINIO_PORT/);
    expect(() => withEnv({ ...base, MINIO_USE_SSL: 'ture' }, () => loadConfig())).toThrow(/MINIO_USE_SSL/);
    expect(() => withEnv({ MAX_UPLOAD_MB: '0' }, () => loadConfig())).toThrow(/MAX_UPLOAD_MB/);
  });
});
