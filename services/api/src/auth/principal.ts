// Who is calling: resolved per request from the access token and checked against the database — the account,
// its tenant and the named session must all still be live, so logout, disabling, role change and suspension
// take effect on the next request.
import { sql } from 'kysely';
import type { Tx } from '../db/scope.js';

export type Role = 'admin' | 'secadmin' | 'officer' | 'leader' | 'filler' | 'auditor';
export const ROLES: Role[] = ['admin', 'secadmin', 'officer', 'leader', 'filler', 'auditor'];
export const ROLE_LABELS: Record<Role, string> = {
  admin: '系统管理员', secadmin: '安全保密管理员', officer: '纪检干部', leader: '领导', filler: '填报员', auditor: '安全审计员',
};
/**
 * Roles that read archives or the access log, or approve such grants: granted only when a security administrator
 * of the tenant or an ancestor approves the request (modules/grants). The system administrator alone never obtains
 * one, not even by creating or resetting a security administrator whose activation code it holds.
 */
export const APPROVED_ROLES: readonly Role[] = ['secadmin', 'officer', 'leader', 'filler', 'auditor'];
export const needsApproval = (role: string) => (APPROVED_ROLES as readonly string[]).includes(role);
/**
 * The three administrators (三员: 系统管理员, 安全保密管理员, 安全审计员): their accounts are created and managed only
 * by the admin of a parent tenant, never by an admin of their own tenant.
 */
export const ADMINISTRATOR_ROLES: readonly Role[] = ['admin', 'secadmin', 'auditor'];

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

/** Load the session's user (active, tenant not suspended, session live) or null. Runs before any scope exists. */
export async function loadPrincipal(trx: Tx, token: TokenSubject): Promise<Principal | null> {
  const { rows } = await sql<{
    user_id: string; username: string; display_name: string; tenant_id: string; tenant_path: string;
    tenant_status: string; role: Role; status: string; must_change_password: boolean; session_live: boolean;
    unit_ids: string[] | null;
  }>`select * from auth_session(${token.userId}::uuid, ${token.sessionId}::uuid)`.execute(trx);
  const r = rows[0];
  if (!r || r.status !== 'active' || r.tenant_status !== 'active' || !r.session_live) return null;
  return {
    userId: r.user_id, username: r.username, displayName: r.display_name,
    tenantId: r.tenant_id, tenantPath: r.tenant_path, role: r.role, sessionId: token.sessionId,
    mustChangePassword: r.must_change_password,
    unitIds: r.role === 'filler' ? (r.unit_ids ?? []) : [],
  };
}
