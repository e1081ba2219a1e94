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

/** A cadre as an export names it: current name, unit and the unit's tenant. */
export interface CadreRef { name: string; unitName: string; tenantId: string; tenantName: string }

/** Current names and units of the cadres a page of log rows mentions (those within the caller's scope). */
export async function cadreRefs(trx: Tx, ids: string[]): Promise<Map<string, CadreRef>> {
  const uniq = [...new Set(ids)].filter(isUuid);
  if (!uniq.length) return new Map();
  const rows = await trx.selectFrom('cadre as c')
    .innerJoin('unit as u', (j) => j.onRef('u.id', '=', 'c.unit_id').onRef('u.tenant_id', '=', 'c.tenant_id'))
    .innerJoin('tenant as t', 't.id', 'c.tenant_id')
    .select(['c.id', 'c.name', 'u.name as unit_name', 'c.tenant_id', 't.name as tenant_name'])
    .where('c.id', 'in', uniq).execute();
  return new Map(rows.map((r) => [r.id, { name: r.name, unitName: r.unit_name, tenantId: r.tenant_id, tenantName: r.tenant_name }]));
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
  return sql<SqlBool>`${sql.join(parts, sql` and `)}`;
}

function base(trx: Tx, f: AuditFilter) {
  return trx.selectFrom('audit_event as a').leftJoin('tenant as t', 't.id', 'a.tenant_id').where(auditCondition(f));
}

const columns = ['a.id', 'a.seq', 'a.at', 'a.tenant_id', 't.code as tenant_code', 't.name as tenant_name', 'a.user_id', 'a.username',
  'a.operation', 'a.kind', 'a.outcome', 'a.client_ip', 'a.request_id', 'a.cadre_ids', 'a.summary', 'a.detail', 'a.hash'] as const;

export async function listAudit(trx: Tx, f: AuditFilter, limit: number, offset: number): Promise<AuditRow[]> {
  return (await base(trx, f).select([...columns]).orderBy('a.at', 'desc').orderBy('a.id', 'desc').limit(limit).offset(offset).execute());
}

/** Rows of an export: at most this id (the newest visible when the export began), so pages read later agree with its count. */
export interface AuditBound { maxId: string | null }

/** The newest row id the caller can see now (the upper bound of an export started now). */
export async function auditBound(trx: Tx): Promise<AuditBound> {
  const r = await trx.selectFrom('audit_event as a').select(sql<string | null>`max(a.id)::text`.as('m')).executeTakeFirst();
  return { maxId: r?.m ?? null };
}

function bounded(trx: Tx, f: AuditFilter, bound?: AuditBound) {
  const q = base(trx, f);
  if (!bound) return q;
  return bound.maxId === null ? q.where(sql<SqlBool>`false`) : q.where(sql<SqlBool>`a.id <= ${bound.maxId}::bigint`);
}

export async function countAudit(trx: Tx, f: AuditFilter, bound?: AuditBound): Promise<number> {
  return Number((await bounded(trx, f, bound).select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
}

/** Where the previous page of an export ended (keyset on at, id; newest first). `at` is the database's own text of
 * the time: a JS Date would drop the microseconds and skip rows. */
export interface AuditCursor { at: string; id: string }

/** One page of an export, newest first, after cursor: each page is read in a short transaction of its own. */
export async function auditPage(trx: Tx, f: AuditFilter, bound: AuditBound, after: AuditCursor | null, limit: number): Promise<AuditRow[]> {
  let q = bounded(trx, f, bound).select([...columns, sql<string>`a.at::text`.as('at_key')]);
  if (after) q = q.where(sql<SqlBool>`(a.at, a.id) < (${after.at}::timestamptz, ${after.id}::bigint)`);
  return (await q.orderBy('a.at', 'desc').orderBy('a.id', 'desc').limit(limit).execute());
}

/** The cursor after a page. */
export const cursorAfter = (rows: AuditRow[]): AuditCursor | null => {
  const last = rows[rows.length - 1];
  return last ? { at: String((last as AuditRow & { at_key: string }).at_key), id: String(last.id) } : null;
};

// The purge: audit/purge.ts (purgeAuditLog) runs audit_purge and attests the run with a keyed row.
