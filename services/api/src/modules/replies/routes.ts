// HTTP interface of 廉政审查情况复函 (docs/replies.md#rest):
//   GET  /api/replies/:id.docx   the letter as an editable Word file (a draft prints 「草稿」 for its 文号), from the
//                                tenant's Word template in force when there is one (docs/templates.md)
//   GET  /api/replies/:id.zip    one letter per cadre (01-张三.docx …), for units that file each cadre's reply apart
//   POST /api/replies/roster     an Excel roster (multipart, one `file`) → { lines, problems }: each row's ID number,
//                                else its name, to resolve as pasted lines (replyCadreLines)
// Each is one audited unit of work (http/rest-session.ts); files are built after, and read before, the transaction.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import { readOneFile } from '../../http/upload.js';
import { restGate, withRestSession } from '../../http/rest-session.js';
import { verifyToken } from '../../auth/request-session.js';
import { parseRoster } from '../imports/roster.js';
import { FormError } from '../imports/safe-xml.js';
import { REPLY_MAX_CADRES } from '../../../../../shared/replies.js';
import { isUuid } from '../../db/scope.js';
import { contentDisposition } from '../../storage/index.js';
import { REPLY_NOT_FOUND } from './commands.js';
import { buildReplyDocx, replyLetterSource, replyTitle } from './docx.js';
import { numberedName, zipBuffers } from '../../util/zip.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const ROSTER_MAX_BYTES = 5 * 1024 * 1024;

export function registerReplies(app: FastifyInstance, db: Kysely<DB>) {
  app.get('/api/replies/:file', { config: { auditLabel: '下载复函' } }, (req, reply) => withRestSession(db, req, reply, async (s) => {
    if (!s.ability.can('read', 'ReplyRequest')) return s.fail(403, 'FORBIDDEN', '无权执行此操作', { kind: 'denied' });
    const m = /^([0-9a-fA-F-]{36})\.(docx|zip)$/.exec((req.params as { file: string }).file);
    const source = m && isUuid(m[1]) ? await replyLetterSource(s.trx, s.principal.tenantId, m[1], m[2] === 'zip') : null;
    if (!source) return s.fail(404, 'NOT_FOUND', REPLY_NOT_FOUND, { kind: 'read' });
    const { row, items, template } = source;
    await s.commit({
      kind: 'read', cadreIds: items.map((i) => i.cadre_id),
      summary: `下载复函${m![2] === 'zip' ? '（逐人）' : ''}：${row.requester}${row.doc_number ? `（${row.doc_number}）` : '（草稿）'}，${items.length} 人`,
    });
    if (m![2] === 'zip') {
      // One letter each, built one after another (each build yields to other requests).
      const entries: { name: string; data: Buffer }[] = [];
      for (const [i, it] of items.entries()) entries.push({ name: numberedName(i, items.length, it.cadre_name, 'docx'), data: await buildReplyDocx(row, [it], template) });
      const zip = await zipBuffers(entries);
      return reply.header('content-type', 'application/zip')
        .header('content-disposition', contentDisposition(`${row.doc_number ?? '草稿'}-逐人复函.zip`)).header('cache-control', 'no-store').send(zip);
    }
    const body = await buildReplyDocx(row, items, template);
    const name = `${row.doc_number ?? '草稿'}-${replyTitle(row, items)}.docx`;
    return reply.header('content-type', DOCX).header('content-disposition', contentDisposition(name)).header('cache-control', 'no-store').send(body);
  }));

  // ---------- An Excel roster of cadres ----------
  const gate = restGate(db, async (s) => (s.ability.can('create', 'ReplyRequest') ? null
    : { status: 403, error: 'FORBIDDEN', message: '无权新建复函', kind: 'denied' }));

  const readFile = (req: FastifyRequest) => readOneFile(req, ROSTER_MAX_BYTES, '名单.xlsx');

  app.post('/api/replies/roster', { config: { auditLabel: '读取复函干部名单' }, onRequest: gate }, async (req, reply) => {
    const { token } = await verifyToken(req);
    const upload = token ? await readFile(req) : null;
    // Parsed before the transaction: a spreadsheet is bounded (readZip's limits) but may take a moment.
    let parsed: { lines: string[]; problems: string[] } | { error: string } | null = null;
    if (upload && 'data' in upload) {
      try {
        const rows = await parseRoster(upload.data, upload.name);
        const lines: string[] = [];
        const problems: string[] = [];
        for (const r of rows) {
          if (r.error || !r.fields) problems.push(`${r.name}：${r.error ?? '无法读取'}`);
          else lines.push(String(r.fields.ShenFenZheng || r.fields.XingMing));
        }
        parsed = lines.length > REPLY_MAX_CADRES ? { error: `名单超过 ${REPLY_MAX_CADRES} 人，请分批征求意见` } : { lines, problems };
      } catch (e) {
        parsed = { error: e instanceof FormError ? `${upload.name}：${e.message}` : `${upload.name}：不是有效的 Excel 名单` };
      }
    }
    return withRestSession(db, req, reply, async (s) => {
      if (!s.ability.can('create', 'ReplyRequest')) return s.fail(403, 'FORBIDDEN', '无权新建复函', { kind: 'denied' });
      if (!upload) return s.fail(415, 'BAD_USER_INPUT', '请以 multipart/form-data 上传文件（字段名 file）');
      if (!('data' in upload)) return s.fail(upload.status, 'BAD_USER_INPUT', upload.error);
      if (!parsed || 'error' in parsed) return s.fail(400, 'BAD_USER_INPUT', parsed?.error ?? '无法读取名单');
      await s.commit({ kind: 'read', summary: `读取复函干部名单：${upload.name}（${parsed.lines.length} 行）` });
      return reply.send(parsed);
    });
  });
}
