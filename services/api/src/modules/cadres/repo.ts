// Cadre queries. Every call takes the request's scoped transaction: RLS limits rows to the caller's subtree.
// Code fields (性别, 民族, 政治面貌, 职级, 状态, 干部管理权限) are stored as codes and read and written here as their
// labels (fields.ts holds the mapping): everything above the repo — GraphQL, commands and revisions, imports and
// exports — sees labels.
import { sql, type Expression, type Insertable, type Selectable, type SqlBool, type Updateable } from 'kysely';
import type { CadreTable } from '../../db/types.js';
import type { Tx } from '../../db/scope.js';
import { escapeLike, isUuid } from '../../db/scope.js';
import { normaliseQuery, searchKeys } from './search-terms.js';
import { effectiveStatusSql } from '../tenants/repo.js';
import { BASIC_FIELDS, CODE_FIELDS, labelOfStored, storedCode, type BasicColumn } from './fields.js';

export interface CadreFilterInput {
  search?: string | null;
  tenantCode?: string | null;
  unitId?: string | null;
  /** Graded reach on alias c (authz/reach.ts cadreReach); null or undefined: the whole visible subtree. */
  reach?: Expression<SqlBool> | null;
  /** Keyed hash of an ID number (equality match). */
  idNumberHash?: string | null;
}

/**
 * A cadre with its tenant and unit joined in (one query serves list and detail). The query's inferred row must be
 * assignable to it, so the compiler checks that `columns` selects every column listed here.
 */
export interface CadreRow extends Omit<Selectable<CadreTable>, 'search_terms' | 'pinyin_keys' | 'created_at' | 'updated_at'> {
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
}

function base(trx: Tx) {
  return trx.selectFrom('cadre as c')
    .innerJoin('tenant as t', 't.id', 'c.tenant_id')
    .innerJoin('unit as u', (j) => j.onRef('u.id', '=', 'c.unit_id').onRef('u.tenant_id', '=', 'c.tenant_id'));
}

const columns = [
  'c.id', 'c.tenant_id', 'c.unit_id', 'c.version', 'c.id_number_cipher', 'c.id_number_hash', 'c.photo_key', 'c.extra',
  ...BASIC_FIELDS.map((f): `c.${BasicColumn}` => `c.${f.column}`),
  't.code as tenant_code', 't.name as tenant_name', 't.kind as tenant_kind', sql<string>`t.path::text`.as('tenant_path'),
  't.parent_id as tenant_parent_id', 't.sort_order as tenant_sort_order', 't.status as tenant_status',
  effectiveStatusSql().as('tenant_effective_status'),
  'u.name as unit_name', 'u.parent_id as unit_parent_id', 'u.sort_order as unit_sort_order',
] as const;

/**
 * The search condition on cadre c: the query equals one of its keys (any substring of the name, any pinyin
 * reading or initials, or a prefix of one). Equality is leakproof, so the key index serves it under RLS.
 */
export function searchPredicate(query: string) {
  return sql<SqlBool>`c.id in (select k.cadre_id from cadre_search_key k where k.key = ${query})`;
}

function filtered(trx: Tx, f: CadreFilterInput) {
  let q = base(trx);
  const query = f.search ? normaliseQuery(f.search) : '';
  if (query) {
    q = q.where(searchPredicate(query));
  }
  if (f.tenantCode) {
    q = q.where(sql<SqlBool>`t.path <@ (select s.path from tenant s where s.code = ${f.tenantCode})`);
  }
  if (f.unitId !== undefined && f.unitId !== null) {
    if (!isUuid(f.unitId)) return { q: q.where(sql<SqlBool>`false`), query };
    q = q.where(sql<SqlBool>`c.unit_id in (
      with recursive sub(id) as (
        select id from unit where id = ${f.unitId}::uuid
        union all select x.id from unit x join sub on x.parent_id = sub.id)
      select id from sub)`);
  }
  if (f.idNumberHash) q = q.where('c.id_number_hash', '=', f.idNumberHash);
  if (f.reach) q = q.where(f.reach);
  return { q, query };
}

export async function countCadres(trx: Tx, f: CadreFilterInput): Promise<number> {
  const { q } = filtered(trx, f);
  const r = await q.select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** A row as read: the code fields' codes become their labels. */
function withLabels<R extends CadreRow>(row: R): R {
  const r = row as Record<string, unknown>;
  for (const f of CODE_FIELDS) r[f.column] = labelOfStored(f, r[f.column] as string | null);
  return row;
}

export async function listCadres(trx: Tx, f: CadreFilterInput, limit: number, offset: number): Promise<CadreRow[]> {
  return (await listCadresQuery(trx, f, limit, offset).execute()).map(withLabels);
}

/** The list query itself (tests EXPLAIN it). */
export function listCadresQuery(trx: Tx, f: CadreFilterInput, limit: number, offset: number) {
  const { q, query } = filtered(trx, f);
  let ordered = q.select(columns);
  if (query) {
    // Exact name first, then the surname-aware pinyin reading, then any reading, then name prefix.
    const rank: Expression<number> = sql<number>`case
      when c.name = ${query} then 0
      when c.pinyin_keys[1] = ${query} or c.pinyin_keys[2] = ${query} then 1
      when ${query} = any(c.pinyin_keys) then 2
      when c.pinyin_keys[1] like ${escapeLike(query) + '%'} or c.pinyin_keys[2] like ${escapeLike(query) + '%'} then 3
      when c.name like ${escapeLike(query) + '%'} then 4
      else 5 end`;
    ordered = ordered.orderBy(rank);
  }
  return ordered
    .orderBy('t.path')
    .orderBy('u.sort_order')
    .orderBy('c.sort_order')
    .orderBy('c.id')
    .limit(limit)
    .offset(offset);
}

export async function findCadre(trx: Tx, id: string): Promise<CadreRow | null> {
  if (!isUuid(id)) return null;
  const row = await base(trx).select(columns).where('c.id', '=', id).executeTakeFirst();
  return row ? withLabels(row) : null;
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
  const unit = await trx.selectFrom('unit').select(['id', 'tenant_id']).where('id', '=', i.unitId).executeTakeFirst();
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
