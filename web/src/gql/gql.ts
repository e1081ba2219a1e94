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
    "\n  query CadreProfile($id: ID!) {\n    cadre(id: $id) {\n      id version idNumber idNumberMasked photoUrl\n      name sex birthMonth ethnicity nativePlace birthPlace partyJoin workStart health politicalStatus professionalTitle\n      specialty education eduFtLevel eduFtDegree eduFtLevelSchool eduFtDegreeSchool eduPtLevel eduPtDegree\n      eduPtLevelSchool eduPtDegreeSchool position rank status managementLevel sortOrder proposedPosition\n      proposedRemoval rewards assessmentSummary appointmentReason reportingUnit\n      appointments { kind position decidedOn approver documentNo }\n      resume { startMonth endMonth content }\n      family { relation name birthMonth politicalStatus workPosition }\n      history { version action actorName at changes { label from to } }\n    }\n  }\n": typeof types.CadreProfileDocument,
    "\n  mutation UpdateCadre($id: ID!, $version: Int!, $input: CadrePatch!) {\n    updateCadre(id: $id, version: $version, input: $input) { id version }\n  }\n": typeof types.UpdateCadreDocument,
    "\n  query RecordCategories {\n    recordCategories { id key title short restricted fields { name label type required options max wide } }\n  }\n": typeof types.RecordCategoriesDocument,
    "\n  query Tenants {\n    tenants { id code name kind kindLabel sortOrder parentId }\n  }\n": typeof types.TenantsDocument,
    "\n  query Units {\n    units { id name parentId sortOrder cadreCount tenant { id } }\n  }\n": typeof types.UnitsDocument,
    "\n  query Cadres($first: Int, $offset: Int, $filter: CadreFilter) {\n    cadres(first: $first, offset: $offset, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        cursor\n        node {\n          id name sex birthMonth ethnicity nativePlace education position rank status sortOrder\n          tenant { id code name }\n          unit { id name }\n        }\n      }\n    }\n  }\n": typeof types.CadresDocument,
    "query ImportUnits { units { id name parentId sortOrder tenant { id } } }": typeof types.ImportUnitsDocument,
};
const documents: Documents = {
    "\n  mutation ActivateAccount($username: String!, $code: String!, $newPassword: String!) {\n    activateAccount(username: $username, code: $code, newPassword: $newPassword) { username ready message }\n  }\n": types.ActivateAccountDocument,
    "\n  query Me {\n    me { id username displayName roles roleLabel mustChangePassword permissions passwordRule tenant { id code name kindLabel path } }\n  }\n": types.MeDocument,
    "\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) { accessToken expiresIn refreshToken mustChangePassword }\n  }\n": types.LoginDocument,
    "mutation Logout { logout }": types.LogoutDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n": types.ChangePasswordDocument,
    "\n  query CodeTable($n: [String!]) { codeTables(names: $n) { name title items { code label abbr parent initials pinyin } } }\n": types.CodeTableDocument,
    "\n  query CadreProfile($id: ID!) {\n    cadre(id: $id) {\n      id version idNumber idNumberMasked photoUrl\n      name sex birthMonth ethnicity nativePlace birthPlace partyJoin workStart health politicalStatus professionalTitle\n      specialty education eduFtLevel eduFtDegree eduFtLevelSchool eduFtDegreeSchool eduPtLevel eduPtDegree\n      eduPtLevelSchool eduPtDegreeSchool position rank status managementLevel sortOrder proposedPosition\n      proposedRemoval rewards assessmentSummary appointmentReason reportingUnit\n      appointments { kind position decidedOn approver documentNo }\n      resume { startMonth endMonth content }\n      family { relation name birthMonth politicalStatus workPosition }\n      history { version action actorName at changes { label from to } }\n    }\n  }\n": types.CadreProfileDocument,
    "\n  mutation UpdateCadre($id: ID!, $version: Int!, $input: CadrePatch!) {\n    updateCadre(id: $id, version: $version, input: $input) { id version }\n  }\n": types.UpdateCadreDocument,
    "\n  query RecordCategories {\n    recordCategories { id key title short restricted fields { name label type required options max wide } }\n  }\n": types.RecordCategoriesDocument,
    "\n  query Tenants {\n    tenants { id code name kind kindLabel sortOrder parentId }\n  }\n": types.TenantsDocument,
    "\n  query Units {\n    units { id name parentId sortOrder cadreCount tenant { id } }\n  }\n": types.UnitsDocument,
    "\n  query Cadres($first: Int, $offset: Int, $filter: CadreFilter) {\n    cadres(first: $first, offset: $offset, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        cursor\n        node {\n          id name sex birthMonth ethnicity nativePlace education position rank status sortOrder\n          tenant { id code name }\n          unit { id name }\n        }\n      }\n    }\n  }\n": types.CadresDocument,
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
export function graphql(source: "\n  query Tenants {\n    tenants { id code name kind kindLabel sortOrder parentId }\n  }\n"): typeof import('./graphql').TenantsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Units {\n    units { id name parentId sortOrder cadreCount tenant { id } }\n  }\n"): typeof import('./graphql').UnitsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Cadres($first: Int, $offset: Int, $filter: CadreFilter) {\n    cadres(first: $first, offset: $offset, filter: $filter) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        cursor\n        node {\n          id name sex birthMonth ethnicity nativePlace education position rank status sortOrder\n          tenant { id code name }\n          unit { id name }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').CadresDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ImportUnits { units { id name parentId sortOrder tenant { id } } }"): typeof import('./graphql').ImportUnitsDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
