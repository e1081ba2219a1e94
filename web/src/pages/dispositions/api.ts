// 预警处置 in the console (docs/dispositions.md): the GraphQL documents (plain strings with their result types), the
// attachment upload and the file downloads of services/api/src/modules/dispositions/routes.ts.
import { authFetch, responseError } from '../../api/graphql';

export interface DispositionRule { code: string; name: string; version: number }
export interface DispositionWarning {
  colour: string; colourName: string; colourHex: string | null; rule: DispositionRule; rules: DispositionRule[]; reasons: string[];
  records: { id: string }[]; asOf: string;
}
export interface DispositionAttachment { id: string; filename: string; contentType: string; size: number; uploadedBy: string; uploadedAt: string; submitted: boolean }
export interface Rectification {
  id: string; round: number; text: string; submittedBy: string; submittedAt: string; decision: string | null; decisionLabel: string | null;
  comment: string | null; reviewedBy: string | null; reviewedAt: string | null; attachments: DispositionAttachment[];
}
export interface Disposition {
  id: string; docNumber: string; kind: string; title: string; colour: string | null; issuer: string; issuedOn: string; dueOn: string;
  rectifyWorkingDays: number; status: string; statusLabel: string; acceptedOn: string | null; body: string; requirements: string;
  version: number; issuedBy: string; closedBy: string | null; closedAt: string | null; closeNote: string | null; overdue: boolean;
  cadre: { id: string; name: string; position: string | null; unitName: string; tenantCode: string; tenantName: string };
  warning: DispositionWarning | null;
  rectifications: Rectification[];
  attachments: DispositionAttachment[];
}
export type DispositionRow = Pick<Disposition, 'id' | 'docNumber' | 'title' | 'colour' | 'issuedOn' | 'dueOn' | 'status' | 'statusLabel' | 'overdue' | 'cadre'>;
export interface KindTemplate { kind: string; colour: string | null; title: string; rectifyWorkingDays: number; body: string; requirements: string; source: string }
export interface DispositionTemplate { issuer: string; numberPrefix: string; ownIssuer: boolean; ownPrefix: boolean; version: number; kinds: KindTemplate[] }

const ROW = 'id docNumber title colour issuedOn dueOn status statusLabel overdue cadre { id name position unitName tenantCode tenantName }';
const CASE = `${ROW} kind issuer rectifyWorkingDays acceptedOn body requirements version issuedBy closedBy closedAt closeNote
  warning { colour colourName colourHex rule { code name version } rules { code name version } reasons records { id } asOf }
  rectifications { id round text submittedBy submittedAt decision decisionLabel comment reviewedBy reviewedAt
    attachments { id filename contentType size uploadedBy uploadedAt submitted } }
  attachments { id filename contentType size uploadedBy uploadedAt submitted }`;

export const DispositionLedgerDocument = `query DispositionLedger($status: [String!], $kind: String, $tenantCode: String, $unitId: ID, $first: Int, $offset: Int) {
  dispositions(status: $status, kind: $kind, tenantCode: $tenantCode, unitId: $unitId, first: $first, offset: $offset) { totalCount edges { node { ${ROW} } } } }`;
export const RectificationTasksDocument = `query RectificationTasks($status: [String!], $first: Int, $offset: Int) {
  rectificationTasks(status: $status, first: $first, offset: $offset) { totalCount edges { node { ${ROW} } } } }`;
export const CadreDispositionsDocument = `query CadreDispositions($id: ID!) { cadre(id: $id) { id name dispositions { ${ROW} } } }`;
export const DispositionCaseDocument = `query DispositionCase($id: ID!) { disposition(id: $id) { ${CASE} } }`;
export const DispositionTemplateDocument = `query DispositionTemplateView {
  dispositionTemplate { issuer numberPrefix ownIssuer ownPrefix version kinds { kind colour title rectifyWorkingDays body requirements source } } }`;
export const IssueDispositionDocument = `mutation IssueDisposition($cadreId: ID!, $kind: String, $issuedOn: String, $dueOn: String, $body: String, $requirements: String) {
  issueDisposition(cadreId: $cadreId, kind: $kind, issuedOn: $issuedOn, dueOn: $dueOn, body: $body, requirements: $requirements) { ${CASE} } }`;
export const SubmitRectificationDocument = `mutation SubmitRectification($id: ID!, $text: String!, $attachmentIds: [ID!]) {
  submitRectification(id: $id, text: $text, attachmentIds: $attachmentIds) { ${CASE} } }`;
export const ReviewRectificationDocument = `mutation ReviewRectification($id: ID!, $decision: String!, $comment: String) {
  reviewRectification(id: $id, decision: $decision, comment: $comment) { ${CASE} } }`;
export const CloseDispositionDocument = `mutation CloseDisposition($id: ID!, $note: String) { closeDisposition(id: $id, note: $note) { ${CASE} } }`;
export const UpdateDispositionDocument = `mutation UpdateDisposition($id: ID!, $version: Int!, $dueOn: String, $body: String, $requirements: String) {
  updateDisposition(id: $id, version: $version, dueOn: $dueOn, body: $body, requirements: $requirements) { ${CASE} } }`;
export const UpdateTemplateDocument = `mutation UpdateDispositionTemplate($issuer: String, $numberPrefix: String, $kinds: [DispositionKindInput!]) {
  updateDispositionTemplate(issuer: $issuer, numberPrefix: $numberPrefix, kinds: $kinds) { issuer numberPrefix ownIssuer ownPrefix version
    kinds { kind colour title rectifyWorkingDays body requirements source } } }`;

/** Status colours of the tags (the labels come from the API). */
export const STATUS_COLOURS: Record<string, string> = {
  pending: 'gold', submitted: 'blue', returned: 'volcano', accepted: 'green', closed: 'default',
};
export const STATUS_OPTIONS = [
  { value: '待整改', label: '待整改' }, { value: '已提交', label: '已提交' }, { value: '已退回', label: '已退回' },
  { value: '已通过', label: '已通过' }, { value: '已结案', label: '已结案' },
];
/** Warning level colours of the default scheme (shared/warnings.ts): a tenant's own hex comes with the snapshot. */
export const LEVEL_HEX: Record<string, string> = { red: '#cf1322', orange: '#fa8c16', yellow: '#d4b106', blue: '#1677ff' };

/** Upload one attachment (multipart `file`) for a case; the server's Chinese reason on refusal. */
export async function uploadAttachment(dispositionId: string, file: File): Promise<DispositionAttachment> {
  const fd = new FormData();
  fd.append('file', file, file.name);
  const res = await authFetch(`/api/dispositions/${dispositionId}/attachments`, { method: 'POST', body: fd });
  if (!res.ok) throw await responseError(res, '上传失败');
  return res.json();
}

export const noticeUrl = (id: string) => `/api/dispositions/${id}/docx`;
export const attachmentUrl = (id: string, attachmentId: string) => `/api/dispositions/${id}/attachments/${attachmentId}`;
export function ledgerExportUrl(filter: { status?: string[]; kind?: string; tenantCode?: string; unitId?: string }): string {
  const p = new URLSearchParams();
  if (filter.status?.length) p.set('status', filter.status.join(','));
  if (filter.kind) p.set('kind', filter.kind);
  if (filter.tenantCode) p.set('tenantCode', filter.tenantCode);
  if (filter.unitId) p.set('unitId', filter.unitId);
  const q = p.toString();
  return `/api/dispositions/export.xlsx${q ? `?${q}` : ''}`;
}
