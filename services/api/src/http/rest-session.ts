// One home for plain HTTP routes that act for a signed-in user (photo upload, imports, exports): verify the token,
// open the scoped transaction, refuse a forced password change, and audit every outcome — success in the work's own
// transaction, failure in a separate one (so it is never lost). Errors answer { error, message } in Chinese.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ControlledTransaction, Kysely } from 'kysely';
import type { DB } from '../db/types.js';
import type { AppAbility } from '../authz/abilities.js';
import type { Principal, TokenSubject } from '../auth/principal.js';
import { openScopedSession, verifyToken, type ScopedSession } from '../auth/request-session.js';
import { appendAudit, appendAuditSeparately, type AuditEntry, type AuditKind } from '../audit/index.js';

export interface RestSession {
  trx: ControlledTransaction<DB>;
  principal: Principal;
  ability: AppAbility;
  /** Another transaction for the same caller (work done as several transactions). */
  reopen(): Promise<ScopedSession | null>;
  /** The audit entry of this request, before kind/outcome/summary. */
  who: Omit<AuditEntry, 'outcome' | 'kind' | 'summary'>;
  /** Roll back, audit the failure separately, answer status with a Chinese message. */
  fail(status: number, error: string, message: string, opts?: { kind?: AuditKind; cadreIds?: string[] }): Promise<FastifyReply>;
  /** Audit the success in the transaction and commit it. */
  commit(entry: { kind: AuditKind; summary: string; cadreIds?: string[]; detail?: Record<string, unknown> }): Promise<void>;
}

export async function withRestSession(
  db: Kysely<DB>, req: FastifyRequest, reply: FastifyReply, label: string, operation: string,
  run: (s: RestSession) => Promise<unknown>,
): Promise<unknown> {
  const base = (p: Principal | null): RestSession['who'] => ({
    tenantId: p?.tenantId ?? null, tenantPath: p?.tenantPath ?? null, userId: p?.userId ?? null, username: p?.username ?? null,
    operation, clientIp: req.ip ?? null, requestId: String(req.id), cadreIds: [],
  });
  const { token } = await verifyToken(req);
  const session = token ? await openScopedSession(db, token) : null;
  if (!session) {
    await appendAuditSeparately(db, { ...base(null), kind: 'denied', outcome: 'failure', summary: `${label}（失败：未登录或会话已失效）` });
    return reply.code(401).send({ error: 'UNAUTHENTICATED', message: '未登录或登录已过期，请重新登录' });
  }
  const { trx, principal, ability } = session;
  const who = base(principal);
  let finished = false;
  const s: RestSession = {
    trx, principal, ability, who,
    reopen: () => openScopedSession(db, token as TokenSubject),
    fail: async (status, error, message, opts = {}) => {
      if (!finished) {
        finished = true;
        await trx.rollback().execute().catch(() => undefined);
      }
      await appendAuditSeparately(db, {
        ...who, cadreIds: opts.cadreIds ?? [], kind: opts.kind ?? 'write', outcome: 'failure', summary: `${label}（失败：${message}）`, detail: { errors: [error] },
      });
      return reply.code(status).send({ error, message });
    },
    commit: async (e) => {
      await appendAudit(trx, { ...who, cadreIds: e.cadreIds ?? [], kind: e.kind, outcome: 'success', summary: e.summary, detail: e.detail });
      await trx.commit().execute();
      finished = true;
    },
  };
  try {
    if (principal.mustChangePassword) return await s.fail(403, 'PASSWORD_CHANGE_REQUIRED', '首次登录或密码已被重置，请先修改密码', { kind: 'denied' });
    const out = await run(s);
    if (!finished) {
      finished = true;
      await trx.rollback().execute().catch(() => undefined);
    }
    return out;
  } catch (e) {
    req.log.error({ err: e }, `${label} failed`);
    if (reply.sent) return reply;
    return s.fail(500, 'INTERNAL', '服务器内部错误');
  }
}
