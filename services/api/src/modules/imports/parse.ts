// One uploaded file → one preview entry per form in it: .lrmx, .docx, an Excel roster (one entry per row) or a
// .zip of these. Each entry is "ok" with the form's fields, or "error" with a Chinese reason naming the file; one
// bad file never stops the others. The photo is checked and re-encoded here (sharp), so what the batch stores is
// a plain JPEG.
import sharp from 'sharp';
import { normalisePhoto, PHOTO_MAX_BYTES } from '../cadres/photo.js';
import { parseFormDocx } from './docx-read.js';
import { parseLrmx } from './lrmx.js';
import { type FormFields } from './model.js';
import { parseRoster } from './roster.js';
import { FormError } from './safe-xml.js';
import { isZip, readZip } from './safe-zip.js';

export interface ParsedFile {
  name: string;
  status: 'ok' | 'error';
  error?: string;
  /** The technical reason of a refusal (a library's own text), for the log only — never sent or stored. */
  detail?: string;
  warnings: string[];
  fields?: FormFields;
}

/** Largest photo accepted inside a form (decoded bytes) and its largest pixel count. */
const PHOTO_MAX_PIXELS = 40_000_000;
const FORM_EXT = /\.(lrmx|docx|xlsx)$/i;

const extOf = (name: string) => /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';

async function withPhoto(name: string, fields: FormFields, warnings: string[], raw?: Buffer): Promise<ParsedFile> {
  let bytes = raw;
  if (!bytes && typeof fields.ZhaoPian === 'string' && fields.ZhaoPian) {
    if (fields.ZhaoPian.length > Math.ceil(PHOTO_MAX_BYTES / 3) * 4 + 4) {
      return { name, status: 'error', error: `${name}：照片过大（${(fields.ZhaoPian.length * 0.75 / 1048576).toFixed(1)} MB，上限 5 MB）`, warnings };
    }
    if (!/^[A-Za-z0-9+/]+=*$/.test(fields.ZhaoPian)) {
      warnings.push('照片（ZhaoPian）不是有效的 base64 数据，已忽略');
      delete fields.ZhaoPian;
      return { name, status: 'ok', warnings, fields };
    }
    bytes = Buffer.from(fields.ZhaoPian, 'base64');
  }
  delete fields.ZhaoPian;
  if (bytes) {
    if (bytes.length > PHOTO_MAX_BYTES) {
      return { name, status: 'error', error: `${name}：照片过大（${(bytes.length / 1048576).toFixed(1)} MB，上限 5 MB）`, warnings };
    }
    let pixels = 0;
    try {
      const meta = await sharp(bytes).metadata();
      pixels = (meta.width ?? 0) * (meta.height ?? 0);
    } catch { /* judged below */ }
    if (pixels > PHOTO_MAX_PIXELS) {
      return { name, status: 'error', error: `${name}：照片像素过大（超过 4000 万像素），拒绝导入`, warnings };
    }
    const photo = await normalisePhoto(bytes);
    if ('error' in photo) warnings.push(`照片无法使用（${photo.error}），已忽略`);
    else fields.ZhaoPian = photo.jpeg.toString('base64');
  }
  return { name, status: 'ok', warnings, fields };
}

const refused = (name: string, reason: string): ParsedFile => ({ name, status: 'error', error: `${name}：${reason}`, warnings: [] });

/** Parse one file of the upload (inside a zip, `inZip` forbids further nesting). */
export async function parseUpload(name: string, buf: Buffer, inZip = false): Promise<ParsedFile[]> {
  const ext = extOf(name);
  try {
    if (buf.length === 0) return [refused(name, '文件为空')];
    if (ext === 'zip') {
      if (inZip) return [refused(name, '压缩包中不能再嵌套压缩包')];
      const entries = await readZip(buf, (p) => FORM_EXT.test(p) && !p.startsWith('__MACOSX/') && !/(^|\/)\.|~\$/.test(p), name);
      if (!entries.size) return [refused(name, '压缩包中没有 .lrmx、.docx 或 .xlsx 文件')];
      const out: ParsedFile[] = [];
      for (const [p, b] of entries) out.push(...await parseUpload(`${name}/${p}`, b, true));
      return out;
    }
    if (ext === 'lrmx') {
      if (isZip(buf)) return [refused(name, '扩展名为 .lrmx，但内容不是 XML')];
      const { fields, warnings } = parseLrmx(buf);
      return [await withPhoto(name, fields, warnings)];
    }
    if (ext === 'docx') {
      if (!isZip(buf)) return [refused(name, buf.subarray(0, 8).equals(Buffer.from('d0cf11e0a1b11ae1', 'hex')) ? '这是旧版 Word（.doc）格式，请在 Word 或 WPS 中另存为 .docx 后再导入' : '不是有效的 .docx 文件，可能已损坏或被截断')];
      const { fields, warnings, photo } = await parseFormDocx(buf, name);
      return [await withPhoto(name, fields, warnings, photo)];
    }
    if (ext === 'xlsx') {
      if (!isZip(buf)) return [refused(name, '不是有效的 .xlsx 文件，可能已损坏或被截断')];
      const rows = await parseRoster(buf, name);
      return rows.map((r) => (r.error ? refused(r.name, r.error) : { name: r.name, status: 'ok' as const, warnings: r.warnings, fields: r.fields }));
    }
    if (ext === 'doc' || ext === 'wps') return [refused(name, '不支持旧版 Word（.doc/.wps）格式，请另存为 .docx 后再导入')];
    if (ext === 'lrm') return [refused(name, '不支持 2.0 版 .lrm 文件，请在干部任免审批表软件中另存为 .lrmx 后再导入')];
    return [refused(name, '不支持的文件类型（可导入 .lrmx、.docx、.xlsx 或它们的 .zip 压缩包）')];
  } catch (e) {
    if (e instanceof FormError) return [{ ...refused(name, e.message), detail: e.detail }];
    return [{ ...refused(name, '文件无法解析，可能已损坏或不是干部任免审批表'), detail: e instanceof Error ? `${e.name}: ${e.message}` : String(e) }];
  }
}
