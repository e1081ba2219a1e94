// The 复函 commands (docs/replies.md): resolve pasted names and ID numbers, create a request (drafted at once from the
// records), edit one cadre's text, issue (文号, category-7 record in each archive), delete a draft, keep the settings.
// Rules live here; GraphQL (schema.ts) and REST (routes.ts) only parse input and call these. A request belongs to the
// caller's tenant; cadres held by tenants below go into a part per tenant, which that tenant reviews and answers in its
// own tenant (docs/replies.md#parts); the asker issues the assembled reply once every part is answered.
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
import { insertRecords } from '../records/repo.js';
import { fieldsFor } from '../records/commands.js';
import { recomputeCadreWarnings } from '../warnings/recompute.js';
import { warningConfigs } from '../warnings/resolve.js';
import { today } from '../dispositions/commands.js';
import { docNumber } from '../dispositions/template.js';
import { DEFAULT_SCHEME } from '../../../../../shared/warnings.js';
import {
  DEFAULT_BARRED_PURPOSES, REPLY_MAX_CADRES, REPLY_PURPOSE_LABELS, replyPurpose, type ReplyPurpose,
} from '../../../../../shared/replies.js';
import { draftReplies, type CadreDraft, type DraftCadre } from './draft.js';
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

/**
 * Drafts of a tenant's cadres by that tenant's own settings and influence defaults (the tenant that answers them):
 * the one way createReplyRequest (per holding tenant) and redraftReplyRequest draft.
 */
async function draftsFor(
  c: CommandContext, tenantId: string, cadres: DraftCadre[],
  r: { asOf: string; purpose: ReplyPurpose; purposeText?: string | null },
): Promise<CadreDraft[]> {
  const [settings, configs] = await Promise.all([settingsOf(c, tenantId), warningConfigs(c.trx, [tenantId])]);
  return draftReplies(c.trx, {
    tenantId, cadres, asOf: r.asOf, purpose: r.purpose, purposeText: r.purposeText, barred: settings.barredPurposes,
    byMeasure: settings.measurePurposes, influence: configs.get(tenantId)?.scheme.influence ?? DEFAULT_SCHEME.influence,
  });
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
  cadres: {
    id: string; name: string; unitName: string; tenantName: string; position: string | null; sex: string | null; birthMonth: string | null;
  }[];
}
const SEX = CODE_FIELDS.find((x) => x.column === 'sex')!;

const ID_NUMBER = /^\d{17}[\dXx]$/;

/**
 * Each pasted line (a name or an 18-digit ID number) with the live cadres it names in the caller's tenant and the
 * tenants below (their parts), within the caller's reach: none (unknown), one, or several (an ambiguous name: the user picks).
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
    .innerJoin('tenant as t', 't.id', 'c.tenant_id')
    .select(['c.id', 'c.name', 'c.position', 'c.sex', 'c.birth_month', 'c.id_number_hash', 'u.name as unit_name', 't.name as tenant_name'])
    .where('c.deleted_at', 'is', null)
    .where((w) => w.or([
      ...(names.length ? [w('c.name', 'in', names)] : []),
      ...(hashes.size ? [w('c.id_number_hash', 'in', [...hashes.keys()])] : []),
    ]))
    .$if(!isWholeScope(reach), (q) => q.where(reach))
    .orderBy(sql`c.tenant_id = ${c.principal.tenantId}`, 'desc').orderBy('t.path').orderBy('c.unit_sort').orderBy('c.sort_order').orderBy('c.id')
    .execute();
  c.audit.about(`${clean.length} 行`);
  return clean.map((line) => {
    const found = ID_NUMBER.test(line)
      ? rows.filter((r) => r.id_number_hash && hashes.get(r.id_number_hash) === line)
      : rows.filter((r) => r.name === line);
    return {
      line,
      cadres: found.map((r) => ({
        id: r.id, name: r.name, unitName: r.unit_name, tenantName: r.tenant_name, position: r.position, sex: labelOfStored(SEX, r.sex), birthMonth: r.birth_month,
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

  // Visible, within reach and live: the caller's own tenant's and those of the tenants below it (RLS shows no others).
  const found = (await findCadres(trx, ids)).filter((x) => c.ability.can('read', asSubject('Cadre', { ...x })));
  const byId = new Map(found.map((x) => [x.id, x]));
  const missing = ids.filter((id) => !byId.has(id));
  if (missing.length) throw badInput(`有 ${missing.length} 名干部不存在或不在您的管理范围内`);
  const cadres = ids.map((id) => byId.get(id)!);
  c.audit.touch(cadres);

  // One group per holding tenant, each drafted with that tenant's own settings and influence defaults: the tenant
  // below answers by its rules. The position is the cadre's place in the whole request.
  const groups = new Map<string, { tenantName: string; cadres: { cadre: (typeof cadres)[number]; position: number }[] }>();
  cadres.forEach((cadre, position) => {
    const g = groups.get(cadre.tenant_id) ?? { tenantName: cadre.tenant_name, cadres: [] };
    g.cadres.push({ cadre, position });
    groups.set(cadre.tenant_id, g);
  });
  const header = {
    requester: input.requester.trim(), letter_no: input.letterNo?.trim() || null, purpose,
    purpose_text: purpose === 'other' ? input.purposeText?.trim() || null : null, as_of: asOf,
    created_by: principal.userId, created_by_name: principal.displayName,
  };
  const req = await trx.insertInto('reply_request').values({ tenant_id: principal.tenantId, ...header }).returning('id').executeTakeFirstOrThrow();
  const askerName = (await trx.selectFrom('tenant').select('name').where('id', '=', principal.tenantId).executeTakeFirstOrThrow()).name;
  for (const [tenantId, g] of groups) {
    const drafts = await draftsFor(c, tenantId, g.cadres.map((x) => x.cadre), { asOf, purpose, purposeText: input.purposeText });
    const requestId = tenantId === principal.tenantId ? req.id
      : (await trx.insertInto('reply_request').values({
        tenant_id: tenantId, ...header, parent_tenant_id: principal.tenantId, parent_id: req.id, parent_issuer: askerName,
      }).returning('id').executeTakeFirstOrThrow()).id;
    const position = new Map(g.cadres.map((x) => [x.cadre.id, x.position]));
    await trx.insertInto('reply_item').values(drafts.map((d) => ({
      tenant_id: tenantId, request_id: requestId, cadre_id: d.cadreId, position: position.get(d.cadreId)!, conclusion: d.conclusion,
      facts: JSON.stringify(d.facts), draft: d.draft,
    }))).execute();
  }
  const partNote = groups.size - (groups.has(principal.tenantId) ? 1 : 0);
  c.audit.about(`${input.requester.trim()}（${REPLY_PURPOSE_LABELS[purpose]}，${cadres.length} 人${partNote ? `，${partNote} 个下级机构答复` : ''}）`);
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
  if (row.status === 'answered') throw badInput(`已于 ${row.answered_at!.toISOString().slice(0, 10)} 答复${row.parent_issuer}，不能再修改（如需修改，请${row.parent_issuer}退回）`);
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
  if (!done.numUpdatedRows) {
    const held = ((await itemsOf(c.trx, c.principal.tenantId, [row.id])).get(row.id) ?? []).find((i) => i.cadre_id === input.cadreId);
    throw badInput(held ? `${held.cadre_name}由${held.tenant_name}答复，请由其修改` : NOT_IN_REQUEST);
  }
  await bump(c, row.id);
  return (await findReplyRequest(c.trx, c.principal.tenantId, row.id))!;
}

/**
 * Draft the request's own cadres again from the archive as it stands (records entered or closed since), as of the
 * same reply date: conclusions, facts and drafts are replaced; an officer's edited text stays beside the new draft.
 * A part's cadres are redrafted by the tenant that answers them, in its part. Returns the request.
 */
export async function redraftReplyRequest(c: CommandContext, input: { id: string; version?: number | null }): Promise<ReplyRequestRow> {
  const { trx, principal } = c;
  const row = await requireDraft(c, 'update', input.id, input.version);
  const own = ((await itemsOf(trx, principal.tenantId, [row.id])).get(row.id) ?? []).filter((i) => !i.part_id);
  // Live cadres only: a cadre deleted since keeps the draft it had.
  const cadres = await findCadres(trx, own.map((i) => i.cadre_id));
  const drafts = await draftsFor(c, principal.tenantId, cadres, { asOf: row.as_of, purpose: row.purpose, purposeText: row.purpose_text });
  if (drafts.length) {
    await sql`update reply_item i set conclusion = v.conclusion, facts = v.facts::jsonb, draft = v.draft
      from (values ${sql.join(drafts.map((d) => sql`(${d.cadreId}::uuid, ${d.conclusion}, ${JSON.stringify(d.facts)}, ${d.draft})`))})
        as v (cadre_id, conclusion, facts, draft)
      where i.tenant_id = ${principal.tenantId} and i.request_id = ${row.id} and i.cadre_id = v.cadre_id`.execute(trx);
  }
  await bump(c, row.id);
  c.audit.touch(cadres);
  c.audit.about(`${row.requester}：重新起草 ${drafts.length} 人`);
  return (await findReplyRequest(trx, principal.tenantId, row.id))!;
}

/**
 * Issue: the next 文号 of the tenant for the reply year, and in each cadre's archive a category-7 record (accepted:
 * an officer wrote it) with the requester, purpose, 文号, conclusion and the text as issued.
 */
export async function issueReplyRequest(c: CommandContext, input: { id: string; version?: number | null }): Promise<ReplyRequestRow> {
  const { trx, principal } = c;
  const row = await requireDraft(c, 'issue', input.id, input.version);
  if (row.parent_id) throw badInput(`这是${row.parent_issuer}转来的征求意见，请核对后「答复」，由${row.parent_issuer}统一签发`);
  // The parts are locked with the request: a part cannot be returned or answered while the whole is issued.
  const parts = await trx.selectFrom('reply_request as p').innerJoin('tenant as t', 't.id', 'p.tenant_id')
    .select(['p.tenant_id', 'p.id', 'p.status', 't.name']).where('p.parent_tenant_id', '=', principal.tenantId).where('p.parent_id', '=', row.id)
    .forUpdate('p').execute();
  const open = parts.filter((p) => p.status !== 'answered');
  if (open.length) throw badInput(`尚有 ${open.length} 个下级机构未答复：${open.map((p) => p.name).join('、')}`);
  const settings = await settingsOf(c, principal.tenantId);
  const year = Number(row.as_of.slice(0, 4));
  const seq = await nextReplySequence(trx, principal.tenantId, year);
  const number = docNumber(settings.numberPrefix, year, seq);
  const items = (await itemsOf(trx, principal.tenantId, [row.id])).get(row.id) ?? [];
  const cat = categoryById.get(7)!;
  // Each cadre's archive is in its own tenant (a part's cadres in the tenant below): the record goes there. Set-wise:
  // a 500-cadre reply is a few statements, not a few per cadre.
  const recordIds = await insertRecords(trx, { category: cat, status: 'accepted', actorId: principal.userId, actorName: principal.displayName, revision: true },
    items.map((it) => {
      const content = it.edited_text ?? it.draft;
      return {
        tenantId: it.tenant_id, cadreId: it.cadre_id,
        fields: fieldsFor(cat, {
          [cat.key]: {
            repliedOn: row.as_of, requester: row.requester, purpose: row.purpose, documentNo: number, conclusion: it.conclusion,
            content: content.length > 4000 ? `${content.slice(0, 3980)}……（全文见复函 ${number}）` : content,
          },
        }),
      };
    }));
  if (items.length) {
    await sql`update reply_item i set record_id = v.record_id::uuid
      from (values ${sql.join(items.map((it, n) => sql`(${it.tenant_id}::uuid, ${it.part_id ?? row.id}::uuid, ${it.cadre_id}::uuid, ${recordIds[n]})`))})
        as v (tenant_id, request_id, cadre_id, record_id)
      where i.tenant_id = v.tenant_id and i.request_id = v.request_id and i.cadre_id = v.cadre_id`.execute(trx);
  }
  const issued = {
    status: 'issued' as const, doc_number: number, issuer: row.tenant_name, issued_by: principal.userId,
    issued_by_name: principal.displayName, issued_at: sql<Date>`now()`, version: sql<number>`version + 1`, updated_by_name: principal.displayName, updated_at: sql<Date>`now()`,
  };
  await trx.updateTable('reply_request').set({ ...issued, doc_year: year, doc_seq: seq })
    .where('tenant_id', '=', principal.tenantId).where('id', '=', row.id).execute();
  // The parts carry the asker's 文号 (their own counters untouched).
  if (parts.length) await trx.updateTable('reply_request').set(issued).where('parent_tenant_id', '=', principal.tenantId).where('parent_id', '=', row.id).execute();
  // A category-7 record may count in a tenant's own rules (counts over categories): the cadres are recomputed.
  const byTenant = new Map<string, string[]>();
  for (const it of items) byTenant.set(it.tenant_id, [...(byTenant.get(it.tenant_id) ?? []), it.cadre_id]);
  for (const [tenantId, cadreIds] of byTenant) await recomputeCadreWarnings(trx, tenantId, cadreIds);
  c.audit.touch(items.map((i) => ({ id: i.cadre_id, name: i.cadre_name })));
  c.audit.about(`${row.requester} ${number}`);
  return (await findReplyRequest(trx, principal.tenantId, row.id))!;
}

/** A tenant below answers its part: its cadres' conclusions and texts go to the asker as they stand (officers). */
export async function answerReplyRequest(c: CommandContext, input: { id: string; version?: number | null }): Promise<ReplyRequestRow> {
  const row = await requireDraft(c, 'issue', input.id, input.version);
  if (!row.parent_id) throw badInput('本机构的复函请直接签发；「答复」用于上级机构转来的征求意见');
  await c.trx.updateTable('reply_request').set({
    status: 'answered', answered_by: c.principal.userId, answered_by_name: c.principal.displayName, answered_at: sql`now()`,
    version: sql`version + 1`, updated_by_name: c.principal.displayName, updated_at: sql`now()`,
  }).where('tenant_id', '=', c.principal.tenantId).where('id', '=', row.id).execute();
  const items = (await itemsOf(c.trx, c.principal.tenantId, [row.id])).get(row.id) ?? [];
  c.audit.touch(items.map((i) => ({ id: i.cadre_id, name: i.cadre_name })));
  c.audit.about(`答复${row.parent_issuer}：${row.requester}（${items.length} 人）`);
  return (await findReplyRequest(c.trx, c.principal.tenantId, row.id))!;
}

/**
 * The asker returns an answered part (by the part's id) to the tenant below, with a reason, while the whole is not
 * issued. Returns the asking request.
 */
export async function returnReplyPart(c: CommandContext, input: { id: string; reason: string }): Promise<ReplyRequestRow> {
  const { trx, principal } = c;
  if (!c.ability.can('issue', 'ReplyRequest')) throw denied(c);
  const reason = input.reason.trim();
  if (!reason) throw badInput('请填写退回理由');
  const part = isUuid(input.id) ? await trx.selectFrom('reply_request as p').innerJoin('tenant as t', 't.id', 'p.tenant_id')
    .select(['p.tenant_id', 'p.id', 'p.parent_id', 't.name']).where('p.parent_tenant_id', '=', principal.tenantId).where('p.id', '=', input.id)
    .executeTakeFirst() : undefined;
  if (!part) throw notFound();
  const row = await requireDraft(c, 'issue', part.parent_id!);
  const current = await trx.selectFrom('reply_request').select('status').where('tenant_id', '=', part.tenant_id).where('id', '=', part.id)
    .forUpdate().executeTakeFirstOrThrow();
  if (current.status !== 'answered') throw badInput(`${part.name}尚未答复，无需退回`);
  await trx.updateTable('reply_request').set({
    status: 'draft', answered_by: null, answered_by_name: null, answered_at: null, returned_reason: reason,
    returned_by_name: principal.displayName, returned_at: sql`now()`, version: sql`version + 1`, updated_by_name: principal.displayName,
    updated_at: sql`now()`,
  }).where('tenant_id', '=', part.tenant_id).where('id', '=', part.id).execute();
  await bump(c, row.id);
  c.audit.about(`${row.requester}：退回${part.name}（${reason}）`);
  return (await findReplyRequest(trx, principal.tenantId, row.id))!;
}

/** Delete a request not yet issued. */
export async function deleteReplyRequest(c: CommandContext, input: { id: string }): Promise<boolean> {
  const row = await requireDraft(c, 'delete', input.id);
  if (row.parent_id) throw badInput(`${row.parent_issuer}转来的征求意见不能删除`);
  // Its parts go with it (no foreign key across tenants: migration 0031).
  await c.trx.deleteFrom('reply_request').where('parent_tenant_id', '=', c.principal.tenantId).where('parent_id', '=', row.id).execute();
  await c.trx.deleteFrom('reply_request').where('tenant_id', '=', c.principal.tenantId).where('id', '=', row.id).execute();
  return true;
}
