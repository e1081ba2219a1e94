// The in-process job runner (docs/jobs.md), started with the app: it claims queued jobs (app_job_claim: the
// oldest first, `for update skip locked`, so several processes on PostgreSQL never take the same job; PGlite's one
// connection serialises the claim like every other statement), runs config.jobWorkers of them at once (default 1),
// writes a heartbeat while one runs, re-queues (or, after MAX_ATTEMPTS, fails) running jobs whose heartbeat stopped,
// and removes expired results with their rows. Every transaction here is short: the work between them (building
// .docx files, zipping, writing the object) holds none.
import type { FastifyInstance } from 'fastify';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/types.js';
import { setScope, withScope } from '../db/scope.js';
import { appendAudit, appendAuditSeparately, appendSystemAudit } from '../audit/index.js';
import type { Principal, Role } from '../auth/principal.js';
import { defineAbilities, type AppAbility } from '../authz/abilities.js';
import { newObjectKey, type ObjectStore } from '../storage/index.js';
import { fieldKeys, type FieldKeys } from '../crypto/fields.js';
import { JOB_KIND_LABELS, JOB_RESULT_DAYS } from '../../../../shared/jobs.js';
import { mayRun } from './commands.js';
import { JOB_KINDS, JobFailure, type JobStep } from './kinds.js';
import { jobById, type JobRow } from './repo.js';

/** A running job whose heartbeat is older than this is taken for dead (its process stopped). */
export const JOB_STALE_SECONDS = 60;
/** How often a running job's heartbeat is written. */
export const JOB_HEARTBEAT_MS = 10_000;
/** Claims of one job before a stopped one is failed instead of queued again. */
export const JOB_MAX_ATTEMPTS = 3;
/** How often stale jobs are looked for and expired results removed. */
export const JOB_SWEEP_MS = 5 * 60_000;

/** The job was cancelled (or its row is gone): stop and keep nothing. */
class Cancelled extends Error {}
/** The process is stopping: the job goes back to the queue. */
class Interrupted extends Error {}

type Claimed = { tenant_id: string; id: string; tenant_path: string };
type CreatorRow = {
  user_id: string; username: string; display_name: string; tenant_id: string; tenant_path: string; tenant_status: string;
  role: Role; status: string; must_change_password: boolean; unit_ids: string[] | null;
};

export interface JobRunnerOptions {
  workers: number;
  /** config.fieldSecret: a print shows ID numbers to those who may see them. */
  fieldSecret: string;
  pollMs: number;
  log?: Pick<FastifyInstance['log'], 'warn' | 'error'>;
}

export class JobRunner {
  private readonly running = new Map<string, { stop: boolean; done: Promise<void> }>();
  private timers: NodeJS.Timeout[] = [];
  private closed = false;
  private ticking: Promise<void> | null = null;
  private sweeping: Promise<unknown> = Promise.resolve();

  private readonly keys: FieldKeys;

  constructor(private readonly db: Kysely<DB>, readonly store: ObjectStore, private readonly opts: JobRunnerOptions) {
    this.keys = fieldKeys(opts.fieldSecret);
  }

  /** Recover stale jobs and sweep, then look at the queue every pollMs (timers unref'd). */
  start(): void {
    if (this.opts.workers < 1) return;
    this.sweeping = this.maintain();
    this.timers.push(setInterval(() => { void this.tick(); }, this.opts.pollMs));
    this.timers.push(setInterval(() => { this.sweeping = this.maintain(); }, JOB_SWEEP_MS));
    for (const t of this.timers) t.unref();
  }

  /** Stop claiming; running jobs stop at their next step and go back to the queue. */
  async stop(): Promise<void> {
    this.closed = true;
    for (const t of this.timers) clearInterval(t);
    for (const r of this.running.values()) r.stop = true;
    await this.ticking;
    await Promise.allSettled([...this.running.values()].map((r) => r.done));
    await this.sweeping;
  }

  /** Jobs running in this process now. */
  get busy(): number { return this.running.size; }

  /** Claim and start jobs while workers are free. */
  tick(): Promise<void> {
    if (this.closed || this.ticking) return this.ticking ?? Promise.resolve();
    this.ticking = (async () => {
      while (!this.closed && this.running.size < this.opts.workers) {
        const job = await this.claim();
        if (!job) break;
        this.launch(job);
      }
    })().catch((e: unknown) => this.opts.log?.error({ err: e }, 'job claim failed')).finally(() => { this.ticking = null; });
    return this.ticking;
  }

  /** Wait until no job runs here and the queue has none left to claim (tests, benchmarks). */
  async drain(): Promise<void> {
    for (;;) {
      await this.tick();
      // Nothing claimed and nothing running: the queue is empty (or the runner stopped).
      if (!this.running.size) return;
      await Promise.allSettled([...this.running.values()].map((r) => r.done));
    }
  }

  /** The oldest queued job, now running and ours (app_job_claim), or undefined. */
  private async claim(): Promise<Claimed | undefined> {
    return withScope(this.db, null, async (trx) =>
      (await sql<Claimed>`select tenant_id, id, tenant_path from app_job_claim()`.execute(trx)).rows[0]);
  }

  private launch(job: Claimed): void {
    const handle = { stop: false, done: Promise.resolve() };
    handle.done = this.run(job, handle).finally(() => { this.running.delete(job.id); });
    this.running.set(job.id, handle);
  }

  /** Stale jobs re-queued or failed, then expired results removed. */
  maintain(): Promise<unknown> {
    return this.recover().then(() => this.sweep()).catch((e: unknown) => this.opts.log?.warn({ err: e }, 'job maintenance failed'));
  }

  /** Running jobs whose heartbeat stopped: queued again while attempts remain, failed otherwise (logged as the system's work). */
  async recover(staleSeconds = JOB_STALE_SECONDS): Promise<{ queued: number; failed: number }> {
    return withScope(this.db, null, async (trx) => {
      const { rows } = await sql<{ status: string }>`select status from app_job_recover(${staleSeconds}::int, ${JOB_MAX_ATTEMPTS}::int)`.execute(trx);
      const queued = rows.filter((r) => r.status === 'queued').length;
      const failed = rows.length - queued;
      if (rows.length) {
        await appendSystemAudit(trx, {
          operation: '恢复中断的任务', summary: `系统处理中断的后台任务：重新排队 ${queued} 个，停止 ${failed} 个`, detail: { queued, failed },
        });
      }
      return { queued, failed };
    });
  }

  /** Expired jobs: the result's object removed first, then the row (an object whose removal failed keeps its row). */
  async sweep(): Promise<number> {
    const expired = await withScope(this.db, null, async (trx) =>
      (await sql<{ id: string; result_key: string | null }>`select id, result_key from app_job_expired(200)`.execute(trx)).rows);
    const gone: string[] = [];
    for (const j of expired) {
      try {
        if (j.result_key) await this.store.remove(j.result_key);
        gone.push(j.id);
      } catch (e) {
        this.opts.log?.warn({ err: e }, 'removing an expired job result failed');
      }
    }
    if (!gone.length) return 0;
    return withScope(this.db, null, async (trx) => {
      const n = Number((await sql<{ n: number }>`select app_job_forget(${gone}::uuid[]) as n`.execute(trx)).rows[0]?.n ?? 0);
      if (n) await appendSystemAudit(trx, { operation: '清理过期任务结果', summary: `系统清理过期的后台任务及其结果文件：${n} 个`, detail: { jobs: n } });
      return n;
    });
  }

  /** fn in a short transaction of the creator's scope, the creator's standing and right to the kind checked anew. */
  private asCreator<T>(job: JobRow, fn: (trx: Transaction<DB>, p: Principal, a: AppAbility) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(async (trx) => {
      const session = job.created_session ?? job.created_by;
      const { rows } = await sql<CreatorRow>`select * from auth_session(${job.created_by}::uuid, ${session}::uuid)`.execute(trx);
      const r = rows[0];
      if (!r || r.status !== 'active' || r.tenant_status !== 'active' || r.tenant_id !== job.tenant_id) {
        throw new JobFailure('发起人的账号已停用或所在机构已暂停，任务已停止');
      }
      const principal: Principal = {
        userId: r.user_id, username: r.username, displayName: r.display_name, tenantId: r.tenant_id, tenantPath: r.tenant_path,
        role: r.role, sessionId: job.created_session ?? '', mustChangePassword: r.must_change_password,
        unitIds: r.role === 'filler' ? (r.unit_ids ?? []) : [],
      };
      const ability = defineAbilities(principal);
      if (!mayRun(ability, job.kind)) throw new JobFailure(`发起人已无权${JOB_KIND_LABELS[job.kind]}（角色已变更），任务已停止`);
      await setScope(trx, r.tenant_path);
      return fn(trx, principal, ability);
    });
  }

  /** fn in a short transaction scoped to the job's tenant (progress, heartbeat, the job's own row). */
  private inTenant<T>(job: Claimed, fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
    return withScope(this.db, job.tenant_path, fn);
  }

  private async run(claimed: Claimed, handle: { stop: boolean }): Promise<void> {
    const where = <Q extends { where: (...a: any[]) => any }>(q: Q) => q.where('tenant_id', '=', claimed.tenant_id).where('id', '=', claimed.id).where('status', '=', 'running');
    const heartbeat = setInterval(() => {
      void this.inTenant(claimed, (trx) => where(trx.updateTable('job').set({ heartbeat_at: sql`now()` })).execute())
        .catch((e: unknown) => this.opts.log?.warn({ err: e }, 'job heartbeat failed'));
    }, JOB_HEARTBEAT_MS);
    heartbeat.unref();
    let job: JobRow | null = null;
    let key: string | null = null;
    try {
      job = await this.inTenant(claimed, (trx) => jobById(trx, claimed.tenant_id, claimed.id));
      if (!job || job.status !== 'running') return;
      const current = job;
      const step: JobStep = {
        keys: this.keys, store: this.store,
        read: (fn) => this.asCreator(current, fn),
        progress: async (done, total) => {
          if (handle.stop) throw new Interrupted();
          const r: { numUpdatedRows: bigint } = await this.inTenant(claimed, (trx) => where(trx.updateTable('job')
            .set({ progress: Math.min(done, total), total, heartbeat_at: sql`now()` })).executeTakeFirst());
          if (!Number(r.numUpdatedRows)) throw new Cancelled();
        },
      };
      const out = await JOB_KINDS[job.kind](job, step);
      if (handle.stop) throw new Interrupted();
      // The object first, then the row that names it (an orphan, if the row's update fails, is removed below).
      key = newObjectKey(job.tenant_id, 'job-result');
      const stored = await this.store.put(key, out.body, { contentType: out.contentType });
      const done = await this.asCreator(current, async (trx, principal) => {
        const r = await where(trx.updateTable('job').set({
          status: 'succeeded', progress: sql`total`, message: null, result_key: key, result_name: out.name, result_size: stored.size,
          result_content_type: out.contentType, finished_at: sql`now()`, expires_at: sql`now() + make_interval(days => ${JOB_RESULT_DAYS})`,
        })).executeTakeFirst();
        if (!Number(r.numUpdatedRows)) return false;
        // The creator read these cadres' content, as the synchronous download would have logged it.
        await appendAudit(trx, {
          tenantId: principal.tenantId, tenantPath: principal.tenantPath, userId: principal.userId, username: principal.username,
          operation: `后台任务：${JOB_KIND_LABELS[current.kind]}`, kind: 'read', outcome: 'success', clientIp: null, requestId: current.id,
          cadreIds: out.cadreIds, summary: `${out.summary}（后台任务）`, detail: { ...(out.detail ?? {}), jobId: current.id },
        });
        return true;
      });
      if (!done) throw new Cancelled();
      key = null;
    } catch (e) {
      if (e instanceof Interrupted) {
        // This process stops: the job goes back to the queue without counting the attempt.
        await this.inTenant(claimed, (trx) => where(trx.updateTable('job').set({
          status: 'queued', attempts: sql`greatest(attempts - 1, 0)`, message: '服务重启，任务已重新排队',
        })).execute()).catch(() => undefined);
      } else if (!(e instanceof Cancelled)) {
        const message = e instanceof JobFailure ? e.message : '服务器内部错误，任务失败';
        if (!(e instanceof JobFailure)) this.opts.log?.error({ err: e }, 'job failed');
        await this.fail(claimed, job, message).catch((err: unknown) => this.opts.log?.error({ err }, 'recording a failed job failed'));
      }
    } finally {
      clearInterval(heartbeat);
      if (key) await this.store.remove(key).catch(() => undefined);
    }
  }

  /** The job failed: its row says why (Chinese), and the failure is on the access log under its creator. */
  private async fail(claimed: Claimed, job: JobRow | null, message: string): Promise<void> {
    await this.inTenant(claimed, (trx) => trx.updateTable('job').set({
      status: 'failed', message, finished_at: sql`now()`, expires_at: sql`now() + make_interval(days => ${JOB_RESULT_DAYS})`,
    }).where('tenant_id', '=', claimed.tenant_id).where('id', '=', claimed.id).where('status', '=', 'running').execute());
    if (!job) return;
    const username = await withScope(this.db, null, async (trx) =>
      (await sql<{ username: string }>`select username from auth_session(${job.created_by}::uuid, ${job.created_by}::uuid)`.execute(trx)).rows[0]?.username ?? null);
    await appendAuditSeparately(this.db, {
      tenantId: job.tenant_id, tenantPath: claimed.tenant_path, userId: job.created_by, username,
      operation: `后台任务：${JOB_KIND_LABELS[job.kind]}`, kind: 'read', outcome: 'failure', clientIp: null, requestId: job.id, cadreIds: [],
      summary: `后台任务：${JOB_KIND_LABELS[job.kind]}（失败：${message}）`, detail: { jobId: job.id, errors: [message] },
    });
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The process's job runner (jobs/runner.ts). */
    jobRunner: JobRunner;
  }
}

/** The app's runner: started when the app is ready, stopped (its jobs re-queued) before the database closes. */
export function startJobRunner(app: FastifyInstance, db: Kysely<DB>, store: ObjectStore, opts: { workers: number; pollMs: number; fieldSecret: string }): JobRunner {
  const runner = new JobRunner(db, store, { ...opts, log: app.log });
  app.decorate('jobRunner', runner);
  app.addHook('onReady', async () => { runner.start(); });
  app.addHook('onClose', async () => { await runner.stop(); });
  return runner;
}
