// What every domain command (modules/*/commands.ts) is given: the request's scoped transaction, who asks and what
// their role allows (CASL), the request's audit trail, and the field keys. GraphQL, REST and the import build it.
import { GraphQLError } from 'graphql';
import type { Principal } from '../auth/principal.js';
import type { AppAbility } from '../authz/abilities.js';
import { AuditTrail } from '../audit/index.js';
import { fieldKeys, type FieldKeys } from '../crypto/fields.js';
import type { Tx } from '../db/scope.js';
import { session, type Ctx } from '../graphql/context.js';

export interface CommandContext {
  trx: Tx;
  principal: Principal;
  ability: AppAbility;
  /** Cadres touched and denials, for the request's audit row. */
  audit: AuditTrail;
  keys: FieldKeys;
}

/** A GraphQL request's command context (throws UNAUTHENTICATED without a session). */
export function commandContext(ctx: Ctx): CommandContext {
  const { trx, principal } = session(ctx);
  return { trx, principal, ability: ctx.ability, audit: ctx.audit, keys: fieldKeys(ctx.config.fieldSecret) };
}

/** A REST or import command context: its audit trail is the caller's to read (cadreIds, denied). */
export function restCommandContext(s: { trx: Tx; principal: Principal; ability: AppAbility }, keys: FieldKeys, audit = new AuditTrail()): CommandContext {
  return { trx: s.trx, principal: s.principal, ability: s.ability, audit, keys };
}

/** A refused command: recorded as a denial on the audit row (as graphql/context.ts forbidden()). */
export function denied(c: Pick<CommandContext, 'audit'>) {
  c.audit.denied = true;
  return new GraphQLError('无权执行此操作', { extensions: { code: 'FORBIDDEN' } });
}
