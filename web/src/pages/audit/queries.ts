// 访问日志: the GraphQL operations and shapes the page uses (types generated, web/src/gql).
import { graphql } from '../../gql';
import type { AuditEventsQuery } from '../../gql/graphql';
import { AUDIT_KIND_LABELS, AUDIT_OUTCOME_LABELS } from '@shared/audit';

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

export const AuditEventsDocument = graphql(`
  query AuditEvents($first: Int, $offset: Int, $filter: AuditFilter) {
    auditEvents(first: $first, offset: $offset, filter: $filter) {
      totalCount
      edges {
        node {
          id seq at tenantCode tenantName username summary operation kind kindLabel outcome outcomeLabel
          clientIp requestId cadreIds cadres { id name } detail hash
        }
      }
    }
  }
`);

export const AuditCountDocument = graphql(`
  query AuditCount($filter: AuditFilter) { auditEvents(first: 0, filter: $filter) { totalCount } }
`);

export const PurgeAuditEventsDocument = graphql(`
  mutation PurgeAuditEvents($days: Int!) { purgeAuditEvents(olderThanDays: $days) }
`);

export const AuditTenantsDocument = graphql(`
  query AuditTenants { tenants { id code name kind kindLabel path parentId sortOrder status effectiveStatus } }
`);

export type AuditPage = AuditEventsQuery['auditEvents'];
export type AuditEvent = AuditPage['edges'][number]['node'];

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));
export const KIND_OPTIONS = options(AUDIT_KIND_LABELS);
export const OUTCOME_OPTIONS = options(AUDIT_OUTCOME_LABELS);

/** Tag colours: 读取 plain, 写入 blue, 登录 green, 拒绝 red. */
export const KIND_COLORS: Record<string, string | undefined> = { read: undefined, write: 'blue', login: 'green', denied: 'red' };
export const OUTCOME_COLORS: Record<string, string> = { success: 'green', failure: 'red' };

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
