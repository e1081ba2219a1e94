// Login sessions. The refresh token is `<session id>.<secret>`; only the secret's SHA-256 is stored. Each refresh
// rotates the secret and keeps the old hash: presenting a superseded secret revokes the session (the token was
// copied). A secret the session never had is only refused: the session id is no secret (it sits in every access
// token), so a guess must not be able to log anyone out.
import crypto from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/types.js';
import { isUuid, withScope, type Tx } from '../db/scope.js';

export type RevokeReason = 'logout' | 'disabled' | 'role_changed' | 'password_reset' | 'password_changed'
  | 'tenant_suspended' | 'refresh_reuse';

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');
const newSecret = () => crypto.randomBytes(32).toString('base64url');

/** Open a session in the user's tenant; returns its id and the refresh token. */
export async function openSession(trx: Tx, a: { userId: string; tenantId: string; clientIp: string | null; ttlSeconds: number }) {
  const secret = newSecret();
  const row = await trx.insertInto('user_session').values({
    tenant_id: a.tenantId, user_id: a.userId, refresh_hash: sha256(secret), client_ip: a.clientIp,
    expires_at: sql<Date>`now() + make_interval(secs => ${a.ttlSeconds})`,
  }).returning('id').executeTakeFirstOrThrow();
  return { sessionId: row.id, refreshToken: `${row.id}.${secret}` };
}

// Activity is marked (at most every 15 seconds) as each request opens its session: auth_session_open
// (0018_request_session.sql, through auth/principal.ts openPrincipal).

/** End live sessions matching a condition (one statement for every way a session ends). */
function revokeWhere(trx: Tx, reason: RevokeReason) {
  return trx.updateTable('user_session').set({ revoked_at: sql<Date>`now()`, revoked_reason: reason }).where('revoked_at', 'is', null);
}

export async function revokeSession(trx: Tx, sessionId: string, reason: RevokeReason) {
  await revokeWhere(trx, reason).where('id', '=', sessionId).execute();
}

/** End a user's live sessions, except the one named (a password change keeps the session that made it). */
export async function revokeUserSessions(trx: Tx, userId: string, reason: RevokeReason, exceptSessionId?: string) {
  let q = revokeWhere(trx, reason).where('user_id', '=', userId);
  if (exceptSessionId) q = q.where('id', '<>', exceptSessionId);
  await q.execute();
}

/** End every live session of every user in the subtree at path. */
export async function revokeSubtreeSessions(trx: Tx, path: string, reason: RevokeReason) {
  await revokeWhere(trx, reason).where(sql<boolean>`tenant_id in (select id from tenant where path <@ ${path}::ltree)`).execute();
}

interface Who { userId?: string; username?: string; tenantId?: string; tenantPath?: string }
export type RefreshResult =
  | ({ ok: true; userId: string; sessionId: string; refreshToken: string; mustChangePassword: boolean } & Who)
  | ({ ok: false; reason: 'malformed' | 'unknown' | 'bad_secret' | 'expired' | 'reuse' | 'disabled' } & Who);

/** How many superseded secrets a session remembers (a 12-hour session refreshed every 15 minutes has 48). */
const SUPERSEDED_KEPT = 100;

/** Exchange a refresh token for a rotated one. */
export async function refreshSession(db: Kysely<DB>, token: string): Promise<RefreshResult> {
  const m = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{20,100})$/.exec(token.trim());
  if (!m || !isUuid(m[1])) return { ok: false, reason: 'malformed' };
  const [, sessionId, secret] = m;
  const s = await withScope(db, null, async (trx) => (await sql<{
    session_id: string; user_id: string; username: string; tenant_id: string; tenant_path: string; refresh_hash: string; live: boolean;
    user_status: string; tenant_status: string; must_change_password: boolean; superseded_hashes: string[] | null;
  }>`select * from auth_refresh_session(${sessionId}::uuid)`.execute(trx)).rows[0]);
  if (!s) return { ok: false, reason: 'unknown' };
  const who = { userId: s.user_id, username: s.username, tenantId: s.tenant_id, tenantPath: s.tenant_path };
  const hash = sha256(secret);
  const given = Buffer.from(hash), stored = Buffer.from(s.refresh_hash);
  if (given.length !== stored.length || !crypto.timingSafeEqual(given, stored)) {
    if (!(s.superseded_hashes ?? []).includes(hash)) return { ok: false, reason: 'bad_secret', ...who };
    await withScope(db, s.tenant_path, (trx) => revokeSession(trx, sessionId, 'refresh_reuse'));
    return { ok: false, reason: 'reuse', ...who };
  }
  if (s.user_status !== 'active' || s.tenant_status !== 'active') return { ok: false, reason: 'disabled', ...who };
  if (!s.live) return { ok: false, reason: 'expired', ...who };
  const next = newSecret();
  const updated = await withScope(db, s.tenant_path, async (trx) => trx.updateTable('user_session')
    .set({
      refresh_hash: sha256(next), last_seen_at: sql<Date>`now()`,
      superseded_hashes: sql<string[]>`(array_prepend(refresh_hash, superseded_hashes))[1:${sql.lit(SUPERSEDED_KEPT)}]`,
    })
    .where('id', '=', sessionId).where('refresh_hash', '=', s.refresh_hash).where('revoked_at', 'is', null)
    .executeTakeFirst());
  // A concurrent refresh won the race with the same secret: treat as reuse.
  if (Number(updated.numUpdatedRows) !== 1) return { ok: false, reason: 'reuse', ...who };
  return { ok: true, ...who, userId: s.user_id, sessionId, refreshToken: `${sessionId}.${next}`, mustChangePassword: s.must_change_password };
}
