// Per-request batching of the sub-resolvers lists use (cadre rows, units, records): a list of N objects costs one
// query per field, not N. Loaders live as long as the request's context (a WeakMap keyed by it), read through the
// request's scoped transaction (RLS applies as to any other query), and cache within the request only.
import DataLoader from 'dataloader';
import { sql } from 'kysely';
import type { Ctx } from './context.js';
import { session } from './context.js';
import type { Tx } from '../db/scope.js';
import type { TenantRow } from '../modules/tenants/repo.js';
import { effectiveStatusSql } from '../modules/tenants/repo.js';
import type { AppointmentRow, CadreRevisionRow, FamilyRow, ResumeRow } from '../modules/cadres/rows.js';
import { unitsByIds, type UnitRow } from '../modules/units/repo.js';
import { listMaterials, listRecords, type MaterialRow, type RecordFilter, type RecordRow, type RevisionRow } from '../modules/records/repo.js';
import { activeHits, influencePeriods, type HitRow, type InfluenceRow } from '../modules/warnings/read.js';
import { warningConfigs, type TenantWarningConfig } from '../modules/warnings/resolve.js';

/** Rows grouped by a key column, in the order of `keys` (missing keys: empty lists). */
function groupBy<T, K extends keyof T>(keys: readonly string[], rows: T[], key: K): T[][] {
  const m = new Map<string, T[]>(keys.map((k) => [k, []]));
  for (const r of rows) m.get(String(r[key]))?.push(r);
  return keys.map((k) => m.get(k)!);
}

/** Batches loads made in the same tick; no cache, so a mutation earlier in the operation is never hidden. */
const batch = <V>(fn: (ids: readonly string[]) => Promise<V[]>) => new DataLoader<string, V>(fn, { cache: false });

/** Records per cadre, at most 500 each (as one cadre's list), for one filter (category, deleted, reach). */
const RECORDS_PER_CADRE = 500;

/** A cadre as the warning loaders key it: `<tenant id>|<cadre id>` (the hit index leads with tenant_id). */
export const cadreKeyOf = (c: { tenant_id: string; id: string }) => `${c.tenant_id}|${c.id}`;
const splitKey = (k: string) => { const [tenantId, cadreId] = k.split('|'); return { tenantId, cadreId }; };

function create(trx: Tx) {
  const recordLists = new Map<string, DataLoader<string, RecordRow[]>>();
  const recordSets = new Map<string, DataLoader<string, RecordRow | null>>();
  const hitsOn = new Map<string, DataLoader<string, HitRow[]>>();
  const warningConfig = batch<TenantWarningConfig | null>(async (ids) => {
    const m = await warningConfigs(trx, [...new Set(ids)]);
    return ids.map((id) => m.get(id) ?? null);
  });
  return {
    /** Records by id (a warning's or an influence period's), for one reach. */
    recordById(f: Pick<RecordFilter, 'reach'>) {
      const key = JSON.stringify(f);
      let l = recordSets.get(key);
      if (!l) {
        l = batch<RecordRow | null>(async (ids) => {
          const byId = new Map((await listRecords(trx, { ...f, ids: [...new Set(ids)] }, ids.length)).map((r) => [r.id, r]));
          return ids.map((id) => byId.get(id) ?? null);
        });
        recordSets.set(key, l);
      }
      return l;
    },
    /** The warning rules and scheme in force for a tenant (modules/warnings/resolve.ts). */
    warningConfig,
    /** Warning hits active on a date, per cadre (cadreKeyOf), most severe first. */
    warningHits(asOf: string) {
      let l = hitsOn.get(asOf);
      if (!l) {
        l = batch<HitRow[]>(async (keys) => {
          const hits = await activeHits(trx, [...new Set(keys)].map(splitKey), asOf);
          const m = new Map<string, HitRow[]>(keys.map((k) => [k, []]));
          for (const h of hits) m.get(`${h.tenant_id}|${h.cadre_id}`)?.push(h);
          return keys.map((k) => m.get(k)!);
        });
        hitsOn.set(asOf, l);
      }
      return l;
    },
    /** Influence periods of a cadre's category-10 records (cadreKeyOf), each under its tenant's scheme defaults. */
    influence: batch<InfluenceRow[]>(async (keys) => {
      const byTenant = new Map<string, string[]>();
      for (const { tenantId, cadreId } of [...new Set(keys)].map(splitKey)) byTenant.set(tenantId, [...(byTenant.get(tenantId) ?? []), cadreId]);
      const configs = await warningConfigs(trx, [...byTenant.keys()]);
      // One statement per distinct scheme (most tenants inherit one), not per tenant.
      const groups = new Map<string, { cfg: TenantWarningConfig; tenantIds: string[]; cadreIds: string[] }>();
      for (const [tenantId, cadreIds] of byTenant) {
        const cfg = configs.get(tenantId);
        if (!cfg) continue;
        const key = `${cfg.scheme.ownerTenantId ?? ''}|${cfg.scheme.version}`;
        const g = groups.get(key) ?? { cfg, tenantIds: [], cadreIds: [] };
        g.tenantIds.push(tenantId);
        g.cadreIds.push(...cadreIds);
        groups.set(key, g);
      }
      const out = new Map<string, InfluenceRow[]>(keys.map((k) => [k, []]));
      await Promise.all([...groups.values()].map(async ({ cfg, tenantIds, cadreIds }) => {
        const rows = await influencePeriods(trx, cfg.scheme.influence, { tenantIds, cadreIds });
        for (const r of rows) out.get(`${r.tenant_id}|${r.cadre_id}`)?.push(r);
      }));
      return keys.map((k) => out.get(k)!);
    }),
    /** Cadre.records of a list: one loader per distinct filter. */
    records(f: Omit<RecordFilter, 'cadreId' | 'cadreIds'>) {
      const key = JSON.stringify(f);
      let l = recordLists.get(key);
      if (!l) {
        l = batch<RecordRow[]>(async (ids) => groupBy(ids, await listRecords(trx, { ...f, cadreIds: [...new Set(ids)] }, RECORDS_PER_CADRE * ids.length), 'cadre_id')
          .map((rows) => rows.slice(0, RECORDS_PER_CADRE)));
        recordLists.set(key, l);
      }
      return l;
    },
    tenant: batch<TenantRow | null>(async (ids) => {
      const rows = await trx.selectFrom('tenant as t').select([
        't.id', 't.code', 't.name', 't.kind', sql<string>`t.path::text`.as('path'), 't.parent_id', 't.sort_order', 't.status',
        effectiveStatusSql().as('effective_status'),
      ]).where('t.id', 'in', [...ids]).execute() as TenantRow[];
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    /** Units by id (retired too), for the Unit fields a cadre row does not carry. */
    unit: batch<UnitRow | null>(async (ids) => {
      const byId = new Map((await unitsByIds(trx, [...new Set(ids)])).map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    appointments: batch<AppointmentRow[]>(async (ids) => groupBy(ids, await trx.selectFrom('cadre_appointment')
      .select(['id', 'cadre_id', 'kind', 'position', sql<string>`to_char(decided_on, 'YYYY-MM-DD')`.as('decided_on'), 'approver', 'document_no'])
      .where('cadre_id', 'in', [...ids]).orderBy('sort_order').orderBy('id').execute() as (AppointmentRow & { cadre_id: string })[], 'cadre_id')),
    resume: batch<ResumeRow[]>(async (ids) => groupBy(ids, await trx.selectFrom('cadre_resume')
      .select(['id', 'cadre_id', 'start_month', 'end_month', 'content'])
      .where('cadre_id', 'in', [...ids]).orderBy('sort_order').orderBy('id').execute(), 'cadre_id')),
    family: batch<FamilyRow[]>(async (ids) => groupBy(ids, await trx.selectFrom('cadre_family')
      .select(['id', 'cadre_id', 'relation', 'name', 'birth_month', 'political_status', 'work_position'])
      .where('cadre_id', 'in', [...ids]).orderBy('sort_order').orderBy('id').execute(), 'cadre_id')),
    cadreHistory: batch<CadreRevisionRow[]>(async (ids) => groupBy(ids, await trx.selectFrom('cadre_revision')
      .select(['id', 'cadre_id', 'version', 'action', 'actor_name', 'at', 'changes', 'reviewed_by_name'])
      .where('cadre_id', 'in', [...ids]).orderBy('id', 'desc').execute(), 'cadre_id')),
    materials: batch<MaterialRow[]>(async (ids) => {
      const m = await listMaterials(trx, [...ids]);
      return ids.map((id) => m.get(id) ?? []);
    }),
    recordHistory: batch<RevisionRow[]>(async (ids) => groupBy(ids, await trx.selectFrom('record_revision')
      .select(['id', 'record_id', 'version', 'action', 'actor_name', 'at', 'reason', 'changes'])
      .where('record_id', 'in', [...ids]).orderBy('id', 'desc').execute(), 'record_id')),
  };
}

export type Loaders = ReturnType<typeof create>;

const perRequest = new WeakMap<Ctx, { trx: Tx; loaders: Loaders }>();

/** The request's loaders (made on first use; remade if the request's transaction changed). */
export function loaders(ctx: Ctx): Loaders {
  const { trx } = session(ctx);
  let entry = perRequest.get(ctx);
  if (!entry || entry.trx !== trx) {
    entry = { trx, loaders: create(trx) };
    perRequest.set(ctx, entry);
  }
  return entry.loaders;
}
