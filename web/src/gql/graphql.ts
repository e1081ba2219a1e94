/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
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