// The access-log chain against the database owner: links are HMAC-SM3 under a key the database does not hold, heads
// are SM2-signed (in the database and in files outside it), and tombstones count only when an attested purge made
// them. Each tamper below is done as the owner (PostgreSQL) or superuser (PGlite); the verifier and
// `make audit-verify` name it.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../services/api/src/db/index.js';
import { appendAudit, appendAuditSeparately } from '../../services/api/src/audit/index.js';
import { withScope } from '../../services/api/src/db/scope.js';
import { chainHash, contentOf, type OwnerQuery, type StoredRow } from '../../services/api/src/audit/chain.js';
import { anchorFromRow, anchorHead, appendAnchorFile, readAnchorFiles, signAnchor } from '../../services/api/src/audit/anchor.js';
import { auditKeys, chainKeyId } from '../../services/api/src/audit/keys.js';
import { purgeAuditLog } from '../../services/api/src/audit/purge.js';
import { verifyChain } from '../../services/api/src/audit/verify.js';
import { repoRoot, type Config } from '../../services/api/src/config/index.js';
import { engineName, isPg, testConfig, TEST_AUDIT_CHAIN_KEY, TEST_AUDIT_SIGNING_KEY, openOwnerDatabase } from '../helpers/db.js';

let config: Config;
let database: Database;
let q: OwnerQuery;
let closeAll: () => Promise<void> = async () => undefined;

/** PGlite keeps its data in a directory here, so that `make audit-verify` can open it while the test has it closed. */
async function open() {
  ({ database, q, close: closeAll } = await openOwnerDatabase(config));
}
async function close() { await closeAll(); }

beforeAll(async () => {
  config = testConfig(isPg ? {} : { dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'lz-audit-key-')) });
  await open();
}, 120_000);
afterAll(close);

const keys = () => auditKeys(config);
const verify = (k: Partial<ReturnType<typeof keys>> = {}) => verifyChain(q, { ...keys(), ...k });
const who = { tenantId: null, tenantPath: 'yn', userId: null, username: 'key.test', clientIp: null, requestId: null };
const entry = (i: number, at?: Date) => ({
  ...who, username: `key.test${i}`, operation: `query {cadre} #${i}`, kind: 'read' as const, outcome: 'success' as const,
  cadreIds: [], detail: { i }, summary: `查看干部档案 ${i}`, at,
});
const rowOf = async (username: string) => (await q<StoredRow & Record<string, unknown>>('select * from audit_event where username = $1', [username]))[0];

/** As the owner: recompute every link from `fromSeq` on (with `key`, or plain SM3) and move the head; returns an undo. */
async function rehash(fromSeq: number, key: string | undefined, edit?: (r: StoredRow) => void) {
  const rows = await q<StoredRow>('select * from audit_event where seq >= $1 order by seq', [fromSeq]);
  const [head] = await q<{ last_seq: string; last_hash: string }>('select * from audit_chain_head');
  const originals = rows.map((r) => ({ ...r }));
  let prev = rows[0].prev_hash!;
  for (const r of rows) {
    if (edit && Number(r.seq) === fromSeq) edit(r);
    const hash = chainHash(prev, contentOf(r, Number(r.seq)), key);
    await q('update audit_event set prev_hash = $1, hash = $2, operation = $3 where id = $4', [prev, hash, r.operation, r.id]);
    prev = hash;
  }
  await q('update audit_chain_head set last_hash = $1', [prev]);
  return async () => {
    for (const r of originals) await q('update audit_event set prev_hash = $1, hash = $2, operation = $3 where id = $4', [r.prev_hash, r.hash, r.operation, r.id]);
    await q('update audit_chain_head set last_seq = $1, last_hash = $2', [head.last_seq, head.last_hash]);
  };
}

/** Put a deleted row back exactly (the chain guard admits new rows only at the head, so bypass it). */
async function putBack(row: Record<string, unknown>) {
  await q('alter table audit_event disable trigger audit_chain_guard');
  await q(`insert into audit_event (id, seq, prev_hash, hash, at, tenant_id, user_id, username, operation, kind, outcome, client_ip, request_id, cadre_ids, detail, summary)
    values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
  [row.id, row.seq, row.prev_hash, row.hash, row.at, row.tenant_id, row.user_id, row.username, row.operation, row.kind, row.outcome,
    row.client_ip, row.request_id, row.cadre_ids, JSON.stringify(row.detail), row.summary]);
  await q('alter table audit_event enable trigger audit_chain_guard');
}

/** As the owner: delete a row and leave a tombstone in its place (optionally naming a purge run). */
async function forgeTombstone(row: Record<string, unknown>, purgeId?: string | number) {
  await q('delete from audit_event where id = $1', [row.id]);
  await q(`insert into audit_tombstone (seq, hash, prev_hash, at, purged_at, purge_id)
    values ($1, $2, $3, $4, coalesce((select purged_at from audit_purge_run where id = $5), now()), $5)`,
  [row.seq, row.hash, row.prev_hash, row.at, purgeId ?? null]);
  return async () => { await q('delete from audit_tombstone where seq = $1', [row.seq]); await putBack(row); };
}

const run = promisify(execFile);
/** `make audit-verify` against this database (PGlite: closed while the verifier has it). */
async function cli(): Promise<{ code: number; stdout: string; stderr: string }> {
  if (!isPg) await close();
  try {
    const env = { ...process.env, LZ_DATA_DIR: config.dataDir, AUDIT_CHAIN_KEY: TEST_AUDIT_CHAIN_KEY, AUDIT_SIGNING_KEY: TEST_AUDIT_SIGNING_KEY };
    return await run('npx', ['tsx', 'services/api/src/audit/verify-cli.ts'], { cwd: repoRoot, env }).then((r) => ({ code: 0, ...r }), (e) => e);
  } finally {
    if (!isPg) await open();
  }
}

describe(`audit chain key and anchors (${engineName})`, () => {
  it('links are keyed: the stored hash is the HMAC-SM3 under the chain key, not plain SM3; the switch left a signed seal', async () => {
    for (let i = 0; i < 8; i++) await appendAuditSeparately(database.db, entry(i));
    const r = await rowOf('key.test3');
    const c = contentOf(r, Number(r.seq));
    expect(r.hash).toBe(chainHash(r.prev_hash!, c, TEST_AUDIT_CHAIN_KEY));
    expect(r.hash).not.toBe(chainHash(r.prev_hash!, c));
    const seals = await q<{ seq: string; key_id: string }>(`select seq, key_id from audit_anchor where kind = 'seal'`);
    expect(seals).toHaveLength(1);
    expect(seals[0].key_id).toBe(chainKeyId(TEST_AUDIT_CHAIN_KEY));
    const v = await verify();
    expect(v).toMatchObject({ ok: true, sealSeq: Number(seals[0].seq) });
    expect(Number(r.seq)).toBeGreaterThan(v.sealSeq!);
  });

  it('an owner who edits a row and recomputes the chain with plain SM3 or with a wrong key is caught at that row', async () => {
    const r = await rowOf('key.test2');
    const seq = Number(r.seq);
    for (const key of [undefined, 'a-wrong-key-that-is-long-enough-0123456789']) {
      const undo = await rehash(seq, key, (x) => { x.operation = 'query {me}'; });
      const v = await verify();
      expect(v.ok).toBe(false);
      expect(v.broken).toMatchObject({ seq, id: String(r.id) });
      expect(v.broken!.reason).toContain('不是用链密钥写入的');
      await undo();
      expect((await verify()).ok).toBe(true);
    }
  });

  it('signed heads: a rewrite with the right key before a signed head is caught at the anchor; anchors are kept outside the database too', async () => {
    const a = (await anchorHead(database.db, keys()))!;
    expect(a).toMatchObject({ kind: 'head' });
    expect(readAnchorFiles(config.auditAnchorDir).anchors.map((x) => x.signature)).toContain(a.signature);
    expect(await anchorHead(database.db, keys())).toBeNull(); // nothing new to sign
    const r = await rowOf('key.test5');
    // Someone holding the chain key rewrites the chain: every link is consistent, but the signed head no longer matches.
    const undo = await rehash(Number(r.seq), TEST_AUDIT_CHAIN_KEY, (x) => { x.operation = 'query {me}'; });
    const v = await verify();
    expect(v.ok).toBe(false);
    expect(v.broken!.reason).toContain('签名锚点');
    expect(v.broken!.reason).toContain('签署后此处被改写');
    await undo();
    expect((await verify()).ok).toBe(true);
  });

  it('anchors: an altered or forged anchor, a second seal, a wrong verification key; anchors deleted from the database are still checked from the files', async () => {
    const [head] = await q<{ id: string; hash: string }>(`select id::text, hash from audit_anchor where kind = 'head' order by id desc limit 1`);
    await q('update audit_anchor set hash = $1 where id = $2', ['e'.repeat(64), head.id]);
    expect((await verify()).broken?.reason).toContain('SM2 签名无效');
    await q('update audit_anchor set hash = $1 where id = $2', [head.hash, head.id]);
    // A seal signed with another key pair (the database owner's own) is refused; so is a second one signed properly.
    const other = { ...keys(), signingKey: '1'.repeat(64), publicKey: (await import('sm-crypto-v2')).sm2.getPublicKeyFromPrivateKey('1'.repeat(64)) };
    const [h] = await q<{ chain_id: string; last_seq: string; last_hash: string }>('select chain_id::text, last_seq, last_hash from audit_chain_head');
    for (const [k, reason] of [[other, 'SM2 签名无效'], [keys(), '封存锚点']] as const) {
      const s = signAnchor(k, { chainId: h.chain_id, kind: 'seal', seq: Number(h.last_seq), hash: h.last_hash, tombstones: '0:x' });
      await q(`insert into audit_anchor (chain_id, kind, seq, hash, at, key_id, tombstones, public_key, signature) values ($7, 'seal', $1, $2, $3, $4, $5, $6, $8)`,
        [s.seq, s.hash, s.at, s.keyId, s.tombstones, s.publicKey, s.chainId, s.signature]);
      expect((await verify()).broken?.reason).toContain(reason);
      await q('delete from audit_anchor where signature = $1', [s.signature]);
    }
    expect((await verify({ chainKey: 'another-chain-key-long-enough-0123456789' })).broken?.reason).toContain('AUDIT_CHAIN_KEY 不是写入时的密钥');
    // The owner deletes every anchor: the files outside the database (as backups keep them) still hold the seal.
    const [seal] = await q<Parameters<typeof anchorFromRow>[0]>(`select * from audit_anchor where kind = 'seal'`);
    if (!readAnchorFiles(config.auditAnchorDir).anchors.some((a) => a.kind === 'seal')) appendAnchorFile(config.auditAnchorDir, anchorFromRow(seal));
    const saved = await q<Record<string, unknown>>('select * from audit_anchor order by id');
    await q('delete from audit_anchor');
    const v = await verify();
    expect(v.ok).toBe(true);
    expect(v.notes.join()).toContain('不在数据库中');
    // ... unless the chain's identity is changed too: then no seal of this chain is left anywhere.
    await q('update audit_chain_head set chain_id = gen_random_uuid()');
    expect((await verify()).broken?.reason).toContain('找不到本链');
    await q('update audit_chain_head set chain_id = $1', [h.chain_id]);
    for (const a of saved) {
      await q(`insert into audit_anchor (id, chain_id, kind, seq, hash, at, key_id, tombstones, public_key, signature) overriding system value
        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`, [a.id, a.chain_id, a.kind, a.seq, a.hash, a.at, a.key_id, a.tombstones, a.public_key, a.signature]);
    }
    expect((await verify()).notes).toEqual([]);
    // A changed identity with the anchors in place: they belong to another chain.
    await q('update audit_chain_head set chain_id = gen_random_uuid()');
    expect((await verify()).broken?.reason).toContain('属于另一条链');
    await q('update audit_chain_head set chain_id = $1', [h.chain_id]);
    // Anchors of another database in the same directory are set aside.
    const foreign = signAnchor(keys(), { chainId: '00000000-0000-4000-8000-00000000abcd', kind: 'head', seq: 99_999_999, hash: 'c'.repeat(64), tombstones: null });
    appendAnchorFile(config.auditAnchorDir, foreign);
    const w = await verify();
    expect(w.ok).toBe(true);
    expect(w.notes.join()).toContain('其他数据库');
    for (const f of fs.readdirSync(config.auditAnchorDir)) {
      const file = path.join(config.auditAnchorDir, f);
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').split('\n').filter((l) => !l.includes(foreign.signature)).join('\n'));
    }
    expect((await verify()).notes).toEqual([]);
  });

  it('a purge is attested; a deleted row replaced by a forged tombstone is caught (no purge, a forged purge, or slipped into a real purge)', async () => {
    const old = new Date(Date.now() - 500 * 24 * 3600_000);
    await withScope(database.db, 'yn', async (trx) => { for (const i of [100, 101]) await appendAudit(trx, entry(i, old)); });
    const att = await withScope(database.db, 'yn', (trx) => purgeAuditLog(trx, 400, who));
    expect(att.rows).toBeGreaterThanOrEqual(2);
    const attest = await q<{ detail: unknown; summary: string }>(`select detail, summary from audit_event where operation = 'audit_purge' order by seq desc limit 1`);
    expect(attest[0].summary).toMatch(/^清理记录：400 天以前的访问日志 \d+ 行/);
    expect((await verify())).toMatchObject({ ok: true });

    // 1. A young row deleted, a tombstone with no purge.
    for (let i = 10; i < 13; i++) await appendAuditSeparately(database.db, entry(i));
    const young = await rowOf('key.test11');
    let undo = await forgeTombstone(young);
    let v = await verify();
    expect(v.broken).toMatchObject({ seq: Number(young.seq) });
    expect(v.broken!.reason).toContain('不属于任何清理记录');
    await undo();
    expect((await verify()).ok).toBe(true);

    // 2. A forged purge run: with an honest cut-off the row is too young; with a cut-off in the future nothing attests it.
    for (const cutoff of [new Date(Date.now() - 180 * 24 * 3600_000), new Date(Date.now() + 24 * 3600_000)]) {
      const [fake] = await q<{ id: string }>(`insert into audit_purge_run (purged_at, days, cutoff, scope, rows, first_seq, last_seq, max_at)
        values (now(), 180, $1, 'yn', 1, $2, $2, $3) returning id`, [cutoff, young.seq, young.at]);
      undo = await forgeTombstone(young, fake.id);
      v = await verify();
      expect(v.ok).toBe(false);
      expect(v.broken!.reason).toContain(cutoff.getTime() < Date.now() ? '不早于' : '没有带密钥的清理记录行');
      await undo();
      await q('delete from audit_purge_run where id = $1', [fake.id]);
    }

    // 3. An old row (written after the purge) slipped into the real, attested purge.
    await withScope(database.db, 'yn', (trx) => appendAudit(trx, entry(102, old)));
    const late = await rowOf('key.test102');
    undo = await forgeTombstone(late, att.run);
    v = await verify();
    expect(v.ok).toBe(false);
    expect(v.broken!.reason).toContain(`第 ${att.run} 次清理的占位行与其清理记录`);
    await undo();
    expect((await verify()).ok).toBe(true);
  });

  it('`make audit-verify` passes an intact chain and names both tampers, exiting non-zero', async () => {
    const good = await cli();
    expect(good.stderr).toBe('');
    expect(good.code).toBe(0);
    expect(good.stdout).toContain('访问日志哈希链完整');
    expect(good.stdout).toContain('签名锚点有效');

    // Tamper 1: a row edited and the chain recomputed with plain SM3.
    const r = await rowOf('key.test4');
    let undo = await rehash(Number(r.seq), undefined, (x) => { x.operation = 'query {me}'; });
    let bad = await cli();
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(`序号 ${r.seq}（日志行 id ${r.id}）：内容与哈希不符（被修改，或不是用链密钥写入的）`);
    await undo();

    // Tamper 2: a row deleted and a tombstone forged in its place.
    const y = await rowOf('key.test12');
    undo = await forgeTombstone(y);
    bad = await cli();
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(`序号 ${y.seq}：占位行不属于任何清理记录（删除后伪造的占位）`);
    await undo();
    expect((await cli()).code).toBe(0);
  }, 120_000);
});

describe('audit key configuration', () => {
  const prod = { mode: 'production' as const, jwtSecret: 'j'.repeat(40), fieldSecret: 'f'.repeat(40), dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'lz-audit-cfg-')) };
  it('production requires a chain key of 32+ characters and an SM2 signing key; a public key alone configures a verifier', async () => {
    const { loadConfig } = await import('../../services/api/src/config/index.js');
    const { sm2PublicKey } = await import('../../services/api/src/audit/keys.js');
    expect(() => loadConfig({ ...prod, auditSigningKey: TEST_AUDIT_SIGNING_KEY })).toThrow(/AUDIT_CHAIN_KEY/);
    expect(() => loadConfig({ ...prod, auditChainKey: 'short', auditSigningKey: TEST_AUDIT_SIGNING_KEY })).toThrow(/AUDIT_CHAIN_KEY/);
    expect(() => loadConfig({ ...prod, auditChainKey: TEST_AUDIT_CHAIN_KEY })).toThrow(/AUDIT_SIGNING_KEY/);
    expect(() => loadConfig({ ...prod, auditChainKey: TEST_AUDIT_CHAIN_KEY, auditSigningKey: 'f'.repeat(64) })).toThrow(/SM2 private key/);
    const full = loadConfig({ ...prod, auditChainKey: TEST_AUDIT_CHAIN_KEY, auditSigningKey: TEST_AUDIT_SIGNING_KEY });
    expect(full.auditPublicKey).toBe(sm2PublicKey(TEST_AUDIT_SIGNING_KEY));
    const verifier = loadConfig({ ...prod, auditChainKey: TEST_AUDIT_CHAIN_KEY, auditPublicKey: full.auditPublicKey });
    expect(verifier.auditSigningKey).toBeUndefined();
    expect(() => loadConfig({ ...prod, auditChainKey: TEST_AUDIT_CHAIN_KEY, auditSigningKey: TEST_AUDIT_SIGNING_KEY, auditPublicKey: sm2PublicKey('1'.repeat(64)) }))
      .toThrow(/does not belong/);
  });

  it('demo mode draws both keys at random into the data directory (0600) and keeps them', async () => {
    const { loadConfig } = await import('../../services/api/src/config/index.js');
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lz-audit-cfg-'));
    const a = loadConfig({ dataDir }), b = loadConfig({ dataDir });
    expect(a.auditChainKey.length).toBeGreaterThanOrEqual(32);
    expect([b.auditChainKey, b.auditSigningKey, b.auditPublicKey]).toEqual([a.auditChainKey, a.auditSigningKey, a.auditPublicKey]);
    for (const f of ['audit-chain', 'audit-signing']) expect(fs.statSync(path.join(dataDir, 'secrets', f)).mode & 0o777).toBe(0o600);
    expect(loadConfig({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'lz-audit-cfg-')) }).auditChainKey).not.toBe(a.auditChainKey);
    expect(a.auditAnchorDir).toBe(path.join(dataDir, 'audit-anchors'));
  });
});
