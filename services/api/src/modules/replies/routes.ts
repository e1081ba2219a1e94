// HTTP interface of 廉政审查情况复函 (docs/replies.md#rest):
//   GET /api/replies/:id.docx   the letter as an editable Word file (a draft prints 「草稿」 for its 文号)
// One audited unit of work (http/rest-session.ts); the file is built after the transaction committed.
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import { withRestSession } from '../../http/rest-session.js';
import { isUuid } from '../../db/scope.js';
import { contentDisposition } from '../../storage/index.js';
import { REPLY_NOT_FOUND } from './commands.js';
import { findReplyRequest, itemsOf } from './repo.js';
import { buildReplyDocx, replyTitle } from './docx.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function registerReplies(app: FastifyInstance, db: Kysely<DB>) {
  app.get('/api/replies/:file', { config: { auditLabel: '下载复函' } }, (req, reply) => withRestSession(db, req, reply, async (s) => {
    if (!s.ability.can('read', 'ReplyRequest')) return s.fail(403, 'FORBIDDEN', '无权执行此操作', { kind: 'denied' });
    const m = /^([0-9a-fA-F-]{36})\.docx$/.exec((req.params as { file: string }).file);
    const row = m && isUuid(m[1]) ? await findReplyRequest(s.trx, s.principal.tenantId, m[1]) : null;
    if (!row) return s.fail(404, 'NOT_FOUND', REPLY_NOT_FOUND, { kind: 'read' });
    const items = (await itemsOf(s.trx, row.tenant_id, [row.id])).get(row.id) ?? [];
    await s.commit({
      kind: 'read', cadreIds: items.map((i) => i.cadre_id),
      summary: `下载复函：${row.requester}${row.doc_number ? `（${row.doc_number}）` : '（草稿）'}，${items.length} 人`,
    });
    const body = await buildReplyDocx(row, items);
    const name = `${row.doc_number ?? '草稿'}-${replyTitle(row, items)}.docx`;
    return reply.header('content-type', DOCX).header('content-disposition', contentDisposition(name)).header('cache-control', 'no-store').send(body);
  }));
}
