// Login: username + password → short-lived access token. Every attempt leaves its own audit row (with the true
// reason) and the failed-login counter commits whether or not the attempt succeeds. Every refusal answers alike, so
// a login reveals neither whether an account exists nor whether it is locked or disabled.
import { sql, type Kysely } from 'kysely';
import { GraphQLError } from 'graphql';
import type { DB } from '../db/types.js';
import { withScope, type Tx } from '../db/scope.js';
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

/** The one answer to every refused login: unknown account, wrong password, locked, disabled, tenant suspended. */
export const LOGIN_REFUSED = '用户名或密码错误，或账户已被锁定、停用';
const refused = () => refuse(LOGIN_REFUSED, 'BAD_CREDENTIALS');

/**
 * Count one wrong password against an account and lock it when the count reaches the threshold (an expired lock
 * starts a fresh count). Shared by login and changePassword.
 */
export async function countFailedPassword(trx: Tx, userId: string, threshold: number, minutes: number) {
  await trx.updateTable('app_user')
    .set({
      failed_logins: sql<number>`case when locked_until <= now() then 1 else failed_logins + 1 end`,
      locked_until: sql<Date | null>`case when (case when locked_until <= now() then 1 else failed_logins + 1 end) >= ${threshold}
        then now() + make_interval(mins => ${minutes}) else locked_until end`,
    })
    .where('id', '=', userId).execute();
}

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
  const wait = a.limiter.waitSeconds(a.clientIp);
  if (wait > 0) {
    await appendAuditSeparately(a.db, entry('failure', 'backoff'));
    throw new GraphQLError(`登录失败次数过多，请 ${wait} 秒后再试`, { extensions: { code: 'RATE_LIMITED', retryAfterSeconds: wait } });
  }
  // One password check whatever the account's standing (a dummy hash when there is none), so neither the answer
  // nor its timing tells an unknown, locked or disabled account from a wrong password.
  const ok = await verifyPassword(account?.password_hash ?? await dummyHash(), a.password);
  const locked = !!account?.locked_until && new Date(account.locked_until) > new Date();
  const refusal = !account ? 'unknown_user' : locked ? 'locked' : !ok ? 'bad_password'
    : account.status !== 'active' ? 'disabled' : account.tenant_status !== 'active' ? 'tenant_suspended' : null;
  if (refusal) a.limiter.failed(a.clientIp);
  if (!account || (refusal && refusal !== 'bad_password')) {
    await appendAuditSeparately(a.db, entry('failure', refusal!));
    throw refused();
  }
  const session = await withScope(a.db, account.tenant_path, async (trx) => {
    let opened: { sessionId: string; refreshToken: string } | null = null;
    if (ok) {
      await trx.updateTable('app_user')
        .set({ failed_logins: 0, locked_until: null, last_login_at: sql<Date>`now()`, last_login_ip: a.clientIp })
        .where('id', '=', account.user_id).execute();
      opened = await openSession(trx, { userId: account.user_id, tenantId: account.tenant_id, clientIp: a.clientIp, ttlSeconds: a.refreshTtlSeconds });
    } else {
      await countFailedPassword(trx, account.user_id, account.lockout_threshold, account.lockout_minutes);
    }
    await appendAudit(trx, entry(ok ? 'success' : 'failure', ok ? undefined : 'bad_password'));
    return opened;
  });
  if (!ok || !session) throw refused();
  return { userId: account.user_id, ...session, mustChangePassword: account.must_change_password };
}
