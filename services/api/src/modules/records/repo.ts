// Archive records: the envelope (archive_record) joined to its category's typed table (record_<key>), materials
// and revisions. Every call takes the request's scoped transaction (RLS). Identifiers in raw SQL come only from the
// category spec, never from input. Enum fields are stored as their codes and read and written here as their labels
// (categories.ts holds the mapping): everything above the repo — GraphQL, revisions, audit — sees labels.
import { randomUUID } from 'node:crypto';
import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { Tx } from '../../db/scope.js';
import { isUuid } from '../../db/scope.js';
import { PREPARED } from '../../db/prepared.js';
import { CATEGORIES, categoryById, categoryTable, enumOption, type CategorySpec, type FieldSpec } from './categories.js';

export type FieldValues = Record<string, string | number | boolean | null>;

export interface RecordRow {
  id: string;
  tenant_id: string;
  cadre_id: string;
  cadre_name: string;
  /** The cadre's current unit: a filler's reach is judged on it. */
  unit_id: string;
  category: number;
  status: 'pending' | 'accepted' | 'returned';
  return_reason: string | null;
  version: number;
  entered_by: string | null;
  entered_by_name: string;
  entered_at: Date;
  reviewed_by_name: string | null;
  reviewed_at: Date | null;
  updated_by_name: string | null;
  updated_at: Date;
  deleted_at: Date | null;
  deleted_by_name: string | null;
  /** Typed fields by their GraphQL names. */
  fields: FieldValues;
  /** The materials catalogue, when the row was read with it (lists: listRecords); otherwise loaded on demand. */
  materials?: MaterialRow[];
}

export interface MaterialRow { id: string; name: string; formed_on: string | null; pages: number | null; sort_order: number }
export interface RevisionRow {
  id: string; version: number; action: string; actor_name: string; at: Date; changes: Record<string, [unknown, unknown]>; reason: string | null;
}

const id = (s: string) => sql.id(s);

/** How a column of table alias `alias` reads back: dates as YYYY-MM-DD, decimals as text (exact), the rest as stored. */
function readExpr(alias: string, fd: FieldSpec): RawBuilder<unknown> {
  const c = sql`${id(alias)}.${id(fd.column)}`;
  if (fd.type === 'date') return sql`to_char(${c}, 'YYYY-MM-DD')`;
  if (fd.type === 'money' || fd.type === 'decimal') return sql`${c}::text`;
  return c;
}

/** A row as read: enum codes become their labels (a value that is no option's code stays as stored). */
function withLabels(row: RecordRow): RecordRow {
  for (const fd of categoryById.get(row.category)?.fields ?? []) {
    const v = row.fields?.[fd.name];
    if (fd.type === 'enum' && typeof v === 'string') row.fields[fd.name] = fd.options!.find((o) => o.code === v)?.label ?? v;
  }
  return row;
}

/** One CASE over the category tables, so a mixed list (review queue) is one query. */
function detailJoins() {
  return sql.join(CATEGORIES.map((c) => sql`left join ${id(categoryTable(c))} ${id(`d${c.id}`)} on r.category = ${sql.lit(c.id)} and ${id(`d${c.id}`)}.record_id = r.id`), sql` `);
}
function detailFields() {
  const whens = CATEGORIES.map((c) => {
    const pairs = c.fields.flatMap((fd) => [sql.lit(fd.name), readExpr(`d${c.id}`, fd)]);
    return sql`when ${sql.lit(c.id)} then json_build_object(${sql.join(pairs)})`;
  });
  return sql`case r.category ${sql.join(whens, sql` `)} end`;
}

export interface RecordFilter {
  cadreId?: string;
  /** Records of these cadres (a list's batched Cadre.records). */
  cadreIds?: string[];
  /** Only these records (a warning's records, batched). */
  ids?: string[];
  category?: number | null;
  status?: string | null;
  includeDeleted?: boolean;
  /** Graded reach on aliases r and c (authz/reach.ts recordReach); absent: the whole visible subtree. */
  reach?: Expression<SqlBool> | null;
}

/** The category's typed row exists (an envelope is never written without it; this keeps a stray one out of lists). */
function typedRowExists() {
  return sql`(case r.category ${sql.join(CATEGORIES.map((c) => sql`when ${sql.lit(c.id)} then ${id(`d${c.id}`)}.record_id`), sql` `)} end) is not null`;
}

function where(f: RecordFilter) {
  const parts = [typedRowExists()];
  if (f.cadreId) parts.push(sql`r.cadre_id = ${f.cadreId}`);
  if (f.cadreIds) parts.push(f.cadreIds.length ? sql`r.cadre_id = any(${f.cadreIds}::uuid[])` : sql`false`);
  if (f.ids) parts.push(f.ids.length ? sql`r.id = any(${f.ids}::uuid[])` : sql`false`);
  if (f.category) parts.push(sql`r.category = ${f.category}`);
  if (f.status) parts.push(sql`r.status = ${f.status}`);
  if (!f.includeDeleted) parts.push(sql`r.deleted_at is null`);
  if (f.reach) parts.push(sql`${f.reach}`);
  return sql.join(parts, sql` and `);
}

const ENVELOPE = sql`r.id, r.tenant_id, r.cadre_id, c.name as cadre_name, c.unit_id, r.category, r.status, r.return_reason,
  r.version, r.entered_by, r.entered_by_name, r.entered_at, r.reviewed_by_name, r.reviewed_at, r.updated_by_name,
  r.updated_at, r.deleted_at, r.deleted_by_name`;

/** The date a record is filed under: its category's `dateField` (年度考核: 确定日期 …). */
function recordDate() {
  const whens = CATEGORIES.map((c) => {
    const fd = c.fields.find((f) => f.name === c.dateField)!;
    return sql`when ${sql.lit(c.id)} then ${id(`d${c.id}`)}.${id(fd.column)}`;
  });
  return sql`(case r.category ${sql.join(whens, sql` `)} end)`;
}

/** Each record's materials catalogue as a JSON list, in the same statement (the archive page needs no second one). */
const MATERIALS = sql`coalesce((select json_agg(json_build_object('id', m.id, 'name', m.name, 'formed_on', to_char(m.formed_on, 'YYYY-MM-DD'),
    'pages', m.pages, 'sort_order', m.sort_order) order by m.sort_order, m.id) from record_material m where m.record_id = r.id), '[]')`;

/**
 * A cadre's records by category, newest (by the category's own date) first; the review queue oldest entry first.
 * Envelope, typed fields and materials in one prepared statement.
 */
export async function listRecords(trx: Tx, f: RecordFilter, limit = 500, offset = 0, order: 'archive' | 'oldest' = 'archive'): Promise<RecordRow[]> {
  const { rows } = await sql<RecordRow>`
    select ${PREPARED} ${ENVELOPE}, ${detailFields()} as fields, ${MATERIALS} as materials
    from archive_record r join cadre c on c.id = r.cadre_id and c.tenant_id = r.tenant_id
    ${detailJoins()}
    where ${where(f)}
    order by ${order === 'oldest' ? sql`r.entered_at, r.id` : sql`r.category, ${recordDate()} desc nulls last, r.entered_at desc, r.id`}
    limit ${limit} offset ${offset}`.execute(trx);
  return rows.map(withLabels);
}

export async function countRecords(trx: Tx, f: RecordFilter): Promise<number> {
  const { rows } = await sql<{ n: string }>`
    select count(*) as n from archive_record r join cadre c on c.id = r.cadre_id and c.tenant_id = r.tenant_id
    ${detailJoins()}
    where ${where(f)}`.execute(trx);
  return Number(rows[0]?.n ?? 0);
}

/** One record by id (deleted ones too); null for malformed, unknown or invisible ids alike. */
export async function findRecord(trx: Tx, recordId: string): Promise<RecordRow | null> {
  if (!isUuid(recordId)) return null;
  const { rows } = await sql<RecordRow>`
    select ${PREPARED} ${ENVELOPE}, ${detailFields()} as fields
    from archive_record r join cadre c on c.id = r.cadre_id and c.tenant_id = r.tenant_id
    ${detailJoins()}
    where r.id = ${recordId} and ${typedRowExists()}`.execute(trx);
  return rows[0] ? withLabels(rows[0]) : null;
}

/**
 * Values as SQL parameters in the spec's column order (dates and decimals go in as text and are cast; enums, given
 * by label or code, go in as their code).
 */
function params(cat: CategorySpec, v: FieldValues) {
  return cat.fields.map((fd) => {
    const x = v[fd.name] ?? null;
    if (x === null) return sql`null`;
    if (fd.type === 'enum') {
      const o = enumOption(fd, String(x));
      if (!o) throw new Error(`${cat.key}.${fd.name}: not an option: ${String(x)}`);
      return sql`${o.code}`;
    }
    if (fd.type === 'date') return sql`${x}::date`;
    if (fd.type === 'money' || fd.type === 'decimal') return sql`${String(x)}::numeric`;
    return sql`${x}`;
  });
}

export async function insertRecord(
  trx: Tx, a: { tenantId: string; cadreId: string; category: CategorySpec; status: string; actorId: string; actorName: string; fields: FieldValues },
): Promise<string> {
  return (await insertRecords(trx, a, [{ tenantId: a.tenantId, cadreId: a.cadreId, fields: a.fields }]))[0];
}

/**
 * Records of one category by one actor for many cadres, set-wise (a few statements per 500 rows, whatever the count):
 * the envelopes, the typed rows and — with `revision` — each record's first revision (version 1, create). Ids are
 * made here, so the typed rows need not wait for the envelopes' returning. Returns the ids in the order given.
 */
export async function insertRecords(
  trx: Tx, a: { category: CategorySpec; status: string; actorId: string; actorName: string; revision?: boolean },
  rows: { tenantId: string; cadreId: string; fields: FieldValues }[],
): Promise<string[]> {
  const cat = a.category;
  const accepted = a.status === 'accepted';
  const ids = rows.map(() => randomUUID());
  for (let from = 0; from < rows.length; from += 500) {
    const part = rows.slice(from, from + 500).map((r, i) => ({ ...r, id: ids[from + i] }));
    await sql`
      insert into archive_record (id, tenant_id, cadre_id, category, status, entered_by, entered_by_name, updated_by_name,
        reviewed_by, reviewed_by_name, reviewed_at)
      values ${sql.join(part.map((r) => sql`(${r.id}, ${r.tenantId}, ${r.cadreId}, ${cat.id}, ${a.status}, ${a.actorId}, ${a.actorName},
        ${a.actorName}, ${accepted ? a.actorId : null}, ${accepted ? a.actorName : null}, ${accepted ? sql`now()` : null})`))}`.execute(trx);
    await sql`insert into ${id(categoryTable(cat))} (record_id, tenant_id, ${sql.join(cat.fields.map((fd) => id(fd.column)))})
      values ${sql.join(part.map((r) => sql`(${r.id}, ${r.tenantId}, ${sql.join(params(cat, r.fields))})`))}`.execute(trx);
    if (a.revision) {
      await trx.insertInto('record_revision').values(part.map((r) => ({
        tenant_id: r.tenantId, record_id: r.id, version: 1, action: 'create', actor_id: a.actorId, actor_name: a.actorName,
        changes: '{}', reason: null,
      }))).execute();
    }
  }
  return ids;
}

/**
 * Replace the typed fields and bump the version, but only if the version is still the one the editor saw.
 * Returns false when another save came first (nothing is written).
 */
export async function updateRecordFields(
  trx: Tx, row: RecordRow, expectedVersion: number, a: { status: string; actorName: string; fields: FieldValues },
): Promise<boolean> {
  const cat = categoryById.get(row.category)!;
  const { rows } = await sql<{ id: string }>`
    update archive_record set version = version + 1, status = ${a.status},
      return_reason = case when ${a.status} = 'returned' then return_reason else null end,
      updated_by_name = ${a.actorName}, updated_at = now()
    where id = ${row.id} and version = ${expectedVersion} and deleted_at is null
    returning id`.execute(trx);
  if (!rows.length) return false;
  const values = params(cat, a.fields);
  const sets = cat.fields.map((fd, i) => sql`${id(fd.column)} = ${values[i]}`);
  await sql`update ${id(categoryTable(cat))} set ${sql.join(sets)} where record_id = ${row.id}`.execute(trx);
  return true;
}

/** Change the envelope only (review, delete, restore) under the same version rule; values may be sql`now()`. */
export async function updateEnvelope(
  trx: Tx, recordId: string, expectedVersion: number | null, set: Record<string, unknown>,
): Promise<boolean> {
  const sets = Object.entries(set).map(([k, v]) => sql`${id(k)} = ${v}`);
  const { rows } = await sql<{ id: string }>`
    update archive_record set version = version + 1, updated_at = now(), ${sql.join(sets)}
    where id = ${recordId} ${expectedVersion === null ? sql`` : sql`and version = ${expectedVersion}`}
    returning id`.execute(trx);
  return rows.length > 0;
}

export async function listMaterials(trx: Tx, recordIds: string[]): Promise<Map<string, MaterialRow[]>> {
  const out = new Map<string, MaterialRow[]>();
  if (!recordIds.length) return out;
  const rows = await trx.selectFrom('record_material')
    .select(['id', 'record_id', 'name', sql<string | null>`to_char(formed_on, 'YYYY-MM-DD')`.as('formed_on'), 'pages', 'sort_order'])
    .where('record_id', 'in', recordIds).orderBy('sort_order').orderBy('id').execute();
  for (const r of rows) {
    const arr = out.get(r.record_id) ?? [];
    arr.push({ id: r.id, name: r.name, formed_on: r.formed_on, pages: r.pages, sort_order: r.sort_order });
    out.set(r.record_id, arr);
  }
  return out;
}

/** A catalogue entry as the form sends it: `id` names an existing entry of the record (kept, with its scan). */
export interface MaterialItem { id?: string | null; name: string; formedOn?: string | null; pages?: number | null }

/**
 * Set a record's catalogue (the form sends it whole). Entries that name their id are updated in place, so the scan
 * attached to them (object_key) stays; entries without one are added; entries left out are removed. Answers false,
 * changing nothing, when an id is not an entry of this record (or is given twice).
 */
export async function setMaterials(trx: Tx, tenantId: string, recordId: string, items: MaterialItem[]): Promise<boolean> {
  const existing = new Set((await trx.selectFrom('record_material').select('id').where('record_id', '=', recordId).execute()).map((r) => r.id));
  const kept = items.map((m) => m.id).filter((id): id is string => !!id);
  if (new Set(kept).size !== kept.length || kept.some((id) => !existing.has(id))) return false;
  const gone = [...existing].filter((id) => !kept.includes(id));
  if (gone.length) await trx.deleteFrom('record_material').where('record_id', '=', recordId).where('id', 'in', gone).execute();
  for (const [i, m] of items.entries()) {
    const values = { name: m.name, formed_on: m.formedOn ?? null, pages: m.pages ?? null, sort_order: i };
    if (m.id) await trx.updateTable('record_material').set(values).where('record_id', '=', recordId).where('id', '=', m.id).execute();
    else await trx.insertInto('record_material').values({ tenant_id: tenantId, record_id: recordId, ...values }).execute();
  }
  return true;
}

export async function addRevision(
  trx: Tx, r: { tenantId: string; recordId: string; version: number; action: string; actorId: string; actorName: string; changes?: object; reason?: string | null },
) {
  await trx.insertInto('record_revision').values({
    tenant_id: r.tenantId, record_id: r.recordId, version: r.version, action: r.action, actor_id: r.actorId,
    actor_name: r.actorName, changes: JSON.stringify(r.changes ?? {}), reason: r.reason ?? null,
  }).execute();
}

export async function listRevisions(trx: Tx, recordId: string): Promise<RevisionRow[]> {
  return trx.selectFrom('record_revision').select(['id', 'version', 'action', 'actor_name', 'at', 'changes', 'reason'])
    .where('record_id', '=', recordId).orderBy('id', 'desc').execute();
}
