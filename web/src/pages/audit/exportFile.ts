// 导出 of the access log: GET /api/audit/export with the session's token (api/graphql.ts authFetch), the whole
// filtered result as a file, saved through an <a download>. The server heads the file with a watermark line
// (导出人 … 共 N 行); the row count shown to the user is read from there, so it is the file's own count.
import { authFetch, responseError } from '../../api/graphql';
import type { AuditFilter } from './queries';

export type ExportFormat = 'csv' | 'xlsx';

export const EXPORT_ENDPOINT = '/api/audit/export';

const FALLBACK_NAME = '访问日志.csv';

/** The file name of a Content-Disposition header: `filename*=UTF-8''…` (RFC 5987), else the fallback. */
export function filenameFromDisposition(header: string | null, fallback = FALLBACK_NAME): string {
  const m = header ? /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header) : null;
  if (!m) return fallback;
  try {
    const name = decodeURIComponent(m[1].trim().replace(/^"(.*)"$/, '$1'));
    // Never a path: only the last segment, and nothing empty.
    const base = name.split(/[\\/]/).pop()?.trim();
    return base || fallback;
  } catch {
    return fallback;
  }
}

export function exportUrl(format: ExportFormat, filter: AuditFilter): string {
  const params = new URLSearchParams({ format });
  for (const [k, v] of Object.entries(filter)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  return `${EXPORT_ENDPOINT}?${params.toString()}`;
}

/** Let the browser save a blob under a name. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

// ---------- The row count from the file's watermark line ----------

const COUNT_RE = /共\s*(\d+)\s*行/;

async function csvCount(blob: Blob): Promise<number | null> {
  const head = await blob.slice(0, 4096).text();
  const firstLine = head.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const m = COUNT_RE.exec(firstLine);
  return m ? Number(m[1]) : null;
}

/** The beginning (a few KB) of one entry of a zip file, inflated when needed. */
async function zipEntryHead(blob: Blob, match: RegExp, maxChars = 16_384): Promise<string | null> {
  const buf = new Uint8Array(await blob.arrayBuffer());
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  // End of central directory: the last 0x06054b50 within the trailing comment window.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) return null;
  const entries = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  const utf8 = new TextDecoder();
  for (let n = 0; n < entries && p + 46 <= buf.length; n++) {
    if (view.getUint32(p, true) !== 0x02014b50) return null;
    const method = view.getUint16(p + 10, true);
    const size = view.getUint32(p + 20, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const local = view.getUint32(p + 42, true);
    const name = utf8.decode(buf.subarray(p + 46, p + 46 + nameLen));
    if (match.test(name)) {
      if (view.getUint32(local, true) !== 0x04034b50) return null;
      const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
      const data = buf.slice(start, start + size);
      if (method === 0) return utf8.decode(data.subarray(0, maxChars * 4)).slice(0, maxChars);
      if (method !== 8 || typeof DecompressionStream === 'undefined') return null;
      const reader = new Blob([data]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
      const decoder = new TextDecoder();
      let text = '';
      while (text.length < maxChars) {
        const { value, done } = await reader.read();
        if (done) break;
        text += decoder.decode(value, { stream: true });
      }
      await reader.cancel().catch(() => undefined);
      return text;
    }
    p += 46 + nameLen + extraLen + commentLen;
  }
  return null;
}

async function xlsxCount(blob: Blob): Promise<number | null> {
  const sheet = await zipEntryHead(blob, /(^|\/)xl\/worksheets\/sheet1\.xml$/);
  const m = sheet ? COUNT_RE.exec(sheet) : null;
  return m ? Number(m[1]) : null;
}

export interface ExportResult {
  filename: string;
  /** Data rows of the file, from its watermark line; null when it could not be read. */
  rows: number | null;
}

/** Export the whole filtered access log and save it; throws an ApiError with the server's Chinese message. */
export async function downloadAuditExport(format: ExportFormat, filter: AuditFilter): Promise<ExportResult> {
  const response = await authFetch(exportUrl(format, filter), { method: 'GET', headers: { Accept: 'text/csv, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, application/json' } });
  if (!response.ok) throw await responseError(response, '导出失败');
  let blob: Blob;
  try {
    blob = await response.blob();
  } catch {
    throw new Error('导出中断：下载未完成，请稍后重试');
  }
  const filename = filenameFromDisposition(response.headers.get('content-disposition'), format === 'xlsx' ? '访问日志.xlsx' : FALLBACK_NAME);
  saveBlob(blob, filename);
  let rows: number | null = null;
  try {
    rows = format === 'csv' ? await csvCount(blob) : await xlsxCount(blob);
  } catch {
    rows = null;
  }
  return { filename, rows };
}
