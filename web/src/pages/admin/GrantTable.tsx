// The table of role grants (授权申请), shared by 授权审批 (security administrator) and 授权记录 (security auditor).
import type React from 'react';
import { Space, Table, Tag, Tooltip } from 'antd';
import type { TableColumnsType } from 'antd';
import { beijingTime } from '@shared/time';
import { gql } from '../../api/graphql';
import { RoleGrantsDocument } from './queries';
import type { RoleGrant } from './queries';

/** Grant requests still pending, or decided ones (newest first), as both grant pages list them. */
export const roleGrants = (status: 'pending' | 'decided', first: number) =>
  gql(RoleGrantsDocument, { status, first }).then((d) => d.roleGrants.edges.map((e) => e.node));

/** To the minute, in Beijing time (shared/time.ts). */
export const formatTime = (v: string | null) => (v ? beijingTime(v).slice(0, 16) : '—');

const STATUS_COLORS: Record<string, string> = { pending: 'gold', approved: 'green', rejected: 'red', superseded: 'default' };

export function grantColumns(actions?: (g: RoleGrant) => React.ReactNode, decided = false): TableColumnsType<RoleGrant> {
  return [
    {
      title: '账户', key: 'user', width: 190,
      render: (_v, g) => (
        <div>
          <div className="lz-cadre-name">{g.displayName}</div>
          <div className="lz-mono lz-muted" data-testid="grant-username">{g.username}</div>
        </div>
      ),
    },
    { title: '所属机构', dataIndex: 'tenantName', key: 'tenant', width: 150, ellipsis: true },
    {
      title: '申请授予', key: 'role', width: 200,
      render: (_v, g) => (
        <Space direction="vertical" size={2}>
          <span>
            {g.newAccount ? <Tag color="blue">新建账户</Tag>
              : g.reconfirmation ? <Tooltip title="密码被重置后，原角色须重新审批方可使用"><Tag color="purple">重置后复核</Tag></Tooltip>
                : <Tag>原角色：{g.previousRoleLabel}</Tag>}
            <span className="lz-grant-arrow">→</span>
            <Tag color="red" data-testid="grant-role">{g.roleLabel}</Tag>
          </span>
          {g.unitNames.length > 0 && (
            <Tooltip title={g.unitNames.join('、')}>
              <span className="lz-muted lz-grant-units">负责单位：{g.unitNames.join('、')}</span>
            </Tooltip>
          )}
        </Space>
      ),
    },
    {
      title: '申请人 / 时间', key: 'requested', width: 170,
      render: (_v, g) => (
        <div>
          <div>{g.requestedByName}</div>
          <div className="lz-time">{formatTime(g.requestedAt)}</div>
        </div>
      ),
    },
    {
      title: '状态', key: 'status', width: 90, align: 'center',
      render: (_v, g) => <Tag color={STATUS_COLORS[g.status]} data-testid="grant-status">{g.statusLabel}</Tag>,
    },
    ...(decided ? [{
      title: '审批人 / 时间', key: 'decided', width: 170,
      render: (_v: unknown, g: RoleGrant) => (
        <div>
          <div>{g.decidedByName ?? '—'}</div>
          <div className="lz-time">{formatTime(g.decidedAt)}</div>
        </div>
      ),
    }, {
      title: '退回理由', dataIndex: 'reason', key: 'reason', ellipsis: true,
      render: (v: string | null) => (v ? <Tooltip title={v}><span data-testid="grant-reason">{v}</span></Tooltip> : <span className="lz-muted">—</span>),
    }] : []),
    ...(actions ? [{ title: '操作', key: 'actions', width: 150, fixed: 'right' as const, render: (_v: unknown, g: RoleGrant) => actions(g) }] : []),
  ];
}

export function GrantTable({ rows, loading, actions, decided, testId, empty }: {
  rows: RoleGrant[]; loading: boolean; actions?: (g: RoleGrant) => React.ReactNode; decided?: boolean; testId: string; empty: string;
}) {
  return (
    <Table<RoleGrant>
      rowKey="id"
      size="small"
      bordered
      loading={loading}
      columns={grantColumns(actions, decided)}
      dataSource={rows}
      pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false, showTotal: (n) => `共 ${n} 条` } : false}
      scroll={{ x: decided ? 1200 : 900 }}
      data-testid={testId}
      onRow={() => ({ 'data-testid': 'grant-row' }) as React.HTMLAttributes<HTMLElement>}
      locale={{ emptyText: empty }}
      className="lz-grant-table"
    />
  );
}
