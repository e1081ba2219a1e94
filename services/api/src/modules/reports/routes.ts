// HTTP interface of the 廉情评价报告 (docs/reports.md#rest):
//   GET /api/cadres/:id/report.docx?asOf=YYYY-MM-DD   the report of one cadre as an editable Word file
//   GET /api/reports.zip?cadreIds=a,b,…&asOf=…        the reports of up to REPORT_BATCH_MAX cadres, one .docx each
// One audited unit of work (http/rest-session.ts): the report's content is read in the request's transaction, the
// audit row commits with it, and the file is built after the transaction ended.
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import { asSubject } from '../../authz/abilities.js';
import { withRestSession } from '../../http/rest-session.js';
import { contentDisposition } from '../../storage/index.js';
import { findCadre, findCadres } from '../cadres/repo.js';
import { isUuid } from '../../db/scope.js';
import { numberedName, zipBuffers } from '../../util/zip.js';
import { today } from '../warnings/read.js';
import { evaluationReport } from './evaluation.js';
import { buildReportDocx } from './docx.js';
import { templateFile } from '../templates/commands.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** Cadres in one zip of reports (a request's own transaction reads them all). */
export const REPORT_BATCH_MAX = 100;
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
    // The issuing tenant's Word template in force (docs/templates.md), read before the transaction ends.
    const template = (await templateFile(s.trx, s.principal.tenantId, 'report'))?.content ?? null;
    await s.commit({ kind: 'read', cadreIds: [cadre.id], summary: `下载廉情评价报告：${cadre.name}（截至 ${asOf}）`, detail: { asOf } });
    // Built after the transaction ended.
    const body = await buildReportDocx(report, template);
    return reply.header('content-type', DOCX).header('content-disposition', contentDisposition(`${report.title}.docx`))
      .header('cache-control', 'no-store').send(body);
  }));

  app.get('/api/reports.zip', { config: { auditLabel: '批量下载廉情评价报告' } }, (req, reply) => withRestSession(db, req, reply, async (s) => {
    if (!s.ability.can('read', 'Warning')) return s.fail(403, 'FORBIDDEN', '无权执行此操作', { kind: 'denied' });
    const q = (req.query ?? {}) as Record<string, unknown>;
    const asOf = typeof q.asOf === 'string' && q.asOf.trim() ? q.asOf.trim() : today();
    if (!isDay(asOf)) return s.fail(400, 'BAD_USER_INPUT', '截至日期格式应为 YYYY-MM-DD', { kind: 'read' });
    const ids = [...new Set((typeof q.cadreIds === 'string' ? q.cadreIds : '').split(',').map((x) => x.trim()).filter(Boolean))];
    if (!ids.length) return s.fail(400, 'BAD_USER_INPUT', '请选择干部', { kind: 'read' });
    if (ids.length > REPORT_BATCH_MAX) return s.fail(400, 'BAD_USER_INPUT', `一次最多 ${REPORT_BATCH_MAX} 人，请分批下载`, { kind: 'read' });
    const found = (await findCadres(s.trx, ids.filter(isUuid))).filter((c) => s.ability.can('read', asSubject('Cadre', { ...c })));
    // Any id missing, foreign or out of reach: the whole batch is refused alike, naming none.
    if (found.length !== ids.length) return s.fail(404, 'NOT_FOUND', `有 ${ids.length - found.length} 名干部不存在`, { kind: 'read' });
    const byId = new Map(found.map((c) => [c.id, c]));
    const issuer = await s.trx.selectFrom('tenant').select('name').where('id', '=', s.principal.tenantId).executeTakeFirst();
    const reports = [];
    for (const id of ids) reports.push(await evaluationReport(s.trx, byId.get(id)!, asOf, issuer?.name ?? byId.get(id)!.tenant_name));
    const template = (await templateFile(s.trx, s.principal.tenantId, 'report'))?.content ?? null;
    await s.commit({ kind: 'read', cadreIds: ids, summary: `批量下载廉情评价报告：${ids.length} 人（截至 ${asOf}）`, detail: { asOf } });
    // Built one after another after the transaction ended.
    const entries = [];
    for (const [i, r] of reports.entries()) entries.push({ name: numberedName(i, reports.length, r.title, 'docx'), data: await buildReportDocx(r, template) });
    return reply.header('content-type', 'application/zip').header('content-disposition', contentDisposition(`廉情评价报告（${reports.length}人，截至${asOf}）.zip`))
      .header('cache-control', 'no-store').send(await zipBuffers(entries));
  }));
}
