// One home for the access log. Each request collects what it did; the row is appended in the request's own
// transaction when the work commits, or in a separate transaction when the work fails (so it is never lost).
import type { Kysely } from 'kysely';
import type { DB } from '../db/types.js';
import { withScope, type Tx } from '../db/scope.js';

export type AuditKind = 'read' | 'write' | 'login' | 'denied';
export type AuditOutcome = 'success' | 'failure';

export interface AuditEntry {
  tenantId: string | null;
  tenantPath: string | null;
  userId: string | null;
  username: string | null;
  operation: string;
  kind: AuditKind;
  outcome: AuditOutcome;
  clientIp: string | null;
  requestId: string | null;
  cadreIds: string[];
  detail?: Record<string, unknown>;
}

/** Collects the cadre ids a request returned or changed. */
export class AuditTrail {
  readonly cadreIds = new Set<string>();
  denied = false;
  touch(ids: Iterable<string>) { for (const id of ids) this.cadreIds.add(id); }
}

export async function appendAudit(trx: Tx, e: AuditEntry): Promise<void> {
  await trx.insertInto('audit_event').values({
    tenant_id: e.tenantId,
    user_id: e.userId,
    username: e.username,
    operation: e.operation.slice(0, 200),
    kind: e.kind,
    outcome: e.outcome,
    client_ip: e.clientIp,
    request_id: e.requestId,
    cadre_ids: [...new Set(e.cadreIds)],
    detail: JSON.stringify(e.detail ?? {}),
  }).execute();
}

/** Append in a transaction of its own, scoped to the entry's tenant. */
export function appendAuditSeparately(db: Kysely<DB>, e: AuditEntry): Promise<void> {
  return withScope(db, e.tenantPath, (trx) => appendAudit(trx, e));
}
