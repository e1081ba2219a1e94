// The access log's retention purge (清理): rows younger than the minimum are never purged.

/** Smallest retention in days that 清理 accepts (the verifier refuses a purge run with less). */
export const AUDIT_PURGE_MIN_DAYS = 180;
/** Largest retention in days that 清理 accepts. */
export const AUDIT_PURGE_MAX_DAYS = 36500;
