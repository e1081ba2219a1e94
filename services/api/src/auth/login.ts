// Login: username + password → short-lived access token. Every attempt leaves its own audit row and the
// failed-login counter commits whether or not the attempt succeeds.
import { sql, type Kysely } from 'kysely';
import { GraphQLError } from 'graphql';
import type { DB } from '../db/types.js';
import { withScope } from '../db/scope.js';
import { appendAudit, appendAuditSeparately } from '../audit/index.js';
import { dummyHash, verifyPassword } from './passwords.js';

export const LOCKOUT_THRESHOLD = 5;
export const LOCKOUT_MINUTES = 15;

interface Attempt {
  db: Kysely<DB>;
  username: string;
  password: string;
  clientIp: string | null;
  requestId: string | null;
}

interface Account {
  user_id: string; tenant_id: string; tenant_path: string; tenant_status: string; role: string;
  password_hash: string; status: string; failed_logins: number; locked_until: Date | null;
}

const refuse = (message: string, code: string) => new GraphQLError(message, { extensions: { code } });

export async function login(a: Attempt): Promise<{ userId: string }> {
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
  });

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
  await withScope(a.db, account.tenant_path, async (trx) => {
    if (ok) {
      await trx.updateTable('app_user')
        .set({ failed_logins: 0, locked_until: null, last_login_at: sql`now()` as never, last_login_ip: a.clientIp })
        .where('id', '=', account.user_id).execute();
    } else {
      await trx.updateTable('app_user')
        .set({
          failed_logins: sql`failed_logins + 1` as never,
          locked_until: sql`case when failed_logins + 1 >= ${LOCKOUT_THRESHOLD}
            then now() + make_interval(mins => ${LOCKOUT_MINUTES}) else locked_until end` as never,
        })
        .where('id', '=', account.user_id).execute();
    }
    await appendAudit(trx, entry(ok ? 'success' : 'failure', ok ? undefined : 'bad_password'));
  });
  if (!ok) throw refuse('用户名或密码错误', 'BAD_CREDENTIALS');
  return { userId: account.user_id };
}
