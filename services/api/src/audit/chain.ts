// Tamper evidence for the access log: each row's SM3 hash covers its content and the previous row's hash.
// Appends take the lock on the chain head and a trigger checks each link (schema/migrations/0003_audit_chain.sql);
// the verifier recomputes every link. A purged row leaves a tombstone that keeps its hashes.
import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { Tx } from '../db/scope.js';

export const GENESIS = '0'.repeat(64);

/** The hashed fields of a row, in a fixed order. */
export interface ChainedContent {
  seq: number;
  at: Date;
  tenantId: string | null;
  userId: string | null;
  username: string | null;
  operation: string;
  kind: string;
  outcome: string;
  clientIp: string | null;
  requestId: string | null;
  cadreIds: string[];
  detail: unknown;
  summary: string | null;
}

/** JSON with object keys sorted at every level (jsonb reorders keys; the hash must not care). */
export function stableJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v ?? null);
  if (Array.isArray(v)) return `[${v.map((x) => (x === undefined ? 'null' : stableJson(x))).join(',')}]`;
  const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${stableJson(x)}`).join(',')}}`;
}

export function chainHash(prevHash: string, c: ChainedContent): string {
  const body = stableJson([
    String(c.seq), c.at.toISOString(), c.tenantId?.toLowerCase() ?? null, c.userId?.toLowerCase() ?? null, c.username,
    c.operation, c.kind, c.outcome, c.clientIp, c.requestId, c.cadreIds.map((x) => x.toLowerCase()), c.detail ?? {},
    c.summary ?? null,
  ]);
  return crypto.createHash('sm3').update(`${prevHash}\n${body}`).digest('hex');
}

/** `at` may be given (imports and tests); otherwise the current time. */
export type AppendContent = Omit<ChainedContent, 'seq' | 'at'> & { at?: Date };

/**
 * Append one row as the next link, in the caller's transaction: lock the head (held until the transaction ends),
 * hash, insert. The chain-guard trigger rejects anything that is not exactly the next link.
 */
export async function appendChained(trx: Tx, c: AppendContent): Promise<void> {
  const head = (await sql<{ last_seq: string; last_hash: string }>`select * from audit_chain_lock()`.execute(trx)).rows[0];
  const seq = Number(head.last_seq) + 1;
  const at = c.at ?? new Date();
  const hash = chainHash(head.last_hash, { ...c, seq, at });
  await trx.insertInto('audit_event').values({
    seq: String(seq), prev_hash: head.last_hash, hash, at: at.toISOString(), tenant_id: c.tenantId, user_id: c.userId, username: c.username,
    operation: c.operation, kind: c.kind, outcome: c.outcome, client_ip: c.clientIp, request_id: c.requestId,
    cadre_ids: c.cadreIds, detail: stableJson(c.detail ?? {}), summary: c.summary,
  }).execute();
}

/** A query function of the owner's connection (the verifier and the sealing step read every row). */
export type OwnerQuery = <T>(text: string, params?: unknown[]) => Promise<T[]>;

interface StoredRow {
  id: string; seq: string | null; prev_hash: string | null; hash: string | null; at: Date; tenant_id: string | null;
  user_id: string | null; username: string | null; operation: string; kind: string; outcome: string;
  client_ip: string | null; request_id: string | null; cadre_ids: string[]; detail: unknown; summary: string | null;
}
const contentOf = (r: StoredRow, seq: number): ChainedContent => ({
  seq, at: new Date(r.at), tenantId: r.tenant_id, userId: r.user_id, username: r.username, operation: r.operation,
  kind: r.kind, outcome: r.outcome, clientIp: r.client_ip, requestId: r.request_id, cadreIds: r.cadre_ids ?? [],
  detail: typeof r.detail === 'string' ? JSON.parse(r.detail) : r.detail, summary: r.summary,
});

/** Chain rows written before the chain existed (run once by the owner after migrating). */
export async function sealUnchained(q: OwnerQuery): Promise<number> {
  const rows = await q<StoredRow>('select * from audit_event where seq is null order by id');
  if (!rows.length) return 0;
  const [head] = await q<{ last_seq: string; last_hash: string }>('select last_seq, last_hash from audit_chain_head where id = 1 for update');
  let seq = Number(head.last_seq);
  let prev = head.last_hash;
  for (const r of rows) {
    seq += 1;
    const hash = chainHash(prev, contentOf(r, seq));
    await q('update audit_event set seq = $1, prev_hash = $2, hash = $3 where id = $4', [seq, prev, hash, r.id]);
    prev = hash;
  }
  await q('update audit_chain_head set last_seq = $1, last_hash = $2 where id = 1', [seq, prev]);
  return rows.length;
}

export interface VerifyResult {
  ok: boolean;
  rows: number;
  tombstones: number;
  lastSeq: number;
  broken?: { seq: number; id: string | null; reason: string };
}

/** Walk the whole chain in order and recompute every link. */
export async function verifyChain(q: OwnerQuery, batch = 5000): Promise<VerifyResult> {
  const [head] = await q<{ last_seq: string; last_hash: string }>('select last_seq, last_hash from audit_chain_head where id = 1');
  const unchained = await q<{ id: string }>('select id from audit_event where seq is null order by id limit 1');
  if (unchained.length) return { ok: false, rows: 0, tombstones: 0, lastSeq: 0, broken: { seq: 0, id: unchained[0].id, reason: '存在未入链的日志行' } };
  let prev = GENESIS;
  let expected = 1;
  let rows = 0, tombstones = 0;
  const fail = (seq: number, id: string | null, reason: string): VerifyResult => ({ ok: false, rows, tombstones, lastSeq: expected - 1, broken: { seq, id, reason } });
  for (;;) {
    const page = await q<StoredRow & { tomb: boolean }>(
      `select * from (
         select id::text, seq, prev_hash, hash, at, tenant_id, user_id, username, operation, kind, outcome, client_ip,
                request_id, cadre_ids, detail, summary, false as tomb from audit_event where seq >= $1 and seq < $2
         union all
         select null::text, seq, prev_hash, hash, at, null::uuid, null::uuid, null::text, ''::text, ''::text, ''::text,
                null::text, null::text, '{}'::uuid[], '{}'::jsonb, null::text, true
           from audit_tombstone where seq >= $1 and seq < $2) x order by seq`, [expected, expected + batch]);
    if (!page.length) break;
    for (const r of page) {
      const seq = Number(r.seq);
      if (seq !== expected) return fail(expected, null, seq > expected ? `缺少序号 ${expected} 的日志行（被删除）` : `序号 ${seq} 重复`);
      if (r.prev_hash !== prev) return fail(seq, r.id, '与前一行的哈希不衔接');
      if (r.tomb) {
        tombstones++;
      } else {
        rows++;
        if (chainHash(prev, contentOf(r, seq)) !== r.hash) return fail(seq, r.id, '内容与哈希不符（被修改）');
      }
      prev = r.hash!;
      expected++;
    }
  }
  if (Number(head.last_seq) !== expected - 1 || head.last_hash !== prev) {
    return fail(expected, null, `链尾不符：链头记录到序号 ${head.last_seq}，实际到 ${expected - 1}（末尾的行被删除）`);
  }
  return { ok: true, rows, tombstones, lastSeq: expected - 1 };
}
