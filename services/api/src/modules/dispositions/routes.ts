// HTTP interface of 预警处置 (docs/dispositions.md#rest):
//   GET  /api/dispositions/:id/docx                          the numbered notice as an editable Word file
//   POST /api/dispositions/:id/attachments                   multipart, one `file` part → { id, filename, contentType, size }
//   GET  /api/dispositions/:id/attachments/:attachmentId     the attachment (as an attachment, sandboxed)
//   GET  /api/dispositions/export.xlsx?status=&kind=&unitId=&tenantCode=   the ledger as Excel
// Each is one audited unit of work (http/rest-session.ts). No transaction is held while bytes travel: files are built or
// read after the work committed; an upload is checked and stored before its row's transaction, and the gate checks
// session, role and reach before the body is read.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import ExcelJS from 'exceljs';
import type { DB } from '../../db/types.js';
import type { Config } from '../../config/index.js';
import { fieldKeys } from '../../crypto/fields.js';
import { isUuid } from '../../db/scope.js';
import { cadreReach } from '../../authz/reach.js';
import { inScopedSession, verifyToken } from '../../auth/request-session.js';
import { readOneFile } from '../../http/upload.js';
import { restGate, withRestSession, type RestSession } from '../../http/rest-session.js';
import { contentDisposition, newObjectKey, sha256Hex, type ObjectStore } from '../../storage/index.js';
import { beijingTime } from '../../util/time.js';
import { restCommandContext } from '../command.js';
import { ATTACHMENT_MAX_BYTES, DISPOSITION_STATUS_LABELS, dispositionStatus, type DispositionStatus } from '../../../../../shared/dispositions.js';
import { addAttachment, attachmentRoom, dispositionSubject, DISPOSITION_NOT_FOUND } from './commands.js';
import { findDisposition, listDispositions, type DispositionFilter, type DispositionRow } from './repo.js';
import { checkAttachment } from './files.js';
import { buildNoticeDocx } from './docx.js';
import { templateFile } from '../templates/commands.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Rows per page of the Excel ledger (one short transaction each), and the most it holds. */
const LEDGER_PAGE = 500;
const LEDGER_MAX = 50_000;

type Access = Pick<RestSession, 'trx' | 'principal' | 'ability'>;

/** The disposition within reach for an action, or null (missing, foreign, malformed and out of reach look the same). */
async function target(s: Access, id: string, action: 'read' | 'rectify'): Promise<DispositionRow | null> {
  const row = await findDisposition(s.trx, id, cadreReach(s.principal));
  return row && s.ability.can(action, dispositionSubject(row)) ? row : null;
}

export function registerDispositions(app: FastifyInstance, db: Kysely<DB>, config: Config, store: ObjectStore) {
  const keys = fieldKeys(config.fieldSecret);

  // ---------- The notice ----------
  app.get('/api/dispositions/:id/docx', { config: { auditLabel: '下载预警处置通知书' } }, (req, reply) => withRestSession(db, req, reply, async (s) => {
    if (!s.ability.can('export', 'Disposition')) return s.fail(403, 'FORBIDDEN', '无权执行此操作', { kind: 'denied' });
    const row = await target(s, (req.params as { id: string }).id, 'read');
    if (!row) return s.fail(404, 'NOT_FOUND', DISPOSITION_NOT_FOUND, { kind: 'read' });
    // The issuing tenant's Word template in force (docs/templates.md), read before the transaction ends.
    const template = (await templateFile(s.trx, row.issuing_tenant_id, 'disposition'))?.content ?? null;
    await s.commit({ kind: 'read', cadreIds: [row.cadre_id], summary: `下载预警处置通知书：${row.cadre_name}（${row.title} ${row.doc_number}）` });
    // Built after the transaction ended.
    const body = await buildNoticeDocx(row, { withWarning: true }, template);
    return reply.header('content-type', DOCX).header('content-disposition', contentDisposition(`${row.doc_number}-${row.cadre_name}-${row.title}.docx`))
      .header('cache-control', 'no-store').send(body);
  }));

  // ---------- Attachments ----------
  const gate = restGate(db, async (s, req) => {
    if (!s.ability.can('rectify', 'Disposition')) return { status: 403, error: 'FORBIDDEN', message: '无权上传整改材料', kind: 'denied' };
    const row = await target(s, (req.params as { id: string }).id, 'rectify');
    if (!row) return { status: 404, error: 'NOT_FOUND', message: DISPOSITION_NOT_FOUND, kind: 'write' };
    return null;
  });

  const readFile = (req: FastifyRequest) => readOneFile(req, ATTACHMENT_MAX_BYTES, '附件');

  app.post('/api/dispositions/:id/attachments', { config: { auditLabel: '上传整改材料' }, onRequest: gate }, async (req, reply) => {
    const { token } = await verifyToken(req);
    const upload = token ? await readFile(req) : null;
    // Checked and stored before the row's transaction (object first, then the row; an orphan is the sweeper's).
    let stored: { key: string; filename: string; contentType: string; size: number; sha256: string } | null = null;
    let refusal: string | null = null;
    if (upload && 'data' in upload) {
      const checked = await checkAttachment(upload.name, upload.data);
      if ('error' in checked) refusal = checked.error;
      else {
        const tenantId = await dispositionTenant(req);
        if (tenantId) {
          const key = newObjectKey(tenantId, 'rectification');
          const put = await store.put(key, upload.data, { contentType: checked.contentType });
          stored = { key, filename: checked.filename, contentType: checked.contentType, size: put.size, sha256: put.sha256 ?? sha256Hex(upload.data) };
        }
      }
    }
    const drop = () => (stored ? store.remove(stored.key).catch((e) => req.log.warn({ err: e }, 'attachment object not removed')) : undefined);
    return withRestSession(db, req, reply, async (s) => {
      if (!s.ability.can('rectify', 'Disposition')) { await drop(); return s.fail(403, 'FORBIDDEN', '无权上传整改材料', { kind: 'denied' }); }
      const row = await target(s, (req.params as { id: string }).id, 'rectify');
      if (!row) { await drop(); return s.fail(404, 'NOT_FOUND', DISPOSITION_NOT_FOUND); }
      if (!upload) return s.fail(415, 'BAD_USER_INPUT', '请以 multipart/form-data 上传文件（字段名 file）', { cadreIds: [row.cadre_id] });
      if (!('data' in upload)) return s.fail(upload.status, 'BAD_USER_INPUT', upload.error, { cadreIds: [row.cadre_id] });
      if (refusal) return s.fail(400, 'BAD_USER_INPUT', refusal, { cadreIds: [row.cadre_id] });
      const c = restCommandContext(s, keys);
      const room = await attachmentRoom(c, row);
      if (room || !stored || tenantOf(stored.key) !== row.tenant_id) {
        await drop();
        return s.fail(400, 'BAD_USER_INPUT', room ?? '上传失败，请重试', { cadreIds: [row.cadre_id] });
      }
      const a = await addAttachment(c, row, stored);
      await s.commit({
        kind: 'write', cadreIds: [row.cadre_id], summary: `上传整改材料：${row.cadre_name}（${row.doc_number}，${a.filename}）`,
        detail: { dispositionId: row.id, attachmentId: a.id, size: a.size_bytes },
      });
      return reply.send({ id: a.id, filename: a.filename, contentType: a.content_type, size: a.size_bytes });
    });
  });

  /** The tenant an upload's object goes under: the disposition's (read in a short transaction of its own). */
  const dispositionTenant = async (req: FastifyRequest): Promise<string | null> => {
    const { token } = await verifyToken(req);
    if (!token) return null;
    const out = await inScopedSession(db, token, async (trx) => (await findDisposition(trx, (req.params as { id: string }).id, null))?.tenant_id ?? null);
    return out?.value ?? null;
  };
  const tenantOf = (key: string) => key.split('/')[1];

  app.get('/api/dispositions/:id/attachments/:attachmentId', { config: { auditLabel: '下载整改材料' } }, async (req, reply) => {
    reply.header('cache-control', 'private, no-store').header('x-content-type-options', 'nosniff');
    const { id, attachmentId } = req.params as { id: string; attachmentId: string };
    let file: { key: string; filename: string; contentType: string } | null = null;
    await withRestSession(db, req, reply, async (s) => {
      if (!s.ability.can('read', 'Disposition')) return s.fail(403, 'FORBIDDEN', '无权执行此操作', { kind: 'denied' });
      const row = await target(s, id, 'read');
      const a = row && isUuid(attachmentId)
        ? await s.trx.selectFrom('disposition_attachment').select(['object_key', 'filename', 'content_type'])
          .where('disposition_id', '=', row.id).where('id', '=', attachmentId).executeTakeFirst()
        : null;
      if (!row || !a) return s.fail(404, 'NOT_FOUND', '附件不存在或不在您的管理范围内', { kind: 'read' });
      await s.commit({ kind: 'read', cadreIds: [row.cadre_id], summary: `下载整改材料：${row.cadre_name}（${row.doc_number}，${a.filename}）` });
      file = { key: a.object_key, filename: a.filename, contentType: a.content_type };
      return null;
    });
    if (reply.sent || !file) return reply;
    const f = file as { key: string; filename: string; contentType: string };
    // The transaction has ended: only now the object store and the client.
    const bytes = await store.get(f.key);
    if (!bytes) return reply.code(404).send({ error: 'NOT_FOUND', message: '附件不存在或已被删除' });
    return reply.header('content-type', f.contentType).header('content-disposition', contentDisposition(f.filename))
      .header('content-security-policy', "default-src 'none'; sandbox").header('referrer-policy', 'no-referrer').send(bytes);
  });

  // ---------- The ledger as Excel ----------
  app.get('/api/dispositions/export.xlsx', { config: { auditLabel: '导出预警处置台账' } }, (req, reply) => withRestSession(db, req, reply, async (s) => {
    if (!s.ability.can('export', 'Disposition')) return s.fail(403, 'FORBIDDEN', '无权执行此操作', { kind: 'denied' });
    const q = (req.query ?? {}) as Record<string, unknown>;
    const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim().slice(0, 60) : null);
    const statuses: DispositionStatus[] = [];
    for (const v of (str(q.status) ?? '').split(',').filter(Boolean)) {
      const st = dispositionStatus(v);
      if (!st) return s.fail(400, 'BAD_USER_INPUT', `状态须为「${Object.values(DISPOSITION_STATUS_LABELS).join('、')}」之一`, { kind: 'read' });
      statuses.push(st);
    }
    const filter: DispositionFilter = {
      statuses, kind: str(q.kind), unitId: str(q.unitId), tenantCode: str(q.tenantCode), reach: cadreReach(s.principal),
    };
    await s.commit({ kind: 'read', summary: '导出预警处置台账', detail: { filter: { ...filter, reach: undefined } } });
    // Pages after the commit, each its own short transaction; the workbook is built in memory, then sent.
    const wb = new ExcelJS.Workbook();
    wb.creator = s.principal.username;
    const ws = wb.addWorksheet('预警处置台账', { views: [{ state: 'frozen', ySplit: 2 }] });
    ws.columns = [8, 22, 14, 12, 24, 16, 12, 12, 12, 10, 12, 16].map((width) => ({ width }));
    const mark = ws.addRow([`导出人：${s.principal.displayName}（${s.principal.username}） 导出时间：${beijingTime(new Date())}`]);
    mark.font = { color: { argb: 'FF9A9A9A' }, italic: true };
    const head = ws.addRow(['序号', '文号', '干部', '处置方式', '单位', '机构', '发文日期', '整改期限', '状态', '整改轮次', '通过日期', '发文人']);
    head.font = { bold: true };
    let n = 0;
    for (let offset = 0; offset < LEDGER_MAX; offset += LEDGER_PAGE) {
      const rows = await s.scoped(async (trx) => {
        const page = await listDispositions(trx, filter, LEDGER_PAGE, offset);
        const rounds = page.length ? await trx.selectFrom('disposition_rectification').select(['disposition_id']).select((e) => e.fn.countAll<string>().as('n'))
          .where('disposition_id', 'in', page.map((r) => r.id)).groupBy('disposition_id').execute() : [];
        const byId = new Map(rounds.map((r) => [r.disposition_id, Number(r.n)]));
        return page.map((r) => ({ r, rounds: byId.get(r.id) ?? 0 }));
      });
      for (const { r, rounds } of rows) {
        ws.addRow([++n, r.doc_number, r.cadre_name, r.title, r.unit_name, r.tenant_name, r.issued_on, r.due_on, DISPOSITION_STATUS_LABELS[r.status], rounds, r.accepted_on ?? '', r.issued_by_name]);
      }
      if (rows.length < LEDGER_PAGE) break;
    }
    const body = Buffer.from(await wb.xlsx.writeBuffer());
    return reply.header('content-type', XLSX).header('content-disposition', contentDisposition('预警处置台账.xlsx')).header('cache-control', 'no-store').send(body);
  }));
}
