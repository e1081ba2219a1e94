// Zip archives from uploads (.zip batches, and .docx/.xlsx, which are zips): entries are inflated as streams with
// the limits counted on the bytes actually produced — never trusted from the declared sizes — so a zip bomb stops
// at the limit. Paths that climb out (../), absolute paths, drive letters and backslashes are refused (zip-slip),
// as are encrypted entries. Names are UTF-8, or GB18030 as Chinese Windows writes them.
import yauzl from 'yauzl';
import { FormError } from './safe-xml.js';

export interface ZipLimits {
  maxEntries: number;
  /** Inflated bytes of one entry. */
  maxEntryBytes: number;
  /** Inflated bytes of all extracted entries together. */
  maxTotalBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntries: 5_000, maxEntryBytes: 40 * 1024 * 1024, maxTotalBytes: 150 * 1024 * 1024 };

function decodeName(raw: Buffer, utf8Flag: boolean): string {
  if (utf8Flag) return raw.toString('utf8');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    return new TextDecoder('gb18030').decode(raw);
  }
}

/** A path inside the archive that stays inside it, or null. */
export function safeEntryPath(name: string): string | null {
  if (!name || name.includes('\\') || name.includes('\0') || name.startsWith('/') || /^[a-zA-Z]:/.test(name)) return null;
  const parts = name.split('/');
  if (parts.some((p) => p === '..')) return null;
  return parts.filter((p) => p && p !== '.').join('/') + (name.endsWith('/') ? '/' : '');
}

/**
 * The wanted entries of a zip, inflated under the limits. `want` sees each (safe) path and decides; directories
 * are skipped. A bad path anywhere fails the whole archive: a crafted archive is not half-read.
 */
export function readZip(buf: Buffer, want: (path: string) => boolean, what: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    const out = new Map<string, Buffer>();
    let total = 0;
    let count = 0;
    let settled = false;
    const fail = (zip: yauzl.ZipFile | undefined, message: string, cause?: unknown) => {
      if (settled) return;
      settled = true;
      zip?.close();
      reject(new FormError(message, cause instanceof Error ? cause.message : undefined));
    };
    yauzl.fromBuffer(buf, { lazyEntries: true, decodeStrings: false, validateEntrySizes: false, strictFileNames: false }, (err, zip) => {
      if (err || !zip) return fail(undefined, `${what}不是有效的 zip 压缩格式，文件可能已损坏或被截断`, err);
      zip.on('error', (e) => fail(zip, `${what}的压缩结构已损坏，无法读取`, e));
      zip.on('end', () => {
        if (!settled) {
          settled = true;
          resolve(out);
        }
      });
      zip.on('entry', (entry: yauzl.Entry) => {
        if (settled) return;
        if (++count > limits.maxEntries) return fail(zip, `${what}包含的文件过多（超过 ${limits.maxEntries} 个）`);
        // decodeStrings: false hands over the raw name bytes; yauzl's typings always say string.
        const name = decodeName(entry.fileName as unknown as Buffer, (entry.generalPurposeBitFlag & 0x800) !== 0);
        const path = safeEntryPath(name);
        if (path === null) return fail(zip, `${what}含有越出压缩包目录的路径「${name.slice(0, 80)}」，出于安全原因拒绝导入`);
        if (path.endsWith('/') || !want(path)) return zip.readEntry();
        if ((entry.generalPurposeBitFlag & 0x1) !== 0) return fail(zip, `${what}中的「${path}」已加密，无法读取`);
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return fail(zip, `${what}中的「${path}」无法解压，文件可能已损坏`, e);
          const chunks: Buffer[] = [];
          let size = 0;
          stream.on('data', (c: Buffer) => {
            size += c.length;
            total += c.length;
            if (size > limits.maxEntryBytes || total > limits.maxTotalBytes) {
              stream.destroy();
              fail(zip, `${what}解压后超过大小上限（${Math.round((size > limits.maxEntryBytes ? limits.maxEntryBytes : limits.maxTotalBytes) / 1048576)} MB），可能是压缩炸弹，已拒绝`);
              return;
            }
            chunks.push(c);
          });
          stream.on('error', (e) => fail(zip, `${what}中的「${path}」解压出错，文件可能已损坏或被截断`, e));
          stream.on('end', () => {
            if (settled) return;
            out.set(path, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

/** The first bytes of a zip (local file header), for sniffing. */
export const isZip = (buf: Buffer) => buf.length >= 4 && buf[0] === 0x50 && buf[1] === 0x4b && (buf[2] === 3 || buf[2] === 5) && (buf[3] === 4 || buf[3] === 6);
