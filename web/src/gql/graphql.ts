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

export type CadreFilter = {
  /** 公民身份号码（精确匹配）：仅纪检干部可用，使用记入访问日志（号码只记脱敏值和密钥哈希） */
  idNumber?: string | null | undefined;
  /** 姓名、全拼或拼音首字母（多音字取全部读音） */
  search?: string | null | undefined;
  /** 租户代码（含下级） */
  tenantCode?: string | null | undefined;
  /** 单位（含下级单位） */
  unitId?: string | number | null | undefined;
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
  /** 民族 */
  ethnicity?: string | null | undefined;
  family?: Array<FamilyMemberInput> | null | undefined;
  /** 健康状况 */
  health?: string | null | undefined;
  /** 公民身份号码（18 位）；空串清除 */
  idNumber?: string | null | undefined;
  /** 干部管理权限 */
  managementLevel?: string | null | undefined;
  /** 姓名 */
  name?: string | null | undefined;
  /** 籍贯 */
  nativePlace?: string | null | undefined;
  /** 入党时间 */
  partyJoin?: string | null | undefined;
  /** 政治面貌 */
  politicalStatus?: string | null | undefined;
  /** 现任职务 */
  position?: string | null | undefined;
  /** 专业技术职务 */
  professionalTitle?: string | null | undefined;
  /** 拟任职务 */
  proposedPosition?: string | null | undefined;
  /** 拟免职务 */
  proposedRemoval?: string | null | undefined;
  /** 职级 */
  rank?: string | null | undefined;
  /** 呈报单位 */
  reportingUnit?: string | null | undefined;
  resume?: Array<ResumeInput> | null | undefined;
  /** 奖惩情况 */
  rewards?: string | null | undefined;
  /** 性别 */
  sex?: string | null | undefined;
  /** 排序号 */
  sortOrder?: number | null | undefined;
  /** 熟悉专业有何专长 */
  specialty?: string | null | undefined;
  /** 状态 */
  status?: string | null | undefined;
  unitId?: string | number | null | undefined;
  /** 参加工作时间 */
  workStart?: string | null | undefined;
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

export type CadreProfileQueryVariables = Exact<{
  id: string | number;
}>;


export type CadreProfileQuery = { cadre: { id: string, version: number, idNumber: string | null, idNumberMasked: boolean, photoUrl: string | null, name: string, sex: string | null, birthMonth: string | null, ethnicity: string | null, nativePlace: string | null, birthPlace: string | null, partyJoin: string | null, workStart: string | null, health: string | null, politicalStatus: string | null, professionalTitle: string | null, specialty: string | null, education: string | null, eduFtLevel: string | null, eduFtDegree: string | null, eduFtLevelSchool: string | null, eduFtDegreeSchool: string | null, eduPtLevel: string | null, eduPtDegree: string | null, eduPtLevelSchool: string | null, eduPtDegreeSchool: string | null, position: string | null, rank: string | null, status: string, managementLevel: string | null, sortOrder: number, proposedPosition: string | null, proposedRemoval: string | null, rewards: string | null, assessmentSummary: string | null, appointmentReason: string | null, reportingUnit: string | null, appointments: Array<{ kind: string, position: string, decidedOn: string, approver: string | null, documentNo: string | null }>, resume: Array<{ startMonth: string, endMonth: string | null, content: string }>, family: Array<{ relation: string, name: string, birthMonth: string | null, politicalStatus: string | null, workPosition: string | null }>, history: Array<{ version: number, action: string, actorName: string, at: string, changes: Array<{ label: string, from: string | null, to: string | null }> }> } | null };

export type UpdateCadreMutationVariables = Exact<{
  id: string | number;
  version: number;
  input: CadrePatch;
}>;


export type UpdateCadreMutation = { updateCadre: { id: string, version: number } | null };

export type RecordCategoriesQueryVariables = Exact<{ [key: string]: never; }>;


export type RecordCategoriesQuery = { recordCategories: Array<{ id: number, key: string, title: string, short: string, restricted: boolean, fields: Array<{ name: string, label: string, type: string, required: boolean, options: Array<string> | null, max: number | null, wide: boolean }> }> };

export type TenantsQueryVariables = Exact<{ [key: string]: never; }>;


export type TenantsQuery = { tenants: Array<{ id: string, code: string, name: string, kind: string, kindLabel: string, sortOrder: number, parentId: string | null }> };

export type UnitsQueryVariables = Exact<{ [key: string]: never; }>;


export type UnitsQuery = { units: Array<{ id: string, name: string, parentId: string | null, sortOrder: number, cadreCount: number | null, tenant: { id: string } }> };

export type CadresQueryVariables = Exact<{
  first?: number | null | undefined;
  offset?: number | null | undefined;
  filter?: CadreFilter | null | undefined;
}>;


export type CadresQuery = { cadres: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, name: string, sex: string | null, birthMonth: string | null, ethnicity: string | null, nativePlace: string | null, education: string | null, position: string | null, rank: string | null, status: string, sortOrder: number, tenant: { id: string, code: string, name: string }, unit: { id: string, name: string } } }> } };

export type ImportUnitsQueryVariables = Exact<{ [key: string]: never; }>;


export type ImportUnitsQuery = { units: Array<{ id: string, name: string, parentId: string | null, sortOrder: number, tenant: { id: string } }> };

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
      at
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
export const TenantsDocument = new TypedDocumentString(`
    query Tenants {
  tenants {
    id
    code
    name
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
    query Cadres($first: Int, $offset: Int, $filter: CadreFilter) {
  cadres(first: $first, offset: $offset, filter: $filter) {
    totalCount
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
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CadresQuery, CadresQueryVariables>;
export const ImportUnitsDocument = new TypedDocumentString(`
    query ImportUnits {
  units {
    id
    name
    parentId
    sortOrder
    tenant {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<ImportUnitsQuery, ImportUnitsQueryVariables>;