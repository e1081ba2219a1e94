// Group commit of the access log (services/api/src/audit/appender.ts, docs/audit.md): the rows of concurrent reads
// are chained in batches, every request still leaves exactly one row, the chain stays gap-free and verifies, writes
// keep their row in their own transaction, and a read whose row cannot be appended answers an error without its data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../services/api/src/app.js';
import type { Database } from '../../services/api/src/db/index.js';
import { seedDemo } from '../../services/api/src/seed/demo.js';
import { appendAuditSeparately } from '../../services/api/src/audit/index.js';
import { batchScopes, type BatchContent, type OwnerQuery } from '../../services/api/src/audit/chain.js';
import { verifyChain } from '../../services/api/src/audit/verify.js';
import { auditKeys } from '../../services/api/src/audit/keys.js';
import { DEMO_PASSWORD, engineName, testConfig, openOwnerDatabase } from '../helpers/db.js';

let database: Database;
let q: OwnerQuery;
let app: FastifyInstance;
let close: () => Promise<void> = async () => undefined;

beforeAll(async () => {
  ({ database, q, close } = await openOwnerDatabase(testConfig(), { poolSize: 6, memory: true }));
  await seedDemo(database.db, DEMO_PASSWORD);
  app = await buildApp(testConfig(), database);
  await app.ready();
}, 120_000);
afterAll(async () => { await app?.close(); await close(); });

/** A GraphQL request through the app, with its request id (the id its audit row carries). */
async function gql(token: string | null, query: string, variables: Record<string, unknown> = {}) {
  const res = await app.inject({
    method: 'POST', url: '/graphql', payload: JSON.stringify({ query, variables }),
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
  return { id: String(res.headers['x-request-id']), body: res.body, json: res.json() as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] } };
}
async function login(username: string) {
  const r = await gql(null, 'mutation($u:String!,$p:String!){ login(username:$u,password:$p){ accessToken } }', { u: username, p: DEMO_PASSWORD });
  return r.json.data.login.accessToken as string;
}

const ARCHIVE = `query($id: ID!) { cadre(id: $id) { id name records { id category categoryTitle materials { id name } } } }`;
const CREATE_GIFT = `mutation($c: ID!, $f: RecordFieldsInput!) { createRecord(cadreId: $c, category: 2, fields: $f) { id } }`;
const gift = (i: number) => ({ gift: { occurredOn: '2026-11-01', giver: `某公司经理${i}`, giftKind: '礼品', description: '茶叶两盒', amount: '860', handling: '上交组织', handedOn: '2026-11-02' } });

/** A cadre of the user's tenant that has records. */
async function cadreWithRecords(token: string): Promise<{ id: string; name: string }> {
  const r = await gql(token, '{ cadres(first: 20) { edges { node { id name records { id } } } } }');
  return r.json.data.cadres.edges.map((e: any) => e.node).find((c: any) => c.records.length > 0);
}

/** Every seq of the chain (rows and tombstones) is 1..n once; the verifier passes. */
async function expectIntactChain() {
  const seqs = (await q<{ seq: string }>('select seq from audit_event union all select seq from audit_tombstone order by seq')).map((x) => Number(x.seq));
  expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
  expect(await verifyChain(q, auditKeys(testConfig()))).toMatchObject({ ok: true });
}

describe(`audit group commit (${engineName})`, () => {
  it('rows queued while a batch commits are chained together in the next batch, in order', async () => {
    const entries = Array.from({ length: 20 }, (_, i) => ({
      tenantId: null, tenantPath: 'yn', userId: null, username: `group.test${i}`, operation: `query {cadre} #${i}`, kind: 'read' as const,
      outcome: 'success' as const, clientIp: null, requestId: `group-${i}`, cadreIds: [],
    }));
    await Promise.all(entries.map((e) => appendAuditSeparately(database.db, e)));
    const rows = await q<{ seq: string; username: string; at: Date }>(`select seq, username, at from audit_event where username like 'group.test%' order by seq`);
    expect(rows.map((r) => r.username)).toEqual(entries.map((e) => e.username));
    // The first row starts a batch at once; the other 19 queue behind it and commit as one (one time, one lock).
    expect(new Set(rows.map((r) => new Date(r.at).getTime())).size).toBe(2);
    await expectIntactChain();
  });

  it('a batch spans tenants of several roots and rows without a tenant; a row the database refuses fails alone', async () => {
    const tenants = await q<{ id: string; path: string }>(`select id, path::text from tenant where code in ('km-wh', 'km-pl', 'yn') order by path`);
    const [yn, pl, wh] = tenants;
    const row = (i: number, tenantId: string | null, tenantPath: string | null): BatchContent => ({
      tenantId, tenantPath, userId: null, username: `scope.test${i}`, operation: 'query {cadre}', kind: 'read', outcome: 'success',
      clientIp: null, requestId: `scope-${i}`, cadreIds: [], detail: {}, summary: null,
    });
    // The scopes: one group per tenant path; rows without a tenant go with the first group.
    expect(batchScopes([row(1, wh.id, wh.path), row(2, pl.id, pl.path), row(3, null, null), row(4, wh.id, wh.path), row(5, 'y', 'other.a')])
      .map((g) => [g.scope, g.rows.map((r) => r.username)])).toEqual([
      [wh.path, ['scope.test1', 'scope.test4', 'scope.test3']],
      [pl.path, ['scope.test2']],
      ['other.a', ['scope.test5']],
    ]);
    expect(batchScopes([row(6, null, null)]).map((g) => [g.scope, g.rows.length])).toEqual([[null, 1]]);
    const entry = (i: number, tenantId: string | null, tenantPath: string | null) => ({
      tenantId, tenantPath, userId: null, username: `scope.test${i}`, operation: 'query {cadre}', kind: 'read' as const,
      outcome: 'success' as const, clientIp: null, requestId: `scope-${i}`, cadreIds: [],
    });
    const results = await Promise.allSettled([
      appendAuditSeparately(database.db, entry(10, yn.id, yn.path)),
      appendAuditSeparately(database.db, entry(11, wh.id, wh.path)),
      appendAuditSeparately(database.db, entry(12, pl.id, pl.path)),
      // Names a tenant that does not exist: the database refuses the row (and, on PostgreSQL, RLS as well).
      appendAuditSeparately(database.db, entry(13, '00000000-0000-4000-8000-000000000000', wh.path)),
      appendAuditSeparately(database.db, entry(14, null, null)),
      appendAuditSeparately(database.db, entry(15, wh.id, wh.path)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    const rows = await q<{ username: string }>(`select username from audit_event where username like 'scope.test%' order by username`);
    expect(rows.map((r) => r.username)).toEqual(['scope.test10', 'scope.test11', 'scope.test12', 'scope.test14', 'scope.test15']);
    await expectIntactChain();
  });

  it('many parallel archive reads and writes from two tenants: one row each, every row chained once, no gaps', async () => {
    const [km, pl] = [await login('km.officer'), await login('km-pl.officer')];
    const [a, b] = [await cadreWithRecords(km), await cadreWithRecords(pl)];
    const elsewhere = await cadreWithRecords(await login('km-wh.officer'));
    const before = Number((await q<{ n: string }>('select count(*) as n from audit_event'))[0].n);
    const reads = Array.from({ length: 30 }, (_, i) => gql(i % 2 ? pl : km, ARCHIVE, { id: i % 2 ? b.id : a.id }));
    const writes = Array.from({ length: 4 }, (_, i) => gql(km, CREATE_GIFT, { c: a.id, f: gift(i) }));
    // Another district's cadre (out of reach through the API role; the PGlite owner session here is not limited).
    const denied = gql(pl, ARCHIVE, { id: elsewhere.id });
    const all = await Promise.all([...reads, ...writes, denied]);
    for (const r of all.slice(0, 34)) expect(r.json.errors, r.body).toBeUndefined();
    expect(all[0].json.data.cadre.records.length).toBeGreaterThan(0);
    const sent = all.map((r) => r.id);
    const rows = await q<{ request_id: string; kind: string; outcome: string; cadre_ids: string[] }>(
      'select request_id, kind, outcome, cadre_ids from audit_event where request_id = any($1) order by seq', [sent]);
    expect(rows.map((r) => r.request_id).sort()).toEqual([...sent].sort());
    const byId = new Map(rows.map((r) => [r.request_id, r]));
    expect(byId.get(all[0].id)).toMatchObject({ kind: 'read', outcome: 'success', cadre_ids: [a.id] });
    expect(byId.get(all[30].id)).toMatchObject({ kind: 'write', outcome: 'success' });
    const after = Number((await q<{ n: string }>('select count(*) as n from audit_event'))[0].n);
    expect(after - before).toBe(35);
    await expectIntactChain();
  });

  it('a read whose row cannot be appended answers an error, without the archive; nothing half-chained is left', async () => {
    const km = await login('km.officer');
    const a = await cadreWithRecords(km);
    const ok = await gql(km, ARCHIVE, { id: a.id });
    expect(ok.body).toContain(a.name);
    const seqBefore = (await q<{ s: string }>('select max(seq) as s from audit_event'))[0].s;
    // The database refuses this user's rows from now on (NOT VALID: the rows already written stay).
    await q(`alter table audit_event add constraint test_refuse_officer check (username is distinct from 'km.officer') not valid`);
    try {
      const r = await gql(km, ARCHIVE, { id: a.id });
      expect(r.json.errors?.length).toBeGreaterThan(0);
      expect(r.json.data?.cadre ?? null).toBeNull();
      expect(r.body).not.toContain(a.name);
      expect(r.body).not.toContain(a.id);
      // A write's row is part of its transaction: the record is not created either.
      const w = await gql(km, CREATE_GIFT, { c: a.id, f: gift(99) });
      expect(w.json.errors?.length).toBeGreaterThan(0);
      expect(w.json.errors![0].extensions?.code).not.toBe('GRAPHQL_VALIDATION_FAILED');
      expect(await q('select 1 from audit_event where request_id = any($1)', [[r.id, w.id]])).toHaveLength(0);
    } finally {
      await q('alter table audit_event drop constraint test_refuse_officer');
    }
    const gifts = await gql(km, `query($id: ID!) { cadre(id: $id) { records { ... on GiftRecord { giver } } } }`, { id: a.id });
    expect(gifts.json.data.cadre.records.some((x: any) => x.giver === '某公司经理99')).toBe(false);
    expect(Number((await q<{ s: string }>('select max(seq) as s from audit_event'))[0].s)).toBeGreaterThan(Number(seqBefore));
    await expectIntactChain();
  });
});
