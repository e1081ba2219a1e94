// 廉政审查情况复函 in the console (docs/replies.md): the GraphQL documents with their result types, and the letter's URL
// (services/api/src/modules/replies/routes.ts).
import { authFetch, responseError } from '../../api/graphql';
export interface ReplyFact { recordId: string; category: number; text: string; effect: string | null; decisive: boolean }
export interface ReplyItem {
  cadre: { id: string; name: string; position: string | null; unitName: string };
  conclusion: string; conclusionLabel: string; facts: ReplyFact[]; draft: string; editedText: string | null; text: string;
  editedBy: string | null; editedAt: string | null; recordId: string | null;
  /** The cadre's 机构; a part's cadres are answered there (docs/replies.md#parts). */
  tenantName: string; partId: string | null; partStatus: string | null; editable: boolean;
}
export interface ReplyPart {
  id: string; tenantName: string; status: string; statusLabel: string; cadreCount: number; unsuitableCount: number; deferCount: number;
  answeredBy: string | null; answeredAt: string | null; returnedReason: string | null; returnedBy: string | null; returnedAt: string | null;
}
export interface ReplyRow {
  id: string; status: string; statusLabel: string; requester: string; letterNo: string | null; purpose: string; purposeLabel: string;
  asOf: string; docNumber: string | null; cadreCount: number; unsuitableCount: number; deferCount: number; createdBy: string; createdAt: string;
  issuedBy: string | null; issuedAt: string | null; version: number;
  isPart: boolean; forwardedBy: string | null; partCount: number; openPartCount: number;
  answeredBy: string | null; answeredAt: string | null; returnedReason: string | null; returnedBy: string | null;
}
export interface ReplyRequest extends ReplyRow { items: ReplyItem[]; parts: ReplyPart[] }
export interface LineCadre {
  id: string; name: string; unitName: string; tenantName?: string; position: string | null; sex: string | null; birthMonth: string | null;
}
export interface LineMatch { line: string; cadres: LineCadre[] }

/** 张三（男，1980.01，办公室科员）: enough to tell namesakes apart; a cadre of another 机构 (a tenant below) says which. */
export const lineCadreLabel = (c: LineCadre, ownTenant?: string) =>
  `${c.name}（${[c.sex, c.birthMonth?.replace('-', '.'), `${c.tenantName && c.tenantName !== ownTenant ? `${c.tenantName}·` : ''}${c.unitName}${c.position ?? ''}`].filter(Boolean).join('，')}）`;
export interface ReplyMeasureRule { measure: string; measureLabel: string; purposes: string[]; purposeLabels: string[] }
export interface ReplySettings {
  numberPrefix: string; ownPrefix: boolean; barredPurposes: string[]; barredPurposeLabels: string[]; ownBarred: boolean; measureRules: ReplyMeasureRule[];
}

const ROW = `id status statusLabel requester letterNo purpose purposeLabel asOf docNumber cadreCount unsuitableCount deferCount createdBy createdAt
  issuedBy issuedAt version isPart forwardedBy partCount openPartCount answeredBy answeredAt returnedReason returnedBy`;
const FULL = `${ROW} items { cadre { id name position unitName } conclusion conclusionLabel facts { recordId category text effect decisive }
  draft editedText text editedBy editedAt recordId tenantName partId partStatus editable }
  parts { id tenantName status statusLabel cadreCount unsuitableCount deferCount answeredBy answeredAt returnedReason returnedBy returnedAt }`;

export const ReplyRequestsDocument = `query ReplyRequests($first: Int, $offset: Int) {
  replyRequests(first: $first, offset: $offset) { totalCount edges { node { ${ROW} } } } }`;
export const ReplyRequestDocument = `query ReplyRequest($id: ID!) { replyRequest(id: $id) { ${FULL} } }`;
export const ReplyCadreLinesDocument = `query ReplyCadreLines($lines: [String!]!) { replyCadreLines(lines: $lines) { line cadres { id name unitName tenantName position sex birthMonth } } }`;
/** A cadre of the caller's 机构 or one below (answered there) by name, pinyin or initials, to add one by one. */
export const ReplyCadreSearchDocument = `query ReplyCadreSearch($search: String!, $tenantCode: String) {
  cadres(first: 20, filter: { search: $search, tenantCode: $tenantCode }) { edges { node { id name position sex birthMonth unit { name } tenant { code name } } } } }`;
export interface SearchedCadre {
  id: string; name: string; position: string | null; sex: string | null; birthMonth: string | null; unit: { name: string }; tenant: { code: string; name: string };
}
export const CreateReplyRequestDocument = `mutation CreateReplyRequest($input: CreateReplyRequestInput!) { createReplyRequest(input: $input) { ${FULL} } }`;
export const UpdateReplyItemDocument = `mutation UpdateReplyItem($requestId: ID!, $cadreId: ID!, $text: String, $version: Int) {
  updateReplyItem(requestId: $requestId, cadreId: $cadreId, text: $text, version: $version) { ${FULL} } }`;
export const IssueReplyRequestDocument = `mutation IssueReplyRequest($id: ID!, $version: Int) { issueReplyRequest(id: $id, version: $version) { ${FULL} } }`;
export const RedraftReplyRequestDocument = `mutation RedraftReplyRequest($id: ID!, $version: Int) { redraftReplyRequest(id: $id, version: $version) { ${FULL} } }`;
export const AnswerReplyRequestDocument = `mutation AnswerReplyRequest($id: ID!, $version: Int) { answerReplyRequest(id: $id, version: $version) { ${FULL} } }`;
export const ReturnReplyPartDocument = `mutation ReturnReplyPart($id: ID!, $reason: String!) { returnReplyPart(id: $id, reason: $reason) { ${FULL} } }`;
export const DeleteReplyRequestDocument = `mutation DeleteReplyRequest($id: ID!) { deleteReplyRequest(id: $id) }`;
const SETTINGS = 'numberPrefix ownPrefix barredPurposes barredPurposeLabels ownBarred measureRules { measure measureLabel purposes purposeLabels }';
export const ReplySettingsDocument = `query ReplySettingsView { replySettings { ${SETTINGS} } }`;
export const UpdateReplySettingsDocument = `mutation UpdateReplySettings($numberPrefix: String, $barredPurposes: [String!], $measureRules: [ReplyMeasureRuleInput!]) {
  updateReplySettings(numberPrefix: $numberPrefix, barredPurposes: $barredPurposes, measureRules: $measureRules) { ${SETTINGS} } }`;

export const letterUrl = (id: string) => `/api/replies/${id}.docx`;
/**
 * The 廉情评价报告 of the request's cadres as of its reply date, one .docx each — for a few cadres (JOB_DIRECT_MAX);
 * more run as a job (../jobs/api.ts).
 */
export const reportsZipUrl = (cadreIds: string[], asOf: string) => `/api/reports.zip?cadreIds=${cadreIds.join(',')}&asOf=${asOf}`;
/** One letter per cadre, zipped. */
export const lettersZipUrl = (id: string) => `/api/replies/${id}.zip`;

/** An Excel roster (表头含「姓名」，可有「公民身份号码」) read into lines: the ID number where given, else the name. */
export async function readRoster(file: File): Promise<{ lines: string[]; problems: string[] }> {
  const fd = new FormData();
  fd.append('file', file, file.name);
  const res = await authFetch('/api/replies/roster', { method: 'POST', body: fd });
  if (!res.ok) throw await responseError(res, '名单读取失败');
  return res.json();
}

/** Tag colours of the conclusions. */
export const CONCLUSION_COLOURS: Record<string, string> = { no_objection: 'green', defer: 'orange', unsuitable: 'red' };
