// The cadre's photo (照片, as on the appointment form): PUT /api/cadres/:id/photo with the image as the body
// (image/jpeg or image/png, at most 5 MB), DELETE to remove it. The image is decoded and re-encoded by sharp (which
// also strips metadata and refuses anything that is not a real image), scaled to at most 600 px high, stored in the
// object store under a random tenant-scoped key (object first, then the row), and read back through Cadre.photoUrl.
//
// Session, role and reach are checked before the body is read (restGate). A replaced or deleted photo's object is
// removed once the row change commits. Cadre.photoUrl is a short-lived link to GET /api/cadres/:id/photo, signed for
// the caller's session and for the photo's current key: a download re-checks session and reach, writes an audit row
// (who viewed whose photo), ends its transaction, and only then sends the bytes; a replaced photo's old link 404s.
import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import sharp from 'sharp';
import type { DB } from '../../db/types.js';
import { restGate, withRestSession } from '../../http/rest-session.js';
import type { Principal, TokenSubject } from '../../auth/principal.js';
import { isUuid } from '../../db/scope.js';
import { asSubject } from '../../authz/abilities.js';
import { newObjectKey, type ObjectStore } from '../../storage/index.js';
import { findCadre } from './repo.js';

export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
/** Lifetime of a photo link (Cadre.photoUrl). */
export const PHOTO_LINK_TTL_SECONDS = 600;
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

/**
 * Whether two photos show the same picture: the same bytes, or the same size and nearly the same pixels (a stored
 * photo that went out in an export and came back re-encoded by normalisePhoto). Undecodable: not the same.
 */
export async function samePhoto(a: Buffer, b: Buffer): Promise<boolean> {
  if (a.equals(b)) return true;
  try {
    const [ma, mb] = await Promise.all([sharp(a).metadata(), sharp(b).metadata()]);
    if (!ma.width || ma.width !== mb.width || ma.height !== mb.height) return false;
    const thumb = (x: Buffer) => sharp(x).greyscale().resize(32, 32, { fit: 'fill' }).raw().toBuffer();
    const [ta, tb] = await Promise.all([thumb(a), thumb(b)]);
    let sum = 0;
    for (let i = 0; i < ta.length; i++) sum += Math.abs(ta[i] - tb[i]);
    return sum / ta.length < 2;
  } catch {
    return false;
  }
}

const photoMac = (downloadKey: string, cadreId: string, version: string, userId: string, sessionId: string, exp: number) =>
  crypto.createHmac('sha256', downloadKey).update(`lz-photo-v1\n${cadreId}\n${version}\n${userId}\n${sessionId}\n${exp}`, 'utf8').digest();
/** Names the photo's current object without revealing its key: a replaced photo's links stop matching. */
const photoVersion = (photoKey: string) => crypto.createHash('sha256').update(photoKey).digest('hex').slice(0, 32);

/** The photo link for this caller: bound to the cadre, the photo's current object, the caller's session and an expiry. */
export function photoLink(downloadKey: string, cadreId: string, photoKey: string, principal: Pick<Principal, 'userId' | 'sessionId'>, now = Date.now()): string {
  const exp = Math.floor(now / 1000) + PHOTO_LINK_TTL_SECONDS;
  const v = photoVersion(photoKey);
  const sig = photoMac(downloadKey, cadreId, v, principal.userId, principal.sessionId, exp).toString('base64url');
  return `/api/cadres/${cadreId}/photo?v=${v}&u=${principal.userId}&s=${principal.sessionId}&exp=${exp}&sig=${sig}`;
}

/** The session a photo link was issued to, if its signature and expiry hold (checked before any database work). */
function verifyPhotoLink(downloadKey: string, cadreId: string, q: Record<string, unknown>, now = Date.now()): TokenSubject | null {
  const exp = Number(q.exp);
  if (!Number.isInteger(exp) || exp < now / 1000 || typeof q.sig !== 'string' || typeof q.v !== 'string' || !/^[0-9a-f]{32}$/.test(q.v)) return null;
  if (!isUuid(cadreId) || !isUuid(q.u) || !isUuid(q.s)) return null;
  const given = Buffer.from(q.sig, 'base64url');
  const want = photoMac(downloadKey, cadreId, q.v, q.u, q.s, exp);
  return given.length === want.length && crypto.timingSafeEqual(given, want) ? { userId: q.u, sessionId: q.s } : null;
}

export function registerCadrePhoto(app: FastifyInstance, db: Kysely<DB>, store: ObjectStore, downloadKey: string) {
  // The raw image is the body; its own size cap, far below the object store's.
  for (const type of IMAGE_TYPES) {
    app.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: PHOTO_MAX_BYTES }, (_req, body, done) => done(null, body));
  }

  const label = (action: 'put' | 'delete') => (action === 'put' ? '上传干部照片' : '删除干部照片');
  // Before the body is read: a live session, the right to change archives, and the cadre within reach.
  const gate = restGate(db, async ({ trx, ability }, req) => {
    if (!ability.can('update', 'Cadre')) return { status: 403, error: 'FORBIDDEN', message: '无权执行此操作', kind: 'denied' };
    const cadre = await findCadre(trx, (req.params as { id: string }).id);
    if (!cadre || !ability.can('update', asSubject('Cadre', { ...cadre }))) return { status: 404, error: 'NOT_FOUND', message: '干部不存在', kind: 'write' };
    return null;
  });

  const handle = (req: FastifyRequest, reply: FastifyReply, action: 'put' | 'delete') =>
    withRestSession(db, req, reply, async (s) => {
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
        // The object first, then the row.
        key = newObjectKey(cadre.tenant_id, 'photo');
        await store.put(key, photo.jpeg, { contentType: 'image/jpeg' });
      }
      const old = cadre.photo_key;
      await trx.updateTable('cadre').set({ photo_key: key }).where('id', '=', cadre.id).execute();
      await s.commit({ kind: 'write', cadreIds: [cadre.id], summary: `${label(action)}：${cadre.name}` });
      // The replaced or deleted photo goes once the row no longer names it (its links die with it; a failure here
      // leaves it to the sweeper, which removes objects no row references).
      if (old && old !== key) await store.remove(old).catch((e) => req.log.warn({ err: e }, 'old photo not removed'));
      return reply.send({ ok: true });
    });

  app.put('/api/cadres/:id/photo', { config: { auditLabel: label('put') }, onRequest: gate }, (req, reply) => handle(req, reply, 'put'));
  app.delete('/api/cadres/:id/photo', { config: { auditLabel: label('delete') }, onRequest: gate }, (req, reply) => handle(req, reply, 'delete'));

  // The photo through its signed link (an <img> cannot send a bearer token): audited, then sent after commit.
  app.get('/api/cadres/:id/photo', { config: { auditLabel: '查看干部照片' } }, async (req, reply) => {
    reply.header('cache-control', 'private, no-store').header('x-content-type-options', 'nosniff');
    const { id } = req.params as { id: string };
    const q = (req.query ?? {}) as Record<string, unknown>;
    const gone = () => reply.code(404).send({ error: 'NOT_FOUND', message: '照片不存在或链接已失效' });
    const subject = verifyPhotoLink(downloadKey, id, q);
    if (!subject) return gone();
    let photoKey: string | null = null;
    // The link acts for the session it was issued to, which must still be live.
    await withRestSession(db, req, reply, async (s) => {
      const cadre = await findCadre(s.trx, id);
      if (!cadre?.photo_key || !s.ability.can('read', asSubject('Cadre', { ...cadre })) || photoVersion(cadre.photo_key) !== q.v) {
        return s.fail(404, 'NOT_FOUND', '照片不存在或链接已失效', { kind: 'read' });
      }
      photoKey = cadre.photo_key;
      await s.commit({ kind: 'read', cadreIds: [cadre.id], summary: `查看干部照片：${cadre.name}` });
      return null;
    }, { subject });
    if (reply.sent || !photoKey) return reply;
    // The transaction has ended: only now the object store and the client.
    const jpeg = await store.get(photoKey);
    if (!jpeg) return gone();
    return reply.header('content-type', 'image/jpeg').header('content-security-policy', "default-src 'none'; sandbox").send(jpeg);
  });
}
