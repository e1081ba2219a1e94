// 访问日志: the GraphQL operations and shapes the page uses.

export interface AuditEvent {
  id: string;
  seq: string | null;
  at: string;
  tenantCode: string | null;
  tenantName: string | null;
  username: string | null;
  summary: string;
  operation: string;
  kind: string;
  kindLabel: string;
  outcome: string;
  outcomeLabel: string;
  clientIp: string | null;
  requestId: string | null;
  cadreIds: string[];
  detail: string;
  hash: string | null;
}

export interface AuditPage {
  totalCount: number;
  edges: { node: AuditEvent }[];
}

/** AuditFilter of the API: only the fields that are set. `to` is exclusive. */
export interface AuditFilter {
  from?: string;
  to?: string;
  username?: string;
  tenantCode?: string;
  kind?: string;
  outcome?: string;
  cadreId?: string;
  text?: string;
}

export const AUDIT_EVENTS_QUERY = /* GraphQL */ `
  query AuditEvents($first: Int, $offset: Int, $filter: AuditFilter) {
    auditEvents(first: $first, offset: $offset, filter: $filter) {
      totalCount
      edges {
        node {
          id seq at tenantCode tenantName username summary operation kind kindLabel outcome outcomeLabel
          clientIp requestId cadreIds detail hash
        }
      }
    }
  }
`;

export const AUDIT_COUNT_QUERY = /* GraphQL */ `
  query AuditCount($filter: AuditFilter) { auditEvents(first: 0, filter: $filter) { totalCount } }
`;

export const PURGE_AUDIT_MUTATION = /* GraphQL */ `
  mutation PurgeAuditEvents($days: Int!) { purgeAuditEvents(olderThanDays: $days) }
`;

export const AUDIT_TENANTS_QUERY = /* GraphQL */ `
  query AuditTenants { tenants { id code name kind kindLabel path parentId sortOrder status effectiveStatus } }
`;

export const KIND_OPTIONS = [
  { value: 'read', label: '读取' },
  { value: 'write', label: '写入' },
  { value: 'login', label: '登录' },
  { value: 'denied', label: '拒绝' },
];

export const OUTCOME_OPTIONS = [
  { value: 'success', label: '成功' },
  { value: 'failure', label: '失败' },
];

/** Tag colours: 读取 plain, 写入 blue, 登录 green, 拒绝 red. */
export const KIND_COLORS: Record<string, string | undefined> = { read: undefined, write: 'blue', login: 'green', denied: 'red' };
export const OUTCOME_COLORS: Record<string, string> = { success: 'green', failure: 'red' };

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
