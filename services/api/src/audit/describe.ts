// The access log in plain Chinese: each row carries a summary such as 「查看干部档案：张建华」 or
// 「登录失败：密码错误」, written with the row (names as they were at the time of access).

import { getSchema } from '../graphql/schema.js';

// What each operation does, as an auditor reads it: every Query and Mutation field declares its label where it is
// defined (`extensions: { auditLabel }`), as REST routes do (`config: { auditLabel }`).
declare module 'graphql' {
  interface GraphQLFieldExtensions<_TSource, _TContext, _TArgs = any> {
    auditLabel?: string;
  }
}

/** GraphQL's own root fields (introspection), which no module defines. */
export const INTROSPECTION_LABELS: Record<string, string> = { __schema: '查看接口结构', __type: '查看接口结构' };

/** What a field the schema lacks reads as (a refused request may name anything): never the raw name. */
export const UNKNOWN_OPERATION = '未知操作';

/**
 * The Chinese label of a Query or Mutation field. A name the schema lacks reads 「未知操作」: the summary is what
 * auditors read, and the raw name stays in the row's technical operation.
 */
export function operationLabel(field: string): string {
  const schema = getSchema();
  for (const type of [schema.getQueryType(), schema.getMutationType()]) {
    const label = type?.getFields()[field]?.extensions.auditLabel;
    if (label) return label;
  }
  return INTROSPECTION_LABELS[field] ?? UNKNOWN_OPERATION;
}

const LOGIN_REASONS: Record<string, string> = {
  bad_password: '密码错误', unknown_user: '账户不存在', locked: '账户已锁定', disabled: '账户已停用',
  tenant_suspended: '所属机构已暂停使用', malformed: '令牌无效', unknown: '会话不存在', bad_secret: '刷新令牌不正确', expired: '会话已过期',
  reuse: '刷新令牌被重复使用，会话已注销', rate_limited: '尝试过于频繁', backoff: '本地址失败过多，须等待后再试',
};

const ERROR_LABELS: Record<string, string> = {
  FORBIDDEN: '无权限', UNAUTHENTICATED: '未登录或会话已失效', BAD_USER_INPUT: '输入有误',
  PASSWORD_CHANGE_REQUIRED: '须先修改密码', ACCOUNT_LOCKED: '账户已锁定', ACTIVATION_FAILED: '激活码无效', GRAPHQL_PARSE_FAILED: '请求无法解析', GRAPHQL_VALIDATION_FAILED: '请求不合法',
  INTERNAL: '服务器错误',
};

/** Up to `max` names, then 「等 N 人」. */
export function nameList(names: string[], max = 5): string {
  const uniq = [...new Set(names)];
  if (uniq.length <= max) return uniq.join('、');
  return `${uniq.slice(0, max).join('、')}等 ${uniq.length} 人`;
}

export interface DescribeInput {
  fields: string[];
  outcome: 'success' | 'failure';
  denied: boolean;
  errors: string[];
  cadreNames: string[];
  targets: { type: string; name?: string }[];
  /** What the operation concerned beyond its label (AuditTrail.about), e.g. a record's category. */
  notes?: string[];
}

export function describeOperation(d: DescribeInput): string {
  const labels = [...new Set([...new Set(d.fields.filter((f) => f !== '__typename'))].map(operationLabel))].join('、') || '请求';
  const what = d.notes?.length ? `${labels}（${d.notes.join('、')}）` : labels;
  const objects = [
    ...(d.cadreNames.length ? [nameList(d.cadreNames)] : []),
    ...d.targets.map((x) => x.name).filter((x): x is string => !!x),
  ];
  const base = objects.length ? `${what}：${[...new Set(objects)].join('、')}` : what;
  if (d.denied) return `无权操作：${base}`;
  if (d.outcome === 'failure') {
    const why = [...new Set(d.errors.map((c) => ERROR_LABELS[c] ?? c))].join('、');
    return `${base}（失败${why ? `：${why}` : ''}）`;
  }
  return base;
}

const GRAPHQL_OPERATION = /^(?:query|mutation|subscription)\s+(?:[A-Za-z_]\w*\s+)?\{([^}]*)\}$/;
const CJK = /[\u4e00-\u9fff]/;

/**
 * The summary of a stored row: its own, or for a row written without one (before summaries existed) what its
 * technical operation reads as — the labels of its GraphQL fields, Chinese text as it is, else 「未知操作」.
 */
export function storedSummary(row: { summary: string | null; operation: string }): string {
  if (row.summary) return row.summary;
  const m = GRAPHQL_OPERATION.exec(row.operation.trim());
  if (m) {
    const fields = m[1].split(',').map((f) => f.trim()).filter(Boolean);
    return describeOperation({ fields, outcome: 'success', denied: false, errors: [], cadreNames: [], targets: [] });
  }
  return CJK.test(row.operation) ? row.operation : UNKNOWN_OPERATION;
}

export function describeLogin(op: 'login' | 'refreshSession', outcome: 'success' | 'failure', reason?: string): string {
  const label = operationLabel(op);
  if (outcome === 'success') return `${label}成功`;
  return `${label}失败${reason ? `：${LOGIN_REASONS[reason] ?? reason}` : ''}`;
}
