// The tenant commands — create a child tenant, rename / reorder, move a subtree, suspend or resume — with their
// rules in one place: the role's right on the tenant object (CASL: never one's own tenant), the code rule (a child's
// code starts with its parent's), the tree rule (not below itself), the sessions a suspension ends, and the tenant
// named on the audit row. GraphQL (tenants/schema.ts) only parses input and calls them.
import { asSubject } from '../../authz/abilities.js';
import { revokeSubtreeSessions } from '../../auth/sessions.js';
import { isUniqueViolation } from '../../db/errors.js';
import { badInput } from '../../graphql/context.js';
import { denied, type CommandContext } from '../command.js';
import {
  childTenantCode, findTenant, insertTenant, moveTenant as moveTenantRow, patchTenant, setTenantStatus as setTenantStatusRow,
  tenantCodeConflict, type TenantKind, type TenantRow,
} from './repo.js';

type TenantAction = 'create' | 'update' | 'suspend' | 'move';

function requireRole(c: CommandContext, action: TenantAction) {
  if (!c.ability.can(action, 'Tenant')) throw denied(c);
}

/** A tenant the caller may act on: visible, and the role's rule allows the action on it. Else null (missing). */
async function target(c: CommandContext, action: Exclude<TenantAction, 'create'>, id: string): Promise<TenantRow | null> {
  requireRole(c, action);
  const row = await findTenant(c.trx, id);
  if (!row) return null;
  c.audit.target('Tenant', row.id, row.code);
  if (!c.ability.can(action, asSubject('Tenant', row))) throw denied(c);
  return row;
}

export interface CreateTenantInput { parentId: string; code: string; name: string; kind: TenantKind; sortOrder?: number | null }

/** A child tenant under a visible parent; null when the parent is missing or invisible. */
export async function createTenant(c: CommandContext, input: CreateTenantInput): Promise<TenantRow | null> {
  const { trx } = c;
  requireRole(c, 'create');
  const parent = await findTenant(trx, input.parentId);
  if (!parent) return null;
  const code = childTenantCode(parent.code, input.code);
  if (code.length > 60) throw badInput('代码最长 60 位（含上级代码前缀）');
  const taken = () => badInput(`代码 ${code} 已被使用或与已有下级机构的代码重叠，请换一个`);
  if (await tenantCodeConflict(trx, parent.code, code)) throw taken();
  try {
    const id = await insertTenant(trx, parent, { code, name: input.name, kind: input.kind, sortOrder: input.sortOrder });
    c.audit.target('Tenant', id, code);
    return findTenant(trx, id);
  } catch (e) {
    // Only a tenant created before the prefix rule, or moved away since, can collide unseen: same answer.
    if (isUniqueViolation(e)) throw taken();
    throw e;
  }
}

/** Rename or reorder a tenant below the caller's own. */
export async function updateTenant(c: CommandContext, input: { id: string; name?: string | null; sortOrder?: number | null }): Promise<TenantRow | null> {
  const row = await target(c, 'update', input.id);
  if (!row) return null;
  await patchTenant(c.trx, row.id, { name: input.name ?? undefined, sortOrder: input.sortOrder ?? undefined });
  return findTenant(c.trx, row.id);
}

/** Move a tenant (with its subtree) under another visible tenant; never below itself. */
export async function moveTenant(c: CommandContext, input: { id: string; parentId: string }): Promise<TenantRow | null> {
  const row = await target(c, 'move', input.id);
  if (!row) return null;
  const parent = await findTenant(c.trx, input.parentId);
  if (!parent) return null;
  if (parent.path === row.path || parent.path.startsWith(row.path + '.')) throw badInput('不能移动到本机构或其下级之下');
  if (parent.id === row.parent_id) return row;
  await moveTenantRow(c.trx, row, parent);
  return findTenant(c.trx, row.id);
}

/** Suspend (with the whole subtree, ending its sessions) or resume a tenant below the caller's own. */
export async function setTenantStatus(c: CommandContext, input: { id: string; status: 'active' | 'suspended' }): Promise<TenantRow | null> {
  const row = await target(c, 'suspend', input.id);
  if (!row) return null;
  await setTenantStatusRow(c.trx, row.id, input.status);
  if (input.status === 'suspended') await revokeSubtreeSessions(c.trx, row.path, 'tenant_suspended');
  return findTenant(c.trx, row.id);
}
