// 系统管理's documents (tenants, users, role grants, security settings); their types are generated (web/src/gql,
// `npm run codegen -w web`) and named here as the pages use them.
import { graphql } from '../../gql';
import type {
  AdminTenantFieldsFragment, AdminUserFieldsFragment, AdminUsersQuery, CreateUserMutation, RoleGrantAlertsQuery,
  RoleGrantFieldsFragment, RoleGrantsQuery, SecuritySettingFieldsFragment, TenantSecurityQuery, TenantUnitsQuery,
} from '../../gql/graphql';

graphql(`fragment AdminTenantFields on Tenant { id code name kind kindLabel path parentId sortOrder status effectiveStatus }`);
graphql(`
  fragment RoleGrantFields on RoleGrant {
    id tenantId tenantCode tenantName userId username displayName role roleLabel previousRole previousRoleLabel
    newAccount reconfirmation unitNames status statusLabel requestedByName requestedAt decidedByName decidedAt reason canDecide
  }
`);
graphql(`
  fragment AdminUserFields on User {
    id username displayName role roleLabel status statusLabel locked lockedUntil failedLogins lastLoginAt lastLoginIp
    mustChangePassword activationPending activationExpiresAt createdAt tenantId tenantCode tenantName unitIds
    pendingGrant { id role roleLabel unitNames requestedAt }
  }
`);
graphql(`
  fragment AccountActivationFields on AccountActivation {
    activationCode expiresAt user { ...AdminUserFields } grant { id roleLabel status }
  }
`);
graphql(`fragment SecuritySettingFields on SecuritySetting { value own inherited sourceTenantName floor stricter min max label }`);
graphql(`
  fragment SecuritySettingsFields on SecuritySettings {
    tenantId
    lockoutThreshold { ...SecuritySettingFields }
    lockoutMinutes { ...SecuritySettingFields }
    passwordMinLength { ...SecuritySettingFields }
    passwordMinClasses { ...SecuritySettingFields }
    idleTimeoutMinutes { ...SecuritySettingFields }
  }
`);

export const AdminTenantsDocument = graphql(`query AdminTenants { tenants { ...AdminTenantFields } }`);

export const CreateTenantDocument = graphql(`
  mutation CreateTenant($input: TenantInput!) { createTenant(input: $input) { ...AdminTenantFields } }
`);
export const UpdateTenantDocument = graphql(`
  mutation UpdateTenant($id: ID!, $name: String, $sortOrder: Int) { updateTenant(id: $id, name: $name, sortOrder: $sortOrder) { ...AdminTenantFields } }
`);
export const MoveTenantDocument = graphql(`
  mutation MoveTenant($id: ID!, $parentId: ID!) { moveTenant(id: $id, parentId: $parentId) { ...AdminTenantFields } }
`);
export const SetTenantStatusDocument = graphql(`
  mutation SetTenantStatus($id: ID!, $status: String!) { setTenantStatus(id: $id, status: $status) { ...AdminTenantFields } }
`);

export const AdminUsersDocument = graphql(`
  query AdminUsers($tenantId: ID, $search: String, $role: String, $first: Int, $offset: Int) {
    users(tenantId: $tenantId, search: $search, role: $role, first: $first, offset: $offset) {
      totalCount
      edges { node { ...AdminUserFields } }
    }
  }
`);
export const CreateUserDocument = graphql(`mutation CreateUser($input: UserInput!) { createUser(input: $input) { ...AccountActivationFields } }`);
export const UpdateUserDocument = graphql(`mutation UpdateUser($id: ID!, $input: UserPatch!) { updateUser(id: $id, input: $input) { ...AdminUserFields } }`);
export const SetUserStatusDocument = graphql(`mutation SetUserStatus($id: ID!, $status: String!) { setUserStatus(id: $id, status: $status) { ...AdminUserFields } }`);
export const UnlockUserDocument = graphql(`mutation UnlockUser($id: ID!) { unlockUser(id: $id) { ...AdminUserFields } }`);
export const ResetUserPasswordDocument = graphql(`mutation ResetUserPassword($id: ID!) { resetUserPassword(id: $id) { ...AccountActivationFields } }`);

export const RoleGrantsDocument = graphql(`
  query RoleGrants($status: String, $tenantId: ID, $first: Int, $offset: Int) {
    roleGrants(status: $status, tenantId: $tenantId, first: $first, offset: $offset) { totalCount edges { node { ...RoleGrantFields } } }
  }
`);
export const ApproveRoleGrantDocument = graphql(`mutation ApproveRoleGrant($id: ID!) { approveRoleGrant(id: $id) { ...RoleGrantFields } }`);
export const RejectRoleGrantDocument = graphql(`
  mutation RejectRoleGrant($id: ID!, $reason: String!) { rejectRoleGrant(id: $id, reason: $reason) { ...RoleGrantFields } }
`);
export const RoleGrantAlertsDocument = graphql(`
  query RoleGrantAlerts($days: Int) {
    roleGrantAlerts(days: $days) { summary firstLoginAt readCount cadreCount lastReadAt grant { ...RoleGrantFields } }
  }
`);

export const TenantUnitsDocument = graphql(`query TenantUnits($tenantCode: String) { units(tenantCode: $tenantCode) { id name pinyin parentId sortOrder } }`);

export const TenantSecurityDocument = graphql(`
  query TenantSecurity($tenantId: ID!) { tenantSecurity(tenantId: $tenantId) { ...SecuritySettingsFields } }
`);
export const UpdateTenantSecurityDocument = graphql(`
  mutation UpdateTenantSecurity($tenantId: ID!, $input: SecuritySettingsInput!) {
    updateTenantSecurity(tenantId: $tenantId, input: $input) { ...SecuritySettingsFields }
  }
`);

/** What 系统管理's mutations change, fetched again after them (the cadre ledger's and the access log's tenant
 * directories too). */
export const AFFECTS = {
  tenants: [AdminTenantsDocument, 'Tenants', 'AuditTenants'],
  users: [AdminUsersDocument, RoleGrantsDocument],
  grants: [RoleGrantsDocument, AdminUsersDocument],
};

/** A tenant as 系统管理 shows it: `status` is set on it, `effectiveStatus` is suspended when an ancestor is. */
export type AdminTenant = AdminTenantFieldsFragment;
export type AdminUser = AdminUserFieldsFragment;
export type UserPage = AdminUsersQuery['users'];
export type UnitOption = TenantUnitsQuery['units'][number];
/** What createUser and resetUserPassword answer: the code is shown once. */
export type AccountActivation = NonNullable<CreateUserMutation['createUser']>;
export type RoleGrant = RoleGrantFieldsFragment;
export type RoleGrantPage = RoleGrantsQuery['roleGrants'];
export type RoleGrantAlert = RoleGrantAlertsQuery['roleGrantAlerts'][number];

export const SETTING_KEYS = ['lockoutThreshold', 'lockoutMinutes', 'passwordMinLength', 'passwordMinClasses', 'idleTimeoutMinutes'] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];
/** One setting; `stricter` says which way is stricter (lower: a smaller value is stricter; higher: a larger one). */
export type SecuritySetting = SecuritySettingFieldsFragment;
export type SecuritySettings = NonNullable<TenantSecurityQuery['tenantSecurity']> & Record<SettingKey, SecuritySetting>;
