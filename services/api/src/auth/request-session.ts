// One home for "who is calling, in which scope": verify the bearer token, then open the request's unit of work —
// one transaction that confirms account, tenant and session, sets the scope (RLS), marks activity, and ends with one
// audit row: a write's appended inside it when it commits; a read's, once it has committed, and a failure's, after
// the rollback, by the process's appender (audit/appender.ts, group commit) — awaited before anything is answered. GraphQL operations
// (graphql/operation.ts) and plain HTTP routes (http/rest-session.ts) both run through beginUnitOfWork.
import type { FastifyRequest } from 'fastify';
import type { FastifyJWTOptions } from '@fastify/jwt';
import type { Config } from '../config/index.js';
import type { ControlledTransaction, Kysely } from 'kysely';
import type { DB } from '../db/types.js';
import { isUuid } from '../db/scope.js';
import { appendAudit, appendAuditSeparately, type AuditEntry } from '../audit/index.js';
import { defineAbilities, type AppAbility } from '../authz/abilities.js';
import { openPrincipal, type AccessClaims, type Principal, type TokenSubject } from './principal.js';

/** Clock skew tolerated between issuing and checking a token (seconds). */
export const TOKEN_SKEW_SECONDS = 30;

/**
 * The JWT plugin's options (app.ts registers them). Verification requires exp and iat and bounds the token's age by
 * the access TTL; verifyToken also bounds its declared lifetime, so a token signed with a long expiry (a leaked or
 * once-public secret, a bug in issuing) is refused however it was made.
 */
export function jwtOptions(config: Pick<Config, 'jwtSecret' | 'accessTokenTtlSeconds'>): FastifyJWTOptions {
  return {
    secret: config.jwtSecret,
    sign: { algorithm: 'HS256' },
    verify: {
      algorithms: ['HS256'], requiredClaims: ['exp', 'iat'],
      // @fastify/jwt reads a number as seconds.
      maxAge: config.accessTokenTtlSeconds + TOKEN_SKEW_SECONDS,
    },
  };
}

/** True when the claims' issue time and lifetime are within the access TTL (seconds). */
export function lifetimeAcceptable(claims: { exp?: unknown; iat?: unknown }, ttlSeconds: number, nowSeconds = Date.now() / 1000): boolean {
  const { exp, iat } = claims;
  if (typeof exp !== 'number' || typeof iat !== 'number' || !Number.isFinite(exp) || !Number.isFinite(iat)) return false;
  if (iat > nowSeconds + TOKEN_SKEW_SECONDS) return false;
  return exp - iat <= ttlSeconds + TOKEN_SKEW_SECONDS;
}

/** The access token's subject and session, if the Authorization header carries a valid one. */
export async function verifyToken(req: FastifyRequest): Promise<{ token: TokenSubject | null; tokenInvalid: boolean }> {
  if (!req.headers.authorization) return { token: null, tokenInvalid: false };
  try {
    const claims = await req.jwtVerify<AccessClaims & { exp?: number; iat?: number }>();
    // maxAge is the access TTL plus skew, in seconds (jwtOptions); without it nothing passes.
    const maxAge = (req.server.jwt.options.verify as { maxAge?: unknown } | undefined)?.maxAge;
    const ttl = typeof maxAge === 'number' ? maxAge - TOKEN_SKEW_SECONDS : -Infinity;
    if (claims.typ === 'access' && isUuid(claims.sub) && isUuid(claims.sid) && lifetimeAcceptable(claims, ttl)) {
      return { token: { userId: claims.sub, sessionId: claims.sid }, tokenInvalid: false };
    }
  } catch {
    // fall through
  }
  return { token: null, tokenInvalid: true };
}

export interface ScopedSession { trx: ControlledTransaction<DB>; principal: Principal; ability: AppAbility }

/** Begin the request's transaction for a live session, or null (the transaction is then already rolled back). */
export async function openScopedSession(db: Kysely<DB>, token: TokenSubject): Promise<ScopedSession | null> {
  const trx = await db.startTransaction().execute();
  try {
    // Session, scope and activity mark in one statement.
    const principal = await openPrincipal(trx, token);
    if (!principal) {
      await trx.rollback().execute();
      return null;
    }
    return { trx, principal, ability: defineAbilities(principal) };
  } catch (e) {
    await trx.rollback().execute().catch(() => undefined);
    throw e;
  }
}

/** A request's unit of work: the scoped transaction of a live session, ended exactly once. */
export interface UnitOfWork extends ScopedSession {
  /** Still open (neither committed nor rolled back). */
  readonly open: boolean;
  /**
   * Success. A read ('read'): commit (the transaction changed nothing that needs its row — reads
   * write nothing but the session's activity mark), then append through the appender and wait for that commit: the
   * caller sends nothing before this resolves, and an append that fails rejects (the caller answers an error).
   * Anything else (a write, or work that was partly denied): append the row inside the transaction and commit, so
   * the work and its row stand or fall together.
   */
  commit(entry: AuditEntry): Promise<void>;
  /** Roll back (if still open) and append the failure row in a transaction of its own, so it is never lost. */
  fail(entry: AuditEntry): Promise<void>;
  /** Roll back if still open; safe to call any number of times (callers end every unit in `finally`). */
  end(): Promise<void>;
}

/** Begin a unit of work for a live session, or null (nothing is left open then). */
export async function beginUnitOfWork(db: Kysely<DB>, token: TokenSubject): Promise<UnitOfWork | null> {
  const session = await openScopedSession(db, token);
  if (!session) return null;
  let open = true;
  const end = async () => {
    if (!open) return;
    open = false;
    await session.trx.rollback().execute().catch(() => undefined);
  };
  return {
    ...session,
    get open() { return open; },
    commit: async (entry) => {
      if (!open) throw new Error('unit of work already ended');
      const grouped = entry.kind === 'read';
      try {
        if (!grouped) await appendAudit(session.trx, entry);
        await session.trx.commit().execute();
        open = false;
      } finally {
        await end();
      }
      if (grouped) await appendAuditSeparately(db, entry);
    },
    fail: async (entry) => {
      await end();
      await appendAuditSeparately(db, entry);
    },
    end,
  };
}

/**
 * fn in a short unit of its own for the same caller (session re-checked, scope set), without an audit row:
 * committed when fn returns, rolled back when it throws. null when the session has ended.
 */
export async function inScopedSession<T>(db: Kysely<DB>, token: TokenSubject, fn: (trx: ControlledTransaction<DB>) => Promise<T>): Promise<{ value: T } | null> {
  const session = await openScopedSession(db, token);
  if (!session) return null;
  let done = false;
  try {
    const value = await fn(session.trx);
    await session.trx.commit().execute();
    done = true;
    return { value };
  } finally {
    if (!done) await session.trx.rollback().execute().catch(() => undefined);
  }
}
