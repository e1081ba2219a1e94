/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type AppointmentInput = {
  approver?: string | null | undefined;
  /** YYYY-MM-DD */
  decidedOn: string;
  documentNo?: string | null | undefined;
  kind: string;
  position: string;
};

export type AuditFilter = {
  /** 涉及的干部 */
  cadreId?: string | number | null | undefined;
  /** 起始时间（含） */
  from?: string | null | undefined;
  /** read | write | login | denied | system */
  kind?: string | null | undefined;
  /** success | failure */
  outcome?: string | null | undefined;
  /** 机构（含下级） */
  tenantCode?: string | null | undefined;
  /** 全文：摘要、操作、用户、IP，或请求编号 */
  text?: string | null | undefined;
  /** 截止时间（不含） */
  to?: string | null | undefined;
  /** 用户（登录名包含） */
  username?: string | null | undefined;
};

export type CadreFilter = {
  /** 公民身份号码（精确匹配）：仅纪检干部可用，使用记入访问日志（号码只记脱敏值和密钥哈希） */
  idNumber?: string | null | undefined;
  /** 姓名、全拼或拼音首字母（多音字取全部读音） */
  search?: string | null | undefined;
  /** 机构代码（含下级） */
  tenantCode?: string | null | undefined;
  /** 单位（含下级单位） */
  unitId?: string | number | null | undefined;
};

export type CadreInput = {
  /** 任免理由 */
  appointmentReason?: string | null | undefined;
  /** 年度考核结果 */
  assessmentSummary?: string | null | undefined;
  /** 出生年月 */
  birthMonth?: string | null | undefined;
  /** 出生地 */
  birthPlace?: string | null | undefined;
  /** 全日制教育·学位 */
  eduFtDegree?: string | null | undefined;
  /** 全日制教育·毕业院校系及专业（学位） */
  eduFtDegreeSchool?: string | null | undefined;
  /** 全日制教育·学历 */
  eduFtLevel?: string | null | undefined;
  /** 全日制教育·毕业院校系及专业（学历） */
  eduFtLevelSchool?: string | null | undefined;
  /** 在职教育·学位 */
  eduPtDegree?: string | null | undefined;
  /** 在职教育·毕业院校系及专业（学位） */
  eduPtDegreeSchool?: string | null | undefined;
  /** 在职教育·学历 */
  eduPtLevel?: string | null | undefined;
  /** 在职教育·毕业院校系及专业（学历） */
  eduPtLevelSchool?: string | null | undefined;
  /** 最高学历 */
  education?: string | null | undefined;
  /** 民族：中国各民族名称代码的名称或代码 */
  ethnicity?: string | null | undefined;
  /** 健康状况 */
  health?: string | null | undefined;
  /** 公民身份号码（18 位） */
  idNumber?: string | null | undefined;
  /** 干部管理权限：干部管理权限的名称或代码 */
  managementLevel?: string | null | undefined;
  /** 姓名 */
  name: string;
  /** 籍贯 */
  nativePlace?: string | null | undefined;
  /** 入党时间 */
  partyJoin?: string | null | undefined;
  /** 政治面貌：政治面貌代码的名称或代码 */
  politicalStatus?: string | null | undefined;
  /** 现任职务 */
  position?: string | null | undefined;
  /** 专业技术职务 */
  professionalTitle?: string | null | undefined;
  /** 拟任职务 */
  proposedPosition?: string | null | undefined;
  /** 拟免职务 */
  proposedRemoval?: string | null | undefined;
  /** 职级：公务员领导职务层次与职级的名称或代码 */
  rank?: string | null | undefined;
  /** 呈报单位 */
  reportingUnit?: string | null | undefined;
  /** 奖惩情况 */
  rewards?: string | null | undefined;
  /** 性别：人的性别代码的名称或代码 */
  sex?: string | null | undefined;
  /** 排序号 */
  sortOrder?: number | null | undefined;
  /** 熟悉专业有何专长 */
  specialty?: string | null | undefined;
  /** 状态：干部状态的名称或代码 */
  status?: string | null | undefined;
  unitId: string | number;
  /** 参加工作时间 */
  workStart?: string | null | undefined;
};

/** 只改给出的项；可选文本给空串即清空；任免情况、简历、家庭成员给出时整体替换 */
export type CadrePatch = {
  /** 任免理由 */
  appointmentReason?: string | null | undefined;
  appointments?: Array<AppointmentInput> | null | undefined;
  /** 年度考核结果 */
  assessmentSummary?: string | null | undefined;
  /** 出生年月 */
  birthMonth?: string | null | undefined;
  /** 出生地 */
  birthPlace?: string | null | undefined;
  /** 全日制教育·学位 */
  eduFtDegree?: string | null | undefined;
  /** 全日制教育·毕业院校系及专业（学位） */
  eduFtDegreeSchool?: string | null | undefined;
  /** 全日制教育·学历 */
  eduFtLevel?: string | null | undefined;
  /** 全日制教育·毕业院校系及专业（学历） */
  eduFtLevelSchool?: string | null | undefined;
  /** 在职教育·学位 */
  eduPtDegree?: string | null | undefined;
  /** 在职教育·毕业院校系及专业（学位） */
  eduPtDegreeSchool?: string | null | undefined;
  /** 在职教育·学历 */
  eduPtLevel?: string | null | undefined;
  /** 在职教育·毕业院校系及专业（学历） */
  eduPtLevelSchool?: string | null | undefined;
  /** 最高学历 */
  education?: string | null | undefined;
  /** 民族：中国各民族名称代码的名称或代码 */
  ethnicity?: string | null | undefined;
  family?: Array<FamilyMemberInput> | null | undefined;
  /** 健康状况 */
  health?: string | null | undefined;
  /** 公民身份号码（18 位）；空串清除 */
  idNumber?: string | null | undefined;
  /** 干部管理权限：干部管理权限的名称或代码 */
  managementLevel?: string | null | undefined;
  /** 姓名 */
  name?: string | null | undefined;
  /** 籍贯 */
  nativePlace?: string | null | undefined;
  /** 入党时间 */
  partyJoin?: string | null | undefined;
  /** 政治面貌：政治面貌代码的名称或代码 */
  politicalStatus?: string | null | undefined;
  /** 现任职务 */
  position?: string | null | undefined;
  /** 专业技术职务 */
  professionalTitle?: string | null | undefined;
  /** 拟任职务 */
  proposedPosition?: string | null | undefined;
  /** 拟免职务 */
  proposedRemoval?: string | null | undefined;
  /** 职级：公务员领导职务层次与职级的名称或代码 */
  rank?: string | null | undefined;
  /** 呈报单位 */
  reportingUnit?: string | null | undefined;
  resume?: Array<ResumeInput> | null | undefined;
  /** 奖惩情况 */
  rewards?: string | null | undefined;
  /** 性别：人的性别代码的名称或代码 */
  sex?: string | null | undefined;
  /** 排序号 */
  sortOrder?: number | null | undefined;
  /** 熟悉专业有何专长 */
  specialty?: string | null | undefined;
  /** 状态：干部状态的名称或代码 */
  status?: string | null | undefined;
  unitId?: string | number | null | undefined;
  /** 参加工作时间 */
  workStart?: string | null | undefined;
};

export type CreateUnitInput = {
  /** 单位代码：1–20 位字母、数字或连字符，本机构在用单位中唯一（不区分大小写） */
  code: string;
  /** 单位类型：中文名称或代码（internal 内设机构、dispatched 派驻机构、inspection 巡察机构、county_leadership 县区纪委监委班子、enterprise 企业纪委、college 院校纪委、other 其他） */
  kind: string;
  name: string;
  /** 上级单位（同一机构的在用单位）；不填为顶级单位 */
  parentId?: string | number | null | undefined;
  /** 排序号；不填排在同级最后 */
  sortOrder?: number | null | undefined;
  /** 所属机构 */
  tenantId: string | number;
};

export type FamilyMemberInput = {
  birthMonth?: string | null | undefined;
  name: string;
  politicalStatus?: string | null | undefined;
  /** 称谓（GB/T 4761） */
  relation: string;
  workPosition?: string | null | undefined;
};

export type ResumeInput = {
  content: string;
  /** 空为至今 */
  endMonth?: string | null | undefined;
  startMonth: string;
};

/** 省略的项不变；显式 null 表示改为继承上级 */
export type SecuritySettingsInput = {
  idleTimeoutMinutes?: number | null | undefined;
  lockoutMinutes?: number | null | undefined;
  lockoutThreshold?: number | null | undefined;
  passwordMinClasses?: number | null | undefined;
  passwordMinLength?: number | null | undefined;
};

export type TenantInput = {
  /** 代码：以上级机构代码加「-」开头（只填后半部分时自动补上），小写字母、数字和连字符，全局唯一，用作登录名前缀，创建后不可改 */
  code: string;
  /** province_commission | city_commission | county_commission | supervision_team | inspection_office | enterprise_discipline | university_discipline */
  kind: string;
  name: string;
  /** 上级机构 */
  parentId: string | number;
  sortOrder?: number | null | undefined;
};

export type UserInput = {
  displayName: string;
  /** 账户名（登录名为 机构代码.账户名） */
  loginName: string;
  /** admin | secadmin | officer | leader | filler | auditor */
  role: string;
  tenantId: string | number;
  /** 填报员负责的单位 */
  unitIds?: Array<string | number> | null | undefined;
};

export type UserPatch = {
  displayName?: string | null | undefined;
  /** 改变角色会结束该用户的在线会话 */
  role?: string | null | undefined;
  /** 填报员负责的单位（整体替换） */
  unitIds?: Array<string | number> | null | undefined;
};

export type WarningInfluenceDefaultInput = {
  /** 处理处分类别（代码或名称）；不填为不限类别 */
  kind?: string | null | undefined;
  measure: string;
  months: number;
};

export type WarningLevelDispositionInput = {
  kind: string;
  level: string;
  rectifyWorkingDays: number;
  title: string;
};

export type WarningLevelInput = {
  code: string;
  description?: string | null | undefined;
  hex: string;
  name: string;
  /** 严重程度（越大越严重）；不填按列出顺序，先列最严重的 */
  rank?: number | null | undefined;
};

export type WarningRuleInput = {
  /** 规则代码：大写字母开头，大写字母、数字或连字符（如 ORANGE-COUNT） */
  code: string;
  /** 规则定义（JSON 文本，结构见 shared/warnings.ts；代码或中文名称均可） */
  definition: string;
  /** 启用（默认是） */
  enabled?: boolean | null | undefined;
  /** 规则类型：代码或名称（sanction 处理处分影响期 …） */
  kind: string;
  /** 颜色等级：代码或名称（红）；负面清单积分规则不填 */
  level?: string | null | undefined;
  name: string;
  /** 修改说明 */
  note?: string | null | undefined;
};

export type WarningSchemeInput = {
  dispositions: Array<WarningLevelDispositionInput>;
  influence: Array<WarningInfluenceDefaultInput>;
  levels: Array<WarningLevelInput>;
};

export type ActivateAccountMutationVariables = Exact<{
  username: string;
  code: string;
  newPassword: string;
}>;


export type ActivateAccountMutation = { activateAccount: { username: string, ready: boolean, message: string } };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { id: string, username: string, displayName: string, roles: Array<string>, roleLabel: string, mustChangePassword: boolean, permissions: Array<string>, passwordRule: string, tenant: { id: string, code: string, name: string, kindLabel: string, path: string } } };

export type LoginMutationVariables = Exact<{
  username: string;
  password: string;
}>;


export type LoginMutation = { login: { accessToken: string, expiresIn: number, refreshToken: string, mustChangePassword: boolean } | null };

export type LogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type LogoutMutation = { logout: boolean };

export type ChangePasswordMutationVariables = Exact<{
  currentPassword: string;
  newPassword: string;
}>;


export type ChangePasswordMutation = { changePassword: boolean };

export type CodeTableQueryVariables = Exact<{
  n?: Array<string> | string | null | undefined;
}>;


export type CodeTableQuery = { codeTables: Array<{ name: string, title: string, items: Array<{ code: string, label: string, abbr: string | null, parent: string | null, initials: string, pinyin: string }> }> };

export type PickerUnitsQueryVariables = Exact<{ [key: string]: never; }>;


export type PickerUnitsQuery = { units: Array<{ id: string, name: string, pinyin: Array<string>, parentId: string | null, sortOrder: number, tenant: { id: string } }> };

export type WorkCalendarYearQueryVariables = Exact<{
  year: number;
}>;


export type WorkCalendarYearQuery = { workCalendar: { year: number, covered: boolean, notice: string | null, days: Array<{ date: string, working: boolean, kind: string, name: string, source: string, updatedByName: string | null }> }, workCalendarCoverage: { from: number | null, to: number | null, years: Array<number> } };

export type SetWorkDayMutationVariables = Exact<{
  date: string;
  working: boolean;
  name?: string | null | undefined;
}>;


export type SetWorkDayMutation = { setWorkDay: { date: string, working: boolean, kind: string, name: string } };

export type ClearWorkDayMutationVariables = Exact<{
  date: string;
}>;


export type ClearWorkDayMutation = { clearWorkDay: boolean };

export type AdminTenantFieldsFragment = { id: string, code: string, name: string, kind: string, kindLabel: string, path: string, parentId: string | null, sortOrder: number, status: string, effectiveStatus: string };

export type RoleGrantFieldsFragment = { id: string, tenantId: string, tenantCode: string, tenantName: string, userId: string, username: string, displayName: string, role: string, roleLabel: string, previousRole: string | null, previousRoleLabel: string | null, newAccount: boolean, reconfirmation: boolean, unitNames: Array<string>, status: string, statusLabel: string, requestedByName: string, requestedAt: string, decidedByName: string | null, decidedAt: string | null, reason: string | null, canDecide: boolean };

export type AdminUserFieldsFragment = { id: string, username: string, displayName: string, role: string, roleLabel: string, status: string, statusLabel: string, locked: boolean, lockedUntil: string | null, failedLogins: number, lastLoginAt: string | null, lastLoginIp: string | null, mustChangePassword: boolean, activationPending: boolean, activationExpiresAt: string | null, createdAt: string, tenantId: string, tenantCode: string, tenantName: string, unitIds: Array<string>, pendingGrant: { id: string, role: string, roleLabel: string, unitNames: Array<string>, requestedAt: string } | null };

export type AccountActivationFieldsFragment = { activationCode: string, expiresAt: string, user: { id: string, username: string, displayName: string, role: string, roleLabel: string, status: string, statusLabel: string, locked: boolean, lockedUntil: string | null, failedLogins: number, lastLoginAt: string | null, lastLoginIp: string | null, mustChangePassword: boolean, activationPending: boolean, activationExpiresAt: string | null, createdAt: string, tenantId: string, tenantCode: string, tenantName: string, unitIds: Array<string>, pendingGrant: { id: string, role: string, roleLabel: string, unitNames: Array<string>, requestedAt: string } | null }, grant: { id: string, roleLabel: string, status: string } | null };

export type SecuritySettingFieldsFragment = { value: number, own: number | null, inherited: boolean, sourceTenantName: string | null, floor: number | null, stricter: string, min: number, max: number, label: string };

export type SecuritySettingsFieldsFragment = { tenantId: string, lockoutThreshold: { value: number, own: number | null, inherited: boolean, sourceTenantName: string | null, floor: number | null, stricter: string, min: number, max: number, label: string }, lockoutMinutes: { value: number, own: number | null, inherited: boolean, sourceTenantName: string | null, floor: number | null, stricter: string, min: number, max: number, label: string }, passwordMinLength: { value: number, own: number | null, inherited: boolean, sourceTenantName: string | null, floor: number | null, stricter: string, min: number, max: number, label: string }, passwordMinClasses: { value: number, own: number | null, inherited: boolean, sourceTenantName: string | null, floor: number | null, stricter: string, min: number, max: number, label: string }, idleTimeoutMinutes: { value: number, own: number | null, inherited: boolean, sourceTenantName: string | null, floor: number | null, stricter: string, min: number, max: number, label: string } };

export type AdminTenantsQueryVariables = Exact<{ [key: string]: never; }>;


export type AdminTenantsQuery = { tenants: Array<{ id: string, code: string, name: string, kind: string, kindLabel: string, path: string, parentId: string | null, sortOrder: number, status: string, effectiveStatus: string }> };

export type CreateTenantMutationVariables = Exact<{
  input: TenantInput;
}>;


export type CreateTenantMutation = { createTenant: { id: string, code: string, name: string, kind: string, kindLabel: string, path: string, parentId: string | null, sortOrder: number, status: string, effectiveStatus: string } | null };

export type UpdateTenantMutationVariables = Exact<{
  id: string | number;
  name?: string | null | undefined;
  sortOrder?: number | null | undefined;
}>;


export type UpdateTenantMutation = { updateTenant: { id: string, code: string, name: string, kind: string, kindLabel: string, path: string, parentId: string | null, sortOrder: number, status: string, effectiveStatus: string } | null };

export type MoveTenantMutationVariables = Exact<{
  id: string | number;
  parentId: string | number;
}>;


export type MoveTenantMutation = { moveTenant: { id: string, code: string, name: string, kind: string, kindLabel: string, path: string, parentId: string | null, sortOrder: number, status: string, effectiveStatus: string } | null };

export type SetTenantStatusMutationVariables = Exact<{
  id: string | number;
  status: string;
}>;


export type SetTenantStatusMutation = { setTenantStatus: { id: string, code: string, name: string, kind: string, kindLabel: string, path: string, parentId: string | null, sortOrder: number, status: string, effectiveStatus: string } | null };

export type AdminUsersQueryVariables = Exact<{
  tenantId?: string | number | null | undefined;
  search?: string | null | undefined;
  role?: string | null | undefined;
  first?: number | null | undefined;
  offset?: number | null | undefined;
}>;


export type AdminUsersQuery = { users: { totalCount: number, edges: Array<{ node: { id: string, username: string, displayName: string, role: string, roleLabel: string, status: string, statusLabel: string, locked: boolean, lockedUntil: string | null, failedLogins: number, lastLoginAt: string | null, lastLoginIp: string | null, mustChangePassword: boolean, activationPending: boolean, activationExpiresAt: string | null, createdAt: string, tenantId: string, tenantCode: string, tenantName: string, unitIds: Array<string>, pendingGrant: { id: string, role: string, roleLabel: string, unitNames: Array<string>, requestedAt: string } | null } }> } };

export type CreateUserMutationVariables = Exact<{
  input: UserInput;
}>;


export type CreateUserMutation = { createUser: { activationCode: string, expiresAt: string, user: { id: string, username: string, displayName: string, role: string, roleLabel: string, status: string, statusLabel: string, locked: boolean, lockedUntil: string | null, failedLogins: number, lastLoginAt: string | null, lastLoginIp: string | null, mustChangePassword: boolean, activationPending: boolean, activationExpiresAt: string | null, createdAt: string, tenantId: string, tenantCode: string, tenantName: string, unitIds: Array<string>, pendingGrant: { id: string, role: string, roleLabel: string, unitNames: Array<string>, requestedAt: string } | null }, grant: { id: string, roleLabel: string, status: string } | null } | null };

export type UpdateUserMutationVariables = Exact<{
  id: string | number;
  input: UserPatch;
}>;


export type UpdateUserMutation = { updateUser: { id: string, username: string, displayName: string, role: string, roleLabel: string, status: string, statusLabel: string, locked: boolean, lockedUntil: string | null, failedLogins: number, lastLoginAt: string | null, lastLoginIp: string | null, mustChangePassword: boolean, activationPending: boolean, activationExpiresAt: string | null, createdAt: string, tenantId: string, tenantCode: string, tenantName: string, unitIds: Array<string>, pendingGrant: { id: string, role: string, roleLabel: string, unitNames: Array<string>, requestedAt: string } | null } | null };

export type SetUserStatusMutationVariables = Exact<{
  id: string | number;
  status: string;
}>;


export type SetUserStatusMutation = { setUserStatus: { id: string, username: string, displayName: string, role: string, roleLabel: string, status: string, statusLabel: string, locked: boolean, lockedUntil: string | null, failedLogins: number, lastLoginAt: string | null, lastLoginIp: string | null, mustChangePassword: boolean, activationPending: boolean, activationExpiresAt: string | null, createdAt: string, tenantId: string, tenantCode: string, tenantName: string, unitIds: Array<string>, pendingGrant: { id: string, role: string, roleLabel: string, unitNames: Array<string>, requestedAt: string } | null } | null };

export type UnlockUserMutationVariables = Exact<{
  id: string | number;
}>;


export type UnlockUserMutation = { unlockUser: { id: string, username: string, displayName: string, role: string, roleLabel: string, status: string, statusLabel: string, locked: boolean, lockedUntil: string | null, failedLogins: number, lastLoginAt: string | null, lastLoginIp: string | null, mustChangePassword: boolean, activationPending: boolean, activationExpiresAt: string | null, createdAt: string, tenantId: string, tenantCode: string, tenantName: string, unitIds: Array<string>, pendingGrant: { id: string, role: string, roleLabel: string, unitNames: Array<string>, requestedAt: string } | null } | null };

export type ResetUserPasswordMutationVariables = Exact<{
  id: string | number;
}>;


export type ResetUserPasswordMutation = { resetUserPassword: { activationCode: string, expiresAt: string, user: { id: string, username: string, displayName: string, role: string, roleLabel: string, status: string, statusLabel: string, locked: boolean, lockedUntil: string | null, failedLogins: number, lastLoginAt: string | null, lastLoginIp: string | null, mustChangePassword: boolean, activationPending: boolean, activationExpiresAt: string | null, createdAt: string, tenantId: string, tenantCode: string, tenantName: string, unitIds: Array<string>, pendingGrant: { id: string, role: string, roleLabel: string, unitNames: Array<string>, requestedAt: string } | null }, grant: { id: string, roleLabel: string, status: string } | null } | null };

export type RoleGrantsQueryVariables = Exact<{
  status?: string | null | undefined;
  tenantId?: string | number | null | undefined;
  first?: number | null | undefined;
  offset?: number | null | undefined;
}>;


export type RoleGrantsQuery = { roleGrants: { totalCount: number, edges: Array<{ node: { id: string, tenantId: string, tenantCode: string, tenantName: string, userId: string, username: string, displayName: string, role: string, roleLabel: string, previousRole: string | null, previousRoleLabel: string | null, newAccount: boolean, reconfirmation: boolean, unitNames: Array<string>, status: string, statusLabel: string, requestedByName: string, requestedAt: string, decidedByName: string | null, decidedAt: string | null, reason: string | null, canDecide: boolean } }> } };

export type ApproveRoleGrantMutationVariables = Exact<{
  id: string | number;
}>;


export type ApproveRoleGrantMutation = { approveRoleGrant: { id: string, tenantId: string, tenantCode: string, tenantName: string, userId: string, username: string, displayName: string, role: string, roleLabel: string, previousRole: string | null, previousRoleLabel: string | null, newAccount: boolean, reconfirmation: boolean, unitNames: Array<string>, status: string, statusLabel: string, requestedByName: string, requestedAt: string, decidedByName: string | null, decidedAt: string | null, reason: string | null, canDecide: boolean } | null };

export type RejectRoleGrantMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;


export type RejectRoleGrantMutation = { rejectRoleGrant: { id: string, tenantId: string, tenantCode: string, tenantName: string, userId: string, username: string, displayName: string, role: string, roleLabel: string, previousRole: string | null, previousRoleLabel: string | null, newAccount: boolean, reconfirmation: boolean, unitNames: Array<string>, status: string, statusLabel: string, requestedByName: string, requestedAt: string, decidedByName: string | null, decidedAt: string | null, reason: string | null, canDecide: boolean } | null };

export type RoleGrantAlertsQueryVariables = Exact<{
  days?: number | null | undefined;
}>;


export type RoleGrantAlertsQuery = { roleGrantAlerts: Array<{ summary: string, firstLoginAt: string, readCount: number, cadreCount: number, lastReadAt: string, grant: { id: string, tenantId: string, tenantCode: string, tenantName: string, userId: string, username: string, displayName: string, role: string, roleLabel: string, previousRole: string | null, previousRoleLabel: string | null, newAccount: boolean, reconfirmation: boolean, unitNames: Array<string>, status: string, statusLabel: string, requestedByName: string, requestedAt: string, decidedByName: string | null, decidedAt: string | null, reason: string | null, canDecide: boolean } }> };

export type TenantUnitsQueryVariables = Exact<{
  tenantCode?: string | null | undefined;
}>;


export type TenantUnitsQuery = { units: Array<{ id: string, name: string, pinyin: Array<string>, parentId: string | null, sortOrder: number }> };

export type TenantSecurityQueryVariables = Exact<{
  tenantId: string | number;
}>;


export type TenantSecurityQuery = { tenantSecurity: { tenantId: string, lockoutThreshold: { value: number, own: number | null, inherited: boolean, sourceTenantName: string | null, floor: number | null, stricter: string, min: number, max: number, label: string }, lockoutMinutes: { value: number, own: number | null, inherited: boolean, sourceTenantName: string | null, floor: number | null, stricter: string, min: number, max: number, label: string }, passwordMinLength: { value: number, own: number | null, inherited: boolean, sourceTenantName: string | null, floor: number | null, stricter: string, min: number, max: number, label: string }, passwordMinClasses: { value: number, own: number | null, inherited: boolean, sourceTenantName: string | null, floor: number | null, stricter: string, min: number, max: number, label: string }, idleTimeoutMinutes: { value: number, own: number | null, inherited: boolean, sourceTenantName: string | null, floor: number | null, stricter: string, min: number, max: number, label: string } } | null };

export type UpdateTenantSecurityMutationVariables = Exact<{
  tenantId: string | number;
  input: SecuritySettingsInput;
}>;


export type UpdateTenantSecurityMutation = { updateTenantSecurity: { tenantId: string, lockoutThreshold: { value: number, own: number | null, inherited: boolean, sourceTenantName: string | null, floor: number | null, stricter: string, min: number, max: number, label: string }, lockoutMinutes: { value: number, own: number | null, inherited: boolean, sourceTenantName: string | null, floor: number | null, stricter: string, min: number, max: number, label: string }, passwordMinLength: { value: number, own: number | null, inherited: boolean, sourceTenantName: string | null, floor: number | null, stricter: string, min: number, max: number, label: string }, passwordMinClasses: { value: number, own: number | null, inherited: boolean, sourceTenantName: string | null, floor: number | null, stricter: string, min: number, max: number, label: string }, idleTimeoutMinutes: { value: number, own: number | null, inherited: boolean, sourceTenantName: string | null, floor: number | null, stricter: string, min: number, max: number, label: string } } | null };

export type AdminUnitFieldsFragment = { id: string, name: string, parentId: string | null, sortOrder: number, kind: string, kindCode: string, code: string | null, retired: boolean, retiredAt: string | null, mergedIntoId: string | null, cadreCount: number | null };

export type AdminUnitsQueryVariables = Exact<{
  tenantCode?: string | null | undefined;
}>;


export type AdminUnitsQuery = { units: Array<{ id: string, name: string, parentId: string | null, sortOrder: number, kind: string, kindCode: string, code: string | null, retired: boolean, retiredAt: string | null, mergedIntoId: string | null, cadreCount: number | null }> };

export type UnitTenantsQueryVariables = Exact<{ [key: string]: never; }>;


export type UnitTenantsQuery = { tenants: Array<{ id: string, code: string, name: string, parentId: string | null, defaultImportUnit: { id: string, name: string } | null }> };

export type SetDefaultImportUnitMutationVariables = Exact<{
  tenantId: string | number;
  unitId?: string | number | null | undefined;
}>;


export type SetDefaultImportUnitMutation = { setDefaultImportUnit: { id: string, defaultImportUnit: { id: string, name: string } | null } };

export type CreateUnitMutationVariables = Exact<{
  input: CreateUnitInput;
}>;


export type CreateUnitMutation = { createUnit: { id: string, name: string, parentId: string | null, sortOrder: number, kind: string, kindCode: string, code: string | null, retired: boolean, retiredAt: string | null, mergedIntoId: string | null, cadreCount: number | null } };

export type UpdateUnitMutationVariables = Exact<{
  id: string | number;
  name?: string | null | undefined;
  kind?: string | null | undefined;
  code?: string | null | undefined;
  sortOrder?: number | null | undefined;
}>;


export type UpdateUnitMutation = { updateUnit: { id: string, name: string, parentId: string | null, sortOrder: number, kind: string, kindCode: string, code: string | null, retired: boolean, retiredAt: string | null, mergedIntoId: string | null, cadreCount: number | null } };

export type MoveUnitMutationVariables = Exact<{
  id: string | number;
  parentId?: string | number | null | undefined;
  beforeId?: string | number | null | undefined;
}>;


export type MoveUnitMutation = { moveUnit: { id: string, name: string, parentId: string | null, sortOrder: number, kind: string, kindCode: string, code: string | null, retired: boolean, retiredAt: string | null, mergedIntoId: string | null, cadreCount: number | null } };

export type MergeUnitsMutationVariables = Exact<{
  fromId: string | number;
  intoId: string | number;
}>;


export type MergeUnitsMutation = { mergeUnits: { id: string, name: string, parentId: string | null, sortOrder: number, kind: string, kindCode: string, code: string | null, retired: boolean, retiredAt: string | null, mergedIntoId: string | null, cadreCount: number | null } };

export type RetireUnitMutationVariables = Exact<{
  id: string | number;
}>;


export type RetireUnitMutation = { retireUnit: { id: string, name: string, parentId: string | null, sortOrder: number, kind: string, kindCode: string, code: string | null, retired: boolean, retiredAt: string | null, mergedIntoId: string | null, cadreCount: number | null } };

export type RestoreUnitMutationVariables = Exact<{
  id: string | number;
}>;


export type RestoreUnitMutation = { restoreUnit: { id: string, name: string, parentId: string | null, sortOrder: number, kind: string, kindCode: string, code: string | null, retired: boolean, retiredAt: string | null, mergedIntoId: string | null, cadreCount: number | null } };

export type CadreLifecycleQueryVariables = Exact<{
  id: string | number;
}>;


export type CadreLifecycleQuery = { cadre: { id: string, name: string, version: number, status: string, statusOn: string | null, unit: { id: string, name: string }, tenant: { id: string }, unitHistory: Array<{ id: string, fromUnitName: string | null, toUnitName: string, movedOn: string, actorName: string, at: string }> } | null };

export type MoveCadreMutationVariables = Exact<{
  id: string | number;
  unitId: string | number;
}>;


export type MoveCadreMutation = { moveCadre: { id: string, version: number, unit: { id: string, name: string } } };

export type SetCadreStatusMutationVariables = Exact<{
  id: string | number;
  status: string;
  on: string;
}>;


export type SetCadreStatusMutation = { setCadreStatus: { id: string, version: number, status: string, statusOn: string | null } };

export type DeleteCadreMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteCadreMutation = { deleteCadre: { id: string, deleted: boolean } };

export type MyRecordsQueryVariables = Exact<{
  status?: string | null | undefined;
  first?: number | null | undefined;
  offset?: number | null | undefined;
}>;


export type MyRecordsQuery = { myRecords: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, kind: string, categoryId: number | null, category: string, categoryTitle: string, status: string, statusLabel: string, submittedAt: string, reviewedAt: string | null, reviewedBy: string | null, returnReason: string | null, cadre: { id: string, name: string, unitName: string } } }> } };

export type CadreChangesQueryVariables = Exact<{
  status?: string | null | undefined;
  first?: number | null | undefined;
  offset?: number | null | undefined;
}>;


export type CadreChangesQuery = { cadreChanges: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, version: number, status: string, statusLabel: string, baseVersion: number, cadreVersion: number, stale: boolean, submittedBy: string, submittedAt: string, reviewedBy: string | null, reviewedAt: string | null, returnReason: string | null, cadre: { id: string, name: string, unitName: string }, changes: Array<{ label: string, from: string | null, to: string | null }> } }> } };

export type ReviewCadreChangeMutationVariables = Exact<{
  id: string | number;
  version: number;
  decision: string;
  reason?: string | null | undefined;
}>;


export type ReviewCadreChangeMutation = { reviewCadreChange: { id: string, status: string, version: number } | null };

export type CadreProfileQueryVariables = Exact<{
  id: string | number;
}>;


export type CadreProfileQuery = { cadre: { id: string, version: number, idNumber: string | null, idNumberMasked: boolean, photoUrl: string | null, name: string, sex: string | null, birthMonth: string | null, ethnicity: string | null, nativePlace: string | null, birthPlace: string | null, partyJoin: string | null, workStart: string | null, health: string | null, politicalStatus: string | null, professionalTitle: string | null, specialty: string | null, education: string | null, eduFtLevel: string | null, eduFtDegree: string | null, eduFtLevelSchool: string | null, eduFtDegreeSchool: string | null, eduPtLevel: string | null, eduPtDegree: string | null, eduPtLevelSchool: string | null, eduPtDegreeSchool: string | null, position: string | null, rank: string | null, status: string, managementLevel: string | null, sortOrder: number, proposedPosition: string | null, proposedRemoval: string | null, rewards: string | null, assessmentSummary: string | null, appointmentReason: string | null, reportingUnit: string | null, appointments: Array<{ kind: string, position: string, decidedOn: string, approver: string | null, documentNo: string | null }>, resume: Array<{ startMonth: string, endMonth: string | null, content: string }>, family: Array<{ relation: string, name: string, birthMonth: string | null, politicalStatus: string | null, workPosition: string | null }>, history: Array<{ version: number, action: string, actorName: string, reviewedBy: string | null, at: string, changes: Array<{ label: string, from: string | null, to: string | null }> }>, openChange: { id: string, status: string, returnReason: string | null, reviewedBy: string | null, submittedAt: string, changes: Array<{ label: string, from: string | null, to: string | null }> } | null } | null };

export type UpdateCadreMutationVariables = Exact<{
  id: string | number;
  version: number;
  input: CadrePatch;
}>;


export type UpdateCadreMutation = { updateCadre: { id: string, version: number, openChange: { id: string, status: string } | null } | null };

export type RecordCategoriesQueryVariables = Exact<{ [key: string]: never; }>;


export type RecordCategoriesQuery = { recordCategories: Array<{ id: number, key: string, title: string, short: string, restricted: boolean, fields: Array<{ name: string, label: string, type: string, required: boolean, options: Array<string> | null, max: number | null, wide: boolean }> }> };

export type AuditEventsQueryVariables = Exact<{
  first?: number | null | undefined;
  offset?: number | null | undefined;
  filter?: AuditFilter | null | undefined;
}>;


export type AuditEventsQuery = { auditEvents: { totalCount: number, edges: Array<{ node: { id: string, seq: string | null, at: string, tenantCode: string | null, tenantName: string | null, username: string | null, summary: string, operation: string, kind: string, kindLabel: string, outcome: string, outcomeLabel: string, clientIp: string | null, requestId: string | null, cadreIds: Array<string>, detail: string, hash: string | null, cadres: Array<{ id: string, name: string | null }> } }> } };

export type AuditCountQueryVariables = Exact<{
  filter?: AuditFilter | null | undefined;
}>;


export type AuditCountQuery = { auditEvents: { totalCount: number } };

export type PurgeAuditEventsMutationVariables = Exact<{
  days: number;
}>;


export type PurgeAuditEventsMutation = { purgeAuditEvents: number };

export type AuditTenantsQueryVariables = Exact<{ [key: string]: never; }>;


export type AuditTenantsQuery = { tenants: Array<{ id: string, code: string, name: string, kind: string, kindLabel: string, path: string, parentId: string | null, sortOrder: number, status: string, effectiveStatus: string }> };

export type DeletedCadresQueryVariables = Exact<{ [key: string]: never; }>;


export type DeletedCadresQuery = { deletedCadres: Array<{ id: string, name: string, birthMonth: string | null, position: string | null, deletedAt: string | null, deletedByName: string | null, unit: { name: string }, tenant: { name: string } }> };

export type RestoreCadreMutationVariables = Exact<{
  id: string | number;
}>;


export type RestoreCadreMutation = { restoreCadre: { id: string, deleted: boolean } };

export type CreateCadreMutationVariables = Exact<{
  input: CadreInput;
}>;


export type CreateCadreMutation = { createCadre: { id: string, name: string, unit: { id: string, name: string } } };

export type TenantsQueryVariables = Exact<{ [key: string]: never; }>;


export type TenantsQuery = { tenants: Array<{ id: string, code: string, name: string, pinyin: Array<string>, kind: string, kindLabel: string, sortOrder: number, parentId: string | null }> };

export type UnitsQueryVariables = Exact<{ [key: string]: never; }>;


export type UnitsQuery = { units: Array<{ id: string, name: string, pinyin: Array<string>, parentId: string | null, sortOrder: number, cadreCount: number | null, tenant: { id: string } }> };

export type CadresQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  offset?: number | null | undefined;
  filter?: CadreFilter | null | undefined;
  warnings?: boolean | null | undefined;
}>;


export type CadresQuery = { cadres: { totalCount: number, totalCountIsEstimate: boolean, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, name: string, sex: string | null, birthMonth: string | null, ethnicity: string | null, nativePlace: string | null, education: string | null, position: string | null, rank: string | null, status: string, sortOrder: number, tenant: { id: string, code: string, name: string }, unit: { id: string, name: string }, warnings?: Array<{ colour: string, reasons: Array<string>, ends: string | null, level: { code: string, hex: string }, rule: { code: string, name: string, version: number } }> } }> } };

export type WarningBoardQueryVariables = Exact<{
  asOf?: string | null | undefined;
  tenantCode?: string | null | undefined;
  unitId?: string | number | null | undefined;
}>;


export type WarningBoardQuery = { warningBoard: { asOf: string, total: number, cadreCount: number, byColour: Array<{ colour: string, count: number, level: { code: string, name: string, hex: string, rank: number, description: string | null } }>, byRule: Array<{ count: number, rule: { code: string, name: string, version: number } }> } };

export type WarningTrendQueryVariables = Exact<{
  from?: string | null | undefined;
  to?: string | null | undefined;
  tenantCode?: string | null | undefined;
  unitId?: string | number | null | undefined;
}>;


export type WarningTrendQuery = { warningTrend: Array<{ month: string, asOf: string, total: number, byColour: Array<{ colour: string, count: number, level: { code: string, name: string, hex: string, rank: number } }> }> };

export type WarningListQueryVariables = Exact<{
  asOf?: string | null | undefined;
  colour?: string | null | undefined;
  tenantCode?: string | null | undefined;
  unitId?: string | number | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  offset?: number | null | undefined;
}>;


export type WarningListQuery = { warningList: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { colour: string, reasons: Array<string>, level: { code: string, name: string, hex: string }, warning: { colour: string, reasons: Array<string>, startsOn: string, ends: string | null, level: { code: string, name: string, hex: string }, rule: { code: string, name: string, version: number } } | null, cadre: { id: string, name: string, position: string | null, unit: { id: string, name: string }, tenant: { id: string, name: string } } } }> } };

export type CadreWarningsQueryVariables = Exact<{
  id: string | number;
  asOf?: string | null | undefined;
}>;


export type CadreWarningsQuery = { cadre: { id: string, warning: { colour: string, reasons: Array<string>, startsOn: string, ends: string | null, level: { code: string, name: string, hex: string }, rule: { code: string, name: string, version: number } } | null, warnings: Array<{ colour: string, reasons: Array<string>, startsOn: string, ends: string | null, level: { code: string, name: string, hex: string }, rule: { code: string, name: string, version: number } }> } | null };

export type WarningRuleFieldsFragment = { code: string, name: string, kind: string, kindLabel: string, levelCode: string | null, definition: string, enabled: boolean, locked: boolean, lockedAbove: boolean, version: number, source: string, sourceKind: string, canEdit: boolean, level: { code: string, name: string, hex: string, rank: number } | null, ownerTenant: { code: string, name: string } | null };

export type WarningSchemeFieldsFragment = { version: number, source: string, sourceKind: string, canEdit: boolean, ownerTenant: { code: string, name: string } | null, levels: Array<{ code: string, name: string, rank: number, hex: string, description: string | null }>, influence: Array<{ kind: string | null, kindLabel: string | null, measure: string, measureLabel: string, months: number }>, dispositions: Array<{ level: string, kind: string, title: string, rectifyWorkingDays: number }> };

export type WarningRulesQueryVariables = Exact<{
  tenantCode: string;
}>;


export type WarningRulesQuery = { warningRules: Array<{ code: string, name: string, kind: string, kindLabel: string, levelCode: string | null, definition: string, enabled: boolean, locked: boolean, lockedAbove: boolean, version: number, source: string, sourceKind: string, canEdit: boolean, level: { code: string, name: string, hex: string, rank: number } | null, ownerTenant: { code: string, name: string } | null }> };

export type WarningSchemeQueryVariables = Exact<{
  tenantCode: string;
}>;


export type WarningSchemeQuery = { warningScheme: { version: number, source: string, sourceKind: string, canEdit: boolean, ownerTenant: { code: string, name: string } | null, levels: Array<{ code: string, name: string, rank: number, hex: string, description: string | null }>, influence: Array<{ kind: string | null, kindLabel: string | null, measure: string, measureLabel: string, months: number }>, dispositions: Array<{ level: string, kind: string, title: string, rectifyWorkingDays: number }> } };

export type WarningRuleHistoryQueryVariables = Exact<{
  tenantCode: string;
  code: string;
}>;


export type WarningRuleHistoryQuery = { warningRuleHistory: Array<{ id: string, version: number, action: string, actionLabel: string, name: string, kindLabel: string, levelCode: string | null, definition: string, enabled: boolean, locked: boolean, note: string | null, createdBy: string, createdAt: string, current: boolean, tenant: { code: string, name: string } }> };

export type WarningRuleOptionsQueryVariables = Exact<{ [key: string]: never; }>;


export type WarningRuleOptionsQuery = { warningRuleOptions: { ruleKinds: Array<{ code: string, label: string }>, sanctionForms: Array<{ code: string, label: string }>, sanctionKinds: Array<{ code: string, label: string }>, sanctionMeasures: Array<{ code: string, label: string }>, clueModes: Array<{ code: string, label: string }>, clueStatuses: Array<{ code: string, label: string }>, lendingStatuses: Array<{ code: string, label: string }>, lendingDirections: Array<{ code: string, label: string }>, giftHandlings: Array<{ code: string, label: string }>, amountCategories: Array<{ code: string, label: string }>, overdueSubjects: Array<{ code: string, label: string }>, scoreSources: Array<{ code: string, label: string }> } };

export type PreviewWarningRuleQueryVariables = Exact<{
  tenantCode: string;
  input: WarningRuleInput;
  asOf?: string | null | undefined;
}>;


export type PreviewWarningRuleQuery = { previewWarningRule: { asOf: string, changed: number, summary: string, tenantCount: number, before: Array<{ colour: string, count: number, level: { code: string, name: string, hex: string, rank: number } }>, after: Array<{ colour: string, count: number, level: { code: string, name: string, hex: string, rank: number } }> } };

export type UpsertWarningRuleMutationVariables = Exact<{
  tenantCode: string;
  input: WarningRuleInput;
}>;


export type UpsertWarningRuleMutation = { upsertWarningRule: { code: string, name: string, kind: string, kindLabel: string, levelCode: string | null, definition: string, enabled: boolean, locked: boolean, lockedAbove: boolean, version: number, source: string, sourceKind: string, canEdit: boolean, level: { code: string, name: string, hex: string, rank: number } | null, ownerTenant: { code: string, name: string } | null } };

export type LockWarningRuleMutationVariables = Exact<{
  tenantCode: string;
  code: string;
  locked: boolean;
}>;


export type LockWarningRuleMutation = { lockWarningRule: { code: string, name: string, kind: string, kindLabel: string, levelCode: string | null, definition: string, enabled: boolean, locked: boolean, lockedAbove: boolean, version: number, source: string, sourceKind: string, canEdit: boolean, level: { code: string, name: string, hex: string, rank: number } | null, ownerTenant: { code: string, name: string } | null } };

export type ResetWarningRuleMutationVariables = Exact<{
  tenantCode: string;
  code: string;
}>;


export type ResetWarningRuleMutation = { resetWarningRule: { code: string, name: string, kind: string, kindLabel: string, levelCode: string | null, definition: string, enabled: boolean, locked: boolean, lockedAbove: boolean, version: number, source: string, sourceKind: string, canEdit: boolean, level: { code: string, name: string, hex: string, rank: number } | null, ownerTenant: { code: string, name: string } | null } | null };

export type UpdateWarningSchemeMutationVariables = Exact<{
  tenantCode: string;
  input: WarningSchemeInput;
}>;


export type UpdateWarningSchemeMutation = { updateWarningScheme: { version: number, source: string, sourceKind: string, canEdit: boolean, ownerTenant: { code: string, name: string } | null, levels: Array<{ code: string, name: string, rank: number, hex: string, description: string | null }>, influence: Array<{ kind: string | null, kindLabel: string | null, measure: string, measureLabel: string, months: number }>, dispositions: Array<{ level: string, kind: string, title: string, rectifyWorkingDays: number }> } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const AdminTenantFieldsFragmentDoc = new TypedDocumentString(`
    fragment AdminTenantFields on Tenant {
  id
  code
  name
  kind
  kindLabel
  path
  parentId
  sortOrder
  status
  effectiveStatus
}
    `, {"fragmentName":"AdminTenantFields"}) as unknown as TypedDocumentString<AdminTenantFieldsFragment, unknown>;
export const RoleGrantFieldsFragmentDoc = new TypedDocumentString(`
    fragment RoleGrantFields on RoleGrant {
  id
  tenantId
  tenantCode
  tenantName
  userId
  username
  displayName
  role
  roleLabel
  previousRole
  previousRoleLabel
  newAccount
  reconfirmation
  unitNames
  status
  statusLabel
  requestedByName
  requestedAt
  decidedByName
  decidedAt
  reason
  canDecide
}
    `, {"fragmentName":"RoleGrantFields"}) as unknown as TypedDocumentString<RoleGrantFieldsFragment, unknown>;
export const AdminUserFieldsFragmentDoc = new TypedDocumentString(`
    fragment AdminUserFields on User {
  id
  username
  displayName
  role
  roleLabel
  status
  statusLabel
  locked
  lockedUntil
  failedLogins
  lastLoginAt
  lastLoginIp
  mustChangePassword
  activationPending
  activationExpiresAt
  createdAt
  tenantId
  tenantCode
  tenantName
  unitIds
  pendingGrant {
    id
    role
    roleLabel
    unitNames
    requestedAt
  }
}
    `, {"fragmentName":"AdminUserFields"}) as unknown as TypedDocumentString<AdminUserFieldsFragment, unknown>;
export const AccountActivationFieldsFragmentDoc = new TypedDocumentString(`
    fragment AccountActivationFields on AccountActivation {
  activationCode
  expiresAt
  user {
    ...AdminUserFields
  }
  grant {
    id
    roleLabel
    status
  }
}
    fragment AdminUserFields on User {
  id
  username
  displayName
  role
  roleLabel
  status
  statusLabel
  locked
  lockedUntil
  failedLogins
  lastLoginAt
  lastLoginIp
  mustChangePassword
  activationPending
  activationExpiresAt
  createdAt
  tenantId
  tenantCode
  tenantName
  unitIds
  pendingGrant {
    id
    role
    roleLabel
    unitNames
    requestedAt
  }
}`, {"fragmentName":"AccountActivationFields"}) as unknown as TypedDocumentString<AccountActivationFieldsFragment, unknown>;
export const SecuritySettingFieldsFragmentDoc = new TypedDocumentString(`
    fragment SecuritySettingFields on SecuritySetting {
  value
  own
  inherited
  sourceTenantName
  floor
  stricter
  min
  max
  label
}
    `, {"fragmentName":"SecuritySettingFields"}) as unknown as TypedDocumentString<SecuritySettingFieldsFragment, unknown>;
export const SecuritySettingsFieldsFragmentDoc = new TypedDocumentString(`
    fragment SecuritySettingsFields on SecuritySettings {
  tenantId
  lockoutThreshold {
    ...SecuritySettingFields
  }
  lockoutMinutes {
    ...SecuritySettingFields
  }
  passwordMinLength {
    ...SecuritySettingFields
  }
  passwordMinClasses {
    ...SecuritySettingFields
  }
  idleTimeoutMinutes {
    ...SecuritySettingFields
  }
}
    fragment SecuritySettingFields on SecuritySetting {
  value
  own
  inherited
  sourceTenantName
  floor
  stricter
  min
  max
  label
}`, {"fragmentName":"SecuritySettingsFields"}) as unknown as TypedDocumentString<SecuritySettingsFieldsFragment, unknown>;
export const AdminUnitFieldsFragmentDoc = new TypedDocumentString(`
    fragment AdminUnitFields on Unit {
  id
  name
  parentId
  sortOrder
  kind
  kindCode
  code
  retired
  retiredAt
  mergedIntoId
  cadreCount
}
    `, {"fragmentName":"AdminUnitFields"}) as unknown as TypedDocumentString<AdminUnitFieldsFragment, unknown>;
export const WarningRuleFieldsFragmentDoc = new TypedDocumentString(`
    fragment WarningRuleFields on WarningRule {
  code
  name
  kind
  kindLabel
  levelCode
  level {
    code
    name
    hex
    rank
  }
  definition
  enabled
  locked
  lockedAbove
  version
  source
  sourceKind
  ownerTenant {
    code
    name
  }
  canEdit
}
    `, {"fragmentName":"WarningRuleFields"}) as unknown as TypedDocumentString<WarningRuleFieldsFragment, unknown>;
export const WarningSchemeFieldsFragmentDoc = new TypedDocumentString(`
    fragment WarningSchemeFields on WarningScheme {
  version
  source
  sourceKind
  ownerTenant {
    code
    name
  }
  canEdit
  levels {
    code
    name
    rank
    hex
    description
  }
  influence {
    kind
    kindLabel
    measure
    measureLabel
    months
  }
  dispositions {
    level
    kind
    title
    rectifyWorkingDays
  }
}
    `, {"fragmentName":"WarningSchemeFields"}) as unknown as TypedDocumentString<WarningSchemeFieldsFragment, unknown>;
export const ActivateAccountDocument = new TypedDocumentString(`
    mutation ActivateAccount($username: String!, $code: String!, $newPassword: String!) {
  activateAccount(username: $username, code: $code, newPassword: $newPassword) {
    username
    ready
    message
  }
}
    `) as unknown as TypedDocumentString<ActivateAccountMutation, ActivateAccountMutationVariables>;
export const MeDocument = new TypedDocumentString(`
    query Me {
  me {
    id
    username
    displayName
    roles
    roleLabel
    mustChangePassword
    permissions
    passwordRule
    tenant {
      id
      code
      name
      kindLabel
      path
    }
  }
}
    `) as unknown as TypedDocumentString<MeQuery, MeQueryVariables>;
export const LoginDocument = new TypedDocumentString(`
    mutation Login($username: String!, $password: String!) {
  login(username: $username, password: $password) {
    accessToken
    expiresIn
    refreshToken
    mustChangePassword
  }
}
    `) as unknown as TypedDocumentString<LoginMutation, LoginMutationVariables>;
export const LogoutDocument = new TypedDocumentString(`
    mutation Logout {
  logout
}
    `) as unknown as TypedDocumentString<LogoutMutation, LogoutMutationVariables>;
export const ChangePasswordDocument = new TypedDocumentString(`
    mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
  changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
}
    `) as unknown as TypedDocumentString<ChangePasswordMutation, ChangePasswordMutationVariables>;
export const CodeTableDocument = new TypedDocumentString(`
    query CodeTable($n: [String!]) {
  codeTables(names: $n) {
    name
    title
    items {
      code
      label
      abbr
      parent
      initials
      pinyin
    }
  }
}
    `) as unknown as TypedDocumentString<CodeTableQuery, CodeTableQueryVariables>;
export const PickerUnitsDocument = new TypedDocumentString(`
    query PickerUnits {
  units {
    id
    name
    pinyin
    parentId
    sortOrder
    tenant {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<PickerUnitsQuery, PickerUnitsQueryVariables>;
export const WorkCalendarYearDocument = new TypedDocumentString(`
    query WorkCalendarYear($year: Int!) {
  workCalendar(year: $year) {
    year
    covered
    notice
    days {
      date
      working
      kind
      name
      source
      updatedByName
    }
  }
  workCalendarCoverage {
    from
    to
    years
  }
}
    `) as unknown as TypedDocumentString<WorkCalendarYearQuery, WorkCalendarYearQueryVariables>;
export const SetWorkDayDocument = new TypedDocumentString(`
    mutation SetWorkDay($date: String!, $working: Boolean!, $name: String) {
  setWorkDay(date: $date, working: $working, name: $name) {
    date
    working
    kind
    name
  }
}
    `) as unknown as TypedDocumentString<SetWorkDayMutation, SetWorkDayMutationVariables>;
export const ClearWorkDayDocument = new TypedDocumentString(`
    mutation ClearWorkDay($date: String!) {
  clearWorkDay(date: $date)
}
    `) as unknown as TypedDocumentString<ClearWorkDayMutation, ClearWorkDayMutationVariables>;
export const AdminTenantsDocument = new TypedDocumentString(`
    query AdminTenants {
  tenants {
    ...AdminTenantFields
  }
}
    fragment AdminTenantFields on Tenant {
  id
  code
  name
  kind
  kindLabel
  path
  parentId
  sortOrder
  status
  effectiveStatus
}`) as unknown as TypedDocumentString<AdminTenantsQuery, AdminTenantsQueryVariables>;
export const CreateTenantDocument = new TypedDocumentString(`
    mutation CreateTenant($input: TenantInput!) {
  createTenant(input: $input) {
    ...AdminTenantFields
  }
}
    fragment AdminTenantFields on Tenant {
  id
  code
  name
  kind
  kindLabel
  path
  parentId
  sortOrder
  status
  effectiveStatus
}`) as unknown as TypedDocumentString<CreateTenantMutation, CreateTenantMutationVariables>;
export const UpdateTenantDocument = new TypedDocumentString(`
    mutation UpdateTenant($id: ID!, $name: String, $sortOrder: Int) {
  updateTenant(id: $id, name: $name, sortOrder: $sortOrder) {
    ...AdminTenantFields
  }
}
    fragment AdminTenantFields on Tenant {
  id
  code
  name
  kind
  kindLabel
  path
  parentId
  sortOrder
  status
  effectiveStatus
}`) as unknown as TypedDocumentString<UpdateTenantMutation, UpdateTenantMutationVariables>;
export const MoveTenantDocument = new TypedDocumentString(`
    mutation MoveTenant($id: ID!, $parentId: ID!) {
  moveTenant(id: $id, parentId: $parentId) {
    ...AdminTenantFields
  }
}
    fragment AdminTenantFields on Tenant {
  id
  code
  name
  kind
  kindLabel
  path
  parentId
  sortOrder
  status
  effectiveStatus
}`) as unknown as TypedDocumentString<MoveTenantMutation, MoveTenantMutationVariables>;
export const SetTenantStatusDocument = new TypedDocumentString(`
    mutation SetTenantStatus($id: ID!, $status: String!) {
  setTenantStatus(id: $id, status: $status) {
    ...AdminTenantFields
  }
}
    fragment AdminTenantFields on Tenant {
  id
  code
  name
  kind
  kindLabel
  path
  parentId
  sortOrder
  status
  effectiveStatus
}`) as unknown as TypedDocumentString<SetTenantStatusMutation, SetTenantStatusMutationVariables>;
export const AdminUsersDocument = new TypedDocumentString(`
    query AdminUsers($tenantId: ID, $search: String, $role: String, $first: Int, $offset: Int) {
  users(
    tenantId: $tenantId
    search: $search
    role: $role
    first: $first
    offset: $offset
  ) {
    totalCount
    edges {
      node {
        ...AdminUserFields
      }
    }
  }
}
    fragment AdminUserFields on User {
  id
  username
  displayName
  role
  roleLabel
  status
  statusLabel
  locked
  lockedUntil
  failedLogins
  lastLoginAt
  lastLoginIp
  mustChangePassword
  activationPending
  activationExpiresAt
  createdAt
  tenantId
  tenantCode
  tenantName
  unitIds
  pendingGrant {
    id
    role
    roleLabel
    unitNames
    requestedAt
  }
}`) as unknown as TypedDocumentString<AdminUsersQuery, AdminUsersQueryVariables>;
export const CreateUserDocument = new TypedDocumentString(`
    mutation CreateUser($input: UserInput!) {
  createUser(input: $input) {
    ...AccountActivationFields
  }
}
    fragment AdminUserFields on User {
  id
  username
  displayName
  role
  roleLabel
  status
  statusLabel
  locked
  lockedUntil
  failedLogins
  lastLoginAt
  lastLoginIp
  mustChangePassword
  activationPending
  activationExpiresAt
  createdAt
  tenantId
  tenantCode
  tenantName
  unitIds
  pendingGrant {
    id
    role
    roleLabel
    unitNames
    requestedAt
  }
}
fragment AccountActivationFields on AccountActivation {
  activationCode
  expiresAt
  user {
    ...AdminUserFields
  }
  grant {
    id
    roleLabel
    status
  }
}`) as unknown as TypedDocumentString<CreateUserMutation, CreateUserMutationVariables>;
export const UpdateUserDocument = new TypedDocumentString(`
    mutation UpdateUser($id: ID!, $input: UserPatch!) {
  updateUser(id: $id, input: $input) {
    ...AdminUserFields
  }
}
    fragment AdminUserFields on User {
  id
  username
  displayName
  role
  roleLabel
  status
  statusLabel
  locked
  lockedUntil
  failedLogins
  lastLoginAt
  lastLoginIp
  mustChangePassword
  activationPending
  activationExpiresAt
  createdAt
  tenantId
  tenantCode
  tenantName
  unitIds
  pendingGrant {
    id
    role
    roleLabel
    unitNames
    requestedAt
  }
}`) as unknown as TypedDocumentString<UpdateUserMutation, UpdateUserMutationVariables>;
export const SetUserStatusDocument = new TypedDocumentString(`
    mutation SetUserStatus($id: ID!, $status: String!) {
  setUserStatus(id: $id, status: $status) {
    ...AdminUserFields
  }
}
    fragment AdminUserFields on User {
  id
  username
  displayName
  role
  roleLabel
  status
  statusLabel
  locked
  lockedUntil
  failedLogins
  lastLoginAt
  lastLoginIp
  mustChangePassword
  activationPending
  activationExpiresAt
  createdAt
  tenantId
  tenantCode
  tenantName
  unitIds
  pendingGrant {
    id
    role
    roleLabel
    unitNames
    requestedAt
  }
}`) as unknown as TypedDocumentString<SetUserStatusMutation, SetUserStatusMutationVariables>;
export const UnlockUserDocument = new TypedDocumentString(`
    mutation UnlockUser($id: ID!) {
  unlockUser(id: $id) {
    ...AdminUserFields
  }
}
    fragment AdminUserFields on User {
  id
  username
  displayName
  role
  roleLabel
  status
  statusLabel
  locked
  lockedUntil
  failedLogins
  lastLoginAt
  lastLoginIp
  mustChangePassword
  activationPending
  activationExpiresAt
  createdAt
  tenantId
  tenantCode
  tenantName
  unitIds
  pendingGrant {
    id
    role
    roleLabel
    unitNames
    requestedAt
  }
}`) as unknown as TypedDocumentString<UnlockUserMutation, UnlockUserMutationVariables>;
export const ResetUserPasswordDocument = new TypedDocumentString(`
    mutation ResetUserPassword($id: ID!) {
  resetUserPassword(id: $id) {
    ...AccountActivationFields
  }
}
    fragment AdminUserFields on User {
  id
  username
  displayName
  role
  roleLabel
  status
  statusLabel
  locked
  lockedUntil
  failedLogins
  lastLoginAt
  lastLoginIp
  mustChangePassword
  activationPending
  activationExpiresAt
  createdAt
  tenantId
  tenantCode
  tenantName
  unitIds
  pendingGrant {
    id
    role
    roleLabel
    unitNames
    requestedAt
  }
}
fragment AccountActivationFields on AccountActivation {
  activationCode
  expiresAt
  user {
    ...AdminUserFields
  }
  grant {
    id
    roleLabel
    status
  }
}`) as unknown as TypedDocumentString<ResetUserPasswordMutation, ResetUserPasswordMutationVariables>;
export const RoleGrantsDocument = new TypedDocumentString(`
    query RoleGrants($status: String, $tenantId: ID, $first: Int, $offset: Int) {
  roleGrants(status: $status, tenantId: $tenantId, first: $first, offset: $offset) {
    totalCount
    edges {
      node {
        ...RoleGrantFields
      }
    }
  }
}
    fragment RoleGrantFields on RoleGrant {
  id
  tenantId
  tenantCode
  tenantName
  userId
  username
  displayName
  role
  roleLabel
  previousRole
  previousRoleLabel
  newAccount
  reconfirmation
  unitNames
  status
  statusLabel
  requestedByName
  requestedAt
  decidedByName
  decidedAt
  reason
  canDecide
}`) as unknown as TypedDocumentString<RoleGrantsQuery, RoleGrantsQueryVariables>;
export const ApproveRoleGrantDocument = new TypedDocumentString(`
    mutation ApproveRoleGrant($id: ID!) {
  approveRoleGrant(id: $id) {
    ...RoleGrantFields
  }
}
    fragment RoleGrantFields on RoleGrant {
  id
  tenantId
  tenantCode
  tenantName
  userId
  username
  displayName
  role
  roleLabel
  previousRole
  previousRoleLabel
  newAccount
  reconfirmation
  unitNames
  status
  statusLabel
  requestedByName
  requestedAt
  decidedByName
  decidedAt
  reason
  canDecide
}`) as unknown as TypedDocumentString<ApproveRoleGrantMutation, ApproveRoleGrantMutationVariables>;
export const RejectRoleGrantDocument = new TypedDocumentString(`
    mutation RejectRoleGrant($id: ID!, $reason: String!) {
  rejectRoleGrant(id: $id, reason: $reason) {
    ...RoleGrantFields
  }
}
    fragment RoleGrantFields on RoleGrant {
  id
  tenantId
  tenantCode
  tenantName
  userId
  username
  displayName
  role
  roleLabel
  previousRole
  previousRoleLabel
  newAccount
  reconfirmation
  unitNames
  status
  statusLabel
  requestedByName
  requestedAt
  decidedByName
  decidedAt
  reason
  canDecide
}`) as unknown as TypedDocumentString<RejectRoleGrantMutation, RejectRoleGrantMutationVariables>;
export const RoleGrantAlertsDocument = new TypedDocumentString(`
    query RoleGrantAlerts($days: Int) {
  roleGrantAlerts(days: $days) {
    summary
    firstLoginAt
    readCount
    cadreCount
    lastReadAt
    grant {
      ...RoleGrantFields
    }
  }
}
    fragment RoleGrantFields on RoleGrant {
  id
  tenantId
  tenantCode
  tenantName
  userId
  username
  displayName
  role
  roleLabel
  previousRole
  previousRoleLabel
  newAccount
  reconfirmation
  unitNames
  status
  statusLabel
  requestedByName
  requestedAt
  decidedByName
  decidedAt
  reason
  canDecide
}`) as unknown as TypedDocumentString<RoleGrantAlertsQuery, RoleGrantAlertsQueryVariables>;
export const TenantUnitsDocument = new TypedDocumentString(`
    query TenantUnits($tenantCode: String) {
  units(tenantCode: $tenantCode) {
    id
    name
    pinyin
    parentId
    sortOrder
  }
}
    `) as unknown as TypedDocumentString<TenantUnitsQuery, TenantUnitsQueryVariables>;
export const TenantSecurityDocument = new TypedDocumentString(`
    query TenantSecurity($tenantId: ID!) {
  tenantSecurity(tenantId: $tenantId) {
    ...SecuritySettingsFields
  }
}
    fragment SecuritySettingFields on SecuritySetting {
  value
  own
  inherited
  sourceTenantName
  floor
  stricter
  min
  max
  label
}
fragment SecuritySettingsFields on SecuritySettings {
  tenantId
  lockoutThreshold {
    ...SecuritySettingFields
  }
  lockoutMinutes {
    ...SecuritySettingFields
  }
  passwordMinLength {
    ...SecuritySettingFields
  }
  passwordMinClasses {
    ...SecuritySettingFields
  }
  idleTimeoutMinutes {
    ...SecuritySettingFields
  }
}`) as unknown as TypedDocumentString<TenantSecurityQuery, TenantSecurityQueryVariables>;
export const UpdateTenantSecurityDocument = new TypedDocumentString(`
    mutation UpdateTenantSecurity($tenantId: ID!, $input: SecuritySettingsInput!) {
  updateTenantSecurity(tenantId: $tenantId, input: $input) {
    ...SecuritySettingsFields
  }
}
    fragment SecuritySettingFields on SecuritySetting {
  value
  own
  inherited
  sourceTenantName
  floor
  stricter
  min
  max
  label
}
fragment SecuritySettingsFields on SecuritySettings {
  tenantId
  lockoutThreshold {
    ...SecuritySettingFields
  }
  lockoutMinutes {
    ...SecuritySettingFields
  }
  passwordMinLength {
    ...SecuritySettingFields
  }
  passwordMinClasses {
    ...SecuritySettingFields
  }
  idleTimeoutMinutes {
    ...SecuritySettingFields
  }
}`) as unknown as TypedDocumentString<UpdateTenantSecurityMutation, UpdateTenantSecurityMutationVariables>;
export const AdminUnitsDocument = new TypedDocumentString(`
    query AdminUnits($tenantCode: String) {
  units(tenantCode: $tenantCode, includeRetired: true) {
    ...AdminUnitFields
  }
}
    fragment AdminUnitFields on Unit {
  id
  name
  parentId
  sortOrder
  kind
  kindCode
  code
  retired
  retiredAt
  mergedIntoId
  cadreCount
}`) as unknown as TypedDocumentString<AdminUnitsQuery, AdminUnitsQueryVariables>;
export const UnitTenantsDocument = new TypedDocumentString(`
    query UnitTenants {
  tenants {
    id
    code
    name
    parentId
    defaultImportUnit {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<UnitTenantsQuery, UnitTenantsQueryVariables>;
export const SetDefaultImportUnitDocument = new TypedDocumentString(`
    mutation SetDefaultImportUnit($tenantId: ID!, $unitId: ID) {
  setDefaultImportUnit(tenantId: $tenantId, unitId: $unitId) {
    id
    defaultImportUnit {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<SetDefaultImportUnitMutation, SetDefaultImportUnitMutationVariables>;
export const CreateUnitDocument = new TypedDocumentString(`
    mutation CreateUnit($input: CreateUnitInput!) {
  createUnit(input: $input) {
    ...AdminUnitFields
  }
}
    fragment AdminUnitFields on Unit {
  id
  name
  parentId
  sortOrder
  kind
  kindCode
  code
  retired
  retiredAt
  mergedIntoId
  cadreCount
}`) as unknown as TypedDocumentString<CreateUnitMutation, CreateUnitMutationVariables>;
export const UpdateUnitDocument = new TypedDocumentString(`
    mutation UpdateUnit($id: ID!, $name: String, $kind: String, $code: String, $sortOrder: Int) {
  updateUnit(
    id: $id
    name: $name
    kind: $kind
    code: $code
    sortOrder: $sortOrder
  ) {
    ...AdminUnitFields
  }
}
    fragment AdminUnitFields on Unit {
  id
  name
  parentId
  sortOrder
  kind
  kindCode
  code
  retired
  retiredAt
  mergedIntoId
  cadreCount
}`) as unknown as TypedDocumentString<UpdateUnitMutation, UpdateUnitMutationVariables>;
export const MoveUnitDocument = new TypedDocumentString(`
    mutation MoveUnit($id: ID!, $parentId: ID, $beforeId: ID) {
  moveUnit(id: $id, parentId: $parentId, beforeId: $beforeId) {
    ...AdminUnitFields
  }
}
    fragment AdminUnitFields on Unit {
  id
  name
  parentId
  sortOrder
  kind
  kindCode
  code
  retired
  retiredAt
  mergedIntoId
  cadreCount
}`) as unknown as TypedDocumentString<MoveUnitMutation, MoveUnitMutationVariables>;
export const MergeUnitsDocument = new TypedDocumentString(`
    mutation MergeUnits($fromId: ID!, $intoId: ID!) {
  mergeUnits(fromId: $fromId, intoId: $intoId) {
    ...AdminUnitFields
  }
}
    fragment AdminUnitFields on Unit {
  id
  name
  parentId
  sortOrder
  kind
  kindCode
  code
  retired
  retiredAt
  mergedIntoId
  cadreCount
}`) as unknown as TypedDocumentString<MergeUnitsMutation, MergeUnitsMutationVariables>;
export const RetireUnitDocument = new TypedDocumentString(`
    mutation RetireUnit($id: ID!) {
  retireUnit(id: $id) {
    ...AdminUnitFields
  }
}
    fragment AdminUnitFields on Unit {
  id
  name
  parentId
  sortOrder
  kind
  kindCode
  code
  retired
  retiredAt
  mergedIntoId
  cadreCount
}`) as unknown as TypedDocumentString<RetireUnitMutation, RetireUnitMutationVariables>;
export const RestoreUnitDocument = new TypedDocumentString(`
    mutation RestoreUnit($id: ID!) {
  restoreUnit(id: $id) {
    ...AdminUnitFields
  }
}
    fragment AdminUnitFields on Unit {
  id
  name
  parentId
  sortOrder
  kind
  kindCode
  code
  retired
  retiredAt
  mergedIntoId
  cadreCount
}`) as unknown as TypedDocumentString<RestoreUnitMutation, RestoreUnitMutationVariables>;
export const CadreLifecycleDocument = new TypedDocumentString(`
    query CadreLifecycle($id: ID!) {
  cadre(id: $id) {
    id
    name
    version
    status
    statusOn
    unit {
      id
      name
    }
    tenant {
      id
    }
    unitHistory {
      id
      fromUnitName
      toUnitName
      movedOn
      actorName
      at
    }
  }
}
    `) as unknown as TypedDocumentString<CadreLifecycleQuery, CadreLifecycleQueryVariables>;
export const MoveCadreDocument = new TypedDocumentString(`
    mutation MoveCadre($id: ID!, $unitId: ID!) {
  moveCadre(id: $id, unitId: $unitId) {
    id
    version
    unit {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<MoveCadreMutation, MoveCadreMutationVariables>;
export const SetCadreStatusDocument = new TypedDocumentString(`
    mutation SetCadreStatus($id: ID!, $status: String!, $on: String!) {
  setCadreStatus(id: $id, status: $status, on: $on) {
    id
    version
    status
    statusOn
  }
}
    `) as unknown as TypedDocumentString<SetCadreStatusMutation, SetCadreStatusMutationVariables>;
export const DeleteCadreDocument = new TypedDocumentString(`
    mutation DeleteCadre($id: ID!) {
  deleteCadre(id: $id) {
    id
    deleted
  }
}
    `) as unknown as TypedDocumentString<DeleteCadreMutation, DeleteCadreMutationVariables>;
export const MyRecordsDocument = new TypedDocumentString(`
    query MyRecords($status: String, $first: Int, $offset: Int) {
  myRecords(status: $status, first: $first, offset: $offset) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        kind
        categoryId
        category
        categoryTitle
        status
        statusLabel
        submittedAt
        reviewedAt
        reviewedBy
        returnReason
        cadre {
          id
          name
          unitName
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MyRecordsQuery, MyRecordsQueryVariables>;
export const CadreChangesDocument = new TypedDocumentString(`
    query CadreChanges($status: String, $first: Int, $offset: Int) {
  cadreChanges(status: $status, first: $first, offset: $offset) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        version
        status
        statusLabel
        baseVersion
        cadreVersion
        stale
        submittedBy
        submittedAt
        reviewedBy
        reviewedAt
        returnReason
        cadre {
          id
          name
          unitName
        }
        changes {
          label
          from
          to
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CadreChangesQuery, CadreChangesQueryVariables>;
export const ReviewCadreChangeDocument = new TypedDocumentString(`
    mutation ReviewCadreChange($id: ID!, $version: Int!, $decision: String!, $reason: String) {
  reviewCadreChange(
    id: $id
    version: $version
    decision: $decision
    reason: $reason
  ) {
    id
    status
    version
  }
}
    `) as unknown as TypedDocumentString<ReviewCadreChangeMutation, ReviewCadreChangeMutationVariables>;
export const CadreProfileDocument = new TypedDocumentString(`
    query CadreProfile($id: ID!) {
  cadre(id: $id) {
    id
    version
    idNumber
    idNumberMasked
    photoUrl
    name
    sex
    birthMonth
    ethnicity
    nativePlace
    birthPlace
    partyJoin
    workStart
    health
    politicalStatus
    professionalTitle
    specialty
    education
    eduFtLevel
    eduFtDegree
    eduFtLevelSchool
    eduFtDegreeSchool
    eduPtLevel
    eduPtDegree
    eduPtLevelSchool
    eduPtDegreeSchool
    position
    rank
    status
    managementLevel
    sortOrder
    proposedPosition
    proposedRemoval
    rewards
    assessmentSummary
    appointmentReason
    reportingUnit
    appointments {
      kind
      position
      decidedOn
      approver
      documentNo
    }
    resume {
      startMonth
      endMonth
      content
    }
    family {
      relation
      name
      birthMonth
      politicalStatus
      workPosition
    }
    history {
      version
      action
      actorName
      reviewedBy
      at
      changes {
        label
        from
        to
      }
    }
    openChange {
      id
      status
      returnReason
      reviewedBy
      submittedAt
      changes {
        label
        from
        to
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CadreProfileQuery, CadreProfileQueryVariables>;
export const UpdateCadreDocument = new TypedDocumentString(`
    mutation UpdateCadre($id: ID!, $version: Int!, $input: CadrePatch!) {
  updateCadre(id: $id, version: $version, input: $input) {
    id
    version
    openChange {
      id
      status
    }
  }
}
    `) as unknown as TypedDocumentString<UpdateCadreMutation, UpdateCadreMutationVariables>;
export const RecordCategoriesDocument = new TypedDocumentString(`
    query RecordCategories {
  recordCategories {
    id
    key
    title
    short
    restricted
    fields {
      name
      label
      type
      required
      options
      max
      wide
    }
  }
}
    `) as unknown as TypedDocumentString<RecordCategoriesQuery, RecordCategoriesQueryVariables>;
export const AuditEventsDocument = new TypedDocumentString(`
    query AuditEvents($first: Int, $offset: Int, $filter: AuditFilter) {
  auditEvents(first: $first, offset: $offset, filter: $filter) {
    totalCount
    edges {
      node {
        id
        seq
        at
        tenantCode
        tenantName
        username
        summary
        operation
        kind
        kindLabel
        outcome
        outcomeLabel
        clientIp
        requestId
        cadreIds
        cadres {
          id
          name
        }
        detail
        hash
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AuditEventsQuery, AuditEventsQueryVariables>;
export const AuditCountDocument = new TypedDocumentString(`
    query AuditCount($filter: AuditFilter) {
  auditEvents(first: 0, filter: $filter) {
    totalCount
  }
}
    `) as unknown as TypedDocumentString<AuditCountQuery, AuditCountQueryVariables>;
export const PurgeAuditEventsDocument = new TypedDocumentString(`
    mutation PurgeAuditEvents($days: Int!) {
  purgeAuditEvents(olderThanDays: $days)
}
    `) as unknown as TypedDocumentString<PurgeAuditEventsMutation, PurgeAuditEventsMutationVariables>;
export const AuditTenantsDocument = new TypedDocumentString(`
    query AuditTenants {
  tenants {
    id
    code
    name
    kind
    kindLabel
    path
    parentId
    sortOrder
    status
    effectiveStatus
  }
}
    `) as unknown as TypedDocumentString<AuditTenantsQuery, AuditTenantsQueryVariables>;
export const DeletedCadresDocument = new TypedDocumentString(`
    query DeletedCadres {
  deletedCadres {
    id
    name
    birthMonth
    position
    deletedAt
    deletedByName
    unit {
      name
    }
    tenant {
      name
    }
  }
}
    `) as unknown as TypedDocumentString<DeletedCadresQuery, DeletedCadresQueryVariables>;
export const RestoreCadreDocument = new TypedDocumentString(`
    mutation RestoreCadre($id: ID!) {
  restoreCadre(id: $id) {
    id
    deleted
  }
}
    `) as unknown as TypedDocumentString<RestoreCadreMutation, RestoreCadreMutationVariables>;
export const CreateCadreDocument = new TypedDocumentString(`
    mutation CreateCadre($input: CadreInput!) {
  createCadre(input: $input) {
    id
    name
    unit {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<CreateCadreMutation, CreateCadreMutationVariables>;
export const TenantsDocument = new TypedDocumentString(`
    query Tenants {
  tenants {
    id
    code
    name
    pinyin
    kind
    kindLabel
    sortOrder
    parentId
  }
}
    `) as unknown as TypedDocumentString<TenantsQuery, TenantsQueryVariables>;
export const UnitsDocument = new TypedDocumentString(`
    query Units {
  units {
    id
    name
    pinyin
    parentId
    sortOrder
    cadreCount
    tenant {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<UnitsQuery, UnitsQueryVariables>;
export const CadresDocument = new TypedDocumentString(`
    query Cadres($first: Int, $after: String, $offset: Int, $filter: CadreFilter, $warnings: Boolean = false) {
  cadres(first: $first, after: $after, offset: $offset, filter: $filter) {
    totalCount
    totalCountIsEstimate
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      cursor
      node {
        id
        name
        sex
        birthMonth
        ethnicity
        nativePlace
        education
        position
        rank
        status
        sortOrder
        tenant {
          id
          code
          name
        }
        unit {
          id
          name
        }
        warnings @include(if: $warnings) {
          colour
          level {
            code
            hex
          }
          rule {
            code
            name
            version
          }
          reasons
          ends
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CadresQuery, CadresQueryVariables>;
export const WarningBoardDocument = new TypedDocumentString(`
    query WarningBoard($asOf: String, $tenantCode: String, $unitId: ID) {
  warningBoard(asOf: $asOf, tenantCode: $tenantCode, unitId: $unitId) {
    asOf
    total
    cadreCount
    byColour {
      colour
      count
      level {
        code
        name
        hex
        rank
        description
      }
    }
    byRule {
      rule {
        code
        name
        version
      }
      count
    }
  }
}
    `) as unknown as TypedDocumentString<WarningBoardQuery, WarningBoardQueryVariables>;
export const WarningTrendDocument = new TypedDocumentString(`
    query WarningTrend($from: String, $to: String, $tenantCode: String, $unitId: ID) {
  warningTrend(from: $from, to: $to, tenantCode: $tenantCode, unitId: $unitId) {
    month
    asOf
    total
    byColour {
      colour
      count
      level {
        code
        name
        hex
        rank
      }
    }
  }
}
    `) as unknown as TypedDocumentString<WarningTrendQuery, WarningTrendQueryVariables>;
export const WarningListDocument = new TypedDocumentString(`
    query WarningList($asOf: String, $colour: String, $tenantCode: String, $unitId: ID, $first: Int, $after: String, $offset: Int) {
  warningList(
    asOf: $asOf
    colour: $colour
    tenantCode: $tenantCode
    unitId: $unitId
    first: $first
    after: $after
    offset: $offset
  ) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        colour
        reasons
        level {
          code
          name
          hex
        }
        warning {
          colour
          level {
            code
            name
            hex
          }
          rule {
            code
            name
            version
          }
          reasons
          startsOn
          ends
        }
        cadre {
          id
          name
          position
          unit {
            id
            name
          }
          tenant {
            id
            name
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<WarningListQuery, WarningListQueryVariables>;
export const CadreWarningsDocument = new TypedDocumentString(`
    query CadreWarnings($id: ID!, $asOf: String) {
  cadre(id: $id) {
    id
    warning(asOf: $asOf) {
      colour
      level {
        code
        name
        hex
      }
      rule {
        code
        name
        version
      }
      reasons
      startsOn
      ends
    }
    warnings(asOf: $asOf) {
      colour
      level {
        code
        name
        hex
      }
      rule {
        code
        name
        version
      }
      reasons
      startsOn
      ends
    }
  }
}
    `) as unknown as TypedDocumentString<CadreWarningsQuery, CadreWarningsQueryVariables>;
export const WarningRulesDocument = new TypedDocumentString(`
    query WarningRules($tenantCode: String!) {
  warningRules(tenantCode: $tenantCode) {
    ...WarningRuleFields
  }
}
    fragment WarningRuleFields on WarningRule {
  code
  name
  kind
  kindLabel
  levelCode
  level {
    code
    name
    hex
    rank
  }
  definition
  enabled
  locked
  lockedAbove
  version
  source
  sourceKind
  ownerTenant {
    code
    name
  }
  canEdit
}`) as unknown as TypedDocumentString<WarningRulesQuery, WarningRulesQueryVariables>;
export const WarningSchemeDocument = new TypedDocumentString(`
    query WarningScheme($tenantCode: String!) {
  warningScheme(tenantCode: $tenantCode) {
    ...WarningSchemeFields
  }
}
    fragment WarningSchemeFields on WarningScheme {
  version
  source
  sourceKind
  ownerTenant {
    code
    name
  }
  canEdit
  levels {
    code
    name
    rank
    hex
    description
  }
  influence {
    kind
    kindLabel
    measure
    measureLabel
    months
  }
  dispositions {
    level
    kind
    title
    rectifyWorkingDays
  }
}`) as unknown as TypedDocumentString<WarningSchemeQuery, WarningSchemeQueryVariables>;
export const WarningRuleHistoryDocument = new TypedDocumentString(`
    query WarningRuleHistory($tenantCode: String!, $code: String!) {
  warningRuleHistory(tenantCode: $tenantCode, code: $code) {
    id
    version
    action
    actionLabel
    name
    kindLabel
    levelCode
    definition
    enabled
    locked
    note
    createdBy
    createdAt
    current
    tenant {
      code
      name
    }
  }
}
    `) as unknown as TypedDocumentString<WarningRuleHistoryQuery, WarningRuleHistoryQueryVariables>;
export const WarningRuleOptionsDocument = new TypedDocumentString(`
    query WarningRuleOptions {
  warningRuleOptions {
    ruleKinds {
      code
      label
    }
    sanctionForms {
      code
      label
    }
    sanctionKinds {
      code
      label
    }
    sanctionMeasures {
      code
      label
    }
    clueModes {
      code
      label
    }
    clueStatuses {
      code
      label
    }
    lendingStatuses {
      code
      label
    }
    lendingDirections {
      code
      label
    }
    giftHandlings {
      code
      label
    }
    amountCategories {
      code
      label
    }
    overdueSubjects {
      code
      label
    }
    scoreSources {
      code
      label
    }
  }
}
    `) as unknown as TypedDocumentString<WarningRuleOptionsQuery, WarningRuleOptionsQueryVariables>;
export const PreviewWarningRuleDocument = new TypedDocumentString(`
    query PreviewWarningRule($tenantCode: String!, $input: WarningRuleInput!, $asOf: String) {
  previewWarningRule(tenantCode: $tenantCode, input: $input, asOf: $asOf) {
    asOf
    changed
    summary
    tenantCount
    before {
      colour
      count
      level {
        code
        name
        hex
        rank
      }
    }
    after {
      colour
      count
      level {
        code
        name
        hex
        rank
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PreviewWarningRuleQuery, PreviewWarningRuleQueryVariables>;
export const UpsertWarningRuleDocument = new TypedDocumentString(`
    mutation UpsertWarningRule($tenantCode: String!, $input: WarningRuleInput!) {
  upsertWarningRule(tenantCode: $tenantCode, input: $input) {
    ...WarningRuleFields
  }
}
    fragment WarningRuleFields on WarningRule {
  code
  name
  kind
  kindLabel
  levelCode
  level {
    code
    name
    hex
    rank
  }
  definition
  enabled
  locked
  lockedAbove
  version
  source
  sourceKind
  ownerTenant {
    code
    name
  }
  canEdit
}`) as unknown as TypedDocumentString<UpsertWarningRuleMutation, UpsertWarningRuleMutationVariables>;
export const LockWarningRuleDocument = new TypedDocumentString(`
    mutation LockWarningRule($tenantCode: String!, $code: String!, $locked: Boolean!) {
  lockWarningRule(tenantCode: $tenantCode, code: $code, locked: $locked) {
    ...WarningRuleFields
  }
}
    fragment WarningRuleFields on WarningRule {
  code
  name
  kind
  kindLabel
  levelCode
  level {
    code
    name
    hex
    rank
  }
  definition
  enabled
  locked
  lockedAbove
  version
  source
  sourceKind
  ownerTenant {
    code
    name
  }
  canEdit
}`) as unknown as TypedDocumentString<LockWarningRuleMutation, LockWarningRuleMutationVariables>;
export const ResetWarningRuleDocument = new TypedDocumentString(`
    mutation ResetWarningRule($tenantCode: String!, $code: String!) {
  resetWarningRule(tenantCode: $tenantCode, code: $code) {
    ...WarningRuleFields
  }
}
    fragment WarningRuleFields on WarningRule {
  code
  name
  kind
  kindLabel
  levelCode
  level {
    code
    name
    hex
    rank
  }
  definition
  enabled
  locked
  lockedAbove
  version
  source
  sourceKind
  ownerTenant {
    code
    name
  }
  canEdit
}`) as unknown as TypedDocumentString<ResetWarningRuleMutation, ResetWarningRuleMutationVariables>;
export const UpdateWarningSchemeDocument = new TypedDocumentString(`
    mutation UpdateWarningScheme($tenantCode: String!, $input: WarningSchemeInput!) {
  updateWarningScheme(tenantCode: $tenantCode, input: $input) {
    ...WarningSchemeFields
  }
}
    fragment WarningSchemeFields on WarningScheme {
  version
  source
  sourceKind
  ownerTenant {
    code
    name
  }
  canEdit
  levels {
    code
    name
    rank
    hex
    description
  }
  influence {
    kind
    kindLabel
    measure
    measureLabel
    months
  }
  dispositions {
    level
    kind
    title
    rectifyWorkingDays
  }
}`) as unknown as TypedDocumentString<UpdateWarningSchemeMutation, UpdateWarningSchemeMutationVariables>;