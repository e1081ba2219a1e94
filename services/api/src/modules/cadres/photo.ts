// The cadre's photo (照片, as on the appointment form): PUT /api/cadres/:id/photo with the image as the body
// (image/jpeg or image/png, at most 5 MB), DELETE to remove it. The image is decoded and re-encoded by sharp (which
// also strips metadata and refuses anything that is not a real image), scaled to at most 600 px high, stored in the
// object store under a random tenant-scoped key (object first, then the row), and read back through Cadre.photoUrl.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import sharp from 'sharp';
import type { DB } from '../../db/types.js';
import { openScopedSession, verifyToken } from '../../auth/request-session.js';
import { appendAudit, appendAuditSeparately, type AuditEntry } from '../../audit/index.js';
import { asSubject } from '../../authz/abilities.js';
import { newObjectKey, type ObjectStore } from '../../storage/index.js';
import { findCadre } from './repo.js';

export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
const IMAGE_TYPES = ['image/jpeg', 'image/png'];

/** A normalised JPEG of the upload, or a Chinese reason it is refused. */
export async function normalisePhoto(body: Buffer): Promise<{ jpeg: Buffer } | { error: string }> {
  try {
    const img = sharp(body, { limitInputPixels: 40_000_000, failOn: 'error' });
    const meta = await img.metadata();
    if (meta.format !== 'jpeg' && meta.format !== 'png') return { error: '照片须为 JPEG 或 PNG 图片' };
    if (!meta.width || !meta.height || meta.width < 60 || meta.height < 80) return { error: '照片尺寸过小（至少 60×80 像素）' };
    const jpeg = await img.rotate().resize({ height: 600, width: 450, fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 88 }).toBuffer();
    return { jpeg };
  } catch {
    return { error: '无法识别的图片文件，可能已损坏' };
  }
}

export function registerCadrePhoto(app: FastifyInstance, db: Kysely<DB>, store: ObjectStore) {
  // The raw image is the body; its own size cap, far below the object store's.
  for (const type of IMAGE_TYPES) {
    app.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: PHOTO_MAX_BYTES }, (_req, body, done) => done(null, body));
  }

  const handle = async (req: FastifyRequest, reply: FastifyReply, action: 'put' | 'delete') => {
    const { id } = req.params as { id: string };
    const label = action === 'put' ? '上传干部照片' : '删除干部照片';
    const base = (p: { tenantId: string; tenantPath: string; userId: string; username: string } | null): Omit<AuditEntry, 'outcome' | 'kind' | 'summary'> => ({
      tenantId: p?.tenantId ?? null, tenantPath: p?.tenantPath ?? null, userId: p?.userId ?? null, username: p?.username ?? null,
      operation: `${req.method} /api/cadres/:id/photo`, clientIp: req.ip ?? null, requestId: String(req.id), cadreIds: [],
    });
    const refuse = (status: number, error: string, message: string) => reply.code(status).send({ error, message });
    const { token } = await verifyToken(req);
    const session = token ? await openScopedSession(db, token) : null;
    if (!session) {
      await appendAuditSeparately(db, { ...base(null), kind: 'denied', outcome: 'failure', summary: `${label}（失败：未登录或会话已失效）` });
      return refuse(401, 'UNAUTHENTICATED', '未登录或登录已过期，请重新登录');
    }
    const { trx, principal, ability } = session;
    const who = base(principal);
    const fail = async (status: number, error: string, message: string, kind: 'denied' | 'write' = 'write', cadreIds: string[] = []) => {
      await trx.rollback().execute().catch(() => undefined);
      await appendAuditSeparately(db, { ...who, cadreIds, kind, outcome: 'failure', summary: `${label}（失败：${message}）`, detail: { errors: [error] } });
      return refuse(status, error, message);
    };
    try {
      if (principal.mustChangePassword) return await fail(403, 'PASSWORD_CHANGE_REQUIRED', '首次登录或密码已被重置，请先修改密码', 'denied');
      if (!ability.can('update', 'Cadre')) return await fail(403, 'FORBIDDEN', '无权执行此操作', 'denied');
      const cadre = await findCadre(trx, id);
      // Outside reach answers exactly like a missing cadre.
      if (!cadre || !ability.can('update', asSubject('Cadre', { ...cadre }))) return await fail(404, 'NOT_FOUND', '干部不存在');
      let key: string | null = null;
      if (action === 'put') {
        const type = String(req.headers['content-type'] ?? '').split(';')[0].trim();
        if (!IMAGE_TYPES.includes(type) || !Buffer.isBuffer(req.body)) return await fail(415, 'BAD_USER_INPUT', '照片须为 JPEG 或 PNG 图片', 'write', [cadre.id]);
        const photo = await normalisePhoto(req.body);
        if ('error' in photo) return await fail(400, 'BAD_USER_INPUT', photo.error, 'write', [cadre.id]);
        // The object first, then the row; a replaced photo's object is left to the sweeper.
        key = newObjectKey(cadre.tenant_id, 'photo');
        await store.put(key, photo.jpeg, { contentType: 'image/jpeg' });
      }
      await trx.updateTable('cadre').set({ photo_key: key }).where('id', '=', cadre.id).execute();
      await appendAudit(trx, { ...who, cadreIds: [cadre.id], kind: 'write', outcome: 'success', summary: `${label}：${cadre.name}` });
      await trx.commit().execute();
      return reply.send({ ok: true });
    } catch (e) {
      req.log.error({ err: e }, 'photo upload failed');
      return fail(500, 'INTERNAL', '服务器内部错误');
    }
  };

  app.put('/api/cadres/:id/photo', (req, reply) => handle(req, reply, 'put'));
  app.delete('/api/cadres/:id/photo', (req, reply) => handle(req, reply, 'delete'));
}
