export interface AdminTenant {
  id: string;
  code: string;
  name: string;
  kind: string;
  kindLabel: string;
  path: string;
  parentId: string | null;
  sortOrder: number;
  /** active | suspended (set on this tenant) */
  status: string;
  /** suspended when this tenant or an ancestor is suspended */
  effectiveStatus: string;
}

export interface AdminUser {
  id: string;
  username: string;
  displayName: string;
  role: string;
  roleLabel: string;
  /** active | disabled | pending (a new account whose role grant waits for approval) */
  status: string;
  statusLabel: string;
  locked: boolean;
  lockedUntil: string | null;
  failedLogins: number;
  lastLoginAt: string | null;
  lastLoginIp: string | null;
  mustChangePassword: boolean;
  /** A one-time activation code was issued and not used yet. */
  activationPending: boolean;
  activationExpiresAt: string | null;
  pendingGrant: { id: string; role: string; roleLabel: string; unitNames: string[]; requestedAt: string } | null;
  createdAt: string;
  tenantId: string;
  tenantCode: string;
  tenantName: string;
  unitIds: string[];
}

export interface UserPage {
  totalCount: number;
  edges: { node: AdminUser }[];
}

export interface UnitOption {
  id: string;
  name: string;
  parentId: string | null;
  sortOrder: number;
}

export interface SecuritySetting {
  value: number;
  own: number | null;
  inherited: boolean;
  sourceTenantName: string | null;
  /** The parent's effective value: this tenant may only be stricter. null at the root. */
  floor: number | null;
  /** lower: a smaller value is stricter; higher: a larger one. */
  stricter: 'lower' | 'higher';
  min: number;
  max: number;
  label: string;
}

export const SETTING_KEYS = ['lockoutThreshold', 'lockoutMinutes', 'passwordMinLength', 'passwordMinClasses', 'idleTimeoutMinutes'] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];

export type SecuritySettings = { tenantId: string } & Record<SettingKey, SecuritySetting>;

/** What createUser and resetUserPassword answer: the code is shown once. */
export interface AccountActivation {
  activationCode: string;
  expiresAt: string;
  user: AdminUser;
  grant: { id: string; roleLabel: string; status: string } | null;
}

export interface RoleGrant {
  id: string;
  tenantId: string;
  tenantCode: string;
  tenantName: string;
  userId: string;
  username: string;
  displayName: string;
  role: string;
  roleLabel: string;
  previousRole: string | null;
  previousRoleLabel: string | null;
  newAccount: boolean;
  /** Confirming the role again after a password reset. */
  reconfirmation: boolean;
  unitNames: string[];
  /** pending | approved | rejected | superseded */
  status: string;
  statusLabel: string;
  requestedByName: string;
  requestedAt: string;
  decidedByName: string | null;
  decidedAt: string | null;
  reason: string | null;
  canDecide: boolean;
}

export interface RoleGrantPage { totalCount: number; edges: { node: RoleGrant }[] }

export interface RoleGrantAlert {
  summary: string;
  firstLoginAt: string;
  readCount: number;
  cadreCount: number;
  lastReadAt: string;
  grant: RoleGrant;
}
