// Tenant queries and administration (RLS: the caller's subtree only).
import { sql } from 'kysely';
import type { Tx } from '../../db/scope.js';
import { codeToLabel, escapeLike, isUuid } from '../../db/scope.js';

export interface TenantRow {
  id: string;
  code: string;
  name: string;
  kind: string;
  path: string;
  parent_id: string | null;
  sort_order: number;
  status: string;
  /** Suspended by itself or by a visible ancestor. */
  effective_status: string;
}

/** 'suspended' when the tenant aliased t or any visible ancestor is suspended. */
export const effectiveStatusSql = () =>
  sql<string>`case when exists (select 1 from tenant a where a.path @> t.path and a.status = 'suspended') then 'suspended' else 'active' end`;

const cols = ['t.id', 't.code', 't.name', 't.kind', sql<string>`t.path::text`.as('path'), 't.parent_id', 't.sort_order', 't.status',
  effectiveStatusSql().as('effective_status'),
] as const;

const base = (trx: Tx) => trx.selectFrom('tenant as t').select([...cols]);

export async function listTenants(trx: Tx): Promise<TenantRow[]> {
  return (await base(trx).orderBy(sql`nlevel(t.path)`).orderBy('t.sort_order').orderBy('t.code').execute()) as TenantRow[];
}

export async function findTenant(trx: Tx, id: string): Promise<TenantRow | null> {
  if (!isUuid(id)) return null;
  return ((await base(trx).where('t.id', '=', id).executeTakeFirst()) as TenantRow) ?? null;
}

export async function findTenantByCode(trx: Tx, code: string): Promise<TenantRow | null> {
  return ((await base(trx).where('t.code', '=', code).executeTakeFirst()) as TenantRow) ?? null;
}

// Kind labels and the code pattern are shared with the console.
import type { TenantKind } from '../../../../../shared/tenants.js';
export { TENANT_CODE_RE, TENANT_KINDS, type TenantKind } from '../../../../../shared/tenants.js';

/**
 * Tenant codes are global (they prefix login names), so a uniqueness error would tell which codes exist. A new
 * tenant's code is therefore its parent's code + '-' + a suffix (prepended when the caller gives only the suffix):
 * a code beginning with P + '-' can only belong to a tenant under P, so a collision is with a tenant the caller
 * already sees. Two more checks keep that true: a code may not pass through another tenant's code (km creating
 * km-wh-x while km-wh exists), nor claim a prefix that codes below already use (creating km-pz while km-pz-jy
 * exists). Tenants made before the rule (the demo's km under yn) keep their codes; a tenant moved to another parent
 * keeps its code, so its old parent's admin could still meet it — a code it once administered.
 */
export function childTenantCode(parentCode: string, input: string): string {
  const prefix = `${parentCode}-`;
  return input.startsWith(prefix) ? input : prefix + input;
}

/** Whether a new code under parentCode collides with a tenant in scope (the code, a code between, or codes below). */
export async function tenantCodeConflict(trx: Tx, parentCode: string, code: string): Promise<boolean> {
  const parts = code.slice(parentCode.length + 1).split('-');
  const between = parts.slice(0, -1).map((_, i) => `${parentCode}-${parts.slice(0, i + 1).join('-')}`);
  const hit = await trx.selectFrom('tenant').select('id')
    .where((eb) => eb.or([eb('code', 'in', [code, ...between]), eb('code', 'like', `${escapeLike(code)}-%`)]))
    .limit(1).executeTakeFirst();
  return !!hit;
}

export async function insertTenant(trx: Tx, parent: TenantRow, t: { code: string; name: string; kind: TenantKind; sortOrder?: number | null }) {
  const sortOrder = t.sortOrder ?? Number((await trx.selectFrom('tenant').select(sql<string>`coalesce(max(sort_order), 0) + 10`.as('n'))
    .where('parent_id', '=', parent.id).executeTakeFirstOrThrow()).n);
  const row = await trx.insertInto('tenant').values({
    code: t.code, name: t.name, kind: t.kind, parent_id: parent.id, path: `${parent.path}.${codeToLabel(t.code)}`, sort_order: sortOrder,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function patchTenant(trx: Tx, id: string, p: { name?: string; sortOrder?: number }) {
  const set: Record<string, unknown> = {};
  if (p.name !== undefined) set.name = p.name;
  if (p.sortOrder !== undefined) set.sort_order = p.sortOrder;
  if (Object.keys(set).length) await trx.updateTable('tenant').set(set).where('id', '=', id).execute();
}

/** Re-parent a tenant: the paths of its whole subtree follow. */
export async function moveTenant(trx: Tx, moved: TenantRow, newParent: TenantRow) {
  const label = moved.path.split('.').pop()!;
  const newPath = `${newParent.path}.${label}`;
  // subpath(p, n) with n = nlevel(p) is an error, so the moved tenant itself takes the new path directly.
  await sql`update tenant set path = case when path = ${moved.path}::ltree then ${newPath}::ltree
                                          else ${newPath}::ltree || subpath(path, nlevel(${moved.path}::ltree)) end
             where path <@ ${moved.path}::ltree`.execute(trx);
  await trx.updateTable('tenant').set({ parent_id: newParent.id }).where('id', '=', moved.id).execute();
}

export async function setTenantStatus(trx: Tx, id: string, status: 'active' | 'suspended') {
  await trx.updateTable('tenant').set({ status }).where('id', '=', id).execute();
}
