// Roles and their Chinese labels (三员分立: 系统管理员 admin, 安全保密管理员 secadmin, 安全审计员 auditor).
// What a role may do is decided by the server's authz module (docs/), not here.

export type Role = 'admin' | 'secadmin' | 'officer' | 'leader' | 'filler' | 'auditor';
export const ROLES: Role[] = ['admin', 'secadmin', 'officer', 'leader', 'filler', 'auditor'];
export const ROLE_LABELS: Record<Role, string> = {
  admin: '系统管理员', secadmin: '安全保密管理员', officer: '纪检干部', leader: '领导', filler: '填报员', auditor: '安全审计员',
};

/**
 * Roles that read archives or the access log, or approve such grants: granted only when a security administrator
 * of the tenant or an ancestor approves the request. The system administrator alone never obtains one.
 */
export const APPROVED_ROLES: readonly Role[] = ['secadmin', 'officer', 'leader', 'filler', 'auditor'];

/**
 * The three administrators (三员): their accounts are created and managed only by the admin of a parent tenant,
 * never by an admin of their own tenant.
 */
export const ADMINISTRATOR_ROLES: readonly Role[] = ['admin', 'secadmin', 'auditor'];

/** A login name is 机构代码.账户名; the account-name part: 2–32 lower-case letters, digits, '_' or '-'. */
export const LOGIN_NAME_RE = /^[a-z0-9][a-z0-9_-]{1,31}$/;
