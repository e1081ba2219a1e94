// The archive-record commands — create, update (fields and the materials catalogue), review (accept / return),
// delete, restore — with their rules in one place: reach (CASL on the record: its category and its cadre's unit),
// the review state a write leaves, optimistic locking, the revision history and the cadres touched for the audit
// row. GraphQL (records/schema.ts) only parses input and calls them; REST routes and the coming features do too.
//
// Every write recomputes the cadre's warning hits in the same transaction (docs/warnings.md#when-hits-are-recomputed).
//
// Revision format (record_revision): version = the record's version after the command; changes { field: [from, to] }
// by field name ('materials' for the catalogue, as one-line summaries); reason for a return.
import { GraphQLError } from 'graphql';
import { sql } from 'kysely';
import { asSubject } from '../../authz/abilities.js';
import { badInput } from '../../graphql/context.js';
import { beijingTime } from '../../util/time.js';
import { denied, type CommandContext } from '../command.js';
import { conflictMessage } from '../conflict.js';
import type { Tx } from '../../db/scope.js';
import { findCadre } from '../cadres/repo.js';
import { recomputeCadreWarnings } from '../warnings/recompute.js';
import { CLOSING_DATES, categoryById, enumOption, formOfMeasure, type CategorySpec } from './categories.js';
import {
  addRevision, findRecord, insertRecord, listMaterials, setMaterials, updateEnvelope, updateRecordFields,
  type FieldValues, type MaterialItem, type RecordRow,
} from './repo.js';

export type RecordAction = 'read' | 'update' | 'review' | 'delete' | 'restore';

export const MATERIAL_NOT_FOUND = '材料目录中的条目不存在或不属于该记录，请刷新后重试';

/** The archive-record subject CASL judges: its category and its cadre's current unit. */
export const recordSubject = (r: { category: number; unit_id: string }) => asSubject('ArchiveRecord', { category: r.category, unit_id: r.unit_id });

/** The one part of a RecordFieldsInput that belongs to the category; derived values filled in. */
export function fieldsFor(cat: CategorySpec, input: Record<string, unknown> | null | undefined): FieldValues {
  const given = Object.entries(input ?? {}).filter(([, v]) => v !== null && v !== undefined).map(([k]) => k);
  if (given.length !== 1 || given[0] !== cat.key) throw badInput(`请只填写「${cat.short}」（fields.${cat.key}）的字段`);
  const raw = (input as Record<string, Record<string, unknown>>)[cat.key];
  const out: FieldValues = {};
  for (const fd of cat.fields) {
    const v = raw[fd.name];
    out[fd.name] = v === undefined || v === '' ? null : (v as FieldValues[string]);
  }
  // The form (四种形态) follows the measure when not given. influenceMonths holds only what the record states: the
  // tenant's default period for kind + measure applies at evaluation (docs/warnings.md#influence-periods).
  if (cat.key === 'sanction') out.form ??= formOfMeasure(String(out.measure));
  checkClosingDate(cat, out);
  return out;
}

function checkClosingDate(cat: CategorySpec, v: FieldValues) {
  const rule = CLOSING_DATES[cat.key];
  const on = rule ? v[rule.date] : null;
  if (!rule || on === null || on === undefined) return;
  const statusField = cat.fields.find((f) => f.name === rule.status)!;
  const status = typeof v[rule.status] === 'string' ? enumOption(statusField, v[rule.status] as string)?.code : undefined;
  if (status !== rule.closed) throw badInput(`只有${rule.state}的记录才能填写${rule.what}`);
  const from = v[rule.from];
  if (typeof from === 'string' && typeof on === 'string' && on < from) {
    throw badInput(`${rule.what}不能早于${cat.fields.find((f) => f.name === rule.from)!.label}`);
  }
}

/** Field-by-field differences, for the revision history (decimals compared as numbers). */
function diff(cat: CategorySpec, before: FieldValues, after: FieldValues) {
  const out: Record<string, [unknown, unknown]> = {};
  for (const fd of cat.fields) {
    const a = before[fd.name] ?? null, b = after[fd.name] ?? null;
    const same = (fd.type === 'money' || fd.type === 'decimal') && a !== null && b !== null ? Number(a) === Number(b) : a === b;
    if (!same) out[fd.name] = [a, b];
  }
  return out;
}

/** The refusal of a stale write: names who made the newer version and what they did (modules/conflict.ts). */
export async function conflict(trx: Tx, row: RecordRow) {
  const last = await trx.selectFrom('record_revision').select(['action', 'actor_id as actorId', 'actor_name as actorName', 'at'])
    .where('record_id', '=', row.id).orderBy('id', 'desc').limit(1).executeTakeFirst();
  const message = await conflictMessage(trx, '该记录', last, row.version, { actorName: row.updated_by_name ?? row.entered_by_name, at: row.updated_at });
  return new GraphQLError(message, {
    extensions: {
      code: 'VERSION_CONFLICT', currentVersion: row.version, updatedBy: last?.actorName ?? row.updated_by_name, action: last?.action ?? null,
      updatedAt: new Date(last?.at ?? row.updated_at).toISOString(),
    },
  });
}

/** Role-level right on records (a refusal is a denial on the audit row). */
function requireRole(c: CommandContext, action: RecordAction | 'create') {
  if (!c.ability.can(action, 'ArchiveRecord')) throw denied(c);
}

/** A record the caller may act on; null (missing) when invisible or outside its reach. */
export async function recordTarget(c: CommandContext, action: RecordAction, recordId: string): Promise<RecordRow | null> {
  requireRole(c, action);
  const row = await findRecord(c.trx, recordId);
  // Outside a filler's reach (another unit, categories 8–9) answers exactly like a missing record.
  if (!row || !c.ability.can('read', recordSubject(row))) return null;
  c.audit.touch([{ id: row.cadre_id, name: row.cadre_name }]);
  // The access log names the record's category: 「修改档案记录（民间借贷）：…」.
  c.audit.about(categoryById.get(row.category)!.short);
  if (!c.ability.can(action, recordSubject(row))) throw denied(c);
  return row;
}

/** The review state a write leaves: reviewers' writes keep (a new record: accepted), others' wait for review. */
const statusAfterWrite = (c: CommandContext, current: RecordRow['status'] | null) =>
  (c.ability.can('review', 'ArchiveRecord') ? current ?? 'accepted' : 'pending');

const showMaterials = (m: { name: string; formedOn?: string | null; formed_on?: string | null; pages?: number | null }[]) =>
  m.map((x) => `${x.name}（${x.formedOn ?? x.formed_on ?? '—'}，${x.pages ?? '—'}页）`).join('；');

/**
 * Replace a record's materials catalogue (entries with an id are kept in place, with their scans). Returns the
 * history entry ([before, after] summaries) when it changed; refuses ids that are not the record's.
 */
export async function setRecordMaterials(c: CommandContext, row: { id: string; tenant_id: string }, items: MaterialItem[]): Promise<[string, string] | null> {
  const before = showMaterials((await listMaterials(c.trx, [row.id])).get(row.id) ?? []);
  if (!(await setMaterials(c.trx, row.tenant_id, row.id, items))) throw badInput(MATERIAL_NOT_FOUND);
  const after = showMaterials(items);
  return before === after ? null : [before, after];
}

export interface CreateRecordInput { cadreId: string; category: number; fields: Record<string, unknown>; materials?: MaterialItem[] | null }

/** Enter a record for a cadre. Officers' entries are accepted at once, fillers' wait for review; null: no such cadre. */
export async function createRecord(c: CommandContext, input: CreateRecordInput): Promise<RecordRow | null> {
  const { trx, principal } = c;
  requireRole(c, 'create');
  const cat = categoryById.get(input.category)!;
  const values = fieldsFor(cat, input.fields);
  const cadre = await findCadre(trx, input.cadreId);
  if (!cadre || !c.ability.can('read', asSubject('Cadre', { ...cadre }))) return null;
  c.audit.touch([cadre]);
  c.audit.about(cat.short);
  if (!c.ability.can('create', recordSubject({ category: cat.id, unit_id: cadre.unit_id }))) throw denied(c);
  const recordId = await insertRecord(trx, {
    tenantId: cadre.tenant_id, cadreId: cadre.id, category: cat, status: statusAfterWrite(c, null), actorId: principal.userId,
    actorName: principal.displayName, fields: values,
  });
  if (!(await setMaterials(trx, cadre.tenant_id, recordId, input.materials ?? []))) throw badInput(MATERIAL_NOT_FOUND);
  await addRevision(trx, {
    tenantId: cadre.tenant_id, recordId, version: 1, action: 'create', actorId: principal.userId, actorName: principal.displayName,
  });
  await recomputeCadreWarnings(trx, cadre.tenant_id, [cadre.id]);
  return findRecord(trx, recordId);
}

export interface UpdateRecordInput { id: string; version: number; fields: Record<string, unknown>; materials?: MaterialItem[] | null }

/** Replace a record's fields (and catalogue, when given) seen at `version`; a filler's change goes back to review. */
export async function updateRecord(c: CommandContext, input: UpdateRecordInput): Promise<RecordRow | null> {
  const { trx, principal } = c;
  const row = await recordTarget(c, 'update', input.id);
  if (!row) return null;
  if (row.deleted_at) throw badInput('记录已删除，请先恢复');
  const cat = categoryById.get(row.category)!;
  const values = fieldsFor(cat, input.fields);
  if (row.version !== input.version) throw await conflict(trx, row);
  if (!(await updateRecordFields(trx, row, input.version, { status: statusAfterWrite(c, row.status), actorName: principal.displayName, fields: values }))) {
    throw await conflict(trx, (await findRecord(trx, row.id))!);
  }
  const changes: Record<string, [unknown, unknown]> = diff(cat, row.fields, values);
  if (input.materials) {
    const materials = await setRecordMaterials(c, row, input.materials);
    if (materials) changes.materials = materials;
  }
  await addRevision(trx, {
    tenantId: row.tenant_id, recordId: row.id, version: row.version + 1, action: 'update', actorId: principal.userId,
    actorName: principal.displayName, changes,
  });
  await recomputeCadreWarnings(trx, row.tenant_id, [row.cadre_id]);
  return findRecord(trx, row.id);
}

export interface ReviewRecordInput { id: string; version: number; decision: 'accept' | 'return'; reason?: string | null }

/** Accept, or return with a reason (officers). */
export async function reviewRecord(c: CommandContext, input: ReviewRecordInput): Promise<RecordRow | null> {
  const { trx, principal } = c;
  if (input.decision === 'return' && !input.reason) throw badInput('退回时须填写退回理由');
  const row = await recordTarget(c, 'review', input.id);
  if (!row) return null;
  if (row.deleted_at) throw badInput('记录已删除，请先恢复');
  if (row.version !== input.version) throw await conflict(trx, row);
  const accept = input.decision === 'accept';
  const ok = await updateEnvelope(trx, row.id, input.version, {
    status: accept ? 'accepted' : 'returned', return_reason: accept ? null : input.reason,
    reviewed_by: principal.userId, reviewed_by_name: principal.displayName, reviewed_at: sql`now()`,
  });
  if (!ok) throw await conflict(trx, (await findRecord(trx, row.id))!);
  await addRevision(trx, {
    tenantId: row.tenant_id, recordId: row.id, version: row.version + 1, action: accept ? 'accept' : 'return',
    actorId: principal.userId, actorName: principal.displayName, reason: accept ? null : input.reason,
  });
  await recomputeCadreWarnings(trx, row.tenant_id, [row.cadre_id]);
  return findRecord(trx, row.id);
}

/** Delete (restorable; officers). Deleting a deleted record answers it as it is. */
export async function deleteRecord(c: CommandContext, input: { id: string; version: number }): Promise<RecordRow | null> {
  const { trx, principal } = c;
  const row = await recordTarget(c, 'delete', input.id);
  if (!row) return null;
  if (row.deleted_at) return row;
  if (row.version !== input.version) throw await conflict(trx, row);
  if (!(await updateEnvelope(trx, row.id, input.version, { deleted_at: sql`now()`, deleted_by_name: principal.displayName }))) {
    throw await conflict(trx, (await findRecord(trx, row.id))!);
  }
  await addRevision(trx, {
    tenantId: row.tenant_id, recordId: row.id, version: row.version + 1, action: 'delete', actorId: principal.userId, actorName: principal.displayName,
  });
  await recomputeCadreWarnings(trx, row.tenant_id, [row.cadre_id]);
  return findRecord(trx, row.id);
}

/** Restore a deleted record (officers). Restoring one that is not deleted answers it as it is. */
export async function restoreRecord(c: CommandContext, input: { id: string }): Promise<RecordRow | null> {
  const { trx, principal } = c;
  const row = await recordTarget(c, 'restore', input.id);
  if (!row) return null;
  if (!row.deleted_at) return row;
  // Under the version it read, so that two restores at once cannot both write revision version + 1.
  if (!(await updateEnvelope(trx, row.id, row.version, { deleted_at: null, deleted_by_name: null }))) {
    throw await conflict(trx, (await findRecord(trx, row.id))!);
  }
  await addRevision(trx, {
    tenantId: row.tenant_id, recordId: row.id, version: row.version + 1, action: 'restore', actorId: principal.userId, actorName: principal.displayName,
  });
  await recomputeCadreWarnings(trx, row.tenant_id, [row.cadre_id]);
  return findRecord(trx, row.id);
}
