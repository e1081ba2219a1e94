// The 复函 commands (docs/replies.md): resolve pasted names and ID numbers, create a request (drafted at once from the
// records), edit one cadre's text, issue (文号, category-7 record in each archive), delete a draft, keep the settings.
// Rules live here; GraphQL (schema.ts) and REST (routes.ts) only parse input and call these. A request belongs to the
// caller's tenant and covers cadres of that tenant (a subordinate tenant answers for its own cadres).
import { GraphQLError } from 'graphql';
import { sql } from 'kysely';
import { asSubject } from '../../authz/abilities.js';
import { cadreReach, isWholeScope } from '../../authz/reach.js';
import { badInput } from '../../graphql/context.js';
import { isUuid } from '../../db/scope.js';
import { keyedHash } from '../../crypto/fields.js';
import { denied, type CommandContext } from '../command.js';
import { findCadres } from '../cadres/repo.js';
import { CODE_FIELDS, labelOfStored } from '../cadres/fields.js';
import { categoryById, SANCTION_MEASURES } from '../records/categories.js';
import { addRevision, insertRecord } from '../records/repo.js';
import { fieldsFor } from '../records/commands.js';
import { recomputeCadreWarnings } from '../warnings/recompute.js';
import { warningConfigs } from '../warnings/resolve.js';
import { today } from '../dispositions/commands.js';
import { docNumber } from '../dispositions/template.js';
import { DEFAULT_SCHEME } from '../../../../../shared/warnings.js';
import {
  DEFAULT_BARRED_PURPOSES, REPLY_MAX_CADRES, REPLY_PURPOSE_LABELS, replyPurpose, type ReplyPurpose,
} from '../../../../../shared/replies.js';
import { draftReplies } from './draft.js';
import {
  findReplyRequest, itemsOf, nextReplySequence, replySetting, type ReplyRequestRow,
} from './repo.js';

export const REPLY_NOT_FOUND = '复函不存在或不在您的管理范围内';
const NOT_IN_REQUEST = '该干部不在本复函中';
const notFound = () => new GraphQLError(REPLY_NOT_FOUND, { extensions: { code: 'NOT_FOUND' } });

/** 五华区纪委监委 → 五纪廉复 (文号 五纪廉复〔2026〕3号). */
export const defaultReplyPrefix = (tenantName: string) => `${Array.from(tenantName)[0] ?? '纪'}纪廉复`;

export interface ReplySettings {
  numberPrefix: string; ownPrefix: boolean; barredPurposes: ReplyPurpose[]; ownBarred: boolean;
  /** Measures whose running period bars other purposes than barredPurposes (诫勉 → 选拔任用 only …). */
  measurePurposes: Record<string, ReplyPurpose[]>;
}

export async function replySettings(c: CommandContext): Promise<ReplySettings> {
  if (!c.ability.can('read', 'ReplyRequest')) throw denied(c);
  return settingsOf(c, c.principal.tenantId);
}

async function settingsOf(c: CommandContext, tenantId: string): Promise<ReplySettings> {
  const [row, tenant] = await Promise.all([
    replySetting(c.trx, tenantId),
    c.trx.selectFrom('tenant').select('name').where('id', '=', tenantId).executeTakeFirstOrThrow(),
  ]);
  return {
    numberPrefix: row?.number_prefix ?? defaultReplyPrefix(tenant.name), ownPrefix: !!row?.number_prefix,
    barredPurposes: row?.barred_purposes ?? DEFAULT_BARRED_PURPOSES, ownBarred: !!row?.barred_purposes,
    measurePurposes: row?.measure_purposes ?? {},
  };
}

const purposesOf = (list: string[]): ReplyPurpose[] => [...new Set(list.map((p) => {
  const v = replyPurpose(p);
  if (!v) throw badInput(`征求事由须为「${Object.values(REPLY_PURPOSE_LABELS).join('、')}」之一`);
  return v;
}))];

/**
 * Change the tenant's 文号 prefix, barred purposes and per-measure exceptions (officers); null or empty: back to the
 * default. A measure is given as its label (诫勉) or code; an exception with an empty list bars nothing.
 */
export async function updateReplySettings(
  c: CommandContext,
  input: { numberPrefix?: string | null; barredPurposes?: string[] | null; measureRules?: { measure: string; purposes: string[] }[] | null },
): Promise<ReplySettings> {
  if (!c.ability.can('update', 'ReplyRequest')) throw denied(c);
  const current = await replySetting(c.trx, c.principal.tenantId);
  let barred = current?.barred_purposes ?? null;
  if (input.barredPurposes !== undefined) barred = input.barredPurposes === null ? null : purposesOf(input.barredPurposes);
  let byMeasure: Record<string, ReplyPurpose[]> | null = current?.measure_purposes ?? null;
  if (input.measureRules !== undefined) {
    const rules = (input.measureRules ?? []).map((r) => {
      const m = SANCTION_MEASURES.find((o) => o.code === r.measure.trim() || o.label === r.measure.trim());
      if (!m) throw badInput(`「${r.measure}」不是处理（处分）种类`);
      return [m.code, purposesOf(r.purposes)] as const;
    });
    byMeasure = rules.length ? Object.fromEntries(rules) : null;
  }
  const prefix = input.numberPrefix === undefined ? current?.number_prefix ?? null : input.numberPrefix?.trim() || null;
  const measures = byMeasure ? JSON.stringify(byMeasure) : null;
  await c.trx.insertInto('reply_setting').values({
    tenant_id: c.principal.tenantId, number_prefix: prefix, barred_purposes: barred, measure_purposes: measures,
    updated_by: c.principal.userId, updated_by_name: c.principal.displayName,
  }).onConflict((oc) => oc.column('tenant_id').doUpdateSet({
    number_prefix: prefix, barred_purposes: barred, measure_purposes: measures, updated_by: c.principal.userId,
    updated_by_name: c.principal.displayName, updated_at: sql`now()`,
  })).execute();
  return settingsOf(c, c.principal.tenantId);
}

// ---------- Picking cadres by pasted lines ----------

export interface LineMatch {
  line: string;
  /** sex and birthMonth tell namesakes apart. */
  cadres: { id: string; name: string; unitName: string; position: string | null; sex: string | null; birthMonth: string | null }[];
}
const SEX = CODE_FIELDS.find((x) => x.column === 'sex')!;

const ID_NUMBER = /^\d{17}[\dXx]$/;

/**
 * Each pasted line (a name or an 18-digit ID number) with the caller's own tenant's live cadres it names, within the
 * caller's reach: none (unknown), one, or several (an ambiguous name: the user picks).
 */
export async function resolveReplyLines(c: CommandContext, lines: string[]): Promise<LineMatch[]> {
  if (!c.ability.can('create', 'ReplyRequest')) throw denied(c);
  const clean = [...new Set(lines.map((l) => l.trim().replace(/\s+/g, '')).filter(Boolean))];
  if (clean.length > REPLY_MAX_CADRES) throw badInput(`一次最多 ${REPLY_MAX_CADRES} 行`);
  if (!clean.length) return [];
  const hashes = new Map(clean.filter((l) => ID_NUMBER.test(l)).map((l) => [keyedHash(c.keys, l.toUpperCase()), l]));
  const names = clean.filter((l) => !ID_NUMBER.test(l));
  const reach = cadreReach(c.principal);
  const rows = await c.trx.selectFrom('cadre as c')
    .innerJoin('unit as u', (j) => j.onRef('u.tenant_id', '=', 'c.tenant_id').onRef('u.id', '=', 'c.unit_id'))
    .select(['c.id', 'c.name', 'c.position', 'c.sex', 'c.birth_month', 'c.id_number_hash', 'u.name as unit_name'])
    .where('c.tenant_id', '=', c.principal.tenantId).where('c.deleted_at', 'is', null)
    .where((w) => w.or([
      ...(names.length ? [w('c.name', 'in', names)] : []),
      ...(hashes.size ? [w('c.id_number_hash', 'in', [...hashes.keys()])] : []),
    ]))
    .$if(!isWholeScope(reach), (q) => q.where(reach))
    .orderBy('c.unit_sort').orderBy('c.sort_order').orderBy('c.id')
    .execute();
  c.audit.about(`${clean.length} 行`);
  return clean.map((line) => {
    const found = ID_NUMBER.test(line)
      ? rows.filter((r) => r.id_number_hash && hashes.get(r.id_number_hash) === line)
      : rows.filter((r) => r.name === line);
    return {
      line,
      cadres: found.map((r) => ({
        id: r.id, name: r.name, unitName: r.unit_name, position: r.position, sex: labelOfStored(SEX, r.sex), birthMonth: r.birth_month,
      })),
    };
  });
}

// ---------- Create ----------

export interface CreateInput {
  requester: string;
  letterNo?: string | null;
  purpose: string;
  /** The words of 其他 (e.g. 军转安置). */
  purposeText?: string | null;
  asOf?: string | null;
  cadreIds: string[];
}

export async function createReplyRequest(c: CommandContext, input: CreateInput): Promise<ReplyRequestRow> {
  const { trx, principal } = c;
  if (!c.ability.can('create', 'ReplyRequest')) throw denied(c);
  const purpose = replyPurpose(input.purpose);
  if (!purpose) throw badInput(`征求事由须为「${Object.values(REPLY_PURPOSE_LABELS).join('、')}」之一`);
  const asOf = input.asOf ?? today();
  if (asOf > today()) throw badInput('回复日期不能晚于今天');
  const ids = [...new Set(input.cadreIds)];
  if (!ids.length) throw badInput('请至少选择一名干部');
  if (ids.length > REPLY_MAX_CADRES) throw badInput(`一次最多征求 ${REPLY_MAX_CADRES} 名干部的意见`);
  if (ids.some((id) => !isUuid(id))) throw badInput('干部不存在或不在您的管理范围内');

  // Visible, within reach, live, and the caller's own tenant's: a subordinate tenant answers for its own cadres.
  const found = (await findCadres(trx, ids)).filter((x) => c.ability.can('read', asSubject('Cadre', { ...x })));
  const byId = new Map(found.map((x) => [x.id, x]));
  const missing = ids.filter((id) => !byId.has(id));
  if (missing.length) throw badInput(`有 ${missing.length} 名干部不存在或不在您的管理范围内`);
  const foreign = found.filter((x) => x.tenant_id !== principal.tenantId);
  if (foreign.length) {
    throw badInput(`以下干部由下级机构管理，请由其所在机构答复：${foreign.slice(0, 10).map((x) => `${x.name}（${x.tenant_name}）`).join('、')}${foreign.length > 10 ? ` 等 ${foreign.length} 人` : ''}`);
  }
  const cadres = ids.map((id) => byId.get(id)!);
  c.audit.touch(cadres);

  const [settings, configs] = await Promise.all([settingsOf(c, principal.tenantId), warningConfigs(trx, [principal.tenantId])]);
  const influence = configs.get(principal.tenantId)?.scheme.influence ?? DEFAULT_SCHEME.influence;
  const drafts = await draftReplies(trx, {
    tenantId: principal.tenantId, cadres, asOf, purpose, purposeText: input.purposeText, barred: settings.barredPurposes,
    byMeasure: settings.measurePurposes, influence,
  });
  const req = await trx.insertInto('reply_request').values({
    tenant_id: principal.tenantId, requester: input.requester.trim(), letter_no: input.letterNo?.trim() || null, purpose,
    purpose_text: purpose === 'other' ? input.purposeText?.trim() || null : null, as_of: asOf,
    created_by: principal.userId, created_by_name: principal.displayName,
  }).returning('id').executeTakeFirstOrThrow();
  await trx.insertInto('reply_item').values(drafts.map((d, i) => ({
    tenant_id: principal.tenantId, request_id: req.id, cadre_id: d.cadreId, position: i, conclusion: d.conclusion,
    facts: JSON.stringify(d.facts), draft: d.draft,
  }))).execute();
  c.audit.about(`${input.requester.trim()}（${REPLY_PURPOSE_LABELS[purpose]}，${cadres.length} 人）`);
  return (await findReplyRequest(trx, principal.tenantId, req.id))!;
}

// ---------- Read, edit, issue, delete ----------

/** A request of the caller's tenant (missing, malformed and foreign look the same: null). */
export async function replyTarget(c: CommandContext, action: 'read' | 'update' | 'issue' | 'delete', id: string): Promise<ReplyRequestRow | null> {
  if (!c.ability.can(action, 'ReplyRequest')) throw denied(c);
  if (!isUuid(id)) return null;
  const row = await findReplyRequest(c.trx, c.principal.tenantId, id);
  if (!row) return null;
  c.audit.about(`${row.requester}${row.doc_number ? ` ${row.doc_number}` : ''}`);
  return row;
}

async function requireDraft(c: CommandContext, action: 'update' | 'issue' | 'delete', id: string, version?: number | null) {
  // The request's row is locked first: two officers issuing (or editing while another issues) take turns, and the
  // second sees the first's outcome (已签发) instead of issuing twice.
  if (c.ability.can(action, 'ReplyRequest') && isUuid(id)) {
    await c.trx.selectFrom('reply_request').select('id').where('tenant_id', '=', c.principal.tenantId).where('id', '=', id).forUpdate().execute();
  }
  const row = await replyTarget(c, action, id);
  if (!row) throw notFound();
  if (row.status !== 'draft') throw badInput(`该复函已签发（${row.doc_number}），不能再修改`);
  if (version != null && version !== row.version) {
    throw new GraphQLError(`该复函已被 ${row.updated_by_name ?? row.created_by_name} 修改（当前为第 ${row.version} 版），请刷新后再操作`, {
      extensions: { code: 'VERSION_CONFLICT', currentVersion: row.version },
    });
  }
  return row;
}

const bump = (c: CommandContext, id: string) => c.trx.updateTable('reply_request')
  .set({ version: sql`version + 1`, updated_by_name: c.principal.displayName, updated_at: sql`now()` })
  .where('tenant_id', '=', c.principal.tenantId).where('id', '=', id).execute();

/** Replace one cadre's text (null or empty: back to the computed draft), kept beside the draft. */
export async function updateReplyItem(
  c: CommandContext, input: { requestId: string; cadreId: string; text?: string | null; version?: number | null },
): Promise<ReplyRequestRow> {
  const row = await requireDraft(c, 'update', input.requestId, input.version);
  if (!isUuid(input.cadreId)) throw badInput(NOT_IN_REQUEST);
  const text = input.text?.trim() || null;
  const done = await c.trx.updateTable('reply_item').set({
    edited_text: text, edited_by_name: text ? c.principal.displayName : null, edited_at: text ? sql`now()` : null,
  }).where('tenant_id', '=', c.principal.tenantId).where('request_id', '=', row.id).where('cadre_id', '=', input.cadreId).executeTakeFirst();
  if (!done.numUpdatedRows) throw badInput(NOT_IN_REQUEST);
  await bump(c, row.id);
  return (await findReplyRequest(c.trx, c.principal.tenantId, row.id))!;
}

/**
 * Issue: the next 文号 of the tenant for the reply year, and in each cadre's archive a category-7 record (accepted:
 * an officer wrote it) with the requester, purpose, 文号, conclusion and the text as issued.
 */
export async function issueReplyRequest(c: CommandContext, input: { id: string; version?: number | null }): Promise<ReplyRequestRow> {
  const { trx, principal } = c;
  const row = await requireDraft(c, 'issue', input.id, input.version);
  const settings = await settingsOf(c, principal.tenantId);
  const year = Number(row.as_of.slice(0, 4));
  const seq = await nextReplySequence(trx, principal.tenantId, year);
  const number = docNumber(settings.numberPrefix, year, seq);
  const items = (await itemsOf(trx, principal.tenantId, [row.id])).get(row.id) ?? [];
  const cat = categoryById.get(7)!;
  for (const it of items) {
    const content = it.edited_text ?? it.draft;
    const fields = fieldsFor(cat, {
      [cat.key]: {
        repliedOn: row.as_of, requester: row.requester, purpose: row.purpose, documentNo: number, conclusion: it.conclusion,
        content: content.length > 4000 ? `${content.slice(0, 3980)}……（全文见复函 ${number}）` : content,
      },
    });
    const recordId = await insertRecord(trx, {
      tenantId: principal.tenantId, cadreId: it.cadre_id, category: cat, status: 'accepted', actorId: principal.userId,
      actorName: principal.displayName, fields,
    });
    await addRevision(trx, {
      tenantId: principal.tenantId, recordId, version: 1, action: 'create', actorId: principal.userId, actorName: principal.displayName,
    });
    await trx.updateTable('reply_item').set({ record_id: recordId })
      .where('tenant_id', '=', principal.tenantId).where('request_id', '=', row.id).where('cadre_id', '=', it.cadre_id).execute();
  }
  await trx.updateTable('reply_request').set({
    status: 'issued', doc_year: year, doc_seq: seq, doc_number: number, issuer: row.tenant_name, issued_by: principal.userId,
    issued_by_name: principal.displayName, issued_at: sql`now()`, version: sql`version + 1`, updated_by_name: principal.displayName, updated_at: sql`now()`,
  }).where('tenant_id', '=', principal.tenantId).where('id', '=', row.id).execute();
  // A category-7 record may count in a tenant's own rules (counts over categories): the cadres are recomputed.
  if (items.length) await recomputeCadreWarnings(trx, principal.tenantId, items.map((i) => i.cadre_id));
  c.audit.touch(items.map((i) => ({ id: i.cadre_id, name: i.cadre_name })));
  c.audit.about(`${row.requester} ${number}`);
  return (await findReplyRequest(trx, principal.tenantId, row.id))!;
}

/** Delete a request not yet issued. */
export async function deleteReplyRequest(c: CommandContext, input: { id: string }): Promise<boolean> {
  const row = await requireDraft(c, 'delete', input.id);
  await c.trx.deleteFrom('reply_request').where('tenant_id', '=', c.principal.tenantId).where('id', '=', row.id).execute();
  return true;
}
