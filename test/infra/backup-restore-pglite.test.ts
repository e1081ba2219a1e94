// infra/backup/backup.sh and restore.sh in the embedded mode (no DATABASE_URL): the data directory — PGlite database
// and filesystem object store — goes into data.tar and comes back whole. Runs on any machine.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { ltree } from '@electric-sql/pglite/contrib/ltree';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { loadConfig } from '../../services/api/src/config/index.js';
import { openDatabase } from '../../services/api/src/db/index.js';
import { seedDemo } from '../../services/api/src/seed/demo.js';
import { buildApp } from '../../services/api/src/app.js';
import { cleanEnv, fingerprintWith, hasBinary, repoRoot, run, type Fingerprint } from './scratch.js';

const PASSWORD = 'Lianzheng@2026';
const tools = hasBinary('tar', 'flock', 'sha256sum');

async function pgliteFingerprint(dataDir: string): Promise<Fingerprint> {
  // A plain PGlite session is the superuser: it reads past row-level security.
  const db = await PGlite.create({ dataDir: path.join(dataDir, 'pglite'), extensions: { ltree, pg_trgm } });
  try {
    return await fingerprintWith(async <T,>(sql: string) => (await db.query<T>(sql)).rows);
  } finally {
    await db.close();
  }
}

describe.skipIf(!tools)('backup.sh / restore.sh: embedded PGlite data directory', () => {
  let tmp: string;
  let dataDir: string;
  let before: Fingerprint;
  let backupDir: string;
  const file = { rel: 'objects/km-wh/扫描件.png', body: crypto.randomBytes(30_000) };
  const env = () => cleanEnv({ LZ_DATA_DIR: dataDir, BACKUP_ROOT: path.join(tmp, 'backups') });

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lz-backup-pglite-'));
    dataDir = path.join(tmp, 'data');
    const config = loadConfig({
      databaseUrl: undefined, databaseOwnerUrl: undefined, dataDir, mode: 'demo',
      demoPassword: PASSWORD, jwtSecret: 'test-secret-0123456789abcdef0123456789',
    });
    const database = await openDatabase(config);
    try {
      await seedDemo(database.db, PASSWORD);
      const app = await buildApp(config, database);
      const res = await app.inject({ method: 'POST', url: '/graphql', payload: {
        query: 'mutation($u:String!,$p:String!){ login(username:$u,password:$p){ accessToken } }',
        variables: { u: 'km-wh.officer', p: PASSWORD } } });
      expect(res.json().data?.login?.accessToken, res.body).toBeTruthy();
      await app.close();
    } finally {
      await database.close();
    }
    fs.mkdirSync(path.dirname(path.join(dataDir, file.rel)), { recursive: true });
    fs.writeFileSync(path.join(dataDir, file.rel), file.body);
    before = await pgliteFingerprint(dataDir);
  });

  afterAll(() => {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('backup.sh archives the data directory with a manifest', async () => {
    expect(before.cadre.rows).toBeGreaterThan(0);
    expect(before.audit_event.rows).toBeGreaterThan(0);
    const r = await run('bash', [path.join(repoRoot, 'infra/backup/backup.sh')], { env: env() });
    expect(r.code, r.stderr).toBe(0);
    backupDir = r.stdout.trim().split('\n').pop()!;
    const m = JSON.parse(fs.readFileSync(path.join(backupDir, 'manifest.json'), 'utf8'));
    expect(m.mode).toBe('pglite');
    expect(m.files['data.tar'].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(m.database).toBeUndefined();
  });

  it('restore.sh puts the data directory back; database and files are identical', async () => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    const r = await run('bash', [path.join(repoRoot, 'infra/backup/restore.sh'), '--yes', backupDir], { env: env() });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/访问日志哈希链完整/);
    expect(fs.readFileSync(path.join(dataDir, file.rel)).equals(file.body)).toBe(true);
    expect(await pgliteFingerprint(dataDir)).toEqual(before);
  });

  it('restore.sh will not unpack over a data directory that holds a database unless --force', async () => {
    const r = await run('bash', [path.join(repoRoot, 'infra/backup/restore.sh'), '--yes', backupDir], { env: env() });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/not empty/);
  });
});
