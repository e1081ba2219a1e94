// One-time activation (三员分立): a new or reset account gets a random code, shown once to the administrator who
// delivers it to the person; only its hash is kept, it expires after hours, and the person uses it once to set
// their own password. The administrator never learns a usable password. Wrong codes count toward the lockout.
import crypto from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { GraphQLError } from 'graphql';
import type { DB } from '../db/types.js';
import { withScope, type Tx } from '../db/scope.js';
import { appendAudit, appendAuditSeparately, type AuditEntry } from '../audit/index.js';
import { effectiveSettings } from '../modules/security/repo.js';
import { dummyHash, hashPassword, verifyPassword } from './passwords.js';
import { passwordProblem } from './password-policy.js';
import { revokeUserSessions } from './sessions.js';
import type { LoginLimiter } from './rate-limit.js';

/** No 0/O, 1/I/L: the code is read aloud or copied by hand. 12 characters ≈ 60 bits. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 12;

export function newActivationCode(): string {
  const chars = Array.from({ length: CODE_LENGTH }, () => ALPHABET[crypto.randomInt(ALPHABET.length)]);
  return [0, 4, 8].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

/** What a person types: case, spaces and dashes do not matter. */
export const normalizeCode = (code: string) => code.toUpperCase().replace(/[\s-]/g, '');

/** A password hash nobody knows the password of: the account cannot log in until it is activated. */
export const unusablePasswordHash = () => hashPassword(crypto.randomBytes(32).toString('base64url'));

export interface Activation { code: string; expiresAt: Date }

/**
 * Give an account a fresh activation code in the caller's transaction: its password stops working, its sessions end,
 * its lock is lifted. Returns the code (to be shown once) and its expiry.
 */
export async function issueActivation(trx: Tx, userId: string, ttlHours: number): Promise<Activation> {
  const code = newActivationCode();
  const expiresAt = new Date(Date.now() + ttlHours * 3600_000);
  await trx.updateTable('app_user').set({
    password_hash: await unusablePasswordHash(), activation_hash: await hashPassword(normalizeCode(code)),
    activation_expires_at: expiresAt, must_change_password: false, failed_logins: 0, locked_until: null,
    password_changed_at: sql<Date>`now()`,
  }).where('id', '=', userId).execute();
  await revokeUserSessions(trx, userId, 'password_reset');
  return { code, expiresAt };
}

interface Account {
  user_id: string; tenant_id: string; tenant_path: string; tenant_status: string; username: string; status: string;
  activation_hash: string | null; activation_expires_at: Date | null; locked_until: Date | null;
  lockout_threshold: number; lockout_minutes: number;
}

export interface ActivationAttempt {
  db: Kysely<DB>;
  username: string;
  code: string;
  newPassword: string;
  clientIp: string | null;
  requestId: string | null;
  limiter: LoginLimiter;
}

export interface ActivationResult {
  username: string;
  /** The account may log in now; false while its role grant waits for approval. */
  ready: boolean;
}

const REASONS: Record<string, string> = {
  unknown_user: '账户不存在', no_activation: '账户没有待激活的激活码', expired: '激活码已过期', bad_code: '激活码错误',
  locked: '账户已锁定', disabled: '账户已停用或所属单位已暂停使用', rate_limited: '尝试过于频繁', weak_password: '新密码不符合要求',
};

/** Every failure answers alike: whether the account exists, has a code or is locked is not told. */
const refused = () => new GraphQLError('登录名或激活码不正确，或激活码已过期', { extensions: { code: 'ACTIVATION_FAILED' } });

export async function activateAccount(a: ActivationAttempt): Promise<ActivationResult> {
  const username = a.username.trim().toLowerCase().slice(0, 100);
  const account = await withScope(a.db, null, async (trx) =>
    (await sql<Account>`select * from auth_find_activation(${username})`.execute(trx)).rows[0]);
  const owner = account ?? await withScope(a.db, null, async (trx) =>
    (await sql<{ tenant_id: string; tenant_path: string }>`select * from auth_tenant_of_username(${username})`.execute(trx)).rows[0]);
  const entry = (outcome: 'success' | 'failure', reason?: string, detail: Record<string, unknown> = {}): AuditEntry => ({
    tenantId: owner?.tenant_id ?? null, tenantPath: owner?.tenant_path ?? null, userId: account?.user_id ?? null, username,
    operation: 'activateAccount', kind: 'login', outcome, clientIp: a.clientIp, requestId: a.requestId, cadreIds: [],
    detail: reason ? { reason, ...detail } : detail,
    summary: outcome === 'success' ? `激活账户成功：${username}（本人设置密码）` : `激活账户失败：${username}（${REASONS[reason ?? ''] ?? reason}）`,
  });
  const fail = async (reason: string) => {
    await appendAuditSeparately(a.db, entry('failure', reason));
    return refused();
  };

  if (!(await a.limiter.allow(a.clientIp))) {
    await appendAuditSeparately(a.db, entry('failure', 'rate_limited'));
    throw new GraphQLError('尝试过于频繁，请稍后再试', { extensions: { code: 'RATE_LIMITED' } });
  }
  // Nothing to guess: no count toward the lockout (else anyone could lock any account through this door).
  if (!account || !account.activation_hash) {
    await verifyPassword(await dummyHash(), a.code);
    throw await fail(account ? 'no_activation' : 'unknown_user');
  }
  if (account.locked_until && new Date(account.locked_until) > new Date()) throw await fail('locked');
  const ok = await verifyPassword(account.activation_hash, normalizeCode(a.code));
  if (!ok) {
    // A wrong code counts like a wrong password, committed whatever happens next.
    await withScope(a.db, account.tenant_path, async (trx) => {
      await trx.updateTable('app_user').set({
        failed_logins: sql<number>`case when locked_until <= now() then 1 else failed_logins + 1 end`,
        locked_until: sql<Date | null>`case when (case when locked_until <= now() then 1 else failed_logins + 1 end) >= ${account.lockout_threshold}
          then now() + make_interval(mins => ${account.lockout_minutes}) else locked_until end`,
      }).where('id', '=', account.user_id).execute();
      await appendAudit(trx, entry('failure', 'bad_code'));
    });
    throw refused();
  }
  if (!account.activation_expires_at || new Date(account.activation_expires_at) <= new Date()) throw await fail('expired');
  if (account.status === 'disabled' || account.tenant_status !== 'active') throw await fail('disabled');

  const settings = await withScope(a.db, account.tenant_path, (trx) => effectiveSettings(trx, account.tenant_id));
  const problem = passwordProblem(a.newPassword, settings, username);
  if (problem) {
    // The code stays valid: the person tries again with a better password.
    await appendAuditSeparately(a.db, entry('failure', 'weak_password'));
    throw new GraphQLError(problem, { extensions: { code: 'BAD_USER_INPUT' } });
  }
  const passwordHash = await hashPassword(a.newPassword);
  return withScope(a.db, account.tenant_path, async (trx) => {
    // Used once: the row changes only if the same code is still pending (a concurrent activation loses).
    const done = await trx.updateTable('app_user').set({
      password_hash: passwordHash, activation_hash: null, activation_expires_at: null,
      must_change_password: false, failed_logins: 0, locked_until: null, password_changed_at: sql<Date>`now()`,
    }).where('id', '=', account.user_id).where('activation_hash', '=', account.activation_hash).executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw refused();
    await appendAudit(trx, entry('success', undefined, { status: account.status }));
    return { username, ready: account.status === 'active' };
  });
}
