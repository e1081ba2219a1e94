// Disposition queries (migration 0025). Every call takes the request's scoped transaction: RLS limits rows to the
// caller's subtree; `reach` (authz/reach.ts cadreReach on alias c) narrows a filler to the cadres of its units.
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Tx } from '../../db/scope.js';
import { nextYearSequence } from '../../db/counters.js';
import { isUuid } from '../../db/scope.js';
import { isWholeScope } from '../../authz/reach.js';
import { RESTRICTED_CATEGORIES } from '../../authz/abilities.js';
import type { DispositionStatus } from '../../../../../shared/dispositions.js';

/** The warning a disposition answered, as it was on its issue date. */
export interface WarningSnapshot {
  level: string;
  levelName: string;
  levelHex?: string;
  rule: { code: string; name: string; version: number };
  /** Every active hit's explanation at that level (the highest), in rule order. */
  reasons: string[];
  /** The rules of those hits (code, name, version). */
  rules: { code: string; name: string; version: number }[];
  recordIds: string[];
  asOf: string;
  /**
   * The reasons that may go into the notice's body, which the filler of the cadre's unit reads: those of hits fired by
   * a category 8 or 9 record (问题线索, 函询 — never shown to fillers) are left out. Absent in snapshots stored before.
   */
  publicReasons?: string[];
}

export interface DispositionRow {
  tenant_id: string;
  id: string;
  cadre_id: string;
  issuing_tenant_id: string;
  kind: string;
  title: string;
  level: string | null;
  doc_year: number;
  doc_seq: number;
  doc_number: string;
  issuer: string;
  issued_on: string;
  rectify_working_days: number;
  due_on: string;
  warning: WarningSnapshot | null;
  body: string;
  requirements: string;
  status: DispositionStatus;
  accepted_on: string | null;
  version: number;
  issued_by_name: string;
  created_at: Date;
  updated_by_name: string | null;
  updated_at: Date;
  closed_by_name: string | null;
  closed_at: Date | null;
  close_note: string | null;
  cadre_name: string;
  cadre_position: string | null;
  unit_id: string;
  unit_name: string;
  tenant_code: string;
  tenant_name: string;
}

export interface RectificationRow {
  id: string;
  tenant_id: string;
  disposition_id: string;
  round: number;
  content: string;
  submitted_by_name: string;
  submitted_at: Date;
  decision: 'accepted' | 'returned' | null;
  review_comment: string | null;
  reviewed_by_name: string | null;
  reviewed_at: Date | null;
}

export interface AttachmentRow {
  id: string;
  tenant_id: string;
  disposition_id: string;
  rectification_id: string | null;
  object_key: string;
  filename: string;
  content_type: string;
  size_bytes: number;
  uploaded_by: string | null;
  uploaded_by_name: string;
  uploaded_at: Date;
}

export interface DispositionFilter {
  statuses?: DispositionStatus[] | null;
  kind?: string | null;
  unitId?: string | null;
  tenantCode?: string | null;
  cadreId?: string | null;
  reach?: Expression<SqlBool> | null;
}

function base(trx: Tx) {
  return trx.selectFrom('disposition as d')
    .innerJoin('cadre as c', (j) => j.onRef('c.tenant_id', '=', 'd.tenant_id').onRef('c.id', '=', 'd.cadre_id'))
    .innerJoin('unit as u', (j) => j.onRef('u.tenant_id', '=', 'c.tenant_id').onRef('u.id', '=', 'c.unit_id'))
    .innerJoin('tenant as t', 't.id', 'd.tenant_id')
    .select([
      'd.tenant_id', 'd.id', 'd.cadre_id', 'd.issuing_tenant_id', 'd.kind', 'd.title', 'd.level', 'd.doc_year', 'd.doc_seq', 'd.doc_number',
      'd.issuer', sql<string>`d.issued_on::text`.as('issued_on'), 'd.rectify_working_days', sql<string>`d.due_on::text`.as('due_on'),
      'd.warning', 'd.body', 'd.requirements', 'd.status', sql<string | null>`d.accepted_on::text`.as('accepted_on'), 'd.version',
      'd.issued_by_name', 'd.created_at', 'd.updated_by_name', 'd.updated_at', 'd.closed_by_name', 'd.closed_at', 'd.close_note',
      'c.name as cadre_name', 'c.position as cadre_position', 'c.unit_id', 'u.name as unit_name', 't.code as tenant_code', 't.name as tenant_name',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;
const asRow = (r: Row): DispositionRow => r as unknown as DispositionRow;

/** A disposition by id within RLS and reach; null for a malformed, missing, foreign or out-of-reach id. */
export async function findDisposition(trx: Tx, id: string, reach: Expression<SqlBool> | null): Promise<DispositionRow | null> {
  if (!isUuid(id)) return null;
  let q = base(trx).where('d.id', '=', id);
  if (reach && !isWholeScope(reach)) q = q.where(reach);
  const r = await q.executeTakeFirst();
  return r ? asRow(r) : null;
}

function filtered(trx: Tx, f: DispositionFilter) {
  let q = base(trx);
  if (f.statuses?.length) q = q.where('d.status', 'in', f.statuses);
  if (f.kind) q = q.where('d.kind', '=', f.kind);
  if (f.cadreId) q = isUuid(f.cadreId) ? q.where('d.cadre_id', '=', f.cadreId) : q.where(sql<SqlBool>`false`);
  if (f.unitId) {
    q = !isUuid(f.unitId) ? q.where(sql<SqlBool>`false`) : q.where(sql<SqlBool>`c.unit_id in (
      with recursive sub(id) as (
        select id from unit where id = ${f.unitId}::uuid
        union all select x.id from unit x join sub on x.parent_id = sub.id)
      select id from sub)`);
  }
  if (f.tenantCode) q = q.where(sql<SqlBool>`t.path <@ (select s.path from tenant s where s.code = ${f.tenantCode})`);
  if (f.reach && !isWholeScope(f.reach)) q = q.where(f.reach);
  return q;
}

/** A page of the ledger: newest issue date first, then newest number; tasks ('due'): nearest due date first. */
export async function listDispositions(trx: Tx, f: DispositionFilter, limit: number, offset: number, order: 'ledger' | 'due' = 'ledger'): Promise<DispositionRow[]> {
  let q = filtered(trx, f);
  q = order === 'due' ? q.orderBy('d.due_on').orderBy('d.issued_on') : q.orderBy('d.issued_on', 'desc');
  const rows = await q.orderBy('d.doc_year', 'desc').orderBy('d.doc_seq', 'desc').orderBy('d.id').limit(limit).offset(offset).execute();
  return rows.map(asRow);
}

export async function countDispositions(trx: Tx, f: DispositionFilter): Promise<number> {
  const r = await filtered(trx, f).clearSelect().select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Rectification rounds of dispositions, oldest first. */
export async function rectificationsOf(trx: Tx, dispositionIds: readonly string[]): Promise<Map<string, RectificationRow[]>> {
  const out = new Map<string, RectificationRow[]>();
  if (!dispositionIds.length) return out;
  const rows = await trx.selectFrom('disposition_rectification')
    .select(['id', 'tenant_id', 'disposition_id', 'round', 'content', 'submitted_by_name', 'submitted_at', 'decision', 'review_comment', 'reviewed_by_name', 'reviewed_at'])
    .where('disposition_id', 'in', [...dispositionIds]).orderBy('round').execute();
  for (const r of rows) out.set(r.disposition_id, [...(out.get(r.disposition_id) ?? []), r as RectificationRow]);
  return out;
}

/** Attachments of dispositions, oldest first. */
export async function attachmentsOf(trx: Tx, dispositionIds: readonly string[]): Promise<Map<string, AttachmentRow[]>> {
  const out = new Map<string, AttachmentRow[]>();
  if (!dispositionIds.length) return out;
  const rows = await trx.selectFrom('disposition_attachment')
    .select(['id', 'tenant_id', 'disposition_id', 'rectification_id', 'object_key', 'filename', 'content_type', 'size_bytes', 'uploaded_by', 'uploaded_by_name', 'uploaded_at'])
    .where('disposition_id', 'in', [...dispositionIds]).orderBy('uploaded_at').orderBy('id').execute();
  for (const r of rows) out.set(r.disposition_id, [...(out.get(r.disposition_id) ?? []), r as AttachmentRow]);
  return out;
}

/** The next 文号 sequence of the issuing tenant for the year. */
export const nextSequence = (trx: Tx, tenantId: string, year: number) => nextYearSequence(trx, 'disposition_counter', tenantId, year);

/**
 * The cadre's warning on a date from the computed hits (migration 0024 warning_hit): the hits active that day at the
 * highest level. Null when none applies.
 */
export async function warningOn(
  trx: Tx, cadre: { tenant_id: string; id: string }, on: string, levels: { code: string; name: string; hex?: string }[],
): Promise<WarningSnapshot | null> {
  const hits = await trx.selectFrom('warning_hit')
    .select(['rule_code', 'rule_name', 'rule_version', 'level', 'level_rank', 'reason', 'record_ids'])
    .where('tenant_id', '=', cadre.tenant_id).where('cadre_id', '=', cadre.id)
    .where(sql<SqlBool>`starts_on <= ${on}::date and (ends_on is null or ends_on > ${on}::date)`)
    .orderBy('level_rank', 'desc').orderBy('rule_code').execute();
  if (!hits.length) return null;
  const top = hits.filter((h) => h.level_rank === hits[0].level_rank);
  const level = levels.find((l) => l.code === top[0].level);
  const ids = [...new Set(top.flatMap((h) => h.record_ids ?? []))];
  const restricted = new Set(ids.length ? (await trx.selectFrom('archive_record').select('id')
    .where('tenant_id', '=', cadre.tenant_id).where('id', 'in', ids).where('category', 'in', RESTRICTED_CATEGORIES).execute()).map((r) => r.id) : []);
  return {
    level: top[0].level, levelName: level?.name ?? top[0].level, levelHex: level?.hex,
    rule: { code: top[0].rule_code, name: top[0].rule_name, version: top[0].rule_version },
    rules: top.map((h) => ({ code: h.rule_code, name: h.rule_name, version: h.rule_version })),
    reasons: top.map((h) => h.reason), recordIds: ids, asOf: on,
    publicReasons: top.filter((h) => !(h.record_ids ?? []).some((id) => restricted.has(id))).map((h) => h.reason),
  };
}
