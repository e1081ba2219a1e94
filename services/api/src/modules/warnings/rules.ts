// The warning-rule commands (docs/warning-rules.md): edit a rule as a new version, lock or unlock it for the subtree,
// drop an override (inherit again), change the colour scheme, and preview what an edit would do. The rules: who may
// (admins and officers of the tenant or an ancestor; leaders read), which tenant (the caller's or below, else it looks
// missing), a rule locked above cannot change below, every version keeps who and when, and every change recomputes
// the hits of the tenants whose rules in force it changed — in the same request. GraphQL (rules-schema.ts) is thin.
import { sql } from 'kysely';
import { badInput } from '../../graphql/context.js';
import { isUniqueViolation } from '../../db/errors.js';
import type { Tx } from '../../db/scope.js';
import { denied, type CommandContext } from '../command.js';
import { findTenantByCode, type TenantRow } from '../tenants/repo.js';
import { beijingTime } from '../../util/time.js';
import { changedTenants, recomputeChangedTenants, recomputeWarnings, subtreeConfigs, type SubtreeConfigs } from './recompute.js';
import { EVALUATORS } from './evaluators/index.js';
import { lineages, warningConfigs, type EffectiveRule, type ResolvedScheme, type TenantWarningConfig } from './resolve.js';
import {
  missingLevels, parseDefinitionText, ruleKind, schemeLevel, validateDefinition, validateScheme, type SchemeInput,
} from './definition.js';
import { RULE_CODE_RE, RULE_KIND_LABELS, type RuleDefinition, type WarningLevel } from '../../../../../shared/warnings.js';

export const NO_TENANT = '机构不存在或不在管理范围内';
export const RULE_LOCKED = '该规则已被上级机构锁定，不能修改';
export const NO_RULE = '该预警规则不存在';
const CONCURRENT = '该规则刚被他人修改，请刷新后重试';

export type RuleAction = 'update' | 'lock' | 'unlock' | 'reset';
export const RULE_ACTION_LABELS: Record<RuleAction, string> = { update: '修改', lock: '锁定', unlock: '解锁', reset: '恢复继承' };

/** Where a rule in force comes from, as the console says it. */
export type RuleSource = 'own' | 'inherited' | 'default';

export interface RuleView extends EffectiveRule {
  tenant: TenantRow;
  source: RuleSource;
  /** The owner's code and name (null for a built-in default). */
  owner: { id: string; code: string; name: string } | null;
  /** An ancestor locked it: nobody here may change it. */
  lockedAbove: boolean;
  /** The tenant's scheme (names the rule's level). */
  scheme: ResolvedScheme;
}

// ---------- Access ----------

/** Role-level right (a refusal is a denial on the audit row). */
function requireRole(c: CommandContext, action: 'read' | 'update') {
  if (!c.ability.can(action, 'WarningRule')) throw denied(c);
}

/** The tenant a rule command concerns: the caller's or one below it; anything else answers as missing. */
export async function ruleTenant(c: CommandContext, action: 'read' | 'update', tenantCode: string): Promise<TenantRow> {
  requireRole(c, action);
  const tn = await findTenantByCode(c.trx, tenantCode.trim());
  if (!tn) throw badInput(NO_TENANT);
  c.audit.target('Tenant', tn.id, tn.name);
  return tn;
}

/** The caller's tenant, its visible subtree (ids) and the names of its ancestors (for 「继承自 …」). */
async function ancestorNames(trx: Tx): Promise<Map<string, { id: string; code: string; name: string }>> {
  const { rows } = await sql<{ id: string; code: string; name: string }>`select id, code, name from app_ancestor_tenant_names()`.execute(trx);
  return new Map(rows.map((r) => [r.id, r]));
}

async function tenantNames(trx: Tx, ids: string[]): Promise<Map<string, { id: string; code: string; name: string }>> {
  const out = await ancestorNames(trx);
  const rest = ids.filter((id) => !out.has(id));
  if (rest.length) {
    for (const r of await trx.selectFrom('tenant').select(['id', 'code', 'name']).where('id', 'in', rest).execute()) out.set(r.id, r);
  }
  return out;
}

async function configOf(trx: Tx, tenantId: string): Promise<TenantWarningConfig> {
  const cfg = (await warningConfigs(trx, [tenantId])).get(tenantId);
  if (!cfg) throw badInput(NO_TENANT);
  return cfg;
}

function views(tn: TenantRow, cfg: TenantWarningConfig, rules: EffectiveRule[], names: Map<string, { id: string; code: string; name: string }>): RuleView[] {
  return rules.map((r) => ({
    ...r, tenant: tn, scheme: cfg.scheme,
    source: r.ownerTenantId === null ? 'default' : r.ownerTenantId === tn.id ? 'own' : 'inherited',
    owner: r.ownerTenantId ? names.get(r.ownerTenantId) ?? { id: r.ownerTenantId, code: '', name: '上级机构' } : null,
    lockedAbove: r.locked && r.ownerTenantId !== null && r.ownerTenantId !== tn.id,
  }));
}

// ---------- Reads ----------

/** The rules in force for a tenant, with where each comes from. */
export async function listWarningRules(c: CommandContext, tenantCode: string): Promise<RuleView[]> {
  const tn = await ruleTenant(c, 'read', tenantCode);
  const cfg = await configOf(c.trx, tn.id);
  const names = await tenantNames(c.trx, [...new Set(cfg.rules.map((r) => r.ownerTenantId).filter((x): x is string => !!x))]);
  return views(tn, cfg, cfg.rules, names);
}

export interface SchemeView extends ResolvedScheme {
  tenant: TenantRow;
  source: RuleSource;
  owner: { id: string; code: string; name: string } | null;
}

export async function getWarningScheme(c: CommandContext, tenantCode: string): Promise<SchemeView> {
  const tn = await ruleTenant(c, 'read', tenantCode);
  const cfg = await configOf(c.trx, tn.id);
  const s = cfg.scheme;
  const names = s.ownerTenantId ? await tenantNames(c.trx, [s.ownerTenantId]) : new Map();
  return {
    ...s, tenant: tn, source: s.ownerTenantId === null ? 'default' : s.ownerTenantId === tn.id ? 'own' : 'inherited',
    owner: s.ownerTenantId ? names.get(s.ownerTenantId) ?? null : null,
  };
}

export interface RuleVersionRow {
  id: string; tenant_id: string; code: string; version: number; name: string; kind: string; level: string | null;
  definition: RuleDefinition; enabled: boolean; locked: boolean; note: string | null; action: RuleAction;
  created_by_name: string; created_at: Date; superseded_at: Date | null;
  tenant: { id: string; code: string; name: string };
}

/**
 * A rule's versions along the tenant's line (its own and its ancestors' rows of the code, newest first), with the
 * built-in default as version 1 when the code is a default. What a county inherited and what it changed, in one list.
 */
export async function warningRuleHistory(c: CommandContext, tenantCode: string, code: string): Promise<RuleVersionRow[]> {
  const tn = await ruleTenant(c, 'read', tenantCode);
  const line = (await lineages(c.trx, [tn.id])).get(tn.id) ?? [tn.id];
  const names = await tenantNames(c.trx, line);
  const rows = await c.trx.selectFrom('warning_rule')
    .select(['id', 'tenant_id', 'code', 'version', 'name', 'kind', 'level', 'definition', 'enabled', 'locked', 'note', 'action',
      'created_by_name', 'created_at', 'superseded_at'])
    .where('tenant_id', 'in', line).where('code', '=', code.trim().toUpperCase())
    .orderBy('created_at', 'desc').orderBy('version', 'desc').execute();
  return rows.map((r) => ({ ...(r as unknown as Omit<RuleVersionRow, 'tenant'>), tenant: names.get(r.tenant_id)! }));
}

// ---------- Writes ----------

export interface RuleInput {
  code: string;
  name: string;
  /** Level code or name (红); ignored for a score rule. */
  level?: string | null;
  /** Rule kind code or label. */
  kind: string;
  /** The definition as JSON text. */
  definition: string;
  enabled?: boolean | null;
  note?: string | null;
}

interface Candidate {
  code: string; name: string; level: string | null; kind: RuleDefinition['kind']; definition: RuleDefinition; enabled: boolean;
  note: string | null;
}

/** The input checked against the tenant's scheme; nothing is written. */
function candidate(input: RuleInput, scheme: ResolvedScheme): Candidate {
  const code = input.code.trim().toUpperCase();
  if (!RULE_CODE_RE.test(code)) throw badInput('规则代码须为大写字母开头的 2–32 位大写字母、数字或连字符（-）');
  const name = input.name.trim();
  if (!name || name.length > 100) throw badInput('规则名称须为 1–100 个字');
  const note = input.note?.trim() || null;
  if (note && note.length > 500) throw badInput('修改说明最长 500 个字');
  const kind = ruleKind(input.kind);
  const definition = validateDefinition(kind, parseDefinitionText(input.definition), scheme);
  const level = kind === 'score' ? null : schemeLevel(scheme, input.level);
  const enabled = input.enabled ?? true;
  // Saved enabled, a rule is evaluated in this very request: a kind the engine cannot evaluate yet may only be kept disabled.
  if (enabled && !EVALUATORS[kind]) throw badInput(`「${RULE_KIND_LABELS[kind]}」类规则暂不能启用（系统尚不能计算此类规则），请保存为停用`);
  return { code, name, level, kind, definition, enabled, note };
}

/**
 * The next version number of a code at a tenant: above what is in force there and above every version of the code
 * written at the tenant or below it, so that along any line of the tree a version number names one definition.
 */
async function nextVersion(trx: Tx, tn: TenantRow, code: string, effective: EffectiveRule | undefined): Promise<number> {
  const below = await trx.selectFrom('warning_rule').select(sql<number | null>`max(version)`.as('v')).where('code', '=', code)
    .where('tenant_id', 'in', (eb) => eb.selectFrom('tenant').select('id').where(sql<boolean>`path <@ ${tn.path}::ltree`))
    .executeTakeFirst();
  return Math.max(effective?.version ?? 0, Number(below?.v ?? 0)) + 1;
}

/**
 * Run a change of the tenant's rules or scheme, then recompute the hits of every tenant of its subtree whose rules in
 * force it changed (recompute.ts recomputeChangedTenants; those that override or are shielded by a lock keep theirs).
 */
async function changeAndRecompute<T>(c: CommandContext, tn: TenantRow, change: (before: SubtreeConfigs) => Promise<T>): Promise<T> {
  const { result, recomputed } = await recomputeChangedTenants(c.trx, [tn.id], async (before) => {
    try {
      return await change(before);
    } catch (e) {
      if (isUniqueViolation(e)) throw badInput(CONCURRENT);
      throw e;
    }
  });
  c.audit.about(`重新计算 ${recomputed.length} 个机构的预警`);
  return result;
}

async function supersede(trx: Tx, tenantId: string, code: string) {
  await trx.updateTable('warning_rule').set({ superseded_at: sql`now()` })
    .where('tenant_id', '=', tenantId).where('code', '=', code).where('superseded_at', 'is', null).execute();
}

async function insertVersion(c: CommandContext, tenantId: string, row: Candidate & { version: number; locked: boolean; action: RuleAction }) {
  await c.trx.insertInto('warning_rule').values({
    tenant_id: tenantId, code: row.code, version: row.version, name: row.name, kind: row.kind, level: row.level,
    definition: JSON.stringify(row.definition), enabled: row.enabled, locked: row.locked, note: row.note, action: row.action,
    created_by: c.principal.userId, created_by_name: c.principal.displayName,
    ...(row.action === 'reset' ? { superseded_at: sql`now()` } : {}),
  }).execute();
}

/** The rule of a code as the tenant now has it in force. */
async function ruleView(c: CommandContext, tn: TenantRow, code: string): Promise<RuleView> {
  const cfg = await configOf(c.trx, tn.id);
  const rule = cfg.rules.find((r) => r.code === code);
  if (!rule) throw badInput(NO_RULE);
  const names = await tenantNames(c.trx, rule.ownerTenantId ? [rule.ownerTenantId] : []);
  return views(tn, cfg, [rule], names)[0];
}

/** Write the candidate as the tenant's new version of its code (the write shared by upsert and preview). */
async function writeRule(c: CommandContext, tn: TenantRow, input: RuleInput): Promise<Candidate> {
  const cfg = await configOf(c.trx, tn.id);
  const code = input.code.trim().toUpperCase();
  const effective = cfg.rules.find((r) => r.code === code);
  if (effective?.locked && effective.ownerTenantId !== tn.id) throw badInput(RULE_LOCKED);
  const cand = candidate(input, cfg.scheme);
  const version = await nextVersion(c.trx, tn, code, effective);
  await supersede(c.trx, tn.id, code);
  await insertVersion(c, tn.id, { ...cand, version, locked: effective?.ownerTenantId === tn.id ? effective.locked : false, action: 'update' });
  return cand;
}

/** Add or change a rule at a tenant: a new version that supersedes the tenant's current one. */
export async function upsertWarningRule(c: CommandContext, tenantCode: string, input: RuleInput): Promise<RuleView> {
  const tn = await ruleTenant(c, 'update', tenantCode);
  const code = input.code.trim().toUpperCase();
  c.audit.about(`预警规则「${input.name.trim().slice(0, 40)}」`);
  await changeAndRecompute(c, tn, () => writeRule(c, tn, input));
  return ruleView(c, tn, code);
}

/**
 * Lock (or unlock) a rule for the tenant's whole subtree. The rule in force is materialised as the tenant's own new
 * version with the flag changed; locking what the tenant already locked (or unlocking what it does not own locked)
 * changes nothing.
 */
export async function lockWarningRule(c: CommandContext, tenantCode: string, code: string, locked: boolean): Promise<RuleView> {
  const tn = await ruleTenant(c, 'update', tenantCode);
  const key = code.trim().toUpperCase();
  await changeAndRecompute(c, tn, async () => {
    const cfg = await configOf(c.trx, tn.id);
    const effective = cfg.rules.find((r) => r.code === key);
    if (!effective) throw badInput(NO_RULE);
    c.audit.about(`预警规则「${effective.name.slice(0, 40)}」`);
    if (effective.locked && effective.ownerTenantId !== tn.id) throw badInput(RULE_LOCKED);
    if (effective.locked === locked) return;
    const version = await nextVersion(c.trx, tn, key, effective);
    await supersede(c.trx, tn.id, key);
    await insertVersion(c, tn.id, {
      code: key, name: effective.name, level: effective.level, kind: effective.kind, definition: effective.definition,
      enabled: effective.enabled, note: null, version, locked, action: locked ? 'lock' : 'unlock',
    });
  });
  return ruleView(c, tn, key);
}

/**
 * Drop the tenant's override of a code: it inherits again (from an ancestor, else the built-in default). Kept as a
 * version of its own (action reset, superseded at once) so the history says who did it and when. A rule that exists
 * only at this tenant is removed by this. Returns the rule now in force, or null when none remains.
 */
export async function resetWarningRule(c: CommandContext, tenantCode: string, code: string): Promise<RuleView | null> {
  const tn = await ruleTenant(c, 'update', tenantCode);
  const key = code.trim().toUpperCase();
  await changeAndRecompute(c, tn, async () => {
    const cfg = await configOf(c.trx, tn.id);
    const effective = cfg.rules.find((r) => r.code === key);
    if (effective) c.audit.about(`预警规则「${effective.name.slice(0, 40)}」`);
    if (effective?.locked && effective.ownerTenantId !== tn.id) throw badInput(RULE_LOCKED);
    const own = await c.trx.selectFrom('warning_rule').select(['name', 'kind', 'level', 'definition', 'enabled', 'locked'])
      .where('tenant_id', '=', tn.id).where('code', '=', key).where('superseded_at', 'is', null).executeTakeFirst();
    if (!own) throw badInput('本机构没有修改过该规则，无需恢复继承');
    const version = await nextVersion(c.trx, tn, key, effective);
    await supersede(c.trx, tn.id, key);
    await insertVersion(c, tn.id, {
      code: key, name: own.name, level: own.level, kind: own.kind as RuleDefinition['kind'], definition: own.definition as unknown as RuleDefinition,
      enabled: own.enabled, note: null, version, locked: false, action: 'reset',
    });
  });
  const cfg = await configOf(c.trx, tn.id);
  return cfg.rules.some((r) => r.code === key) ? ruleView(c, tn, key) : null;
}

/**
 * Set the tenant's colour scheme (levels, default influence periods, dispositions) as a new version. Refused when a
 * rule in force here, or at a tenant below that would inherit the scheme, names a level the new scheme lacks.
 */
export async function updateWarningScheme(c: CommandContext, tenantCode: string, input: SchemeInput): Promise<SchemeView> {
  const tn = await ruleTenant(c, 'update', tenantCode);
  c.audit.about('预警颜色方案');
  const scheme = validateScheme(input);
  await changeAndRecompute(c, tn, async ({ configs }) => {
    const current = configs.get(tn.id)!;
    // The tenants that take the new scheme: this one and those below whose scheme comes from here or above.
    const heirs = [...configs.values()].filter((cfg) => cfg.tenantId === tn.id || cfg.scheme.ownerTenantId === current.scheme.ownerTenantId);
    const missing = [...new Set(heirs.flatMap((cfg) => missingLevels(cfg.rules, scheme)))];
    if (missing.length) throw badInput(`以下规则使用的预警等级不在新的颜色方案中，请先修改规则：${missing.slice(0, 5).join('、')}${missing.length > 5 ? ' 等' : ''}`);
    const own = await c.trx.selectFrom('warning_scheme').select(sql<number | null>`max(version)`.as('v')).where('tenant_id', '=', tn.id).executeTakeFirst();
    const version = Math.max(current.scheme.version, Number(own?.v ?? 0)) + 1;
    await c.trx.updateTable('warning_scheme').set({ superseded_at: sql`now()` }).where('tenant_id', '=', tn.id).where('superseded_at', 'is', null).execute();
    await c.trx.insertInto('warning_scheme').values({
      tenant_id: tn.id, version, levels: JSON.stringify(scheme.levels), influence: JSON.stringify(scheme.influence),
      dispositions: JSON.stringify(scheme.dispositions), created_by: c.principal.userId, created_by_name: c.principal.displayName,
    }).execute();
  });
  return getWarningScheme(c, tenantCode);
}

// ---------- Preview ----------

export interface PreviewBucket { level: WarningLevel; count: number }
export interface PreviewMove { from: WarningLevel | null; to: WarningLevel | null; count: number }
export interface RulePreview {
  asOf: string;
  before: PreviewBucket[];
  after: PreviewBucket[];
  /** Cadres whose colour would change. */
  changed: number;
  moves: PreviewMove[];
  /** 「此修改将使 12 人变为橙色、3 人不再预警」 */
  summary: string;
  /** Tenants whose rules in force the change touches. */
  tenantCount: number;
}

/** Each cadre's highest level on a date, over the tenants (from the hits as they are in the transaction). */
async function coloursOn(trx: Tx, tenantIds: string[], asOf: string): Promise<Map<string, { level: string; rank: number }>> {
  if (!tenantIds.length) return new Map();
  const { rows } = await sql<{ cadre_id: string; level: string; rank: number }>`
    select distinct on (h.cadre_id) h.cadre_id, h.level, h.level_rank as rank from warning_hit h
     where h.tenant_id = any(${tenantIds}::uuid[]) and h.starts_on <= ${asOf}::date and (h.ends_on is null or h.ends_on > ${asOf}::date)
     order by h.cadre_id, h.level_rank desc, h.level`.execute(trx);
  return new Map(rows.map((r) => [r.cadre_id, { level: r.level, rank: Number(r.rank) }]));
}

/**
 * What saving the input would do, as of a date (default today, Beijing time): the cadres of the tenant's subtree by
 * colour before and after, and how many change. The candidate is written and evaluated inside a savepoint that is
 * rolled back: nothing of it stays, whatever happens.
 */
export async function previewWarningRule(c: CommandContext, tenantCode: string, input: RuleInput, asOf?: string | null): Promise<RulePreview> {
  const tn = await ruleTenant(c, 'update', tenantCode);
  const date = asOf ?? beijingTime(new Date()).slice(0, 10);
  const before = await subtreeConfigs(c.trx, [tn.id]);
  await sql`savepoint warning_rule_preview`.execute(c.trx);
  try {
    await writeRule(c, tn, input);
    const after = await warningConfigs(c.trx, before.tenantIds);
    const touched = changedTenants(before, after);
    // Before: the hits as the rules in force give them (recomputed, so stale or missing hits do not skew the count).
    await recomputeWarnings(c.trx, { tenantIds: touched }, before.configs);
    const was = await coloursOn(c.trx, touched, date);
    await recomputeWarnings(c.trx, { tenantIds: touched }, after);
    const now = await coloursOn(c.trx, touched, date);
    const levels = new Map<string, WarningLevel>();
    for (const cfg of [...before.configs.values(), ...after.values()]) for (const l of cfg.scheme.levels) if (!levels.has(l.code)) levels.set(l.code, l);
    // The tenant's own scheme names the colours it shows.
    for (const l of after.get(tn.id)!.scheme.levels) levels.set(l.code, l);
    const level = (code: string) => levels.get(code) ?? { code, name: code, rank: 0, hex: '#8c8c8c' };
    const buckets = (m: Map<string, { level: string }>): PreviewBucket[] => {
      const n = new Map<string, number>();
      for (const v of m.values()) n.set(v.level, (n.get(v.level) ?? 0) + 1);
      return [...n.entries()].map(([code, count]) => ({ level: level(code), count })).sort((a, b) => b.level.rank - a.level.rank);
    };
    const moves = new Map<string, PreviewMove>();
    for (const id of new Set([...was.keys(), ...now.keys()])) {
      const a = was.get(id)?.level ?? null, b = now.get(id)?.level ?? null;
      if (a === b) continue;
      const key = `${a}>${b}`;
      const m = moves.get(key) ?? { from: a ? level(a) : null, to: b ? level(b) : null, count: 0 };
      m.count++;
      moves.set(key, m);
    }
    const moveList = [...moves.values()].sort((x, y) => (y.to?.rank ?? -1) - (x.to?.rank ?? -1) || y.count - x.count);
    const changed = moveList.reduce((s, m) => s + m.count, 0);
    const into = new Map<string, number>();
    for (const m of moveList) {
      const k = m.to ? `变为${m.to.name.endsWith('色') ? m.to.name : `${m.to.name}色`}` : '不再预警';
      into.set(k, (into.get(k) ?? 0) + m.count);
    }
    const summary = changed
      ? `此修改将使 ${[...into.entries()].map(([k, n]) => `${n} 人${k}`).join('、')}`
      : '此修改不会改变任何人的预警颜色';
    return { asOf: date, before: buckets(was), after: buckets(now), changed, moves: moveList, summary, tenantCount: touched.length };
  } catch (e) {
    if (isUniqueViolation(e)) throw badInput(CONCURRENT);
    throw e;
  } finally {
    await sql`rollback to savepoint warning_rule_preview`.execute(c.trx);
    await sql`release savepoint warning_rule_preview`.execute(c.trx);
  }
}
