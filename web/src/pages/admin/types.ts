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
  status: string;
  locked: boolean;
  lockedUntil: string | null;
  failedLogins: number;
  lastLoginAt: string | null;
  lastLoginIp: string | null;
  mustChangePassword: boolean;
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
  min: number;
  max: number;
  label: string;
}

export const SETTING_KEYS = ['lockoutThreshold', 'lockoutMinutes', 'passwordMinLength', 'passwordMinClasses', 'idleTimeoutMinutes'] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];

export type SecuritySettings = { tenantId: string } & Record<SettingKey, SecuritySetting>;
