// infra/backup/backup.sh and restore.sh end to end, on PostgreSQL and an S3 server (s3rver through the MinIO client):
// a scratch database of its own with the demo seed and real access-log rows, ~20 objects (binary, Chinese keys,
// content types, metadata); back up; destroy database and bucket; restore; every row and every byte is back.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Minio from 'minio';
import S3rver from 's3rver';
import { loadConfig, type Config } from '../../services/api/src/config/index.js';
import { openDatabase } from '../../services/api/src/db/index.js';
import { seedDemo } from '../../services/api/src/seed/demo.js';
import { buildApp } from '../../services/api/src/app.js';
import { cleanEnv, createScratch, fingerprint, hasBinary, repoRoot, run, type Scratch } from './scratch.js';

const onPostgres = !!process.env.DATABASE_URL?.trim();
const tools = hasBinary('psql', 'pg_dump', 'pg_restore', 'flock', 'sha256sum');
const PASSWORD = 'Lianzheng@2026';
const BUCKET = 'lianzheng-backup-test';
const backupSh = path.join(repoRoot, 'infra/backup/backup.sh');
const restoreSh = path.join(repoRoot, 'infra/backup/restore.sh');

interface Obj { key: string; body: Buffer; contentType: string; metadata: Record<string, string> }

function testObjects(): Obj[] {
  const objs: Obj[] = [];
  const names = ['张建华', '李明', '王芳', '赵丽', '欧阳修远', '单于明', '曾国强', '尉迟敬'];
  names.forEach((n, i) => objs.push({
    key: `km-wh/干部档案/${n}/个人有关事项报告-${2020 + i}.txt`,
    body: Buffer.from(`${n}：廉政档案 第${i}份\n房产、投资、配偶子女从业情况……\n`.repeat(20 + i * 50)),
    contentType: 'text/plain; charset=utf-8',
    metadata: { 'original-name': encodeURIComponent(`${n}.txt`), 'uploaded-by': 'km-wh.officer' },
  }));
  for (let i = 0; i < 6; i++) {
    objs.push({
      key: `yn/scans/扫描件-${i}.png`,
      body: crypto.randomBytes(1000 + i * 47_000),
      contentType: 'image/png',
      metadata: { sha: `scan-${i}` },
    });
  }
  const pdf = crypto.randomBytes(20_000);
  // s3rver ignores encoding-type=url in listings, so the MinIO client would decode '+' and '%' in listed keys (real
  // S3 and MinIO encode them): keys here avoid those two characters.
  objs.push({ key: 'km/报告 (2026) #1 & 附件 说明.pdf', body: pdf, contentType: 'application/pdf', metadata: {} });
  objs.push({ key: 'km/报告副本.pdf', body: pdf, contentType: 'application/pdf', metadata: {} }); // same bytes, another key
  objs.push({ key: 'empty', body: Buffer.alloc(0), contentType: 'application/octet-stream', metadata: {} });
  objs.push({ key: 'empty/inside', body: Buffer.from([0, 255, 0, 255]), contentType: 'application/octet-stream', metadata: {} });
  objs.push({
    key: 'km-pl/模板/任免审批表.docx',
    body: crypto.randomBytes(64_000),
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    metadata: { 'tenant': 'km-pl' },
  });
  objs.push({ key: 'km-pl/数据/导出.json', body: Buffer.from(JSON.stringify({ 姓名: '张三', 职务: '科长' })), contentType: 'application/json', metadata: {} });
  return objs;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.from(c as Buffer));
  return Buffer.concat(chunks);
}

async function listKeys(mc: Minio.Client, bucket: string): Promise<string[]> {
  const keys: string[] = [];
  for await (const o of mc.listObjectsV2(bucket, '', true)) if (o.name) keys.push(o.name);
  return keys.sort();
}

describe.skipIf(!onPostgres || !tools)('backup.sh / restore.sh: PostgreSQL + object store', () => {
  let scratch: Scratch;
  let tmp: string;
  let s3: S3rver;
  let mc: Minio.Client;
  let port: number;
  let config: Config;
  let before: Record<string, { rows: number; md5: string }>;
  let backupDir: string;
  const objs = testObjects();
  const scriptEnv = () => cleanEnv({
    DATABASE_URL: scratch.databaseUrl,
    DATABASE_OWNER_URL: scratch.databaseOwnerUrl,
    BACKUP_DATABASE_URL: scratch.backupUrl,
    BACKUP_ROOT: path.join(tmp, 'backups'),
    MINIO_ENDPOINT: '127.0.0.1',
    MINIO_PORT: String(port),
    MINIO_USE_SSL: 'false',
    MINIO_ACCESS_KEY: 'S3RVER',
    MINIO_SECRET_KEY: 'S3RVER',
    MINIO_BUCKET: BUCKET,
  });

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lz-backup-test-'));
    scratch = await createScratch('infra');
    config = loadConfig({
      databaseUrl: scratch.databaseUrl, databaseOwnerUrl: scratch.databaseOwnerUrl, mode: 'demo',
      demoPassword: PASSWORD, jwtSecret: 'test-secret-0123456789abcdef0123456789',
    });
    // Migrate, seed, and write real access-log rows (hash-chained) and sessions through the app.
    const database = await openDatabase(config, { poolSize: 2 });
    try {
      await seedDemo(database.db, PASSWORD);
      const app = await buildApp(config, database);
      const gql = async (token: string | null, query: string, variables: Record<string, unknown> = {}) =>
        (await app.inject({ method: 'POST', url: '/graphql', payload: { query, variables },
          headers: token ? { authorization: `Bearer ${token}` } : {} })).json();
      const LOGIN = 'mutation($u:String!,$p:String!){ login(username:$u,password:$p){ accessToken } }';
      for (const u of ['km.officer', 'km-wh.officer', 'yn.auditor']) {
        const r = await gql(null, LOGIN, { u, p: PASSWORD });
        expect(r.data?.login?.accessToken, JSON.stringify(r.errors)).toBeTruthy();
        await gql(r.data.login.accessToken, '{ cadres(first: 5) { totalCount edges { node { id name } } } }');
      }
      await gql(null, LOGIN, { u: 'km.officer', p: 'wrong-password' });
      await app.close();
    } finally {
      await database.close();
    }
    s3 = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: path.join(tmp, 's3') });
    port = (await s3.run()).port;
    mc = new Minio.Client({ endPoint: '127.0.0.1', port, useSSL: false, accessKey: 'S3RVER', secretKey: 'S3RVER' });
    await mc.makeBucket(BUCKET, 'us-east-1');
    for (const o of objs) await mc.putObject(BUCKET, o.key, o.body, o.body.length, { 'Content-Type': o.contentType, ...o.metadata });
    before = await fingerprint(scratch.superUrl, scratch.dbName);
  });

  afterAll(async () => {
    await s3?.close().catch(() => undefined);
    await scratch?.drop();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('the scratch database holds what a backup must carry', () => {
    for (const t of ['tenant', 'unit', 'app_user', 'cadre', 'cadre_search_key', 'audit_event', 'user_session']) {
      expect(before[t]?.rows, t).toBeGreaterThan(0);
    }
  });

  it('backup.sh writes db.dump, the objects and a manifest with rows and checksums', async () => {
    const r = await run('bash', [backupSh], { env: scriptEnv() });
    expect(r.code, r.stderr).toBe(0);
    backupDir = r.stdout.trim().split('\n').pop()!;
    expect(path.dirname(backupDir)).toBe(path.join(tmp, 'backups'));
    expect(path.basename(backupDir)).toMatch(/^\d{8}T\d{6}Z$/);
    expect(fs.readlinkSync(path.join(tmp, 'backups', 'latest'))).toBe(path.basename(backupDir));
    expect(fs.readdirSync(path.join(tmp, 'backups')).filter((n) => n.startsWith('.partial'))).toEqual([]);
    expect(fs.existsSync(path.join(backupDir, 'db.dump'))).toBe(true);
    expect((fs.statSync(backupDir).mode & 0o077)).toBe(0); // not readable by others

    const m = JSON.parse(fs.readFileSync(path.join(backupDir, 'manifest.json'), 'utf8'));
    expect(m.mode).toBe('postgres');
    expect(m.files['db.dump'].sha256).toMatch(/^[0-9a-f]{64}$/);
    for (const [t, fp] of Object.entries(before)) expect(m.database.tables[`public.${t}`]?.rows, t).toBe(fp.rows);
    expect(m.objects.bucket).toBe(BUCKET);
    expect(m.objects.count).toBe(objs.length);
    for (const o of objs) {
      const item = m.objects.items.find((i: { key: string }) => i.key === o.key);
      expect(item, o.key).toBeTruthy();
      expect(item.sha256).toBe(crypto.createHash('sha256').update(o.body).digest('hex'));
      expect(item.size).toBe(o.body.length);
      expect(item.contentType).toBe(o.contentType);
      const file = path.join(backupDir, 'objects', item.sha256.slice(0, 2), item.sha256);
      expect(fs.readFileSync(file).equals(o.body), o.key).toBe(true);
    }
  });

  it('the next backup links unchanged objects from the last one and fetches changed ones', async () => {
    const first = backupDir;
    const changed = objs[0];
    changed.body = Buffer.from(`${changed.body.toString()}补充材料：2026年度\n`);
    await mc.putObject(BUCKET, changed.key, changed.body, changed.body.length, { 'Content-Type': changed.contentType, ...changed.metadata });
    await new Promise((r) => setTimeout(r, 1100)); // directory names have one-second resolution
    const r = await run('bash', [backupSh], { env: scriptEnv() });
    expect(r.code, r.stderr).toBe(0);
    backupDir = r.stdout.trim().split('\n').pop()!;
    expect(backupDir).not.toBe(first);
    expect(r.stderr).toMatch(new RegExp(`${objs.length - 1} unchanged object\\(s\\) linked`));
    const blob = (dir: string, key: string) => {
      const m = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
      const item = m.objects.items.find((i: { key: string }) => i.key === key);
      return { item, file: path.join(dir, 'objects', item.sha256.slice(0, 2), item.sha256) };
    };
    const same = blob(backupDir, objs[5].key);
    expect(fs.statSync(same.file).ino).toBe(fs.statSync(blob(first, objs[5].key).file).ino);
    const fresh = blob(backupDir, changed.key);
    expect(fresh.item.sha256).toBe(crypto.createHash('sha256').update(changed.body).digest('hex'));
    expect(fs.readFileSync(fresh.file).equals(changed.body)).toBe(true);
  });

  it('after database and bucket are destroyed, a damaged backup is refused before anything changes', async () => {
    // One by one: s3rver's multi-object delete races when it prunes folders emptied in parallel.
    for (const o of objs) await mc.removeObject(BUCKET, o.key);
    expect(await listKeys(mc, BUCKET)).toEqual([]);
    // Then the bucket itself goes, the way a lost disk takes it.
    fs.rmSync(path.join(tmp, 's3', BUCKET), { recursive: true, force: true });
    await scratch.recreateEmpty();
    expect(await fingerprint(scratch.superUrl, scratch.dbName)).toEqual({});

    const damaged = path.join(tmp, 'damaged');
    fs.cpSync(backupDir, damaged, { recursive: true });
    const m = JSON.parse(fs.readFileSync(path.join(damaged, 'manifest.json'), 'utf8'));
    const victim = m.objects.items.find((i: { size: number }) => i.size > 100);
    const file = path.join(damaged, 'objects', victim.sha256.slice(0, 2), victim.sha256);
    const bytes = fs.readFileSync(file);
    bytes[50] ^= 0xff;
    fs.writeFileSync(file, bytes);
    const r = await run('bash', [restoreSh, '--yes', damaged], { env: scriptEnv() });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/damaged/);
    expect(await fingerprint(scratch.superUrl, scratch.dbName)).toEqual({});
    expect(await mc.bucketExists(BUCKET)).toBe(false);
  });

  it('restore.sh brings back every row and every object, and verifies them', async () => {
    const r = await run('bash', [restoreSh, '--yes', backupDir], { env: scriptEnv() });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/all \d+ tables match the manifest/);
    expect(r.stderr).toMatch(new RegExp(`verified ${objs.length} object\\(s\\)`));
    expect(r.stderr).toMatch(/访问日志哈希链完整/);

    expect(await fingerprint(scratch.superUrl, scratch.dbName)).toEqual(before);
    expect(await listKeys(mc, BUCKET)).toEqual(objs.map((o) => o.key).sort());
    for (const o of objs) {
      const stat = await mc.statObject(BUCKET, o.key);
      expect(stat.metaData['content-type'], o.key).toBe(o.contentType);
      for (const [k, v] of Object.entries(o.metadata)) expect(stat.metaData[k], `${o.key} ${k}`).toBe(v);
      expect((await readAll(await mc.getObject(BUCKET, o.key))).equals(o.body), o.key).toBe(true);
    }
  });

  it('the API runs on the restored database: login works and the access log goes on', async () => {
    const database = await openDatabase(config, { poolSize: 2 });
    try {
      const app = await buildApp(config, database);
      const res = await app.inject({ method: 'POST', url: '/graphql', payload: {
        query: 'mutation($u:String!,$p:String!){ login(username:$u,password:$p){ accessToken } }',
        variables: { u: 'km-wh.officer', p: PASSWORD } } });
      expect(res.json().data?.login?.accessToken, res.body).toBeTruthy();
      await app.close();
    } finally {
      await database.close();
    }
    const after = await fingerprint(scratch.superUrl, scratch.dbName);
    expect(after.audit_event.rows).toBe(before.audit_event.rows + 1);
  });

  it('restore.sh refuses a database that is not empty unless --force', async () => {
    const r = await run('bash', [restoreSh, '--yes', '--skip-objects', backupDir], { env: scriptEnv() });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/not empty/);
  });
});
