// One home for the access log. Each request collects what it did; the row is appended in the request's own
// transaction when the work commits, or in a separate transaction when the work fails (so it is never lost).
import type { Kysely } from 'kysely';
import type { DB } from '../db/types.js';
import { withScope, type Tx } from '../db/scope.js';
import { appendChained } from './chain.js';

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
  /** The entry in plain Chinese (audit/describe.ts). */
  summary?: string;
  /** Only for imports and tests; otherwise the time of appending. */
  at?: Date;
}

/** Collects what a request returned or changed: cadre ids, and the administered objects (tenant, user). */
export class AuditTrail {
  readonly cadreIds = new Set<string>();
  readonly cadreNames: string[] = [];
  readonly targets: { type: string; id: string; name?: string }[] = [];
  denied = false;
  /** Cadres a request returned or changed: their ids go into the row, their names into its summary. */
  touch(cadres: Iterable<{ id: string; name?: string }>) {
    for (const c of cadres) {
      if (!this.cadreIds.has(c.id) && c.name) this.cadreNames.push(c.name);
      this.cadreIds.add(c.id);
    }
  }
  target(type: 'Tenant' | 'User' | 'SecuritySettings' | 'AuditLog' | 'RoleGrant', id: string, name?: string) {
    if (this.targets.length < 50) this.targets.push(name ? { type, id, name } : { type, id });
  }
}

/** Append a row as the next link of the SM3 chain (audit/chain.ts), in the caller's transaction. */
export async function appendAudit(trx: Tx, e: AuditEntry): Promise<void> {
  await appendChained(trx, {
    tenantId: e.tenantId,
    userId: e.userId,
    username: e.username,
    operation: e.operation.slice(0, 200),
    kind: e.kind,
    outcome: e.outcome,
    clientIp: e.clientIp,
    requestId: e.requestId,
    cadreIds: [...new Set(e.cadreIds)],
    detail: e.detail ?? {},
    summary: e.summary?.slice(0, 500) ?? null,
    at: e.at,
  });
}

/** Append in a transaction of its own, scoped to the entry's tenant. */
export function appendAuditSeparately(db: Kysely<DB>, e: AuditEntry): Promise<void> {
  return withScope(db, e.tenantPath, (trx) => appendAudit(trx, e));
}
