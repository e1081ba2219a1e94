// Unit tree queries and writes (RLS: the caller's subtree only). Every list follows the manual order (排序号).
// The rules (who, which tenant, cycles, codes, retirement) are in units/commands.ts; docs/domain.md#units.
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Tx } from '../../db/scope.js';
import { isUuid } from '../../db/scope.js';
import type { UnitKind } from '../../../../../shared/units.js';
export { UNIT_CODE_RE, UNIT_KINDS, unitKindCode, type UnitKind } from '../../../../../shared/units.js';
import { nameMatches } from '../../../../../shared/name-match.js';
import { nameReading } from '../cadres/search-terms.js';

export interface UnitRow {
  id: string;
  tenant_id: string;
  parent_id: string | null;
  name: string;
  sort_order: number;
  cadre_count: number;
  /** Absent on units built from a cadre row (cadres/schema.ts): the Unit type loads them then. */
  kind?: string;
  code?: string | null;
  retired_at?: Date | null;
  merged_into_id?: string | null;
}

const COLS = ['u.id', 'u.tenant_id', 'u.parent_id', 'u.name', 'u.sort_order', 'u.kind', 'u.code', 'u.retired_at', 'u.merged_into_id'] as const;

/**
 * Visible units; `search` keeps those whose name matches by text, full pinyin or initials (shared/name-match.ts).
 * Units are listed whole anyway (the tree), so the match runs over the listed rows, each name's reading memoised.
 */
export async function listUnits(
  trx: Tx, f: { tenantId?: string; reach?: Expression<SqlBool> | null; includeRetired?: boolean; search?: string | null } = {},
): Promise<UnitRow[]> {
  const { tenantId, reach, search } = f;
  let q = trx.selectFrom('unit as u')
    .select([...COLS])
    .select((eb) => eb.selectFrom('cadre as c').whereRef('c.unit_id', '=', 'u.id').where('c.deleted_at', 'is', null).select(eb.fn.countAll<string>().as('n')).as('cadre_count'));
  if (tenantId) q = q.where('u.tenant_id', '=', tenantId);
  if (reach) q = q.where(reach);
  // Retired units are kept for history and hidden from pickers (docs/domain.md#units).
  if (!f.includeRetired) q = q.where('u.retired_at', 'is', null);
  const rows = await q.orderBy('u.tenant_id').orderBy('u.sort_order').orderBy('u.name').execute();
  const matched = search?.trim() ? rows.filter((r) => nameMatches(r.name, nameReading(r.name), search)) : rows;
  return matched.map((r) => ({ ...r, cadre_count: Number(r.cadre_count ?? 0) }));
}

/** One visible unit (retired ones too), or null. */
export async function findUnit(trx: Tx, id: string): Promise<UnitRow | null> {
  if (!isUuid(id)) return null;
  const r = await trx.selectFrom('unit as u').select([...COLS])
    .select((eb) => eb.selectFrom('cadre as c').whereRef('c.unit_id', '=', 'u.id').select(eb.fn.countAll<string>().as('n')).as('cadre_count'))
    .where('u.id', '=', id).executeTakeFirst();
  return r ? { ...r, cadre_count: Number(r.cadre_count ?? 0) } : null;
}

/** Visible units by id (retired ones too), for the Unit type's fields on units built from cadre rows. */
export async function unitsByIds(trx: Tx, ids: readonly string[]): Promise<UnitRow[]> {
  if (!ids.length) return [];
  const rows = await trx.selectFrom('unit as u').select([...COLS]).where('u.id', 'in', [...ids]).execute();
  return rows.map((r) => ({ ...r, cadre_count: 0 }));
}

/** Whether an active unit of the tenant other than `exceptId` has this code (ignoring case). */
export async function unitCodeTaken(trx: Tx, tenantId: string, code: string, exceptId?: string): Promise<boolean> {
  let q = trx.selectFrom('unit').select('id').where('tenant_id', '=', tenantId).where('retired_at', 'is', null)
    .where(sql<SqlBool>`upper(code) = upper(${code})`);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return !!(await q.limit(1).executeTakeFirst());
}

/** The ids of a unit and every unit below it (retired ones too). */
export async function subtreeIds(trx: Tx, tenantId: string, id: string): Promise<string[]> {
  const r = await sql<{ id: string }>`
    with recursive sub(id) as (
      select id from unit where id = ${id} and tenant_id = ${tenantId}
      union select u.id from unit u join sub on u.parent_id = sub.id where u.tenant_id = ${tenantId})
    select id from sub`.execute(trx);
  return r.rows.map((x) => x.id);
}

/** Active children of a unit. */
export const activeChildren = (trx: Tx, tenantId: string, parentId: string) => trx.selectFrom('unit').select(['id', 'name'])
  .where('tenant_id', '=', tenantId).where('parent_id', '=', parentId).where('retired_at', 'is', null).orderBy('sort_order').execute();

/** Cadres in a unit with status 在职 (code 1): a unit holding them is not retired (they are moved or merged first). */
export async function activeCadreCount(trx: Tx, tenantId: string, unitId: string): Promise<number> {
  const r = await trx.selectFrom('cadre').select((eb) => eb.fn.countAll<string>().as('n'))
    .where('tenant_id', '=', tenantId).where('unit_id', '=', unitId).where('status', '=', '1').executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The next sort order at the end of a parent's children (10 apart). */
async function nextSortOrder(trx: Tx, tenantId: string, parentId: string | null): Promise<number> {
  let q = trx.selectFrom('unit').select(sql<string>`coalesce(max(sort_order), 0) + 10`.as('n')).where('tenant_id', '=', tenantId);
  q = parentId ? q.where('parent_id', '=', parentId) : q.where('parent_id', 'is', null);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

export async function insertUnit(
  trx: Tx, u: { tenantId: string; parentId: string | null; name: string; kind: UnitKind; code: string; sortOrder?: number | null },
): Promise<string> {
  const sortOrder = u.sortOrder ?? await nextSortOrder(trx, u.tenantId, u.parentId);
  const row = await trx.insertInto('unit').values({
    tenant_id: u.tenantId, parent_id: u.parentId, name: u.name, kind: u.kind, code: u.code, sort_order: sortOrder,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Rename, kind, code, sort order. A change of sort order reorders the unit's cadres (trigger unit_order_sync, 0016). */
export async function patchUnit(trx: Tx, id: string, p: { name?: string; kind?: UnitKind; code?: string; sortOrder?: number }) {
  const set: Record<string, unknown> = {};
  if (p.name !== undefined) set.name = p.name;
  if (p.kind !== undefined) set.kind = p.kind;
  if (p.code !== undefined) set.code = p.code;
  if (p.sortOrder !== undefined) set.sort_order = p.sortOrder;
  if (Object.keys(set).length) await trx.updateTable('unit').set(set).where('id', '=', id).execute();
}

/**
 * Put a unit under `parentId` (null: top level) among its new siblings: before `beforeId` (a sibling there), else
 * at `sortOrder` when given, else last. Siblings are renumbered 10 apart when the position needs room; each changed
 * sort order reorders that unit's cadres in the list (trigger unit_order_sync, docs/search.md).
 */
export async function placeUnit(
  trx: Tx, unit: UnitRow, parentId: string | null, pos: { beforeId?: string | null; sortOrder?: number | null },
) {
  let q = trx.selectFrom('unit').select(['id', 'sort_order']).where('tenant_id', '=', unit.tenant_id).where('id', '<>', unit.id);
  q = parentId ? q.where('parent_id', '=', parentId) : q.where('parent_id', 'is', null);
  const siblings = await q.orderBy('sort_order').orderBy('name').execute();
  if (parentId !== unit.parent_id) await trx.updateTable('unit').set({ parent_id: parentId }).where('id', '=', unit.id).execute();
  if (pos.beforeId) {
    const order = siblings.map((s) => s.id);
    const at = order.indexOf(pos.beforeId);
    order.splice(at < 0 ? order.length : at, 0, unit.id);
    const current = new Map([...siblings.map((s) => [s.id, s.sort_order] as const), [unit.id, unit.sort_order]]);
    for (const [i, id] of order.entries()) {
      const want = (i + 1) * 10;
      if (current.get(id) !== want) await trx.updateTable('unit').set({ sort_order: want }).where('id', '=', id).execute();
    }
    return;
  }
  const sortOrder = pos.sortOrder ?? (parentId === unit.parent_id ? unit.sort_order : (siblings.at(-1)?.sort_order ?? 0) + 10);
  if (sortOrder !== unit.sort_order) await trx.updateTable('unit').set({ sort_order: sortOrder }).where('id', '=', unit.id).execute();
}

/** Retire (now) or restore a unit; `mergedIntoId` names the unit a merge moved it into. */
export async function setUnitRetired(trx: Tx, id: string, retired: boolean, mergedIntoId: string | null = null) {
  await trx.updateTable('unit').set({ retired_at: retired ? sql<Date>`now()` : null, merged_into_id: retired ? mergedIntoId : null })
    .where('id', '=', id).execute();
}

/** Move the active children of `fromId` under `intoId`, after its own children. */
export async function moveChildUnits(trx: Tx, tenantId: string, fromId: string, intoId: string) {
  const start = await nextSortOrder(trx, tenantId, intoId);
  const kids = await trx.selectFrom('unit').select(['id']).where('tenant_id', '=', tenantId).where('parent_id', '=', fromId)
    .orderBy('sort_order').orderBy('name').execute();
  for (const [i, k] of kids.entries()) {
    await trx.updateTable('unit').set({ parent_id: intoId, sort_order: start + i * 10 }).where('id', '=', k.id).execute();
  }
  return kids.length;
}

/**
 * The one place a merge moves cadres: every cadre of `from` goes to `into` (the order columns follow by trigger
 * cadre_order_fill), each with a new version, a revision 单位: from → into and a row of its unit history.
 * Returns the moved cadres.
 */
export async function moveUnitCadres(
  trx: Tx, from: UnitRow, into: UnitRow, actor: { id: string; name: string },
): Promise<{ id: string; name: string }[]> {
  const moved = await trx.updateTable('cadre').set({ unit_id: into.id, version: sql<number>`version + 1`, updated_at: sql<Date>`now()` })
    .where('tenant_id', '=', from.tenant_id).where('unit_id', '=', from.id)
    .returning(['id', 'name', 'version', 'tenant_id']).execute();
  if (moved.length) {
    const changes = JSON.stringify({ 单位: [from.name, into.name], 来源: [null, `单位合并：${from.name} 并入 ${into.name}`] });
    await trx.insertInto('cadre_revision').values(moved.map((c) => ({
      tenant_id: c.tenant_id, cadre_id: c.id, version: c.version, action: 'update', actor_id: actor.id, actor_name: actor.name, changes,
    }))).execute();
    // The cadres' unit history (单位变动记录) shows the merge as a move.
    await trx.insertInto('cadre_unit_history').values(moved.map((c) => ({
      tenant_id: c.tenant_id, cadre_id: c.id, from_unit_id: from.id, from_unit_name: from.name, to_unit_id: into.id, to_unit_name: into.name,
      actor_id: actor.id, actor_name: actor.name,
    }))).execute();
  }
  return moved.map((c) => ({ id: c.id, name: c.name }));
}

/** A filler assigned to `from` is assigned to `into` instead (kept once). */
export async function moveUnitAssignments(trx: Tx, tenantId: string, fromId: string, intoId: string) {
  await sql`insert into user_unit (tenant_id, user_id, unit_id)
              select tenant_id, user_id, ${intoId} from user_unit where tenant_id = ${tenantId} and unit_id = ${fromId}
            on conflict do nothing`.execute(trx);
  await trx.deleteFrom('user_unit').where('tenant_id', '=', tenantId).where('unit_id', '=', fromId).execute();
}

/**
 * The 默认导入单位 of tenants (tenant_import_setting, migration 0029): unit ids by tenant id, for the visible tenants
 * that set one (retired units included: the caller decides whether a retired one still counts).
 */
export async function defaultImportUnitIds(trx: Tx, tenantIds: readonly string[]): Promise<Map<string, string>> {
  const ids = tenantIds.filter(isUuid);
  if (!ids.length) return new Map();
  const rows = await trx.selectFrom('tenant_import_setting').select(['tenant_id', 'default_unit_id'])
    .where('tenant_id', 'in', [...new Set(ids)]).where('default_unit_id', 'is not', null).execute();
  return new Map(rows.map((r) => [r.tenant_id, r.default_unit_id!]));
}

/** A merge moves the 默认导入单位 along with the cadres: `fromId` being the default, `intoId` becomes it. */
export async function moveDefaultImportUnit(trx: Tx, tenantId: string, fromId: string, intoId: string) {
  await trx.updateTable('tenant_import_setting').set({ default_unit_id: intoId, updated_at: sql<Date>`now()` })
    .where('tenant_id', '=', tenantId).where('default_unit_id', '=', fromId).execute();
}

/** Set (a unit of the tenant) or clear (null) a tenant's 默认导入单位. */
export async function saveDefaultImportUnit(trx: Tx, tenantId: string, unitId: string | null, by: { id: string; name: string }) {
  await trx.insertInto('tenant_import_setting')
    .values({ tenant_id: tenantId, default_unit_id: unitId, updated_by: by.id, updated_by_name: by.name })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet({ default_unit_id: unitId, updated_by: by.id, updated_by_name: by.name, updated_at: sql<Date>`now()` }))
    .execute();
}
