// One home for the access log. Each request collects what it did; a write's row is appended in the request's own
// transaction when the work commits; a read's row, and the row of work that failed (so it is never lost), go through
// the process's appender (audit/appender.ts: group commit, one short transaction per batch), awaited before replying.
import type { Kysely } from 'kysely';
import type { DB } from '../db/types.js';
import type { Tx } from '../db/scope.js';
import { appendChained, type BatchContent } from './chain.js';
import { appenderFor } from './appender.js';

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
  /** What the request's operation concerned beyond its label, e.g. a record's category: 「新增档案记录（民间借贷）」. */
  readonly notes: string[] = [];
  denied = false;
  /** Cadres a request returned or changed: their ids go into the row, their names into its summary. */
  touch(cadres: Iterable<{ id: string; name?: string }>) {
    for (const c of cadres) {
      if (!this.cadreIds.has(c.id) && c.name) this.cadreNames.push(c.name);
      this.cadreIds.add(c.id);
    }
  }
  /** Qualify the operation's label (once per distinct note). */
  about(note: string) {
    if (!this.notes.includes(note) && this.notes.length < 12) this.notes.push(note);
  }
  target(type: 'Tenant' | 'Unit' | 'User' | 'SecuritySettings' | 'AuditLog' | 'RoleGrant', id: string, name?: string) {
    if (this.targets.length < 50) this.targets.push(name ? { type, id, name } : { type, id });
  }
}

/** The chained content of an entry (lengths bounded, cadre ids once each). */
function content(e: AuditEntry): BatchContent {
  return {
    tenantPath: e.tenantPath,
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
  };
}

/** Append a row as the next link of the chain (audit/chain.ts), in the caller's transaction (the head stays locked until it ends). */
export async function appendAudit(trx: Tx, e: AuditEntry): Promise<void> {
  await appendChained(trx, content(e));
}

/**
 * Append outside any transaction of the caller's: the process's appender writes it with the rows of concurrent
 * requests in one short transaction of its own. Resolves once the row is committed; rejects if it was not appended.
 */
export function appendAuditSeparately(db: Kysely<DB>, e: AuditEntry): Promise<void> {
  return appenderFor(db).append(content(e));
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
