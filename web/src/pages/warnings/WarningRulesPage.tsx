// 预警规则 (廉情预警): the rules in force at a tenant — each with its colour, kind, where it comes from (本级 / 继承 /
// 系统默认), whether it is locked and its version — with the editor, 锁定/解锁, 恢复继承, 版本历史, and the colour
// scheme. Admins and officers edit; leaders read. docs/warning-rules.md.
import type React from 'react';
import { useState } from 'react';
import { Alert, App as AntApp, Button, Card, Empty, Popconfirm, Space, Spin, Table, Tabs, Tag, Tooltip } from 'antd';
import type { TableColumnsType } from 'antd';
import { EditOutlined, HistoryOutlined, LockOutlined, PlusOutlined, RollbackOutlined, UnlockOutlined } from '@ant-design/icons';
import { errorText, gql } from '../../api/graphql';
import { invalidate, useGqlQuery } from '../../api/query';
import { useAuth } from '../../auth/AuthProvider';
import { RefreshButton } from '../../components/PageHead';
import { TenantAdminPage, useSelectedTenant, useTenants } from '../admin/tenantTree';
import {
  LockWarningRuleDocument, ResetWarningRuleDocument, WarningRuleHistoryDocument, WarningRuleOptionsDocument, WarningRulesDocument,
  WarningSchemeDocument, type WarningRuleRow,
} from './ruleQueries';
import { RuleEditor } from './RuleEditor';
import { RuleHistoryDrawer } from './RuleHistoryDrawer';
import { SchemeEditor } from './SchemeEditor';
import { ColourTag } from './ColourTag';
import './warnings.css';

const SOURCE_TAG: Record<string, { text: string; color: string }> = {
  own: { text: '本级', color: 'red' }, inherited: { text: '继承', color: 'blue' }, default: { text: '默认', color: 'default' },
};

export function WarningRulesPage() {
  const { message } = AntApp.useApp();
  const { can } = useAuth();
  const editor = can('WarningRule:update');
  const tenants = useTenants();
  const { selected, select } = useSelectedTenant(tenants.index, true);
  const tenantCode = selected?.code ?? '';
  const rules = useGqlQuery(WarningRulesDocument, { tenantCode }, { enabled: !!tenantCode });
  const scheme = useGqlQuery(WarningSchemeDocument, { tenantCode }, { enabled: !!tenantCode });
  const options = useGqlQuery(WarningRuleOptionsDocument, undefined);
  const [editing, setEditing] = useState<WarningRuleRow | 'new' | null>(null);
  const [history, setHistory] = useState<WarningRuleRow | null>(null);
  const [tab, setTab] = useState('rules');
  const [busy, setBusy] = useState<string | null>(null);

  const list = rules.data?.warningRules ?? [];
  const sch = scheme.data?.warningScheme ?? null;
  const opts = options.data?.warningRuleOptions ?? null;
  const error = rules.error ?? scheme.error ?? options.error;

  const act = async (r: WarningRuleRow, what: 'lock' | 'unlock' | 'reset') => {
    setBusy(`${r.code}:${what}`);
    try {
      if (what === 'reset') {
        const d = await gql(ResetWarningRuleDocument, { tenantCode, code: r.code });
        message.success(d.resetWarningRule ? `已恢复继承：现执行${d.resetWarningRule.source}的第 ${d.resetWarningRule.version} 版` : '本级规则已停止执行');
      } else {
        await gql(LockWarningRuleDocument, { tenantCode, code: r.code, locked: what === 'lock' });
        message.success(what === 'lock' ? '已锁定：下级机构一律执行本机构的版本' : '已解锁：下级机构可另行修改');
      }
      await invalidate(WarningRulesDocument, WarningRuleHistoryDocument);
    } catch (e) {
      message.error(errorText(e, '操作失败'));
    } finally {
      setBusy(null);
    }
  };

  const levelOf = (r: WarningRuleRow) => (r.level
    ? <ColourTag name={r.level.name} hex={r.level.hex} testId="rule-colour" />
    : <Tooltip title="按负面清单累计分数分级"><Tag>按积分</Tag></Tooltip>);

  const columns: TableColumnsType<WarningRuleRow> = [
    { title: '颜色', key: 'colour', width: 64, align: 'center', render: (_v, r) => levelOf(r) },
    {
      title: '规则', key: 'name',
      render: (_v, r) => (
        <div>
          <div className="lz-rule-name" data-testid="rule-name-cell">{r.name}</div>
          <div className="lz-muted lz-rule-code">{r.code}</div>
        </div>
      ),
    },
    { title: '类型', dataIndex: 'kindLabel', width: 118 },
    {
      title: '来源', key: 'source', width: 84, align: 'center',
      render: (_v, r) => (
        <Tooltip title={r.source}>
          <Tag color={SOURCE_TAG[r.sourceKind]?.color} data-testid="rule-source">{SOURCE_TAG[r.sourceKind]?.text ?? r.source}</Tag>
        </Tooltip>
      ),
    },
    {
      title: '锁定', key: 'locked', width: 96, align: 'center',
      render: (_v, r) => (r.lockedAbove
        ? <Tooltip title={`${r.ownerTenant?.name ?? '上级机构'}已锁定，本机构不能修改`}><Tag icon={<LockOutlined />} color="purple" data-testid="rule-locked">上级锁定</Tag></Tooltip>
        : r.locked ? <Tooltip title="下级机构一律执行本机构的版本"><Tag icon={<LockOutlined />} color="purple" data-testid="rule-locked">已锁定</Tag></Tooltip> : <span className="lz-muted">—</span>),
    },
    {
      title: '版本', key: 'version', width: 92, align: 'center',
      render: (_v, r) => (
        <Tooltip title="版本历史">
          <Button type="link" size="small" icon={<HistoryOutlined />} onClick={() => setHistory(r)} data-testid="rule-history-button">
            <span data-testid="rule-version-cell">第 {r.version} 版</span>
          </Button>
        </Tooltip>
      ),
    },
    { title: '状态', key: 'enabled', width: 64, align: 'center', render: (_v, r) => (r.enabled ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>) },
    ...(editor ? [{
      title: '操作', key: 'ops', width: 168,
      render: (_v: unknown, r: WarningRuleRow) => (
        <Space size={0} wrap>
          <Button type="link" size="small" icon={<EditOutlined />} disabled={!r.canEdit} onClick={() => setEditing(r)} data-testid="rule-edit">修改</Button>
          {!r.lockedAbove && (r.locked && r.sourceKind === 'own'
            ? <Button type="link" size="small" icon={<UnlockOutlined />} loading={busy === `${r.code}:unlock`} onClick={() => void act(r, 'unlock')} data-testid="rule-unlock">解锁</Button>
            : (
              <Popconfirm title="锁定后，下级机构一律执行本机构的版本，不能另行修改。确定锁定？" onConfirm={() => void act(r, 'lock')} okText="锁定" cancelText="取消">
                <Button type="link" size="small" icon={<LockOutlined />} loading={busy === `${r.code}:lock`} data-testid="rule-lock">锁定</Button>
              </Popconfirm>
            ))}
          {r.sourceKind === 'own' && !r.lockedAbove && (
            <Popconfirm title="撤销本机构对该规则的修改，恢复执行上级（或系统默认）的版本？" onConfirm={() => void act(r, 'reset')} okText="恢复继承" cancelText="取消">
              <Button type="link" size="small" icon={<RollbackOutlined />} loading={busy === `${r.code}:reset`} data-testid="rule-reset">恢复继承</Button>
            </Popconfirm>
          )}
        </Space>
      ),
    }] : []),
  ];

  const ready = !!(sch && opts && rules.data);

  return (
    <TenantAdminPage
      title="预警规则"
      desc="廉情预警的触发条件和颜色；下级机构继承上级的规则，可另行修改，上级锁定的规则除外"
      tenants={tenants}
      selectedId={selected?.id ?? null}
      onSelect={(id) => id && select(id)}
      after={
        <>
          {editing && sch && opts && selected && (
            <RuleEditor tenantCode={tenantCode} tenantName={selected.name} rule={editing === 'new' ? null : editing} scheme={sch} options={opts} onClose={() => setEditing(null)} />
          )}
          {history && sch && <RuleHistoryDrawer tenantCode={tenantCode} rule={history} scheme={sch} onClose={() => setHistory(null)} />}
        </>
      }
    >
      <Card
        className="lz-detail-card"
        size="small"
        data-testid="warning-rules-panel"
        title={selected ? <span data-testid="warning-rules-tenant">{selected.name}</span> : '预警规则'}
        extra={selected && (
          <Space size={8}>
            {sch && <span className="lz-legend">{[...sch.levels].sort((a, b) => b.rank - a.rank).map((l) => <Tooltip key={l.code} title={l.description}><span><ColourTag name={l.name} hex={l.hex} /></span></Tooltip>)}</span>}
            <RefreshButton onClick={() => { void rules.refetch(); void scheme.refetch(); }} />
            {editor && tab === 'rules' && <Button type="primary" icon={<PlusOutlined />} disabled={!ready} onClick={() => setEditing('new')} data-testid="rule-new">新增规则</Button>}
          </Space>
        )}
      >
        {!selected ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={tenants.loading ? '正在加载…' : '请在左侧选择机构'} />
        ) : error ? (
          <Alert type="error" showIcon title={errorText(error, '预警规则加载失败')} action={<Button size="small" onClick={() => { void rules.refetch(); void scheme.refetch(); void options.refetch(); }}>重试</Button>} />
        ) : !ready ? (
          <div className="lz-tree-loading"><Spin /></div>
        ) : (
          <Tabs
            activeKey={tab}
            onChange={setTab}
            items={[
              {
                key: 'rules', label: '预警规则',
                children: (
                  <>
                    {!editor && <Alert type="info" showIcon className="lz-form-alert" title="预警规则由系统管理员和纪检干部维护，您可以查看。" />}
                    <Table<WarningRuleRow>
                      rowKey="code" size="middle" bordered pagination={false} columns={columns} dataSource={list}
                      loading={rules.isFetching} data-testid="warning-rules-table"
                      onRow={(r) => ({ 'data-testid': `rule-row-${r.code}` }) as React.HTMLAttributes<HTMLElement>}
                    />
                  </>
                ),
              },
              { key: 'scheme', label: <span data-testid="tab-scheme">颜色方案</span>, children: <SchemeEditor tenantCode={tenantCode} scheme={sch!} options={opts!} onSaved={() => void scheme.refetch()} /> },
            ]}
          />
        )}
      </Card>
    </TenantAdminPage>
  );
}
