// The rules of role grants (三员分立), in one place:
// * a role that reads archives or the log (officer, leader, filler, auditor — and a filler's units) is granted only
//   when a security administrator of the account's tenant or an ancestor approves (RLS: the grant is visible to
//   them); the system administrator only requests;
// * nobody approves a request they made or one that grants to themselves (CASL, authz/abilities.ts);
// * until approved, a new account stays 'pending' (it cannot log in) and an existing account keeps its old role;
// * a password reset of an account holding such a role suspends it ('pending') until its role is confirmed again —
//   the system administrator holds the activation code and must not get the role with it;
// * one open request per account: a later request supersedes it.
import { sql } from 'kysely';
import type { Tx } from '../../db/scope.js';
import type { Principal, Role } from '../../auth/principal.js';
import { needsApproval } from '../../auth/principal.js';
import { revokeUserSessions } from '../../auth/sessions.js';
import { badInput } from '../../graphql/context.js';
import { setUserUnits } from '../users/repo.js';
import { findGrant, pendingGrantOf, type GrantRow } from './repo.js';

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && new Set([...a, ...b]).size === a.length;

/** Close the open request of an account (replaced by a later one, or withdrawn). */
async function supersede(trx: Tx, p: Principal, userId: string) {
  await trx.updateTable('role_grant').set({
    status: 'superseded', decided_by: p.userId, decided_by_name: p.displayName, decided_at: sql<Date>`now()`,
  }).where('user_id', '=', userId).where('status', '=', 'pending').execute();
}

/** Open a request for a new account (created 'pending'). */
export async function requestNewAccountGrant(trx: Tx, p: Principal, user: { id: string; tenant_id: string }, role: Role, unitIds: string[]) {
  return openRequest(trx, p, user, role, null, unitIds);
}

async function openRequest(trx: Tx, p: Principal, user: { id: string; tenant_id: string }, role: Role, previous: string | null, unitIds: string[]) {
  await supersede(trx, p, user.id);
  const row = await trx.insertInto('role_grant').values({
    tenant_id: user.tenant_id, user_id: user.id, role, previous_role: previous, unit_ids: role === 'filler' ? unitIds : [],
    requested_by: p.userId, requested_by_name: p.displayName,
  }).returning('id').executeTakeFirstOrThrow();
  return (await findGrant(trx, row.id))!;
}

/** After a reset: the account waits ('pending') until a security administrator confirms its role again. */
export async function requestReconfirmation(trx: Tx, p: Principal, user: { id: string; tenant_id: string; role: string; unit_ids: string[] }) {
  if (!needsApproval(user.role)) return null;
  const grant = await openRequest(trx, p, user, user.role as Role, user.role, user.role === 'filler' ? user.unit_ids : []);
  await trx.updateTable('app_user').set({ status: 'pending' }).where('id', '=', user.id).execute();
  return grant;
}

export interface AccountChange { role: Role; unitIds: string[] | null }
export type ChangeOutcome = { kind: 'none' } | { kind: 'applied' } | { kind: 'requested'; grant: GrantRow } | { kind: 'withdrawn' };

/**
 * A change of an existing account's role (or a filler's units) asked by a system administrator: roles without
 * archive access (admin, secadmin) apply at once; the others become a request. Asking for what the account already
 * has withdraws an open request.
 */
export async function changeAccountRole(
  trx: Tx, p: Principal, user: { id: string; tenant_id: string; role: string; status: string; unit_ids: string[] }, change: AccountChange,
): Promise<ChangeOutcome> {
  const units = change.role === 'filler' ? (change.unitIds ?? (user.role === 'filler' ? user.unit_ids : [])) : [];
  const same = change.role === user.role && (change.role !== 'filler' || sameSet(units, user.unit_ids));
  if (same) {
    // A new account waiting for its first grant cannot "withdraw" to a role it never had.
    if (user.status === 'pending') return { kind: 'none' };
    if (await pendingGrantOf(trx, user.id)) {
      await supersede(trx, p, user.id);
      return { kind: 'withdrawn' };
    }
    return { kind: 'none' };
  }
  if (needsApproval(change.role)) {
    const grant = await openRequest(trx, p, user, change.role, user.status === 'pending' ? null : user.role, units);
    return { kind: 'requested', grant };
  }
  await supersede(trx, p, user.id);
  await trx.updateTable('app_user').set({ role: change.role }).where('id', '=', user.id).execute();
  await setUserUnits(trx, user, []);
  // A new account made an administrator no longer waits for a grant.
  if (user.status === 'pending') await trx.updateTable('app_user').set({ status: 'active' }).where('id', '=', user.id).execute();
  await revokeUserSessions(trx, user.id, 'role_changed');
  return { kind: 'applied' };
}

/** Approve (by a security administrator): the role takes effect on the account's next request. */
export async function approveGrant(trx: Tx, p: Principal, g: GrantRow) {
  if (g.status !== 'pending') throw badInput('该授权申请已处理，不能重复审批');
  const user = await trx.selectFrom('app_user').select(['id', 'tenant_id', 'status', 'role']).where('id', '=', g.user_id).executeTakeFirstOrThrow();
  if (g.previous_role !== null && user.role !== g.previous_role) throw badInput('该账户的角色已经变化，此申请已失效，请系统管理员重新提交');
  // A filler's units that still exist in the account's tenant.
  const units = g.role === 'filler' && g.unit_ids.length
    ? (await trx.selectFrom('unit').select('id').where('id', 'in', g.unit_ids).where('tenant_id', '=', g.tenant_id).execute()).map((r) => r.id)
    : [];
  await trx.updateTable('app_user').set({
    role: g.role, ...(user.status === 'pending' ? { status: 'active' } : {}),
  }).where('id', '=', g.user_id).execute();
  await setUserUnits(trx, user, units);
  await revokeUserSessions(trx, g.user_id, 'role_changed');
  await trx.updateTable('role_grant').set({
    status: 'approved', decided_by: p.userId, decided_by_name: p.displayName, decided_at: sql<Date>`now()`,
  }).where('id', '=', g.id).execute();
  return (await findGrant(trx, g.id))!;
}

/** Return with a reason: nothing changes on the account (a new account stays unable to log in). */
export async function rejectGrant(trx: Tx, p: Principal, g: GrantRow, reason: string) {
  if (g.status !== 'pending') throw badInput('该授权申请已处理，不能重复审批');
  await trx.updateTable('role_grant').set({
    status: 'rejected', decided_by: p.userId, decided_by_name: p.displayName, decided_at: sql<Date>`now()`, reason,
  }).where('id', '=', g.id).execute();
  return (await findGrant(trx, g.id))!;
}
