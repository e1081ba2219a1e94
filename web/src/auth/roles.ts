// Role names and labels for the 用户管理 forms (shared with the server: shared/roles.ts). What a role may do is not
// decided here: the console follows `me.permissions` (auth/permissions.ts), which the API derives from the same
// rules it enforces. 三员分立: 系统管理员 (admin), 安全保密管理员 (secadmin), 安全审计员 (auditor).
import { ADMINISTRATOR_ROLES as ADMINISTRATORS, APPROVED_ROLES as APPROVED, ROLE_LABELS, type Role } from '@shared/roles';

export const ROLE_DESCRIPTIONS: Record<string, string> = {
  admin: '管理本级及下级机构、单位和用户账户，不能查看干部档案，不能授予查看档案的角色；只能由上级机构的系统管理员设置',
  secadmin: '审批角色授权、维护安全设置，不能查看档案，不能新建账户；只能由上级机构的系统管理员设置（须经安全保密管理员审批）',
  officer: '查看、录入和维护可见范围内的干部档案（须经安全保密管理员审批）',
  leader: '查看可见范围内的干部档案（须经安全保密管理员审批）',
  filler: '仅为指定单位录入干部档案（须经安全保密管理员审批）',
  auditor: '查阅访问日志和授权记录（须经安全保密管理员审批；只能由上级机构的系统管理员设置）',
};

/** The three administrators (三员): managed only by the system administrator of a parent tenant. */
export const ADMINISTRATOR_ROLES: readonly string[] = ADMINISTRATORS;

/** Roles that take effect only when a security administrator approves them. */
export const APPROVED_ROLES: readonly string[] = APPROVED;

export const roleLabel = (role: string) => ROLE_LABELS[role as Role] ?? role;
/** The forms list the archive roles first, then the three administrators. */
const FORM_ORDER: Role[] = ['officer', 'leader', 'filler', 'admin', 'secadmin', 'auditor'];
export const ROLE_OPTIONS = FORM_ORDER.map((value) => ({ value, label: ROLE_LABELS[value] }));
