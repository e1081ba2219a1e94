// The rules and scheme in force for a tenant: inherited down the tenant tree, overridden per code, locked by an
// ancestor for its whole subtree (docs/warnings.md#inheritance). Rows of warning_rule / warning_scheme (migration 0024)
// override the built-in defaults of shared/warnings.ts, which are version 1 of every default code.
import { sql } from 'kysely';
import type { Tx } from '../../db/scope.js';
import {
  DEFAULT_RULES, DEFAULT_SCHEME, type RuleDefinition, type WarningLevel, type WarningScheme,
} from '../../../../../shared/warnings.js';

/** The scheme in force for a tenant, and where it comes from (null: the built-in default). */
export interface ResolvedScheme extends WarningScheme {
  version: number;
  ownerTenantId: string | null;
}

/** A rule in force for a tenant. `ownerTenantId` null: the built-in default (version 1). */
export interface EffectiveRule {
  code: string;
  version: number;
  name: string;
  kind: RuleDefinition['kind'];
  level: string | null;
  definition: RuleDefinition;
  enabled: boolean;
  /** Locked by its owner: no tenant below may override it. */
  locked: boolean;
  ownerTenantId: string | null;
  /** The row (null for a default). */
  id: string | null;
}

export interface TenantWarningConfig {
  tenantId: string;
  scheme: ResolvedScheme;
  /** Every rule in force, enabled or not, ordered by code. */
  rules: EffectiveRule[];
}

interface RuleRow {
  id: string; tenant_id: string; code: string; version: number; name: string; kind: string; level: string | null;
  definition: RuleDefinition; enabled: boolean; locked: boolean;
}

const defaultRules = (): Map<string, EffectiveRule> => new Map(DEFAULT_RULES.map((r) => [r.code, {
  code: r.code, version: 1, name: r.name, kind: r.definition.kind, level: r.level, definition: r.definition,
  enabled: r.enabled, locked: false, ownerTenantId: null, id: null,
}]));

/** Each tenant's lineage, root first (app_tenant_lineage: only tenants inside the caller's scope answer). */
export async function lineages(trx: Tx, tenantIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (!tenantIds.length) return out;
  const { rows } = await sql<{ tenant_id: string; id: string }>`
    select t.id as tenant_id, l.id from unnest(${[...tenantIds]}::uuid[]) as t(id)
      cross join lateral app_tenant_lineage(t.id) as l order by t.id, l.depth`.execute(trx);
  for (const r of rows) {
    const list = out.get(r.tenant_id) ?? [];
    list.push(r.id);
    out.set(r.tenant_id, list);
  }
  return out;
}

/** The rules and scheme in force for each of the tenants (those outside the caller's scope are left out). */
export async function warningConfigs(trx: Tx, tenantIds: readonly string[]): Promise<Map<string, TenantWarningConfig>> {
  const lines = await lineages(trx, tenantIds);
  const all = [...new Set([...lines.values()].flat())];
  const out = new Map<string, TenantWarningConfig>();
  if (!all.length) return out;
  const [ruleRows, schemeRows] = await Promise.all([
    trx.selectFrom('warning_rule')
      .select(['id', 'tenant_id', 'code', 'version', 'name', 'kind', 'level', 'definition', 'enabled', 'locked'])
      .where('tenant_id', 'in', all).where('superseded_at', 'is', null).execute() as Promise<RuleRow[]>,
    trx.selectFrom('warning_scheme').select(['tenant_id', 'version', 'levels', 'influence', 'dispositions'])
      .where('tenant_id', 'in', all).where('superseded_at', 'is', null).execute(),
  ]);
  const rulesByTenant = new Map<string, RuleRow[]>();
  for (const r of ruleRows) rulesByTenant.set(r.tenant_id, [...(rulesByTenant.get(r.tenant_id) ?? []), r]);
  const schemeByTenant = new Map(schemeRows.map((s) => [s.tenant_id, s]));

  for (const [tenantId, line] of lines) {
    const rules = defaultRules();
    let scheme: ResolvedScheme = { ...DEFAULT_SCHEME, version: 1, ownerTenantId: null };
    for (const t of line) {
      for (const row of rulesByTenant.get(t) ?? []) {
        if (rules.get(row.code)?.locked) continue; // an ancestor locked it: its version stands for the subtree
        rules.set(row.code, {
          code: row.code, version: row.version, name: row.name, kind: row.kind as RuleDefinition['kind'], level: row.level,
          definition: row.definition, enabled: row.enabled, locked: row.locked, ownerTenantId: t, id: row.id,
        });
      }
      const s = schemeByTenant.get(t);
      if (s) {
        scheme = {
          levels: s.levels as unknown as WarningScheme['levels'], influence: s.influence as unknown as WarningScheme['influence'],
          dispositions: s.dispositions as unknown as WarningScheme['dispositions'], version: s.version, ownerTenantId: t,
        };
      }
    }
    out.set(tenantId, { tenantId, scheme, rules: [...rules.values()].sort((a, b) => a.code.localeCompare(b.code)) });
  }
  return out;
}

/** The level of a scheme by code, or undefined (a rule naming a level the tenant's scheme lacks raises nothing). */
export const levelOf = (scheme: WarningScheme, code: string | null): WarningLevel | undefined =>
  code == null ? undefined : scheme.levels.find((l) => l.code === code);

/**
 * Evaluation groups: tenants sharing one enabled rule version and one scheme version are evaluated by one set-based
 * statement per rule (modules/warnings/evaluators), whatever the number of tenants.
 */
export interface EvaluationGroup { rule: EffectiveRule; scheme: ResolvedScheme; tenantIds: string[] }

export function evaluationGroups(configs: Map<string, TenantWarningConfig>): EvaluationGroup[] {
  const groups = new Map<string, EvaluationGroup>();
  for (const cfg of configs.values()) {
    for (const rule of cfg.rules) {
      if (!rule.enabled) continue;
      const key = `${rule.code}|${rule.version}|${rule.ownerTenantId ?? ''}|${cfg.scheme.version}|${cfg.scheme.ownerTenantId ?? ''}`;
      const g = groups.get(key);
      if (g) g.tenantIds.push(cfg.tenantId);
      else groups.set(key, { rule, scheme: cfg.scheme, tenantIds: [cfg.tenantId] });
    }
  }
  return [...groups.values()];
}
