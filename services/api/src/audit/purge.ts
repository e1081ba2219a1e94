// The retention purge. audit_purge (0009_audit_key.sql) deletes rows older than the cut-off within the caller's
// scope, leaves a tombstone per row naming its run, and returns the run; in the same transaction this appends a keyed
// row attesting the run (its time, cut-off, count and seq range). The database cannot forge that row, so the verifier
// accepts a tombstone only when its run is attested and the tombstones of the run are exactly those attested.
import { sql } from 'kysely';
import type { Tx } from '../db/scope.js';
import { appendAudit, type AuditEntry } from './index.js';

/** What the attesting row carries in detail.auditPurge (verify.ts compares it with the run and its tombstones). */
export interface PurgeAttestation {
  run: number;
  purgedAt: string;
  days: number;
  cutoff: string;
  rows: number;
  firstSeq: number | null;
  lastSeq: number | null;
  maxAt: string | null;
}

export const PURGE_OPERATION = 'audit_purge';

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

/**
 * Purge rows older than `days` (at least 180) in the transaction's scope and attest the run. `who` names the
 * purging user in the attesting row.
 */
export async function purgeAuditLog(trx: Tx, days: number, who: Pick<AuditEntry, 'tenantId' | 'tenantPath' | 'userId' | 'username' | 'clientIp' | 'requestId'>): Promise<PurgeAttestation> {
  const { rows: [r] } = await sql<{
    run_id: string; purged_at: Date; days: number; cutoff: Date; rows: number; first_seq: string | null; last_seq: string | null; max_at: Date | null;
  }>`select * from audit_purge(${days}, ${who.userId}::uuid)`.execute(trx);
  const att: PurgeAttestation = {
    run: Number(r.run_id), purgedAt: iso(r.purged_at)!, days: r.days, cutoff: iso(r.cutoff)!, rows: Number(r.rows),
    firstSeq: r.first_seq === null ? null : Number(r.first_seq), lastSeq: r.last_seq === null ? null : Number(r.last_seq), maxAt: iso(r.max_at),
  };
  await appendAudit(trx, {
    ...who, operation: PURGE_OPERATION, kind: 'write', outcome: 'success', cadreIds: [],
    detail: { auditPurge: att },
    summary: `清理记录：${days} 天以前的访问日志 ${att.rows} 行（保留截止 ${att.cutoff}）`,
  });
  return att;
}
