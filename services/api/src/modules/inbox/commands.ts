// Fillers' edits of a cadre's basic information go to review, as their records do (issue 13; docs/domain.md#review-of-what-fillers-enter-审核-我的填报):
// an edit by someone who may not review cadres (a filler) becomes a pending change (cadre_change) that officers accept
// or return beside the records (审核 page). Accepting applies it as a normal versioned update of the cadre
// (cadres/commands.ts updateCadre) whose revision names the filler as author and the officer as reviewer; a cadre
// changed since the filler saw it is refused with who changed it. A returned change shows in the filler's 「我的填报」
// with the reason; editing the cadre again amends and resubmits the same change. Officers' own edits stay direct.
//
// Who sees a change: the filler who submitted it (its own 「我的填报」 and the cadre's page, while the cadre is within
// its units) and the officers of the subtree (RLS). Another filler of the same units does not: a change is a proposal,
// not yet archive content. (Records differ: a filler sees every record of its units, as before, but 「我的填报」 lists
// only those it entered or changed.)
import { GraphQLError } from 'graphql';
import { asSubject } from '../../authz/abilities.js';
import { decryptField } from '../../crypto/fields.js';
import { badInput } from '../../graphql/context.js';
import { beijingTime } from '../../util/time.js';
import { denied, type CommandContext } from '../command.js';
import {
  cadreToEdit, idNumberColumns, ROW_LABELS, rowSummaries, rowSummary, updateCadre, type UpdateCadreInput, type UpdateCadreResult,
} from '../cadres/commands.js';
import { BASIC_FIELDS } from '../cadres/fields.js';
import { findCadre, type CadreRow } from '../cadres/repo.js';
import {
  amendChange, decideChange, findChange, insertChange, latestRevisionAfter, openChangeOf, type ChangeRow, type Proposal,
} from './repo.js';

export type EditResult = UpdateCadreResult | { ok: true; cadre: CadreRow; submitted: ChangeRow };

/** Whether the caller's edits of basic information are direct (officers) or go to review (fillers). */
export const editsAreDirect = (c: Pick<CommandContext, 'ability'>) => c.ability.can('review', 'Cadre');

const canOn = (c: CommandContext, action: 'read' | 'update', row: CadreRow) => c.ability.can(action, asSubject('Cadre', { ...row }));

/** An edit's input as a proposal: the fields given, the rows given, the ID number encrypted. */
function proposalOf(c: CommandContext, input: UpdateCadreInput): Proposal {
  const fields: Proposal['fields'] = {};
  for (const f of BASIC_FIELDS) {
    const v = input[f.name];
    if (v !== undefined && v !== null) fields[f.name] = v as string | number;
  }
  const id = idNumberColumns(c, input.idNumber);
  return {
    fields,
    idNumber: id ? (id.id_number_cipher ? { cipher: id.id_number_cipher, hash: id.id_number_hash! } : { clear: true }) : null,
    appointments: input.appointments ?? null, resume: input.resume ?? null, family: input.family ?? null,
    unitId: input.unitId ? String(input.unitId) : null,
  };
}

/** A proposal as an update's input again (the ID number decrypted for the update, which encrypts it anew). */
function inputOf(c: CommandContext, p: Proposal): UpdateCadreInput {
  const idNumber = !p.idNumber ? undefined : 'clear' in p.idNumber ? '' : decryptField(c.keys, p.idNumber.cipher) ?? undefined;
  return { ...p.fields, idNumber, appointments: p.appointments, resume: p.resume, family: p.family, unitId: p.unitId ?? null };
}

export interface FieldDiff { label: string; from: string | null; to: string | null }

const shown = (v: unknown) => (v === null || v === undefined || v === '' ? null : String(v));

/** What a proposal would change on the cadre as it is now, field by field (labels as in the cadre's history). */
export async function proposalDiff(c: Pick<CommandContext, 'trx'>, cadre: CadreRow, p: Proposal): Promise<FieldDiff[]> {
  const out: FieldDiff[] = [];
  for (const f of BASIC_FIELDS) {
    if (!(f.name in p.fields)) continue;
    const from = shown(cadre[f.column]), to = shown(p.fields[f.name]);
    if (from !== to) out.push({ label: f.label, from, to });
  }
  if (p.unitId && p.unitId !== cadre.unit_id) {
    const unit = await c.trx.selectFrom('unit').select('name').where('id', '=', p.unitId).where('tenant_id', '=', cadre.tenant_id).executeTakeFirst();
    out.push({ label: '单位', from: cadre.unit_name, to: unit?.name ?? '（单位已不存在）' });
  }
  if (p.idNumber) out.push({ label: '公民身份号码', from: '（已修改）', to: 'clear' in p.idNumber ? null : '（已修改）' });
  const rows = await rowSummaries(c, cadre.id);
  for (const [k, label] of ROW_LABELS) {
    const given = p[k];
    if (!given) continue;
    const to = rowSummary[k](given as never);
    if (to !== rows[k]) out.push({ label, from: shown(rows[k]), to: shown(to) });
  }
  return out;
}

/**
 * Edit a cadre's basic information seen at `version`. Officers: the update itself. Everyone else who may update the
 * cadre: a pending change (or their open change of this cadre amended and resubmitted); the cadre stays as it is.
 */
export async function editCadre(c: CommandContext, id: string, version: number, input: UpdateCadreInput): Promise<EditResult> {
  if (editsAreDirect(c)) return updateCadre(c, id, version, input);
  const { trx, principal } = c;
  const target = await cadreToEdit(c, id, version, input);
  if (!target.ok) return target;
  const { current } = target;
  const proposal = proposalOf(c, input);
  if (!(await proposalDiff(c, current, proposal)).length) throw badInput('基本信息没有修改，无需提交审核');
  const open = await openChangeOf(trx, current.id, principal.userId);
  let changeId: string;
  if (open) {
    if (!(await amendChange(trx, open, { baseVersion: version, proposal }))) throw badInput('该修改刚被审核，请刷新后再提交');
    changeId = open.id;
  } else {
    changeId = await insertChange(trx, {
      tenantId: current.tenant_id, cadreId: current.id, baseVersion: version, proposal, userId: principal.userId, userName: principal.displayName,
    });
  }
  return { ok: true, cadre: current, submitted: (await findChange(trx, changeId))! };
}

/** A change the caller may see: officers any in their subtree (RLS), others only their own, on a cadre they may read. */
export async function visibleChange(c: CommandContext, id: string): Promise<ChangeRow | null> {
  const row = await findChange(c.trx, id);
  if (!row) return null;
  if (!editsAreDirect(c) && row.submitted_by !== c.principal.userId) return null;
  const cadre = await findCadre(c.trx, row.cadre_id);
  if (!cadre || !canOn(c, 'read', cadre)) return null;
  c.audit.touch([{ id: row.cadre_id, name: row.cadre_name }]);
  return row;
}

/** The cadre changed since the change was made: who did it, when, and what the filler must do. */
export async function changeConflict(c: Pick<CommandContext, 'trx'>, row: ChangeRow, cadre: CadreRow) {
  const rev = await latestRevisionAfter(c.trx, cadre.id, row.base_version);
  const who = rev ? (rev.reviewed_by_name ? `${rev.actor_name}提交、${rev.reviewed_by_name}审核通过的修改` : rev.actor_name) : '他人';
  const when = rev ? `于 ${beijingTime(rev.at)} ` : '';
  return new GraphQLError(
    `该干部的基本信息已被${who}${when}修改（当前为第 ${cadre.version} 版，这项修改基于第 ${row.base_version} 版），不能直接通过：请退回填报员核对最新内容后重新提交`,
    { extensions: { code: 'VERSION_CONFLICT', currentVersion: cadre.version, updatedBy: rev?.actor_name ?? null } },
  );
}

export interface ReviewChangeInput { id: string; version: number; decision: 'accept' | 'return'; reason?: string | null }

/** Accept (apply as the filler's update, reviewed by the caller) or return with a reason (officers). */
export async function reviewCadreChange(c: CommandContext, input: ReviewChangeInput): Promise<ChangeRow | null> {
  const { trx, principal } = c;
  if (!editsAreDirect(c)) throw denied(c);
  if (input.decision === 'return' && !input.reason?.trim()) throw badInput('退回时须填写退回理由');
  const row = await visibleChange(c, input.id);
  if (!row) return null;
  if (row.status !== 'pending') throw badInput(row.status === 'accepted' ? '该修改已审核通过' : '该修改已退回，等待填报员修改后重新提交');
  if (row.version !== input.version) throw badInput('该修改已被填报员重新提交，请刷新后再审核');
  const reviewer = { id: principal.userId, name: principal.displayName };
  let applied: number | null = null;
  if (input.decision === 'accept') {
    const cadre = (await findCadre(trx, row.cadre_id))!;
    if (cadre.version !== row.base_version) throw await changeConflict(c, row, cadre);
    const res = await updateCadre(c, cadre.id, row.base_version, inputOf(c, row.proposal), {
      author: { id: row.submitted_by, name: row.submitted_by_name }, reviewer,
    });
    if (!res.ok) {
      if (res.reason === 'stale') throw await changeConflict(c, row, res.current);
      throw badInput('该修改要调入的单位已不存在或不可用，请退回填报员');
    }
    applied = res.cadre.version;
  }
  const ok = await decideChange(trx, row, input.version, {
    status: input.decision === 'accept' ? 'accepted' : 'returned', reason: input.decision === 'accept' ? null : input.reason!.trim(),
    reviewerId: reviewer.id, reviewerName: reviewer.name, appliedVersion: applied,
  });
  if (!ok) throw badInput('该修改刚被他人审核或重新提交，请刷新后再审核');
  return findChange(trx, row.id);
}
