// HTTP interface of the 廉情评价报告 (docs/reports.md#rest):
//   GET /api/cadres/:id/report.docx?asOf=YYYY-MM-DD   the report of one cadre as an editable Word file
// One audited unit of work (http/rest-session.ts): the report's content is read in the request's transaction, the
// audit row commits with it, and the file is built after the transaction ended.
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import { asSubject } from '../../authz/abilities.js';
import { withRestSession } from '../../http/rest-session.js';
import { contentDisposition } from '../../storage/index.js';
import { findCadre } from '../cadres/repo.js';
import { today } from '../warnings/read.js';
import { evaluationReport } from './evaluation.js';
import { buildReportDocx } from './docx.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const DATE_RE = /^(19|20)\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
/** A real calendar day (2026-02-30 is not). */
const isDay = (d: string) => DATE_RE.test(d) && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d;

export function registerReports(app: FastifyInstance, db: Kysely<DB>) {
  app.get('/api/cadres/:id/report.docx', { config: { auditLabel: '下载廉情评价报告' } }, (req, reply) => withRestSession(db, req, reply, async (s) => {
    // Officers and leaders, as for warnings: the report prints categories 8–9 and the colour, which fillers never see.
    if (!s.ability.can('read', 'Warning')) return s.fail(403, 'FORBIDDEN', '无权执行此操作', { kind: 'denied' });
    const q = (req.query ?? {}) as Record<string, unknown>;
    const asOf = typeof q.asOf === 'string' && q.asOf.trim() ? q.asOf.trim() : today();
    if (!isDay(asOf)) return s.fail(400, 'BAD_USER_INPUT', '截至日期格式应为 YYYY-MM-DD', { kind: 'read' });
    const cadre = await findCadre(s.trx, (req.params as { id: string }).id);
    // Missing, foreign, malformed and out of reach look the same.
    if (!cadre || !s.ability.can('read', asSubject('Cadre', { ...cadre }))) return s.fail(404, 'NOT_FOUND', '干部不存在', { kind: 'read' });
    const issuer = await s.trx.selectFrom('tenant').select('name').where('id', '=', s.principal.tenantId).executeTakeFirst();
    const report = await evaluationReport(s.trx, cadre, asOf, issuer?.name ?? cadre.tenant_name);
    await s.commit({ kind: 'read', cadreIds: [cadre.id], summary: `下载廉情评价报告：${cadre.name}（截至 ${asOf}）`, detail: { asOf } });
    // Built after the transaction ended.
    const body = await buildReportDocx(report);
    return reply.header('content-type', DOCX).header('content-disposition', contentDisposition(`${report.title}.docx`))
      .header('cache-control', 'no-store').send(body);
  }));
}
