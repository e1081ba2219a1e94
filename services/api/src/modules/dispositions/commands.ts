// The disposition commands (docs/dispositions.md) — issue, edit, submit a rectification, review it, close the case,
// keep the template, attach files — with their rules in one place: reach (CASL on the disposition: its cadre's current
// unit; a filler only its units), the status a step requires and leaves, numbering, working-day due dates, the warning
// snapshot, and the cadres touched for the request's audit row (one row per request, as every command). GraphQL
// (schema.ts) and REST (routes.ts) only parse input and call these.
import { GraphQLError } from 'graphql';
import { sql } from 'kysely';
import { asSubject, type Action } from '../../authz/abilities.js';
import { cadreReach } from '../../authz/reach.js';
import { badInput } from '../../graphql/context.js';
import { isUuid } from '../../db/scope.js';
import { beijingTime } from '../../util/time.js';
import { denied, type CommandContext } from '../command.js';
import { findCadre } from '../cadres/repo.js';
import { addWorkingDays, isWorkingDay } from '../calendar/index.js';
import { recomputeWarnings } from '../warnings/recompute.js';
import { warningConfigs } from '../warnings/resolve.js';
import { DEFAULT_SCHEME } from '../../../../../shared/warnings.js';
import {
  ATTACHMENTS_PER_DISPOSITION, DISPOSITION_STATUS_LABELS, type DispositionStatus, type ReviewDecision,
} from '../../../../../shared/dispositions.js';
import {
  findDisposition, nextSequence, rectificationsOf, warningOn, type DispositionRow,
} from './repo.js';
import { docNumber, fill, findKind, resolveTemplate, type KindOverride, type ResolvedTemplate } from './template.js';

export const DISPOSITION_NOT_FOUND = '处置不存在或不在您的管理范围内';
export const CADRE_NOT_FOUND = '干部不存在或不在您的管理范围内';
export const ATTACHMENT_NOT_FOUND = '附件不存在或不属于该处置';

export const notFound = (message = DISPOSITION_NOT_FOUND) => new GraphQLError(message, { extensions: { code: 'NOT_FOUND' } });

/** Today in Beijing, YYYY-MM-DD. */
export const today = () => beijingTime(new Date()).slice(0, 10);

/** The disposition subject CASL judges: its cadre's current unit. */
export const dispositionSubject = (d: { unit_id: string }) => asSubject('Disposition', { unit_id: d.unit_id });

/**
 * A disposition the caller may act on. Missing, malformed, another tenant's or outside a filler's units: null (callers
 * answer NOT_FOUND or null — all look the same). Visible but not allowed: a denial.
 */
export async function dispositionTarget(c: CommandContext, action: Action, id: string): Promise<DispositionRow | null> {
  if (!c.ability.can(action, 'Disposition')) throw denied(c);
  const row = await findDisposition(c.trx, id, cadreReach(c.principal));
  if (!row || !c.ability.can('read', dispositionSubject(row))) return null;
  c.audit.touch([{ id: row.cadre_id, name: row.cadre_name }]);
  c.audit.about(`${row.title} ${row.doc_number}`);
  if (!c.ability.can(action, dispositionSubject(row))) throw denied(c);
  return row;
}

async function requireTarget(c: CommandContext, action: Action, id: string): Promise<DispositionRow> {
  const row = await dispositionTarget(c, action, id);
  if (!row) throw notFound();
  return row;
}

const reload = async (c: CommandContext, id: string) => (await findDisposition(c.trx, id, cadreReach(c.principal)))!;

/**
 * The cadre's warnings again, in the same request: an overdue rectification escalates through a rule
 * (evaluators/overdue-rectification.ts), so when such a rule is in force for the cadre's tenant a step of the case
 * (submit, review, close, a new due date) can start or end a hit. Without one nothing a disposition does changes a hit.
 */
async function recompute(c: CommandContext, d: { tenant_id: string; cadre_id: string }) {
  const configs = await warningConfigs(c.trx, [d.tenant_id]);
  const rules = configs.get(d.tenant_id)?.rules ?? [];
  if (!rules.some((r) => r.enabled && r.definition.kind === 'overdue' && r.definition.subject === 'rectification')) return;
  await recomputeWarnings(c.trx, { tenantIds: [d.tenant_id], cadreIds: [d.cadre_id] }, configs);
}

const addDays = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/** Working days after `from` up to and including `to` (to > from, at most a year apart). */
async function workingDaysBetween(c: CommandContext, from: string, to: string): Promise<number> {
  let n = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (await isWorkingDay(c.trx, d)) n++;
  return n;
}

/** A due date given by the user: after the issue date, within a year, a working day. */
async function checkDueOn(c: CommandContext, issuedOn: string, dueOn: string): Promise<number> {
  if (dueOn <= issuedOn) throw badInput('整改期限须晚于发文日期');
  if (dueOn > addDays(issuedOn, 366)) throw badInput('整改期限不能超过发文日期后一年');
  const days = await workingDaysBetween(c, issuedOn, dueOn);
  if (days < 1) throw badInput('整改期限内至少应有一个工作日');
  return days;
}

const conflict = (row: DispositionRow) => new GraphQLError(
  `该处置已被 ${row.updated_by_name ?? row.issued_by_name} 于 ${beijingTime(row.updated_at).slice(0, 16)} 修改（当前为第 ${row.version} 版），请刷新后再修改`,
  { extensions: { code: 'VERSION_CONFLICT', currentVersion: row.version } },
);

const statusIs = (row: DispositionRow, ...allowed: DispositionStatus[]) => allowed.includes(row.status);
const statusText = (s: DispositionStatus) => DISPOSITION_STATUS_LABELS[s];

// ---------- Issue ----------

export interface IssueInput {
  cadreId: string;
  /** A kind code or its title (警示提醒 …); absent: the kind the cadre's warning level calls for. */
  kind?: string | null;
  /** The issue date (default today, never later than today). */
  issuedOn?: string | null;
  dueOn?: string | null;
  body?: string | null;
  requirements?: string | null;
}

export async function issueDisposition(c: CommandContext, input: IssueInput): Promise<DispositionRow> {
  const { trx, principal } = c;
  if (!c.ability.can('create', 'Disposition')) throw denied(c);
  const cadre = await findCadre(trx, input.cadreId);
  if (!cadre || !c.ability.can('read', asSubject('Cadre', { ...cadre }))) throw notFound(CADRE_NOT_FOUND);
  c.audit.touch([cadre]);
  if (!c.ability.can('create', dispositionSubject(cadre))) throw denied(c);
  const issuedOn = input.issuedOn ?? today();
  if (issuedOn > today()) throw badInput('发文日期不能晚于今天');

  // The issuing commission's template and numbering; the warning as the cadre's own tenant computes it.
  const template = (await resolveTemplate(trx, principal.tenantId))!;
  const scheme = (await warningConfigs(trx, [cadre.tenant_id])).get(cadre.tenant_id)?.scheme ?? DEFAULT_SCHEME;
  const warning = await warningOn(trx, cadre, issuedOn, scheme.levels);
  const kind = input.kind
    ? findKind(template, input.kind)
    : warning ? template.kinds.find((k) => k.level === warning.level) ?? findKind(template, scheme.dispositions.find((d) => d.level === warning.level)?.kind ?? '') : undefined;
  if (!kind) {
    if (input.kind) throw badInput(`处置方式须为「${template.kinds.map((k) => k.title).join('、')}」之一`);
    throw badInput(warning ? `预警等级「${warning.levelName}」没有对应的处置方式，请选择处置方式` : '该干部在发文日期没有预警，请选择处置方式');
  }
  let dueOn: string, days: number;
  if (input.dueOn) {
    days = await checkDueOn(c, issuedOn, input.dueOn);
    dueOn = input.dueOn;
  } else {
    days = kind.rectifyWorkingDays;
    dueOn = await addWorkingDays(trx, issuedOn, days);
  }
  const year = Number(issuedOn.slice(0, 4));
  const seq = await nextSequence(trx, principal.tenantId, year);
  const number = docNumber(template.numberPrefix, year, seq);
  const values = {
    '{姓名}': cadre.name, '{单位}': cadre.unit_name, '{职务}': cadre.position ?? '', // The body reaches the filler of the cadre's unit: no reason drawn from categories 8 and 9 (docs/dispositions.md).
    '{预警情形}': warning?.publicReasons?.length ? warning.publicReasons.join('；') : '经综合研判，存在需要警示的问题',
    '{整改期限}': dueOn, '{发文机关}': template.issuer,
  } as const;
  const body = fill(input.body ?? kind.body, values);
  const requirements = fill(input.requirements ?? kind.requirements, values);
  const row = await trx.insertInto('disposition').values({
    tenant_id: cadre.tenant_id, cadre_id: cadre.id, issuing_tenant_id: principal.tenantId, kind: kind.kind, title: kind.title,
    level: warning?.level ?? kind.level, doc_year: year, doc_seq: seq, doc_number: number, issuer: template.issuer, issued_on: issuedOn,
    rectify_working_days: days, due_on: dueOn, warning: warning ? JSON.stringify(warning) : null, body, requirements,
    issued_by: principal.userId, issued_by_name: principal.displayName,
  }).returning('id').executeTakeFirstOrThrow();
  c.audit.about(`${kind.title} ${number}`);
  // A case entered after the fact may already be past its due date: it escalates from the request on.
  await recompute(c, { tenant_id: cadre.tenant_id, cadre_id: cadre.id });
  return reload(c, row.id);
}

// ---------- Edit ----------

export interface UpdateInput { id: string; version: number; dueOn?: string | null; body?: string | null; requirements?: string | null }

/** Change the due date or texts of a case still under rectification (officers), seen at `version`. */
export async function updateDisposition(c: CommandContext, input: UpdateInput): Promise<DispositionRow> {
  const row = await requireTarget(c, 'update', input.id);
  if (!statusIs(row, 'pending', 'submitted', 'returned')) throw badInput(`该处置${statusText(row.status)}，不能再修改`);
  if (row.version !== input.version) throw conflict(row);
  const patch: { due_on?: string; rectify_working_days?: number; body?: string; requirements?: string } = {};
  if (input.dueOn && input.dueOn !== row.due_on) {
    patch.rectify_working_days = await checkDueOn(c, row.issued_on, input.dueOn);
    patch.due_on = input.dueOn;
  }
  if (input.body) patch.body = input.body;
  if (input.requirements) patch.requirements = input.requirements;
  const done = await c.trx.updateTable('disposition')
    .set({ ...patch, version: sql`version + 1`, updated_by_name: c.principal.displayName, updated_at: sql`now()` })
    .where('id', '=', row.id).where('version', '=', input.version).executeTakeFirst();
  if (!done.numUpdatedRows) throw conflict(await reload(c, row.id));
  if (patch.due_on) await recompute(c, row);
  return reload(c, row.id);
}

// ---------- Rectification ----------

export interface SubmitInput { id: string; text: string; attachmentIds?: string[] | null }

/** The cadre's unit (its filler, or an officer) reports the rectification; attachments uploaded before are bound to it. */
export async function submitRectification(c: CommandContext, input: SubmitInput): Promise<DispositionRow> {
  const { trx, principal } = c;
  const row = await requireTarget(c, 'rectify', input.id);
  if (row.status === 'submitted') throw badInput('整改情况已提交，正在等待审核');
  if (!statusIs(row, 'pending', 'returned')) throw badInput(`该处置${statusText(row.status)}，无需再提交整改情况`);
  const ids = [...new Set(input.attachmentIds ?? [])];
  if (ids.length) {
    if (!ids.every(isUuid)) throw badInput(ATTACHMENT_NOT_FOUND);
    const found = await trx.selectFrom('disposition_attachment').select('id')
      .where('disposition_id', '=', row.id).where('rectification_id', 'is', null).where('id', 'in', ids).execute();
    if (found.length !== ids.length) throw badInput(ATTACHMENT_NOT_FOUND);
  }
  const round = ((await rectificationsOf(trx, [row.id])).get(row.id)?.length ?? 0) + 1;
  const moved = await trx.updateTable('disposition')
    .set({ status: 'submitted', version: sql`version + 1`, updated_by_name: principal.displayName, updated_at: sql`now()` })
    .where('id', '=', row.id).where('status', 'in', ['pending', 'returned']).executeTakeFirst();
  if (!moved.numUpdatedRows) throw badInput('整改情况已提交，正在等待审核');
  const rect = await trx.insertInto('disposition_rectification').values({
    tenant_id: row.tenant_id, disposition_id: row.id, round, content: input.text, submitted_by: principal.userId, submitted_by_name: principal.displayName,
  }).returning('id').executeTakeFirstOrThrow();
  if (ids.length) {
    await trx.updateTable('disposition_attachment').set({ rectification_id: rect.id })
      .where('disposition_id', '=', row.id).where('id', 'in', ids).execute();
  }
  await recompute(c, row);
  return reload(c, row.id);
}

export interface ReviewInput { id: string; decision: ReviewDecision; comment?: string | null }

/** An officer accepts (已通过) or returns (已退回, with a comment) the latest report. */
export async function reviewRectification(c: CommandContext, input: ReviewInput): Promise<DispositionRow> {
  const { trx, principal } = c;
  if (input.decision === 'returned' && !input.comment?.trim()) throw badInput('退回时须填写退回意见');
  const row = await requireTarget(c, 'review', input.id);
  if (row.status !== 'submitted') throw badInput(`该处置${statusText(row.status)}，没有待审核的整改情况`);
  const rounds = (await rectificationsOf(trx, [row.id])).get(row.id) ?? [];
  const last = rounds[rounds.length - 1];
  if (!last || last.decision) throw badInput('没有待审核的整改情况');
  const accept = input.decision === 'accepted';
  const moved = await trx.updateTable('disposition')
    .set({
      status: accept ? 'accepted' : 'returned', accepted_on: accept ? today() : null, version: sql`version + 1`,
      updated_by_name: principal.displayName, updated_at: sql`now()`,
    })
    .where('id', '=', row.id).where('status', '=', 'submitted').executeTakeFirst();
  if (!moved.numUpdatedRows) throw badInput('该整改情况已被他人审核，请刷新');
  await trx.updateTable('disposition_rectification').set({
    decision: input.decision, review_comment: input.comment?.trim() || null, reviewed_by: principal.userId,
    reviewed_by_name: principal.displayName, reviewed_at: sql`now()`,
  }).where('id', '=', last.id).execute();
  await recompute(c, row);
  return reload(c, row.id);
}

/** 结案: a case whose rectification passed is filed (officers). */
export async function closeDisposition(c: CommandContext, input: { id: string; note?: string | null }): Promise<DispositionRow> {
  const { trx, principal } = c;
  const row = await requireTarget(c, 'review', input.id);
  if (row.status !== 'accepted') throw badInput(row.status === 'closed' ? '该处置已结案' : '整改通过验收后才能结案');
  await trx.updateTable('disposition').set({
    status: 'closed', closed_by_name: principal.displayName, closed_at: sql`now()`, close_note: input.note?.trim() || null,
    version: sql`version + 1`, updated_by_name: principal.displayName, updated_at: sql`now()`,
  }).where('id', '=', row.id).where('status', '=', 'accepted').execute();
  await recompute(c, row);
  return reload(c, row.id);
}

// ---------- Attachments ----------

/** Whether another attachment fits (checked before the upload is stored). */
export async function attachmentRoom(c: CommandContext, row: DispositionRow): Promise<string | null> {
  if (!statusIs(row, 'pending', 'returned')) return `该处置${statusText(row.status)}，不能再上传整改材料`;
  const n = await c.trx.selectFrom('disposition_attachment').select(sql<string>`count(*)`.as('n')).where('disposition_id', '=', row.id).executeTakeFirstOrThrow();
  return Number(n.n) >= ATTACHMENTS_PER_DISPOSITION ? `每件处置最多 ${ATTACHMENTS_PER_DISPOSITION} 个附件` : null;
}

export async function addAttachment(
  c: CommandContext, row: DispositionRow, file: { key: string; filename: string; contentType: string; size: number; sha256: string },
) {
  return c.trx.insertInto('disposition_attachment').values({
    tenant_id: row.tenant_id, disposition_id: row.id, object_key: file.key, filename: file.filename, content_type: file.contentType,
    size_bytes: file.size, sha256: file.sha256, uploaded_by: c.principal.userId, uploaded_by_name: c.principal.displayName,
  }).returning(['id', 'filename', 'content_type', 'size_bytes', 'uploaded_at']).executeTakeFirstOrThrow();
}

// ---------- Template ----------

/** The template in force for the caller's tenant, or a tenant of its subtree (officers and leaders). */
export async function dispositionTemplate(c: CommandContext, tenantCode?: string | null): Promise<ResolvedTemplate | null> {
  if (!c.ability.can('export', 'Disposition')) throw denied(c);
  let tenantId = c.principal.tenantId;
  if (tenantCode) {
    const t = await c.trx.selectFrom('tenant').select('id').where('code', '=', tenantCode).executeTakeFirst();
    if (!t) return null;
    tenantId = t.id;
  }
  return resolveTemplate(c.trx, tenantId);
}

export interface TemplateInput {
  /** null: back to the tenant's name. */
  issuer?: string | null;
  numberPrefix?: string | null;
  kinds?: ({ kind: string } & KindOverride)[] | null;
}

/** Set the caller's own tenant's template (officers). A kind's texts equal to the inherited ones are not stored. */
export async function updateDispositionTemplate(c: CommandContext, input: TemplateInput): Promise<ResolvedTemplate> {
  const { trx, principal } = c;
  if (!c.ability.can('update', 'Disposition')) throw denied(c);
  const current = (await resolveTemplate(trx, principal.tenantId))!;
  const row = await trx.selectFrom('disposition_template').selectAll().where('tenant_id', '=', principal.tenantId).executeTakeFirst();
  const kinds = { ...((row?.kinds ?? {}) as Record<string, KindOverride>) };
  for (const k of input.kinds ?? []) {
    const known = findKind(current, k.kind);
    if (!known) throw badInput(`处置方式须为「${current.kinds.map((x) => x.title).join('、')}」之一`);
    const o: KindOverride = {};
    if (k.title !== undefined && k.title !== null) o.title = k.title;
    if (k.rectifyWorkingDays !== undefined && k.rectifyWorkingDays !== null) o.rectifyWorkingDays = k.rectifyWorkingDays;
    if (k.body !== undefined && k.body !== null) o.body = k.body;
    if (k.requirements !== undefined && k.requirements !== null) o.requirements = k.requirements;
    kinds[known.kind] = { ...kinds[known.kind], ...o };
  }
  const titles = new Map<string, string>();
  for (const k of current.kinds) {
    const t = kinds[k.kind]?.title ?? k.title;
    if (titles.has(t)) throw badInput(`处置方式名称「${t}」重复`);
    titles.set(t, k.kind);
  }
  const issuer = input.issuer === undefined ? row?.issuer ?? null : input.issuer;
  const prefix = input.numberPrefix === undefined ? row?.number_prefix ?? null : input.numberPrefix;
  const values = { issuer, number_prefix: prefix, kinds: JSON.stringify(kinds), updated_by: principal.userId, updated_by_name: principal.displayName };
  if (row) {
    await trx.updateTable('disposition_template').set({ ...values, version: sql`version + 1`, updated_at: sql`now()` })
      .where('tenant_id', '=', principal.tenantId).execute();
  } else {
    await trx.insertInto('disposition_template').values({ tenant_id: principal.tenantId, ...values }).execute();
  }
  c.audit.about('处置文书模板');
  return (await resolveTemplate(trx, principal.tenantId))!;
}
