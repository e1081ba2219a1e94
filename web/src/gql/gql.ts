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
    "query PickerUnits { units { id name pinyin parentId sortOrder tenant { id } } }": typeof types.PickerUnitsDocument,
    "\n  query WorkCalendarYear($year: Int!) {\n    workCalendar(year: $year) { year covered notice days { date working kind name source updatedByName } }\n    workCalendarCoverage { from to years }\n  }\n": typeof types.WorkCalendarYearDocument,
    "\n  mutation SetWorkDay($date: String!, $working: Boolean!, $name: String) {\n    setWorkDay(date: $date, working: $working, name: $name) { date working kind name }\n  }\n": typeof types.SetWorkDayDocument,
    "mutation ClearWorkDay($date: String!) { clearWorkDay(date: $date) }": typeof types.ClearWorkDayDocument,
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
    "fragment AdminUnitFields on Unit { id name parentId sortOrder kind kindCode code retired retiredAt mergedIntoId cadreCount }": typeof types.AdminUnitFieldsFragmentDoc,
    "\n  query AdminUnits($tenantCode: String) { units(tenantCode: $tenantCode, includeRetired: true) { ...AdminUnitFields } }\n": typeof types.AdminUnitsDocument,
    "query UnitTenants { tenants { id code name parentId defaultImportUnit { id name } } }": typeof types.UnitTenantsDocument,
    "\n  mutation SetDefaultImportUnit($tenantId: ID!, $unitId: ID) { setDefaultImportUnit(tenantId: $tenantId, unitId: $unitId) { id defaultImportUnit { id name } } }\n": typeof types.SetDefaultImportUnitDocument,
    "\n  mutation CreateUnit($input: CreateUnitInput!) { createUnit(input: $input) { ...AdminUnitFields } }\n": typeof types.CreateUnitDocument,
    "\n  mutation UpdateUnit($id: ID!, $name: String, $kind: String, $code: String, $sortOrder: Int) {\n    updateUnit(id: $id, name: $name, kind: $kind, code: $code, sortOrder: $sortOrder) { ...AdminUnitFields }\n  }\n": typeof types.UpdateUnitDocument,
    "\n  mutation MoveUnit($id: ID!, $parentId: ID, $beforeId: ID) { moveUnit(id: $id, parentId: $parentId, beforeId: $beforeId) { ...AdminUnitFields } }\n": typeof types.MoveUnitDocument,
    "\n  mutation MergeUnits($fromId: ID!, $intoId: ID!) { mergeUnits(fromId: $fromId, intoId: $intoId) { ...AdminUnitFields } }\n": typeof types.MergeUnitsDocument,
    "mutation RetireUnit($id: ID!) { retireUnit(id: $id) { ...AdminUnitFields } }": typeof types.RetireUnitDocument,
    "mutation RestoreUnit($id: ID!) { restoreUnit(id: $id) { ...AdminUnitFields } }": typeof types.RestoreUnitDocument,
    "\n  query CadreLifecycle($id: ID!) {\n    cadre(id: $id) {\n      id name version status statusOn\n      unit { id name }\n      tenant { id }\n      unitHistory { id fromUnitName toUnitName movedOn actorName at }\n    }\n  }\n": typeof types.CadreLifecycleDocument,
    "\n  mutation MoveCadre($id: ID!, $unitId: ID!) { moveCadre(id: $id, unitId: $unitId) { id version unit { id name } } }\n": typeof types.MoveCadreDocument,
    "\n  mutation SetCadreStatus($id: ID!, $status: String!, $on: String!) { setCadreStatus(id: $id, status: $status, on: $on) { id version status statusOn } }\n": typeof types.SetCadreStatusDocument,
    "\n  mutation DeleteCadre($id: ID!) { deleteCadre(id: $id) { id deleted } }\n": typeof types.DeleteCadreDocument,
    "\n  query MyRecords($status: String, $first: Int, $offset: Int) {\n    myRecords(status: $status, first: $first, offset: $offset) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          id kind categoryId category categoryTitle status statusLabel submittedAt reviewedAt reviewedBy returnReason\n          cadre { id name unitName }\n        }\n      }\n    }\n  }\n": typeof types.MyRecordsDocument,
    "\n  query CadreChanges($status: String, $first: Int, $offset: Int) {\n    cadreChanges(status: $status, first: $first, offset: $offset) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          id version status statusLabel baseVersion cadreVersion stale submittedBy submittedAt reviewedBy reviewedAt returnReason\n          cadre { id name unitName }\n          changes { label from to }\n        }\n      }\n    }\n  }\n": typeof types.CadreChangesDocument,
    "\n  mutation ReviewCadreChange($id: ID!, $version: Int!, $decision: String!, $reason: String) {\n    reviewCadreChange(id: $id, version: $version, decision: $decision, reason: $reason) { id status version }\n  }\n": typeof types.ReviewCadreChangeDocument,
    "\n  query CadreProfile($id: ID!) {\n    cadre(id: $id) {\n      id version idNumber idNumberMasked photoUrl\n      name sex birthMonth ethnicity nativePlace birthPlace partyJoin workStart health politicalStatus professionalTitle\n      specialty education eduFtLevel eduFtDegree eduFtLevelSchool eduFtDegreeSchool eduPtLevel eduPtDegree\n      eduPtLevelSchool eduPtDegreeSchool position rank status managementLevel sortOrder proposedPosition\n      proposedRemoval rewards assessmentSummary appointmentReason reportingUnit\n      appointments { kind position decidedOn approver documentNo }\n      resume { startMonth endMonth content }\n      family { relation name birthMonth politicalStatus workPosition }\n      history { version action actorName reviewedBy at changes { label from to } }\n      openChange { id status returnReason reviewedBy submittedAt changes { label from to } }\n    }\n  }\n": typeof types.CadreProfileDocument,
    "\n  mutation UpdateCadre($id: ID!, $version: Int!, $input: CadrePatch!) {\n    updateCadre(id: $id, version: $version, input: $input) { id version openChange { id status } }\n  }\n": typeof types.UpdateCadreDocument,
    "\n  query RecordCategories {\n    recordCategories { id key title short restricted fields { name label type required options max wide } }\n  }\n": typeof types.RecordCategoriesDocument,
    "\n  query AuditEvents($first: Int, $offset: Int, $filter: AuditFilter) {\n    auditEvents(first: $first, offset: $offset, filter: $filter) {\n      totalCount\n      edges {\n        node {\n          id seq at tenantCode tenantName username summary operation kind kindLabel outcome outcomeLabel\n          clientIp requestId cadreIds cadres { id name } detail hash\n        }\n      }\n    }\n  }\n": typeof types.AuditEventsDocument,
    "\n  query AuditCount($filter: AuditFilter) { auditEvents(first: 0, filter: $filter) { totalCount } }\n": typeof types.AuditCountDocument,
    "\n  mutation PurgeAuditEvents($days: Int!) { purgeAuditEvents(olderThanDays: $days) }\n": typeof types.PurgeAuditEventsDocument,
    "\n  query AuditTenants { tenants { id code name kind kindLabel path parentId sortOrder status effectiveStatus } }\n": typeof types.AuditTenantsDocument,
    "\n  query DeletedCadres {\n    deletedCadres { id name birthMonth position deletedAt deletedByName unit { name } tenant { name } }\n  }\n": typeof types.DeletedCadresDocument,
    "\n  mutation RestoreCadre($id: ID!) { restoreCadre(id: $id) { id deleted } }\n": typeof types.RestoreCadreDocument,
    "\n  mutation CreateCadre($input: CadreInput!) {\n    createCadre(input: $input) { id name unit { id name } }\n  }\n": typeof types.CreateCadreDocument,
    "\n  query Tenants {\n    tenants { id code name pinyin kind kindLabel sortOrder parentId }\n  }\n": typeof types.TenantsDocument,
    "\n  query Units {\n    units { id name pinyin parentId sortOrder cadreCount tenant { id } }\n  }\n": typeof types.UnitsDocument,
    "\n  query Cadres($first: Int, $after: String, $offset: Int, $filter: CadreFilter, $warnings: Boolean = false) {\n    cadres(first: $first, after: $after, offset: $offset, filter: $filter) {\n      totalCount\n      totalCountIsEstimate\n      pageInfo { hasNextPage endCursor }\n      edges {\n        cursor\n        node {\n          id name sex birthMonth ethnicity nativePlace education position rank status sortOrder\n          tenant { id code name }\n          unit { id name }\n          warnings @include(if: $warnings) { colour level { code hex } rule { code name version } reasons ends }\n        }\n      }\n    }\n  }\n": typeof types.CadresDocument,
    "\n  query WarningBoard($asOf: String, $tenantCode: String, $unitId: ID) {\n    warningBoard(asOf: $asOf, tenantCode: $tenantCode, unitId: $unitId) {\n      asOf total cadreCount\n      byColour { colour count level { code name hex rank description } }\n      byRule { rule { code name version } count }\n    }\n  }\n": typeof types.WarningBoardDocument,
    "\n  query WarningTrend($from: String, $to: String, $tenantCode: String, $unitId: ID) {\n    warningTrend(from: $from, to: $to, tenantCode: $tenantCode, unitId: $unitId) {\n      month asOf total\n      byColour { colour count level { code name hex rank } }\n    }\n  }\n": typeof types.WarningTrendDocument,
    "\n  query WarningList($asOf: String, $colour: String, $tenantCode: String, $unitId: ID, $first: Int, $after: String, $offset: Int) {\n    warningList(asOf: $asOf, colour: $colour, tenantCode: $tenantCode, unitId: $unitId, first: $first, after: $after, offset: $offset) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          colour reasons\n          level { code name hex }\n          warning { colour level { code name hex } rule { code name version } reasons startsOn ends }\n          cadre { id name position unit { id name } tenant { id name } }\n        }\n      }\n    }\n  }\n": typeof types.WarningListDocument,
    "\n  query CadreWarnings($id: ID!, $asOf: String) {\n    cadre(id: $id) {\n      id\n      warning(asOf: $asOf) { colour level { code name hex } rule { code name version } reasons startsOn ends }\n      warnings(asOf: $asOf) { colour level { code name hex } rule { code name version } reasons startsOn ends }\n    }\n  }\n": typeof types.CadreWarningsDocument,
    "\n  fragment WarningRuleFields on WarningRule {\n    code name kind kindLabel levelCode level { code name hex rank } definition enabled locked lockedAbove version\n    source sourceKind ownerTenant { code name } canEdit\n  }\n": typeof types.WarningRuleFieldsFragmentDoc,
    "\n  fragment WarningSchemeFields on WarningScheme {\n    version source sourceKind ownerTenant { code name } canEdit\n    levels { code name rank hex description }\n    influence { kind kindLabel measure measureLabel months }\n    dispositions { level kind title rectifyWorkingDays }\n  }\n": typeof types.WarningSchemeFieldsFragmentDoc,
    "query WarningRules($tenantCode: String!) { warningRules(tenantCode: $tenantCode) { ...WarningRuleFields } }": typeof types.WarningRulesDocument,
    "query WarningScheme($tenantCode: String!) { warningScheme(tenantCode: $tenantCode) { ...WarningSchemeFields } }": typeof types.WarningSchemeDocument,
    "\n  query WarningRuleHistory($tenantCode: String!, $code: String!) {\n    warningRuleHistory(tenantCode: $tenantCode, code: $code) {\n      id version action actionLabel name kindLabel levelCode definition enabled locked note createdBy createdAt current tenant { code name }\n    }\n  }\n": typeof types.WarningRuleHistoryDocument,
    "\n  query WarningRuleOptions {\n    warningRuleOptions {\n      ruleKinds { code label } sanctionForms { code label } sanctionKinds { code label } sanctionMeasures { code label }\n      clueModes { code label } clueStatuses { code label } lendingStatuses { code label } lendingDirections { code label }\n      giftHandlings { code label } amountCategories { code label } overdueSubjects { code label } scoreSources { code label }\n    }\n  }\n": typeof types.WarningRuleOptionsDocument,
    "\n  query PreviewWarningRule($tenantCode: String!, $input: WarningRuleInput!, $asOf: String) {\n    previewWarningRule(tenantCode: $tenantCode, input: $input, asOf: $asOf) {\n      asOf changed summary tenantCount\n      before { colour count level { code name hex rank } }\n      after { colour count level { code name hex rank } }\n    }\n  }\n": typeof types.PreviewWarningRuleDocument,
    "\n  mutation UpsertWarningRule($tenantCode: String!, $input: WarningRuleInput!) { upsertWarningRule(tenantCode: $tenantCode, input: $input) { ...WarningRuleFields } }\n": typeof types.UpsertWarningRuleDocument,
    "\n  mutation LockWarningRule($tenantCode: String!, $code: String!, $locked: Boolean!) { lockWarningRule(tenantCode: $tenantCode, code: $code, locked: $locked) { ...WarningRuleFields } }\n": typeof types.LockWarningRuleDocument,
    "\n  mutation ResetWarningRule($tenantCode: String!, $code: String!) { resetWarningRule(tenantCode: $tenantCode, code: $code) { ...WarningRuleFields } }\n": typeof types.ResetWarningRuleDocument,
    "\n  mutation UpdateWarningScheme($tenantCode: String!, $input: WarningSchemeInput!) { updateWarningScheme(tenantCode: $tenantCode, input: $input) { ...WarningSchemeFields } }\n": typeof types.UpdateWarningSchemeDocument,
};
const documents: Documents = {
    "\n  mutation ActivateAccount($username: String!, $code: String!, $newPassword: String!) {\n    activateAccount(username: $username, code: $code, newPassword: $newPassword) { username ready message }\n  }\n": types.ActivateAccountDocument,
    "\n  query Me {\n    me { id username displayName roles roleLabel mustChangePassword permissions passwordRule tenant { id code name kindLabel path } }\n  }\n": types.MeDocument,
    "\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) { accessToken expiresIn refreshToken mustChangePassword }\n  }\n": types.LoginDocument,
    "mutation Logout { logout }": types.LogoutDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n": types.ChangePasswordDocument,
    "\n  query CodeTable($n: [String!]) { codeTables(names: $n) { name title items { code label abbr parent initials pinyin } } }\n": types.CodeTableDocument,
    "query PickerUnits { units { id name pinyin parentId sortOrder tenant { id } } }": types.PickerUnitsDocument,
    "\n  query WorkCalendarYear($year: Int!) {\n    workCalendar(year: $year) { year covered notice days { date working kind name source updatedByName } }\n    workCalendarCoverage { from to years }\n  }\n": types.WorkCalendarYearDocument,
    "\n  mutation SetWorkDay($date: String!, $working: Boolean!, $name: String) {\n    setWorkDay(date: $date, working: $working, name: $name) { date working kind name }\n  }\n": types.SetWorkDayDocument,
    "mutation ClearWorkDay($date: String!) { clearWorkDay(date: $date) }": types.ClearWorkDayDocument,
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
    "fragment AdminUnitFields on Unit { id name parentId sortOrder kind kindCode code retired retiredAt mergedIntoId cadreCount }": types.AdminUnitFieldsFragmentDoc,
    "\n  query AdminUnits($tenantCode: String) { units(tenantCode: $tenantCode, includeRetired: true) { ...AdminUnitFields } }\n": types.AdminUnitsDocument,
    "query UnitTenants { tenants { id code name parentId defaultImportUnit { id name } } }": types.UnitTenantsDocument,
    "\n  mutation SetDefaultImportUnit($tenantId: ID!, $unitId: ID) { setDefaultImportUnit(tenantId: $tenantId, unitId: $unitId) { id defaultImportUnit { id name } } }\n": types.SetDefaultImportUnitDocument,
    "\n  mutation CreateUnit($input: CreateUnitInput!) { createUnit(input: $input) { ...AdminUnitFields } }\n": types.CreateUnitDocument,
    "\n  mutation UpdateUnit($id: ID!, $name: String, $kind: String, $code: String, $sortOrder: Int) {\n    updateUnit(id: $id, name: $name, kind: $kind, code: $code, sortOrder: $sortOrder) { ...AdminUnitFields }\n  }\n": types.UpdateUnitDocument,
    "\n  mutation MoveUnit($id: ID!, $parentId: ID, $beforeId: ID) { moveUnit(id: $id, parentId: $parentId, beforeId: $beforeId) { ...AdminUnitFields } }\n": types.MoveUnitDocument,
    "\n  mutation MergeUnits($fromId: ID!, $intoId: ID!) { mergeUnits(fromId: $fromId, intoId: $intoId) { ...AdminUnitFields } }\n": types.MergeUnitsDocument,
    "mutation RetireUnit($id: ID!) { retireUnit(id: $id) { ...AdminUnitFields } }": types.RetireUnitDocument,
    "mutation RestoreUnit($id: ID!) { restoreUnit(id: $id) { ...AdminUnitFields } }": types.RestoreUnitDocument,
    "\n  query CadreLifecycle($id: ID!) {\n    cadre(id: $id) {\n      id name version status statusOn\n      unit { id name }\n      tenant { id }\n      unitHistory { id fromUnitName toUnitName movedOn actorName at }\n    }\n  }\n": types.CadreLifecycleDocument,
    "\n  mutation MoveCadre($id: ID!, $unitId: ID!) { moveCadre(id: $id, unitId: $unitId) { id version unit { id name } } }\n": types.MoveCadreDocument,
    "\n  mutation SetCadreStatus($id: ID!, $status: String!, $on: String!) { setCadreStatus(id: $id, status: $status, on: $on) { id version status statusOn } }\n": types.SetCadreStatusDocument,
    "\n  mutation DeleteCadre($id: ID!) { deleteCadre(id: $id) { id deleted } }\n": types.DeleteCadreDocument,
    "\n  query MyRecords($status: String, $first: Int, $offset: Int) {\n    myRecords(status: $status, first: $first, offset: $offset) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          id kind categoryId category categoryTitle status statusLabel submittedAt reviewedAt reviewedBy returnReason\n          cadre { id name unitName }\n        }\n      }\n    }\n  }\n": types.MyRecordsDocument,
    "\n  query CadreChanges($status: String, $first: Int, $offset: Int) {\n    cadreChanges(status: $status, first: $first, offset: $offset) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          id version status statusLabel baseVersion cadreVersion stale submittedBy submittedAt reviewedBy reviewedAt returnReason\n          cadre { id name unitName }\n          changes { label from to }\n        }\n      }\n    }\n  }\n": types.CadreChangesDocument,
    "\n  mutation ReviewCadreChange($id: ID!, $version: Int!, $decision: String!, $reason: String) {\n    reviewCadreChange(id: $id, version: $version, decision: $decision, reason: $reason) { id status version }\n  }\n": types.ReviewCadreChangeDocument,
    "\n  query CadreProfile($id: ID!) {\n    cadre(id: $id) {\n      id version idNumber idNumberMasked photoUrl\n      name sex birthMonth ethnicity nativePlace birthPlace partyJoin workStart health politicalStatus professionalTitle\n      specialty education eduFtLevel eduFtDegree eduFtLevelSchool eduFtDegreeSchool eduPtLevel eduPtDegree\n      eduPtLevelSchool eduPtDegreeSchool position rank status managementLevel sortOrder proposedPosition\n      proposedRemoval rewards assessmentSummary appointmentReason reportingUnit\n      appointments { kind position decidedOn approver documentNo }\n      resume { startMonth endMonth content }\n      family { relation name birthMonth politicalStatus workPosition }\n      history { version action actorName reviewedBy at changes { label from to } }\n      openChange { id status returnReason reviewedBy submittedAt changes { label from to } }\n    }\n  }\n": types.CadreProfileDocument,
    "\n  mutation UpdateCadre($id: ID!, $version: Int!, $input: CadrePatch!) {\n    updateCadre(id: $id, version: $version, input: $input) { id version openChange { id status } }\n  }\n": types.UpdateCadreDocument,
    "\n  query RecordCategories {\n    recordCategories { id key title short restricted fields { name label type required options max wide } }\n  }\n": types.RecordCategoriesDocument,
    "\n  query AuditEvents($first: Int, $offset: Int, $filter: AuditFilter) {\n    auditEvents(first: $first, offset: $offset, filter: $filter) {\n      totalCount\n      edges {\n        node {\n          id seq at tenantCode tenantName username summary operation kind kindLabel outcome outcomeLabel\n          clientIp requestId cadreIds cadres { id name } detail hash\n        }\n      }\n    }\n  }\n": types.AuditEventsDocument,
    "\n  query AuditCount($filter: AuditFilter) { auditEvents(first: 0, filter: $filter) { totalCount } }\n": types.AuditCountDocument,
    "\n  mutation PurgeAuditEvents($days: Int!) { purgeAuditEvents(olderThanDays: $days) }\n": types.PurgeAuditEventsDocument,
    "\n  query AuditTenants { tenants { id code name kind kindLabel path parentId sortOrder status effectiveStatus } }\n": types.AuditTenantsDocument,
    "\n  query DeletedCadres {\n    deletedCadres { id name birthMonth position deletedAt deletedByName unit { name } tenant { name } }\n  }\n": types.DeletedCadresDocument,
    "\n  mutation RestoreCadre($id: ID!) { restoreCadre(id: $id) { id deleted } }\n": types.RestoreCadreDocument,
    "\n  mutation CreateCadre($input: CadreInput!) {\n    createCadre(input: $input) { id name unit { id name } }\n  }\n": types.CreateCadreDocument,
    "\n  query Tenants {\n    tenants { id code name pinyin kind kindLabel sortOrder parentId }\n  }\n": types.TenantsDocument,
    "\n  query Units {\n    units { id name pinyin parentId sortOrder cadreCount tenant { id } }\n  }\n": types.UnitsDocument,
    "\n  query Cadres($first: Int, $after: String, $offset: Int, $filter: CadreFilter, $warnings: Boolean = false) {\n    cadres(first: $first, after: $after, offset: $offset, filter: $filter) {\n      totalCount\n      totalCountIsEstimate\n      pageInfo { hasNextPage endCursor }\n      edges {\n        cursor\n        node {\n          id name sex birthMonth ethnicity nativePlace education position rank status sortOrder\n          tenant { id code name }\n          unit { id name }\n          warnings @include(if: $warnings) { colour level { code hex } rule { code name version } reasons ends }\n        }\n      }\n    }\n  }\n": types.CadresDocument,
    "\n  query WarningBoard($asOf: String, $tenantCode: String, $unitId: ID) {\n    warningBoard(asOf: $asOf, tenantCode: $tenantCode, unitId: $unitId) {\n      asOf total cadreCount\n      byColour { colour count level { code name hex rank description } }\n      byRule { rule { code name version } count }\n    }\n  }\n": types.WarningBoardDocument,
    "\n  query WarningTrend($from: String, $to: String, $tenantCode: String, $unitId: ID) {\n    warningTrend(from: $from, to: $to, tenantCode: $tenantCode, unitId: $unitId) {\n      month asOf total\n      byColour { colour count level { code name hex rank } }\n    }\n  }\n": types.WarningTrendDocument,
    "\n  query WarningList($asOf: String, $colour: String, $tenantCode: String, $unitId: ID, $first: Int, $after: String, $offset: Int) {\n    warningList(asOf: $asOf, colour: $colour, tenantCode: $tenantCode, unitId: $unitId, first: $first, after: $after, offset: $offset) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          colour reasons\n          level { code name hex }\n          warning { colour level { code name hex } rule { code name version } reasons startsOn ends }\n          cadre { id name position unit { id name } tenant { id name } }\n        }\n      }\n    }\n  }\n": types.WarningListDocument,
    "\n  query CadreWarnings($id: ID!, $asOf: String) {\n    cadre(id: $id) {\n      id\n      warning(asOf: $asOf) { colour level { code name hex } rule { code name version } reasons startsOn ends }\n      warnings(asOf: $asOf) { colour level { code name hex } rule { code name version } reasons startsOn ends }\n    }\n  }\n": types.CadreWarningsDocument,
    "\n  fragment WarningRuleFields on WarningRule {\n    code name kind kindLabel levelCode level { code name hex rank } definition enabled locked lockedAbove version\n    source sourceKind ownerTenant { code name } canEdit\n  }\n": types.WarningRuleFieldsFragmentDoc,
    "\n  fragment WarningSchemeFields on WarningScheme {\n    version source sourceKind ownerTenant { code name } canEdit\n    levels { code name rank hex description }\n    influence { kind kindLabel measure measureLabel months }\n    dispositions { level kind title rectifyWorkingDays }\n  }\n": types.WarningSchemeFieldsFragmentDoc,
    "query WarningRules($tenantCode: String!) { warningRules(tenantCode: $tenantCode) { ...WarningRuleFields } }": types.WarningRulesDocument,
    "query WarningScheme($tenantCode: String!) { warningScheme(tenantCode: $tenantCode) { ...WarningSchemeFields } }": types.WarningSchemeDocument,
    "\n  query WarningRuleHistory($tenantCode: String!, $code: String!) {\n    warningRuleHistory(tenantCode: $tenantCode, code: $code) {\n      id version action actionLabel name kindLabel levelCode definition enabled locked note createdBy createdAt current tenant { code name }\n    }\n  }\n": types.WarningRuleHistoryDocument,
    "\n  query WarningRuleOptions {\n    warningRuleOptions {\n      ruleKinds { code label } sanctionForms { code label } sanctionKinds { code label } sanctionMeasures { code label }\n      clueModes { code label } clueStatuses { code label } lendingStatuses { code label } lendingDirections { code label }\n      giftHandlings { code label } amountCategories { code label } overdueSubjects { code label } scoreSources { code label }\n    }\n  }\n": types.WarningRuleOptionsDocument,
    "\n  query PreviewWarningRule($tenantCode: String!, $input: WarningRuleInput!, $asOf: String) {\n    previewWarningRule(tenantCode: $tenantCode, input: $input, asOf: $asOf) {\n      asOf changed summary tenantCount\n      before { colour count level { code name hex rank } }\n      after { colour count level { code name hex rank } }\n    }\n  }\n": types.PreviewWarningRuleDocument,
    "\n  mutation UpsertWarningRule($tenantCode: String!, $input: WarningRuleInput!) { upsertWarningRule(tenantCode: $tenantCode, input: $input) { ...WarningRuleFields } }\n": types.UpsertWarningRuleDocument,
    "\n  mutation LockWarningRule($tenantCode: String!, $code: String!, $locked: Boolean!) { lockWarningRule(tenantCode: $tenantCode, code: $code, locked: $locked) { ...WarningRuleFields } }\n": types.LockWarningRuleDocument,
    "\n  mutation ResetWarningRule($tenantCode: String!, $code: String!) { resetWarningRule(tenantCode: $tenantCode, code: $code) { ...WarningRuleFields } }\n": types.ResetWarningRuleDocument,
    "\n  mutation UpdateWarningScheme($tenantCode: String!, $input: WarningSchemeInput!) { updateWarningScheme(tenantCode: $tenantCode, input: $input) { ...WarningSchemeFields } }\n": types.UpdateWarningSchemeDocument,
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
export function graphql(source: "query PickerUnits { units { id name pinyin parentId sortOrder tenant { id } } }"): typeof import('./graphql').PickerUnitsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkCalendarYear($year: Int!) {\n    workCalendar(year: $year) { year covered notice days { date working kind name source updatedByName } }\n    workCalendarCoverage { from to years }\n  }\n"): typeof import('./graphql').WorkCalendarYearDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetWorkDay($date: String!, $working: Boolean!, $name: String) {\n    setWorkDay(date: $date, working: $working, name: $name) { date working kind name }\n  }\n"): typeof import('./graphql').SetWorkDayDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ClearWorkDay($date: String!) { clearWorkDay(date: $date) }"): typeof import('./graphql').ClearWorkDayDocument;
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
export function graphql(source: "fragment AdminUnitFields on Unit { id name parentId sortOrder kind kindCode code retired retiredAt mergedIntoId cadreCount }"): typeof import('./graphql').AdminUnitFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminUnits($tenantCode: String) { units(tenantCode: $tenantCode, includeRetired: true) { ...AdminUnitFields } }\n"): typeof import('./graphql').AdminUnitsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query UnitTenants { tenants { id code name parentId defaultImportUnit { id name } } }"): typeof import('./graphql').UnitTenantsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetDefaultImportUnit($tenantId: ID!, $unitId: ID) { setDefaultImportUnit(tenantId: $tenantId, unitId: $unitId) { id defaultImportUnit { id name } } }\n"): typeof import('./graphql').SetDefaultImportUnitDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUnit($input: CreateUnitInput!) { createUnit(input: $input) { ...AdminUnitFields } }\n"): typeof import('./graphql').CreateUnitDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateUnit($id: ID!, $name: String, $kind: String, $code: String, $sortOrder: Int) {\n    updateUnit(id: $id, name: $name, kind: $kind, code: $code, sortOrder: $sortOrder) { ...AdminUnitFields }\n  }\n"): typeof import('./graphql').UpdateUnitDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MoveUnit($id: ID!, $parentId: ID, $beforeId: ID) { moveUnit(id: $id, parentId: $parentId, beforeId: $beforeId) { ...AdminUnitFields } }\n"): typeof import('./graphql').MoveUnitDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MergeUnits($fromId: ID!, $intoId: ID!) { mergeUnits(fromId: $fromId, intoId: $intoId) { ...AdminUnitFields } }\n"): typeof import('./graphql').MergeUnitsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RetireUnit($id: ID!) { retireUnit(id: $id) { ...AdminUnitFields } }"): typeof import('./graphql').RetireUnitDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RestoreUnit($id: ID!) { restoreUnit(id: $id) { ...AdminUnitFields } }"): typeof import('./graphql').RestoreUnitDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CadreLifecycle($id: ID!) {\n    cadre(id: $id) {\n      id name version status statusOn\n      unit { id name }\n      tenant { id }\n      unitHistory { id fromUnitName toUnitName movedOn actorName at }\n    }\n  }\n"): typeof import('./graphql').CadreLifecycleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MoveCadre($id: ID!, $unitId: ID!) { moveCadre(id: $id, unitId: $unitId) { id version unit { id name } } }\n"): typeof import('./graphql').MoveCadreDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetCadreStatus($id: ID!, $status: String!, $on: String!) { setCadreStatus(id: $id, status: $status, on: $on) { id version status statusOn } }\n"): typeof import('./graphql').SetCadreStatusDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteCadre($id: ID!) { deleteCadre(id: $id) { id deleted } }\n"): typeof import('./graphql').DeleteCadreDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyRecords($status: String, $first: Int, $offset: Int) {\n    myRecords(status: $status, first: $first, offset: $offset) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          id kind categoryId category categoryTitle status statusLabel submittedAt reviewedAt reviewedBy returnReason\n          cadre { id name unitName }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').MyRecordsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CadreChanges($status: String, $first: Int, $offset: Int) {\n    cadreChanges(status: $status, first: $first, offset: $offset) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          id version status statusLabel baseVersion cadreVersion stale submittedBy submittedAt reviewedBy reviewedAt returnReason\n          cadre { id name unitName }\n          changes { label from to }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').CadreChangesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReviewCadreChange($id: ID!, $version: Int!, $decision: String!, $reason: String) {\n    reviewCadreChange(id: $id, version: $version, decision: $decision, reason: $reason) { id status version }\n  }\n"): typeof import('./graphql').ReviewCadreChangeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CadreProfile($id: ID!) {\n    cadre(id: $id) {\n      id version idNumber idNumberMasked photoUrl\n      name sex birthMonth ethnicity nativePlace birthPlace partyJoin workStart health politicalStatus professionalTitle\n      specialty education eduFtLevel eduFtDegree eduFtLevelSchool eduFtDegreeSchool eduPtLevel eduPtDegree\n      eduPtLevelSchool eduPtDegreeSchool position rank status managementLevel sortOrder proposedPosition\n      proposedRemoval rewards assessmentSummary appointmentReason reportingUnit\n      appointments { kind position decidedOn approver documentNo }\n      resume { startMonth endMonth content }\n      family { relation name birthMonth politicalStatus workPosition }\n      history { version action actorName reviewedBy at changes { label from to } }\n      openChange { id status returnReason reviewedBy submittedAt changes { label from to } }\n    }\n  }\n"): typeof import('./graphql').CadreProfileDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateCadre($id: ID!, $version: Int!, $input: CadrePatch!) {\n    updateCadre(id: $id, version: $version, input: $input) { id version openChange { id status } }\n  }\n"): typeof import('./graphql').UpdateCadreDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RecordCategories {\n    recordCategories { id key title short restricted fields { name label type required options max wide } }\n  }\n"): typeof import('./graphql').RecordCategoriesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditEvents($first: Int, $offset: Int, $filter: AuditFilter) {\n    auditEvents(first: $first, offset: $offset, filter: $filter) {\n      totalCount\n      edges {\n        node {\n          id seq at tenantCode tenantName username summary operation kind kindLabel outcome outcomeLabel\n          clientIp requestId cadreIds cadres { id name } detail hash\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').AuditEventsDocument;
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
export function graphql(source: "\n  query DeletedCadres {\n    deletedCadres { id name birthMonth position deletedAt deletedByName unit { name } tenant { name } }\n  }\n"): typeof import('./graphql').DeletedCadresDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestoreCadre($id: ID!) { restoreCadre(id: $id) { id deleted } }\n"): typeof import('./graphql').RestoreCadreDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCadre($input: CadreInput!) {\n    createCadre(input: $input) { id name unit { id name } }\n  }\n"): typeof import('./graphql').CreateCadreDocument;
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
export function graphql(source: "\n  query Cadres($first: Int, $after: String, $offset: Int, $filter: CadreFilter, $warnings: Boolean = false) {\n    cadres(first: $first, after: $after, offset: $offset, filter: $filter) {\n      totalCount\n      totalCountIsEstimate\n      pageInfo { hasNextPage endCursor }\n      edges {\n        cursor\n        node {\n          id name sex birthMonth ethnicity nativePlace education position rank status sortOrder\n          tenant { id code name }\n          unit { id name }\n          warnings @include(if: $warnings) { colour level { code hex } rule { code name version } reasons ends }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').CadresDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WarningBoard($asOf: String, $tenantCode: String, $unitId: ID) {\n    warningBoard(asOf: $asOf, tenantCode: $tenantCode, unitId: $unitId) {\n      asOf total cadreCount\n      byColour { colour count level { code name hex rank description } }\n      byRule { rule { code name version } count }\n    }\n  }\n"): typeof import('./graphql').WarningBoardDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WarningTrend($from: String, $to: String, $tenantCode: String, $unitId: ID) {\n    warningTrend(from: $from, to: $to, tenantCode: $tenantCode, unitId: $unitId) {\n      month asOf total\n      byColour { colour count level { code name hex rank } }\n    }\n  }\n"): typeof import('./graphql').WarningTrendDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WarningList($asOf: String, $colour: String, $tenantCode: String, $unitId: ID, $first: Int, $after: String, $offset: Int) {\n    warningList(asOf: $asOf, colour: $colour, tenantCode: $tenantCode, unitId: $unitId, first: $first, after: $after, offset: $offset) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          colour reasons\n          level { code name hex }\n          warning { colour level { code name hex } rule { code name version } reasons startsOn ends }\n          cadre { id name position unit { id name } tenant { id name } }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').WarningListDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CadreWarnings($id: ID!, $asOf: String) {\n    cadre(id: $id) {\n      id\n      warning(asOf: $asOf) { colour level { code name hex } rule { code name version } reasons startsOn ends }\n      warnings(asOf: $asOf) { colour level { code name hex } rule { code name version } reasons startsOn ends }\n    }\n  }\n"): typeof import('./graphql').CadreWarningsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WarningRuleFields on WarningRule {\n    code name kind kindLabel levelCode level { code name hex rank } definition enabled locked lockedAbove version\n    source sourceKind ownerTenant { code name } canEdit\n  }\n"): typeof import('./graphql').WarningRuleFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WarningSchemeFields on WarningScheme {\n    version source sourceKind ownerTenant { code name } canEdit\n    levels { code name rank hex description }\n    influence { kind kindLabel measure measureLabel months }\n    dispositions { level kind title rectifyWorkingDays }\n  }\n"): typeof import('./graphql').WarningSchemeFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query WarningRules($tenantCode: String!) { warningRules(tenantCode: $tenantCode) { ...WarningRuleFields } }"): typeof import('./graphql').WarningRulesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query WarningScheme($tenantCode: String!) { warningScheme(tenantCode: $tenantCode) { ...WarningSchemeFields } }"): typeof import('./graphql').WarningSchemeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WarningRuleHistory($tenantCode: String!, $code: String!) {\n    warningRuleHistory(tenantCode: $tenantCode, code: $code) {\n      id version action actionLabel name kindLabel levelCode definition enabled locked note createdBy createdAt current tenant { code name }\n    }\n  }\n"): typeof import('./graphql').WarningRuleHistoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WarningRuleOptions {\n    warningRuleOptions {\n      ruleKinds { code label } sanctionForms { code label } sanctionKinds { code label } sanctionMeasures { code label }\n      clueModes { code label } clueStatuses { code label } lendingStatuses { code label } lendingDirections { code label }\n      giftHandlings { code label } amountCategories { code label } overdueSubjects { code label } scoreSources { code label }\n    }\n  }\n"): typeof import('./graphql').WarningRuleOptionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PreviewWarningRule($tenantCode: String!, $input: WarningRuleInput!, $asOf: String) {\n    previewWarningRule(tenantCode: $tenantCode, input: $input, asOf: $asOf) {\n      asOf changed summary tenantCount\n      before { colour count level { code name hex rank } }\n      after { colour count level { code name hex rank } }\n    }\n  }\n"): typeof import('./graphql').PreviewWarningRuleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpsertWarningRule($tenantCode: String!, $input: WarningRuleInput!) { upsertWarningRule(tenantCode: $tenantCode, input: $input) { ...WarningRuleFields } }\n"): typeof import('./graphql').UpsertWarningRuleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LockWarningRule($tenantCode: String!, $code: String!, $locked: Boolean!) { lockWarningRule(tenantCode: $tenantCode, code: $code, locked: $locked) { ...WarningRuleFields } }\n"): typeof import('./graphql').LockWarningRuleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetWarningRule($tenantCode: String!, $code: String!) { resetWarningRule(tenantCode: $tenantCode, code: $code) { ...WarningRuleFields } }\n"): typeof import('./graphql').ResetWarningRuleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateWarningScheme($tenantCode: String!, $input: WarningSchemeInput!) { updateWarningScheme(tenantCode: $tenantCode, input: $input) { ...WarningSchemeFields } }\n"): typeof import('./graphql').UpdateWarningSchemeDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
