// The unit commands — create, update (rename, kind, code, sort order), move (re-parent and reorder), merge, retire
// and restore — with their rules in one place (docs/domain.md#units): the role's right (CASL: 系统管理员 and 纪检干部),
// the tenant (visible under RLS: another tenant's id reads as missing), the tree (same tenant, never below itself,
// never under a retired unit), the code (unique among the tenant's active units), retirement (no active children,
// no cadres 在职), and the unit named on the audit row. GraphQL (units/schema.ts) only parses input and calls them.
import { GraphQLError } from 'graphql';
import { isUniqueViolation } from '../../db/errors.js';
import { badInput } from '../../graphql/context.js';
import { denied, type CommandContext } from '../command.js';
import { findTenant, type TenantRow } from '../tenants/repo.js';
import {
  activeCadreCount, activeChildren, findUnit, insertUnit, moveChildUnits, moveDefaultImportUnit, moveUnitAssignments, moveUnitCadres, patchUnit, placeUnit,
  saveDefaultImportUnit, setUnitRetired, subtreeIds, unitCodeTaken, UNIT_KINDS, unitKindCode, type UnitKind, type UnitRow,
} from './repo.js';

type UnitAction = 'create' | 'update' | 'move' | 'delete' | 'restore';

/** Missing, invisible (another tenant outside the caller's subtree) and forged ids answer alike. */
const NO_UNIT = '单位不存在或不在管理范围内';
const NO_TENANT = '机构不存在或不在管理范围内';
const missing = (message: string) => new GraphQLError(message, { extensions: { code: 'NOT_FOUND' } });

function requireRole(c: CommandContext, action: UnitAction) {
  if (!c.ability.can(action, 'Unit')) throw denied(c);
}

/** A visible unit, named on the audit row; else the Chinese NOT_FOUND error. */
async function target(c: CommandContext, id: string, message = NO_UNIT): Promise<UnitRow> {
  const row = await findUnit(c.trx, id);
  if (!row) throw missing(message);
  c.audit.target('Unit', row.id, row.name);
  return row;
}

/** The kind as a stored code, given as the code or the Chinese label. */
export function parseKind(input: string): UnitKind {
  const k = unitKindCode(input);
  if (!k) throw badInput(`单位类型无效，可选：${Object.values(UNIT_KINDS).join('、')}`);
  return k;
}

const codeTaken = (code: string) => badInput(`单位代码 ${code} 已被本机构的其他单位使用，请换一个`);

/** A parent unit for `unit`'s tenant: visible, of the same tenant, active. */
async function parentFor(c: CommandContext, tenantId: string, parentId: string): Promise<UnitRow> {
  const parent = await findUnit(c.trx, parentId);
  if (!parent) throw missing('上级单位不存在或不在管理范围内');
  if (parent.tenant_id !== tenantId) throw badInput('上级单位须属于同一机构');
  if (parent.retired_at) throw badInput(`上级单位「${parent.name}」已撤销，不能在其下设置单位`);
  return parent;
}

export interface CreateUnitInput { tenantId: string; parentId?: string | null; name: string; kind: string; code: string; sortOrder?: number | null }

/** A new unit of a visible tenant, at the top level or under one of its active units (last among its siblings). */
export async function createUnit(c: CommandContext, input: CreateUnitInput): Promise<UnitRow> {
  requireRole(c, 'create');
  const tenant = await findTenant(c.trx, input.tenantId);
  if (!tenant) throw missing(NO_TENANT);
  c.audit.target('Tenant', tenant.id, tenant.name);
  const kind = parseKind(input.kind);
  const parentId = input.parentId ? (await parentFor(c, tenant.id, input.parentId)).id : null;
  if (await unitCodeTaken(c.trx, tenant.id, input.code)) throw codeTaken(input.code);
  let id: string;
  try {
    id = await insertUnit(c.trx, { tenantId: tenant.id, parentId, name: input.name, kind, code: input.code, sortOrder: input.sortOrder });
  } catch (e) {
    if (isUniqueViolation(e)) throw codeTaken(input.code);
    throw e;
  }
  const row = (await findUnit(c.trx, id))!;
  c.audit.target('Unit', row.id, row.name);
  return row;
}

export interface UpdateUnitInput { name?: string | null; kind?: string | null; code?: string | null; sortOrder?: number | null }

/** Rename, change the kind or code, or set the sort order (its cadres follow in the list order). */
export async function updateUnit(c: CommandContext, id: string, input: UpdateUnitInput): Promise<UnitRow> {
  requireRole(c, 'update');
  const row = await target(c, id);
  const kind = input.kind ? parseKind(input.kind) : undefined;
  if (input.code && !row.retired_at && await unitCodeTaken(c.trx, row.tenant_id, input.code, row.id)) throw codeTaken(input.code);
  try {
    await patchUnit(c.trx, row.id, { name: input.name ?? undefined, kind, code: input.code ?? undefined, sortOrder: input.sortOrder ?? undefined });
  } catch (e) {
    if (isUniqueViolation(e)) throw codeTaken(String(input.code));
    throw e;
  }
  return (await findUnit(c.trx, row.id))!;
}

export interface MoveUnitInput { id: string; parentId?: string | null; beforeId?: string | null; sortOrder?: number | null }

/**
 * Move a unit (with its subtree) under another active unit of its tenant, or to the top level (parentId null), and
 * place it among its new siblings: before `beforeId`, at `sortOrder`, or last. Never under itself or a unit below it.
 */
export async function moveUnit(c: CommandContext, input: MoveUnitInput): Promise<UnitRow> {
  requireRole(c, 'move');
  // A retired unit may be moved too (e.g. out from under a retired parent before it is restored).
  const row = await target(c, input.id);
  let parentId: string | null = null;
  if (input.parentId) {
    const parent = await parentFor(c, row.tenant_id, input.parentId);
    if ((await subtreeIds(c.trx, row.tenant_id, row.id)).includes(parent.id)) throw badInput('不能移动到本单位或其下级单位之下');
    parentId = parent.id;
  }
  if (input.beforeId) {
    const before = await findUnit(c.trx, input.beforeId);
    if (!before || before.tenant_id !== row.tenant_id || before.parent_id !== parentId || before.id === row.id) {
      throw badInput('排在其前的单位须是新上级下的另一个单位');
    }
  }
  await placeUnit(c.trx, row, parentId, { beforeId: input.beforeId, sortOrder: input.sortOrder });
  return (await findUnit(c.trx, row.id))!;
}

/**
 * Merge `fromId` into `intoId` (same tenant, both active, `into` not inside `from`): the cadres of `from` move to
 * `into` (each with a revision 单位 from → into), its active child units, its fillers' assignments and the tenant's
 * 默认导入单位 (if it was `from`) too, and `from` is retired naming `into`. Answers `into`.
 */
export async function mergeUnits(c: CommandContext, fromId: string, intoId: string): Promise<UnitRow> {
  requireRole(c, 'update');
  requireRole(c, 'delete');
  const from = await target(c, fromId);
  const into = await target(c, intoId, '目标单位不存在或不在管理范围内');
  if (from.id === into.id) throw badInput('不能把单位合并到它自己');
  if (from.tenant_id !== into.tenant_id) throw badInput('只能合并同一机构的单位');
  if (from.retired_at) throw badInput(`单位「${from.name}」已撤销，不能再合并`);
  if (into.retired_at) throw badInput(`目标单位「${into.name}」已撤销，不能合并到该单位`);
  if ((await subtreeIds(c.trx, from.tenant_id, from.id)).includes(into.id)) throw badInput('不能合并到本单位的下级单位');
  const cadres = await moveUnitCadres(c.trx, from, into, { id: c.principal.userId, name: c.principal.displayName });
  c.audit.touch(cadres);
  await moveChildUnits(c.trx, from.tenant_id, from.id, into.id);
  await moveUnitAssignments(c.trx, from.tenant_id, from.id, into.id);
  await moveDefaultImportUnit(c.trx, from.tenant_id, from.id, into.id);
  await setUnitRetired(c.trx, from.id, true, into.id);
  return (await findUnit(c.trx, into.id))!;
}

/** Retire a unit: kept for history, hidden from pickers. Refused while it has active child units or cadres 在职. */
export async function retireUnit(c: CommandContext, id: string): Promise<UnitRow> {
  requireRole(c, 'delete');
  const row = await target(c, id);
  if (row.retired_at) return row;
  const kids = await activeChildren(c.trx, row.tenant_id, row.id);
  if (kids.length) {
    const names = kids.slice(0, 3).map((k) => `「${k.name}」`).join('、');
    throw badInput(`单位「${row.name}」还有 ${kids.length} 个下级单位（${names}${kids.length > 3 ? ' 等' : ''}），请先撤销或移走下级单位`);
  }
  const working = await activeCadreCount(c.trx, row.tenant_id, row.id);
  if (working) throw badInput(`单位「${row.name}」还有 ${working} 名在职干部，请先调往其他单位或合并到其他单位`);
  await setUnitRetired(c.trx, row.id, true);
  return (await findUnit(c.trx, row.id))!;
}

/** Restore a retired unit: its code must still be free, its parent (if any) active. */
export async function restoreUnit(c: CommandContext, id: string): Promise<UnitRow> {
  requireRole(c, 'restore');
  const row = await target(c, id);
  if (!row.retired_at) return row;
  if (row.parent_id) {
    const parent = await findUnit(c.trx, row.parent_id);
    if (parent?.retired_at) throw badInput(`上级单位「${parent.name}」已撤销，请先恢复上级单位，或把本单位移到其他单位之下`);
  }
  if (row.code && await unitCodeTaken(c.trx, row.tenant_id, row.code, row.id)) throw badInput(`单位代码 ${row.code} 已被其他单位使用，请先修改代码`);
  try {
    await setUnitRetired(c.trx, row.id, false);
  } catch (e) {
    if (isUniqueViolation(e)) throw badInput(`单位代码 ${row.code} 已被其他单位使用，请先修改代码`);
    throw e;
  }
  return (await findUnit(c.trx, row.id))!;
}

/**
 * Set a tenant's 默认导入单位 (the unit a new cadre of an appointment-form import is proposed into when its 现任职务
 * names no unit: modules/imports/propose.ts), or clear it (unitId null). The same right as editing the unit tree
 * (系统管理员 and 纪检干部 of the subtree); the unit must be an active unit of that very tenant. The audit row names the
 * tenant and the unit. Answers the tenant.
 */
export async function setDefaultImportUnit(c: CommandContext, tenantId: string, unitId: string | null): Promise<TenantRow> {
  requireRole(c, 'update');
  const tenant = await findTenant(c.trx, tenantId);
  if (!tenant) throw missing(NO_TENANT);
  let unit: UnitRow | null = null;
  if (unitId) {
    // Another tenant's unit outside the caller's subtree, and a forged id, read as missing (RLS).
    unit = await findUnit(c.trx, unitId);
    if (!unit) throw missing(NO_UNIT);
    if (unit.tenant_id !== tenant.id) throw badInput(`单位「${unit.name}」不属于${tenant.name}：默认导入单位只能是本机构的单位`);
    if (unit.retired_at) throw badInput(`单位「${unit.name}」已撤销，不能设为默认导入单位`);
  }
  c.audit.target('Tenant', tenant.id, `${tenant.name}（默认导入单位 → ${unit ? unit.name : '不设置'}）`);
  if (unit) c.audit.target('Unit', unit.id, unit.name);
  await saveDefaultImportUnit(c.trx, tenant.id, unit?.id ?? null, { id: c.principal.userId, name: c.principal.displayName });
  return tenant;
}
