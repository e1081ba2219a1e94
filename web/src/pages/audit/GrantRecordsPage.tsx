// 授权记录 (安全审计员): pending and recent role grants of the subtree, and the alerts — grants approved and followed
// within an hour by the account's login and archive reads. Read only.
import { useState } from 'react';
import { Alert, Button, Card, Empty, List, Select, Space, Tabs, Tag } from 'antd';
import { WarningOutlined } from '@ant-design/icons';
import { gql } from '../../api/graphql';
import { PageHead, RefreshButton } from '../../components/PageHead';
import { useLoaded } from '../../components/useLoaded';
import { operationName } from '../../api/query';
import { RoleGrantAlertsDocument, RoleGrantsDocument } from '../admin/queries';
import { formatTime, GrantTable, roleGrants } from '../admin/GrantTable';

export function GrantRecordsPage() {
  const [days, setDays] = useState(30);
  const records = useLoaded([operationName(RoleGrantsDocument), 'records', days], async () => {
    const [p, d, a] = await Promise.all([
      roleGrants('pending', 200),
      roleGrants('decided', 200),
      gql(RoleGrantAlertsDocument, { days }),
    ]);
    return { pending: p, decided: d, alerts: a.roleGrantAlerts };
  }, { pending: [], decided: [], alerts: [] }, '授权记录加载失败');
  const { data: { pending, decided, alerts }, loading, error, reload: load } = records;

  return (
    <div className="lz-admin">
      <PageHead title="授权记录" desc="本级及下级机构的角色授权申请与审批，以及需要关注的异常授权" />
      {error && <Alert type="error" showIcon title={error} className="lz-table-alert" action={<Button size="small" onClick={() => void load()}>重试</Button>} />}

      <Card
        size="small"
        className="lz-table-card lz-alert-card"
        data-testid="grant-alerts"
        title={<Space><WarningOutlined className="lz-alert-icon" />授权预警：批准后一小时内即登录并查阅档案</Space>}
        extra={
          <Space>
            <span className="lz-muted">时间范围</span>
            <Select
              size="small"
              value={days}
              onChange={setDays}
              options={[{ value: 7, label: '最近 7 天' }, { value: 30, label: '最近 30 天' }, { value: 90, label: '最近 90 天' }, { value: 366, label: '最近一年' }]}
              style={{ width: 120 }}
            />
            <RefreshButton size="small" onClick={() => void load()} />
          </Space>
        }
      >
        {alerts.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={loading ? '正在加载…' : '所选时间范围内没有异常授权'} />
        ) : (
          <List
            dataSource={alerts}
            renderItem={(a) => (
              <List.Item data-testid="grant-alert">
                <List.Item.Meta
                  title={<Space><Tag color="red">预警</Tag><span>{a.summary}</span></Space>}
                  description={
                    <span className="lz-muted">
                      批准人：{a.grant.decidedByName}（{formatTime(a.grant.decidedAt)}）· 申请人：{a.grant.requestedByName} · 首次登录：{formatTime(a.firstLoginAt)} · 最后查阅：{formatTime(a.lastReadAt)}
                    </span>
                  }
                />
              </List.Item>
            )}
          />
        )}
      </Card>

      <Card size="small" className="lz-table-card" data-testid="grant-records">
        <Tabs
          items={[
            { key: 'pending', label: `待审批（${pending.length}）`, children: <GrantTable rows={pending} loading={loading} testId="grant-pending" empty="暂无待审批的授权申请" /> },
            { key: 'decided', label: '最近审批', children: <GrantTable rows={decided} loading={loading} decided testId="grant-decided" empty="暂无审批记录" /> },
          ]}
        />
      </Card>
    </div>
  );
}
