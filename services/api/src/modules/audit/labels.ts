// Chinese labels of the access log's coded columns (console, exports).
export const KIND_LABELS: Record<string, string> = { read: '读取', write: '写入', login: '登录', denied: '拒绝', system: '系统' };
export const OUTCOME_LABELS: Record<string, string> = { success: '成功', failure: '失败' };
