// Rectification attachments as they arrive (docs/dispositions.md#attachments): the name is cleaned, the extension
// must be one of shared/dispositions.ts ATTACHMENT_TYPES, and the bytes must be what the extension says — a PDF starts
// %PDF-, a picture is a real JPEG/PNG, an Office file is a sane zip without macros (its inflated size bounded), an old
// Office file a compound document, text valid UTF-8 without control bytes. Executables, scripts and HTML under any
// name, and anything else, are refused with a Chinese reason; the stored content type is ours, never the client's.
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES } from '../../../../../shared/dispositions.js';
import { isZip, readZip } from '../imports/safe-zip.js';

export type CheckedFile = { filename: string; contentType: string } | { error: string };

const starts = (buf: Buffer, bytes: number[]) => bytes.every((b, i) => buf[i] === b);
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** A stored file name: no path, no control characters, at most 120 characters (extension kept). */
export function cleanFilename(raw: string): string {
  // eslint-disable-next-line no-control-regex
  const base = (raw.split(/[\\/]/).pop() ?? '').normalize('NFC').replace(/[\u0000-\u001f\u007f-\u009f<>:"|?*]/g, '').trim();
  const chars = Array.from(base);
  if (chars.length <= 120) return base;
  const dot = base.lastIndexOf('.');
  const ext = dot > 0 ? base.slice(dot) : '';
  return Array.from(base.slice(0, base.length - ext.length)).slice(0, 120 - ext.length).join('') + ext;
}

const looksLikeMarkup = (buf: Buffer) => /^\s*(<!doctype|<html|<script|<svg|<\?xml)/i.test(buf.subarray(0, 256).toString('latin1'));

export async function checkAttachment(rawName: string, buf: Buffer): Promise<CheckedFile> {
  const filename = cleanFilename(rawName);
  if (!filename || filename.startsWith('.')) return { error: '文件名无效' };
  if (!buf.length) return { error: `「${filename}」是空文件` };
  if (buf.length > ATTACHMENT_MAX_BYTES) return { error: `「${filename}」超过 ${ATTACHMENT_MAX_BYTES / 1048576} MB 上限` };
  const ext = filename.includes('.') ? filename.split('.').pop()!.toLowerCase() : '';
  const contentType = ATTACHMENT_TYPES[ext];
  const allowed = [...new Set(Object.keys(ATTACHMENT_TYPES).map((e) => e.toUpperCase()))].join('、');
  if (!contentType) return { error: `「${filename}」的文件类型不允许上传（可上传 ${allowed}）` };
  const refuse = (what: string) => ({ error: `「${filename}」的内容不是${what}，可能是改了扩展名的其他文件，出于安全原因拒绝上传` });
  if (starts(buf, [0x4d, 0x5a]) || starts(buf, [0x7f, 0x45, 0x4c, 0x46]) || starts(buf, [0x23, 0x21])) {
    return { error: `「${filename}」是可执行程序或脚本，出于安全原因拒绝上传` };
  }
  switch (ext) {
    case 'pdf':
      if (!buf.subarray(0, 1024).toString('latin1').startsWith('%PDF-')) return refuse(' PDF 文件');
      break;
    case 'jpg': case 'jpeg':
      if (!starts(buf, [0xff, 0xd8, 0xff])) return refuse(' JPEG 图片');
      break;
    case 'png':
      if (!starts(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return refuse(' PNG 图片');
      break;
    case 'doc': case 'xls': case 'wps':
      if (!starts(buf, OLE)) return refuse('有效的 Office 文档');
      break;
    case 'docx': case 'xlsx': case 'ofd': {
      if (!isZip(buf)) return refuse(ext === 'ofd' ? '有效的 OFD 文件' : '有效的 Office 文档');
      let entries: Map<string, Buffer>;
      try {
        // Every entry is inflated under the limits (a zip bomb stops there); only the names are kept.
        entries = await readZip(buf, () => true, `「${filename}」`, { maxEntries: 2_000, maxEntryBytes: 60 * 1024 * 1024, maxTotalBytes: 120 * 1024 * 1024 });
      } catch (e) {
        return { error: e instanceof Error && /[\u4e00-\u9fff]/.test(e.message) ? e.message : refuse('有效的 Office 文档').error };
      }
      const names = [...entries.keys()];
      if (ext === 'ofd') {
        if (!names.some((n) => n.toUpperCase() === 'OFD.XML')) return refuse('有效的 OFD 文件');
      } else {
        if (!names.includes('[Content_Types].xml')) return refuse('有效的 Office 文档');
        if (names.some((n) => /vbaProject\.bin$/i.test(n) || /activeX/i.test(n))) return { error: `「${filename}」含有宏或 ActiveX 控件，出于安全原因拒绝上传` };
      }
      break;
    }
    case 'txt': {
      try {
        const text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
        // eslint-disable-next-line no-control-regex
        if (/[\u0000-\u0008\u000e-\u001f]/.test(text)) return refuse('纯文本');
      } catch {
        return refuse(' UTF-8 编码的纯文本');
      }
      if (looksLikeMarkup(buf)) return { error: `「${filename}」是网页或脚本内容，出于安全原因拒绝上传` };
      break;
    }
  }
  return { filename, contentType };
}
