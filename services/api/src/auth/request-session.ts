// One home for "who is calling, in which scope": verify the bearer token, then open the request's transaction,
// confirm account, tenant and session, set the scope and mark activity. GraphQL operations and plain HTTP routes
// (exports) both start here.
import type { FastifyRequest } from 'fastify';
import type { ControlledTransaction, Kysely } from 'kysely';
import type { DB } from '../db/types.js';
import { isUuid, setScope } from '../db/scope.js';
import { defineAbilities, type AppAbility } from '../authz/abilities.js';
import { loadPrincipal, type AccessClaims, type Principal, type TokenSubject } from './principal.js';
import { touchSession } from './sessions.js';

/** The access token's subject and session, if the Authorization header carries a valid one. */
export async function verifyToken(req: FastifyRequest): Promise<{ token: TokenSubject | null; tokenInvalid: boolean }> {
  if (!req.headers.authorization) return { token: null, tokenInvalid: false };
  try {
    const claims = await req.jwtVerify<AccessClaims>();
    if (claims.typ === 'access' && isUuid(claims.sub) && isUuid(claims.sid)) {
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
