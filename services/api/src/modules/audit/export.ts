// GET /api/audit/export?format=csv|xlsx&<filter>: every row matching the filter (not a page), streamed in batches,
// with a watermark line naming who exported it and when. CSV has a UTF-8 BOM and neutralises cells that a
// spreadsheet would read as a formula. The export is itself audited, in the same transaction.
import { PassThrough } from 'node:stream';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import ExcelJS from 'exceljs';
import type { DB } from '../../db/types.js';
import { openScopedSession, verifyToken } from '../../auth/request-session.js';
import { appendAudit, appendAuditSeparately, type AuditEntry } from '../../audit/index.js';
import { beijingTime } from '../../util/time.js';
import { ROLE_LABELS } from '../../auth/principal.js';
import { checkAuditFilter } from './schema.js';
import { countAudit, eachAudit, type AuditRow } from './repo.js';
import { KIND_LABELS, OUTCOME_LABELS } from './labels.js';

const HEADERS = ['时间', '用户', '租户', '类型', '结果', '内容', '技术操作', '涉及干部', 'IP 地址', '请求编号', '链序号', 'SM3 哈希'];
const rowCells = (r: AuditRow) => [
  beijingTime(r.at), r.username ?? '', r.tenant_name ?? '', KIND_LABELS[r.kind] ?? r.kind, OUTCOME_LABELS[r.outcome] ?? r.outcome,
  r.summary ?? '', r.operation, (r.cadre_ids ?? []).join(' '), r.client_ip ?? '', r.request_id ?? '', r.seq === null ? '' : String(r.seq), r.hash ?? '',
];

/** A CSV cell: formula-looking text gets a leading apostrophe; quotes, commas and newlines are quoted. */
export function csvCell(v: string): string {
  let s = v;
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
const csvLine = (cells: string[]) => cells.map(csvCell).join(',') + '\r\n';

function refuse(reply: FastifyReply, status: number, error: string, message: string) {
  return reply.code(status).send({ error, message });
}

export function registerAuditExport(app: FastifyInstance, db: Kysely<DB>) {
  app.get('/api/audit/export', async (req, reply) => {
    const query = req.query as Record<string, string | undefined>;
    const format = query.format === 'xlsx' ? 'xlsx' : query.format === 'csv' || !query.format ? 'csv' : null;
    const base = (p: { tenantId: string; tenantPath: string; userId: string; username: string } | null): Omit<AuditEntry, 'outcome' | 'kind' | 'summary'> => ({
      tenantId: p?.tenantId ?? null, tenantPath: p?.tenantPath ?? null, userId: p?.userId ?? null, username: p?.username ?? null,
      operation: 'GET /api/audit/export', clientIp: req.ip ?? null, requestId: String(req.id), cadreIds: [],
    });
    const { token } = await verifyToken(req);
    const session = token ? await openScopedSession(db, token) : null;
    if (!session) {
      await appendAuditSeparately(db, { ...base(null), kind: 'denied', outcome: 'failure', summary: '导出访问日志（失败：未登录或会话已失效）' });
      return refuse(reply, 401, 'UNAUTHENTICATED', '未登录或登录已过期，请重新登录');
    }
    const { trx, principal, ability } = session;
    const who = base(principal);
    const fail = async (status: number, error: string, message: string, kind: 'denied' | 'read' = 'read') => {
      await trx.rollback().execute().catch(() => undefined);
      await appendAuditSeparately(db, { ...who, kind, outcome: 'failure', summary: `导出访问日志（失败：${message}）`, detail: { errors: [error] } });
      return refuse(reply, status, error, message);
    };
    if (principal.mustChangePassword) return fail(403, 'PASSWORD_CHANGE_REQUIRED', '首次登录或密码已被重置，请先修改密码');
    if (!ability.can('export', 'AuditEvent')) return fail(403, 'FORBIDDEN', '无权执行此操作', 'denied');
    if (!format) return fail(400, 'BAD_USER_INPUT', '导出格式只能是 csv 或 xlsx');
    let filter;
    try {
      filter = checkAuditFilter(query);
    } catch (e) {
      return fail(400, 'BAD_USER_INPUT', (e as Error).message);
    }

    const total = await countAudit(trx, filter);
    const now = new Date();
    const watermark = `导出人：${principal.displayName}（${principal.username}，${ROLE_LABELS[principal.role]}）  导出时间：${beijingTime(now)}  共 ${total} 行`;
    const stamp = beijingTime(now).replace(/[-: ]/g, '').slice(0, 12);
    const filename = `访问日志_${stamp}.${format}`;
    const out = new PassThrough();

    const produce = async () => {
      if (format === 'csv') {
        out.write('\uFEFF' + csvLine([watermark]) + csvLine(HEADERS));
        for await (const rows of eachAudit(trx, filter)) {
          if (!out.write(rows.map((r) => csvLine(rowCells(r))).join(''))) await new Promise((r) => out.once('drain', r));
        }
      } else {
        // The workbook ends its own stream; the response ends only after the export's log row commits.
        const sink = new PassThrough();
        sink.pipe(out, { end: false });
        const drained = new Promise((r) => sink.once('end', r));
        const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false });
        wb.creator = principal.username;
        const ws = wb.addWorksheet('访问日志', {
          headerFooter: { oddHeader: `&L${watermark}`, oddFooter: '&C第 &P 页，共 &N 页' },
          views: [{ state: 'frozen', ySplit: 2 }],
        });
        ws.columns = [20, 16, 20, 8, 8, 48, 40, 30, 16, 38, 10, 66].map((width) => ({ width }));
        const mark = ws.addRow([watermark]);
        mark.font = { color: { argb: 'FF9A9A9A' }, italic: true };
        mark.commit();
        const head = ws.addRow(HEADERS);
        head.font = { bold: true };
        head.commit();
        for await (const rows of eachAudit(trx, filter)) for (const r of rows) ws.addRow(rowCells(r)).commit();
        ws.commit();
        await wb.commit();
        await drained;
      }
      await appendAudit(trx, {
        ...who, cadreIds: filter.cadreId ? [filter.cadreId] : [], kind: 'read', outcome: 'success',
        summary: `导出访问日志：${total} 行（${format.toUpperCase()}）`, detail: { format, rows: total, filter },
      });
      await trx.commit().execute();
      out.end();
    };
    produce().catch(async (e) => {
      req.log.error({ err: e }, 'audit export failed');
      await trx.rollback().execute().catch(() => undefined);
      await appendAuditSeparately(db, { ...who, kind: 'read', outcome: 'failure', summary: '导出访问日志（失败：服务器错误）' }).catch(() => undefined);
      out.destroy(e as Error);
    });
    return reply
      .header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="audit.${format}"; filename*=UTF-8''${encodeURIComponent(filename)}`)
      .header('cache-control', 'no-store')
      .header('x-total-count', String(total))
      .send(out);
  });
}
