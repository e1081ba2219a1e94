// Login: username + password → short-lived access token. Every attempt leaves its own audit row and the
// failed-login counter commits whether or not the attempt succeeds.
import { sql, type Kysely } from 'kysely';
import { GraphQLError } from 'graphql';
import type { DB } from '../db/types.js';
import { withScope } from '../db/scope.js';
import { appendAudit, appendAuditSeparately } from '../audit/index.js';
import { describeLogin } from '../audit/describe.js';
import { dummyHash, verifyPassword } from './passwords.js';
import { openSession } from './sessions.js';
import type { LoginLimiter } from './rate-limit.js';

interface Attempt {
  db: Kysely<DB>;
  username: string;
  password: string;
  clientIp: string | null;
  requestId: string | null;
  refreshTtlSeconds: number;
  limiter: LoginLimiter;
}

interface Account {
  user_id: string; tenant_id: string; tenant_path: string; tenant_status: string; role: string;
  password_hash: string; status: string; failed_logins: number; locked_until: Date | null;
  must_change_password: boolean; lockout_threshold: number; lockout_minutes: number;
}

export interface LoginResult { userId: string; sessionId: string; refreshToken: string; mustChangePassword: boolean }

const refuse = (message: string, code: string) => new GraphQLError(message, { extensions: { code } });

/**
 * One attempt. Failures are counted per account in their own transaction (aliased attempts in one request each
 * count); the tenant's effective settings decide the threshold and the lock's duration.
 */
export async function login(a: Attempt): Promise<LoginResult> {
  const username = a.username.trim().toLowerCase().slice(0, 100);
  const account = await withScope(a.db, null, async (trx) =>
    (await sql<Account>`select * from auth_find_user(${username})`.execute(trx)).rows[0]);
  // An unknown account is attributed to the tenant its username names, if any.
  const owner = account ?? await withScope(a.db, null, async (trx) =>
    (await sql<{ tenant_id: string; tenant_path: string }>`select * from auth_tenant_of_username(${username})`.execute(trx)).rows[0]);
  const entry = (outcome: 'success' | 'failure', reason?: string) => ({
    tenantId: owner?.tenant_id ?? null,
    tenantPath: owner?.tenant_path ?? null,
    userId: account?.user_id ?? null,
    username,
    operation: 'login',
    kind: 'login' as const,
    outcome,
    clientIp: a.clientIp,
    requestId: a.requestId,
    cadreIds: [],
    detail: reason ? { reason } : {},
    summary: describeLogin('login', outcome, reason),
  });

  if (!(await a.limiter.allow(a.clientIp))) {
    await appendAuditSeparately(a.db, entry('failure', 'rate_limited'));
    throw refuse('登录尝试过于频繁，请稍后再试', 'RATE_LIMITED');
  }
  if (!account) {
    await verifyPassword(await dummyHash(), a.password);
    await appendAuditSeparately(a.db, entry('failure', 'unknown_user'));
    throw refuse('用户名或密码错误', 'BAD_CREDENTIALS');
  }
  if (account.locked_until && new Date(account.locked_until) > new Date()) {
    await appendAuditSeparately(a.db, entry('failure', 'locked'));
    throw refuse('登录失败次数过多，账户已临时锁定，请稍后再试', 'ACCOUNT_LOCKED');
  }
  const ok = await verifyPassword(account.password_hash, a.password);
  if (ok && (account.status !== 'active' || account.tenant_status !== 'active')) {
    await appendAuditSeparately(a.db, entry('failure', account.status !== 'active' ? 'disabled' : 'tenant_suspended'));
    throw refuse('账户已停用或所属单位已暂停使用', 'ACCOUNT_DISABLED');
  }
  const session = await withScope(a.db, account.tenant_path, async (trx) => {
    let opened: { sessionId: string; refreshToken: string } | null = null;
    if (ok) {
      await trx.updateTable('app_user')
        .set({ failed_logins: 0, locked_until: null, last_login_at: sql`now()` as never, last_login_ip: a.clientIp })
        .where('id', '=', account.user_id).execute();
      opened = await openSession(trx, { userId: account.user_id, tenantId: account.tenant_id, clientIp: a.clientIp, ttlSeconds: a.refreshTtlSeconds });
    } else {
      await trx.updateTable('app_user')
        .set({
          // An expired lock starts a fresh count.
          failed_logins: sql`case when locked_until <= now() then 1 else failed_logins + 1 end` as never,
          locked_until: sql`case when (case when locked_until <= now() then 1 else failed_logins + 1 end) >= ${account.lockout_threshold}
            then now() + make_interval(mins => ${account.lockout_minutes}) else locked_until end` as never,
        })
        .where('id', '=', account.user_id).execute();
    }
    await appendAudit(trx, entry(ok ? 'success' : 'failure', ok ? undefined : 'bad_password'));
    return opened;
  });
  if (!ok || !session) throw refuse('用户名或密码错误', 'BAD_CREDENTIALS');
  return { userId: account.user_id, ...session, mustChangePassword: account.must_change_password };
}
