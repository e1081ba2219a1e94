// Cadre queries. Every call takes the request's scoped transaction: RLS limits rows to the caller's subtree.
// Code fields (性别, 民族, 政治面貌, 职级, 状态, 干部管理权限) are stored as codes and read and written here as their
// labels (fields.ts holds the mapping): everything above the repo — GraphQL, commands and revisions, imports and
// exports — sees labels.
import { sql, type Compilable, type Expression, type Insertable, type Selectable, type SqlBool, type Updateable } from 'kysely';
import type { CadreTable } from '../../db/types.js';
import type { Tx } from '../../db/scope.js';
import { isUuid } from '../../db/scope.js';
import { PREPARED } from '../../db/prepared.js';
import type { CadreKey } from './cursor.js';
import { normaliseQuery, searchKeys } from './search-terms.js';
import { effectiveStatusSql } from '../tenants/repo.js';
import { BASIC_FIELDS, CODE_FIELDS, labelOfStored, storedCode, type BasicColumn } from './fields.js';
import { isWholeScope } from '../../authz/reach.js';

export interface CadreFilterInput {
  search?: string | null;
  tenantCode?: string | null;
  unitId?: string | null;
  /** Graded reach on alias c (authz/reach.ts cadreReach); null or undefined: the whole visible subtree. */
  reach?: Expression<SqlBool> | null;
  /** Keyed hash of an ID number (equality match). */
  idNumberHash?: string | null;
  /**
   * The caller's tenant path (the RLS scope). Only narrows: it lets the order index start at the caller's subtree
   * instead of filtering its way there (RLS still decides what is visible).
   */
  scopePath?: string | null;
}

/**
 * A cadre with its tenant and unit joined in (one query serves list and detail). The query's inferred row must be
 * assignable to it, so the compiler checks that `columns` selects every column listed here.
 */
export interface CadreRow extends Omit<Selectable<CadreTable>, 'search_terms' | 'pinyin_keys' | 'created_at' | 'updated_at' | 'status_on'> {
  /** The day the status took effect, YYYY-MM-DD (read as text: no time zone shifts a date). */
  status_on: string | null;
  tenant_code: string;
  tenant_name: string;
  tenant_kind: string;
  tenant_path: string;
  tenant_parent_id: string | null;
  tenant_sort_order: number;
  tenant_status: string;
  tenant_effective_status: string;
  unit_name: string;
  unit_parent_id: string | null;
  unit_sort_order: number;
  /** The search tier the row matched in (0 exact name … 6 rare reading: search-terms.ts TIERS); null outside a search. */
  tier?: number | null;
}

function base(trx: Tx) {
  return trx.selectFrom('cadre as c')
    .innerJoin('tenant as t', 't.id', 'c.tenant_id')
    .innerJoin('unit as u', (j) => j.onRef('u.id', '=', 'c.unit_id').onRef('u.tenant_id', '=', 'c.tenant_id'));
}

const columns = [
  'c.id', 'c.tenant_id', 'c.unit_id', 'c.version', 'c.id_number_cipher', 'c.id_number_hash', 'c.photo_key', 'c.extra',
  'c.tenant_sort', 'c.unit_sort', sql<string | null>`c.status_on::text`.as('status_on'), 'c.deleted_at', 'c.deleted_by', 'c.deleted_by_name',
  ...BASIC_FIELDS.map((f): `c.${BasicColumn}` => `c.${f.column}`),
  't.code as tenant_code', 't.name as tenant_name', 't.kind as tenant_kind', sql<string>`t.path::text`.as('tenant_path'),
  't.parent_id as tenant_parent_id', 't.sort_order as tenant_sort_order', 't.status as tenant_status',
  effectiveStatusSql().as('tenant_effective_status'),
  'u.name as unit_name', 'u.parent_id as unit_parent_id', 'u.sort_order as unit_sort_order',
] as const;

/** A tenant path's sort key (as app_path_sort_key in SQL, migration 0016): labels joined by a space. */
export const pathSortKey = (path: string) => path.split('.').join(' ');

/** `<col>` (a tenant sort key) lies in the subtree whose sort key is `lo`: the range [lo, lo || '!'). */
function inSubtree(col: string, lo: Expression<string> | string) {
  const l = typeof lo === 'string' ? sql`${lo}` : lo;
  return sql<SqlBool>`(${sql.ref(col)} >= ${l} and ${sql.ref(col)} < ${l} || '!')`;
}

/**
 * The search condition on cadre c: the query equals one of its keys (any substring of the name, any pinyin
 * reading or initials, or a prefix of one). Equality is leakproof, so the key index serves it under RLS.
 */
export function searchPredicate(query: string) {
  return sql<SqlBool>`c.id in (select k.cadre_id from cadre_search_key k where k.key = ${query})`;
}

/** Conditions on the order column `<table>.tenant_sort` (the scope and the tenant filter): ranges of the order index. */
function orderConditions(f: CadreFilterInput, table: 'c' | 'k'): Expression<SqlBool>[] {
  const out: Expression<SqlBool>[] = [];
  const order = `${table}.tenant_sort`;
  if (f.scopePath) out.push(inSubtree(order, pathSortKey(f.scopePath)));
  if (f.tenantCode) {
    const lo = sql<string>`(select app_path_sort_key(s.path) collate "C" from tenant s where s.code = ${f.tenantCode})`;
    out.push(inSubtree(order, lo));
  }
  return out;
}

/** Conditions on cadre c itself (unit, ID number, graded reach). */
function cadreConditions(f: CadreFilterInput): Expression<SqlBool>[] {
  const out: Expression<SqlBool>[] = [];
  if (f.unitId !== undefined && f.unitId !== null) {
    if (!isUuid(f.unitId)) return [sql<SqlBool>`false`];
    out.push(sql<SqlBool>`c.unit_id in (
      with recursive sub(id) as (
        select id from unit where id = ${f.unitId}::uuid
        union all select x.id from unit x join sub on x.parent_id = sub.id)
      select id from sub)`);
  }
  if (f.idNumberHash) out.push(sql<SqlBool>`c.id_number_hash = ${f.idNumberHash}`);
  if (f.reach && !isWholeScope(f.reach)) out.push(f.reach);
  return out;
}

/**
 * Matching keys (key = query, scope ranges) in (tier, list order) along cadre_search_key_rank_idx (migration 0016),
 * each joined to its cadre through a lateral subquery that the planner may not flatten (offset 0): so it walks the
 * index in order and stops after the page instead of joining every match and sorting. Without conditions on the
 * cadre itself the key rows alone answer (a key row is visible exactly when its cadre is: same tenant, same policy).
 */
function searchRows(trx: Tx, f: CadreFilterInput, query: string) {
  return trx.selectFrom('cadre_search_key as k')
    .innerJoinLateral((eb) => eb.selectFrom('cadre as c').selectAll('c')
      .whereRef('c.id', '=', 'k.cadre_id').whereRef('c.tenant_id', '=', 'k.tenant_id')
      .where((w) => w.and(cadreConditions(f)))
      .offset(0).as('c'), (j) => j.onTrue())
    .where('k.key', '=', query)
    .where((eb) => eb.and(orderConditions(f, 'k')));
}

/** Cadres in list order along cadre_list_order_idx (migration 0016). */
function plainRows(trx: Tx, f: CadreFilterInput) {
  // Deleted cadres are hidden (their search keys are removed with them, so searches need no condition: commands.ts).
  return trx.selectFrom('cadre as c').where('c.deleted_at', 'is', null).where((eb) => eb.and([...orderConditions(f, 'c'), ...cadreConditions(f)]));
}

/** A row as read: the code fields' codes become their labels. */
function withLabels<R extends CadreRow>(row: R): R {
  const r = row as Record<string, unknown>;
  for (const f of CODE_FIELDS) r[f.column] = labelOfStored(f, r[f.column] as string | null);
  return row;
}

/** How many cadres match, and whether that is an estimate. */
export interface CadreCount { count: number; estimate: boolean }

/**
 * How many cadres match: exact up to `exactLimit` (counting stops one row past it, along the order index, so it never
 * costs more than reading that many entries); above that the planner's estimate for the same query (at least
 * exactLimit + 1), flagged as an estimate.
 */
export async function countCadres(trx: Tx, f: CadreFilterInput, exactLimit: number): Promise<CadreCount> {
  const query = f.search ? normaliseQuery(f.search) : '';
  let matches: Compilable & Expression<unknown>;
  let cappedAt: (limit: number) => Compilable & Expression<unknown>;
  if (query && cadreConditions(f).length === 0) {
    const k = trx.selectFrom('cadre_search_key as k').where('k.key', '=', query).where((eb) => eb.and(orderConditions(f, 'k')));
    matches = k.select(sql`1`.as('one'));
    cappedAt = (limit) => k.select(sql`1`.as('one')).orderBy('k.tier').orderBy('k.tenant_sort').orderBy('k.unit_sort').orderBy('k.sort_order')
      .orderBy('k.cadre_id').limit(limit + 1);
  } else if (query) {
    const k = searchRows(trx, f, query);
    matches = k.select(sql`1`.as('one'));
    cappedAt = (limit) => k.select(sql`1`.as('one')).orderBy('k.tier').orderBy('k.tenant_sort').orderBy('k.unit_sort').orderBy('k.sort_order')
      .orderBy('k.cadre_id').limit(limit + 1);
  } else {
    const c = plainRows(trx, f);
    matches = c.select(sql`1`.as('one'));
    cappedAt = (limit) => c.select(sql`1`.as('one')).limit(limit + 1);
  }
  const countUpTo = async (limit: number) =>
    Number((await sql<{ n: string }>`select count(*) as n from (${cappedAt(limit)}) m`.execute(trx)).rows[0]?.n ?? 0);
  const n = await countUpTo(exactLimit);
  if (n <= exactLimit) return { count: n, estimate: false };
  let planned = await plannedRows(trx, matches);
  if (f.scopePath) {
    // The scope range and the RLS policy say the same thing, but the planner multiplies their selectivities: divide
    // the policy's own estimate back out (table rows / rows the policy alone is expected to leave).
    const table = query ? 'cadre_search_key' : 'cadre';
    const policy = await plannedRows(trx, sql`select 1 from ${sql.table(table)}`);
    const { rows: stats } = await sql<{ n: number }>`select reltuples::float8 as n from pg_class where oid = ${table}::regclass`.execute(trx);
    const total = Number(stats[0]?.n ?? 0);
    if (total > 0 && policy > 0 && policy < total) planned = planned * (total / policy);
  }
  if (planned <= exactLimit) {
    // The planner guesses fewer rows than were just counted (a key its statistics barely know): its figure would read
    // 「约 1,001」 for 1,560. Count on, a bounded walk of up to ten times the limit, before falling back to it.
    const wide = exactLimit * 10;
    const m = await countUpTo(wide);
    if (m <= wide) return { count: m, estimate: false };
    return { count: Math.max(wide + 1, Math.round(planned)), estimate: true };
  }
  return { count: Math.max(exactLimit + 1, Math.round(planned)), estimate: true };
}

/** The planner's row estimate for a query (EXPLAIN, nothing executed). */
async function plannedRows(trx: Tx, q: Expression<unknown>): Promise<number> {
  const { rows } = await sql<{ 'QUERY PLAN': unknown }>`explain (format json) ${q}`.execute(trx);
  const json = rows[0]?.['QUERY PLAN'];
  const top = (typeof json === 'string' ? JSON.parse(json) : json) as { Plan?: { 'Plan Rows'?: number } }[];
  return Number(top?.[0]?.Plan?.['Plan Rows'] ?? 0);
}

/** Where a page starts: a row offset (page jumps) or after a row's position (keyset). */
export interface PageStart { offset?: number; after?: CadreKey | null }

export async function listCadres(trx: Tx, f: CadreFilterInput, limit: number, start: PageStart = {}): Promise<CadreRow[]> {
  return (await listCadresQuery(trx, f, limit, start).execute()).map(withLabels);
}

/**
 * The list query itself (tests EXPLAIN it): the page of cadres is chosen first, in index order (searching: the matching
 * keys by tier then list order, each row carrying its tier), and only that page is joined to its tenant and unit. So
 * a page, or a page after a cursor, reads about a page of index entries whatever its depth.
 */
export function listCadresQuery(trx: Tx, f: CadreFilterInput, limit: number, start: PageStart = {}) {
  const query = f.search ? normaliseQuery(f.search) : '';
  const a = start.after;
  let page;
  if (query) {
    let s = searchRows(trx, f, query).selectAll('c').select('k.tier');
    if (a) s = s.where(sql<SqlBool>`(k.tier, k.tenant_sort, k.unit_sort, k.sort_order, k.cadre_id) > (${a.tier ?? 0}::smallint, ${a.tenantSort}, ${a.unitSort}::int, ${a.sortOrder}::int, ${a.id}::uuid)`);
    page = s.orderBy('k.tier').orderBy('k.tenant_sort').orderBy('k.unit_sort').orderBy('k.sort_order').orderBy('k.cadre_id')
      .limit(limit).offset(start.offset ?? 0);
  } else {
    let s = plainRows(trx, f).selectAll('c').select(sql<number | null>`null::smallint`.as('tier'));
    if (a) s = s.where(sql<SqlBool>`(c.tenant_sort, c.unit_sort, c.sort_order, c.id) > (${a.tenantSort}, ${a.unitSort}::int, ${a.sortOrder}::int, ${a.id}::uuid)`);
    page = s.orderBy('c.tenant_sort').orderBy('c.unit_sort').orderBy('c.sort_order').orderBy('c.id')
      .limit(limit).offset(start.offset ?? 0);
  }
  return trx.selectFrom(page.as('c'))
    .innerJoin('tenant as t', 't.id', 'c.tenant_id')
    .innerJoin('unit as u', (j) => j.onRef('u.id', '=', 'c.unit_id').onRef('u.tenant_id', '=', 'c.tenant_id'))
    .select(columns).select('c.tier')
    .orderBy(sql`c.tier nulls first`).orderBy('c.tenant_sort').orderBy('c.unit_sort').orderBy('c.sort_order').orderBy('c.id');
}

/** A row's position in list order (for its cursor). */
export const cadreKey = (r: CadreRow): CadreKey => ({
  tier: r.tier ?? null, tenantSort: r.tenant_sort, unitSort: r.unit_sort, sortOrder: r.sort_order, id: r.id,
});

/** A cadre by id; a deleted one only when asked for (restoring it). */
export async function findCadre(trx: Tx, id: string, opts: { includeDeleted?: boolean } = {}): Promise<CadreRow | null> {
  if (!isUuid(id)) return null;
  let q = base(trx).modifyFront(PREPARED).select(columns).where('c.id', '=', id);
  if (!opts.includeDeleted) q = q.where('c.deleted_at', 'is', null);
  const row = await q.executeTakeFirst();
  return row ? withLabels(row) : null;
}

/** Live cadres by id (the page of another list, e.g. the warning list), in no particular order. */
export async function findCadres(trx: Tx, ids: readonly string[]): Promise<CadreRow[]> {
  const ok = ids.filter(isUuid);
  if (!ok.length) return [];
  const rows = await base(trx).select(columns).where('c.id', 'in', ok).where('c.deleted_at', 'is', null).execute();
  return rows.map(withLabels);
}

/** Deleted cadres in the caller's scope (RLS), the last deleted first. */
export async function listDeletedCadres(trx: Tx, limit: number): Promise<CadreRow[]> {
  const rows = await base(trx).select(columns).where('c.deleted_at', 'is not', null)
    .orderBy('c.deleted_at', 'desc').orderBy('c.id').limit(limit).execute();
  return rows.map(withLabels);
}

/**
 * Mark a cadre deleted (or restore it) if its version is still `expectedVersion`; bumps the version. Its search keys
 * go with it (empty search terms: the key trigger of migration 0016 removes them), and come back from its name.
 */
export async function setCadreDeleted(
  trx: Tx, id: string, expectedVersion: number, by: { id: string; name: string } | null, name: string,
): Promise<boolean> {
  const keys = by ? { terms: [] as string[], pinyinKeys: [] as string[] } : searchKeys(name);
  const r = await trx.updateTable('cadre').set({
    deleted_at: by ? sql<Date>`now()` : null, deleted_by: by?.id ?? null, deleted_by_name: by?.name ?? null,
    search_terms: keys.terms, pinyin_keys: keys.pinyinKeys, version: sql<number>`version + 1`, updated_at: sql<Date>`now()`,
  }).where('id', '=', id).where('version', '=', expectedVersion).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Set the day the status took effect (the status itself goes through updateCadre's basic fields). */
export async function setStatusOn(trx: Tx, id: string, on: string | null) {
  await trx.updateTable('cadre').set({ status_on: on }).where('id', '=', id).execute();
}

/** Basic fields by their GraphQL names (see fields.ts), plus the unit and the protected ID number. */
export type CadreInput = Record<string, unknown> & { name?: string; unitId?: string | null };
export interface IdNumberColumns { id_number_cipher: string | null; id_number_hash: string | null }

/**
 * Input → columns: every basic field given (null or '' clears an optional one), code fields as their codes (given
 * by label or code), search keys with the name.
 */
function toRow(i: CadreInput, idNumber?: IdNumberColumns): Updateable<CadreTable> {
  const row: Record<string, unknown> = {};
  for (const f of BASIC_FIELDS) {
    const v = i[f.name];
    if (v === undefined) continue;
    if (f.kind === 'name') {
      if (v === null) continue;
      const keys = searchKeys(String(v));
      Object.assign(row, { name: v, search_terms: keys.terms, pinyin_keys: keys.pinyinKeys });
    } else if (f.column === 'status' || f.column === 'sort_order') {
      if (v !== null && v !== '') row[f.column] = f.kind === 'code' ? storedCode(f, v) : v;
    } else if (f.kind === 'code') {
      row[f.column] = storedCode(f, v);
    } else {
      row[f.column] = v === '' ? null : v;
    }
  }
  if (idNumber) Object.assign(row, idNumber);
  // Keyed by the spec's columns; the values passed basicSchema (fields.ts) in the command that called us.
  return row as Updateable<CadreTable>;
}

/** Insert a cadre into the tenant that owns the unit (the unit must be visible). */
export async function insertCadre(trx: Tx, i: CadreInput, idNumber?: IdNumberColumns): Promise<string | null> {
  if (!isUuid(i.unitId)) return null;
  // A retired unit is kept for history only (docs/domain.md#units): no new cadre goes there.
  const unit = await trx.selectFrom('unit').select(['id', 'tenant_id']).where('id', '=', i.unitId).where('retired_at', 'is', null).executeTakeFirst();
  if (!unit) return null;
  const r = await trx.insertInto('cadre')
    // The name is there: createCadre's input requires it (GraphQL and zod).
    .values({ ...toRow(i, idNumber), tenant_id: unit.tenant_id, unit_id: unit.id } as Insertable<CadreTable>)
    .returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/**
 * Patch a cadre if its version is still `expectedVersion` (optimistic lock); bumps the version.
 * 'missing' when the cadre or the new unit is not there, 'stale' when another save came first.
 */
export async function updateCadre(
  trx: Tx, id: string, expectedVersion: number, i: CadreInput, idNumber?: IdNumberColumns,
): Promise<'ok' | 'missing' | 'stale'> {
  if (!isUuid(id)) return 'missing';
  const patch = toRow(i, idNumber);
  if (i.unitId !== undefined && i.unitId !== null) {
    if (!isUuid(i.unitId)) return 'missing';
    const cur = await trx.selectFrom('cadre').select('tenant_id').where('id', '=', id).executeTakeFirst();
    if (!cur) return 'missing';
    const unit = await trx.selectFrom('unit').select('id').where('id', '=', i.unitId).where('tenant_id', '=', cur.tenant_id).executeTakeFirst();
    if (!unit) return 'missing';
    patch.unit_id = unit.id;
  }
  const r = await trx.updateTable('cadre').set({ ...patch, version: sql<number>`version + 1`, updated_at: sql<Date>`now()` })
    .where('id', '=', id).where('version', '=', expectedVersion).executeTakeFirst();
  if (Number(r.numUpdatedRows) === 1) return 'ok';
  return (await trx.selectFrom('cadre').select('id').where('id', '=', id).executeTakeFirst()) ? 'stale' : 'missing';
}
