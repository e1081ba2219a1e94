// Role grants (授权申请) of the caller's subtree (RLS): Kysely queries on the request's transaction.
import { sql, type SqlBool } from 'kysely';
import type { Tx } from '../../db/scope.js';
import { isUuid } from '../../db/scope.js';

export interface GrantRow {
  id: string;
  tenant_id: string;
  tenant_code: string;
  tenant_name: string;
  user_id: string;
  username: string;
  display_name: string;
  role: string;
  previous_role: string | null;
  unit_ids: string[];
  unit_names: string[];
  status: string;
  requested_by: string;
  requested_by_name: string;
  requested_at: Date;
  decided_by: string | null;
  decided_by_name: string | null;
  decided_at: Date | null;
  reason: string | null;
}

export type GrantStatusFilter = 'pending' | 'decided' | 'all';
export interface GrantFilter { status: GrantStatusFilter; tenantId?: string | null; userId?: string | null }

function base(trx: Tx) {
  return trx.selectFrom('role_grant as g')
    .innerJoin('app_user as u', 'u.id', 'g.user_id')
    .innerJoin('tenant as t', 't.id', 'g.tenant_id')
    .select([
      'g.id', 'g.tenant_id', 't.code as tenant_code', 't.name as tenant_name', 'g.user_id', 'u.username', 'u.display_name',
      'g.role', 'g.previous_role', 'g.unit_ids', 'g.status', 'g.requested_by', 'g.requested_by_name', 'g.requested_at',
      'g.decided_by', 'g.decided_by_name', 'g.decided_at', 'g.reason',
      sql<string[]>`coalesce((select array_agg(un.name order by un.sort_order, un.name) from unit un where un.id = any(g.unit_ids)), '{}')`.as('unit_names'),
    ]);
}

function filtered(trx: Tx, f: GrantFilter) {
  let q = base(trx);
  // Superseded requests were replaced by a later one from the same administrator: not decisions, not shown.
  if (f.status === 'pending') q = q.where('g.status', '=', 'pending');
  else if (f.status === 'decided') q = q.where('g.status', 'in', ['approved', 'rejected']);
  else q = q.where('g.status', '<>', 'superseded');
  if (f.tenantId) q = isUuid(f.tenantId) ? q.where('g.tenant_id', '=', f.tenantId) : q.where(sql<SqlBool>`false`);
  if (f.userId) q = isUuid(f.userId) ? q.where('g.user_id', '=', f.userId) : q.where(sql<SqlBool>`false`);
  return q;
}

export async function listGrants(trx: Tx, f: GrantFilter, limit: number, offset: number): Promise<GrantRow[]> {
  return (await filtered(trx, f)
    .orderBy(sql`case when g.status = 'pending' then 0 else 1 end`)
    .orderBy(sql`coalesce(g.decided_at, g.requested_at)`, 'desc').orderBy('g.id')
    .limit(limit).offset(offset).execute());
}

export async function countGrants(trx: Tx, f: GrantFilter): Promise<number> {
  return Number((await filtered(trx, f).clearSelect().select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
}

export async function findGrant(trx: Tx, id: string): Promise<GrantRow | null> {
  if (!isUuid(id)) return null;
  return ((await base(trx).where('g.id', '=', id).executeTakeFirst())) ?? null;
}

/** The open request of an account, if any. */
export async function pendingGrantOf(trx: Tx, userId: string): Promise<GrantRow | null> {
  return ((await base(trx).where('g.user_id', '=', userId).where('g.status', '=', 'pending').executeTakeFirst())) ?? null;
}

export interface AlertRow extends GrantRow {
  first_login_at: Date;
  read_count: number;
  cadre_count: number;
  last_read_at: Date;
}

/**
 * Approved grants followed within an hour by the account's login and archive reads (rows of the access log that name
 * cadres): what an auditor should look at first. Limited to grants decided in the last `days` days.
 */
export async function grantAlerts(trx: Tx, days: number, limit: number): Promise<AlertRow[]> {
  const { rows } = await sql<{ id: string; first_login_at: Date; read_count: string; cadre_count: string; last_read_at: Date }>`
    select g.id, l.first_login_at, r.read_count, r.cadre_count, r.last_read_at
      from role_grant g
      cross join lateral (
        select min(e.at) as first_login_at from audit_event e
         where e.user_id = g.user_id and e.operation = 'login' and e.kind = 'login' and e.outcome = 'success'
           and e.at >= g.decided_at and e.at < g.decided_at + interval '1 hour') l
      cross join lateral (
        select count(*) as read_count, max(e.at) as last_read_at,
               (select count(distinct c) from audit_event e2, unnest(e2.cadre_ids) c
                 where e2.user_id = g.user_id and e2.kind = 'read' and e2.at >= g.decided_at and e2.at < g.decided_at + interval '1 hour') as cadre_count
          from audit_event e
         where e.user_id = g.user_id and e.kind = 'read' and cardinality(e.cadre_ids) > 0
           and e.at >= g.decided_at and e.at < g.decided_at + interval '1 hour') r
     where g.status = 'approved' and g.decided_at > now() - make_interval(days => ${days})
       and l.first_login_at is not null and r.read_count > 0
     order by g.decided_at desc
     limit ${limit}`.execute(trx);
  if (!rows.length) return [];
  const grants = (await base(trx).where('g.id', 'in', rows.map((r) => r.id)).execute());
  const byId = new Map(grants.map((g) => [g.id, g]));
  return rows.filter((r) => byId.has(r.id)).map((r) => ({
    ...byId.get(r.id)!, first_login_at: r.first_login_at, read_count: Number(r.read_count), cadre_count: Number(r.cadre_count),
    last_read_at: r.last_read_at,
  }));
}
