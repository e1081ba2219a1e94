// 租户管理: the caller's subtree of discipline-inspection bodies. New subordinate tenants, rename/reorder, move under
// another parent, suspend or resume. The administrator's own tenant belongs to the level above: only new children.
import { useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import {
  Alert, App as AntApp, Button, Card, Descriptions, Empty, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Table,
  Tag, Tooltip, TreeSelect, Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import {
  DragOutlined, EditOutlined, PauseCircleOutlined, PlayCircleOutlined, PlusOutlined, SafetyOutlined, TeamOutlined,
} from '@ant-design/icons';
import { errorText, gql } from '../../api/graphql';
import { useAuth } from '../../auth/AuthProvider';
import { CREATE_TENANT, MOVE_TENANT, SET_TENANT_STATUS, UPDATE_TENANT } from './queries';
import {
  ancestorsOf, isSuspended, subtreeIds, TENANT_KINDS, TenantTreeCard, tenantSelectTree, useSelectedTenant, useTenants,
  type TenantIndex,
} from './tenantTree';
import type { AdminTenant } from './types';

const CODE_RE = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const NAME_RE = /^[\p{Script=Han}A-Za-z0-9（）()·\-、 ]{2,60}$/u;

/** The new tenant's code: the parent's code + '-' is fixed (the API enforces it); a typed prefix is not doubled. */
function fullCode(parentCode: string, typed: string): string {
  const v = typed.trim().toLowerCase();
  return v.startsWith(`${parentCode}-`) ? v : `${parentCode}-${v}`;
}

/** A sensible kind for a new child of a tenant of this kind. */
const DEFAULT_CHILD_KIND: Record<string, string> = {
  province_commission: 'city_commission',
  city_commission: 'county_commission',
};

function StatusTag({ t }: { t: AdminTenant }) {
  if (t.status === 'suspended') return <Tag color="red" data-testid="tenant-status">已暂停</Tag>;
  if (isSuspended(t)) return <Tooltip title="上级租户已暂停"><Tag color="red" data-testid="tenant-status">已暂停（上级）</Tag></Tooltip>;
  return <Tag color="green" data-testid="tenant-status">正常</Tag>;
}

// ---------- Modals ----------

interface CreateValues { code: string; name: string; kind: string; sortOrder?: number | null }

function CreateTenantModal({ parent, open, onClose, onDone }: {
  parent: AdminTenant; open: boolean; onClose(): void; onDone(t: AdminTenant): void;
}) {
  const [form] = Form.useForm<CreateValues>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Reset as the modal opens (not after its animation, which could undo a quick user's choice).
  useEffect(() => { if (open) { setError(null); } }, [open]);

  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      const d = await gql<{ createTenant: AdminTenant | null }>(CREATE_TENANT, {
        input: { parentId: parent.id, code: fullCode(parent.code, v.code), name: v.name.trim(), kind: v.kind, sortOrder: v.sortOrder ?? null },
      });
      if (!d.createTenant) throw new Error('上级租户不存在或不在管理范围内');
      onDone(d.createTenant);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title="新建下级租户"
      open={open}
      onCancel={onClose}
      onOk={() => void submit()}
      okText="确定"
      cancelText="取消"
      confirmLoading={saving}
      destroyOnHidden
      width={560}
      okButtonProps={{ 'data-testid': 'tenant-create-ok' }}
    >
      {error && <Alert type="error" showIcon title={error} className="lz-form-alert" data-testid="modal-error" />}
      <Form<CreateValues>
        form={form}
        layout="horizontal"
        labelCol={{ flex: '88px' }}
        wrapperCol={{ flex: '1 1 0' }}
        initialValues={{ kind: DEFAULT_CHILD_KIND[parent.kind] }}
        data-testid="tenant-create-form"
        preserve={false}
        className="lz-modal-form"
      >
        <Form.Item label="上级租户">
          <span className="lz-form-static">{parent.name}</span>
        </Form.Item>
        <Form.Item label="代码" required extra={`以上级代码「${parent.code}-」开头（已固定），只填后半部分；小写字母、数字和连字符，用作登录名前缀，创建后不可修改`}>
          <Space.Compact block>
            <Space.Addon className="lz-mono" data-testid="tenant-code-prefix">{`${parent.code}-`}</Space.Addon>
            <Form.Item
              name="code"
              noStyle
              rules={[
                { required: true, whitespace: true, message: '请输入租户代码' },
                { max: 40, message: '代码最长 40 位' },
                { pattern: CODE_RE, message: '代码须为小写字母、数字，可用连字符分隔' },
              ]}
            >
              <Input id="tenant-code" placeholder="如 xs" maxLength={40} autoComplete="off" />
            </Form.Item>
          </Space.Compact>
        </Form.Item>
        <Form.Item
          label="名称"
          name="name"
          rules={[
            { required: true, whitespace: true, message: '请输入租户名称' },
            { pattern: NAME_RE, message: '名称须为 2–60 个汉字、字母或数字' },
          ]}
        >
          <Input id="tenant-name" placeholder="如 西山区纪委监委" maxLength={60} autoComplete="off" />
        </Form.Item>
        <Form.Item label="类型" name="kind" rules={[{ required: true, message: '请选择租户类型' }]}>
          <Select id="tenant-kind" options={TENANT_KINDS} placeholder="请选择" data-testid="tenant-kind" />
        </Form.Item>
        <Form.Item label="排序号" name="sortOrder" extra="数字小的排在前面；留空则排在同级最后">
          <InputNumber id="tenant-sort" min={0} max={1000000} precision={0} className="lz-input-number" placeholder="可选" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface EditValues { name: string; sortOrder: number }

function EditTenantModal({ tenant, open, onClose, onDone }: {
  tenant: AdminTenant; open: boolean; onClose(): void; onDone(t: AdminTenant): void;
}) {
  const [form] = Form.useForm<EditValues>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Reset as the modal opens (not after its animation, which could undo a quick user's choice).
  useEffect(() => { if (open) { setError(null); } }, [open]);

  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      const d = await gql<{ updateTenant: AdminTenant | null }>(UPDATE_TENANT, { id: tenant.id, name: v.name.trim(), sortOrder: v.sortOrder });
      if (!d.updateTenant) throw new Error('租户不存在或不在管理范围内');
      onDone(d.updateTenant);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title="重命名 / 调整排序"
      open={open}
      onCancel={onClose}
      onOk={() => void submit()}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      destroyOnHidden
      width={520}
      okButtonProps={{ 'data-testid': 'tenant-edit-ok' }}
    >
      {error && <Alert type="error" showIcon title={error} className="lz-form-alert" data-testid="modal-error" />}
      <Form<EditValues>
        form={form}
        layout="horizontal"
        labelCol={{ flex: '88px' }}
        wrapperCol={{ flex: '1 1 0' }}
        initialValues={{ name: tenant.name, sortOrder: tenant.sortOrder }}
        preserve={false}
        className="lz-modal-form"
      >
        <Form.Item label="代码">
          <span className="lz-form-static lz-mono">{tenant.code}</span>
          <span className="lz-muted lz-inline-hint">（不可修改）</span>
        </Form.Item>
        <Form.Item
          label="名称"
          name="name"
          rules={[
            { required: true, whitespace: true, message: '请输入租户名称' },
            { pattern: NAME_RE, message: '名称须为 2–60 个汉字、字母或数字' },
          ]}
        >
          <Input id="tenant-edit-name" maxLength={60} autoComplete="off" />
        </Form.Item>
        <Form.Item label="排序号" name="sortOrder" rules={[{ required: true, message: '请输入排序号' }]} extra="数字小的排在前面">
          <InputNumber id="tenant-edit-sort" min={0} max={1000000} precision={0} className="lz-input-number" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function MoveTenantModal({ tenant, index, open, onClose, onDone }: {
  tenant: AdminTenant; index: TenantIndex; open: boolean; onClose(): void; onDone(t: AdminTenant): void;
}) {
  const [parentId, setParentId] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Reset as the modal opens (not after its animation, which could undo a quick user's choice).
  useEffect(() => { if (open) { setParentId(undefined); setError(null); } }, [open]);

  // Allowed new parents: anything visible except the tenant itself and its subtree (those are left out entirely).
  const treeData = useMemo(() => {
    const excluded = subtreeIds(index, tenant.id);
    const prune = (nodes: ReturnType<typeof tenantSelectTree>): ReturnType<typeof tenantSelectTree> =>
      nodes.filter((n) => !excluded.has(n.value)).map((n) => ({ ...n, children: n.children ? prune(n.children) : undefined }));
    return prune(tenantSelectTree(index));
  }, [index, tenant.id]);

  const currentParent = tenant.parentId ? index.byId.get(tenant.parentId) : undefined;

  const submit = async () => {
    if (!parentId) {
      setError('请选择新的上级租户');
      return;
    }
    if (parentId === tenant.parentId) {
      setError('所选租户已是当前上级，无需移动');
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const d = await gql<{ moveTenant: AdminTenant | null }>(MOVE_TENANT, { id: tenant.id, parentId });
      if (!d.moveTenant) throw new Error('租户或新上级不存在或不在管理范围内');
      onDone(d.moveTenant);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title={`移动租户：${tenant.name}`}
      open={open}
      onCancel={onClose}
      onOk={() => void submit()}
      okText="确定移动"
      cancelText="取消"
      confirmLoading={saving}
      destroyOnHidden
      width={520}
      okButtonProps={{ 'data-testid': 'tenant-move-ok' }}
    >
      <Alert
        type="info"
        showIcon
        className="lz-form-alert"
        title="移动后，该租户及其全部下级租户、用户和档案一并归入新的上级，新上级的管理员即可管理。"
      />
      {error && <Alert type="error" showIcon title={error} className="lz-form-alert" data-testid="modal-error" />}
      <Form layout="horizontal" labelCol={{ flex: '88px' }} wrapperCol={{ flex: '1 1 0' }} className="lz-modal-form">
        <Form.Item label="当前上级">
          <span className="lz-form-static">{currentParent?.name ?? '—'}</span>
        </Form.Item>
        <Form.Item label="新的上级" required>
          <TreeSelect
            id="tenant-move-parent"
            data-testid="tenant-move-parent"
            treeData={treeData}
            value={parentId}
            onChange={(v: string) => { setParentId(v); setError(null); }}
            placeholder="请选择新的上级租户"
            treeDefaultExpandAll
            virtual={false}
            showSearch
            treeNodeFilterProp="title"
            styles={{ popup: { root: { maxHeight: 360, overflow: 'auto' } } }}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

// ---------- Page ----------

export function TenantsPage() {
  const { me } = useAuth();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const tenants = useTenants();
  const { index } = tenants;
  const { selected, select } = useSelectedTenant(index, true);
  const [modal, setModal] = useState<'create' | 'edit' | 'move' | null>(null);
  const [statusBusy, setStatusBusy] = useState(false);

  const isOwn = !!selected && selected.id === me?.tenant.id;
  const children = selected ? index.children.get(selected.id) ?? [] : [];
  const ancestors = selected ? ancestorsOf(index, selected.id) : [];
  const suspendedAncestor = ancestors.find((a) => a.status === 'suspended');
  const parent = selected?.parentId ? index.byId.get(selected.parentId) : undefined;
  const ownHint = '本级租户由上级机关管理，此处不能修改';

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
    setStatusBusy(true);
    try {
      const d = await gql<{ setTenantStatus: AdminTenant | null }>(SET_TENANT_STATUS, { id: selected.id, status });
      if (!d.setTenantStatus) throw new Error('租户不存在或不在管理范围内');
      message.success(status === 'suspended' ? `已暂停：${selected.name}` : `已恢复：${selected.name}`);
      tenants.upsert(d.setTenantStatus);
      // Suspension shows on the whole subtree (effectiveStatus): read the list again.
      await tenants.reload();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setStatusBusy(false);
    }
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
    <div className="lz-admin">
      <div className="lz-page-head">
        <Typography.Title level={4} className="lz-page-title">租户管理</Typography.Title>
        <span className="lz-page-desc">管理本级下属的纪检监察机关：新建、重命名、调整隶属关系、暂停或恢复使用</span>
      </div>

      <div className="lz-admin-body">
        <TenantTreeCard
          index={index}
          loading={tenants.loading}
          error={tenants.error}
          onReload={() => void tenants.reload()}
          selectedId={selected?.id ?? null}
          onSelect={(id) => id && select(id)}
        />

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
            ) : '租户信息'
          }
          extra={
            selected && (
              <Space size={8} wrap>
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setModal('create')} data-testid="tenant-create">
                  新建下级租户
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
                        恢复后，该租户的用户可重新登录{suspendedAncestor ? `（上级「${suspendedAncestor.name}」仍处于暂停状态，恢复上级前仍不能登录）` : ''}。
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
                            暂停后，该租户及其全部下级租户的所有用户将<b>立即退出登录</b>，且在恢复前无法登录。
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
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={tenants.loading ? '正在加载…' : '请在左侧选择租户'} />
          ) : (
            <>
              {isOwn && (
                <Alert
                  type="info"
                  showIcon
                  className="lz-form-alert"
                  title={`「${selected.name}」是本级租户，由上级机关管理；您可以在其下新建和管理下级租户。`}
                />
              )}
              {!isOwn && suspendedAncestor && (
                <Alert
                  type="warning"
                  showIcon
                  className="lz-form-alert"
                  title={`上级租户「${suspendedAncestor.name}」已暂停，本租户及其下级的用户均无法登录。`}
                />
              )}
              {selected.status === 'suspended' && (
                <Alert
                  type="error"
                  showIcon
                  className="lz-form-alert"
                  title="该租户已暂停使用：其本级及全部下级租户的用户均无法登录。"
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
                  { key: 'parent', label: '上级租户', children: parent?.name ?? (isOwn ? '（上级机关）' : '—') },
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
                <span className="lz-section-title">下级租户（{children.length}）</span>
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
                locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无下级租户" /> }}
              />
            </>
          )}
        </Card>
      </div>

      {selected && (
        <>
          <CreateTenantModal
            parent={selected}
            open={modal === 'create'}
            onClose={() => setModal(null)}
            onDone={(t) => void afterChange(t, `已新建租户：${t.name}`)}
          />
          <EditTenantModal
            tenant={selected}
            open={modal === 'edit'}
            onClose={() => setModal(null)}
            onDone={(t) => void afterChange(t, `已保存：${t.name}`)}
          />
          <MoveTenantModal
            tenant={selected}
            index={index}
            open={modal === 'move'}
            onClose={() => setModal(null)}
            onDone={(t) => void afterChange(t, `已移动：${t.name}`)}
          />
        </>
      )}
    </div>
  );
}
