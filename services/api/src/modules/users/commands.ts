// The account commands of a system administrator — create (with a one-time activation code), update (name; role
// and a filler's units through the grant rules, modules/grants/service.ts), disable / enable, unlock, reset the
// password — with their rules in one place: the role's right on the account as it is and as it would become
// (CASL: never one's own account, never an administrator of one's own tenant), a filler's units within the
// account's tenant, the sessions a change ends, and the account named on the audit row. GraphQL
// (users/schema.ts) only parses input and calls them.
import { asSubject } from '../../authz/abilities.js';
import { needsApproval, ROLE_LABELS, type Role } from '../../auth/principal.js';
import { issueActivation, unusablePasswordHash, type Activation } from '../../auth/activation.js';
import { revokeUserSessions } from '../../auth/sessions.js';
import { isUniqueViolation } from '../../db/errors.js';
import { badInput } from '../../graphql/context.js';
import { denied, type CommandContext } from '../command.js';
import type { GrantRow } from '../grants/repo.js';
import { changeAccountRole, requestNewAccountGrant, requestReconfirmation } from '../grants/service.js';
import { findTenant } from '../tenants/repo.js';
import { findUser, unitsOfTenant, type UserRow } from './repo.js';

/** What createUser and resetUserPassword answer: the one-time activation code, shown once and never stored. */
export interface Issued { user: UserRow; activation: Activation; grant: GrantRow | null }

type UserAction = 'create' | 'update' | 'disable' | 'unlock' | 'resetPassword';

function requireRole(c: CommandContext, action: UserAction) {
  if (!c.ability.can(action, 'User')) throw denied(c);
}

/** Resolve a filler's unit list: every id must be a unit of the user's own tenant. */
async function resolveUnits(c: CommandContext, tenantId: string, unitIds: readonly (string | number)[] | null | undefined) {
  const ids = (unitIds ?? []).map(String);
  const found = await unitsOfTenant(c.trx, ids, tenantId);
  if (found.length !== new Set(ids).size) throw badInput('负责单位不存在或不属于该用户所在机构');
  return found;
}

/** A user the caller may act on: visible, and not the caller's own account. Else null (missing) or FORBIDDEN. */
async function target(c: CommandContext, action: Exclude<UserAction, 'create'>, id: string): Promise<UserRow | null> {
  requireRole(c, action);
  const row = await findUser(c.trx, id);
  if (!row) return null;
  c.audit.target('User', row.id, row.username);
  if (!c.ability.can(action, asSubject('User', row))) throw denied(c);
  return row;
}

export interface CreateUserInput { tenantId: string; loginName: string; displayName: string; role: Role; unitIds?: readonly (string | number)[] | null }

/** A new account in a visible tenant, without a password: an activation code; roles that read archives wait for approval. */
export async function createUser(c: CommandContext, input: CreateUserInput, activationTtlHours: number): Promise<Issued | null> {
  const { trx, principal } = c;
  requireRole(c, 'create');
  const tenant = await findTenant(trx, input.tenantId);
  if (!tenant) return null;
  const username = `${tenant.code}.${input.loginName}`;
  const role = input.role;
  c.audit.target('Tenant', tenant.id, tenant.name);
  if (!c.ability.can('create', asSubject('User', { tenant_id: tenant.id, role }))) throw denied(c);
  const units = role === 'filler' ? await resolveUnits(c, tenant.id, input.unitIds) : [];
  let row: { id: string; tenant_id: string };
  try {
    row = await trx.insertInto('app_user').values({
      tenant_id: tenant.id, username, display_name: input.displayName, role, password_hash: await unusablePasswordHash(),
      status: needsApproval(role) ? 'pending' : 'active',
    }).returning(['id', 'tenant_id']).executeTakeFirstOrThrow();
  } catch (e) {
    if (isUniqueViolation(e)) throw badInput(`登录名 ${username} 已存在`);
    throw e;
  }
  c.audit.target('User', row.id, `${username}（${ROLE_LABELS[role]}${needsApproval(role) ? '，授权待审批' : ''}；已发激活码）`);
  const grant = needsApproval(role) ? await requestNewAccountGrant(trx, principal, row, role, units) : null;
  const activation = await issueActivation(trx, row.id, activationTtlHours);
  return { user: (await findUser(trx, row.id))!, activation, grant };
}

export interface UpdateUserInput { displayName?: string | null; role?: Role | null; unitIds?: readonly (string | number)[] | null }

/** Rename at once; a role (or a filler's units) goes through the grant rules. */
export async function updateUser(c: CommandContext, id: string, input: UpdateUserInput): Promise<UserRow | null> {
  const { trx, principal } = c;
  const row = await target(c, 'update', id);
  if (!row) return null;
  const role = (input.role ?? row.role) as Role;
  // The account as it would become must be one the caller may manage (no administrator of its own tenant).
  if (!c.ability.can('update', asSubject('User', { ...row, role }))) throw denied(c);
  if (input.displayName !== null && input.displayName !== undefined && input.displayName !== row.display_name) {
    await trx.updateTable('app_user').set({ display_name: input.displayName }).where('id', '=', row.id).execute();
  }
  const unitChange = role === 'filler' && input.unitIds !== null && input.unitIds !== undefined;
  // Naming a role (even the present one, which withdraws an open request) or a filler's units goes through the grant rules.
  if ((input.role !== null && input.role !== undefined) || unitChange) {
    const units = unitChange ? await resolveUnits(c, row.tenant_id, input.unitIds) : null;
    const outcome = await changeAccountRole(trx, principal, row, { role, unitIds: units });
    if (outcome.kind === 'requested') c.audit.target('User', row.id, `${row.username}（申请授予：${ROLE_LABELS[role]}，待审批）`);
    else if (outcome.kind === 'applied') c.audit.target('User', row.id, `${row.username}（角色改为：${ROLE_LABELS[role]}）`);
    else if (outcome.kind === 'withdrawn') c.audit.target('User', row.id, `${row.username}（撤回授权申请）`);
  }
  return findUser(trx, row.id);
}

/** Disable (ending its sessions at once) or enable an account; a new account waiting for its grant is neither. */
export async function setUserStatus(c: CommandContext, id: string, status: 'active' | 'disabled'): Promise<UserRow | null> {
  const row = await target(c, 'disable', id);
  if (!row) return null;
  // A new account becomes active only through an approved grant.
  if (row.status === 'pending') throw badInput('该账户的角色授权尚待安全保密管理员审批，不能启用或停用');
  await c.trx.updateTable('app_user').set({ status }).where('id', '=', row.id).execute();
  if (status === 'disabled') await revokeUserSessions(c.trx, row.id, 'disabled');
  return findUser(c.trx, row.id);
}

/** Lift a lockout after failed logins. */
export async function unlockUser(c: CommandContext, id: string): Promise<UserRow | null> {
  const row = await target(c, 'unlock', id);
  if (!row) return null;
  await c.trx.updateTable('app_user').set({ failed_logins: 0, locked_until: null }).where('id', '=', row.id).execute();
  return findUser(c.trx, row.id);
}

/** The old password void, sessions ended, an activation code issued; a role that reads archives is confirmed again. */
export async function resetUserPassword(c: CommandContext, id: string, activationTtlHours: number): Promise<Issued | null> {
  const row = await target(c, 'resetPassword', id);
  if (!row) return null;
  const activation = await issueActivation(c.trx, row.id, activationTtlHours);
  // A new account already waits for its first grant; an active one's role is confirmed again.
  const grant = row.status === 'pending' ? null : await requestReconfirmation(c.trx, c.principal, row);
  c.audit.target('User', row.id, `${row.username}（原密码作废，已发激活码${grant ? `；「${ROLE_LABELS[row.role as Role]}」角色待重新审批` : ''}）`);
  return { user: (await findUser(c.trx, row.id))!, activation, grant };
}
