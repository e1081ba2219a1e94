/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation ActivateAccount($username: String!, $code: String!, $newPassword: String!) {\n    activateAccount(username: $username, code: $code, newPassword: $newPassword) { username ready message }\n  }\n": typeof types.ActivateAccountDocument,
    "\n  query Me {\n    me { id username displayName roles roleLabel mustChangePassword permissions passwordRule tenant { id code name kindLabel path } }\n  }\n": typeof types.MeDocument,
    "\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) { accessToken expiresIn refreshToken mustChangePassword }\n  }\n": typeof types.LoginDocument,
    "mutation Logout { logout }": typeof types.LogoutDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n": typeof types.ChangePasswordDocument,
    "\n  query CodeTable($n: [String!]) { codeTables(names: $n) { name title items { code label abbr parent initials pinyin } } }\n": typeof types.CodeTableDocument,
    "fragment AdminTenantFields on Tenant { id code name kind kindLabel path parentId sortOrder status effectiveStatus }": typeof types.AdminTenantFieldsFragmentDoc,
    "\n  fragment RoleGrantFields on RoleGrant {\n    id tenantId tenantCode tenantName userId username displayName role roleLabel previousRole previousRoleLabel\n    newAccount reconfirmation unitNames status statusLabel requestedByName requestedAt decidedByName decidedAt reason canDecide\n  }\n": typeof types.RoleGrantFieldsFragmentDoc,
    "\n  fragment AdminUserFields on User {\n    id username displayName role roleLabel status statusLabel locked lockedUntil failedLogins lastLoginAt lastLoginIp\n    mustChangePassword activationPending activationExpiresAt createdAt tenantId tenantCode tenantName unitIds\n    pendingGrant { id role roleLabel unitNames requestedAt }\n  }\n": typeof types.AdminUserFieldsFragmentDoc,
    "\n  fragment AccountActivationFields on AccountActivation {\n    activationCode expiresAt user { ...AdminUserFields } grant { id roleLabel status }\n  }\n": typeof types.AccountActivationFieldsFragmentDoc,
    "fragment SecuritySettingFields on SecuritySetting { value own inherited sourceTenantName floor stricter min max label }": typeof types.SecuritySettingFieldsFragmentDoc,
    "\n  fragment SecuritySettingsFields on SecuritySettings {\n    tenantId\n    lockoutThreshold { ...SecuritySettingFields }\n    lockoutMinutes { ...SecuritySettingFields }\n    passwordMinLength { ...SecuritySettingFields }\n    passwordMinClasses { ...SecuritySettingFields }\n    idleTimeoutMinutes { ...SecuritySettingFields }\n  }\n": typeof types.SecuritySettingsFieldsFragmentDoc,
    "query AdminTenants { tenants { ...AdminTenantFields } }": typeof types.AdminTenantsDocument,
    "\n  mutation CreateTenant($input: TenantInput!) { createTenant(input: $input) { ...AdminTenantFields } }\n": typeof types.CreateTenantDocument,
    "\n  mutation UpdateTenant($id: ID!, $name: String, $sortOrder: Int) { updateTenant(id: $id, name: $name, sortOrder: $sortOrder) { ...AdminTenantFields } }\n": typeof types.UpdateTenantDocument,
    "\n  mutation MoveTenant($id: ID!, $parentId: ID!) { moveTenant(id: $id, parentId: $parentId) { ...AdminTenantFields } }\n": typeof types.MoveTenantDocument,
    "\n  mutation SetTenantStatus($id: ID!, $status: String!) { setTenantStatus(id: $id, status: $status) { ...AdminTenantFields } }\n": typeof types.SetTenantStatusDocument,
    "\n  query AdminUsers($tenantId: ID, $search: String, $role: String, $first: Int, $offset: Int) {\n    users(tenantId: $tenantId, search: $search, role: $role, first: $first, offset: $offset) {\n      totalCount\n      edges { node { ...AdminUserFields } }\n    }\n  }\n": typeof types.AdminUsersDocument,
    "mutation CreateUser($input: UserInput!) { createUser(input: $input) { ...AccountActivationFields } }": typeof types.CreateUserDocument,
    "mutation UpdateUser($id: ID!, $input: UserPatch!) { updateUser(id: $id, input: $input) { ...AdminUserFields } }": typeof types.UpdateUserDocument,
    "mutation SetUserStatus($id: ID!, $status: String!) { setUserStatus(id: $id, status: $status) { ...AdminUserFields } }": typeof types.SetUserStatusDocument,
    "mutation UnlockUser($id: ID!) { unlockUser(id: $id) { ...AdminUserFields } }": typeof types.UnlockUserDocument,
    "mutation ResetUserPassword($id: ID!) { resetUserPassword(id: $id) { ...AccountActivationFields } }": typeof types.ResetUserPasswordDocument,
    "\n  query RoleGrants($status: String, $tenantId: ID, $first: Int, $offset: Int) {\n    roleGrants(status: $status, tenantId: $tenantId, first: $first, offset: $offset) { totalCount edges { node { ...RoleGrantFields } } }\n  }\n": typeof types.RoleGrantsDocument,
    "mutation ApproveRoleGrant($id: ID!) { approveRoleGrant(id: $id) { ...RoleGrantFields } }": typeof types.ApproveRoleGrantDocument,
    "\n  mutation RejectRoleGrant($id: ID!, $reason: String!) { rejectRoleGrant(id: $id, reason: $reason) { ...RoleGrantFields } }\n": typeof types.RejectRoleGrantDocument,
    "\n  query RoleGrantAlerts($days: Int) {\n    roleGrantAlerts(days: $days) { summary firstLoginAt readCount cadreCount lastReadAt grant { ...RoleGrantFields } }\n  }\n": typeof types.RoleGrantAlertsDocument,
    "query TenantUnits($tenantCode: String) { units(tenantCode: $tenantCode) { id name pinyin parentId sortOrder } }": typeof types.TenantUnitsDocument,
    "\n  query TenantSecurity($tenantId: ID!) { tenantSecurity(tenantId: $tenantId) { ...SecuritySettingsFields } }\n": typeof types.TenantSecurityDocument,
    "\n  mutation UpdateTenantSecurity($tenantId: ID!, $input: SecuritySettingsInput!) {\n    updateTenantSecurity(tenantId: $tenantId, input: $input) { ...SecuritySettingsFields }\n  }\n": typeof types.UpdateTenantSecurityDocument,
    "\n  query CadreProfile($id: ID!) {\n    cadre(id: $id) {\n      id version idNumber idNumberMasked photoUrl\n      name sex birthMonth ethnicity nativePlace birthPlace partyJoin workStart health politicalStatus professionalTitle\n      specialty education eduFtLevel eduFtDegree eduFtLevelSchool eduFtDegreeSchool eduPtLevel eduPtDegree\n      eduPtLevelSchool eduPtDegreeSchool position rank status managementLevel sortOrder proposedPosition\n      proposedRemoval rewards assessmentSummary appointmentReason reportingUnit\n      appointments { kind position decidedOn approver documentNo }\n      resume { startMonth endMonth content }\n      family { relation name birthMonth politicalStatus workPosition }\n      history { version action actorName at changes { label from to } }\n    }\n  }\n": typeof types.CadreProfileDocument,
    "\n  mutation UpdateCadre($id: ID!, $version: Int!, $input: CadrePatch!) {\n    updateCadre(id: $id, version: $version, input: $input) { id version }\n  }\n": typeof types.UpdateCadreDocument,
    "\n  query RecordCategories {\n    recordCategories { id key title short restricted fields { name label type required options max wide } }\n  }\n": typeof types.RecordCategoriesDocument,
    "\n  query AuditEvents($first: Int, $offset: Int, $filter: AuditFilter) {\n    auditEvents(first: $first, offset: $offset, filter: $filter) {\n      totalCount\n      edges {\n        node {\n          id seq at tenantCode tenantName username summary operation kind kindLabel outcome outcomeLabel\n          clientIp requestId cadreIds detail hash\n        }\n      }\n    }\n  }\n": typeof types.AuditEventsDocument,
    "\n  query AuditCount($filter: AuditFilter) { auditEvents(first: 0, filter: $filter) { totalCount } }\n": typeof types.AuditCountDocument,
    "\n  mutation PurgeAuditEvents($days: Int!) { purgeAuditEvents(olderThanDays: $days) }\n": typeof types.PurgeAuditEventsDocument,
    "\n  query AuditTenants { tenants { id code name kind kindLabel path parentId sortOrder status effectiveStatus } }\n": typeof types.AuditTenantsDocument,
    "\n  query Tenants {\n    tenants { id code name pinyin kind kindLabel sortOrder parentId }\n  }\n": typeof types.TenantsDocument,
    "\n  query Units {\n    units { id name pinyin parentId sortOrder cadreCount tenant { id } }\n  }\n": typeof types.UnitsDocument,
    "\n  query Cadres($first: Int, $after: String, $offset: Int, $filter: CadreFilter) {\n    cadres(first: $first, after: $after, offset: $offset, filter: $filter) {\n      totalCount\n      totalCountIsEstimate\n      pageInfo { hasNextPage endCursor }\n      edges {\n        cursor\n        node {\n          id name sex birthMonth ethnicity nativePlace education position rank status sortOrder\n          tenant { id code name }\n          unit { id name }\n        }\n      }\n    }\n  }\n": typeof types.CadresDocument,
    "query ImportUnits { units { id name parentId sortOrder tenant { id } } }": typeof types.ImportUnitsDocument,
};
const documents: Documents = {
    "\n  mutation ActivateAccount($username: String!, $code: String!, $newPassword: String!) {\n    activateAccount(username: $username, code: $code, newPassword: $newPassword) { username ready message }\n  }\n": types.ActivateAccountDocument,
    "\n  query Me {\n    me { id username displayName roles roleLabel mustChangePassword permissions passwordRule tenant { id code name kindLabel path } }\n  }\n": types.MeDocument,
    "\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) { accessToken expiresIn refreshToken mustChangePassword }\n  }\n": types.LoginDocument,
    "mutation Logout { logout }": types.LogoutDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n": types.ChangePasswordDocument,
    "\n  query CodeTable($n: [String!]) { codeTables(names: $n) { name title items { code label abbr parent initials pinyin } } }\n": types.CodeTableDocument,
    "fragment AdminTenantFields on Tenant { id code name kind kindLabel path parentId sortOrder status effectiveStatus }": types.AdminTenantFieldsFragmentDoc,
    "\n  fragment RoleGrantFields on RoleGrant {\n    id tenantId tenantCode tenantName userId username displayName role roleLabel previousRole previousRoleLabel\n    newAccount reconfirmation unitNames status statusLabel requestedByName requestedAt decidedByName decidedAt reason canDecide\n  }\n": types.RoleGrantFieldsFragmentDoc,
    "\n  fragment AdminUserFields on User {\n    id username displayName role roleLabel status statusLabel locked lockedUntil failedLogins lastLoginAt lastLoginIp\n    mustChangePassword activationPending activationExpiresAt createdAt tenantId tenantCode tenantName unitIds\n    pendingGrant { id role roleLabel unitNames requestedAt }\n  }\n": types.AdminUserFieldsFragmentDoc,
    "\n  fragment AccountActivationFields on AccountActivation {\n    activationCode expiresAt user { ...AdminUserFields } grant { id roleLabel status }\n  }\n": types.AccountActivationFieldsFragmentDoc,
    "fragment SecuritySettingFields on SecuritySetting { value own inherited sourceTenantName floor stricter min max label }": types.SecuritySettingFieldsFragmentDoc,
    "\n  fragment SecuritySettingsFields on SecuritySettings {\n    tenantId\n    lockoutThreshold { ...SecuritySettingFields }\n    lockoutMinutes { ...SecuritySettingFields }\n    passwordMinLength { ...SecuritySettingFields }\n    passwordMinClasses { ...SecuritySettingFields }\n    idleTimeoutMinutes { ...SecuritySettingFields }\n  }\n": types.SecuritySettingsFieldsFragmentDoc,
    "query AdminTenants { tenants { ...AdminTenantFields } }": types.AdminTenantsDocument,
    "\n  mutation CreateTenant($input: TenantInput!) { createTenant(input: $input) { ...AdminTenantFields } }\n": types.CreateTenantDocument,
    "\n  mutation UpdateTenant($id: ID!, $name: String, $sortOrder: Int) { updateTenant(id: $id, name: $name, sortOrder: $sortOrder) { ...AdminTenantFields } }\n": types.UpdateTenantDocument,
    "\n  mutation MoveTenant($id: ID!, $parentId: ID!) { moveTenant(id: $id, parentId: $parentId) { ...AdminTenantFields } }\n": types.MoveTenantDocument,
    "\n  mutation SetTenantStatus($id: ID!, $status: String!) { setTenantStatus(id: $id, status: $status) { ...AdminTenantFields } }\n": types.SetTenantStatusDocument,
    "\n  query AdminUsers($tenantId: ID, $search: String, $role: String, $first: Int, $offset: Int) {\n    users(tenantId: $tenantId, search: $search, role: $role, first: $first, offset: $offset) {\n      totalCount\n      edges { node { ...AdminUserFields } }\n    }\n  }\n": types.AdminUsersDocument,
    "mutation CreateUser($input: UserInput!) { createUser(input: $input) { ...AccountActivationFields } }": types.CreateUserDocument,
    "mutation UpdateUser($id: ID!, $input: UserPatch!) { updateUser(id: $id, input: $input) { ...AdminUserFields } }": types.UpdateUserDocument,
    "mutation SetUserStatus($id: ID!, $status: String!) { setUserStatus(id: $id, status: $status) { ...AdminUserFields } }": types.SetUserStatusDocument,
    "mutation UnlockUser($id: ID!) { unlockUser(id: $id) { ...AdminUserFields } }": types.UnlockUserDocument,
    "mutation ResetUserPassword($id: ID!) { resetUserPassword(id: $id) { ...AccountActivationFields } }": types.ResetUserPasswordDocument,
    "\n  query RoleGrants($status: String, $tenantId: ID, $first: Int, $offset: Int) {\n    roleGrants(status: $status, tenantId: $tenantId, first: $first, offset: $offset) { totalCount edges { node { ...RoleGrantFields } } }\n  }\n": types.RoleGrantsDocument,
    "mutation ApproveRoleGrant($id: ID!) { approveRoleGrant(id: $id) { ...RoleGrantFields } }": types.ApproveRoleGrantDocument,
    "\n  mutation RejectRoleGrant($id: ID!, $reason: String!) { rejectRoleGrant(id: $id, reason: $reason) { ...RoleGrantFields } }\n": types.RejectRoleGrantDocument,
    "\n  query RoleGrantAlerts($days: Int) {\n    roleGrantAlerts(days: $days) { summary firstLoginAt readCount cadreCount lastReadAt grant { ...RoleGrantFields } }\n  }\n": types.RoleGrantAlertsDocument,
    "query TenantUnits($tenantCode: String) { units(tenantCode: $tenantCode) { id name pinyin parentId sortOrder } }": types.TenantUnitsDocument,
    "\n  query TenantSecurity($tenantId: ID!) { tenantSecurity(tenantId: $tenantId) { ...SecuritySettingsFields } }\n": types.TenantSecurityDocument,
    "\n  mutation UpdateTenantSecurity($tenantId: ID!, $input: SecuritySettingsInput!) {\n    updateTenantSecurity(tenantId: $tenantId, input: $input) { ...SecuritySettingsFields }\n  }\n": types.UpdateTenantSecurityDocument,
    "\n  query CadreProfile($id: ID!) {\n    cadre(id: $id) {\n      id version idNumber idNumberMasked photoUrl\n      name sex birthMonth ethnicity nativePlace birthPlace partyJoin workStart health politicalStatus professionalTitle\n      specialty education eduFtLevel eduFtDegree eduFtLevelSchool eduFtDegreeSchool eduPtLevel eduPtDegree\n      eduPtLevelSchool eduPtDegreeSchool position rank status managementLevel sortOrder proposedPosition\n      proposedRemoval rewards assessmentSummary appointmentReason reportingUnit\n      appointments { kind position decidedOn approver documentNo }\n      resume { startMonth endMonth content }\n      family { relation name birthMonth politicalStatus workPosition }\n      history { version action actorName at changes { label from to } }\n    }\n  }\n": types.CadreProfileDocument,
    "\n  mutation UpdateCadre($id: ID!, $version: Int!, $input: CadrePatch!) {\n    updateCadre(id: $id, version: $version, input: $input) { id version }\n  }\n": types.UpdateCadreDocument,
    "\n  query RecordCategories {\n    recordCategories { id key title short restricted fields { name label type required options max wide } }\n  }\n": types.RecordCategoriesDocument,
    "\n  query AuditEvents($first: Int, $offset: Int, $filter: AuditFilter) {\n    auditEvents(first: $first, offset: $offset, filter: $filter) {\n      totalCount\n      edges {\n        node {\n          id seq at tenantCode tenantName username summary operation kind kindLabel outcome outcomeLabel\n          clientIp requestId cadreIds detail hash\n        }\n      }\n    }\n  }\n": types.AuditEventsDocument,
    "\n  query AuditCount($filter: AuditFilter) { auditEvents(first: 0, filter: $filter) { totalCount } }\n": types.AuditCountDocument,
    "\n  mutation PurgeAuditEvents($days: Int!) { purgeAuditEvents(olderThanDays: $days) }\n": types.PurgeAuditEventsDocument,
    "\n  query AuditTenants { tenants { id code name kind kindLabel path parentId sortOrder status effectiveStatus } }\n": types.AuditTenantsDocument,
    "\n  query Tenants {\n    tenants { id code name pinyin kind kindLabel sortOrder parentId }\n  }\n": types.TenantsDocument,
    "\n  query Units {\n    units { id name pinyin parentId sortOrder cadreCount tenant { id } }\n  }\n": types.UnitsDocument,
    "\n  query Cadres($first: Int, $after: String, $offset: Int, $filter: CadreFilter) {\n    cadres(first: $first, after: $after, offset: $offset, filter: $filter) {\n      totalCount\n      totalCountIsEstimate\n      pageInfo { hasNextPage endCursor }\n      edges {\n        cursor\n        node {\n          id name sex birthMonth ethnicity nativePlace education position rank status sortOrder\n          tenant { id code name }\n          unit { id name }\n        }\n      }\n    }\n  }\n": types.CadresDocument,
    "query ImportUnits { units { id name parentId sortOrder tenant { id } } }": types.ImportUnitsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ActivateAccount($username: String!, $code: String!, $newPassword: String!) {\n    activateAccount(username: $username, code: $code, newPassword: $newPassword) { username ready message }\n  }\n"): typeof import('./graphql').ActivateAccountDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me { id username displayName roles roleLabel mustChangePassword permissions passwordRule tenant { id code name kindLabel path } }\n  }\n"): typeof import('./graphql').MeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) { accessToken expiresIn refreshToken mustChangePassword }\n  }\n"): typeof import('./graphql').LoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Logout { logout }"): typeof import('./graphql').LogoutDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n"): typeof import('./graphql').ChangePasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CodeTable($n: [String!]) { codeTables(names: $n) { name title items { code label abbr parent initials pinyin } } }\n"): typeof import('./graphql').CodeTableDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment AdminTenantFields on Tenant { id code name kind kindLabel path parentId sortOrder status effectiveStatus }"): typeof import('./graphql').AdminTenantFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RoleGrantFields on RoleGrant {\n    id tenantId tenantCode tenantName userId username displayName role roleLabel previousRole previousRoleLabel\n    newAccount reconfirmation unitNames status statusLabel requestedByName requestedAt decidedByName decidedAt reason canDecide\n  }\n"): typeof import('./graphql').RoleGrantFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminUserFields on User {\n    id username displayName role roleLabel status statusLabel locked lockedUntil failedLogins lastLoginAt lastLoginIp\n    mustChangePassword activationPending activationExpiresAt createdAt tenantId tenantCode tenantName unitIds\n    pendingGrant { id role roleLabel unitNames requestedAt }\n  }\n"): typeof import('./graphql').AdminUserFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AccountActivationFields on AccountActivation {\n    activationCode expiresAt user { ...AdminUserFields } grant { id roleLabel status }\n  }\n"): typeof import('./graphql').AccountActivationFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment SecuritySettingFields on SecuritySetting { value own inherited sourceTenantName floor stricter min max label }"): typeof import('./graphql').SecuritySettingFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SecuritySettingsFields on SecuritySettings {\n    tenantId\n    lockoutThreshold { ...SecuritySettingFields }\n    lockoutMinutes { ...SecuritySettingFields }\n    passwordMinLength { ...SecuritySettingFields }\n    passwordMinClasses { ...SecuritySettingFields }\n    idleTimeoutMinutes { ...SecuritySettingFields }\n  }\n"): typeof import('./graphql').SecuritySettingsFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AdminTenants { tenants { ...AdminTenantFields } }"): typeof import('./graphql').AdminTenantsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateTenant($input: TenantInput!) { createTenant(input: $input) { ...AdminTenantFields } }\n"): typeof import('./graphql').CreateTenantDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateTenant($id: ID!, $name: String, $sortOrder: Int) { updateTenant(id: $id, name: $name, sortOrder: $sortOrder) { ...AdminTenantFields } }\n"): typeof import('./graphql').UpdateTenantDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MoveTenant($id: ID!, $parentId: ID!) { moveTenant(id: $id, parentId: $parentId) { ...AdminTenantFields } }\n"): typeof import('./graphql').MoveTenantDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetTenantStatus($id: ID!, $status: String!) { setTenantStatus(id: $id, status: $status) { ...AdminTenantFields } }\n"): typeof import('./graphql').SetTenantStatusDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminUsers($tenantId: ID, $search: String, $role: String, $first: Int, $offset: Int) {\n    users(tenantId: $tenantId, search: $search, role: $role, first: $first, offset: $offset) {\n      totalCount\n      edges { node { ...AdminUserFields } }\n    }\n  }\n"): typeof import('./graphql').AdminUsersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateUser($input: UserInput!) { createUser(input: $input) { ...AccountActivationFields } }"): typeof import('./graphql').CreateUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UpdateUser($id: ID!, $input: UserPatch!) { updateUser(id: $id, input: $input) { ...AdminUserFields } }"): typeof import('./graphql').UpdateUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SetUserStatus($id: ID!, $status: String!) { setUserStatus(id: $id, status: $status) { ...AdminUserFields } }"): typeof import('./graphql').SetUserStatusDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UnlockUser($id: ID!) { unlockUser(id: $id) { ...AdminUserFields } }"): typeof import('./graphql').UnlockUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ResetUserPassword($id: ID!) { resetUserPassword(id: $id) { ...AccountActivationFields } }"): typeof import('./graphql').ResetUserPasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RoleGrants($status: String, $tenantId: ID, $first: Int, $offset: Int) {\n    roleGrants(status: $status, tenantId: $tenantId, first: $first, offset: $offset) { totalCount edges { node { ...RoleGrantFields } } }\n  }\n"): typeof import('./graphql').RoleGrantsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ApproveRoleGrant($id: ID!) { approveRoleGrant(id: $id) { ...RoleGrantFields } }"): typeof import('./graphql').ApproveRoleGrantDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectRoleGrant($id: ID!, $reason: String!) { rejectRoleGrant(id: $id, reason: $reason) { ...RoleGrantFields } }\n"): typeof import('./graphql').RejectRoleGrantDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RoleGrantAlerts($days: Int) {\n    roleGrantAlerts(days: $days) { summary firstLoginAt readCount cadreCount lastReadAt grant { ...RoleGrantFields } }\n  }\n"): typeof import('./graphql').RoleGrantAlertsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TenantUnits($tenantCode: String) { units(tenantCode: $tenantCode) { id name pinyin parentId sortOrder } }"): typeof import('./graphql').TenantUnitsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TenantSecurity($tenantId: ID!) { tenantSecurity(tenantId: $tenantId) { ...SecuritySettingsFields } }\n"): typeof import('./graphql').TenantSecurityDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateTenantSecurity($tenantId: ID!, $input: SecuritySettingsInput!) {\n    updateTenantSecurity(tenantId: $tenantId, input: $input) { ...SecuritySettingsFields }\n  }\n"): typeof import('./graphql').UpdateTenantSecurityDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CadreProfile($id: ID!) {\n    cadre(id: $id) {\n      id version idNumber idNumberMasked photoUrl\n      name sex birthMonth ethnicity nativePlace birthPlace partyJoin workStart health politicalStatus professionalTitle\n      specialty education eduFtLevel eduFtDegree eduFtLevelSchool eduFtDegreeSchool eduPtLevel eduPtDegree\n      eduPtLevelSchool eduPtDegreeSchool position rank status managementLevel sortOrder proposedPosition\n      proposedRemoval rewards assessmentSummary appointmentReason reportingUnit\n      appointments { kind position decidedOn approver documentNo }\n      resume { startMonth endMonth content }\n      family { relation name birthMonth politicalStatus workPosition }\n      history { version action actorName at changes { label from to } }\n    }\n  }\n"): typeof import('./graphql').CadreProfileDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateCadre($id: ID!, $version: Int!, $input: CadrePatch!) {\n    updateCadre(id: $id, version: $version, input: $input) { id version }\n  }\n"): typeof import('./graphql').UpdateCadreDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RecordCategories {\n    recordCategories { id key title short restricted fields { name label type required options max wide } }\n  }\n"): typeof import('./graphql').RecordCategoriesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditEvents($first: Int, $offset: Int, $filter: AuditFilter) {\n    auditEvents(first: $first, offset: $offset, filter: $filter) {\n      totalCount\n      edges {\n        node {\n          id seq at tenantCode tenantName username summary operation kind kindLabel outcome outcomeLabel\n          clientIp requestId cadreIds detail hash\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').AuditEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditCount($filter: AuditFilter) { auditEvents(first: 0, filter: $filter) { totalCount } }\n"): typeof import('./graphql').AuditCountDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PurgeAuditEvents($days: Int!) { purgeAuditEvents(olderThanDays: $days) }\n"): typeof import('./graphql').PurgeAuditEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditTenants { tenants { id code name kind kindLabel path parentId sortOrder status effectiveStatus } }\n"): typeof import('./graphql').AuditTenantsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Tenants {\n    tenants { id code name pinyin kind kindLabel sortOrder parentId }\n  }\n"): typeof import('./graphql').TenantsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Units {\n    units { id name pinyin parentId sortOrder cadreCount tenant { id } }\n  }\n"): typeof import('./graphql').UnitsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Cadres($first: Int, $after: String, $offset: Int, $filter: CadreFilter) {\n    cadres(first: $first, after: $after, offset: $offset, filter: $filter) {\n      totalCount\n      totalCountIsEstimate\n      pageInfo { hasNextPage endCursor }\n      edges {\n        cursor\n        node {\n          id name sex birthMonth ethnicity nativePlace education position rank status sortOrder\n          tenant { id code name }\n          unit { id name }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').CadresDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ImportUnits { units { id name parentId sortOrder tenant { id } } }"): typeof import('./graphql').ImportUnitsDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
