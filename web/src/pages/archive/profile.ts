// The cadre's full basic information (the 干部任免审批表 and the archive's own fields) as the profile section and
// its editor use it; field labels and groups follow the server's spec (services/api/src/modules/cadres/fields.ts).
// The documents' types are generated (web/src/gql).
import { graphql } from '../../gql';
import type { CadreProfileQuery } from '../../gql/graphql';

export type ProfileKind = 'name' | 'text' | 'longtext' | 'month' | 'partyJoin' | 'code' | 'int';
export interface ProfileField { name: string; label: string; kind: ProfileKind; codes?: string; max?: number; group: 'basic' | 'education' | 'post' | 'form' }

/** The editable fields, in the order of the paper form. */
export const PROFILE_FIELDS: ProfileField[] = [
  { name: 'name', label: '姓名', kind: 'name', group: 'basic' },
  { name: 'sex', label: '性别', kind: 'code', codes: 'sex', group: 'basic' },
  { name: 'birthMonth', label: '出生年月', kind: 'month', group: 'basic' },
  { name: 'ethnicity', label: '民族', kind: 'code', codes: 'ethnicity', group: 'basic' },
  { name: 'nativePlace', label: '籍贯', kind: 'text', max: 60, group: 'basic' },
  { name: 'birthPlace', label: '出生地', kind: 'text', max: 60, group: 'basic' },
  { name: 'partyJoin', label: '入党时间', kind: 'partyJoin', max: 40, group: 'basic' },
  { name: 'workStart', label: '参加工作时间', kind: 'month', group: 'basic' },
  { name: 'health', label: '健康状况', kind: 'text', max: 40, group: 'basic' },
  { name: 'politicalStatus', label: '政治面貌', kind: 'code', codes: 'political_status', group: 'basic' },
  { name: 'professionalTitle', label: '专业技术职务', kind: 'text', max: 100, group: 'basic' },
  { name: 'specialty', label: '熟悉专业有何专长', kind: 'text', max: 200, group: 'basic' },
  { name: 'education', label: '最高学历', kind: 'text', max: 60, group: 'education' },
  { name: 'eduFtLevel', label: '全日制教育·学历', kind: 'text', max: 60, group: 'education' },
  { name: 'eduFtDegree', label: '全日制教育·学位', kind: 'text', max: 60, group: 'education' },
  { name: 'eduFtLevelSchool', label: '全日制·毕业院校系及专业（学历）', kind: 'text', max: 200, group: 'education' },
  { name: 'eduFtDegreeSchool', label: '全日制·毕业院校系及专业（学位）', kind: 'text', max: 200, group: 'education' },
  { name: 'eduPtLevel', label: '在职教育·学历', kind: 'text', max: 60, group: 'education' },
  { name: 'eduPtDegree', label: '在职教育·学位', kind: 'text', max: 60, group: 'education' },
  { name: 'eduPtLevelSchool', label: '在职·毕业院校系及专业（学历）', kind: 'text', max: 200, group: 'education' },
  { name: 'eduPtDegreeSchool', label: '在职·毕业院校系及专业（学位）', kind: 'text', max: 200, group: 'education' },
  { name: 'position', label: '现任职务', kind: 'text', max: 200, group: 'post' },
  { name: 'rank', label: '职级', kind: 'code', codes: 'rank', group: 'post' },
  { name: 'status', label: '状态', kind: 'code', codes: 'cadre_status', group: 'post' },
  { name: 'managementLevel', label: '干部管理权限', kind: 'code', codes: 'management_level', group: 'post' },
  { name: 'sortOrder', label: '排序号', kind: 'int', group: 'post' },
  { name: 'proposedPosition', label: '拟任职务', kind: 'text', max: 200, group: 'form' },
  { name: 'proposedRemoval', label: '拟免职务', kind: 'text', max: 200, group: 'form' },
  { name: 'rewards', label: '奖惩情况', kind: 'longtext', max: 2000, group: 'form' },
  { name: 'assessmentSummary', label: '年度考核结果', kind: 'longtext', max: 1000, group: 'form' },
  { name: 'appointmentReason', label: '任免理由', kind: 'longtext', max: 1000, group: 'form' },
  { name: 'reportingUnit', label: '呈报单位', kind: 'text', max: 200, group: 'form' },
];

export const PROFILE_GROUPS: { key: ProfileField['group']; title: string }[] = [
  { key: 'basic', title: '基本情况' },
  { key: 'education', title: '学历学位' },
  { key: 'post', title: '职务与管理' },
  { key: 'form', title: '任免审批表' },
];

/** The profile: every field of PROFILE_FIELDS is asked for (test/web/codegen.test.ts checks the list). */
export const CadreProfileDocument = graphql(`
  query CadreProfile($id: ID!) {
    cadre(id: $id) {
      id version idNumber idNumberMasked photoUrl
      name sex birthMonth ethnicity nativePlace birthPlace partyJoin workStart health politicalStatus professionalTitle
      specialty education eduFtLevel eduFtDegree eduFtLevelSchool eduFtDegreeSchool eduPtLevel eduPtDegree
      eduPtLevelSchool eduPtDegreeSchool position rank status managementLevel sortOrder proposedPosition
      proposedRemoval rewards assessmentSummary appointmentReason reportingUnit
      appointments { kind position decidedOn approver documentNo }
      resume { startMonth endMonth content }
      family { relation name birthMonth politicalStatus workPosition }
      history { version action actorName reviewedBy at changes { label from to } }
      openChange { id status returnReason reviewedBy submittedAt changes { label from to } }
    }
  }
`);

/** The profile as the API sends it; its fields are also read by name (PROFILE_FIELDS). */
export type CadreProfile = NonNullable<CadreProfileQuery['cadre']> & { readonly [field: string]: unknown };

export const UpdateCadreDocument = graphql(`
  mutation UpdateCadre($id: ID!, $version: Int!, $input: CadrePatch!) {
    updateCadre(id: $id, version: $version, input: $input) { id version openChange { id status } }
  }
`);

