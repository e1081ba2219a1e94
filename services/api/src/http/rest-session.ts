// One home for plain HTTP routes that act for a signed-in user (photo upload, imports, exports): verify the token,
// open the scoped transaction, refuse a forced password change, and audit every outcome — success in the work's own
// transaction, failure in a separate one (so it is never lost). Errors answer { error, message } in Chinese.
//
// No transaction is ever held while bytes travel to or from the client:
// - the request's transaction always ends (commit, or rollback in `finally`) before withRestSession returns;
// - a response produced after the work: `s.commit(...)` first, then `s.stream(body)`, reading the database only
//   through `s.scoped(...)` — one short transaction per page, each ended before the next write to the client;
// - uploads: `restGate(...)` checks session, role and scope in an onRequest hook, before the body is read.
import type { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ControlledTransaction, Kysely } from 'kysely';
import type { DB } from '../db/types.js';
import type { AppAbility } from '../authz/abilities.js';
import type { Principal, TokenSubject } from '../auth/principal.js';
import { openScopedSession, verifyToken, type ScopedSession } from '../auth/request-session.js';
import { appendAudit, appendAuditSeparately, type AuditEntry, type AuditKind } from '../audit/index.js';

/** Thrown by `scoped` when the caller's session ended while a response was being produced. */
export class SessionEndedError extends Error {
  constructor() { super('session ended'); }
}

export interface RestSession {
  trx: ControlledTransaction<DB>;
  principal: Principal;
  ability: AppAbility;
  /** Another transaction for the same caller (work done as several transactions). */
  reopen(): Promise<ScopedSession | null>;
  /**
   * fn in a short transaction of its own for the same caller (session re-checked, scope set), committed when fn
   * returns and rolled back when it throws — ended in every case. For page-per-transaction reads after `commit`.
   */
  scoped<T>(fn: (trx: ControlledTransaction<DB>) => Promise<T>): Promise<T>;
  /** The audit entry of this request, before kind/outcome/summary. */
  who: Omit<AuditEntry, 'outcome' | 'kind' | 'summary'>;
  /** Roll back, audit the failure separately, answer status with a Chinese message. */
  fail(status: number, error: string, message: string, opts?: { kind?: AuditKind; cadreIds?: string[] }): Promise<FastifyReply>;
  /** Audit the success in the transaction and commit it. */
  commit(entry: { kind: AuditKind; summary: string; cadreIds?: string[]; detail?: Record<string, unknown> }): Promise<void>;
  /**
   * Send body (produced after `commit`, the request's transaction already ended). If the client goes away before
   * the last byte or the body fails, the interruption is audited separately (`failure(reason)` names it).
   */
  stream(body: Readable, opts?: { kind?: AuditKind; cadreIds?: string[]; detail?: () => Record<string, unknown> }): FastifyReply;
}

export async function withRestSession(
  db: Kysely<DB>, req: FastifyRequest, reply: FastifyReply, label: string, operation: string,
  run: (s: RestSession) => Promise<unknown>,
  opts: { subject?: TokenSubject } = {},
): Promise<unknown> {
  const base = (p: Principal | null): RestSession['who'] => ({
    tenantId: p?.tenantId ?? null, tenantPath: p?.tenantPath ?? null, userId: p?.userId ?? null, username: p?.username ?? null,
    operation, clientIp: req.ip ?? null, requestId: String(req.id), cadreIds: [],
  });
  // A signed link (photo) names its session itself; otherwise the bearer token does.
  const token = opts.subject ?? (await verifyToken(req)).token;
  const session = token ? await openScopedSession(db, token) : null;
  if (!session) {
    await appendAuditSeparately(db, { ...base(null), kind: 'denied', outcome: 'failure', summary: `${label}（失败：未登录或会话已失效）` });
    return reply.code(401).send({ error: 'UNAUTHENTICATED', message: '未登录或登录已过期，请重新登录' });
  }
  const { trx, principal, ability } = session;
  const who = base(principal);
  let finished = false;
  const end = async () => {
    if (finished) return;
    finished = true;
    await trx.rollback().execute().catch(() => undefined);
  };
  const s: RestSession = {
    trx, principal, ability, who,
    reopen: () => openScopedSession(db, token as TokenSubject),
    scoped: async (fn) => {
      const sess = await openScopedSession(db, token as TokenSubject);
      if (!sess) throw new SessionEndedError();
      let done = false;
      try {
        const out = await fn(sess.trx);
        await sess.trx.commit().execute();
        done = true;
        return out;
      } finally {
        if (!done) await sess.trx.rollback().execute().catch(() => undefined);
      }
    },
    fail: async (status, error, message, opts = {}) => {
      await end();
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
    stream: (body, opts = {}) => {
      if (!finished) throw new Error('stream() before the transaction ended');
      let reported = false;
      const interrupted = (reason: string, err?: unknown) => {
        if (reported) return;
        reported = true;
        if (err && !(err instanceof SessionEndedError)) req.log.error({ err }, `${label} stream failed`);
        void appendAuditSeparately(db, {
          ...who, cadreIds: opts.cadreIds ?? [], kind: opts.kind ?? 'read', outcome: 'failure', summary: `${label}（失败：${reason}）`,
          detail: { errors: [reason], ...(opts.detail?.() ?? {}) },
        }).catch((e) => req.log.error({ err: e }, 'audit of an interrupted download failed'));
      };
      body.once('error', (err) => interrupted(err instanceof SessionEndedError ? '会话已失效，下载中断' : '服务器错误，下载中断', err));
      // The response closed before its last byte: the client went away (Fastify then destroys the body).
      reply.raw.once('close', () => { if (!reply.raw.writableFinished && !body.readableEnded) interrupted('客户端断开连接，下载中断'); });
      return reply.send(body);
    },
  };
  try {
    if (principal.mustChangePassword) return await s.fail(403, 'PASSWORD_CHANGE_REQUIRED', '首次登录或密码已被重置，请先修改密码', { kind: 'denied' });
    return await run(s);
  } catch (e) {
    req.log.error({ err: e }, `${label} failed`);
    if (reply.sent) return reply;
    return s.fail(500, 'INTERNAL', '服务器内部错误');
  } finally {
    // Whatever happened, the request's transaction ends here.
    await end();
  }
}

/** A refusal from a gate's check: status, code and Chinese message (audited as a failure). */
export interface GateRefusal { status: number; error: string; message: string; kind?: AuditKind; cadreIds?: string[] }

/**
 * An onRequest hook for upload routes: session, role and scope are checked (and a refusal audited and answered) in a
 * short transaction before the body is read; the route's handler checks again in its own transaction.
 */
export function restGate(
  db: Kysely<DB>, label: string, operation: string,
  check: (s: Pick<RestSession, 'trx' | 'principal' | 'ability'>, req: FastifyRequest) => Promise<GateRefusal | null>,
) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    await withRestSession(db, req, reply, label, operation, async (s) => {
      const refusal = await check(s, req);
      if (refusal) return s.fail(refusal.status, refusal.error, refusal.message, { kind: refusal.kind ?? 'denied', cadreIds: refusal.cadreIds });
      return null;
    });
    if (reply.sent) return reply;
  };
}
