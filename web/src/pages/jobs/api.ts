// Jobs in the console (docs/jobs.md): the GraphQL documents, the result's URL, and the limits shared with the API.
export { JOB_DIRECT_MAX, PRINT_JOB_MAX, REPORT_JOB_MAX, jobActive, type JobStatus } from '@shared/jobs';

export interface JobRow {
  id: string; kind: string; kindLabel: string; status: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled'; statusLabel: string;
  progress: number; total: number; message: string | null; createdAt: string; startedAt: string | null; finishedAt: string | null;
  expiresAt: string | null; resultName: string | null; resultSize: number | null;
}

const JOB = 'id kind kindLabel status statusLabel progress total message createdAt startedAt finishedAt expiresAt resultName resultSize';

export const JobsDocument = `query Jobs($first: Int, $offset: Int) { jobs(first: $first, offset: $offset) { totalCount edges { node { ${JOB} } } } }`;
export const JobDocument = `query Job($id: ID!) { job(id: $id) { ${JOB} } }`;
export const StartReportBatchDocument = `mutation StartReportBatch($cadreIds: [ID!]!, $asOf: String) { startReportBatch(cadreIds: $cadreIds, asOf: $asOf) { ${JOB} } }`;
export const StartReplyLettersDocument = `mutation StartReplyLetters($requestId: ID!) { startReplyLetters(requestId: $requestId) { ${JOB} } }`;
export const StartPrintBatchDocument = `mutation StartPrintBatch($cadreIds: [ID!]!) { startPrintBatch(cadreIds: $cadreIds) { ${JOB} } }`;
export const CancelJobDocument = `mutation CancelJob($id: ID!) { cancelJob(id: $id) { ${JOB} } }`;

export const jobResultUrl = (id: string) => `/api/jobs/${id}/result`;

/** How often the console asks again while a job is queued or running. */
export const JOB_POLL_MS = 2000;

/** 1.2 MB, 860 KB … */
export function sizeText(bytes: number | null): string {
  if (bytes === null) return '—';
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}

export const STATUS_COLOURS: Record<JobRow['status'], string> = {
  queued: 'default', running: 'processing', succeeded: 'success', failed: 'error', cancelled: 'warning',
};
