import { GraphQLError } from 'graphql';
import { sql } from 'kysely';
import { z } from 'zod';
import { builder } from '../graphql/builder.js';
import { passwordText, text } from '../graphql/inputs.js';
import { badInput, session, unauthenticated, type Ctx } from '../graphql/context.js';
import { permissionList } from '../authz/abilities.js';
import { appendAuditSeparately } from '../audit/index.js';
import { describeLogin } from '../audit/describe.js';
import { findTenant } from '../modules/tenants/repo.js';
import { Tenant } from '../modules/tenants/schema.js';
import { effectiveSettings } from '../modules/security/repo.js';
import { withScope } from '../db/scope.js';
import { countFailedPassword, login, type LoginResult } from './login.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { passwordProblem } from './password-policy.js';
import { passwordRuleText } from '../../../../shared/password.js';
import { refreshSession, revokeSession, revokeUserSessions } from './sessions.js';
import { ROLE_LABELS, type Principal } from './principal.js';

interface Tokens { accessToken: string; expiresIn: number; refreshToken: string; mustChangePassword: boolean }

const AuthPayload = builder.objectRef<Tokens>('AuthPayload').implement({
  fields: (t) => ({
    accessToken: t.exposeString('accessToken'),
    expiresIn: t.exposeInt('expiresIn', { description: '访问令牌有效期（秒）' }),
    refreshToken: t.exposeString('refreshToken', { description: '刷新令牌：用 refreshSession 换取新的访问令牌；每次刷新后旧值作废' }),
    mustChangePassword: t.exposeBoolean('mustChangePassword', { description: '须先修改密码（首次登录或密码被重置）' }),
  }),
});

const issue = (ctx: Ctx, r: Pick<LoginResult, 'userId' | 'sessionId' | 'refreshToken' | 'mustChangePassword'>): Tokens => ({
  accessToken: ctx.signAccessToken({ userId: r.userId, sessionId: r.sessionId }),
  expiresIn: ctx.config.accessTokenTtlSeconds,
  refreshToken: r.refreshToken,
  mustChangePassword: r.mustChangePassword,
});

const Me = builder.objectRef<Principal>('Me').implement({
  fields: (t) => ({
    id: t.exposeID('userId'),
    username: t.exposeString('username'),
    displayName: t.exposeString('displayName'),
    roles: t.stringList({ resolve: (p) => [p.role] }),
    roleLabel: t.string({ resolve: (p) => ROLE_LABELS[p.role] }),
    mustChangePassword: t.exposeBoolean('mustChangePassword'),
    permissions: t.stringList({
      description: '本角色的权限（如 Cadre:read），控制台据此显示页面',
      resolve: (_p, _a, ctx) => permissionList(ctx.ability),
    }),
    idleTimeoutMinutes: t.int({
      description: '本机构的空闲超时（分钟）：超过此时长无操作，会话结束',
      resolve: async (p, _a, ctx) => (await effectiveSettings(session(ctx).trx, p.tenantId)).idle_timeout_minutes,
    }),
    passwordRule: t.string({
      description: '本机构当前的密码规则（中文）',
      resolve: async (p, _a, ctx) => {
        const s = await effectiveSettings(session(ctx).trx, p.tenantId);
        return passwordRuleText({ minLength: s.password_min_length, minClasses: s.password_min_classes });
      },
    }),
    tenant: t.field({
      type: Tenant,
      resolve: async (p, _a, ctx) => {
        const tn = await findTenant(session(ctx).trx, p.tenantId);
        if (!tn) throw new Error('own tenant not visible');
        return tn;
      },
    }),
  }),
});

builder.queryField('me', (t) =>
  t.field({ extensions: { auditLabel: '查看本人信息' }, type: Me, resolve: (_r, _a, ctx) => session(ctx).principal }),
);

builder.mutationField('login', (t) =>
  t.field({
    extensions: { auditLabel: '登录' },
    type: AuthPayload,
    // Nullable so that every aliased attempt in one request runs (and counts) even after one fails.
    nullable: true,
    args: {
      username: t.arg.string({ required: true, validate: text('登录名', 100) }),
      password: t.arg.string({ required: true, validate: passwordText }),
    },
    resolve: async (_r, { username, password }, ctx) => {
      const r = await login({
        db: ctx.db, username, password, clientIp: ctx.clientIp, requestId: ctx.requestId,
        refreshTtlSeconds: ctx.config.refreshTokenTtlSeconds, limiter: ctx.loginLimiter,
      });
      return issue(ctx, r);
    },
  }),
);

builder.mutationField('refreshSession', (t) =>
  t.field({
    extensions: { auditLabel: '刷新会话' },
    type: AuthPayload,
    nullable: true,
    description: '以刷新令牌换取新的访问令牌和刷新令牌（会话已注销、超时、停用或令牌被重复使用时失败）',
    args: { refreshToken: t.arg.string({ required: true, validate: z.string().max(200, '刷新令牌无效') }) },
    resolve: async (_r, { refreshToken }, ctx) => {
      const r = await refreshSession(ctx.db, refreshToken);
      await appendAuditSeparately(ctx.db, {
        tenantId: r.tenantId ?? null, tenantPath: r.tenantPath ?? null, userId: r.userId ?? null, username: r.username ?? null,
        operation: 'refreshSession', kind: 'login', outcome: r.ok ? 'success' : 'failure',
        clientIp: ctx.clientIp, requestId: ctx.requestId, cadreIds: [], detail: r.ok ? {} : { reason: r.reason },
        summary: describeLogin('refreshSession', r.ok ? 'success' : 'failure', r.ok ? undefined : r.reason),
      }).catch(() => undefined);
      if (!r.ok && r.reason === 'disabled') {
        throw new GraphQLError('账户已停用或所属单位已暂停使用', { extensions: { code: 'UNAUTHENTICATED', reason: 'ACCOUNT_DISABLED' } });
      }
      if (!r.ok) throw new GraphQLError('登录已失效，请重新登录', { extensions: { code: 'UNAUTHENTICATED' } });
      return issue(ctx, r);
    },
  }),
);

builder.mutationField('logout', (t) =>
  t.boolean({
    extensions: { auditLabel: '退出登录' },
    description: '注销当前会话：其访问令牌和刷新令牌立即失效',
    resolve: async (_r, _a, ctx) => {
      const { trx, principal } = session(ctx);
      await revokeSession(trx, principal.sessionId, 'logout');
      return true;
    },
  }),
);

builder.mutationField('changePassword', (t) =>
  t.boolean({
    extensions: { auditLabel: '修改本人密码' },
    description: '修改本人密码；其他会话随之注销',
    args: {
      currentPassword: t.arg.string({ required: true, validate: passwordText }),
      newPassword: t.arg.string({ required: true, validate: passwordText }),
    },
    resolve: async (_r, { currentPassword, newPassword }, ctx) => {
      const { trx, principal } = session(ctx);
      // The same account row and thresholds as a login (the tenant's effective settings).
      const account = (await sql<{ password_hash: string; locked_until: Date | null; lockout_threshold: number; lockout_minutes: number }>`
        select password_hash, locked_until, lockout_threshold, lockout_minutes from auth_find_user(${principal.username})`.execute(trx)).rows[0];
      if (!account) throw unauthenticated();
      const locked = !!account.locked_until && new Date(account.locked_until) > new Date();
      // The field is non-null: an error ends the request's remaining mutations, so aliases cannot add guesses.
      if (locked) {
        ctx.auditDetail.passwordCheck = 'locked';
        throw new GraphQLError('密码输错次数过多，账户已临时锁定，请稍后再试或联系管理员', { extensions: { code: 'ACCOUNT_LOCKED' } });
      }
      if (!(await verifyPassword(account.password_hash, currentPassword))) {
        ctx.auditDetail.passwordCheck = 'bad_password';
        // Counted after the request's transaction ends: this operation fails and rolls back.
        ctx.afterwards.push((db) => withScope(db, principal.tenantPath, (tx) =>
          countFailedPassword(tx, principal.userId, account.lockout_threshold, account.lockout_minutes)));
        throw badInput('当前密码不正确');
      }
      if (newPassword === currentPassword) throw badInput('新密码不能与当前密码相同');
      const problem = passwordProblem(newPassword, await effectiveSettings(trx, principal.tenantId), principal.username);
      if (problem) throw badInput(problem);
      await trx.updateTable('app_user').set({
        password_hash: await hashPassword(newPassword), must_change_password: false, password_changed_at: sql<Date>`now()`,
        failed_logins: 0, locked_until: null,
      }).where('id', '=', principal.userId).execute();
      // Every other session of this account ends; this one continues.
      await revokeUserSessions(trx, principal.userId, 'password_changed', principal.sessionId);
      return true;
    },
  }),
);
