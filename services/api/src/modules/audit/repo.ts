// Access-log queries (RLS: the caller's subtree; unattributed rows at a root scope only).
import { sql, type SqlBool } from 'kysely';
import type { Tx } from '../../db/scope.js';
import { escapeLike, isUuid } from '../../db/scope.js';

export interface AuditFilter {
  from?: string | null;
  to?: string | null;
  username?: string | null;
  tenantCode?: string | null;
  kind?: string | null;
  outcome?: string | null;
  cadreId?: string | null;
  text?: string | null;
}

export interface AuditRow {
  id: string; seq: string | null; at: Date; tenant_id: string | null; tenant_code: string | null; tenant_name: string | null;
  user_id: string | null; username: string | null; operation: string; kind: string; outcome: string; client_ip: string | null;
  request_id: string | null; cadre_ids: string[]; summary: string | null; detail: unknown; hash: string | null;
  /** Filled in per page by the resolver. */
  cadre_names?: Map<string, string>;
}

/** Current names of the cadres a page of log rows mentions (those within the caller's scope). */
export async function cadreNames(trx: Tx, ids: string[]): Promise<Map<string, string>> {
  const uniq = [...new Set(ids)].filter(isUuid);
  if (!uniq.length) return new Map();
  const rows = await trx.selectFrom('cadre').select(['id', 'name']).where('id', 'in', uniq).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

const validTime = (s: string) => !Number.isNaN(Date.parse(s));

/** The filter as one SQL condition on audit_event a. Invalid values match nothing (never everything). */
export function auditCondition(f: AuditFilter) {
  const parts = [sql<SqlBool>`true`];
  if (f.from) parts.push(validTime(f.from) ? sql<SqlBool>`a.at >= ${new Date(f.from).toISOString()}::timestamptz` : sql<SqlBool>`false`);
  if (f.to) parts.push(validTime(f.to) ? sql<SqlBool>`a.at < ${new Date(f.to).toISOString()}::timestamptz` : sql<SqlBool>`false`);
  if (f.username?.trim()) parts.push(sql<SqlBool>`a.username ilike ${'%' + escapeLike(f.username.trim().toLowerCase()) + '%'}`);
  if (f.tenantCode) {
    parts.push(sql<SqlBool>`a.tenant_id in (select x.id from tenant x where x.path <@ (select s.path from tenant s where s.code = ${f.tenantCode}))`);
  }
  if (f.kind) parts.push(sql<SqlBool>`a.kind = ${f.kind}`);
  if (f.outcome) parts.push(sql<SqlBool>`a.outcome = ${f.outcome}`);
  if (f.cadreId) parts.push(isUuid(f.cadreId) ? sql<SqlBool>`${f.cadreId}::uuid = any(a.cadre_ids)` : sql<SqlBool>`false`);
  const text = f.text?.trim();
  if (text) {
    const like = '%' + escapeLike(text) + '%';
    parts.push(sql<SqlBool>`(a.summary ilike ${like} or a.operation ilike ${like} or a.username ilike ${like} or a.client_ip ilike ${like} or a.request_id = ${text})`);
  }
  return sql.join(parts, sql` and `) as unknown as ReturnType<typeof sql<SqlBool>>;
}

function base(trx: Tx, f: AuditFilter) {
  return trx.selectFrom('audit_event as a').leftJoin('tenant as t', 't.id', 'a.tenant_id').where(auditCondition(f));
}

const columns = ['a.id', 'a.seq', 'a.at', 'a.tenant_id', 't.code as tenant_code', 't.name as tenant_name', 'a.user_id', 'a.username',
  'a.operation', 'a.kind', 'a.outcome', 'a.client_ip', 'a.request_id', 'a.cadre_ids', 'a.summary', 'a.detail', 'a.hash'] as const;

export async function listAudit(trx: Tx, f: AuditFilter, limit: number, offset: number): Promise<AuditRow[]> {
  return (await base(trx, f).select([...columns]).orderBy('a.at', 'desc').orderBy('a.id', 'desc').limit(limit).offset(offset).execute()) as unknown as AuditRow[];
}

export async function countAudit(trx: Tx, f: AuditFilter): Promise<number> {
  return Number((await base(trx, f).select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
}

/** Every matching row, newest first, in batches (keyset on at, id): exports never load everything at once. */
export async function* eachAudit(trx: Tx, f: AuditFilter, batch = 2000): AsyncGenerator<AuditRow[]> {
  let after: { at: Date; id: string } | null = null;
  for (;;) {
    let q = base(trx, f).select([...columns]);
    if (after) q = q.where(sql<SqlBool>`(a.at, a.id) < (${after.at.toISOString()}::timestamptz, ${after.id}::bigint)`);
    const rows = (await q.orderBy('a.at', 'desc').orderBy('a.id', 'desc').limit(batch).execute()) as unknown as AuditRow[];
    if (!rows.length) return;
    yield rows;
    if (rows.length < batch) return;
    const last = rows[rows.length - 1];
    after = { at: new Date(last.at), id: String(last.id) };
  }
}

// The purge: audit/purge.ts (purgeAuditLog) runs audit_purge and attests the run with a keyed row.
