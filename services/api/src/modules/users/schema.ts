import { sql } from 'kysely';
import { z } from 'zod';
import { builder, connection, connectionType, pageOffset, pageSize } from '../../graphql/builder.js';
import { idList, oneOf, passwordText, searchText, text } from '../../graphql/inputs.js';
import { authorize } from '../../graphql/context.js';
import { ROLE_LABELS, ROLES, type Role } from '../../auth/principal.js';
import { activateAccount } from '../../auth/activation.js';
import { pendingGrantOf } from '../grants/repo.js';
import { RoleGrant } from '../grants/schema.js';
import { countUsers, findUser, listUsers, type UserRow } from './repo.js';
import { createUser, resetUserPassword, setUserStatus, unlockUser, updateUser, type Issued } from './commands.js';
import { commandContext } from '../command.js';
import { LOGIN_NAME_RE } from '../../../../../shared/roles.js';

const displayName = text('姓名', 50);
const roleCode = oneOf(ROLES, `角色无效，只能是${ROLES.map((r) => ROLE_LABELS[r]).join('、')}之一`);
const unitIds = idList('负责单位', 500);

const User = builder.objectRef<UserRow>('User').implement({
  description: '用户账户',
  fields: (t) => ({
    id: t.exposeID('id'),
    username: t.exposeString('username', { description: '登录名：机构代码.账户名' }),
    displayName: t.exposeString('display_name'),
    role: t.exposeString('role'),
    roleLabel: t.string({ resolve: (r) => ROLE_LABELS[r.role as Role] ?? r.role }),
    status: t.exposeString('status', { description: 'active | disabled | pending（新建账户，角色授权待审批，不能登录）' }),
    statusLabel: t.string({ resolve: (r) => ({ active: '正常', disabled: '已停用', pending: '待授权' } as Record<string, string>)[r.status] ?? r.status }),
    activationPending: t.boolean({ description: '已发激活码、本人尚未激活', resolve: (r) => !!r.activation_expires_at }),
    activationExpiresAt: t.field({ type: 'DateTime', nullable: true, resolve: (r) => r.activation_expires_at }),
    pendingGrant: t.field({
      type: RoleGrant, nullable: true, description: '待安全保密管理员审批的角色授权申请',
      resolve: (r, _a, ctx) => pendingGrantOf(ctx.trx!, r.id),
    }),
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
    extensions: { auditLabel: '查看用户列表' },
    type: UserConnection,
    description: '本级及下级机构的用户（管理员）',
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
    extensions: { auditLabel: '查看用户' },
    type: User,
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_r, { id }, ctx) => findUser(authorize(ctx, 'read', 'User').trx, String(id)),
  }),
);

const UserInput = builder.inputType('UserInput', {
  fields: (t) => ({
    tenantId: t.id({ required: true }),
    loginName: t.string({
      required: true,
      description: '账户名（登录名为 机构代码.账户名）',
      validate: z.string().trim().toLowerCase().regex(LOGIN_NAME_RE, '账户名须为 2–32 位小写字母、数字、下划线或连字符，以字母或数字开头'),
    }),
    displayName: t.string({ required: true, validate: displayName }),
    role: t.string({ required: true, description: ROLES.join(' | '), validate: roleCode }),
    unitIds: t.idList({ description: '填报员负责的单位', validate: unitIds }),
  }),
});

const AccountActivation = builder.objectRef<Issued>('AccountActivation').implement({
  description: '一次性激活码：仅此一次显示，请交本人；本人凭登录名和激活码设置自己的密码（activateAccount）',
  fields: (t) => ({
    user: t.field({ type: User, resolve: (a) => a.user }),
    activationCode: t.string({ resolve: (a) => a.activation.code }),
    expiresAt: t.field({ type: 'DateTime', description: '激活码失效时间', resolve: (a) => a.activation.expiresAt }),
    grant: t.field({ type: RoleGrant, nullable: true, description: '随新建账户提出的角色授权申请（待安全保密管理员审批）', resolve: (a) => a.grant }),
  }),
});

builder.mutationField('createUser', (t) =>
  t.field({
    extensions: { auditLabel: '新建用户' },
    type: AccountActivation,
    nullable: true,
    description: '在本级或下级机构新建账户（系统管理员）：不设密码，发一次性激活码；纪检干部、领导、填报员、安全审计员角色须经安全保密管理员审批后生效。本机构的系统管理员、安全保密管理员、安全审计员只能由上级机构的系统管理员新建。机构不存在或不可见时为 null',
    args: { input: t.arg({ type: UserInput, required: true }) },
    resolve: (_r, { input }, ctx) => createUser(commandContext(ctx), {
      tenantId: String(input.tenantId), loginName: input.loginName, displayName: input.displayName, role: input.role as Role, unitIds: input.unitIds,
    }, ctx.config.activationTtlHours),
  }),
);

const UserPatch = builder.inputType('UserPatch', {
  fields: (t) => ({
    displayName: t.string({ validate: displayName }),
    role: t.string({ description: '改变角色会结束该用户的在线会话', validate: roleCode }),
    unitIds: t.idList({ description: '填报员负责的单位（整体替换）', validate: unitIds }),
  }),
});

builder.mutationField('updateUser', (t) =>
  t.field({
    extensions: { auditLabel: '修改用户' },
    type: User,
    nullable: true,
    description: '修改账户：姓名立即生效；授予纪检干部、领导、填报员、安全审计员角色（或改变填报员负责的单位）成为待审批申请，安全保密管理员批准后生效，在此之前保持原角色',
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UserPatch, required: true }) },
    resolve: (_r, { id, input }, ctx) => updateUser(commandContext(ctx), String(id), {
      displayName: input.displayName, role: input.role as Role | null | undefined, unitIds: input.unitIds,
    }),
  }),
);

builder.mutationField('setUserStatus', (t) =>
  t.field({
    extensions: { auditLabel: '停用或启用用户' },
    type: User,
    nullable: true,
    description: '停用（立即结束其会话）或启用用户',
    args: {
      id: t.arg.id({ required: true }),
      status: t.arg.string({ required: true, description: 'active | disabled' })
        .validate(oneOf(['active', 'disabled'] as const, '状态须为 active 或 disabled')),
    },
    resolve: (_r, args, ctx) => setUserStatus(commandContext(ctx), String(args.id), args.status),
  }),
);

builder.mutationField('unlockUser', (t) =>
  t.field({
    extensions: { auditLabel: '解除用户锁定' },
    type: User,
    nullable: true,
    description: '解除登录失败锁定',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, args, ctx) => unlockUser(commandContext(ctx), String(args.id)),
  }),
);

builder.mutationField('resetUserPassword', (t) =>
  t.field({
    extensions: { auditLabel: '重置用户密码' },
    type: AccountActivation,
    nullable: true,
    description: '重置密码（系统管理员）：原密码立即失效、会话结束，发一次性激活码，本人凭激活码设置新密码。持有须审批角色的账户在安全保密管理员重新审批其角色前不能登录',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, args, ctx) => resetUserPassword(commandContext(ctx), String(args.id), ctx.config.activationTtlHours),
  }),
);

const ActivationResult = builder.objectRef<{ username: string; ready: boolean }>('ActivationResult').implement({
  fields: (t) => ({
    username: t.exposeString('username'),
    ready: t.exposeBoolean('ready', { description: '可以登录；为 false 时账户的角色授权尚待安全保密管理员审批' }),
    message: t.string({
      resolve: (r) => (r.ready ? '账户已激活，请使用新密码登录' : '账户已激活；角色授权尚待安全保密管理员审批，审批通过后即可登录'),
    }),
  }),
});

builder.mutationField('activateAccount', (t) =>
  t.field({
    extensions: { auditLabel: '激活账户' },
    type: ActivationResult,
    description: '激活账户（无需登录）：凭登录名和一次性激活码设置本人密码。激活码错误计入登录失败次数',
    args: {
      username: t.arg.string({ required: true, validate: text('登录名', 100) }),
      code: t.arg.string({ required: true, validate: text('激活码', 40) }),
      newPassword: t.arg.string({ required: true, validate: passwordText }),
    },
    resolve: (_r, args, ctx) => activateAccount({
      db: ctx.db, username: args.username, code: args.code, newPassword: args.newPassword,
      clientIp: ctx.clientIp, requestId: ctx.requestId, limiter: ctx.loginLimiter,
    }),
  }),
);
