// GET /api/jobs/:id/result — a finished job's result (docs/jobs.md#rest), for its creator only, authorised as the
// job's kind requires today and audited as a read of the cadres it holds (http/rest-session.ts). The row is read and
// the audit row committed first; the object is read from the store after the transaction ended.
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../db/types.js';
import { withRestSession } from '../http/rest-session.js';
import { restCommandContext } from '../modules/command.js';
import { fieldKeys } from '../crypto/fields.js';
import { contentDisposition, type ObjectStore } from '../storage/index.js';
import { JOB_KIND_LABELS } from '../../../../shared/jobs.js';
import { jobCadreIds, resultTarget } from './commands.js';

export function registerJobs(app: FastifyInstance, db: Kysely<DB>, store: ObjectStore, fieldSecret: string) {
  const keys = fieldKeys(fieldSecret);
  app.get('/api/jobs/:id/result', { config: { auditLabel: '下载任务结果' } }, (req, reply) => withRestSession(db, req, reply, async (s) => {
    const c = restCommandContext(s, keys);
    const found = await resultTarget(c, (req.params as { id: string }).id);
    if (!('job' in found)) return s.fail(found.status, found.error, found.message, { kind: found.status === 403 ? 'denied' : 'read' });
    const { job } = found;
    const cadreIds = await jobCadreIds(c, job);
    await s.commit({
      kind: 'read', cadreIds, summary: `下载任务结果：${JOB_KIND_LABELS[job.kind]}《${job.result_name}》，${cadreIds.length} 人`,
      detail: { jobId: job.id },
    });
    const body = await store.get(job.result_key!);
    if (!body) return reply.code(410).send({ error: 'EXPIRED', message: '任务结果已过期，请重新发起' });
    return reply.header('content-type', job.result_content_type ?? 'application/octet-stream')
      .header('content-disposition', contentDisposition(job.result_name ?? '任务结果.zip'))
      .header('cache-control', 'no-store').send(body);
  }));
}
