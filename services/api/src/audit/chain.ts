// Tamper evidence for the access log: each row's hash covers its content and the previous row's hash.
// Appends take the lock on the chain head and a trigger checks each link (schema/migrations/0003_audit_chain.sql);
// the verifier recomputes every link. A purged row leaves a tombstone that keeps its hashes.
// Two ways in (docs/audit.md): appendChained, one link in the caller's transaction (writes: the work and its row
// commit together, the head locked until then); and appendChainBatch, the rows of many requests as consecutive links
// in one short transaction of their own (reads, failures: audit/appender.ts groups them, one lock per batch).
//
// Against the database owner (0009_audit_key.sql): links are HMAC-SM3 under a key the database never holds, so an
// owner who edits a row cannot recompute the chain; SM2-signed heads (anchor.ts), kept in the database and in files
// outside it, pin the chain at points in time; a tombstone counts only when an attested purge made it (purge.ts).
// Transition: links written before 0009 are plain SM3. At the first start after it the owner signs a "seal" anchor at
// the then head (anchor.ts: sealLegacyChain); links up to the seal verify unkeyed, every later link keyed. The seal's
// seq is signed, so it cannot be moved to pass off a re-hashed chain as old.
import crypto from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/types.js';
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

/** The link's hash: HMAC-SM3 under the chain key, or plain SM3 (links before the seal; `key` undefined). */
export function chainHash(prevHash: string, c: ChainedContent, key?: string): string {
  const body = stableJson([
    String(c.seq), c.at.toISOString(), c.tenantId?.toLowerCase() ?? null, c.userId?.toLowerCase() ?? null, c.username,
    c.operation, c.kind, c.outcome, c.clientIp, c.requestId, c.cadreIds.map((x) => x.toLowerCase()), c.detail ?? {},
    c.summary ?? null,
  ]);
  const h = key === undefined ? crypto.createHash('sm3') : crypto.createHmac('sm3', key);
  return h.update(`${prevHash}\n${body}`).digest('hex');
}

/**
 * The chain key of this process, set once when the database is opened (db/index.ts) from the configuration. Appends
 * reach it here rather than through every caller of appendAudit; a process without one cannot append.
 */
let processChainKey: string | undefined;
export function useChainKey(key: string): void {
  if (key.length < 32) throw new Error('audit chain key too short');
  processChainKey = key;
}
function chainKey(): string {
  if (!processChainKey) throw new Error('audit chain key not configured (open the database first)');
  return processChainKey;
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
  const hash = chainHash(head.last_hash, { ...c, seq, at }, chainKey());
  await trx.insertInto('audit_event').values({
    seq: String(seq), prev_hash: head.last_hash, hash, at: at.toISOString(), tenant_id: c.tenantId, user_id: c.userId, username: c.username,
    operation: c.operation, kind: c.kind, outcome: c.outcome, client_ip: c.clientIp, request_id: c.requestId,
    cadre_ids: c.cadreIds, detail: stableJson(c.detail ?? {}), summary: c.summary,
  }).execute();
}

/** A row of a batch: its content and the scope (tenant path) its tenant is visible in (RLS admits the insert there). */
export type BatchContent = AppendContent & { tenantPath: string | null };

/**
 * The scopes a batch is inserted under: one group per tenant path, as each row would be inserted on its own (RLS
 * admits a row for a tenant in its path's subtree); rows without a tenant join the first group (RLS admits them in
 * any scope).
 */
export function batchScopes(rows: readonly BatchContent[]): { scope: string | null; rows: BatchContent[] }[] {
  const groups = new Map<string, { scope: string | null; rows: BatchContent[] }>();
  const loose: BatchContent[] = [];
  for (const r of rows) {
    if (r.tenantId === null) { loose.push(r); continue; }
    const key = r.tenantPath ?? '';
    const g = groups.get(key);
    if (g) g.rows.push(r);
    else groups.set(key, { scope: r.tenantPath, rows: [r] });
  }
  const out = [...groups.values()];
  if (!out.length) return [{ scope: null, rows: loose }];
  out[0].rows.push(...loose);
  return out;
}

/**
 * Append rows as consecutive links in one transaction of their own: lock the head, set the scope, hash them in
 * order, insert them in one statement per scope (the trigger checks every link), commit. One lock per batch, held
 * for two statements and one more pair per further tenant in the batch. Throws (nothing appended) if any row is refused.
 */
export async function appendChainBatch(db: Kysely<DB>, rows: readonly BatchContent[]): Promise<void> {
  if (!rows.length) return;
  const key = chainKey();
  const groups = batchScopes(rows);
  await db.transaction().execute(async (trx) => {
    const head = (await sql<{ last_seq: string; last_hash: string }>`
      select l.last_seq, l.last_hash, set_config('app.tenant_path', ${groups[0].scope ?? ''}, true) as scope
        from audit_chain_lock() l`.execute(trx)).rows[0];
    let seq = Number(head.last_seq);
    let prev = head.last_hash;
    const now = new Date();
    for (const [i, g] of groups.entries()) {
      if (i > 0) await sql`select set_config('app.tenant_path', ${g.scope ?? ''}, true)`.execute(trx);
      const values = g.rows.map((c) => {
        seq += 1;
        const at = c.at ?? now;
        const hash = chainHash(prev, { ...c, seq, at }, key);
        const row = {
          seq: String(seq), prev_hash: prev, hash, at: at.toISOString(), tenant_id: c.tenantId, user_id: c.userId, username: c.username,
          operation: c.operation, kind: c.kind, outcome: c.outcome, client_ip: c.clientIp, request_id: c.requestId,
          cadre_ids: c.cadreIds, detail: stableJson(c.detail ?? {}), summary: c.summary,
        };
        prev = hash;
        return row;
      });
      await trx.insertInto('audit_event').values(values).execute();
    }
  });
}

/** A query function of the owner's connection (the verifier and the sealing step read every row). */
export type OwnerQuery = <T>(text: string, params?: unknown[]) => Promise<T[]>;

export interface StoredRow {
  id: string; seq: string | null; prev_hash: string | null; hash: string | null; at: Date; tenant_id: string | null;
  user_id: string | null; username: string | null; operation: string; kind: string; outcome: string;
  client_ip: string | null; request_id: string | null; cadre_ids: string[]; detail: unknown; summary: string | null;
}
export const contentOf = (r: StoredRow, seq: number): ChainedContent => ({
  seq, at: new Date(r.at), tenantId: r.tenant_id, userId: r.user_id, username: r.username, operation: r.operation,
  kind: r.kind, outcome: r.outcome, clientIp: r.client_ip, requestId: r.request_id, cadreIds: r.cadre_ids ?? [],
  detail: typeof r.detail === 'string' ? JSON.parse(r.detail) : r.detail, summary: r.summary,
});

/**
 * Chain rows written before the chain existed, with plain SM3 (run by the owner only as part of the switch to the
 * keyed chain, before the seal is signed: anchor.ts). Unchained rows appearing later are left for the verifier.
 */
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

// Verification: verify.ts.
