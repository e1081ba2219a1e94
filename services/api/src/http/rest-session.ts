// One home for plain HTTP routes that act for a signed-in user (photo upload, imports, exports): verify the token,
// begin the unit of work (auth/request-session.ts, shared with GraphQL), refuse a forced password change, and audit
// every outcome — success in the work's own transaction, failure in a separate one (so it is never lost). The route
// declares its Chinese audit label with itself ({ config: { auditLabel } }). Errors answer { error, message } in Chinese.
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
import { beginUnitOfWork, inScopedSession, verifyToken, type UnitOfWork } from '../auth/request-session.js';
import { appendAuditSeparately, type AuditEntry, type AuditKind } from '../audit/index.js';

/** Thrown by `scoped` when the caller's session ended while a response was being produced. */
export class SessionEndedError extends Error {
  constructor() { super('session ended'); }
}

export interface RestSession {
  trx: ControlledTransaction<DB>;
  principal: Principal;
  ability: AppAbility;
  /** Another unit of work for the same caller (work done as several transactions); the caller ends it. */
  reopen(): Promise<UnitOfWork | null>;
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

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The route's name in the access log, in Chinese, declared with the route (`{ config: { auditLabel } }`); every
     * /api route has one (test/api/audit-labels.test.ts).
     */
    auditLabel?: string;
  }
}

/** The route's audit label and operation ("GET /api/audit/export": method and route as registered). */
export function routeAudit(req: FastifyRequest): { label: string; operation: string } {
  const label = req.routeOptions.config.auditLabel;
  const url = req.routeOptions.url ?? req.url.split('?')[0];
  if (!label) throw new Error(`route ${req.method} ${url} declares no auditLabel`);
  return { label, operation: `${req.method === 'HEAD' ? 'GET' : req.method} ${url}` };
}

export async function withRestSession(
  db: Kysely<DB>, req: FastifyRequest, reply: FastifyReply,
  run: (s: RestSession) => Promise<unknown>,
  opts: { subject?: TokenSubject } = {},
): Promise<unknown> {
  const { label, operation } = routeAudit(req);
  const base = (p: Principal | null): RestSession['who'] => ({
    tenantId: p?.tenantId ?? null, tenantPath: p?.tenantPath ?? null, userId: p?.userId ?? null, username: p?.username ?? null,
    operation, clientIp: req.ip ?? null, requestId: String(req.id), cadreIds: [],
  });
  // A signed link (photo) names its session itself; otherwise the bearer token does.
  const token = opts.subject ?? (await verifyToken(req)).token;
  const uow = token ? await beginUnitOfWork(db, token) : null;
  if (!uow) {
    await appendAuditSeparately(db, { ...base(null), kind: 'denied', outcome: 'failure', summary: `${label}（失败：未登录或会话已失效）` });
    return reply.code(401).send({ error: 'UNAUTHENTICATED', message: '未登录或登录已过期，请重新登录' });
  }
  const { trx, principal, ability } = uow;
  const who = base(principal);
  const s: RestSession = {
    trx, principal, ability, who,
    reopen: () => beginUnitOfWork(db, token as TokenSubject),
    scoped: async (fn) => {
      const out = await inScopedSession(db, token as TokenSubject, fn);
      if (!out) throw new SessionEndedError();
      return out.value;
    },
    fail: async (status, error, message, opts = {}) => {
      await uow.fail({
        ...who, cadreIds: opts.cadreIds ?? [], kind: opts.kind ?? 'write', outcome: 'failure',
        // A refusal reads as GraphQL's do (audit/describe.ts): 「无权操作：导出访问日志」.
        summary: error === 'FORBIDDEN' ? `无权操作：${label}` : `${label}（失败：${message}）`, detail: { errors: [error] },
      });
      return reply.code(status).send({ error, message });
    },
    commit: (e) => uow.commit({ ...who, cadreIds: e.cadreIds ?? [], kind: e.kind, outcome: 'success', summary: e.summary, detail: e.detail }),
    stream: (body, opts = {}) => {
      if (uow.open) throw new Error('stream() before the transaction ended');
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
    await uow.end();
  }
}

/** A refusal from a gate's check: status, code and Chinese message (audited as a failure). */
export interface GateRefusal { status: number; error: string; message: string; kind?: AuditKind; cadreIds?: string[] }

/**
 * An onRequest hook for upload routes: session, role and scope are checked (and a refusal audited and answered) in a
 * short transaction before the body is read; the route's handler checks again in its own transaction.
 */
export function restGate(
  db: Kysely<DB>,
  check: (s: Pick<RestSession, 'trx' | 'principal' | 'ability'>, req: FastifyRequest) => Promise<GateRefusal | null>,
) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    await withRestSession(db, req, reply, async (s) => {
      const refusal = await check(s, req);
      if (refusal) return s.fail(refusal.status, refusal.error, refusal.message, { kind: refusal.kind ?? 'denied', cadreIds: refusal.cadreIds });
      return null;
    });
    if (reply.sent) return reply;
  };
}
