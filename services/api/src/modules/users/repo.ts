// User accounts of the caller's subtree (RLS), for administration.
import { sql, type SqlBool } from 'kysely';
import type { Tx } from '../../db/scope.js';
import { escapeLike, isUuid } from '../../db/scope.js';

export interface UserRow {
  id: string;
  tenant_id: string;
  tenant_code: string;
  tenant_name: string;
  tenant_path: string;
  username: string;
  display_name: string;
  role: string;
  status: string;
  failed_logins: number;
  locked_until: Date | null;
  last_login_at: Date | null;
  last_login_ip: string | null;
  must_change_password: boolean;
  created_at: Date;
  activation_expires_at: Date | null;
  unit_ids: string[];
}

export interface UserFilter { tenantId?: string | null; search?: string | null; role?: string | null }

function base(trx: Tx) {
  return trx.selectFrom('app_user as u').innerJoin('tenant as t', 't.id', 'u.tenant_id').select([
    'u.id', 'u.tenant_id', 't.code as tenant_code', 't.name as tenant_name', sql<string>`t.path::text`.as('tenant_path'),
    'u.username', 'u.display_name', 'u.role', 'u.status', 'u.failed_logins', 'u.locked_until', 'u.last_login_at',
    'u.last_login_ip', 'u.must_change_password', 'u.created_at', 'u.activation_expires_at',
    sql<string[]>`coalesce((select array_agg(uu.unit_id) from user_unit uu where uu.user_id = u.id), '{}')`.as('unit_ids'),
  ]);
}

function filtered(trx: Tx, f: UserFilter) {
  let q = base(trx);
  if (f.tenantId) q = isUuid(f.tenantId) ? q.where('u.tenant_id', '=', f.tenantId) : q.where(sql<SqlBool>`false`);
  if (f.role) q = q.where('u.role', '=', f.role);
  const s = f.search?.trim().toLowerCase();
  if (s) q = q.where((eb) => eb.or([eb('u.username', 'like', `%${escapeLike(s)}%`), eb('u.display_name', 'like', `%${escapeLike(s)}%`)]));
  return q;
}

export async function listUsers(trx: Tx, f: UserFilter, limit: number, offset: number): Promise<UserRow[]> {
  return (await filtered(trx, f).orderBy(sql`t.path`).orderBy('u.username').limit(limit).offset(offset).execute());
}

export async function countUsers(trx: Tx, f: UserFilter): Promise<number> {
  const q = filtered(trx, f).clearSelect().select(sql<string>`count(*)`.as('n'));
  return Number((await q.executeTakeFirstOrThrow()).n);
}

export async function findUser(trx: Tx, id: string): Promise<UserRow | null> {
  if (!isUuid(id)) return null;
  return ((await base(trx).where('u.id', '=', id).executeTakeFirst())) ?? null;
}

/** The ids among unitIds that are visible units of the given tenant; duplicates dropped. */
export async function unitsOfTenant(trx: Tx, unitIds: string[], tenantId: string): Promise<string[]> {
  const ids = [...new Set(unitIds)];
  if (!ids.length) return [];
  if (!ids.every(isUuid)) return [];
  const rows = await trx.selectFrom('unit').select('id').where('id', 'in', ids).where('tenant_id', '=', tenantId).execute();
  return rows.map((r) => r.id);
}

export async function setUserUnits(trx: Tx, user: { id: string; tenant_id: string }, unitIds: string[]) {
  await trx.deleteFrom('user_unit').where('user_id', '=', user.id).execute();
  if (unitIds.length) {
    await trx.insertInto('user_unit').values(unitIds.map((unit_id) => ({ tenant_id: user.tenant_id, user_id: user.id, unit_id }))).execute();
  }
}
