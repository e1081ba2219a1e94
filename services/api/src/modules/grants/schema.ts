// Role grants (授权审批) through GraphQL: the security administrator approves or returns requests, the system
// administrator and the security auditor read them, the auditor also reads the alerts.
import { builder, connection, connectionType, pageOffset, pageSize } from '../../graphql/builder.js';
import { authorize, authorizeObject, type Ctx } from '../../graphql/context.js';
import { intIn, oneOf, text } from '../../graphql/inputs.js';
import { asSubject } from '../../authz/abilities.js';
import { ROLE_LABELS, type Role } from '../../auth/principal.js';
import { countGrants, findGrant, grantAlerts, listGrants, type AlertRow, type GrantRow, type GrantStatusFilter } from './repo.js';
import { approveGrant, rejectGrant } from './service.js';

export const GRANT_STATUS_LABELS: Record<string, string> = {
  pending: '待审批', approved: '已批准', rejected: '已退回', superseded: '已撤销',
};
const roleLabel = (r: string | null) => (r ? ROLE_LABELS[r as Role] ?? r : null);
/** 「km-wh.zhang 张三：纪检干部」 for audit rows. */
export const grantTitle = (g: Pick<GrantRow, 'username' | 'display_name' | 'role'>) => `${g.username} ${g.display_name}：${roleLabel(g.role)}`;

export const RoleGrant = builder.objectRef<GrantRow>('RoleGrant').implement({
  description: '角色授权申请：系统管理员提出，安全保密管理员审批后生效',
  fields: (t) => ({
    id: t.exposeID('id'),
    tenantId: t.exposeID('tenant_id'),
    tenantCode: t.exposeString('tenant_code'),
    tenantName: t.exposeString('tenant_name'),
    userId: t.exposeID('user_id'),
    username: t.exposeString('username'),
    displayName: t.exposeString('display_name'),
    role: t.exposeString('role', { description: '申请授予的角色' }),
    roleLabel: t.string({ resolve: (g) => roleLabel(g.role)! }),
    previousRole: t.exposeString('previous_role', { nullable: true, description: '申请时的角色；新建账户为 null' }),
    previousRoleLabel: t.string({ nullable: true, resolve: (g) => roleLabel(g.previous_role) }),
    newAccount: t.boolean({ resolve: (g) => g.previous_role === null }),
    reconfirmation: t.boolean({ description: '重置密码后重新确认原角色', resolve: (g) => g.previous_role === g.role }),
    unitNames: t.stringList({ description: '填报员负责的单位', resolve: (g) => g.unit_names ?? [] }),
    status: t.exposeString('status', { description: 'pending | approved | rejected | superseded' }),
    statusLabel: t.string({ resolve: (g) => GRANT_STATUS_LABELS[g.status] ?? g.status }),
    requestedByName: t.exposeString('requested_by_name'),
    requestedAt: t.field({ type: 'DateTime', resolve: (g) => g.requested_at }),
    decidedByName: t.exposeString('decided_by_name', { nullable: true }),
    decidedAt: t.field({ type: 'DateTime', nullable: true, resolve: (g) => g.decided_at }),
    reason: t.exposeString('reason', { nullable: true, description: '退回理由' }),
    canDecide: t.boolean({
      description: '当前用户可以审批（待审批，且不是本人提出或授予本人的申请）',
      resolve: (g, _a, ctx) => g.status === 'pending' && ctx.ability.can('approve', asSubject('RoleGrant', g)),
    }),
  }),
});

const RoleGrantConnection = connectionType('RoleGrant', RoleGrant);

builder.queryField('roleGrants', (t) =>
  t.field({
    extensions: { auditLabel: '查看授权记录' },
    type: RoleGrantConnection,
    description: '本级及下级机构的角色授权申请（系统管理员、安全保密管理员、安全审计员）：待审批的在前，其后为最近的决定',
    args: {
      status: t.arg.string({
        description: 'pending（待审批）| decided（已批准或已退回）| all（默认）',
        validate: oneOf(['pending', 'decided', 'all'] as const, '状态须为 pending、decided 或 all'),
      }),
      tenantId: t.arg.id(), userId: t.arg.id(), first: t.arg.int(), offset: t.arg.int(), after: t.arg.string(),
    },
    resolve: async (_r, args, ctx) => {
      const { trx } = authorize(ctx, 'read', 'RoleGrant');
      const f = {
        status: (args.status ?? 'all') as GrantStatusFilter,
        tenantId: args.tenantId ? String(args.tenantId) : null, userId: args.userId ? String(args.userId) : null,
      };
      const limit = pageSize(args.first, 50);
      const offset = pageOffset(args);
      const [rows, total] = await Promise.all([limit ? listGrants(trx, f, limit, offset) : [], countGrants(trx, f)]);
      return connection(rows, offset, total);
    },
  }),
);

/** A grant the caller may decide: visible (else null, like a missing one), pending, not its own. */
async function decidable(ctx: Ctx, id: string) {
  const { trx, principal } = authorize(ctx, 'approve', 'RoleGrant');
  const g = await findGrant(trx, id);
  if (!g) return { trx, principal, g: null };
  ctx.audit.target('RoleGrant', g.id, grantTitle(g));
  authorizeObject(ctx, 'approve', asSubject('RoleGrant', g));
  return { trx, principal, g };
}

builder.mutationField('approveRoleGrant', (t) =>
  t.field({
    extensions: { auditLabel: '批准角色授权' },
    type: RoleGrant,
    nullable: true,
    description: '批准角色授权（安全保密管理员；不能审批本人提出或授予本人的申请）：该账户的下一次请求起生效',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_r, { id }, ctx) => {
      const { trx, principal, g } = await decidable(ctx, String(id));
      return g && approveGrant(trx, principal, g);
    },
  }),
);

builder.mutationField('rejectRoleGrant', (t) =>
  t.field({
    extensions: { auditLabel: '退回角色授权' },
    type: RoleGrant,
    nullable: true,
    description: '退回角色授权申请并说明理由（安全保密管理员）：账户保持原角色，新建账户仍不能登录',
    args: { id: t.arg.id({ required: true }), reason: t.arg.string({ required: true, validate: text('退回理由', 200) }) },
    resolve: async (_r, { id, reason }, ctx) => {
      const { trx, principal, g } = await decidable(ctx, String(id));
      return g && rejectGrant(trx, principal, g, reason);
    },
  }),
);

const GrantAlert = builder.objectRef<AlertRow>('RoleGrantAlert').implement({
  description: '异常授权：批准后一小时内即登录并查阅档案',
  fields: (t) => ({
    grant: t.field({ type: RoleGrant, resolve: (a) => a }),
    firstLoginAt: t.field({ type: 'DateTime', description: '批准后的首次登录', resolve: (a) => a.first_login_at }),
    readCount: t.exposeInt('read_count', { description: '批准后一小时内查阅档案的请求数' }),
    cadreCount: t.exposeInt('cadre_count', { description: '其中涉及的干部人数' }),
    lastReadAt: t.field({ type: 'DateTime', resolve: (a) => a.last_read_at }),
    summary: t.string({
      resolve: (a) => {
        const minutes = Math.max(0, Math.round((new Date(a.first_login_at).getTime() - new Date(a.decided_at!).getTime()) / 60000));
        return `${a.username}（${a.display_name}）获批「${roleLabel(a.role)}」后 ${minutes} 分钟登录，一小时内查阅档案 ${a.read_count} 次、涉及 ${a.cadre_count} 名干部`;
      },
    }),
  }),
});

builder.queryField('roleGrantAlerts', (t) =>
  t.field({
    extensions: { auditLabel: '查看授权预警' },
    type: [GrantAlert],
    description: '授权预警（安全审计员）：最近若干天内获批的授权中，批准后一小时内即登录并查阅档案的',
    args: { days: t.arg.int({ description: '查看最近多少天（默认 30）', validate: intIn('天数', 1, 366) }) },
    resolve: async (_r, { days }, ctx) => {
      const { trx } = authorize(ctx, 'read', 'AuditEvent');
      return grantAlerts(trx, days ?? 30, 200);
    },
  }),
);
