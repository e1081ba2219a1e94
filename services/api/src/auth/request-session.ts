// One home for "who is calling, in which scope": verify the bearer token, then open the request's transaction,
// confirm account, tenant and session, set the scope and mark activity. GraphQL operations and plain HTTP routes
// (exports) both start here.
import type { FastifyRequest } from 'fastify';
import type { FastifyJWTOptions } from '@fastify/jwt';
import type { Config } from '../config/index.js';
import type { ControlledTransaction, Kysely } from 'kysely';
import type { DB } from '../db/types.js';
import { isUuid, setScope } from '../db/scope.js';
import { defineAbilities, type AppAbility } from '../authz/abilities.js';
import { loadPrincipal, type AccessClaims, type Principal, type TokenSubject } from './principal.js';
import { touchSession } from './sessions.js';

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
    const principal = await loadPrincipal(trx, token);
    if (!principal) {
      await trx.rollback().execute();
      return null;
    }
    await setScope(trx, principal.tenantPath);
    await touchSession(trx, principal.sessionId);
    return { trx, principal, ability: defineAbilities(principal) };
  } catch (e) {
    await trx.rollback().execute().catch(() => undefined);
    throw e;
  }
}
