// Filesystem object store: <root>/<key> (the key's slashes become directories), the content type in a sidecar
// <file>.meta.json. Only keys of the newObjectKey shape are accepted, so no key can name a path outside the root.
// Writes go to a temporary file in the same directory, are flushed, then renamed into place (atomic); the sidecar is
// written before the object and removed after it, so an object that exists always has its content type.
//
// Downloads: downloadUrl hands out /api/objects/<base64url key>?exp=<unix seconds>&fn=<base64url filename>&sig=<hex>,
// an HMAC-SHA256 over key, expiry and file name with a key derived (HKDF) from the JWT secret under a label of its
// own; routes.ts serves it after verifyDownload.
import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import {
  assertContentType, assertObjectKey, downloadTtl, isObjectKey, MAX_DOWNLOAD_TTL_SECONDS, safeFilename, sha256Hex,
  type ObjectStat, type ObjectStore,
} from './index.js';

const META_SUFFIX = '.meta.json';
const DEFAULT_CONTENT_TYPE = 'application/octet-stream';
const HKDF_SALT = 'lianzheng';
const HKDF_INFO = 'lianzheng/object-download/v1';
const MAC_LABEL = 'lz-object-download-v1';

/** The signing key for download URLs: HKDF-SHA256 of the JWT secret, so it is never the JWT key itself. */
export function downloadSigningKey(secret: string): Buffer {
  if (typeof secret !== 'string' || secret.length === 0) throw new TypeError('a secret is required to sign download URLs');
  return Buffer.from(crypto.hkdfSync('sha256', secret, HKDF_SALT, HKDF_INFO, 32));
}

const mac = (signingKey: Buffer, key: string, exp: number, filename: string): Buffer =>
  // key and exp cannot contain a newline, and filename is last: the message is unambiguous.
  crypto.createHmac('sha256', signingKey).update(`${MAC_LABEL}\n${key}\n${exp}\n${filename}`, 'utf8').digest();

/** The signed path and query of a download URL (relative to the API's origin). */
export function signDownload(secret: string | Buffer, key: string, filename: string, exp: number): string {
  assertObjectKey(key);
  const signingKey = typeof secret === 'string' ? downloadSigningKey(secret) : secret;
  const sig = mac(signingKey, key, exp, filename).toString('hex');
  const token = Buffer.from(key, 'utf8').toString('base64url');
  const fn = Buffer.from(filename, 'utf8').toString('base64url');
  return `/api/objects/${token}?exp=${exp}&fn=${fn}&sig=${sig}`;
}

/** The parts of a download URL: token is the path segment after /api/objects/, the rest its query parameters. */
export interface DownloadQuery {
  token?: unknown;
  exp?: unknown;
  fn?: unknown;
  sig?: unknown;
}

const B64URL = /^[A-Za-z0-9_-]+$/;

/** Decodes base64url text, or null when it is not the canonical encoding of valid UTF-8. */
function decodeCanonical(text: string): string | null {
  if (!B64URL.test(text)) return null;
  const value = Buffer.from(text, 'base64url').toString('utf8');
  return Buffer.from(value, 'utf8').toString('base64url') === text ? value : null;
}

/**
 * Checks a download URL: the signature (constant-time), the expiry, and that every part is well-formed and canonical.
 * Returns the object key and file name it grants, or null. A change to any part — key, file name, expiry or
 * signature — fails.
 */
export function verifyDownload(query: DownloadQuery, secret: string, now: Date = new Date()): { key: string; filename: string } | null {
  const { token, exp, fn, sig } = query ?? {};
  if (typeof token !== 'string' || typeof exp !== 'string' || typeof fn !== 'string' || typeof sig !== 'string') return null;
  if (token.length > 400 || fn.length > 2000 || !/^[0-9a-f]{64}$/.test(sig) || !/^[1-9][0-9]{0,11}$/.test(exp)) return null;
  const key = decodeCanonical(token);
  const filename = decodeCanonical(fn);
  if (key === null || filename === null || !isObjectKey(key) || filename.length === 0) return null;
  const expSeconds = Number(exp);
  const expected = mac(downloadSigningKey(secret), key, expSeconds, filename);
  if (!crypto.timingSafeEqual(Buffer.from(sig, 'hex'), expected)) return null;
  const nowSeconds = Math.floor(now.getTime() / 1000);
  if (!(nowSeconds < expSeconds) || expSeconds - nowSeconds > MAX_DOWNLOAD_TTL_SECONDS) return null;
  return { key, filename };
}

const isMissing = (err: unknown): boolean => {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
};

/** Writes data to file atomically: a temporary file in the same directory, flushed, then renamed over file. */
async function writeAtomic(file: string, data: Buffer | string): Promise<void> {
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.${crypto.randomBytes(6).toString('hex')}.tmp`);
  const handle = await fsp.open(tmp, 'wx', 0o600);
  try {
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fsp.rename(tmp, file);
  } catch (err) {
    await fsp.rm(tmp, { force: true }).catch(() => undefined);
    throw err;
  }
  // Make the rename itself durable (best effort: not every platform can fsync a directory).
  const dirHandle = await fsp.open(dir, 'r').catch(() => null);
  if (dirHandle) await dirHandle.sync().catch(() => undefined).finally(() => dirHandle.close());
}

export interface FsObjectRead {
  stream: Readable;
  size: number;
  contentType: string;
}

export class FsObjectStore implements ObjectStore {
  readonly root: string;
  readonly #signingKey: Buffer;

  /** root: the store's directory (created on first write); secret: config.downloadKey, for download URLs. */
  constructor(root: string, secret: string) {
    this.root = path.resolve(root);
    this.#signingKey = downloadSigningKey(secret);
  }

  /** The file of a key; throws for any key not of the newObjectKey shape. */
  pathOf(key: string): string {
    assertObjectKey(key);
    const file = path.join(this.root, ...key.split('/'));
    // The key shape already rules out '..' and absolute paths; check the result anyway.
    if (path.relative(this.root, file) !== key.split('/').join(path.sep)) throw new Error('object path escapes the store');
    return file;
  }

  async put(key: string, body: Buffer, meta: { contentType: string }): Promise<{ size: number; sha256: string }> {
    const file = this.pathOf(key);
    if (!Buffer.isBuffer(body)) throw new TypeError('body must be a Buffer');
    assertContentType(meta?.contentType);
    const sha256 = sha256Hex(body);
    await fsp.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    await writeAtomic(file + META_SUFFIX, JSON.stringify({ contentType: meta.contentType, size: body.length, sha256 }));
    await writeAtomic(file, body);
    return { size: body.length, sha256 };
  }

  async get(key: string): Promise<Buffer | null> {
    const file = this.pathOf(key);
    try {
      return await fsp.readFile(file);
    } catch (err) {
      if (isMissing(err) || (err as NodeJS.ErrnoException).code === 'EISDIR') return null;
      throw err;
    }
  }

  async #contentType(file: string): Promise<string> {
    try {
      const meta = JSON.parse(await fsp.readFile(file + META_SUFFIX, 'utf8')) as { contentType?: unknown };
      return typeof meta.contentType === 'string' ? meta.contentType : DEFAULT_CONTENT_TYPE;
    } catch (err) {
      if (isMissing(err) || err instanceof SyntaxError) return DEFAULT_CONTENT_TYPE;
      throw err;
    }
  }

  async stat(key: string): Promise<ObjectStat | null> {
    const file = this.pathOf(key);
    let st: fs.Stats;
    try {
      st = await fsp.stat(file);
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
    if (!st.isFile()) return null;
    return { size: st.size, contentType: await this.#contentType(file), modifiedAt: st.mtime };
  }

  /** The object as a stream (opened before its size is read, so a concurrent remove cannot split the two), or null. */
  async openRead(key: string): Promise<FsObjectRead | null> {
    const file = this.pathOf(key);
    let handle: fsp.FileHandle;
    try {
      handle = await fsp.open(file, 'r');
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
    try {
      const st = await handle.stat();
      if (!st.isFile()) {
        await handle.close();
        return null;
      }
      const contentType = await this.#contentType(file);
      return { stream: handle.createReadStream({ autoClose: true }), size: st.size, contentType };
    } catch (err) {
      await handle.close().catch(() => undefined);
      throw err;
    }
  }

  async remove(key: string): Promise<void> {
    const file = this.pathOf(key);
    await fsp.rm(file, { force: true });
    await fsp.rm(file + META_SUFFIX, { force: true });
  }

  async *list(prefix: string): AsyncGenerator<string> {
    if (typeof prefix !== 'string') throw new TypeError('prefix must be a string');
    // Keys use only these characters; any other prefix matches nothing (and can never name a path).
    if (!/^[a-z0-9/-]*$/.test(prefix)) return;
    const start = prefix.slice(0, prefix.lastIndexOf('/') + 1).split('/').filter(Boolean);
    yield* this.#walk(start, prefix);
  }

  async *#walk(segments: string[], prefix: string): AsyncGenerator<string> {
    let entries: fs.Dirent[];
    try {
      entries = await fsp.readdir(path.join(this.root, ...segments), { withFileTypes: true });
    } catch (err) {
      if (isMissing(err)) return;
      throw err;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const rel = [...segments, e.name].join('/');
      if (e.isDirectory()) {
        // Symbolic links are neither (Dirent does not follow them): never walked, never listed.
        if (rel.startsWith(prefix) || prefix.startsWith(`${rel}/`)) yield* this.#walk([...segments, e.name], prefix);
      } else if (e.isFile() && rel.startsWith(prefix) && isObjectKey(rel)) {
        yield rel;
      }
    }
  }

  async downloadUrl(key: string, opts: { filename: string; ttlSeconds?: number }): Promise<string> {
    assertObjectKey(key);
    const ttl = downloadTtl(opts?.ttlSeconds);
    const filename = safeFilename(opts?.filename);
    const exp = Math.floor(Date.now() / 1000) + ttl;
    return signDownload(this.#signingKey, key, filename, exp);
  }
}
