// Each GraphQL operation is one unit of work: the session is confirmed, the scope set, the resolvers run in one
// transaction, and one audit row is appended — inside that transaction when the work commits, in a separate one
// when it fails. Login attempts write their own rows.
import { getOperationAST, Kind, type DocumentNode, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Kysely } from 'kysely';
import type { DB } from '../db/types.js';
import { setScope, withScope } from '../db/scope.js';
import { loadPrincipal } from '../auth/principal.js';
import { defineAbilities } from '../authz/abilities.js';
import { appendAudit, appendAuditSeparately, type AuditEntry } from '../audit/index.js';
import { unauthenticated, type Ctx } from './context.js';

function describe(document: DocumentNode, operationName?: string | null) {
  const op = getOperationAST(document, operationName ?? undefined);
  const fields = (op?.selectionSet.selections ?? [])
    .filter((s) => s.kind === Kind.FIELD)
    .map((s) => (s as { name: { value: string } }).name.value);
  const type = op?.operation ?? 'query';
  const label = `${type} ${op?.name?.value ? op.name.value + ' ' : ''}{${[...new Set(fields)].join(',')}}`;
  return { type, fields, label };
}

/** What the server context carries before the GraphQL context exists (parse and validate run first). */
export interface RequestIdentity { db: Kysely<DB>; tokenUserId: string | null; clientIp: string | null; requestId: string }

/** A request refused before execution (unparsable or invalid document) still leaves its row. */
export async function auditRejected(ctx: RequestIdentity, label: string, code: string) {
  const principal = ctx.tokenUserId
    ? await withScope(ctx.db, null, (trx) => loadPrincipal(trx, ctx.tokenUserId!)).catch(() => null)
    : null;
  await appendAuditSeparately(ctx.db, {
    tenantId: principal?.tenantId ?? null, tenantPath: principal?.tenantPath ?? null,
    userId: principal?.userId ?? null, username: principal?.username ?? null,
    operation: label, kind: principal ? 'read' : 'denied', outcome: 'failure',
    clientIp: ctx.clientIp, requestId: ctx.requestId, cadreIds: [], detail: { errors: [code] },
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
          const op = describe(params.documentAST);
          const id = (context as { identity?: () => Promise<RequestIdentity> }).identity;
          if (id) void id().then((i) => auditRejected(i, op.label, 'GRAPHQL_VALIDATION_FAILED')).catch(() => undefined);
        }
      };
    },
    onExecute({ executeFn, setExecuteFn }) {
      setExecuteFn(async (execArgs) => {
        const ctx = execArgs.contextValue as Ctx;
        const op = describe(execArgs.document, execArgs.operationName);
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
            detail: failed && result?.errors ? { errors: result.errors.map((e) => e.extensions?.code ?? 'ERROR').slice(0, 10) } : undefined,
          };
        };

        // Login alone: no session, each attempt audits itself.
        if (op.type === 'mutation' && op.fields.length > 0 && op.fields.every((f) => f === 'login')) return run();

        if (!ctx.tokenUserId) {
          if (ctx.tokenInvalid) {
            await appendAuditSeparately(ctx.db, entry(null));
            return { errors: [unauthenticated()] };
          }
          const result = await run();
          await appendAuditSeparately(ctx.db, entry(result));
          return result;
        }

        const trx = await ctx.db.startTransaction().execute();
        let result: ExecutionResult | null = null;
        try {
          const principal = await loadPrincipal(trx, ctx.tokenUserId);
          if (!principal) {
            await trx.rollback().execute();
            await appendAuditSeparately(ctx.db, entry(null));
            return { errors: [unauthenticated()] };
          }
          await setScope(trx, principal.tenantPath);
          ctx.principal = principal;
          ctx.ability = defineAbilities(principal);
          ctx.trx = trx;
          result = await run();
          if (!result.errors?.length) {
            await appendAudit(trx, entry(result));
            await trx.commit().execute();
            return result;
          }
        } catch (e) {
          await trx.rollback().execute().catch(() => undefined);
          ctx.trx = null;
          await appendAuditSeparately(ctx.db, entry(null)).catch(() => undefined);
          throw e;
        }
        await trx.rollback().execute();
        ctx.trx = null;
        await appendAuditSeparately(ctx.db, entry(result));
        return result;
      });
    },
  };
}
