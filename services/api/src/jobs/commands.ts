// The job commands (docs/jobs.md): start a batch of 廉情评价报告 or of 逐人复函, cancel, list and read the caller's own
// jobs, and find a result to download. Rules live here; GraphQL (schema.ts) and REST (routes.ts) only parse input.
// Starting a job checks what the synchronous download checks (the role, every cadre or the request within reach) and
// inserts the row in the request's own transaction: the job exists exactly when the request committed.
import { GraphQLError } from 'graphql';
import { sql } from 'kysely';
import { asSubject } from '../authz/abilities.js';
import type { AppAbility } from '../authz/abilities.js';
import { badInput } from '../graphql/context.js';
import { isUuid } from '../db/scope.js';
import { denied, type CommandContext } from '../modules/command.js';
import { findCadres } from '../modules/cadres/repo.js';
import { replyTarget } from '../modules/replies/commands.js';
import { itemsOf } from '../modules/replies/repo.js';
import { today } from '../modules/warnings/read.js';
import { PRINT_JOB_MAX, REPORT_JOB_MAX, type JobKind } from '../../../../shared/jobs.js';
import { findOwnJob, listOwnJobs, countOwnJobs, type JobRow } from './repo.js';

export const JOB_NOT_FOUND = '任务不存在';
export const notFound = (message = JOB_NOT_FOUND) => new GraphQLError(message, { extensions: { code: 'NOT_FOUND' } });

const DATE_RE = /^(19|20)\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
/** A real calendar day (2026-02-30 is not). */
export const isDay = (d: string) => DATE_RE.test(d) && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d;

/** What a kind needs of its creator — checked when it starts and again in every transaction the job runs. */
export function mayRun(ability: AppAbility, kind: JobKind): boolean {
  switch (kind) {
    case 'report_batch': return ability.can('read', 'Warning');
    case 'reply_letters': return ability.can('read', 'ReplyRequest');
    // The print route's right, for those who may use jobs at all (fillers print one archive at a time).
    case 'print_batch': return ability.can('read', 'ArchiveRecord') && ability.can('read', 'Warning');
  }
}

/** Jobs are for those who may start one (officers, leaders); fillers and administrators see nothing. */
function mayUseJobs(ability: AppAbility): boolean {
  return mayRun(ability, 'report_batch') || mayRun(ability, 'reply_letters');
}

/** The cadres' ids, deduplicated, each live and within reach (any other: the whole batch refused alike). */
async function readableCadres(c: CommandContext, cadreIds: string[], max: number): Promise<string[]> {
  const ids = [...new Set(cadreIds.map((x) => x.trim()).filter(Boolean))];
  if (!ids.length) throw badInput('请选择干部');
  if (ids.length > max) throw badInput(`一次最多 ${max} 人，请分批生成`);
  const found = (await findCadres(c.trx, ids.filter(isUuid))).filter((x) => c.ability.can('read', asSubject('Cadre', { ...x })));
  if (found.length !== ids.length) throw notFound(`有 ${ids.length - found.length} 名干部不存在`);
  c.audit.touch(found);
  return ids;
}

export interface ReportBatchParams { cadreIds: string[]; asOf: string }
export interface ReplyLettersParams { requestId: string }
export interface PrintBatchParams { cadreIds: string[] }

async function insertJob(c: CommandContext, kind: JobKind, params: object, total: number): Promise<JobRow> {
  const { id } = await c.trx.insertInto('job').values({
    tenant_id: c.principal.tenantId, kind, params: JSON.stringify(params), total,
    created_by: c.principal.userId, created_by_name: c.principal.displayName, created_session: c.principal.sessionId,
  }).returning('id').executeTakeFirstOrThrow();
  return (await findOwnJob(c.trx, { tenantId: c.principal.tenantId, userId: c.principal.userId }, id))!;
}

/** 廉情评价报告 of up to REPORT_JOB_MAX cadres as a job (the .zip of GET /api/reports.zip, without its cap of 100). */
export async function startReportBatch(c: CommandContext, input: { cadreIds: string[]; asOf?: string | null }): Promise<JobRow> {
  if (!mayRun(c.ability, 'report_batch')) throw denied(c);
  const asOf = input.asOf?.trim() || today();
  if (!isDay(asOf)) throw badInput('截至日期格式应为 YYYY-MM-DD');
  // Any id malformed, missing, foreign or out of reach: the batch is refused alike, naming none.
  const ids = await readableCadres(c, input.cadreIds, REPORT_JOB_MAX);
  c.audit.about(`批量廉情评价报告 ${ids.length} 人（截至 ${asOf}）`);
  return insertJob(c, 'report_batch', { cadreIds: ids, asOf } satisfies ReportBatchParams, ids.length);
}

/** The A4 JPG pages of each cadre's archive (GET /api/cadres/{id}/print.zip), in one zip, as a job. */
export async function startPrintBatch(c: CommandContext, input: { cadreIds: string[] }): Promise<JobRow> {
  if (!mayRun(c.ability, 'print_batch')) throw denied(c);
  const ids = await readableCadres(c, input.cadreIds, PRINT_JOB_MAX);
  c.audit.about(`批量打印档案（图片）${ids.length} 人`);
  return insertJob(c, 'print_batch', { cadreIds: ids } satisfies PrintBatchParams, ids.length);
}

/** One 复函 per cadre of a request, zipped (the .zip of GET /api/replies/{id}.zip), as a job. */
export async function startReplyLetters(c: CommandContext, input: { requestId: string }): Promise<JobRow> {
  if (!mayRun(c.ability, 'reply_letters')) throw denied(c);
  const row = await replyTarget(c, 'read', input.requestId);
  if (!row) throw notFound('复函不存在或不在您的管理范围内');
  const items = (await itemsOf(c.trx, row.tenant_id, [row.id])).get(row.id) ?? [];
  if (!items.length) throw badInput('该复函没有干部');
  c.audit.touch(items.map((i) => ({ id: i.cadre_id, name: i.cadre_name })));
  c.audit.about(`逐人复函 ${items.length} 人`);
  return insertJob(c, 'reply_letters', { requestId: row.id } satisfies ReplyLettersParams, items.length);
}

/** Cancel the caller's queued or running job: the runner stops at its next step and keeps nothing. */
export async function cancelJob(c: CommandContext, input: { id: string }): Promise<JobRow> {
  if (!mayUseJobs(c.ability)) throw denied(c);
  const owner = { tenantId: c.principal.tenantId, userId: c.principal.userId };
  const job = await findOwnJob(c.trx, owner, input.id);
  if (!job) throw notFound();
  c.audit.about(job.result_name ?? job.id);
  const r = await c.trx.updateTable('job')
    .set({ status: 'cancelled', message: `已由 ${c.principal.displayName} 取消`, finished_at: sql`now()`, expires_at: sql`now() + interval '7 days'` })
    .where('tenant_id', '=', job.tenant_id).where('id', '=', job.id).where('status', 'in', ['queued', 'running'])
    .executeTakeFirst();
  if (!Number(r.numUpdatedRows)) throw badInput('任务已结束，不能取消');
  return (await findOwnJob(c.trx, owner, job.id))!;
}

export async function myJobs(c: CommandContext, limit: number, offset: number): Promise<{ rows: JobRow[]; total: number }> {
  if (!mayUseJobs(c.ability)) throw denied(c);
  const owner = { tenantId: c.principal.tenantId, userId: c.principal.userId };
  const [rows, total] = await Promise.all([limit ? listOwnJobs(c.trx, owner, limit, offset) : [], countOwnJobs(c.trx, owner)]);
  return { rows, total };
}

export async function myJob(c: CommandContext, id: string): Promise<JobRow | null> {
  if (!mayUseJobs(c.ability)) throw denied(c);
  return findOwnJob(c.trx, { tenantId: c.principal.tenantId, userId: c.principal.userId }, id);
}

/** The cadres a job's result concerns (its audit rows name them). */
export async function jobCadreIds(c: Pick<CommandContext, 'trx'>, job: JobRow): Promise<string[]> {
  if (job.kind !== 'reply_letters') return (job.params as unknown as ReportBatchParams | PrintBatchParams).cadreIds;
  const requestId = (job.params as unknown as ReplyLettersParams).requestId;
  return ((await itemsOf(c.trx, job.tenant_id, [requestId])).get(requestId) ?? []).map((i) => i.cadre_id);
}

/** The caller's finished job whose result is still kept, or why not (a Chinese message and status). */
export async function resultTarget(c: CommandContext, id: string): Promise<{ job: JobRow } | { status: number; error: string; message: string }> {
  if (!mayUseJobs(c.ability)) return { status: 403, error: 'FORBIDDEN', message: '无权执行此操作' };
  const job = await findOwnJob(c.trx, { tenantId: c.principal.tenantId, userId: c.principal.userId }, id);
  if (!job) return { status: 404, error: 'NOT_FOUND', message: JOB_NOT_FOUND };
  if (!mayRun(c.ability, job.kind)) return { status: 403, error: 'FORBIDDEN', message: '无权执行此操作' };
  if (job.status !== 'succeeded' || !job.result_key) return { status: 409, error: 'NOT_READY', message: '任务尚未完成，没有可下载的结果' };
  if (job.expires_at && job.expires_at.getTime() <= Date.now()) return { status: 410, error: 'EXPIRED', message: '任务结果已过期，请重新发起' };
  return { job };
}
