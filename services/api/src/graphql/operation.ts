// Each GraphQL operation is one unit of work (auth/request-session.ts beginUnitOfWork, shared with the REST routes):
// the session is confirmed, the scope set, the resolvers run in one transaction, and one audit row is appended —
// inside that transaction when the work commits, in a separate one when it fails. Login attempts write their own rows.
import {
  getOperationAST, Kind, type DirectiveNode, type DocumentNode, type ExecutionResult, type FragmentDefinitionNode,
  type OperationDefinitionNode, type SelectionSetNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Kysely } from 'kysely';
import type { DB } from '../db/types.js';
import { withScope } from '../db/scope.js';
import { loadPrincipal, type TokenSubject } from '../auth/principal.js';
import { beginUnitOfWork } from '../auth/request-session.js';
import { appendAuditSeparately, type AuditEntry } from '../audit/index.js';
import { describeOperation } from '../audit/describe.js';
import { passwordChangeRequired, unauthenticated, type Ctx } from './context.js';

/** Mutations that run without a session and audit themselves (a request of only these needs no token). */
export const SESSIONLESS = new Set(['login', 'refreshSession', 'activateAccount']);
/** What an account that must change its password may still do. */
export const BEFORE_PASSWORD_CHANGE = new Set(['me', 'changePassword', 'logout', '__typename']);

/**
 * Whether @skip/@include let a selection run. A condition not known here (a variable without a boolean value) counts
 * as "runs": callers use the result to refuse, so over-counting is the safe side.
 */
function included(directives: readonly DirectiveNode[] | undefined, op: OperationDefinitionNode, variables: Record<string, unknown>): boolean {
  for (const d of directives ?? []) {
    if (d.name.value !== 'skip' && d.name.value !== 'include') continue;
    const arg = d.arguments?.find((a) => a.name.value === 'if')?.value;
    let value: unknown;
    if (arg?.kind === Kind.BOOLEAN) value = arg.value;
    else if (arg?.kind === Kind.VARIABLE) {
      const name = arg.name.value;
      const def = op.variableDefinitions?.find((v) => v.variable.name.value === name)?.defaultValue;
      value = Object.prototype.hasOwnProperty.call(variables, name) ? variables[name] : def?.kind === Kind.BOOLEAN ? def.value : undefined;
    }
    if (typeof value !== 'boolean') continue;
    if (d.name.value === 'skip' && value) return false;
    if (d.name.value === 'include' && !value) return false;
  }
  return true;
}

/**
 * The root fields an operation executes: named and inline fragments on the root type expanded (any depth, cycles
 * cut), @skip/@include honoured where their condition is known. Field names, not aliases.
 */
export function rootFields(document: DocumentNode, op: OperationDefinitionNode, variables: Record<string, unknown> = {}): string[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const out: string[] = [];
  const walk = (set: SelectionSetNode, seen: Set<string>) => {
    for (const sel of set.selections) {
      if (!included(sel.directives, op, variables)) continue;
      if (sel.kind === Kind.FIELD) out.push(sel.name.value);
      else if (sel.kind === Kind.INLINE_FRAGMENT) walk(sel.selectionSet, seen);
      else {
        const name = sel.name.value;
        const frag = fragments.get(name);
        if (frag && !seen.has(name)) walk(frag.selectionSet, new Set([...seen, name]));
      }
    }
  };
  walk(op.selectionSet, new Set());
  return [...new Set(out)];
}

function describe(document: DocumentNode, operationName?: string | null, variables?: Record<string, unknown> | null) {
  const op = getOperationAST(document, operationName ?? undefined);
  const fields = op ? rootFields(document, op, variables ?? {}) : [];
  const type = op?.operation ?? 'query';
  const label = `${type} ${op?.name?.value ? op.name.value + ' ' : ''}{${fields.join(',')}}`;
  return { type, fields, label };
}

/** What the server context carries before the GraphQL context exists (parse and validate run first). */
export interface RequestIdentity { db: Kysely<DB>; token: TokenSubject | null; clientIp: string | null; requestId: string }

/** A request refused before execution (unparsable or invalid document) still leaves its row. */
export async function auditRejected(ctx: RequestIdentity, label: string, code: string) {
  const principal = ctx.token
    ? await withScope(ctx.db, null, (trx) => loadPrincipal(trx, ctx.token!)).catch(() => null)
    : null;
  await appendAuditSeparately(ctx.db, {
    tenantId: principal?.tenantId ?? null, tenantPath: principal?.tenantPath ?? null,
    userId: principal?.userId ?? null, username: principal?.username ?? null,
    operation: label, kind: principal ? 'read' : 'denied', outcome: 'failure',
    clientIp: ctx.clientIp, requestId: ctx.requestId, cadreIds: [], detail: { errors: [code] },
    summary: describeOperation({ fields: [], outcome: 'failure', denied: false, errors: [code], cadreNames: [], targets: [] }),
  });
}

export function operationPlugin(): Plugin<Ctx> {
  return {
    onParse({ context }) {
      return ({ result }) => {
        // The hook is synchronous: the row is written in the background, errors swallowed (never a crash).
        const id = (context as { identity?: () => Promise<RequestIdentity> }).identity;
        if (result instanceof Error && id) void id().then((i) => auditRejected(i, 'unparsable request', 'GRAPHQL_PARSE_FAILED')).catch(() => undefined);
      };
    },
    onValidate({ context, params }) {
      return ({ valid }) => {
        if (!valid) {
          const op = describe(params.documentAST, undefined, (params as { variables?: Record<string, unknown> }).variables);
          const id = (context as { identity?: () => Promise<RequestIdentity> }).identity;
          if (id) void id().then((i) => auditRejected(i, op.label, 'GRAPHQL_VALIDATION_FAILED')).catch(() => undefined);
        }
      };
    },
    onExecute({ executeFn, setExecuteFn }) {
      setExecuteFn(async (execArgs) => {
        const ctx = execArgs.contextValue as Ctx;
        const op = describe(execArgs.document, execArgs.operationName, execArgs.variableValues as Record<string, unknown> | null | undefined);
        const run = () => executeFn(execArgs) as Promise<ExecutionResult>;
        const entry = (result: ExecutionResult | null): AuditEntry => {
          const failed = !result || !!result.errors?.length;
          const p = ctx.principal;
          return {
            tenantId: p?.tenantId ?? null,
            tenantPath: p?.tenantPath ?? null,
            userId: p?.userId ?? null,
            username: p?.username ?? null,
            operation: op.label,
            kind: !p || ctx.audit.denied ? 'denied' : op.type === 'mutation' ? 'write' : 'read',
            outcome: failed ? 'failure' : 'success',
            clientIp: ctx.clientIp,
            requestId: ctx.requestId,
            cadreIds: [...ctx.audit.cadreIds],
            summary: describeOperation({
              fields: op.fields, outcome: failed ? 'failure' : 'success', denied: !!p && ctx.audit.denied,
              errors: (result?.errors ?? []).map((e) => String(e.extensions?.code ?? 'ERROR')),
              cadreNames: ctx.audit.cadreNames, targets: ctx.audit.targets, notes: ctx.audit.notes,
            }),
            detail: {
              ...ctx.auditDetail,
              ...(ctx.audit.targets.length ? { targets: ctx.audit.targets } : {}),
              ...(failed && result?.errors ? { errors: result.errors.map((e) => e.extensions?.code ?? 'ERROR').slice(0, 10) } : {}),
            },
          };
        };

        // Login and refresh alone: no session, each attempt audits itself.
        if (op.type === 'mutation' && op.fields.length > 0 && op.fields.every((f) => SESSIONLESS.has(f))) return run();

        if (!ctx.token) {
          if (ctx.tokenInvalid) {
            await appendAuditSeparately(ctx.db, entry(null));
            return { errors: [unauthenticated()] };
          }
          const result = await run();
          await appendAuditSeparately(ctx.db, entry(result));
          return result;
        }

        const uow = await beginUnitOfWork(ctx.db, ctx.token);
        if (!uow) {
          await appendAuditSeparately(ctx.db, entry(null));
          return { errors: [unauthenticated()] };
        }
        const { trx, principal } = uow;
        ctx.principal = principal;
        ctx.ability = uow.ability;
        ctx.trx = trx;
        // Writes that stand whatever the outcome, once the request's transaction has ended (never inside it: on
        // PGlite the pool has one connection).
        const afterwards = async () => {
          for (const f of ctx.afterwards.splice(0)) await f(ctx.db);
        };
        let result: ExecutionResult | null = null;
        try {
          if (principal.mustChangePassword && !op.fields.every((f) => BEFORE_PASSWORD_CHANGE.has(f))) {
            result = { errors: [passwordChangeRequired()] };
          } else {
            result = await run();
          }
          if (!result.errors?.length && !ctx.rollbackOnly) {
            await uow.commit(entry(result));
            ctx.trx = null;
            await afterwards();
            return result;
          }
        } catch (e) {
          await uow.end();
          ctx.trx = null;
          await afterwards().catch(() => undefined);
          await uow.fail(entry(null)).catch(() => undefined);
          throw e;
        }
        await uow.fail(entry(result));
        ctx.trx = null;
        await afterwards();
        return result;
      });
    },
  };
}
