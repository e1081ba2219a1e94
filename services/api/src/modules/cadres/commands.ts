// The cadre commands — create, update (basic fields, the protected ID number, the dated rows, a move to another
// unit) — with their rules in one place: reach (CASL on the object), optimistic locking, the revision history in
// one format, and the cadres touched for the audit row. GraphQL (cadres/schema.ts) and the form import
// (imports/apply.ts) only turn their input into these calls.
//
// Revision format (cadre_revision.changes): { label: [from, to] }. Basic fields by their label (fields.ts), empty
// as null; 单位 by unit name; 公民身份号码 never in the clear: ['（已修改）', '（已修改）']; the dated rows as one-line
// summaries (empty list ''); an import adds the elements it keeps in cadre.extra by their label, 照片 and 来源.
// Version numbering: create writes 1, each update the cadre's version after it (one bump per command).
import { asSubject } from '../../authz/abilities.js';
import { encryptField, keyedHash } from '../../crypto/fields.js';
import { isUuid } from '../../db/scope.js';
import type { CommandContext } from '../command.js';
import { conflictMessage } from '../conflict.js';
import { recomputeCadreWarnings } from '../warnings/recompute.js';
import { GraphQLError } from 'graphql';
import { BASIC_FIELDS, codeOfValue } from './fields.js';
import {
  findCadre, insertCadre, setCadreDeleted, setStatusOn, updateCadre as updateCadreRow, type CadreRow, type IdNumberColumns,
} from './repo.js';
import {
  addCadreRevision, addUnitMove, listAppointments, listFamily, listResume, setAppointments, setFamily, setResume,
  type AppointmentIn, type FamilyIn, type ResumeIn,
} from './rows.js';

/** Basic fields by their GraphQL names (fields.ts); '' clears an optional one. */
export type BasicValues = Record<string, unknown>;

export interface CadreSections {
  /** '' clears; undefined or null keeps. */
  idNumber?: string | null;
  /** Given lists replace the cadre's whole list. */
  appointments?: AppointmentIn[] | null;
  resume?: ResumeIn[] | null;
  family?: FamilyIn[] | null;
  /** Elements of an imported form kept as they are (merged into cadre.extra), with their labels for the history. */
  extra?: { values: Record<string, string>; label: (element: string) => string } | null;
  /** An object already in the store (an imported form's photo). */
  photoKey?: string | null;
  /** Where the change came from, when not typed in (recorded as 来源). */
  source?: string | null;
  /** The day the status took effect (YYYY-MM-DD; setCadreStatus). */
  statusOn?: string | null;
}

export type CreateCadreInput = BasicValues & CadreSections & { unitId: string; name: string };
export type UpdateCadreInput = BasicValues & CadreSections & { unitId?: string | null };

export type CreateCadreResult = { ok: true; cadre: CadreRow } | { ok: false; reason: 'outOfReach' | 'noUnit' };
export type UpdateCadreResult =
  | { ok: true; cadre: CadreRow }
  | { ok: false; reason: 'missing' | 'outOfReach' }
  | { ok: false; reason: 'stale'; current: CadreRow };

export const ROW_LABELS = [['appointments', '任免情况'], ['resume', '简历'], ['family', '家庭成员']] as const;

/** A unit the caller may put a cadre in (the graded reach; RLS decides whether it is visible at all). */
export const unitInReach = (c: CommandContext, unitId: string) => c.ability.can('create', asSubject('Cadre', { unit_id: unitId }));

const canOn = (c: CommandContext, action: 'read' | 'update', row: CadreRow) => c.ability.can(action, asSubject('Cadre', { ...row }));

/** The cadre if the caller may read it (missing, foreign and out-of-reach look alike). */
export async function readableCadre(c: CommandContext, id: string): Promise<CadreRow | null> {
  const row = await findCadre(c.trx, id);
  return row && canOn(c, 'read', row) ? row : null;
}

/** ID number columns for an input value: encrypted and keyed-hashed; '' clears. */
export function idNumberColumns(c: Pick<CommandContext, 'keys'>, v: string | null | undefined): IdNumberColumns | undefined {
  if (v === undefined || v === null) return undefined;
  if (v === '') return { id_number_cipher: null, id_number_hash: null };
  return { id_number_cipher: encryptField(c.keys, v), id_number_hash: keyedHash(c.keys, v) };
}

/** The basic fields and unit of an input, as the repo takes them. */
function basicPatch(input: BasicValues & { unitId?: string | null }): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const f of BASIC_FIELDS) if (input[f.name] !== undefined) patch[f.name] = input[f.name];
  if (input.unitId) patch.unitId = String(input.unitId);
  return patch;
}

/** Dated rows, extra elements and photo of a create or update (after the cadre row is written). */
async function writeSections(c: CommandContext, cadre: { id: string; tenant_id: string; extra: unknown }, s: CadreSections) {
  const { trx } = c;
  if (s.appointments) await setAppointments(trx, cadre.tenant_id, cadre.id, s.appointments);
  if (s.resume) await setResume(trx, cadre.tenant_id, cadre.id, s.resume);
  if (s.family) await setFamily(trx, cadre.tenant_id, cadre.id, s.family);
  if (s.extra && Object.keys(s.extra.values).length) {
    const extra = { ...((cadre.extra ?? {}) as Record<string, unknown>), ...s.extra.values };
    await trx.updateTable('cadre').set({ extra: JSON.stringify(extra) }).where('id', '=', cadre.id).execute();
  }
  if (s.photoKey) await trx.updateTable('cadre').set({ photo_key: s.photoKey }).where('id', '=', cadre.id).execute();
  if (s.statusOn !== undefined) await setStatusOn(trx, cadre.id, s.statusOn);
}

/** One line per dated row, as given (input) — the history's from/to, and the review's diff (modules/inbox). */
export const rowSummary = {
  appointments: (rows: AppointmentIn[]) => rows.map((r) => `${r.decidedOn} ${r.kind} ${r.position}`).join('；'),
  resume: (rows: ResumeIn[]) => rows.map((r) => `${r.startMonth}-${r.endMonth ?? ''} ${r.content}`).join('；'),
  family: (rows: FamilyIn[]) => rows.map((r) => `${r.relation} ${r.name}`).join('；'),
};

/** The dated rows as one-line summaries (the history's from/to). */
export async function rowSummaries(c: Pick<CommandContext, 'trx'>, cadreId: string): Promise<Record<'appointments' | 'resume' | 'family', string>> {
  const { trx } = c;
  return {
    appointments: rowSummary.appointments((await listAppointments(trx, cadreId)).map((r) => ({ decidedOn: r.decided_on, kind: r.kind, position: r.position }))),
    resume: rowSummary.resume((await listResume(trx, cadreId)).map((r) => ({ startMonth: r.start_month, endMonth: r.end_month, content: r.content }))),
    family: rowSummary.family((await listFamily(trx, cadreId)).map((r) => ({ relation: r.relation, name: r.name }))),
  };
}

/** What changed, label by label (the revision format above). */
async function cadreChanges(c: CommandContext, before: CadreRow, after: CadreRow, rowsBefore: Record<string, string>, input: CadreSections) {
  const out: Record<string, [unknown, unknown]> = {};
  for (const f of BASIC_FIELDS) {
    const a = before[f.column] ?? null, b = after[f.column] ?? null;
    if (a !== b) out[f.label] = [a, b];
  }
  if (before.unit_id !== after.unit_id) out['单位'] = [before.unit_name, after.unit_name];
  if (before.status_on !== after.status_on) out['状态日期'] = [before.status_on, after.status_on];
  // Whether a number given by someone who sees numbers only masked equals the one on record is not told (it would
  // let them test guesses): their given number is recorded as a change either way.
  const blindWrite = !!input.idNumber && !c.ability.can('reveal', 'Cadre');
  if (before.id_number_hash !== after.id_number_hash || blindWrite) out['公民身份号码'] = ['（已修改）', '（已修改）'];
  const rowsAfter = await rowSummaries(c, after.id);
  for (const [k, label] of ROW_LABELS) {
    if (input[k] && rowsBefore[k] !== rowsAfter[k]) out[label] = [rowsBefore[k], rowsAfter[k]];
  }
  if (input.extra) {
    const was = (before.extra ?? {}) as Record<string, unknown>;
    for (const [k, v] of Object.entries(input.extra.values)) {
      const a = was[k] === undefined || was[k] === null || was[k] === '' ? null : String(was[k]);
      if (a !== (v || null)) out[input.extra.label(k)] = [a, v || null];
    }
  }
  if (input.photoKey) out['照片'] = [before.photo_key ? '已有照片' : null, '使用审批表中的照片'];
  if (input.source) out['来源'] = [null, input.source];
  return out;
}

/** Create a cadre in a unit within reach, with its rows; revision 1. */
export async function createCadre(c: CommandContext, input: CreateCadreInput): Promise<CreateCadreResult> {
  const { trx, principal } = c;
  if (!unitInReach(c, String(input.unitId))) return { ok: false, reason: 'outOfReach' };
  const id = await insertCadre(trx, basicPatch(input), idNumberColumns(c, input.idNumber));
  if (!id) return { ok: false, reason: 'noUnit' };
  const inserted = (await findCadre(trx, id))!;
  await writeSections(c, inserted, input);
  const created = (await findCadre(trx, id))!;
  await addCadreRevision(trx, {
    tenantId: created.tenant_id, cadreId: id, version: 1, action: 'create', actorId: principal.userId, actorName: principal.displayName,
    changes: input.source ? { 来源: [null, input.source] } : {},
  });
  await addUnitMove(trx, {
    tenantId: created.tenant_id, cadreId: id, from: null, to: { id: created.unit_id, name: created.unit_name },
    actorId: principal.userId, actorName: principal.displayName,
  });
  c.audit.touch([created]);
  return { ok: true, cadre: created };
}

/** Who a revision names when it applies someone else's reviewed change (modules/inbox): author and reviewer. */
export interface UpdateAuthorship { author?: { id: string; name: string }; reviewer?: { id: string; name: string } }

/**
 * The cadre an edit (direct or proposed) applies to, or why not: missing or unreadable, outside the caller's reach
 * (itself or the unit it would move to), or changed since `version` (stale). The cadre is noted in the access log.
 */
export async function cadreToEdit(
  c: CommandContext, id: string, version: number, input: Pick<UpdateCadreInput, 'unitId'>,
): Promise<{ ok: true; current: CadreRow } | Exclude<UpdateCadreResult, { ok: true }>> {
  if (!isUuid(id)) return { ok: false, reason: 'missing' };
  const current = await findCadre(c.trx, id);
  if (!current || !canOn(c, 'read', current)) return { ok: false, reason: 'missing' };
  if (!canOn(c, 'update', current)) return { ok: false, reason: 'outOfReach' };
  if (input.unitId && !unitInReach(c, String(input.unitId))) return { ok: false, reason: 'outOfReach' };
  c.audit.touch([current]);
  if (current.version !== version) return { ok: false, reason: 'stale', current };
  return { ok: true, current };
}

/**
 * Update a cadre seen at `version`: the basic fields given, the unit (a move, within reach), the ID number and the
 * rows given. Missing or unreadable: 'missing'; readable but not the caller's to change (or the new unit is not):
 * 'outOfReach'; another save came first: 'stale'.
 */
export async function updateCadre(
  c: CommandContext, id: string, version: number, input: UpdateCadreInput, by: UpdateAuthorship = {},
): Promise<UpdateCadreResult> {
  const { trx, principal } = c;
  const target = await cadreToEdit(c, id, version, input);
  if (!target.ok) return target;
  const { current } = target;
  const rowsBefore = await rowSummaries(c, current.id);
  const res = await updateCadreRow(trx, current.id, version, basicPatch(input), idNumberColumns(c, input.idNumber));
  if (res === 'missing') return { ok: false, reason: 'missing' };
  if (res === 'stale') return { ok: false, reason: 'stale', current: (await findCadre(trx, current.id))! };
  await writeSections(c, current, input);
  const updated = (await findCadre(trx, current.id))!;
  await addCadreRevision(trx, {
    tenantId: current.tenant_id, cadreId: current.id, version: updated.version, action: 'update',
    actorId: by.author?.id ?? principal.userId, actorName: by.author?.name ?? principal.displayName,
    changes: await cadreChanges(c, current, updated, rowsBefore, input),
    reviewedBy: by.reviewer?.id ?? null, reviewedByName: by.reviewer?.name ?? null,
  });
  // Every change of unit (a move, an edit, an import) leaves a row in the unit history (单位变动记录).
  if (current.unit_id !== updated.unit_id) {
    await addUnitMove(trx, {
      tenantId: current.tenant_id, cadreId: current.id, from: { id: current.unit_id, name: current.unit_name },
      to: { id: updated.unit_id, name: updated.unit_name }, actorId: principal.userId, actorName: principal.displayName,
    });
  }
  return { ok: true, cadre: updated };
}

/**
 * The refusal of a stale save of a cadre (VERSION_CONFLICT): who made the newer version and how (an import is told
 * as such), from the newest cadre_revision.
 */
export async function cadreConflict(c: Pick<CommandContext, 'trx'>, row: CadreRow): Promise<GraphQLError> {
  const last = await c.trx.selectFrom('cadre_revision').select(['action', 'actor_id as actorId', 'actor_name as actorName', 'at', 'changes'])
    .where('cadre_id', '=', row.id).orderBy('id', 'desc').limit(1).executeTakeFirst();
  const imported = last?.action === 'update' && !!(last.changes as Record<string, unknown> | null)?.['来源'];
  const message = await conflictMessage(c.trx, '该干部的基本信息', last && { ...last, action: imported ? 'import' : last.action }, row.version, null);
  return new GraphQLError(message, { extensions: { code: 'VERSION_CONFLICT', currentVersion: row.version, updatedBy: last?.actorName ?? null } });
}

/** Why a lifecycle command wrote nothing, in words the console shows as they are. */
export type LifecycleResult = { ok: true; cadre: CadreRow } | { ok: false; reason: 'missing' | 'outOfReach' | 'invalid'; message: string };

const MISSING = { ok: false, reason: 'missing', message: '干部不存在或不在您的管理范围内' } as const;
const refuse = (reason: 'outOfReach' | 'invalid', message: string) => ({ ok: false, reason, message }) as const;

/** The cadre if the caller may read it (a forged, foreign or unreadable id: null). */
async function targetCadre(c: CommandContext, id: string, opts: { includeDeleted?: boolean } = {}): Promise<CadreRow | null> {
  if (!isUuid(id)) return null;
  const row = await findCadre(c.trx, id, opts);
  return row && canOn(c, 'read', row) ? row : null;
}

/**
 * Move a cadre to another unit of its own tenant (docs/domain.md#cadre-lifecycle). A unit of another tenant (also a
 * child body the caller can see), one out of the caller's reach or a forged id is refused in words; the move is an
 * update of the unit (revision 单位) and a row of the unit history.
 */
export async function moveCadre(c: CommandContext, id: string, unitId: string): Promise<LifecycleResult> {
  const current = await targetCadre(c, id);
  if (!current) return MISSING;
  if (!canOn(c, 'update', current)) return refuse('outOfReach', '无权调整该干部的单位');
  const unit = isUuid(unitId)
    ? await c.trx.selectFrom('unit').select(['id', 'name', 'retired_at']).where('id', '=', unitId).where('tenant_id', '=', current.tenant_id).executeTakeFirst()
    : undefined;
  if (!unit) return refuse('invalid', '目标单位不存在，或不属于该干部所在的机构：只能调整到本机构的单位');
  if (unit.retired_at) return refuse('invalid', `「${unit.name}」已撤销，不能再调入干部`);
  if (unit.id === current.unit_id) return refuse('invalid', `该干部已在「${unit.name}」`);
  if (!unitInReach(c, unit.id)) return refuse('outOfReach', `无权把干部调整到「${unit.name}」`);
  const res = await updateCadre(c, current.id, current.version, { unitId: unit.id });
  if (res.ok) {
    await recomputeCadreWarnings(c.trx, current.tenant_id, [current.id]);
    return res;
  }
  if (res.reason === 'stale') return refuse('invalid', '该干部刚被他人修改，请刷新后重试');
  return res.reason === 'missing' ? MISSING : refuse('outOfReach', '无权调整该干部的单位');
}

const STATUS_FIELD = BASIC_FIELDS.find((f) => f.column === 'status')!;

/**
 * Set a cadre's status (在职, 退休, 调离, 去世 …: the label or the code of cadre_status) with the day it took
 * effect. Recorded as an update (状态, 状态日期) in the cadre's revisions.
 */
export async function setCadreStatus(c: CommandContext, id: string, status: string, on: string): Promise<LifecycleResult> {
  const current = await targetCadre(c, id);
  if (!current) return MISSING;
  if (!canOn(c, 'update', current)) return refuse('outOfReach', '无权修改该干部的状态');
  if (!codeOfValue(STATUS_FIELD, status)) return refuse('invalid', `状态「${status}」不在干部状态代码表中（如 在职、退休、调离、去世）`);
  const res = await updateCadre(c, current.id, current.version, { status, statusOn: on });
  if (res.ok) {
    await recomputeCadreWarnings(c.trx, current.tenant_id, [current.id]);
    return res;
  }
  if (res.reason === 'stale') return refuse('invalid', '该干部刚被他人修改，请刷新后重试');
  return res.reason === 'missing' ? MISSING : refuse('outOfReach', '无权修改该干部的状态');
}

/**
 * Delete a cadre filed by mistake (officers; CASL 'delete'): kept, restorable, hidden from lists, search and counts.
 * Deleting a deleted cadre is refused in words.
 */
export async function deleteCadre(c: CommandContext, id: string): Promise<LifecycleResult> {
  const row = await targetCadre(c, id, { includeDeleted: true });
  if (!row) return MISSING;
  if (!c.ability.can('delete', asSubject('Cadre', { ...row }))) return refuse('outOfReach', '只有纪检干部可以删除干部');
  c.audit.touch([row]);
  if (row.deleted_at) return refuse('invalid', '该干部已被删除');
  return lifecycleWrite(c, row, 'delete');
}

/** Restore a deleted cadre (officers; CASL 'restore'). */
export async function restoreCadre(c: CommandContext, id: string): Promise<LifecycleResult> {
  const row = await targetCadre(c, id, { includeDeleted: true });
  if (!row) return MISSING;
  if (!c.ability.can('restore', asSubject('Cadre', { ...row }))) return refuse('outOfReach', '只有纪检干部可以恢复干部');
  c.audit.touch([row]);
  if (!row.deleted_at) return refuse('invalid', '该干部未被删除');
  return lifecycleWrite(c, row, 'restore');
}

async function lifecycleWrite(c: CommandContext, row: CadreRow, action: 'delete' | 'restore'): Promise<LifecycleResult> {
  const { trx, principal } = c;
  const by = action === 'delete' ? { id: principal.userId, name: principal.displayName } : null;
  if (!(await setCadreDeleted(trx, row.id, row.version, by, row.name))) return refuse('invalid', '该干部刚被他人修改，请刷新后重试');
  const after = (await findCadre(trx, row.id, { includeDeleted: true }))!;
  await addCadreRevision(trx, {
    tenantId: row.tenant_id, cadreId: row.id, version: after.version, action, actorId: principal.userId, actorName: principal.displayName,
    changes: { 删除: action === 'delete' ? [null, '已删除'] : ['已删除', null] },
  });
  // A deleted cadre fires nothing; a restored one shows its warnings again (docs/warnings.md).
  await recomputeCadreWarnings(trx, row.tenant_id, [row.id]);
  return { ok: true, cadre: after };
}
