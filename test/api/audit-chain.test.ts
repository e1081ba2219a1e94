// The access log's SM3 hash chain: every row is a link, concurrent writers cannot fork it, and the verifier names
// the first row an owner edited or deleted.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../services/api/src/db/index.js';
import { seedDemo } from '../../services/api/src/seed/demo.js';
import { appendAudit, appendAuditSeparately } from '../../services/api/src/audit/index.js';
import { withScope } from '../../services/api/src/db/scope.js';
import { chainHash, type OwnerQuery } from '../../services/api/src/audit/chain.js';
import { verifyChain as verifyWith } from '../../services/api/src/audit/verify.js';
import { purgeAuditLog } from '../../services/api/src/audit/purge.js';
import { auditKeys } from '../../services/api/src/audit/keys.js';
import { repoRoot } from '../../services/api/src/config/index.js';
import { DEMO_PASSWORD, engineName, isPg, testConfig, TEST_AUDIT_CHAIN_KEY, TEST_AUDIT_SIGNING_KEY, openOwnerDatabase } from '../helpers/db.js';

/** The verifier's environment: the test keys, and the test process's data directory (anchor files). */
const cliEnv = () => ({ ...process.env, LZ_DATA_DIR: testConfig().dataDir, AUDIT_CHAIN_KEY: TEST_AUDIT_CHAIN_KEY, AUDIT_SIGNING_KEY: TEST_AUDIT_SIGNING_KEY });

let database: Database;
let q: OwnerQuery;
const verifyChain = (query: OwnerQuery) => verifyWith(query, auditKeys(testConfig()));
let close: () => Promise<void> = async () => undefined;

beforeAll(async () => {
  // On PGlite one session: the owner's session both writes (as the API would) and verifies.
  ({ database, q, close } = await openOwnerDatabase(testConfig(), { poolSize: 4, memory: true }));
  await seedDemo(database.db, DEMO_PASSWORD);
});
afterAll(() => close());

const entry = (i: number, tenantPath = 'yn') => ({
  tenantId: null, tenantPath, userId: null, username: `chain.test${i}`, operation: `query {cadres} #${i}`, kind: 'read' as const,
  outcome: 'success' as const, clientIp: '127.0.0.1', requestId: `r${i}`, cadreIds: [], detail: { n: i, nested: { b: 1, a: [1, 'x'] } },
});

/** Put a deleted row back exactly (the owner may; the chain guard admits new rows only at the head, so bypass it). */
async function putBack(row: Record<string, unknown>) {
  await q('alter table audit_event disable trigger audit_chain_guard');
  await q(`insert into audit_event (id, seq, prev_hash, hash, at, tenant_id, user_id, username, operation, kind, outcome, client_ip, request_id, cadre_ids, detail)
    values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
    [row.id, row.seq, row.prev_hash, row.hash, row.at, row.tenant_id, row.user_id, row.username, row.operation, row.kind, row.outcome,
      row.client_ip, row.request_id, row.cadre_ids, JSON.stringify(row.detail)]);
  await q('alter table audit_event enable trigger audit_chain_guard');
}

describe(`audit hash chain (${engineName})`, () => {
  it('SM3 is the hash, and the chain verifies after many concurrent appends', async () => {
    expect(chainHash('0'.repeat(64), { seq: 1, at: new Date(0), tenantId: null, userId: null, username: null, operation: 'x', kind: 'read',
      outcome: 'success', clientIp: null, requestId: null, cadreIds: [], detail: {}, summary: null })).toMatch(/^[0-9a-f]{64}$/);
    await Promise.all(Array.from({ length: 40 }, (_, i) => appendAuditSeparately(database.db, entry(i))));
    const r = await verifyChain(q);
    expect(r).toMatchObject({ ok: true });
    expect(r.rows).toBeGreaterThanOrEqual(40);
    const seqs = (await q<{ seq: string }>('select seq from audit_event union all select seq from audit_tombstone order by seq')).map((x) => Number(x.seq));
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
  });

  it('an owner editing a row is detected, naming that row; undoing the edit restores the chain', async () => {
    const [row] = await q<{ id: string; seq: string; operation: string }>(`select id::text, seq, operation from audit_event where username = 'chain.test7'`);
    await q('update audit_event set operation = $1 where id = $2', ['query {me}', row.id]);
    const r = await verifyChain(q);
    expect(r.ok).toBe(false);
    expect(r.broken).toMatchObject({ seq: Number(row.seq), id: row.id, reason: expect.stringContaining('内容与哈希不符（被修改') });
    await q('update audit_event set operation = $1 where id = $2', [row.operation, row.id]);
    expect((await verifyChain(q)).ok).toBe(true);
    // The detail is hashed too (jsonb key order does not matter, content does).
    await q(`update audit_event set detail = jsonb_set(detail, '{n}', '999') where id = $1`, [row.id]);
    expect((await verifyChain(q)).broken?.id).toBe(row.id);
    await q(`update audit_event set detail = jsonb_set(detail, '{n}', '7') where id = $1`, [row.id]);
    expect((await verifyChain(q)).ok).toBe(true);
  });

  it('a deleted row and a deleted tail are detected', async () => {
    const [row] = await q<Record<string, unknown>>(`select * from audit_event where username = 'chain.test11'`);
    await q('delete from audit_event where id = $1', [row.id]);
    const r = await verifyChain(q);
    expect(r.ok).toBe(false);
    expect(r.broken!.seq).toBe(Number(row.seq));
    expect(r.broken!.reason).toContain('缺少');
    await putBack(row);
    expect((await verifyChain(q)).ok).toBe(true);
    // The newest row removed: the head still names it.
    const [last] = await q<Record<string, unknown>>('select * from audit_event order by seq desc limit 1');
    await q('delete from audit_event where id = $1', [last.id]);
    expect((await verifyChain(q)).broken?.reason).toContain('链尾不符');
    await putBack(last);
    expect((await verifyChain(q)).ok).toBe(true);
  });

  it('a purge leaves tombstones: the chain verifies with the purged rows gone, and a forged tombstone is caught', async () => {
    const old = new Date(Date.now() - 500 * 24 * 3600_000);
    for (let i = 0; i < 3; i++) await withScope(database.db, 'yn', (trx) => appendAudit(trx, { ...entry(100 + i), at: old }));
    await appendAuditSeparately(database.db, entry(200));
    const run = await withScope(database.db, 'yn', (trx) => purgeAuditLog(trx, 400, {
      tenantId: null, tenantPath: 'yn', userId: null, username: 'chain.purger', clientIp: null, requestId: null }));
    expect(run.rows).toBeGreaterThanOrEqual(3);
    const r = await verifyChain(q);
    expect(r).toMatchObject({ ok: true });
    expect(r.tombstones).toBeGreaterThanOrEqual(3);
    // A tombstone whose hash was altered no longer links to its successor.
    const [tomb] = await q<{ seq: string; hash: string }>('select seq, hash from audit_tombstone order by seq limit 1');
    await q('update audit_tombstone set hash = $1 where seq = $2', ['f'.repeat(64), tomb.seq]);
    expect((await verifyChain(q)).broken?.seq).toBe(Number(tomb.seq) + 1);
    await q('update audit_tombstone set hash = $1 where seq = $2', [tomb.hash, tomb.seq]);
    expect((await verifyChain(q)).ok).toBe(true);
  });

  it.runIf(isPg)('`make audit-verify` says the chain is intact, then names an edited row and exits non-zero', async () => {
    const run = promisify(execFile);
    const cli = () => run('npx', ['tsx', 'services/api/src/audit/verify-cli.ts'], { cwd: repoRoot, env: cliEnv() }).then((r) => ({ code: 0, ...r }), (e) => e);
    const good = await cli();
    expect(good.code).toBe(0);
    expect(good.stdout).toContain('访问日志哈希链完整');
    const [row] = await q<{ id: string; seq: string }>(`select id::text, seq from audit_event where username = 'chain.test3'`);
    await q(`update audit_event set client_ip = '10.0.0.1' where id = $1`, [row.id]);
    const bad = await cli();
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(`序号 ${row.seq}（日志行 id ${row.id}）：内容与哈希不符（被修改`);
    await q(`update audit_event set client_ip = '127.0.0.1' where id = $1`, [row.id]);
  }, 60_000);
});
