// The GraphQL context: one per request. The operation wrapper (graphql/operation.ts) fills in the principal and
// the scoped transaction before resolvers run.
import type { Kysely, Transaction } from 'kysely';
import { GraphQLError } from 'graphql';
import type { DB } from '../db/types.js';
import type { Config } from '../config/index.js';
import type { Principal, TokenSubject } from '../auth/principal.js';
import { defineAbilities, type AppAbility, type Action, type Subject } from '../authz/abilities.js';
import { AuditTrail } from '../audit/index.js';
import type { LoginLimiter } from '../auth/rate-limit.js';
import type { ObjectStore } from '../storage/index.js';

export interface Ctx {
  db: Kysely<DB>;
  config: Config;
  requestId: string;
  clientIp: string | null;
  /** Verified access-token subject and session, before the database confirms them. */
  token: TokenSubject | null;
  tokenInvalid: boolean;
  principal: Principal | null;
  ability: AppAbility;
  trx: Transaction<DB> | null;
  audit: AuditTrail;
  /** Tests only (config.testRollbackHeader): roll the operation back even when it succeeds. */
  rollbackOnly: boolean;
  signAccessToken(token: TokenSubject): string;
  loginLimiter: LoginLimiter;
  /** The object store (photos, scans): one instance per app. */
  store: ObjectStore;
  /**
   * Writes that must stand whether the operation commits or rolls back (a wrong current password counts toward the
   * lockout): run by the operation wrapper on the pool after the request's transaction has ended.
   */
  afterwards: ((db: Kysely<DB>) => Promise<void>)[];
  /** Extra facts for the request's audit row (merged into its detail). */
  auditDetail: Record<string, unknown>;
}

export function newContext(base: Omit<Ctx, 'principal' | 'ability' | 'trx' | 'audit' | 'afterwards' | 'auditDetail'>): Ctx {
  return { ...base, principal: null, ability: defineAbilities(null), trx: null, audit: new AuditTrail(), afterwards: [], auditDetail: {} };
}

export const unauthenticated = () =>
  new GraphQLError('未登录或登录已过期，请重新登录', { extensions: { code: 'UNAUTHENTICATED', http: { status: 200 } } });

export function forbidden(ctx: Ctx) {
  ctx.audit.denied = true;
  return new GraphQLError('无权执行此操作', { extensions: { code: 'FORBIDDEN' } });
}

export const badInput = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });

export const passwordChangeRequired = () =>
  new GraphQLError('首次登录或密码已被重置，请先修改密码', { extensions: { code: 'PASSWORD_CHANGE_REQUIRED' } });

/** Require a right on one object (CASL conditions). A failed check is a denial, recorded for the audit row. */
export function authorizeObject(ctx: Ctx, action: Action, object: Parameters<AppAbility['can']>[1]) {
  const s = session(ctx);
  if (!ctx.ability.can(action, object)) throw forbidden(ctx);
  return s;
}

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
