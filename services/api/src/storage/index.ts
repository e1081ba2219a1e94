// The product's one home for object storage (uploaded scans, attachments, generated files).
//
// Keys are namespaced by tenant and random — t/<tenantId>/<kind>/<yyyy>/<mm>/<32 hex> — never derived from ids, so a
// key cannot be guessed from anything a user sees. Write the object first, then the row that names it (in one
// transaction); a sweeper lists keys and removes objects no row references. Downloads only through downloadUrl:
// short-lived URLs handed out after an authorization check.
//
// Two drivers with the same behaviour: MinIO (S3) when config.minio is set, otherwise files under
// <dataDir>/objects (which infra/backup/backup.sh archives). Both refuse keys that are not of the newObjectKey shape,
// and list yields only such keys.
import crypto from 'node:crypto';
import path from 'node:path';
import type { Config } from '../config/index.js';
import { FsObjectStore } from './fs-store.js';
import { MinioObjectStore } from './minio-store.js';

export interface ObjectStat {
  size: number;
  contentType: string;
  /** When the object was last written (the sweeper can leave young, not yet referenced objects alone). */
  modifiedAt: Date;
}

export interface ObjectStore {
  /** Stores body under key (replacing any object there). */
  put(key: string, body: Buffer, meta: { contentType: string }): Promise<{ size: number; sha256: string }>;
  /** The object's bytes, or null when there is none. */
  get(key: string): Promise<Buffer | null>;
  stat(key: string): Promise<ObjectStat | null>;
  /** Removes the object; removing a missing object is not an error. */
  remove(key: string): Promise<void>;
  /** Every key starting with prefix (for the sweeper). Only keys of the newObjectKey shape are listed. */
  list(prefix: string): AsyncIterable<string>;
  /** A short-lived URL that downloads the object as an attachment named filename (ttlSeconds default 300). */
  downloadUrl(key: string, opts: { filename: string; ttlSeconds?: number }): Promise<string>;
}

export const DEFAULT_DOWNLOAD_TTL_SECONDS = 300;
/** The longest a download URL may live (also S3's limit for presigned URLs). */
export const MAX_DOWNLOAD_TTL_SECONDS = 7 * 24 * 3600;

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const KIND = '[a-z][a-z0-9-]{0,30}';
const UUID_RE = new RegExp(`^${UUID}$`, 'i');
const KIND_RE = new RegExp(`^${KIND}$`);
const KEY_RE = new RegExp(`^t/${UUID}/${KIND}/\\d{4}/(?:0[1-9]|1[0-2])/[0-9a-f]{32}$`);

/** A new random key for an object of kind (e.g. 'scan', 'attachment') belonging to tenantId. */
export function newObjectKey(tenantId: string, kind: string, now: Date = new Date()): string {
  if (typeof tenantId !== 'string' || !UUID_RE.test(tenantId)) throw new TypeError('newObjectKey: tenantId must be a UUID');
  if (typeof kind !== 'string' || !KIND_RE.test(kind)) throw new TypeError('newObjectKey: kind must match /^[a-z][a-z0-9-]{0,30}$/');
  const yyyy = String(now.getUTCFullYear()).padStart(4, '0');
  const mm = String(now.getUTCMonth() + 1).padStart(2, '0');
  return `t/${tenantId.toLowerCase()}/${kind}/${yyyy}/${mm}/${crypto.randomBytes(16).toString('hex')}`;
}

/** True when key has the exact shape newObjectKey produces (and so is safe as a path or an S3 key). */
export function isObjectKey(key: unknown): key is string {
  return typeof key === 'string' && KEY_RE.test(key);
}

export function assertObjectKey(key: unknown): asserts key is string {
  if (!isObjectKey(key)) throw new InvalidObjectKeyError();
}

export class InvalidObjectKeyError extends Error {
  readonly code = 'INVALID_OBJECT_KEY';
  constructor() {
    super('invalid object key');
  }
}

/** The tenant a key belongs to, or null for a malformed key. */
export function tenantOfKey(key: string): string | null {
  return isObjectKey(key) ? key.split('/')[1] : null;
}

/** A content type safe to store and to send back as a header: type/subtype with optional parameters, printable ASCII. */
export function assertContentType(contentType: unknown): asserts contentType is string {
  if (typeof contentType !== 'string' || contentType.length > 200
    || !/^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+(?:\s*;[\x20-\x7e]*)?$/i.test(contentType)) {
    throw new TypeError('invalid content type');
  }
}

/**
 * The name a download is saved under: control characters dropped, path separators replaced, at most 255 characters;
 * an empty name becomes "download". Both drivers apply it before signing.
 */
export function safeFilename(filename: string): string {
  if (typeof filename !== 'string') throw new TypeError('filename must be a string');
  // eslint-disable-next-line no-control-regex
  const cleaned = filename.normalize('NFC').replace(/[\u0000-\u001f\u007f-\u009f]/g, '').replace(/[/\\]/g, '_').trim();
  return Array.from(cleaned).slice(0, 255).join('') || 'download';
}

/** ttlSeconds for a download URL: an integer from 1 to MAX_DOWNLOAD_TTL_SECONDS (default 300). */
export function downloadTtl(ttlSeconds: number | undefined): number {
  const ttl = ttlSeconds ?? DEFAULT_DOWNLOAD_TTL_SECONDS;
  if (!Number.isInteger(ttl) || ttl < 1 || ttl > MAX_DOWNLOAD_TTL_SECONDS) {
    throw new RangeError(`ttlSeconds must be an integer from 1 to ${MAX_DOWNLOAD_TTL_SECONDS}`);
  }
  return ttl;
}

/** RFC 8187 / 5987 encoding for filename*=UTF-8''…: only attr-chars stay as they are. */
export function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function contentDisposition(filename: string): string {
  return `attachment; filename*=UTF-8''${encodeRfc5987(filename)}`;
}

export const sha256Hex = (body: Buffer): string => crypto.createHash('sha256').update(body).digest('hex');

/** The configured object store: MinIO when config.minio is set, otherwise files under <dataDir>/objects. */
export function openObjectStore(config: Pick<Config, 'minio' | 'dataDir' | 'downloadKey'>): ObjectStore {
  if (config.minio) return new MinioObjectStore(config.minio);
  return new FsObjectStore(path.join(config.dataDir, 'objects'), config.downloadKey);
}

export { FsObjectStore, verifyDownload } from './fs-store.js';
export { MinioObjectStore } from './minio-store.js';
