// The GraphQL context: one per request. The operation wrapper (graphql/operation.ts) fills in the principal and
// the scoped transaction before resolvers run.
import type { Kysely, Transaction } from 'kysely';
import { GraphQLError } from 'graphql';
import type { DB } from '../db/types.js';
import type { Config } from '../config/index.js';
import type { Principal } from '../auth/principal.js';
import { defineAbilities, type AppAbility, type Action, type Subject } from '../authz/abilities.js';
import { AuditTrail } from '../audit/index.js';

export interface Ctx {
  db: Kysely<DB>;
  config: Config;
  requestId: string;
  clientIp: string | null;
  /** Verified access-token subject, before the database confirms the session. */
  tokenUserId: string | null;
  tokenInvalid: boolean;
  principal: Principal | null;
  ability: AppAbility;
  trx: Transaction<DB> | null;
  audit: AuditTrail;
  signAccessToken(userId: string): string;
}

export function newContext(base: Omit<Ctx, 'principal' | 'ability' | 'trx' | 'audit'>): Ctx {
  return { ...base, principal: null, ability: defineAbilities(null), trx: null, audit: new AuditTrail() };
}

export const unauthenticated = () =>
  new GraphQLError('未登录或登录已过期，请重新登录', { extensions: { code: 'UNAUTHENTICATED', http: { status: 200 } } });

export function forbidden(ctx: Ctx) {
  ctx.audit.denied = true;
  return new GraphQLError('无权执行此操作', { extensions: { code: 'FORBIDDEN' } });
}

export const badInput = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });

/** The scoped transaction of an authenticated request; throws when there is none. */
export function session(ctx: Ctx): { trx: Transaction<DB>; principal: Principal } {
  if (!ctx.principal || !ctx.trx) throw unauthenticated();
  return { trx: ctx.trx, principal: ctx.principal };
}

/** Require a role-level right; records the denial for the audit row. */
export function authorize(ctx: Ctx, action: Action, subject: Subject) {
  const s = session(ctx);
  if (!ctx.ability.can(action, subject)) throw forbidden(ctx);
  return s;
}
