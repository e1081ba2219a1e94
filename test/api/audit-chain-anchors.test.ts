// Auditors of the root tenant download the signed chain heads and the public key, and can have the head signed on
// demand; nobody else can. A purge through GraphQL leaves its keyed attesting row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withScope } from '../../services/api/src/db/scope.js';
import { appendAudit } from '../../services/api/src/audit/index.js';
import { anchorSignatureValid, readAnchorFiles, type Anchor } from '../../services/api/src/audit/anchor.js';
import { chainKeyId } from '../../services/api/src/audit/keys.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { engineName, testConfig, TEST_AUDIT_CHAIN_KEY } from '../helpers/db.js';

let t: TestApp;
const tokens: Record<string, string> = {};
const tok = async (u: string) => (tokens[u] ??= await t.login(u));
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

const FIELDS = 'chainId kind seq hash at keyId tombstones publicKey signature';
const code = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;
const asAnchor = (a: Record<string, string>): Anchor => ({ ...a, seq: Number(a.seq) } as unknown as Anchor);

describe(`signed chain heads through GraphQL (${engineName})`, () => {
  it('a root auditor downloads the anchors and the public key; each signature verifies outside the system', async () => {
    const r = await t.gql(await tok('yn.auditor'), `{ auditSigningKey auditAnchors(first: 50) { ${FIELDS} } }`);
    expect(r.errors).toBeUndefined();
    const { auditSigningKey, auditAnchors } = r.data;
    expect(auditSigningKey).toBe(testConfig().auditPublicKey);
    expect(auditAnchors.some((a: { kind: string }) => a.kind === 'seal')).toBe(true);
    for (const a of auditAnchors) {
      expect(anchorSignatureValid(asAnchor(a), auditSigningKey)).toBe(true);
      expect(a.keyId).toBe(chainKeyId(TEST_AUDIT_CHAIN_KEY));
    }
  });

  it('on demand the head is signed, kept in the database and in the anchor files, and the request is audited', async () => {
    const r = await t.gql(await tok('yn.auditor'), `mutation { anchorAuditChain { ${FIELDS} } }`);
    expect(r.errors).toBeUndefined();
    const a = r.data.anchorAuditChain;
    expect(a.kind).toBe('head');
    expect(anchorSignatureValid(asAnchor(a), testConfig().auditPublicKey)).toBe(true);
    expect(readAnchorFiles(testConfig().auditAnchorDir).anchors.map((x) => x.signature)).toContain(a.signature);
    const list = (await t.gql(await tok('yn.auditor'), `{ auditAnchors(first: 1) { signature } }`)).data.auditAnchors;
    expect(list[0].signature).toBe(a.signature);
    const log = (await t.gql(await tok('yn.auditor'), `{ auditEvents(first: 5, filter: { username: "yn.auditor" }) { edges { node { operation summary } } } }`))
      .data.auditEvents.edges.map((e: any) => e.node);
    expect(log.some((x: any) => x.operation.includes('anchorAuditChain') && x.summary.startsWith('签署哈希链链头'))).toBe(true);
  });

  it('auditors of lower tenants and other roles are refused', async () => {
    for (const u of ['km.auditor', 'km-wh.auditor', 'yn.admin', 'yn.officer']) {
      expect(code(await t.gql(await tok(u), '{ auditAnchors { seq } }')), u).toBe('FORBIDDEN');
      expect(code(await t.gql(await tok(u), '{ auditSigningKey }')), u).toBe('FORBIDDEN');
      expect(code(await t.gql(await tok(u), 'mutation { anchorAuditChain { seq } }')), u).toBe('FORBIDDEN');
    }
  });

  it('a purge leaves a keyed row attesting it; a head moved by the same request is not signed', async () => {
    const old = new Date(Date.now() - 400 * 24 * 3600_000);
    await withScope(t.database.db, 'yn', (trx) => appendAudit(trx, {
      tenantId: null, tenantPath: 'yn', userId: null, username: 'anchor.old', operation: 'query {cadres}', kind: 'read',
      outcome: 'success', clientIp: null, requestId: null, cadreIds: [], at: old,
    }));
    const both = await t.gql(await tok('yn.auditor'), 'mutation { purgeAuditEvents(olderThanDays: 365) anchorAuditChain { seq } }');
    expect(code(both)).toBe('BAD_USER_INPUT');
    const r = await t.gql(await tok('yn.auditor'), 'mutation { purgeAuditEvents(olderThanDays: 365) }');
    expect(r.errors).toBeUndefined();
    expect(r.data.purgeAuditEvents).toBeGreaterThanOrEqual(1);
    const rows = (await t.gql(await tok('yn.auditor'), `{ auditEvents(first: 5, filter: { text: "清理记录" }) { edges { node { operation summary detail username } } } }`))
      .data.auditEvents.edges.map((e: any) => e.node);
    const att = rows.find((x: any) => x.operation === 'audit_purge');
    expect(att).toMatchObject({ username: 'yn.auditor' });
    expect(att.summary).toMatch(/^清理记录：365 天以前的访问日志 \d+ 行/);
    expect(JSON.parse(att.detail).auditPurge).toMatchObject({ days: 365, rows: r.data.purgeAuditEvents });
  });
});
