// Who is calling: resolved per request from the access token and checked against the database — the account,
// its tenant and the named session must all still be live, so logout, disabling, role change and suspension
// take effect on the next request.
import { sql } from 'kysely';
import type { Tx } from '../db/scope.js';
import { APPROVED_ROLES, type Role } from '../../../../shared/roles.js';

// Roles, their labels and the approval/三员 sets are shared with the console (shared/roles.ts).
// APPROVED_ROLES are granted only when a security administrator of the tenant or an ancestor approves the request
// (modules/grants); the system administrator alone never obtains one, not even by creating or resetting a security
// administrator whose activation code it holds. ADMINISTRATOR_ROLES (三员) are managed only by a parent tenant's admin.
export { ADMINISTRATOR_ROLES, APPROVED_ROLES, ROLE_LABELS, ROLES, type Role } from '../../../../shared/roles.js';
export const needsApproval = (role: string) => (APPROVED_ROLES as readonly string[]).includes(role);

export interface Principal {
  userId: string;
  username: string;
  displayName: string;
  tenantId: string;
  tenantPath: string;
  role: Role;
  sessionId: string;
  mustChangePassword: boolean;
  /** A filler's reach: assigned units and every unit beneath them. Empty for other roles. */
  unitIds: string[];
}

/** What a verified access token says: the user and the session it belongs to. */
export interface AccessClaims { sub: string; sid: string; typ: 'access' }
export interface TokenSubject { userId: string; sessionId: string }

type SessionRow = {
  user_id: string; username: string; display_name: string; tenant_id: string; tenant_path: string;
  tenant_status: string; role: Role; status: string; must_change_password: boolean; session_live: boolean;
  unit_ids: string[] | null;
};

function principalOf(r: SessionRow | undefined, token: TokenSubject): Principal | null {
  if (!r || r.status !== 'active' || r.tenant_status !== 'active' || !r.session_live) return null;
  return {
    userId: r.user_id, username: r.username, displayName: r.display_name,
    tenantId: r.tenant_id, tenantPath: r.tenant_path, role: r.role, sessionId: token.sessionId,
    mustChangePassword: r.must_change_password,
    unitIds: r.role === 'filler' ? (r.unit_ids ?? []) : [],
  };
}

/** Load the session's user (active, tenant not suspended, session live) or null. Runs before any scope exists. */
export async function loadPrincipal(trx: Tx, token: TokenSubject): Promise<Principal | null> {
  const { rows } = await sql<SessionRow>`select * from auth_session(${token.userId}::uuid, ${token.sessionId}::uuid)`.execute(trx);
  return principalOf(rows[0], token);
}

/**
 * As loadPrincipal, and for a session that may act also set the transaction's scope to its tenant and mark the
 * session's activity — one statement (auth_session_open, 0018_request_session.sql). Nothing is set when it returns null.
 */
export async function openPrincipal(trx: Tx, token: TokenSubject): Promise<Principal | null> {
  const { rows } = await sql<SessionRow>`select * from auth_session_open(${token.userId}::uuid, ${token.sessionId}::uuid)`.execute(trx);
  return principalOf(rows[0], token);
}
