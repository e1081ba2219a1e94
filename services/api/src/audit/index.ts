// One home for the access log. Each request collects what it did; the row is appended in the request's own
// transaction when the work commits, or in a separate transaction when the work fails (so it is never lost).
import type { Kysely } from 'kysely';
import type { DB } from '../db/types.js';
import { withScope, type Tx } from '../db/scope.js';
import { appendChained } from './chain.js';

/** 'system': work no user asked for (a timer's sweep, a nightly recomputation), logged by appendSystemAudit. */
export type AuditKind = 'read' | 'write' | 'login' | 'denied' | 'system';
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

/** The name a row of the system's own work carries (never an account's: login names are `<tenant>.<name>`). */
export const SYSTEM_ACTOR = '系统';

export interface SystemAuditEntry {
  /** Chinese, as every operation label. */
  operation: string;
  summary: string;
  /** The tenant the work concerned; null (the default) when it spans every tenant (visible at a root tenant). */
  tenantId?: string | null;
  outcome?: AuditOutcome;
  cadreIds?: string[];
  detail?: Record<string, unknown>;
}

/**
 * Audit work the system did on its own, without a user (timers, sweeps, nightly recomputations): kind 'system', no
 * user, SYSTEM_ACTOR as the name, in the caller's transaction (the work and its row commit together).
 */
export function appendSystemAudit(trx: Tx, e: SystemAuditEntry): Promise<void> {
  return appendAudit(trx, {
    tenantId: e.tenantId ?? null, tenantPath: null, userId: null, username: SYSTEM_ACTOR, operation: e.operation,
    kind: 'system', outcome: e.outcome ?? 'success', clientIp: null, requestId: null, cadreIds: e.cadreIds ?? [],
    detail: e.detail, summary: e.summary,
  });
}
