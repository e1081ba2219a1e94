// Fillers' submissions (issue 13): pending changes of a cadre's basic information (cadre_change, migration 0022) and
// the list behind 「我的填报」, which joins them with the archive records the caller entered or changed. Every call
// takes the request's scoped transaction (RLS); graded reach comes in as predicates from authz/reach.ts.
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Tx } from '../../db/scope.js';
import { isUuid } from '../../db/scope.js';
import type { AppointmentIn, FamilyIn, ResumeIn } from '../cadres/rows.js';

/** What a filler proposed: basic fields by their GraphQL names (code fields as labels), rows given whole, the unit. */
export interface Proposal {
  fields: Record<string, string | number | null>;
  /** The ID number, never in the clear: encrypted with its keyed hash; `clear` removes the one on record. */
  idNumber?: { cipher: string; hash: string } | { clear: true } | null;
  appointments?: AppointmentIn[] | null;
  resume?: ResumeIn[] | null;
  family?: FamilyIn[] | null;
  unitId?: string | null;
}

export type ChangeStatus = 'pending' | 'accepted' | 'returned';

export interface ChangeRow {
  id: string;
  tenant_id: string;
  cadre_id: string;
  cadre_name: string;
  cadre_version: number;
  unit_id: string;
  unit_name: string;
  base_version: number;
  proposal: Proposal;
  status: ChangeStatus;
  return_reason: string | null;
  version: number;
  submitted_by: string;
  submitted_by_name: string;
  submitted_at: Date;
  reviewed_by_name: string | null;
  reviewed_at: Date | null;
  applied_version: number | null;
}

function changes(trx: Tx) {
  return trx.selectFrom('cadre_change as x')
    .innerJoin('cadre as c', (j) => j.onRef('c.id', '=', 'x.cadre_id').onRef('c.tenant_id', '=', 'x.tenant_id'))
    .innerJoin('unit as u', (j) => j.onRef('u.id', '=', 'c.unit_id').onRef('u.tenant_id', '=', 'c.tenant_id'))
    .select([
      'x.id', 'x.tenant_id', 'x.cadre_id', 'c.name as cadre_name', 'c.version as cadre_version', 'c.unit_id', 'u.name as unit_name',
      'x.base_version', 'x.proposal', 'x.status', 'x.return_reason', 'x.version', 'x.submitted_by', 'x.submitted_by_name',
      'x.submitted_at', 'x.reviewed_by_name', 'x.reviewed_at', 'x.applied_version',
    ]);
}

const asRow = (r: unknown) => r as ChangeRow;

export async function findChange(trx: Tx, id: string): Promise<ChangeRow | null> {
  if (!isUuid(id)) return null;
  const r = await changes(trx).where('x.id', '=', id).executeTakeFirst();
  return r ? asRow(r) : null;
}

/** The caller's open (pending or returned) change of a cadre: an edit amends it instead of adding another. */
export async function openChangeOf(trx: Tx, cadreId: string, userId: string): Promise<ChangeRow | null> {
  const r = await changes(trx).where('x.cadre_id', '=', cadreId).where('x.submitted_by', '=', userId)
    .where('x.status', 'in', ['pending', 'returned']).orderBy('x.submitted_at', 'desc').executeTakeFirst();
  return r ? asRow(r) : null;
}

/** Open changes of these cadres (Cadre.openChange): a filler's own, or, with `submittedBy` null, anyone's. */
export async function openChanges(trx: Tx, cadreIds: readonly string[], submittedBy: string | null): Promise<ChangeRow[]> {
  if (!cadreIds.length) return [];
  let q = changes(trx).where('x.cadre_id', 'in', [...cadreIds]).where('x.status', 'in', ['pending', 'returned']);
  if (submittedBy) q = q.where('x.submitted_by', '=', submittedBy);
  return (await q.orderBy('x.submitted_at').execute()).map(asRow);
}

export async function insertChange(
  trx: Tx, a: { tenantId: string; cadreId: string; baseVersion: number; proposal: Proposal; userId: string; userName: string },
): Promise<string> {
  const r = await trx.insertInto('cadre_change').values({
    tenant_id: a.tenantId, cadre_id: a.cadreId, base_version: a.baseVersion, proposal: JSON.stringify(a.proposal),
    submitted_by: a.userId, submitted_by_name: a.userName,
  }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** Resubmit an open change with new values (back to pending); false when it moved on meanwhile. */
export async function amendChange(trx: Tx, row: ChangeRow, a: { baseVersion: number; proposal: Proposal }): Promise<boolean> {
  const r = await trx.updateTable('cadre_change').set({
    base_version: a.baseVersion, proposal: JSON.stringify(a.proposal), status: 'pending', return_reason: null,
    reviewed_by: null, reviewed_by_name: null, reviewed_at: null, version: sql<number>`version + 1`, submitted_at: sql<Date>`now()`,
  }).where('id', '=', row.id).where('tenant_id', '=', row.tenant_id).where('version', '=', row.version)
    .where('status', 'in', ['pending', 'returned']).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Record a decision on a pending change seen at `version`; false when it was decided or amended meanwhile. */
export async function decideChange(
  trx: Tx, row: ChangeRow, version: number,
  d: { status: 'accepted' | 'returned'; reason: string | null; reviewerId: string; reviewerName: string; appliedVersion: number | null },
): Promise<boolean> {
  const r = await trx.updateTable('cadre_change').set({
    status: d.status, return_reason: d.reason, reviewed_by: d.reviewerId, reviewed_by_name: d.reviewerName,
    reviewed_at: sql<Date>`now()`, applied_version: d.appliedVersion, version: sql<number>`version + 1`,
  }).where('id', '=', row.id).where('tenant_id', '=', row.tenant_id).where('version', '=', version).where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The officers' queue of changes: oldest first, within the caller's reach of cadres (alias c). */
export async function listChanges(trx: Tx, f: { status: ChangeStatus; reach: Expression<SqlBool> }, limit: number, offset: number): Promise<ChangeRow[]> {
  return (await changes(trx).where('x.status', '=', f.status).where(f.reach)
    .orderBy('x.submitted_at').orderBy('x.id').limit(limit).offset(offset).execute()).map(asRow);
}

export async function countChanges(trx: Tx, f: { status: ChangeStatus; reach: Expression<SqlBool> }): Promise<number> {
  const r = await trx.selectFrom('cadre_change as x')
    .innerJoin('cadre as c', (j) => j.onRef('c.id', '=', 'x.cadre_id').onRef('c.tenant_id', '=', 'x.tenant_id'))
    .select(sql<string>`count(*)`.as('n')).where('x.status', '=', f.status).where(f.reach).executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** Who changed a cadre after `version` (the newest such revision): for the conflict message on accept. */
export async function latestRevisionAfter(trx: Tx, cadreId: string, version: number) {
  return trx.selectFrom('cadre_revision').select(['version', 'actor_name', 'reviewed_by_name', 'at', 'action'])
    .where('cadre_id', '=', cadreId).where('version', '>', version).orderBy('id', 'desc').executeTakeFirst();
}

// ---------- 我的填报 ----------

/** One line of 「我的填报」: an archive record or a change of basic information the caller submitted. */
export interface SubmissionRow {
  kind: 'record' | 'basicInfo';
  id: string;
  cadre_id: string;
  cadre_name: string;
  unit_name: string;
  /** 1–12 for a record; null for basic information. */
  category: number | null;
  status: ChangeStatus;
  return_reason: string | null;
  submitted_at: Date;
  reviewed_at: Date | null;
  reviewed_by_name: string | null;
}

export interface SubmissionFilter {
  userId: string;
  status: ChangeStatus | null;
  /** Graded reach on records (aliases r, c) and on cadres (alias c): authz/reach.ts. */
  recordReach: Expression<SqlBool>;
  cadreReach: Expression<SqlBool>;
}

/**
 * The records the caller entered or changed (a revision of theirs that created or updated it; deleted records left
 * out) and the caller's changes of basic information, newest submission first.
 */
function submissions(f: SubmissionFilter) {
  const status = (col: string) => (f.status ? sql<SqlBool>`${sql.ref(col)} = ${f.status}` : sql<SqlBool>`true`);
  const mine = sql`(select max(v.at) from record_revision v where v.tenant_id = r.tenant_id and v.record_id = r.id
      and v.actor_id = ${f.userId} and v.action in ('create', 'update'))`;
  return sql`
    select 'record' as kind, r.id, r.cadre_id, c.name as cadre_name, u.name as unit_name, r.category::int as category,
      r.status, r.return_reason, coalesce(${mine}, r.entered_at) as submitted_at, r.reviewed_at, r.reviewed_by_name
    from archive_record r
      join cadre c on c.id = r.cadre_id and c.tenant_id = r.tenant_id
      join unit u on u.id = c.unit_id and u.tenant_id = c.tenant_id
    where r.deleted_at is null and ${status('r.status')} and ${f.recordReach}
      and (r.entered_by = ${f.userId} or exists (select 1 from record_revision v where v.tenant_id = r.tenant_id
        and v.record_id = r.id and v.actor_id = ${f.userId} and v.action in ('create', 'update')))
    union all
    select 'basicInfo', x.id, x.cadre_id, c.name, u.name, null, x.status, x.return_reason, x.submitted_at, x.reviewed_at,
      x.reviewed_by_name
    from cadre_change x
      join cadre c on c.id = x.cadre_id and c.tenant_id = x.tenant_id
      join unit u on u.id = c.unit_id and u.tenant_id = c.tenant_id
    where x.submitted_by = ${f.userId} and ${status('x.status')} and ${f.cadreReach}`;
}

export async function listSubmissions(trx: Tx, f: SubmissionFilter, limit: number, offset: number): Promise<SubmissionRow[]> {
  const { rows } = await sql<SubmissionRow>`select * from (${submissions(f)}) s order by s.submitted_at desc, s.id
    limit ${limit} offset ${offset}`.execute(trx);
  return rows;
}

export async function countSubmissions(trx: Tx, f: SubmissionFilter): Promise<number> {
  const { rows } = await sql<{ n: string }>`select count(*) as n from (${submissions(f)}) s`.execute(trx);
  return Number(rows[0]?.n ?? 0);
}
