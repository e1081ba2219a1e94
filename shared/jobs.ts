// Jobs (docs/jobs.md): kinds, statuses and limits, shared by the API (services/api/src/jobs) and the console (任务中心).
export type JobKind = 'report_batch' | 'reply_letters' | 'print_batch';
export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

export const JOB_KIND_LABELS: Record<JobKind, string> = {
  report_batch: '批量廉情评价报告',
  reply_letters: '逐人复函',
  print_batch: '批量打印档案（图片）',
};

export const JOB_STATUS_LABELS: Record<JobStatus, string> = {
  queued: '排队中',
  running: '进行中',
  succeeded: '已完成',
  failed: '失败',
  cancelled: '已取消',
};

/** A job that is neither finished nor cancelled. */
export const jobActive = (s: JobStatus) => s === 'queued' || s === 'running';

/** Cadres in one 廉情评价报告 job. */
export const REPORT_JOB_MAX = 500;
/** Cadres in one print job (each archive is rendered to A4 JPG pages: seconds and megabytes each). */
export const PRINT_JOB_MAX = 20;
/** The console downloads directly up to this many cadres and starts a job above it. */
export const JOB_DIRECT_MAX = 20;
/** How long a job's result is kept for download. */
export const JOB_RESULT_DAYS = 7;
