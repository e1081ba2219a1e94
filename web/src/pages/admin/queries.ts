const TENANT_FIELDS = 'id code name kind kindLabel path parentId sortOrder status effectiveStatus';
const GRANT_FIELDS = `id tenantId tenantCode tenantName userId username displayName role roleLabel previousRole previousRoleLabel
  newAccount reconfirmation unitNames status statusLabel requestedByName requestedAt decidedByName decidedAt reason canDecide`;
const USER_FIELDS = `id username displayName role roleLabel status statusLabel locked lockedUntil failedLogins lastLoginAt lastLoginIp
  mustChangePassword activationPending activationExpiresAt createdAt tenantId tenantCode tenantName unitIds
  pendingGrant { id role roleLabel unitNames requestedAt }`;
const SETTING_FIELDS = 'value own inherited sourceTenantName floor stricter min max label';

export const ADMIN_TENANTS_QUERY = /* GraphQL */ `query AdminTenants { tenants { ${TENANT_FIELDS} } }`;

export const CREATE_TENANT = /* GraphQL */ `
  mutation CreateTenant($input: TenantInput!) { createTenant(input: $input) { ${TENANT_FIELDS} } }
`;
export const UPDATE_TENANT = /* GraphQL */ `
  mutation UpdateTenant($id: ID!, $name: String, $sortOrder: Int) { updateTenant(id: $id, name: $name, sortOrder: $sortOrder) { ${TENANT_FIELDS} } }
`;
export const MOVE_TENANT = /* GraphQL */ `
  mutation MoveTenant($id: ID!, $parentId: ID!) { moveTenant(id: $id, parentId: $parentId) { ${TENANT_FIELDS} } }
`;
export const SET_TENANT_STATUS = /* GraphQL */ `
  mutation SetTenantStatus($id: ID!, $status: String!) { setTenantStatus(id: $id, status: $status) { ${TENANT_FIELDS} } }
`;

export const USERS_QUERY = /* GraphQL */ `
  query AdminUsers($tenantId: ID, $search: String, $role: String, $first: Int, $offset: Int) {
    users(tenantId: $tenantId, search: $search, role: $role, first: $first, offset: $offset) {
      totalCount
      edges { node { ${USER_FIELDS} } }
    }
  }
`;
const ACTIVATION_FIELDS = `activationCode expiresAt user { ${USER_FIELDS} } grant { id roleLabel status }`;
export const CREATE_USER = /* GraphQL */ `mutation CreateUser($input: UserInput!) { createUser(input: $input) { ${ACTIVATION_FIELDS} } }`;
export const UPDATE_USER = /* GraphQL */ `mutation UpdateUser($id: ID!, $input: UserPatch!) { updateUser(id: $id, input: $input) { ${USER_FIELDS} } }`;
export const SET_USER_STATUS = /* GraphQL */ `mutation SetUserStatus($id: ID!, $status: String!) { setUserStatus(id: $id, status: $status) { ${USER_FIELDS} } }`;
export const UNLOCK_USER = /* GraphQL */ `mutation UnlockUser($id: ID!) { unlockUser(id: $id) { ${USER_FIELDS} } }`;
export const RESET_PASSWORD = /* GraphQL */ `mutation ResetUserPassword($id: ID!) { resetUserPassword(id: $id) { ${ACTIVATION_FIELDS} } }`;

export const ROLE_GRANTS_QUERY = /* GraphQL */ `
  query RoleGrants($status: String, $tenantId: ID, $first: Int, $offset: Int) {
    roleGrants(status: $status, tenantId: $tenantId, first: $first, offset: $offset) { totalCount edges { node { ${GRANT_FIELDS} } } }
  }
`;
export const APPROVE_ROLE_GRANT = /* GraphQL */ `mutation ApproveRoleGrant($id: ID!) { approveRoleGrant(id: $id) { ${GRANT_FIELDS} } }`;
export const REJECT_ROLE_GRANT = /* GraphQL */ `
  mutation RejectRoleGrant($id: ID!, $reason: String!) { rejectRoleGrant(id: $id, reason: $reason) { ${GRANT_FIELDS} } }
`;
export const ROLE_GRANT_ALERTS_QUERY = /* GraphQL */ `
  query RoleGrantAlerts($days: Int) {
    roleGrantAlerts(days: $days) { summary firstLoginAt readCount cadreCount lastReadAt grant { ${GRANT_FIELDS} } }
  }
`;
export const ACTIVATE_ACCOUNT = /* GraphQL */ `
  mutation ActivateAccount($username: String!, $code: String!, $newPassword: String!) {
    activateAccount(username: $username, code: $code, newPassword: $newPassword) { username ready message }
  }
`;

export const TENANT_UNITS_QUERY = /* GraphQL */ `query TenantUnits($tenantCode: String) { units(tenantCode: $tenantCode) { id name parentId sortOrder } }`;

const SETTINGS_SELECTION = `tenantId lockoutThreshold { ${SETTING_FIELDS} } lockoutMinutes { ${SETTING_FIELDS} }
  passwordMinLength { ${SETTING_FIELDS} } passwordMinClasses { ${SETTING_FIELDS} } idleTimeoutMinutes { ${SETTING_FIELDS} }`;

export const TENANT_SECURITY_QUERY = /* GraphQL */ `
  query TenantSecurity($tenantId: ID!) { tenantSecurity(tenantId: $tenantId) { ${SETTINGS_SELECTION} } }
`;
export const UPDATE_TENANT_SECURITY = /* GraphQL */ `
  mutation UpdateTenantSecurity($tenantId: ID!, $input: SecuritySettingsInput!) {
    updateTenantSecurity(tenantId: $tenantId, input: $input) { ${SETTINGS_SELECTION} }
  }
`;
