// 机构管理: the caller's subtree of discipline-inspection bodies. New subordinate tenants, rename/reorder, move under
// another parent, suspend or resume. The administrator's own tenant belongs to the level above: only new children.
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Alert, App as AntApp, Button, Card, Descriptions, Empty, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import {
  DragOutlined, EditOutlined, PauseCircleOutlined, PlayCircleOutlined, PlusOutlined, SafetyOutlined, TeamOutlined,
} from '@ant-design/icons';
import { mutate } from '../../api/query';
import { useAuth } from '../../auth/AuthProvider';
import { found, useAction } from '../../components/FormModal';
import { AFFECTS, SetTenantStatusDocument } from './queries';
import { ancestorsOf, TenantAdminPage, useSelectedTenant, useTenants } from './tenantTree';
import type { AdminTenant } from './queries';
import { CreateTenantDialog } from './tenants/CreateTenantDialog';
import { EditTenantDialog } from './tenants/EditTenantDialog';
import { MoveTenantDialog } from './tenants/MoveTenantDialog';
import { StatusTag } from './tenants/tenantParts';


export function TenantsPage() {
  const { me } = useAuth();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const tenants = useTenants();
  const { index } = tenants;
  const { selected, select } = useSelectedTenant(index, true);
  const [modal, setModal] = useState<'create' | 'edit' | 'move' | null>(null);
  const action = useAction();
  const statusBusy = action.busy === 'status';

  const isOwn = !!selected && selected.id === me?.tenant.id;
  const children = selected ? index.children.get(selected.id) ?? [] : [];
  const ancestors = selected ? ancestorsOf(index, selected.id) : [];
  const suspendedAncestor = ancestors.find((a) => a.status === 'suspended');
  const parent = selected?.parentId ? index.byId.get(selected.parentId) : undefined;
  const ownHint = '本级机构由上级机关管理，此处不能修改';

  const afterChange = async (t: AdminTenant, text: string) => {
    setModal(null);
    message.success(text);
    tenants.upsert(t);
    select(t.id);
    // A move changes the paths below it: the whole list is read again.
    await tenants.reload();
  };

  const setStatus = async (status: 'active' | 'suspended') => {
    if (!selected) return;
    await action.run('status', async () => {
      const d = await mutate(SetTenantStatusDocument, AFFECTS.tenants, { id: selected.id, status });
      return found(d.setTenantStatus, '机构不存在或不在管理范围内');
    }, status === 'suspended' ? `已暂停：${selected.name}` : `已恢复：${selected.name}`, async (t) => {
      tenants.upsert(t);
      // Suspension shows on the whole subtree (effectiveStatus): read the list again.
      await tenants.reload();
    });
  };

  const childColumns: TableColumnsType<AdminTenant> = [
    { title: '序号', key: 'i', width: 56, align: 'center', render: (_v, _r, i) => i + 1 },
    {
      title: '名称', dataIndex: 'name', key: 'name',
      render: (v: string, r) => <Typography.Link onClick={() => select(r.id)}>{v}</Typography.Link>,
    },
    { title: '代码', dataIndex: 'code', key: 'code', width: 150, render: (v: string) => <span className="lz-mono">{v}</span> },
    { title: '类型', dataIndex: 'kindLabel', key: 'kind', width: 130 },
    { title: '排序号', dataIndex: 'sortOrder', key: 'sort', width: 80, align: 'center' },
    { title: '状态', key: 'status', width: 110, align: 'center', render: (_v, r) => <StatusTag t={r} /> },
  ];

  const suspended = selected?.status === 'suspended';

  return (
    <TenantAdminPage
      title="机构管理"
      desc="管理本级下属的纪检监察机关：新建、重命名、调整隶属关系、暂停或恢复使用"
      tenants={tenants}
      selectedId={selected?.id ?? null}
      onSelect={(id) => id && select(id)}
      after={selected && (
        <>
          <CreateTenantDialog
            parent={selected}
            open={modal === 'create'}
            onClose={() => setModal(null)}
            onDone={(t) => void afterChange(t, `已新建机构：${t.name}`)}
          />
          <EditTenantDialog
            tenant={selected}
            open={modal === 'edit'}
            onClose={() => setModal(null)}
            onDone={(t) => void afterChange(t, `已保存：${t.name}`)}
          />
          <MoveTenantDialog
            tenant={selected}
            index={index}
            open={modal === 'move'}
            onClose={() => setModal(null)}
            onDone={(t) => void afterChange(t, `已移动：${t.name}`)}
          />
        </>
      )}
    >
      <Card
        className="lz-detail-card"
        size="small"
        data-testid="tenant-detail"
        title={
          selected ? (
            <Space size={8}>
              <span data-testid="tenant-detail-name">{selected.name}</span>
              <StatusTag t={selected} />
              {isOwn && <Tag color="blue">本级</Tag>}
            </Space>
          ) : '机构信息'
        }
        extra={
          selected && (
            <Space size={8} wrap>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setModal('create')} data-testid="tenant-create">
                新建下级机构
              </Button>
              <Tooltip title={isOwn ? ownHint : undefined}>
                <Button icon={<EditOutlined />} disabled={isOwn} onClick={() => setModal('edit')} data-testid="tenant-edit">
                  重命名/排序
                </Button>
              </Tooltip>
              <Tooltip title={isOwn ? ownHint : undefined}>
                <Button icon={<DragOutlined />} disabled={isOwn} onClick={() => setModal('move')} data-testid="tenant-move">
                  移动
                </Button>
              </Tooltip>
              {suspended ? (
                <Popconfirm
                  title={`恢复「${selected.name}」？`}
                  description={
                    <div className="lz-confirm-text">
                      恢复后，该机构的用户可重新登录{suspendedAncestor ? `（上级「${suspendedAncestor.name}」仍处于暂停状态，恢复上级前仍不能登录）` : ''}。
                    </div>
                  }
                  okText="恢复"
                  cancelText="取消"
                  onConfirm={() => setStatus('active')}
                  okButtonProps={{ 'data-testid': 'confirm-ok' }}
                >
                  <Button icon={<PlayCircleOutlined />} loading={statusBusy} data-testid="tenant-resume">恢复</Button>
                </Popconfirm>
              ) : (
                <Tooltip title={isOwn ? ownHint : undefined}>
                  <span>
                    <Popconfirm
                      title={`暂停「${selected.name}」？`}
                      description={
                        <div className="lz-confirm-text">
                          暂停后，该机构及其全部下级机构的所有用户将<b>立即退出登录</b>，且在恢复前无法登录。
                        </div>
                      }
                      okText="暂停"
                      cancelText="取消"
                      okButtonProps={{ danger: true, 'data-testid': 'confirm-ok' }}
                      onConfirm={() => setStatus('suspended')}
                      disabled={isOwn}
                    >
                      <Button danger icon={<PauseCircleOutlined />} disabled={isOwn} loading={statusBusy} data-testid="tenant-suspend">
                        暂停
                      </Button>
                    </Popconfirm>
                  </span>
                </Tooltip>
              )}
            </Space>
          )
        }
      >
        {!selected ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={tenants.loading ? '正在加载…' : '请在左侧选择机构'} />
        ) : (
          <>
            {isOwn && (
              <Alert
                type="info"
                showIcon
                className="lz-form-alert"
                title={`「${selected.name}」是本级机构，由上级机关管理；您可以在其下新建和管理下级机构。`}
              />
            )}
            {!isOwn && suspendedAncestor && (
              <Alert
                type="warning"
                showIcon
                className="lz-form-alert"
                title={`上级机构「${suspendedAncestor.name}」已暂停，本机构及其下级的用户均无法登录。`}
              />
            )}
            {selected.status === 'suspended' && (
              <Alert
                type="error"
                showIcon
                className="lz-form-alert"
                title="该机构已暂停使用：其本级及全部下级机构的用户均无法登录。"
              />
            )}
            <Descriptions
              bordered
              size="small"
              column={2}
              className="lz-descriptions"
              data-testid="tenant-info"
              items={[
                { key: 'name', label: '名称', children: selected.name },
                { key: 'code', label: '代码', children: <span className="lz-mono">{selected.code}</span> },
                { key: 'kind', label: '类型', children: selected.kindLabel },
                { key: 'parent', label: '上级机构', children: parent?.name ?? (isOwn ? '（上级机关）' : '—') },
                { key: 'sort', label: '排序号', children: selected.sortOrder },
                { key: 'status', label: '状态', children: <StatusTag t={selected} /> },
                {
                  key: 'path', label: '隶属关系', span: 2,
                  children: [...ancestors, selected].map((a) => a.name).join(' / '),
                },
                {
                  key: 'login', label: '登录名格式', span: 2,
                  children: <span><span className="lz-mono">{selected.code}.账户名</span><span className="lz-muted">（如 {selected.code}.admin）</span></span>,
                },
              ]}
            />
            <div className="lz-section-head">
              <span className="lz-section-title">下级机构（{children.length}）</span>
              <Space size={4}>
                <Button type="link" size="small" icon={<TeamOutlined />} onClick={() => navigate(`/admin/users?tenant=${selected.id}`)}>
                  查看本级用户
                </Button>
                <Button type="link" size="small" icon={<SafetyOutlined />} onClick={() => navigate(`/admin/security?tenant=${selected.id}`)}>
                  安全设置
                </Button>
              </Space>
            </div>
            <Table<AdminTenant>
              rowKey="id"
              size="small"
              bordered
              columns={childColumns}
              dataSource={children}
              pagination={false}
              data-testid="tenant-children"
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无下级机构" /> }}
            />
          </>
        )}
      </Card>
    </TenantAdminPage>
  );
}
