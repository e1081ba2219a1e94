// The switch to the keyed chain on a database whose log was written before it (plain SM3, tombstones without purge
// runs): the first start after 0009 signs a seal at the then head; older links verify unkeyed, newer ones keyed; the
// seal pins the old part and its tombstones; a seal deleted from the database is not made again. Built from the
// migrations before 0009 in a PGlite directory (PostgreSQL runs the same SQL; a fresh PostgreSQL database per test
// needs a superuser, which the suite does not have).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { ltree } from '@electric-sql/pglite/contrib/ltree';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { listMigrations } from '../../services/api/src/db/migrate.js';
import { openDatabase, type Database } from '../../services/api/src/db/index.js';
import { appendAuditSeparately } from '../../services/api/src/audit/index.js';
import { chainHash, contentOf, type OwnerQuery, type StoredRow } from '../../services/api/src/audit/chain.js';
import { auditKeys } from '../../services/api/src/audit/keys.js';
import { readAnchorFiles } from '../../services/api/src/audit/anchor.js';
import { verifyChain } from '../../services/api/src/audit/verify.js';
import type { Config } from '../../services/api/src/config/index.js';
import { isPg, testConfig } from '../helpers/db.js';

let config: Config;
let database: Database | undefined;
let q: OwnerQuery;
const verify = () => verifyChain(q, auditKeys(config));
const day = 24 * 3600_000;

async function open() {
  database = await openDatabase(config, { ownerSession: true });
  q = async (text, params) => (await database!.pglite!.pg.query(text, params as unknown[])).rows as never;
}

/** A database as the previous release left it: migrations up to 0008, a plain-SM3 chain, two legacy tombstones. */
async function legacyDatabase(dir: string) {
  const pg = await PGlite.create({ dataDir: path.join(dir, 'pglite'), extensions: { ltree, pg_trgm } });
  await pg.exec('create table schema_migration (name text primary key, applied_at timestamptz not null default now())');
  for (const m of listMigrations().filter((x) => x.name < '0009')) {
    await pg.exec(`begin;\n${m.sql}\n;insert into schema_migration (name) values ('${m.name}');\ncommit;`);
  }
  const append = async (i: number, at: Date) => {
    await pg.exec('begin');
    const [h] = (await pg.query<{ last_seq: string; last_hash: string }>('select * from audit_chain_lock()')).rows;
    const seq = Number(h.last_seq) + 1;
    const c = { seq, at, tenantId: null, userId: null, username: `legacy${i}`, operation: 'query {cadres}', kind: 'read', outcome: 'success',
      clientIp: null, requestId: null, cadreIds: [], detail: { i }, summary: null };
    await pg.query(`insert into audit_event (seq, prev_hash, hash, at, username, operation, kind, outcome, cadre_ids, detail)
      values ($1, $2, $3, $4, $5, $6, 'read', 'success', '{}', $7)`, [seq, h.last_hash, chainHash(h.last_hash, c), at.toISOString(), c.username, c.operation, JSON.stringify(c.detail)]);
    await pg.exec('commit');
  };
  await append(1, new Date(Date.now() - 300 * day));
  await append(2, new Date(Date.now() - 300 * day));
  for (let i = 3; i <= 6; i++) await append(i, new Date());
  await pg.exec('begin');
  await pg.query(`select set_config('app.tenant_path', 'yn', true)`);
  const [{ n }] = (await pg.query<{ n: number }>('select audit_purge(200, null) as n')).rows;
  await pg.exec('commit');
  expect(n).toBe(2);
  await pg.close();
}

beforeAll(async () => {
  if (isPg) return;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lz-audit-switch-'));
  config = testConfig({ dataDir: dir });
  await legacyDatabase(dir);
  await open();
}, 120_000);
afterAll(async () => { await database?.close(); });

describe.skipIf(isPg)('switch to the keyed chain (pglite)', () => {
  it('the first start seals the plain chain; later links are keyed; the whole verifies', async () => {
    const seals = await q<{ seq: string; tombstones: string }>(`select seq, tombstones from audit_anchor where kind = 'seal'`);
    expect(seals).toHaveLength(1);
    expect(Number(seals[0].seq)).toBe(6);
    expect(seals[0].tombstones).toMatch(/^2:[0-9a-f]{64}$/);
    expect(readAnchorFiles(config.auditAnchorDir).anchors).toHaveLength(1);
    await appendAuditSeparately(database!.db, { tenantId: null, tenantPath: 'yn', userId: null, username: 'keyed1', operation: 'query {me}',
      kind: 'read', outcome: 'success', clientIp: null, requestId: null, cadreIds: [] });
    expect(await verify()).toMatchObject({ ok: true, sealSeq: 6, rows: 5, tombstones: 2, lastSeq: 7 });
  });

  it('a legacy link edited and the plain chain recomputed up to the seal no longer meets the seal', async () => {
    const rows = await q<StoredRow>('select * from audit_event where seq between 3 and 6 order by seq');
    let prev = rows[0].prev_hash!;
    for (const r of rows) {
      if (Number(r.seq) === 3) r.operation = 'query {me}';
      const hash = chainHash(prev, contentOf(r, Number(r.seq)));
      await q('update audit_event set prev_hash = $1, hash = $2, operation = $3 where id = $4', [prev, hash, r.operation, r.id]);
      prev = hash;
    }
    const v = await verify();
    expect(v.ok).toBe(false);
    expect(v.broken).toMatchObject({ seq: 6 });
    expect(v.broken!.reason).toContain('封存锚点');
  });

  it('a legacy row deleted for a forged tombstone is caught against the seal; a deleted seal is not made again', async () => {
    // Start over from the sealed state: the previous test left the chain rewritten.
    await database!.close();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lz-audit-switch-'));
    config = testConfig({ dataDir: dir });
    await legacyDatabase(dir);
    await open();
    expect((await verify()).ok).toBe(true);
    const [row] = await q<Record<string, unknown>>(`select * from audit_event where seq = 4`);
    await q('delete from audit_event where id = $1', [row.id]);
    await q('insert into audit_tombstone (seq, hash, prev_hash, at) values ($1, $2, $3, $4)', [row.seq, row.hash, row.prev_hash, new Date(Date.now() - 400 * day)]);
    const v = await verify();
    expect(v.ok).toBe(false);
    expect(v.broken!.reason).toContain('启用密钥前的占位行与封存锚点记录的不符');
    await q('delete from audit_tombstone where seq = 4');
    await q('alter table audit_event disable trigger audit_chain_guard');
    await q(`insert into audit_event (id, seq, prev_hash, hash, at, username, operation, kind, outcome, cadre_ids, detail)
      values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [row.id, row.seq, row.prev_hash, row.hash, row.at, row.username, row.operation, row.kind, row.outcome, row.cadre_ids, JSON.stringify(row.detail)]);
    await q('alter table audit_event enable trigger audit_chain_guard');
    expect((await verify()).ok).toBe(true);

    // The owner deletes the seal and restarts: no new seal (which would bless whatever the chain now holds).
    await q('delete from audit_anchor');
    await database!.close();
    await open();
    expect(await q('select * from audit_anchor')).toEqual([]);
    const after = await verify();
    expect(after).toMatchObject({ ok: true, sealSeq: 6 });
    expect(after.notes.join()).toContain('不在数据库中');
  });
});
