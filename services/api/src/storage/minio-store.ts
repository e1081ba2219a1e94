// MinIO (any S3-compatible server; s3rver in tests) object store, through the minio client, path-style.
// The bucket is created on first use when missing and the account may create it (the least-privilege account of
// infra/minio/lianzheng-api-policy.json may not: create the bucket with `mc mb` first). Downloads are presigned GET
// URLs that make the server answer with an attachment disposition.
import { Readable } from 'node:stream';
import * as Minio from 'minio';
import type { MinioConfig } from '../config/index.js';
import {
  assertContentType, assertObjectKey, contentDisposition, downloadTtl, isObjectKey, safeFilename, sha256Hex,
  type ObjectStat, type ObjectStore,
} from './index.js';

const DEFAULT_CONTENT_TYPE = 'application/octet-stream';

const errorCode = (err: unknown): string | undefined => (err as { code?: unknown } | null)?.code as string | undefined;
const isNoSuchKey = (err: unknown): boolean => ['NoSuchKey', 'NotFound'].includes(errorCode(err) ?? '');

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

export interface MinioStoreOptions {
  /** The bucket's region; unset → asked of the server once (GetBucketLocation). */
  region?: string;
}

export class MinioObjectStore implements ObjectStore {
  readonly client: Minio.Client;
  readonly bucket: string;
  #ready: Promise<void> | null = null;

  constructor(config: MinioConfig, opts: MinioStoreOptions = {}) {
    this.bucket = config.bucket;
    this.client = new Minio.Client({
      endPoint: config.endPoint,
      port: config.port,
      useSSL: config.useSSL,
      accessKey: config.accessKey,
      secretKey: config.secretKey,
      pathStyle: true,
      ...(opts.region ? { region: opts.region } : {}),
    });
  }

  /** Makes sure the bucket exists (once; retried on the next call after a failure). */
  ensureBucket(): Promise<void> {
    this.#ready ??= (async () => {
      if (await this.client.bucketExists(this.bucket)) return;
      try {
        await this.client.makeBucket(this.bucket);
      } catch (err) {
        const code = errorCode(err);
        if (code === 'BucketAlreadyOwnedByYou' || code === 'BucketAlreadyExists') return;
        if (code === 'AccessDenied') {
          throw new Error(`MinIO bucket "${this.bucket}" does not exist and this account may not create it (create it with mc mb)`, { cause: err });
        }
        throw err;
      }
    })().catch((err: unknown) => {
      this.#ready = null;
      throw err;
    });
    return this.#ready;
  }

  async put(key: string, body: Buffer, meta: { contentType: string }): Promise<{ size: number; sha256: string }> {
    assertObjectKey(key);
    if (!Buffer.isBuffer(body)) throw new TypeError('body must be a Buffer');
    assertContentType(meta?.contentType);
    await this.ensureBucket();
    await this.client.putObject(this.bucket, key, body, body.length, { 'Content-Type': meta.contentType });
    return { size: body.length, sha256: sha256Hex(body) };
  }

  async get(key: string): Promise<Buffer | null> {
    assertObjectKey(key);
    await this.ensureBucket();
    try {
      return await readAll(await this.client.getObject(this.bucket, key));
    } catch (err) {
      if (isNoSuchKey(err)) return null;
      throw err;
    }
  }

  async stat(key: string): Promise<ObjectStat | null> {
    assertObjectKey(key);
    await this.ensureBucket();
    try {
      const st = await this.client.statObject(this.bucket, key);
      const contentType = st.metaData?.['content-type'];
      return {
        size: st.size,
        contentType: typeof contentType === 'string' && contentType ? contentType : DEFAULT_CONTENT_TYPE,
        modifiedAt: st.lastModified,
      };
    } catch (err) {
      if (isNoSuchKey(err)) return null;
      throw err;
    }
  }

  async remove(key: string): Promise<void> {
    assertObjectKey(key);
    await this.ensureBucket();
    try {
      await this.client.removeObject(this.bucket, key);
    } catch (err) {
      if (!isNoSuchKey(err)) throw err;
    }
  }

  async *list(prefix: string): AsyncGenerator<string> {
    if (typeof prefix !== 'string') throw new TypeError('prefix must be a string');
    await this.ensureBucket();
    for await (const item of this.client.listObjectsV2(this.bucket, prefix, true) as AsyncIterable<Minio.BucketItem>) {
      // Only the product's own keys: anything else in the bucket (e.g. left by a restore) is never a sweeper's target.
      if (item.name && isObjectKey(item.name)) yield item.name;
    }
  }

  async downloadUrl(key: string, opts: { filename: string; ttlSeconds?: number }): Promise<string> {
    assertObjectKey(key);
    const ttl = downloadTtl(opts?.ttlSeconds);
    const filename = safeFilename(opts?.filename);
    await this.ensureBucket();
    return this.client.presignedGetObject(this.bucket, key, ttl, {
      'response-content-disposition': contentDisposition(filename),
      'response-cache-control': 'private, no-store',
    });
  }
}
