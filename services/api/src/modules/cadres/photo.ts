// The cadre's photo (照片, as on the appointment form): PUT /api/cadres/:id/photo with the image as the body
// (image/jpeg or image/png, at most 5 MB), DELETE to remove it. The image is decoded and re-encoded by sharp (which
// also strips metadata and refuses anything that is not a real image), scaled to at most 600 px high, stored in the
// object store under a random tenant-scoped key (object first, then the row), and read back through Cadre.photoUrl.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import sharp from 'sharp';
import type { DB } from '../../db/types.js';
import { withRestSession } from '../../http/rest-session.js';
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

  const handle = (req: FastifyRequest, reply: FastifyReply, action: 'put' | 'delete') =>
    withRestSession(db, req, reply, action === 'put' ? '上传干部照片' : '删除干部照片', `${req.method} /api/cadres/:id/photo`, async (s) => {
      const { id } = req.params as { id: string };
      const { trx, ability } = s;
      if (!ability.can('update', 'Cadre')) return s.fail(403, 'FORBIDDEN', '无权执行此操作', { kind: 'denied' });
      const cadre = await findCadre(trx, id);
      // Outside reach answers exactly like a missing cadre.
      if (!cadre || !ability.can('update', asSubject('Cadre', { ...cadre }))) return s.fail(404, 'NOT_FOUND', '干部不存在');
      let key: string | null = null;
      if (action === 'put') {
        const type = String(req.headers['content-type'] ?? '').split(';')[0].trim();
        if (!IMAGE_TYPES.includes(type) || !Buffer.isBuffer(req.body)) return s.fail(415, 'BAD_USER_INPUT', '照片须为 JPEG 或 PNG 图片', { cadreIds: [cadre.id] });
        const photo = await normalisePhoto(req.body);
        if ('error' in photo) return s.fail(400, 'BAD_USER_INPUT', photo.error, { cadreIds: [cadre.id] });
        // The object first, then the row; a replaced photo's object is left to the sweeper.
        key = newObjectKey(cadre.tenant_id, 'photo');
        await store.put(key, photo.jpeg, { contentType: 'image/jpeg' });
      }
      await trx.updateTable('cadre').set({ photo_key: key }).where('id', '=', cadre.id).execute();
      await s.commit({ kind: 'write', cadreIds: [cadre.id], summary: `${action === 'put' ? '上传干部照片' : '删除干部照片'}：${cadre.name}` });
      return reply.send({ ok: true });
    });

  app.put('/api/cadres/:id/photo', (req, reply) => handle(req, reply, 'put'));
  app.delete('/api/cadres/:id/photo', (req, reply) => handle(req, reply, 'delete'));
}
