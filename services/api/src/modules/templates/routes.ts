// HTTP interface of the Word 模板 (docs/templates.md):
//   POST /api/templates/:kind        upload a template (multipart, one `file`, ≤ 2 MB) → the kind's DocTemplate as JSON
//   GET  /api/templates/:kind.docx   the template in force; with none, the built-in layout with its placeholders (to edit
//                                    in Word and upload back)
// kind: reply (复函), reply-cadre (逐人复函), disposition (预警处置通知书), report (廉情评价报告). Each is one audited unit of work
// (http/rest-session.ts); an upload is checked (docx/template.ts validateTemplate) before its transaction opens, and the
// gate checks session and role before the body is read.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import { readOneFile } from '../../http/upload.js';
import { restGate, withRestSession } from '../../http/rest-session.js';
import { verifyToken } from '../../auth/request-session.js';
import { contentDisposition } from '../../storage/index.js';
import { AuditTrail } from '../../audit/index.js';
import { restCommandContext } from '../command.js';
import { fieldKeys } from '../../crypto/fields.js';
import type { Config } from '../../config/index.js';
import { TEMPLATE_KIND_LABELS, TEMPLATE_MAX_BYTES, TemplateError, validateTemplate, type TemplateKind } from '../../docx/template.js';
import { sampleReplyTemplate } from '../replies/docx.js';
import { sampleNoticeTemplate } from '../dispositions/docx.js';
import { sampleReportTemplate } from '../reports/docx.js';
import { TEMPLATE_SOURCE_LABELS, saveDocTemplate, templateFile, templateKindOf, type DocTemplateView } from './commands.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const KIND_ERROR = '模板类型须为 reply（复函）、reply-cadre（逐人复函）、disposition（预警处置通知书）或 report（廉情评价报告）';

/** The built-in layout of a kind with its placeholders (a 逐人复函 is a 复函 of one cadre). */
export const sampleTemplate = (kind: TemplateKind) => (kind === 'disposition' ? sampleNoticeTemplate()
  : kind === 'report' ? sampleReportTemplate() : sampleReplyTemplate());

/** The JSON answer of an upload: the kind as docTemplates shows it. */
const json = (v: DocTemplateView) => ({
  kind: v.kind, kindLabel: v.kindLabel, source: v.source, sourceLabel: TEMPLATE_SOURCE_LABELS[v.source], fileName: v.row?.file_name ?? null,
  version: v.row?.version ?? null, uploadedAt: v.row?.uploaded_at ?? null, uploadedBy: v.row?.uploaded_by_name ?? null, usedPlaceholders: v.row?.placeholders ?? [],
});

/** A file name kept as given, without a path, bounded. */
const cleanName = (name: string) => (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f]/g, '').trim().slice(-200) || '模板.docx';

export function registerTemplates(app: FastifyInstance, db: Kysely<DB>, config: Config) {
  const keys = fieldKeys(config.fieldSecret);

  app.get('/api/templates/:file', { config: { auditLabel: '下载 Word 模板' } }, (req, reply) => withRestSession(db, req, reply, async (s) => {
    if (!s.ability.can('read', 'DocTemplate')) return s.fail(403, 'FORBIDDEN', '无权执行此操作', { kind: 'denied' });
    const m = /^([a-z-]{1,20})\.docx$/.exec((req.params as { file: string }).file);
    const kind = m ? templateKindOf(m[1]) : null;
    if (!kind) return s.fail(404, 'NOT_FOUND', KIND_ERROR, { kind: 'read' });
    const file = await templateFile(s.trx, s.principal.tenantId, kind);
    const label = TEMPLATE_KIND_LABELS[kind];
    await s.commit({
      kind: 'read',
      summary: file ? `下载 Word 模板：${label}（${TEMPLATE_SOURCE_LABELS[file.info.source]}，${file.info.row!.file_name}，第 ${file.info.row!.version} 版）` : `下载 Word 模板：${label}（系统默认版式）`,
    });
    // Built after the transaction ended.
    const body = file ? file.content : await sampleTemplate(kind);
    const name = file ? file.info.row!.file_name : `${label}模板.docx`;
    return reply.header('content-type', DOCX).header('content-disposition', contentDisposition(name)).header('cache-control', 'no-store').send(body);
  }));

  const gate = restGate(db, async (s, req) => {
    if (!s.ability.can('update', 'DocTemplate')) return { status: 403, error: 'FORBIDDEN', message: '无权上传 Word 模板', kind: 'denied' };
    if (!templateKindOf((req.params as { kind: string }).kind)) return { status: 404, error: 'NOT_FOUND', message: KIND_ERROR, kind: 'write' };
    return null;
  });

  const readFile = (req: FastifyRequest) => readOneFile(req, TEMPLATE_MAX_BYTES, '模板.docx');

  app.post('/api/templates/:kind', { config: { auditLabel: '上传 Word 模板' }, onRequest: gate }, async (req, reply) => {
    const kind = templateKindOf((req.params as { kind: string }).kind);
    const { token } = await verifyToken(req);
    const upload = token && kind ? await readFile(req) : null;
    // Checked before the transaction: a .docx is bounded (zip limits) but parsing and the test fill take a moment.
    let checked: { placeholders: string[] } | { error: string } | null = null;
    if (kind && upload && 'data' in upload) {
      const name = cleanName(upload.name);
      if (!/\.docx$/i.test(name)) checked = { error: `「${name}」不是 .docx 文件：请在 Word 或 WPS 中另存为「Word 文档（*.docx）」后上传` };
      else {
        try {
          checked = { placeholders: await validateTemplate(kind, upload.data, name) };
        } catch (e) {
          if (!(e instanceof TemplateError)) req.log.warn({ err: e }, 'template check failed');
          checked = { error: e instanceof TemplateError ? e.message : `「${name}」无法作为模板读取，请确认是有效的 Word 文档` };
        }
      }
    }
    return withRestSession(db, req, reply, async (s) => {
      if (!s.ability.can('update', 'DocTemplate')) return s.fail(403, 'FORBIDDEN', '无权上传 Word 模板', { kind: 'denied' });
      if (!kind) return s.fail(404, 'NOT_FOUND', KIND_ERROR);
      if (!upload) return s.fail(415, 'BAD_USER_INPUT', '请以 multipart/form-data 上传文件（字段名 file）');
      if (!('data' in upload)) return s.fail(upload.status, 'BAD_USER_INPUT', upload.error);
      if (!checked || 'error' in checked) return s.fail(400, 'BAD_USER_INPUT', checked?.error ?? '无法读取模板');
      const name = cleanName(upload.name);
      const audit = new AuditTrail();
      const v = await saveDocTemplate(restCommandContext(s, keys, audit), kind, { name, data: upload.data, placeholders: checked.placeholders });
      await s.commit({ kind: 'write', summary: `上传 Word 模板：${TEMPLATE_KIND_LABELS[kind]}（${name}，第 ${v.row!.version} 版）` });
      return reply.send(json(v));
    });
  });
}
