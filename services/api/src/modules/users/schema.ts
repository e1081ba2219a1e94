import { sql } from 'kysely';
import { z } from 'zod';
import { builder, connection, connectionType, pageOffset, pageSize } from '../../graphql/builder.js';
import { idList, oneOf, passwordText, searchText, text } from '../../graphql/inputs.js';
import { authorize, authorizeObject, badInput, type Ctx } from '../../graphql/context.js';
import { asSubject } from '../../authz/abilities.js';
import { ROLE_LABELS, ROLES, type Role } from '../../auth/principal.js';
import { hashPassword } from '../../auth/passwords.js';
import { passwordProblem } from '../../auth/password-policy.js';
import { revokeUserSessions } from '../../auth/sessions.js';
import { isUniqueViolation } from '../../db/errors.js';
import { effectiveSettings } from '../security/repo.js';
import { findTenant } from '../tenants/repo.js';
import { countUsers, findUser, listUsers, setUserUnits, unitsOfTenant, type UserRow } from './repo.js';

const LOGIN_NAME_RE = /^[a-z0-9][a-z0-9_-]{1,31}$/;
const displayName = text('姓名', 50);
const roleCode = oneOf(ROLES, '角色无效，只能是管理员、纪检干部、领导、填报员、审计员之一');
const unitIds = idList('负责单位', 500);

const User = builder.objectRef<UserRow>('User').implement({
  description: '用户账户',
  fields: (t) => ({
    id: t.exposeID('id'),
    username: t.exposeString('username', { description: '登录名：租户代码.账户名' }),
    displayName: t.exposeString('display_name'),
    role: t.exposeString('role'),
    roleLabel: t.string({ resolve: (r) => ROLE_LABELS[r.role as Role] ?? r.role }),
    status: t.exposeString('status', { description: 'active | disabled' }),
    locked: t.boolean({ description: '因登录失败次数过多而临时锁定', resolve: (r) => !!r.locked_until && new Date(r.locked_until) > new Date() }),
    lockedUntil: t.field({ type: 'DateTime', nullable: true, resolve: (r) => r.locked_until }),
    failedLogins: t.exposeInt('failed_logins'),
    lastLoginAt: t.field({ type: 'DateTime', nullable: true, resolve: (r) => r.last_login_at }),
    lastLoginIp: t.exposeString('last_login_ip', { nullable: true }),
    mustChangePassword: t.exposeBoolean('must_change_password'),
    createdAt: t.field({ type: 'DateTime', resolve: (r) => r.created_at }),
    tenantId: t.exposeID('tenant_id'),
    tenantCode: t.exposeString('tenant_code'),
    tenantName: t.exposeString('tenant_name'),
    unitIds: t.idList({ description: '填报员负责的单位', resolve: (r) => r.unit_ids ?? [] }),
  }),
});

const UserConnection = connectionType('User', User);

builder.queryField('users', (t) =>
  t.field({
    type: UserConnection,
    description: '本级及下级租户的用户（管理员）',
    args: {
      tenantId: t.arg.id(), search: t.arg.string({ description: '登录名或姓名', validate: searchText }), role: t.arg.string({ validate: roleCode }),
      first: t.arg.int(), offset: t.arg.int(), after: t.arg.string(),
    },
    resolve: async (_r, args, ctx) => {
      const { trx } = authorize(ctx, 'read', 'User');
      const f = { tenantId: args.tenantId ? String(args.tenantId) : null, search: args.search, role: args.role };
      const limit = pageSize(args.first, 50);
      const offset = pageOffset(args);
      const [rows, total] = await Promise.all([limit ? listUsers(trx, f, limit, offset) : [], countUsers(trx, f)]);
      return connection(rows, offset, total);
    },
  }),
);

builder.queryField('user', (t) =>
  t.field({
    type: User,
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_r, { id }, ctx) => findUser(authorize(ctx, 'read', 'User').trx, String(id)),
  }),
);

async function checkPassword(ctx: Ctx, tenantId: string, password: string, username: string) {
  const problem = passwordProblem(password, await effectiveSettings(ctx.trx!, tenantId), username);
  if (problem) throw badInput(problem);
}

/** Resolve a filler's unit list: every id must be a unit of the user's own tenant. */
async function resolveUnits(ctx: Ctx, tenantId: string, unitIds: readonly (string | number)[] | null | undefined) {
  const ids = (unitIds ?? []).map(String);
  const found = await unitsOfTenant(ctx.trx!, ids, tenantId);
  if (found.length !== new Set(ids).size) throw badInput('负责单位不存在或不属于该用户所在租户');
  return found;
}

const UserInput = builder.inputType('UserInput', {
  fields: (t) => ({
    tenantId: t.id({ required: true }),
    loginName: t.string({
      required: true,
      description: '账户名（登录名为 租户代码.账户名）',
      validate: z.string().trim().toLowerCase().regex(LOGIN_NAME_RE, '账户名须为 2–32 位小写字母、数字、下划线或连字符，以字母或数字开头'),
    }),
    displayName: t.string({ required: true, validate: displayName }),
    role: t.string({ required: true, description: ROLES.join(' | '), validate: roleCode }),
    password: t.string({ required: true, description: '初始密码；首次登录须修改', validate: passwordText }),
    unitIds: t.idList({ description: '填报员负责的单位', validate: unitIds }),
  }),
});

builder.mutationField('createUser', (t) =>
  t.field({
    type: User,
    nullable: true,
    description: '在本级或下级租户新建用户；租户不存在或不可见时为 null',
    args: { input: t.arg({ type: UserInput, required: true }) },
    resolve: async (_r, { input }, ctx) => {
      const { trx } = authorize(ctx, 'create', 'User');
      const tenant = await findTenant(trx, String(input.tenantId));
      if (!tenant) return null;
      const username = `${tenant.code}.${input.loginName}`;
      const role = input.role as Role;
      const { displayName } = input;
      await checkPassword(ctx, tenant.id, input.password, username);
      const units = role === 'filler' ? await resolveUnits(ctx, tenant.id, input.unitIds) : [];
      try {
        const row = await trx.insertInto('app_user').values({
          tenant_id: tenant.id, username, display_name: displayName, role, password_hash: await hashPassword(input.password),
          must_change_password: true,
        }).returning(['id', 'tenant_id']).executeTakeFirstOrThrow();
        ctx.audit.target('User', row.id, username);
        await setUserUnits(trx, row, units);
        return findUser(trx, row.id);
      } catch (e) {
        if (isUniqueViolation(e)) throw badInput(`登录名 ${username} 已存在`);
        throw e;
      }
    },
  }),
);

type UserAction = 'update' | 'disable' | 'unlock' | 'resetPassword';
/** A user the caller may act on: visible, and not the caller's own account. Else null (missing) or FORBIDDEN. */
async function target(ctx: Ctx, action: UserAction, id: string) {
  const { trx } = authorize(ctx, action, 'User');
  const row = await findUser(trx, id);
  if (!row) return { trx, row: null };
  ctx.audit.target('User', row.id, row.username);
  authorizeObject(ctx, action, asSubject('User', row));
  return { trx, row };
}

const UserPatch = builder.inputType('UserPatch', {
  fields: (t) => ({
    displayName: t.string({ validate: displayName }),
    role: t.string({ description: '改变角色会结束该用户的在线会话', validate: roleCode }),
    unitIds: t.idList({ description: '填报员负责的单位（整体替换）', validate: unitIds }),
  }),
});

builder.mutationField('updateUser', (t) =>
  t.field({
    type: User,
    nullable: true,
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UserPatch, required: true }) },
    resolve: async (_r, { id, input }, ctx) => {
      const { trx, row } = await target(ctx, 'update', String(id));
      if (!row) return null;
      const set: Record<string, unknown> = {};
      if (input.displayName !== null && input.displayName !== undefined) set.display_name = input.displayName;
      const role = (input.role ?? row.role) as Role;
      if (role !== row.role) set.role = role;
      if (Object.keys(set).length) await trx.updateTable('app_user').set(set).where('id', '=', row.id).execute();
      if (role !== 'filler') {
        await setUserUnits(trx, row, []);
      } else if (input.unitIds !== null && input.unitIds !== undefined) {
        await setUserUnits(trx, row, await resolveUnits(ctx, row.tenant_id, input.unitIds));
      }
      if (role !== row.role) await revokeUserSessions(trx, row.id, 'role_changed');
      return findUser(trx, row.id);
    },
  }),
);

builder.mutationField('setUserStatus', (t) =>
  t.field({
    type: User,
    nullable: true,
    description: '停用（立即结束其会话）或启用用户',
    args: {
      id: t.arg.id({ required: true }),
      status: t.arg.string({ required: true, description: 'active | disabled' })
        .validate(oneOf(['active', 'disabled'] as const, '状态须为 active 或 disabled')),
    },
    resolve: async (_r, args, ctx) => {
      const { trx, row } = await target(ctx, 'disable', String(args.id));
      if (!row) return null;
      await trx.updateTable('app_user').set({ status: args.status }).where('id', '=', row.id).execute();
      if (args.status === 'disabled') await revokeUserSessions(trx, row.id, 'disabled');
      return findUser(trx, row.id);
    },
  }),
);

builder.mutationField('unlockUser', (t) =>
  t.field({
    type: User,
    nullable: true,
    description: '解除登录失败锁定',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_r, args, ctx) => {
      const { trx, row } = await target(ctx, 'unlock', String(args.id));
      if (!row) return null;
      await trx.updateTable('app_user').set({ failed_logins: 0, locked_until: null }).where('id', '=', row.id).execute();
      return findUser(trx, row.id);
    },
  }),
);

builder.mutationField('resetUserPassword', (t) =>
  t.field({
    type: User,
    nullable: true,
    description: '重置密码：结束其会话，下次登录须修改密码',
    args: { id: t.arg.id({ required: true }), password: t.arg.string({ required: true, validate: passwordText }) },
    resolve: async (_r, args, ctx) => {
      const { trx, row } = await target(ctx, 'resetPassword', String(args.id));
      if (!row) return null;
      await checkPassword(ctx, row.tenant_id, args.password, row.username);
      await trx.updateTable('app_user').set({
        password_hash: await hashPassword(args.password), must_change_password: true, failed_logins: 0, locked_until: null,
        password_changed_at: sql`now()` as never,
      }).where('id', '=', row.id).execute();
      await revokeUserSessions(trx, row.id, 'password_reset');
      return findUser(trx, row.id);
    },
  }),
);
