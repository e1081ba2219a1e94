// GET /api/objects/<token>?exp=…&fn=…&sig=…: downloads from the filesystem object store through the signed,
// expiring URLs FsObjectStore.downloadUrl hands out (after the caller's authorization check). With MinIO the
// presigned URLs point at MinIO itself and nothing is registered here.
//
// The route is a wildcard, not /api/objects/:token: a token (the base64url object key) is longer than Fastify's
// default maxParamLength of 100, and a :token route would answer 404 for every real URL.
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config/index.js';
import { contentDisposition, type ObjectStore } from './index.js';
import { FsObjectStore, verifyDownload } from './fs-store.js';

const FORBIDDEN = { error: 'FORBIDDEN', message: '下载链接无效或已过期' } as const;
const NOT_FOUND = { error: 'NOT_FOUND', message: '文件不存在或已被删除' } as const;

export function registerObjectDownloads(app: FastifyInstance, store: ObjectStore, config: Pick<Config, 'downloadKey'>): void {
  if (!(store instanceof FsObjectStore)) return;

  app.get('/api/objects/*', { config: { auditLabel: '下载文件' } }, async (req, reply) => {
    // Nothing here may be cached or sniffed, whatever the answer.
    reply.header('cache-control', 'private, no-store').header('x-content-type-options', 'nosniff');
    const token = (req.params as Record<string, string | undefined>)['*'];
    const q = (req.query ?? {}) as Record<string, unknown>;
    const grant = verifyDownload({ token, exp: q.exp, fn: q.fn, sig: q.sig }, config.downloadKey);
    if (!grant) return reply.code(403).send(FORBIDDEN);
    const obj = await store.openRead(grant.key);
    if (!obj) return reply.code(404).send(NOT_FOUND);
    return reply
      .header('content-type', obj.contentType)
      .header('content-length', String(obj.size))
      .header('content-disposition', contentDisposition(grant.filename))
      // Uploaded content never runs as a page of this origin, even if a browser ignored the attachment disposition.
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('referrer-policy', 'no-referrer')
      .send(obj.stream);
  });
}
