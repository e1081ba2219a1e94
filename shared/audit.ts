// The access log: the labels of its coded columns, and its retention purge (清理): rows younger than the minimum
// are never purged.

/** 类型: what the operation was; `system` is a job that ran without a user (a sweep, a nightly recompute). */
export const AUDIT_KIND_LABELS = { read: '读取', write: '写入', login: '登录', denied: '拒绝', system: '系统' } as const;
/** 结果. */
export const AUDIT_OUTCOME_LABELS = { success: '成功', failure: '失败' } as const;

/** Smallest retention in days that 清理 accepts (the verifier refuses a purge run with less). */
export const AUDIT_PURGE_MIN_DAYS = 180;
/** Largest retention in days that 清理 accepts. */
export const AUDIT_PURGE_MAX_DAYS = 36500;
