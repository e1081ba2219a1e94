// Rows of jobs (migration 0033; docs/jobs.md). A job is its creator's alone: every read here names the creator
// (created_by) beside the tenant, so another officer of the tenant, or of a parent tenant whose scope covers it, sees
// the same as for a missing id.
import { sql } from 'kysely';
import type { Tx } from '../db/scope.js';
import { isUuid } from '../db/scope.js';
import type { JobKind, JobStatus } from '../../../../shared/jobs.js';

export interface JobRow {
  tenant_id: string;
  id: string;
  kind: JobKind;
  params: Record<string, unknown>;
  status: JobStatus;
  progress: number;
  total: number;
  message: string | null;
  attempts: number;
  result_key: string | null;
  result_name: string | null;
  result_size: number | null;
  result_content_type: string | null;
  created_by: string;
  created_by_name: string;
  created_session: string | null;
  created_at: Date;
  started_at: Date | null;
  heartbeat_at: Date | null;
  finished_at: Date | null;
  expires_at: Date | null;
}

const COLUMNS = [
  'tenant_id', 'id', 'kind', 'params', 'status', 'progress', 'total', 'message', 'attempts', 'result_key', 'result_name',
  sql<number | null>`result_size::float8`.as('result_size'), 'result_content_type', 'created_by', 'created_by_name',
  'created_session', 'created_at', 'started_at', 'heartbeat_at', 'finished_at', 'expires_at',
] as const;

export interface JobOwner { tenantId: string; userId: string }

/** The owner's job, or null (malformed, missing, another user's, another tenant's: alike). */
export async function findOwnJob(trx: Tx, owner: JobOwner, id: string): Promise<JobRow | null> {
  if (!isUuid(id)) return null;
  const row = await trx.selectFrom('job').select(COLUMNS as never)
    .where('tenant_id', '=', owner.tenantId).where('created_by', '=', owner.userId).where('id', '=', id)
    .executeTakeFirst();
  return (row as JobRow | undefined) ?? null;
}

/** The owner's jobs, newest first. */
export async function listOwnJobs(trx: Tx, owner: JobOwner, limit: number, offset: number): Promise<JobRow[]> {
  const r = await trx.selectFrom('job').select(COLUMNS as never)
    .where('tenant_id', '=', owner.tenantId).where('created_by', '=', owner.userId)
    .orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).offset(offset)
    .execute();
  return r as unknown as JobRow[];
}

export async function countOwnJobs(trx: Tx, owner: JobOwner): Promise<number> {
  const r = await trx.selectFrom('job').select(sql<number>`count(*)::int`.as('n'))
    .where('tenant_id', '=', owner.tenantId).where('created_by', '=', owner.userId).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** A job by tenant and id, for the runner (in its creator's scope). */
export async function jobById(trx: Tx, tenantId: string, id: string): Promise<JobRow | null> {
  const row = await trx.selectFrom('job').select(COLUMNS as never).where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  return (row as JobRow | undefined) ?? null;
}
