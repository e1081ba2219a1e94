// GET /api/audit/export?format=csv|xlsx&<filter>: every row matching the filter (not a page), with a watermark line
// naming who exported it and when. Times are Beijing time as the console shows them (the header says so), and the
// cadres a row concerns are named with their units, beside their ids. CSV has a UTF-8 BOM and neutralises cells that a spreadsheet would read as a
// formula. The export is audited before any row leaves (its own transaction, with the row count); an interrupted
// download adds a failure row.
//
// No transaction is held while the client reads: rows are read in pages (keyset, bounded by the newest row visible
// when the export began), each page in a short transaction of its own (RestSession.scoped). CSV is written to the
// client page by page with back-pressure; XLSX is built into a private temporary file first, then sent.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { PassThrough, type Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import ExcelJS from 'exceljs';
import type { DB } from '../../db/types.js';
import { withRestSession, type RestSession } from '../../http/rest-session.js';
import { beijingTime, TIME_ZONE_LABEL } from '../../util/time.js';
import { ROLE_LABELS } from '../../auth/principal.js';
import { storedSummary } from '../../audit/describe.js';
import { checkAuditFilter } from './schema.js';
import {
  auditBound, auditPage, cadreRefs, countAudit, cursorAfter, type AuditBound, type AuditCursor, type AuditFilter, type AuditRow, type CadreRef,
} from './repo.js';
import { KIND_LABELS, OUTCOME_LABELS } from './labels.js';

/** Rows per page (one short transaction each). */
export const EXPORT_PAGE_ROWS = 1000;

/** The time column states its zone: the same Beijing time (and format) the console shows. */
export const TIME_HEADER = `时间（${TIME_ZONE_LABEL}）`;
/** The export's columns; 干部姓名 and 单位 name the cadres a row concerns (their current name and unit). */
export const HEADERS = [
  TIME_HEADER, '用户', '机构', '类型', '结果', '内容', '干部姓名', '单位', '技术操作', '干部编号', 'IP 地址', '请求编号', '链序号', 'SM3 哈希',
];
const WIDTHS = [20, 16, 20, 8, 8, 48, 20, 30, 30, 30, 16, 38, 10, 66];

/** A page of rows with the cadres they mention. */
interface Page { rows: AuditRow[]; cadres: Map<string, CadreRef> }

/**
 * The cadres of a row, one entry per cadre in the row's order: names, and units (with the unit's 机构 when it is
 * not the row's own). A cadre no longer visible to the exporter keeps only its id.
 */
function cadreCells(r: AuditRow, cadres: Map<string, CadreRef>): [string, string] {
  const refs = (r.cadre_ids ?? []).map((id) => cadres.get(id));
  return [
    refs.map((c) => c?.name ?? '（未找到）').join('、'),
    refs.map((c) => (!c ? '—' : c.tenantId === r.tenant_id ? c.unitName : `${c.tenantName} ${c.unitName}`)).join('、'),
  ];
}

const rowCells = (r: AuditRow, cadres: Map<string, CadreRef>) => [
  beijingTime(r.at), r.username ?? '', r.tenant_name ?? '', KIND_LABELS[r.kind] ?? r.kind, OUTCOME_LABELS[r.outcome] ?? r.outcome,
  storedSummary(r), ...cadreCells(r, cadres), r.operation, (r.cadre_ids ?? []).join(' '), r.client_ip ?? '', r.request_id ?? '',
  r.seq === null ? '' : String(r.seq), r.hash ?? '',
];

/** A CSV cell: formula-looking text gets a leading apostrophe; quotes, commas and newlines are quoted. */
export function csvCell(v: string): string {
  let s = v;
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
const csvLine = (cells: string[]) => cells.map(csvCell).join(',') + '\r\n';


/** Every page of the export with the cadres it mentions, each read in its own short transaction. */
async function* pages(s: RestSession, filter: AuditFilter, bound: AuditBound): AsyncGenerator<Page> {
  let after: AuditCursor | null = null;
  for (;;) {
    const cursor = after;
    const { rows, cadres } = await s.scoped(async (trx) => {
      const page = await auditPage(trx, filter, bound, cursor, EXPORT_PAGE_ROWS);
      return { rows: page, cadres: await cadreRefs(trx, page.flatMap((r) => r.cadre_ids ?? [])) };
    });
    if (rows.length) yield { rows, cadres };
    if (rows.length < EXPORT_PAGE_ROWS) return;
    after = cursorAfter(rows);
  }
}

class ClientGone extends Error {
  constructor() { super('client gone'); }
}

/** Write with back-pressure; stop as soon as the response is gone. */
async function put(out: Writable, chunk: string) {
  if (out.destroyed) throw new ClientGone();
  if (out.write(chunk)) return;
  await Promise.race([once(out, 'drain'), once(out, 'close')]);
  if (out.destroyed) throw new ClientGone();
}

/** The XLSX workbook in a private temporary file (removed by the caller). */
async function buildXlsx(file: string, s: RestSession, filter: AuditFilter, bound: AuditBound, watermark: string) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  wb.creator = s.principal.username;
  const ws = wb.addWorksheet('访问日志', {
    headerFooter: { oddHeader: `&L${watermark}`, oddFooter: '&C第 &P 页，共 &N 页' },
    views: [{ state: 'frozen', ySplit: 2 }],
  });
  ws.columns = WIDTHS.map((width) => ({ width }));
  const mark = ws.addRow([watermark]);
  mark.font = { color: { argb: 'FF9A9A9A' }, italic: true };
  mark.commit();
  const head = ws.addRow(HEADERS);
  head.font = { bold: true };
  head.commit();
  for await (const { rows, cadres } of pages(s, filter, bound)) for (const r of rows) ws.addRow(rowCells(r, cadres)).commit();
  ws.commit();
  await wb.commit();
}

export function registerAuditExport(app: FastifyInstance, db: Kysely<DB>) {
  app.get('/api/audit/export', { config: { auditLabel: '导出访问日志' } }, (req, reply) => withRestSession(db, req, reply, async (s) => {
    const query = req.query as Record<string, unknown>;
    const format = query.format === 'xlsx' ? 'xlsx' : query.format === 'csv' || !query.format ? 'csv' : null;
    const { trx, principal, ability } = s;
    if (!ability.can('export', 'AuditEvent')) return s.fail(403, 'FORBIDDEN', '无权执行此操作', { kind: 'denied' });
    if (!format) return s.fail(400, 'BAD_USER_INPUT', '导出格式只能是 csv 或 xlsx', { kind: 'read' });
    let filter: AuditFilter;
    try {
      // Dates and every other field are checked before any query.
      filter = checkAuditFilter(query);
    } catch (e) {
      return s.fail(400, 'BAD_USER_INPUT', (e as Error).message, { kind: 'read' });
    }

    const bound = await auditBound(trx);
    const total = await countAudit(trx, filter, bound);
    const now = new Date();
    const watermark = `导出人：${principal.displayName}（${principal.username}，${ROLE_LABELS[principal.role]}）  导出时间：${beijingTime(now)}（北京时间）  共 ${total} 行`;
    const stamp = beijingTime(now).replace(/[-: ]/g, '').slice(0, 12);
    const filename = `访问日志_${stamp}.${format}`;
    const cadreIds = filter.cadreId ? [filter.cadreId] : [];
    // Audited before any row leaves; this ends the request's transaction.
    await s.commit({
      kind: 'read', cadreIds, summary: `导出访问日志：${total} 行（${format.toUpperCase()}）`, detail: { format, rows: total, filter },
    });
    reply
      .header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="audit.${format}"; filename*=UTF-8''${encodeURIComponent(filename)}`)
      .header('cache-control', 'no-store')
      .header('x-total-count', String(total));

    if (format === 'xlsx') {
      const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'lz-export-'));
      const file = path.join(dir, 'audit.xlsx');
      try {
        await buildXlsx(file, s, filter, bound, watermark);
        const body = fs.createReadStream(file);
        await once(body, 'open');
        return s.stream(body, { cadreIds });
      } catch (e) {
        req.log.error({ err: e }, 'audit export (xlsx) failed');
        return s.fail(500, 'INTERNAL', '服务器内部错误', { kind: 'read', cadreIds });
      } finally {
        // The open stream keeps the data; the name goes at once.
        await fsp.rm(dir, { recursive: true, force: true }).catch(() => undefined);
      }
    }

    const out = new PassThrough();
    let sent = 0;
    const produce = async () => {
      await put(out, '\uFEFF' + csvLine([watermark]) + csvLine(HEADERS));
      for await (const { rows, cadres } of pages(s, filter, bound)) {
        await put(out, rows.map((r) => csvLine(rowCells(r, cadres))).join(''));
        sent += rows.length;
      }
      out.end();
    };
    produce().catch((e) => {
      // A client that went away is audited by s.stream; anything else fails the response.
      if (!(e instanceof ClientGone)) out.destroy(e as Error);
    });
    return s.stream(out, { cadreIds, detail: () => ({ format, rows: total, sent }) });
  }));
}
