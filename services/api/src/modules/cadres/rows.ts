// The dated rows of a cadre's basic information — 任免情况, 简历, 家庭主要成员及重要社会关系 — and the cadre's
// revision history. Lists are replaced whole (the form sends them whole), in the order given.
import { sql } from 'kysely';
import type { Tx } from '../../db/scope.js';

export interface AppointmentRow { id: string; kind: string; position: string; decided_on: string; approver: string | null; document_no: string | null }
export interface ResumeRow { id: string; start_month: string; end_month: string | null; content: string }
export interface FamilyRow { id: string; relation: string; name: string; birth_month: string | null; political_status: string | null; work_position: string | null }

export interface AppointmentIn { kind: string; position: string; decidedOn: string; approver?: string | null; documentNo?: string | null }
export interface ResumeIn { startMonth: string; endMonth?: string | null; content: string }
export interface FamilyIn { relation: string; name: string; birthMonth?: string | null; politicalStatus?: string | null; workPosition?: string | null }

export const listAppointments = (trx: Tx, cadreId: string) => trx.selectFrom('cadre_appointment')
  .select(['id', 'kind', 'position', sql<string>`to_char(decided_on, 'YYYY-MM-DD')`.as('decided_on'), 'approver', 'document_no'])
  .where('cadre_id', '=', cadreId).orderBy('sort_order').orderBy('id').execute() as Promise<AppointmentRow[]>;

export const listResume = (trx: Tx, cadreId: string) => trx.selectFrom('cadre_resume')
  .select(['id', 'start_month', 'end_month', 'content']).where('cadre_id', '=', cadreId).orderBy('sort_order').orderBy('id').execute();

export const listFamily = (trx: Tx, cadreId: string) => trx.selectFrom('cadre_family')
  .select(['id', 'relation', 'name', 'birth_month', 'political_status', 'work_position'])
  .where('cadre_id', '=', cadreId).orderBy('sort_order').orderBy('id').execute();

export async function setAppointments(trx: Tx, tenantId: string, cadreId: string, rows: AppointmentIn[]) {
  await trx.deleteFrom('cadre_appointment').where('cadre_id', '=', cadreId).execute();
  if (rows.length) {
    await trx.insertInto('cadre_appointment').values(rows.map((r, i) => ({
      tenant_id: tenantId, cadre_id: cadreId, kind: r.kind, position: r.position, decided_on: r.decidedOn,
      approver: r.approver ?? null, document_no: r.documentNo ?? null, sort_order: i,
    }))).execute();
  }
}

export async function setResume(trx: Tx, tenantId: string, cadreId: string, rows: ResumeIn[]) {
  await trx.deleteFrom('cadre_resume').where('cadre_id', '=', cadreId).execute();
  if (rows.length) {
    await trx.insertInto('cadre_resume').values(rows.map((r, i) => ({
      tenant_id: tenantId, cadre_id: cadreId, start_month: r.startMonth, end_month: r.endMonth ?? null, content: r.content, sort_order: i,
    }))).execute();
  }
}

export async function setFamily(trx: Tx, tenantId: string, cadreId: string, rows: FamilyIn[]) {
  await trx.deleteFrom('cadre_family').where('cadre_id', '=', cadreId).execute();
  if (rows.length) {
    await trx.insertInto('cadre_family').values(rows.map((r, i) => ({
      tenant_id: tenantId, cadre_id: cadreId, relation: r.relation, name: r.name, birth_month: r.birthMonth ?? null,
      political_status: r.politicalStatus ?? null, work_position: r.workPosition ?? null, sort_order: i,
    }))).execute();
  }
}

export interface CadreRevisionRow {
  id: string; version: number; action: string; actor_name: string; at: Date; changes: Record<string, [unknown, unknown]>;
  /** The officer who accepted a filler's change (modules/inbox), when the revision applied one. */
  reviewed_by_name: string | null;
}

export async function addCadreRevision(
  trx: Tx, r: {
    tenantId: string; cadreId: string; version: number; action: 'create' | 'update' | 'delete' | 'restore'; actorId: string; actorName: string; changes?: object;
    reviewedBy?: string | null; reviewedByName?: string | null;
  },
) {
  await trx.insertInto('cadre_revision').values({
    tenant_id: r.tenantId, cadre_id: r.cadreId, version: r.version, action: r.action, actor_id: r.actorId, actor_name: r.actorName,
    changes: JSON.stringify(r.changes ?? {}), reviewed_by: r.reviewedBy ?? null, reviewed_by_name: r.reviewedByName ?? null,
  }).execute();
}

export const listCadreRevisions = (trx: Tx, cadreId: string) => trx.selectFrom('cadre_revision')
  .select(['id', 'version', 'action', 'actor_name', 'at', 'changes', 'reviewed_by_name']).where('cadre_id', '=', cadreId).orderBy('id', 'desc')
  .execute();

/** One placement or move of a cadre (migration 0021): the units by id and by their names at the time. */
export interface UnitMoveRow {
  id: string;
  from_unit_id: string | null;
  from_unit_name: string | null;
  to_unit_id: string | null;
  to_unit_name: string;
  moved_on: string;
  actor_name: string;
  at: Date;
}

export async function addUnitMove(
  trx: Tx, r: { tenantId: string; cadreId: string; from: { id: string; name: string } | null; to: { id: string; name: string }; actorId: string; actorName: string },
) {
  await trx.insertInto('cadre_unit_history').values({
    tenant_id: r.tenantId, cadre_id: r.cadreId, from_unit_id: r.from?.id ?? null, from_unit_name: r.from?.name ?? null,
    to_unit_id: r.to.id, to_unit_name: r.to.name, actor_id: r.actorId, actor_name: r.actorName,
  }).execute();
}

/** A cadre's unit history, the latest first. */
export const listUnitMoves = (trx: Tx, cadreId: string): Promise<UnitMoveRow[]> => trx.selectFrom('cadre_unit_history')
  .select(['id', 'from_unit_id', 'from_unit_name', 'to_unit_id', 'to_unit_name', sql<string>`moved_on::text`.as('moved_on'), 'actor_name', 'at'])
  .where('cadre_id', '=', cadreId).orderBy('at', 'desc').orderBy('id').execute();
