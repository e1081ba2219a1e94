// Who is calling: resolved per request from the access token and checked against the database.
import { sql } from 'kysely';
import type { Tx } from '../db/scope.js';

export type Role = 'admin' | 'officer' | 'leader' | 'filler' | 'auditor';
export const ROLES: Role[] = ['admin', 'officer', 'leader', 'filler', 'auditor'];

export interface Principal {
  userId: string;
  username: string;
  displayName: string;
  tenantId: string;
  tenantPath: string;
  role: Role;
}

export interface AccessClaims { sub: string; typ: 'access' }

/** Load the session's user (active, tenant not suspended) or null. Runs before any scope exists. */
export async function loadPrincipal(trx: Tx, userId: string): Promise<Principal | null> {
  const { rows } = await sql<{
    user_id: string; username: string; display_name: string; tenant_id: string; tenant_path: string;
    tenant_status: string; role: Role; status: string;
  }>`select * from auth_session(${userId}::uuid)`.execute(trx);
  const r = rows[0];
  if (!r || r.status !== 'active' || r.tenant_status !== 'active') return null;
  return {
    userId: r.user_id, username: r.username, displayName: r.display_name,
    tenantId: r.tenant_id, tenantPath: r.tenant_path, role: r.role,
  };
}
