// Rebuild warning hits (docs/warnings.md#evaluation): delete the scope's hits, then one INSERT … SELECT per enabled rule
// and evaluation group. Runs inside the caller's transaction: a record change recomputes its cadre in the same request,
// a rule change its tenants' subtree, `make bench` the whole population.
import type { FastifyInstance } from 'fastify';
import { sql, type Kysely } from 'kysely';
import { appendSystemAudit } from '../../audit/index.js';
import { withScope, type Tx } from '../../db/scope.js';
import type { DB } from '../../db/types.js';
import { EVALUATORS } from './evaluators/index.js';
import { evaluationGroups, warningConfigs, type TenantWarningConfig } from './resolve.js';

export interface RecomputeScope {
  tenantIds: readonly string[];
  /** Only these cadres (null or absent: every cadre of the tenants). */
  cadreIds?: readonly string[] | null;
}

/**
 * Recompute the hits of the scope. `configs` replaces the rules in force (a preview evaluates a candidate rule set inside
 * a savepoint); by default they are resolved from the tables.
 */
export async function recomputeWarnings(trx: Tx, scope: RecomputeScope, configs?: Map<string, TenantWarningConfig>): Promise<void> {
  if (!scope.tenantIds.length || scope.cadreIds?.length === 0) return;
  const cfg = configs ?? await warningConfigs(trx, scope.tenantIds);
  const tenantIds = [...scope.tenantIds].filter((t) => cfg.has(t));
  if (!tenantIds.length) return;
  const cadreIds = scope.cadreIds ? [...scope.cadreIds] : null;
  let del = trx.deleteFrom('warning_hit').where('tenant_id', 'in', tenantIds);
  if (cadreIds) del = del.where('cadre_id', 'in', cadreIds);
  await del.execute();
  const wanted = new Set(tenantIds);
  for (const group of evaluationGroups(cfg)) {
    const ids = group.tenantIds.filter((t) => wanted.has(t));
    if (!ids.length) continue;
    const evaluate = EVALUATORS[group.rule.kind];
    if (!evaluate) throw new Error(`no evaluator for warning rule kind ${group.rule.kind}`);
    await evaluate(trx, group, { tenantIds: ids, cadreIds });
  }
}

/** Recompute one tenant's cadres (a record or cadre change, in the request's transaction). */
export function recomputeCadreWarnings(trx: Tx, tenantId: string, cadreIds: readonly string[]): Promise<void> {
  return recomputeWarnings(trx, { tenantIds: [tenantId], cadreIds });
}

/** The tenants and every tenant beneath them that the caller's scope shows (RLS), parents before children. */
export async function subtreeTenantIds(trx: Tx, tenantIds: readonly string[]): Promise<string[]> {
  if (!tenantIds.length) return [];
  const { rows } = await sql<{ id: string }>`
    select t.id from tenant t where exists (select 1 from tenant p where p.id = any (${[...tenantIds]}::uuid[]) and t.path <@ p.path)
     order by t.path`.execute(trx);
  return rows.map((r) => r.id);
}

/**
 * Recompute every cadre of the tenants and of their subtrees (those inside the caller's scope), unconditionally.
 * Returns the tenants recomputed. (A rule or scheme change recomputes only the tenants whose rules in force it changed:
 * `recomputeChangedTenants` below.)
 */
export async function recomputeTenantWarnings(trx: Tx, tenantIds: readonly string[]): Promise<string[]> {
  const ids = await subtreeTenantIds(trx, tenantIds);
  await recomputeWarnings(trx, { tenantIds: ids });
  return ids;
}

/** What a tenant's hits depend on: the rule versions in force (owner, enabled) and the scheme version. */
export function configSignature(cfg: TenantWarningConfig | undefined): string {
  return cfg ? [
    ...cfg.rules.map((r) => `${r.code}:${r.version}:${r.ownerTenantId ?? ''}:${r.enabled}`),
    `scheme:${cfg.scheme.version}:${cfg.scheme.ownerTenantId ?? ''}`,
  ].join('|') : '';
}

/** A subtree's tenants (parents first) and the rules and scheme in force for each, as the transaction sees them now. */
export interface SubtreeConfigs { tenantIds: string[]; configs: Map<string, TenantWarningConfig> }

export async function subtreeConfigs(trx: Tx, tenantIds: readonly string[]): Promise<SubtreeConfigs> {
  const ids = await subtreeTenantIds(trx, tenantIds);
  return { tenantIds: ids, configs: await warningConfigs(trx, ids) };
}

/** The tenants of `before` whose rules or scheme in force differ in `after` (same subtree, resolved again). */
export function changedTenants(before: SubtreeConfigs, after: Map<string, TenantWarningConfig>): string[] {
  return before.tenantIds.filter((id) => configSignature(before.configs.get(id)) !== configSignature(after.get(id)));
}

/**
 * Run `change` (a write of rules or a scheme at these tenants; it is handed the configuration before), then recompute
 * exactly the tenants of their subtrees whose rules or scheme in force it changed: a descendant with its own override,
 * or shielded by an ancestor's lock, keeps its hits. Returns what the change returned and the tenants recomputed.
 * (docs/warnings.md#when-hits-are-recomputed)
 */
export async function recomputeChangedTenants<T>(
  trx: Tx, tenantIds: readonly string[], change: (before: SubtreeConfigs) => Promise<T>,
): Promise<{ result: T; recomputed: string[] }> {
  const before = await subtreeConfigs(trx, tenantIds);
  const result = await change(before);
  const after = await warningConfigs(trx, before.tenantIds);
  const recomputed = changedTenants(before, after);
  if (recomputed.length) await recomputeWarnings(trx, { tenantIds: recomputed }, after);
  return { result, recomputed };
}

/**
 * At the server's start (docs/warnings.md#recompute-at-start): every root tenant whose hits are older than the last
 * migration (or that has none) is recomputed whole, in its own scope and transaction, and logged as the system's work.
 * Hits never go stale by the clock (they are intervals); only a migration that changes records, codes or the engine
 * can leave them behind. Returns the root paths recomputed.
 */
export async function recomputeStaleWarnings(db: Kysely<DB>): Promise<string[]> {
  const roots = await withScope(db, null, async (trx) =>
    (await sql<{ path: string; migrated_at: Date | string | null }>`select path, migrated_at from app_root_tenants()`.execute(trx)).rows);
  const done: string[] = [];
  for (const root of roots) {
    const recomputed = await withScope(db, root.path, async (trx) => {
      const { rows } = await sql<{ n: number; at: Date | string | null }>`
        select count(*)::int as n, max(computed_at) as at from warning_hit`.execute(trx);
      const before = Number(rows[0]?.n ?? 0);
      const at = rows[0]?.at ? new Date(rows[0].at).getTime() : -Infinity;
      const migrated = root.migrated_at ? new Date(root.migrated_at).getTime() : -Infinity;
      if (before > 0 && at >= migrated) return false;
      // A whole tree in one transaction: no statement limit meant for requests.
      await sql`set local statement_timeout = 0`.execute(trx);
      const tenants = (await trx.selectFrom('tenant').select('id').execute()).map((t) => t.id);
      await recomputeWarnings(trx, { tenantIds: tenants });
      const after = Number((await sql<{ n: number }>`select count(*)::int as n from warning_hit`.execute(trx)).rows[0]?.n ?? 0);
      if (before || after) {
        await appendSystemAudit(trx, {
          operation: '重算廉情预警', summary: `系统在迁移后重算廉情预警：${tenants.length} 个机构，预警 ${after} 条`,
          detail: { root: root.path, tenants: tenants.length, hitsBefore: before, hitsAfter: after },
        });
      }
      return true;
    });
    if (recomputed) done.push(root.path);
  }
  return done;
}

/** Run recomputeStaleWarnings once the app is ready, in the background; the app's close waits for it. */
export function startWarningRecompute(app: FastifyInstance, db: Kysely<DB>): void {
  let running: Promise<unknown> = Promise.resolve();
  app.addHook('onReady', async () => {
    running = recomputeStaleWarnings(db)
      .then((roots) => { if (roots.length) app.log.info({ roots }, 'warning hits recomputed at start'); })
      .catch((e: unknown) => app.log.error({ err: e }, 'warning recompute at start failed'));
  });
  app.addHook('onClose', async () => { await running; });
}
