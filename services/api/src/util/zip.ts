// Zips the API writes (JPG pages of a print, per-cadre replies): yazl, with UTF-8 names (bit 11 set), so Chinese file
// names read right in Windows' and WPS's unzip. Entries are held in memory: callers bound their count and size.
import { ZipFile } from 'yazl';

export async function zipBuffers(entries: { name: string; data: Buffer }[], opts: { compress?: boolean } = {}): Promise<Buffer> {
  const zip = new ZipFile();
  const mtime = new Date();
  for (const e of entries) zip.addBuffer(e.data, e.name, { mtime, compress: opts.compress ?? true });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const c of zip.outputStream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/**
 * An entry's name in a numbered batch: 01-张三.docx … (three digits past 99), with what no unzip accepts in a file
 * name (path separators, reserved and control characters) dropped from `base`.
 */
export function numberedName(i: number, total: number, base: string, ext: string): string {
  const safe = base.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '').slice(0, 60) || '文件';
  return `${String(i + 1).padStart(Math.max(2, String(total).length), '0')}-${safe}.${ext}`;
}
