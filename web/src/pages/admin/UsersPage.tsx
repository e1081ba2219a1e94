// 用户管理: accounts of the caller's tenant and the tenants below, as a ledger with search, role filter and paging.
// 三员分立: the system administrator sets no password — a new or reset account gets a one-time activation code, shown
// once here, that its owner uses on 「激活账户」 to set their own password. Roles that read archives (and a filler's
// units) take effect when a security administrator approves them (授权审批). An administrator's own account is
// changed through 修改密码 only.
import type React from 'react';
import { useEffect, useMemo, useState } from 'react';
import {
  Alert, App as AntApp, Button, Card, Descriptions, Empty, Form, Input, Modal, Popconfirm, Radio, Select, Space, Table, Tag, Tooltip,
  TreeSelect, Typography,
} from 'antd';
import type { TableColumnsType, TablePaginationConfig } from 'antd';
import { CloseCircleOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { errorText, gql } from '../../api/graphql';
import { useAuth } from '../../auth/AuthProvider';
import { ADMINISTRATOR_ROLES, APPROVED_ROLES, ROLE_DESCRIPTIONS, ROLE_OPTIONS, roleLabel } from '../../auth/roles';
import {
  CREATE_USER, RESET_PASSWORD, SET_USER_STATUS, TENANT_UNITS_QUERY, UNLOCK_USER, UPDATE_USER, USERS_QUERY,
} from './queries';
import { TenantTreeCard, tenantSelectTree, useSelectedTenant, useTenants, type TenantIndex } from './tenantTree';
import type { AccountActivation, AdminTenant, AdminUser, UnitOption, UserPage } from './types';

const PAGE_SIZES = [20, 50, 100];
const LOGIN_NAME_RE = /^[a-z0-9][a-z0-9_-]{1,31}$/;

/** In the own tenant the three administrators' roles are the parent's to give: shown, not offered. */
const roleOptionsFor = (ownTenant: boolean) =>
  ROLE_OPTIONS.map((o) => ({ ...o, disabled: ownTenant && ADMINISTRATOR_ROLES.includes(o.value) }));

const formatTime = (v: string | null) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm:ss') : null);
const dash = (v: React.ReactNode) => (v === null || v === undefined || v === '' ? <span className="lz-muted">—</span> : v);

function UserStatusTags({ u }: { u: AdminUser }) {
  return (
    <Space size={4} wrap className="lz-status-tags" data-testid="user-status">
      {u.status === 'disabled' ? <Tag color="default">已停用</Tag>
        : u.status === 'pending' ? (
          <Tooltip title="新建账户的角色授权尚待安全保密管理员审批，审批通过前不能登录"><Tag color="gold">待授权</Tag></Tooltip>
        ) : u.locked ? null : <Tag color="green">正常</Tag>}
      {u.activationPending && (
        <Tooltip title={u.activationExpiresAt ? `激活码有效期至 ${formatTime(u.activationExpiresAt)}；本人激活后方可登录` : undefined}>
          <Tag color="blue">待激活</Tag>
        </Tooltip>
      )}
      {u.pendingGrant && u.status !== 'pending' && (
        <Tooltip title={`已申请授予「${u.pendingGrant.roleLabel}」，待安全保密管理员审批`}><Tag color="gold">授权待审批</Tag></Tooltip>
      )}
      {u.locked && (
        <Tooltip title={u.lockedUntil ? `锁定至 ${formatTime(u.lockedUntil)}` : undefined}>
          <Tag color="red">已锁定</Tag>
        </Tooltip>
      )}
      {u.mustChangePassword && u.status !== 'disabled' && (
        <Tooltip title="首次登录或密码被重置后尚未修改密码">
          <Tag color="orange">待改密</Tag>
        </Tooltip>
      )}
    </Space>
  );
}

// ---------- Units of a tenant (for fillers) ----------

interface UnitTreeNode { value: string; title: string; key: string; children?: UnitTreeNode[] }

function useTenantUnits(tenant: AdminTenant | undefined, enabled: boolean) {
  const [units, setUnits] = useState<UnitOption[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const code = tenant?.code;
  useEffect(() => {
    if (!enabled || !code) return;
    let alive = true;
    setUnits(null);
    setError(null);
    gql<{ units: UnitOption[] }>(TENANT_UNITS_QUERY, { tenantCode: code })
      .then((d) => { if (alive) setUnits(d.units); })
      .catch((e: unknown) => { if (alive) setError(errorText(e, '单位目录加载失败')); });
    return () => { alive = false; };
  }, [code, enabled]);

  const tree = useMemo<UnitTreeNode[]>(() => {
    if (!units) return [];
    const ids = new Set(units.map((u) => u.id));
    const byParent = new Map<string | null, UnitOption[]>();
    for (const u of units) {
      const p = u.parentId && ids.has(u.parentId) ? u.parentId : null;
      byParent.set(p, [...(byParent.get(p) ?? []), u]);
    }
    const seen = new Set<string>();
    const walk = (p: string | null): UnitTreeNode[] =>
      (byParent.get(p) ?? []).filter((u) => !seen.has(u.id)).map((u) => {
        seen.add(u.id);
        const kids = walk(u.id);
        return { value: u.id, key: u.id, title: u.name, children: kids.length ? kids : undefined };
      });
    return walk(null);
  }, [units]);

  return { tree, loading: enabled && !!code && units === null && !error, error, empty: units !== null && units.length === 0 };
}

function UnitPicker({ tenant, value, onChange, id }: {
  tenant: AdminTenant | undefined; value?: string[]; onChange?: (v: string[]) => void; id?: string;
}) {
  const units = useTenantUnits(tenant, true);
  return (
    <>
      <TreeSelect
        id={id}
        data-testid="user-units"
        treeData={units.tree}
        value={value}
        onChange={(v) => onChange?.(v as string[])}
        treeCheckable
        virtual={false}
        showCheckedStrategy={TreeSelect.SHOW_PARENT}
        multiple
        treeDefaultExpandAll
        loading={units.loading}
        placeholder={units.empty ? '该租户暂无单位' : '请选择负责的单位（可多选）'}
        disabled={units.empty}
        maxTagCount={4}
        notFoundContent={units.loading ? '正在加载…' : '暂无单位'}
        styles={{ popup: { root: { maxHeight: 360, overflow: 'auto' } } }}
      />
      {units.error && <div className="ant-form-item-explain-error">{units.error}</div>}
    </>
  );
}

/** The one-time activation code, shown once: copy it and hand it to the person (never sent anywhere else). */
export function ActivationCodeModal({ result, reset, onClose }: { result: AccountActivation | null; reset: boolean; onClose(): void }) {
  const u = result?.user;
  return (
    <Modal
      title={reset ? '密码已重置：一次性激活码' : '账户已创建：一次性激活码'}
      open={!!result}
      onCancel={onClose}
      maskClosable={false}
      keyboard={false}
      destroyOnHidden
      width={600}
      footer={<Button type="primary" onClick={onClose} data-testid="activation-close">我已妥善记录</Button>}
    >
      {result && u && (
        <div data-testid="activation-modal">
          <Alert
            type="warning"
            showIcon
            className="lz-form-alert"
            title="激活码只显示这一次，关闭后无法再次查看"
            description="请通过安全渠道将登录名和激活码交本人，由本人在登录页「激活账户」设置自己的密码。系统管理员不掌握、也不应代设用户密码。"
          />
          <Descriptions bordered size="small" column={1} className="lz-activation-desc" styles={{ label: { width: 120 } }}>
            <Descriptions.Item label="登录名"><span className="lz-mono" data-testid="activation-username">{u.username}</span></Descriptions.Item>
            <Descriptions.Item label="姓名">{u.displayName}</Descriptions.Item>
            <Descriptions.Item label="激活码">
              <Typography.Text copyable={{ text: result.activationCode, tooltips: ['复制', '已复制'] }} className="lz-activation-code" data-testid="activation-code">
                {result.activationCode}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label="有效期至"><span data-testid="activation-expires">{formatTime(result.expiresAt)}</span>（逾期须重新发放）</Descriptions.Item>
            {result.grant && (
              <Descriptions.Item label="角色授权">
                <Tag color="gold">{result.grant.roleLabel} · 待审批</Tag>
                <span className="lz-muted">安全保密管理员批准后方可登录使用</span>
              </Descriptions.Item>
            )}
          </Descriptions>
        </div>
      )}
    </Modal>
  );
}

// ---------- Create ----------

interface CreateValues {
  tenantId: string;
  loginName: string;
  displayName: string;
  role: string;
  unitIds?: string[];
}

function CreateUserModal({ index, defaultTenantId, open, onClose, onDone }: {
  index: TenantIndex; defaultTenantId: string | undefined; open: boolean; onClose(): void; onDone(a: AccountActivation): void;
}) {
  const [form] = Form.useForm<CreateValues>();
  const { me } = useAuth();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Reset as the modal opens (not after its animation, which could undo a quick user's choice).
  useEffect(() => { if (open) { setError(null); } }, [open]);
  const tenantId = Form.useWatch('tenantId', form) as string | undefined;
  const role = Form.useWatch('role', form) as string | undefined;
  const tenant = tenantId ? index.byId.get(tenantId) : undefined;
  const treeData = useMemo(() => tenantSelectTree(index), [index]);

  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      const d = await gql<{ createUser: AccountActivation | null }>(CREATE_USER, {
        input: {
          tenantId: v.tenantId, loginName: v.loginName.trim().toLowerCase(), displayName: v.displayName.trim(), role: v.role,
          unitIds: v.role === 'filler' ? v.unitIds ?? [] : [],
        },
      });
      if (!d.createUser) throw new Error('所属租户不存在或不在管理范围内');
      onDone(d.createUser);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title="新建用户"
      open={open}
      onCancel={onClose}
      onOk={() => void submit()}
      okText="创建"
      cancelText="取消"
      confirmLoading={saving}
      destroyOnHidden
      width={600}
      okButtonProps={{ 'data-testid': 'user-create-ok' }}
    >
      <Alert
        type="info"
        showIcon
        className="lz-form-alert"
        title="新账户不设初始密码"
        description="创建后显示一次性激活码，由本人凭激活码设置密码。纪检干部、领导、填报员、安全审计员角色须经安全保密管理员审批后生效；本机构的系统管理员、安全保密管理员、安全审计员由上级机构设置。"
      />
      {error && <Alert type="error" showIcon title={error} className="lz-form-alert" data-testid="modal-error" />}
      <Form<CreateValues>
        form={form}
        layout="horizontal"
        labelCol={{ flex: '96px' }}
        wrapperCol={{ flex: '1 1 0' }}
        initialValues={{ tenantId: defaultTenantId, role: 'officer', unitIds: [] }}
        onValuesChange={(changed) => {
          // Units belong to a tenant: another tenant means choosing them again.
          if ('tenantId' in changed) form.setFieldValue('unitIds', []);
        }}
        autoComplete="off"
        preserve={false}
        className="lz-modal-form"
        data-testid="user-create-form"
      >
        <Form.Item label="所属租户" name="tenantId" rules={[{ required: true, message: '请选择所属租户' }]}>
          <TreeSelect
            id="user-tenant"
            treeData={treeData}
            treeDefaultExpandAll
            virtual={false}
            showSearch
            treeNodeFilterProp="title"
            placeholder="请选择所属租户"
            styles={{ popup: { root: { maxHeight: 360, overflow: 'auto' } } }}
          />
        </Form.Item>
        <Form.Item label="账户名" required extra={tenant ? `登录名为「${tenant.code}.账户名」，创建后不可修改` : '请先选择所属租户'}>
          <Space.Compact block>
            <Space.Addon className="lz-mono" data-testid="login-prefix">{tenant ? `${tenant.code}.` : '租户代码.'}</Space.Addon>
            <Form.Item
              name="loginName"
              noStyle
              rules={[
                { required: true, whitespace: true, message: '请输入账户名' },
                { pattern: LOGIN_NAME_RE, message: '账户名须为 2–32 位小写字母、数字、下划线或连字符，以字母或数字开头' },
              ]}
            >
              <Input id="user-login-name" placeholder="如 zhangsan" maxLength={32} autoComplete="off" />
            </Form.Item>
          </Space.Compact>
        </Form.Item>
        <Form.Item label="姓名" name="displayName" rules={[{ required: true, whitespace: true, message: '请输入姓名' }, { max: 50, message: '姓名最长 50 个字符' }]}>
          <Input id="user-display-name" placeholder="请输入姓名" maxLength={50} autoComplete="off" />
        </Form.Item>
        <Form.Item label="角色" name="role" rules={[{ required: true, message: '请选择角色' }]} extra={role ? ROLE_DESCRIPTIONS[role] : undefined}>
          <Radio.Group optionType="button" buttonStyle="solid" options={roleOptionsFor(tenantId === me?.tenant.id)} data-testid="user-role" />
        </Form.Item>
        {role === 'filler' && (
          <Form.Item
            label="负责单位"
            name="unitIds"
            rules={[{ required: true, type: 'array', min: 1, message: '请为填报员选择至少一个负责单位' }]}
            extra="填报员只能为所选单位（含其下级单位）录入档案"
          >
            <UnitPicker tenant={tenant} id="user-units" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

// ---------- Edit ----------

interface EditValues { displayName: string; role: string; unitIds?: string[] }

function EditUserModal({ user, index, open, onClose, onDone }: {
  user: AdminUser; index: TenantIndex; open: boolean; onClose(): void; onDone(u: AdminUser): void;
}) {
  const [form] = Form.useForm<EditValues>();
  const { me } = useAuth();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Reset as the modal opens (not after its animation, which could undo a quick user's choice).
  useEffect(() => { if (open) { setError(null); } }, [open]);
  const role = Form.useWatch('role', form) as string | undefined;
  const tenant = index.byId.get(user.tenantId);

  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      const input: Record<string, unknown> = { displayName: v.displayName.trim(), role: v.role };
      if (v.role === 'filler') input.unitIds = v.unitIds ?? [];
      const d = await gql<{ updateUser: AdminUser | null }>(UPDATE_USER, { id: user.id, input });
      if (!d.updateUser) throw new Error('用户不存在或不在管理范围内');
      onDone(d.updateUser);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title={`编辑用户：${user.displayName}`}
      open={open}
      onCancel={onClose}
      onOk={() => void submit()}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      destroyOnHidden
      width={600}
      okButtonProps={{ 'data-testid': 'user-edit-ok' }}
    >
      {role && role !== user.role && (APPROVED_ROLES.includes(role) ? (
        <Alert
          type="info"
          showIcon
          className="lz-form-alert"
          title={`授予「${roleLabel(role)}」须经安全保密管理员审批`}
          description="保存后形成授权申请；批准前该用户保持原角色，批准后须重新登录。"
          data-testid="grant-needed"
        />
      ) : (
        <Alert type="warning" showIcon className="lz-form-alert" title="修改角色后，该用户将被立即退出登录，须重新登录。" />
      ))}
      {user.pendingGrant && (
        <Alert type="warning" showIcon className="lz-form-alert" title={`已有待审批的授权申请：${user.pendingGrant.roleLabel}（再次提交将替换该申请）`} />
      )}
      {error && <Alert type="error" showIcon title={error} className="lz-form-alert" data-testid="modal-error" />}
      <Form<EditValues>
        form={form}
        layout="horizontal"
        labelCol={{ flex: '96px' }}
        wrapperCol={{ flex: '1 1 0' }}
        initialValues={{ displayName: user.displayName, role: user.role, unitIds: user.unitIds }}
        autoComplete="off"
        className="lz-modal-form"
      >
        <Form.Item label="登录名"><span className="lz-form-static lz-mono">{user.username}</span></Form.Item>
        <Form.Item label="所属租户"><span className="lz-form-static">{user.tenantName}</span></Form.Item>
        <Form.Item label="姓名" name="displayName" rules={[{ required: true, whitespace: true, message: '请输入姓名' }, { max: 50, message: '姓名最长 50 个字符' }]}>
          <Input id="user-edit-display-name" maxLength={50} />
        </Form.Item>
        <Form.Item label="角色" name="role" rules={[{ required: true, message: '请选择角色' }]} extra={role ? ROLE_DESCRIPTIONS[role] : undefined}>
          <Radio.Group optionType="button" buttonStyle="solid" options={roleOptionsFor(user.tenantId === me?.tenant.id)} data-testid="user-edit-role" />
        </Form.Item>
        {role === 'filler' && (
          <Form.Item
            label="负责单位"
            name="unitIds"
            rules={[{ required: true, type: 'array', min: 1, message: '请为填报员选择至少一个负责单位' }]}
            extra="填报员只能为所选单位（含其下级单位）录入档案"
          >
            <UnitPicker tenant={tenant} id="user-edit-units" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

// ---------- Reset password ----------

function ResetPasswordModal({ user, open, onClose, onDone }: { user: AdminUser; open: boolean; onClose(): void; onDone(a: AccountActivation): void }) {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Reset as the modal opens (not after its animation, which could undo a quick user's choice).
  useEffect(() => { if (open) { setError(null); } }, [open]);

  const submit = async () => {
    setSaving(true);
    setError(null);
    try {
      const d = await gql<{ resetUserPassword: AccountActivation | null }>(RESET_PASSWORD, { id: user.id });
      if (!d.resetUserPassword) throw new Error('用户不存在或不在管理范围内');
      onDone(d.resetUserPassword);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title={`重置密码：${user.displayName}`}
      open={open}
      onCancel={onClose}
      onOk={() => void submit()}
      okText="重置并发放激活码"
      cancelText="取消"
      confirmLoading={saving}
      destroyOnHidden
      width={560}
      okButtonProps={{ danger: true, 'data-testid': 'user-reset-ok' }}
    >
      <Alert
        type="warning"
        showIcon
        className="lz-form-alert"
        title="重置后原密码立即失效，该用户被退出登录，锁定状态同时解除。"
        description="系统将生成一次性激活码，请交本人在登录页「激活账户」设置新密码。持有档案查阅等须审批角色的账户，须经安全保密管理员重新审批角色后方可登录。"
      />
      {error && <Alert type="error" showIcon title={error} className="lz-form-alert" data-testid="modal-error" />}
      <Descriptions bordered size="small" column={1} styles={{ label: { width: 96 } }}>
        <Descriptions.Item label="登录名"><span className="lz-mono">{user.username}</span></Descriptions.Item>
        <Descriptions.Item label="所属机构">{user.tenantName}</Descriptions.Item>
      </Descriptions>
    </Modal>
  );
}

// ---------- Page ----------

export function UsersPage() {
  const { me } = useAuth();
  const { message } = AntApp.useApp();
  const tenants = useTenants();
  const { index } = tenants;
  const { selected, select } = useSelectedTenant(index, false);

  const [searchInput, setSearchInput] = useState('');
  const [search, setSearch] = useState('');
  const [role, setRole] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(PAGE_SIZES[0]);
  const [tick, setTick] = useState(0);
  const [data, setData] = useState<UserPage | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [modal, setModal] = useState<{ kind: 'create' } | { kind: 'edit' | 'reset'; user: AdminUser } | null>(null);
  const [issued, setIssued] = useState<{ result: AccountActivation; reset: boolean } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const selectedId = selected?.id;
  // A tenant named in the address is known once the directory is loaded: wait for it rather than list everyone first.
  const waiting = tenants.loading && !index.list.length;
  useEffect(() => {
    if (waiting) return;
    const ctrl = new AbortController();
    setLoading(true);
    setError(null);
    gql<{ users: UserPage }>(
      USERS_QUERY,
      { tenantId: selectedId ?? null, search: search || null, role: role ?? null, first: pageSize, offset: (page - 1) * pageSize },
      { signal: ctrl.signal },
    )
      .then((d) => {
        setData(d.users);
        const last = Math.max(1, Math.ceil(d.users.totalCount / pageSize));
        if (page > last) setPage(last);
      })
      .catch((e: unknown) => { if (!ctrl.signal.aborted) setError(errorText(e, '用户列表加载失败')); })
      .finally(() => { if (!ctrl.signal.aborted) setLoading(false); });
    return () => ctrl.abort();
  }, [waiting, selectedId, search, role, page, pageSize, tick]);

  const refresh = () => setTick((n) => n + 1);

  const act = async (u: AdminUser, run: () => Promise<unknown>, text: string) => {
    setBusy(u.id);
    try {
      await run();
      message.success(text);
      refresh();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(null);
    }
  };

  const onTableChange = (p: TablePaginationConfig) => {
    const size = p.pageSize ?? pageSize;
    if (size !== pageSize) {
      setPageSize(size);
      setPage(1);
    } else setPage(p.current ?? 1);
  };

  const selfHint = '本人账户请通过右上角「修改密码」维护';

  const columns: TableColumnsType<AdminUser> = [
    {
      title: '登录名', dataIndex: 'username', key: 'username', width: 156, ellipsis: { showTitle: false },
      render: (v: string) => <Tooltip placement="topLeft" title={v}><span className="lz-mono lz-username" data-testid="user-username">{v}</span></Tooltip>,
    },
    {
      title: '姓名', dataIndex: 'displayName', key: 'displayName', ellipsis: { showTitle: false },
      render: (v: string, r) => (
        <Tooltip placement="topLeft" title={v}>
          <span><span className="lz-cadre-name">{v}</span>{r.id === me?.id && <Tag className="lz-self-tag">本人</Tag>}</span>
        </Tooltip>
      ),
    },
    {
      title: '所属租户', dataIndex: 'tenantName', key: 'tenant', width: 120, ellipsis: { showTitle: false },
      render: (v: string) => <Tooltip placement="topLeft" title={v}>{v}</Tooltip>,
    },
    { title: '角色', dataIndex: 'roleLabel', key: 'role', width: 80, align: 'center' },
    { title: '状态', key: 'status', width: 84, align: 'center', render: (_v, r) => <UserStatusTags u={r} /> },
    {
      title: '最后登录时间', dataIndex: 'lastLoginAt', key: 'lastLoginAt', width: 152, align: 'center',
      render: (v: string | null) => <span className="lz-time">{dash(formatTime(v))}</span>,
    },
    {
      title: '最后登录IP', dataIndex: 'lastLoginIp', key: 'lastLoginIp', width: 104, align: 'center', ellipsis: { showTitle: false },
      render: (v: string | null) => (v ? <Tooltip title={v}><span className="lz-time">{v}</span></Tooltip> : dash(v)),
    },
    {
      title: '操作', key: 'actions', width: 160, fixed: 'right',
      render: (_v, r) => {
        const self = r.id === me?.id;
        if (self) return <Tooltip title={selfHint}><span className="lz-muted">本人账户</span></Tooltip>;
        // 三员分立: the administrators of the own tenant are managed by the parent tenant's system administrator.
        if (ADMINISTRATOR_ROLES.includes(r.role) && r.tenantId === me?.tenant.id) {
          return <Tooltip title="本机构的系统管理员、安全保密管理员、安全审计员由上级机构的系统管理员管理"><span className="lz-muted" data-testid="user-managed-above">由上级管理</span></Tooltip>;
        }
        const loading = busy === r.id;
        return (
          <Space size={0} wrap className="lz-row-actions" data-testid="user-actions">
            <Button type="link" size="small" onClick={() => setModal({ kind: 'edit', user: r })} data-testid="user-edit">编辑</Button>
            {r.status === 'pending' ? null : r.status === 'disabled' ? (
              <Popconfirm
                title={`启用「${r.displayName}」？`}
                description="启用后该用户可重新登录。"
                okText="启用"
                cancelText="取消"
                okButtonProps={{ 'data-testid': 'confirm-ok' }}
                onConfirm={() => act(r, () => gql(SET_USER_STATUS, { id: r.id, status: 'active' }), `已启用：${r.displayName}`)}
              >
                <Button type="link" size="small" loading={loading} data-testid="user-enable">启用</Button>
              </Popconfirm>
            ) : (
              <Popconfirm
                title={`停用「${r.displayName}」？`}
                description="停用后该用户将被立即退出登录，且无法再登录。"
                okText="停用"
                cancelText="取消"
                okButtonProps={{ danger: true, 'data-testid': 'confirm-ok' }}
                onConfirm={() => act(r, () => gql(SET_USER_STATUS, { id: r.id, status: 'disabled' }), `已停用：${r.displayName}`)}
              >
                <Button type="link" size="small" danger loading={loading} data-testid="user-disable">停用</Button>
              </Popconfirm>
            )}
            {r.locked && (
              <Popconfirm
                title={`解除「${r.displayName}」的登录锁定？`}
                okText="解锁"
                cancelText="取消"
                okButtonProps={{ 'data-testid': 'confirm-ok' }}
                onConfirm={() => act(r, () => gql(UNLOCK_USER, { id: r.id }), `已解锁：${r.displayName}`)}
              >
                <Button type="link" size="small" loading={loading} data-testid="user-unlock">解锁</Button>
              </Popconfirm>
            )}
            <Button type="link" size="small" onClick={() => setModal({ kind: 'reset', user: r })} data-testid="user-reset">重置密码</Button>
          </Space>
        );
      },
    },
  ];

  const rows = data?.edges.map((e) => e.node) ?? [];
  const onSearch = (v: string) => {
    setSearchInput(v);
    setSearch(v.trim());
    setPage(1);
  };

  return (
    <div className="lz-admin">
      <div className="lz-page-head">
        <Typography.Title level={4} className="lz-page-title">用户管理</Typography.Title>
        <span className="lz-page-desc">本级及下级机构的用户账户：新建、编辑、停用、解锁和重置密码（激活码由本人使用，角色授权经安全保密管理员审批）</span>
      </div>

      <div className="lz-admin-body">
        <TenantTreeCard
          index={index}
          loading={tenants.loading}
          error={tenants.error}
          onReload={() => void tenants.reload()}
          selectedId={selected?.id ?? null}
          onSelect={(id) => { select(id); setPage(1); }}
          allowDeselect
        />

        <Card className="lz-table-card" size="small">
          <div className="lz-toolbar">
            <Input.Search
              className="lz-search"
              data-testid="user-search"
              id="user-search-input"
              placeholder="登录名 / 姓名"
              allowClear
              enterButton="查询"
              value={searchInput}
              onChange={(e) => setSearchInput(e.target.value)}
              onSearch={onSearch}
              maxLength={50}
            />
            <Select
              className="lz-role-filter"
              data-testid="user-role-filter"
              placeholder="全部角色"
              allowClear
              value={role}
              onChange={(v?: string) => { setRole(v); setPage(1); }}
              options={ROLE_OPTIONS}
            />
            <Space size={8} className="lz-scope" wrap>
              <span className="lz-muted">当前范围：</span>
              {selected ? (
                <Tag
                  color="red"
                  closable
                  closeIcon={<CloseCircleOutlined />}
                  onClose={(e) => { e.preventDefault(); select(null); setPage(1); }}
                  data-testid="scope-tag"
                >
                  {selected.name}（本级用户）
                </Tag>
              ) : (
                <span>{me ? `${me.tenant.name}及全部下级` : '全部'}</span>
              )}
            </Space>
            <Space size={8}>
              <Tooltip title="刷新">
                <Button icon={<ReloadOutlined />} onClick={refresh} aria-label="刷新" />
              </Tooltip>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setModal({ kind: 'create' })} data-testid="user-create">
                新建用户
              </Button>
            </Space>
          </div>

          {error && (
            <Alert
              type="error"
              showIcon
              title={error}
              className="lz-table-alert"
              action={<Button size="small" onClick={refresh}>重试</Button>}
            />
          )}

          <Table<AdminUser>
            className="lz-cadre-table"
            data-testid="user-table"
            rowKey="id"
            size="small"
            bordered
            loading={loading}
            columns={columns}
            dataSource={rows}
            scroll={{ x: 948 }}
            onRow={() => ({ 'data-testid': 'user-row' }) as React.HTMLAttributes<HTMLElement>}
            onChange={onTableChange}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={search || role ? '没有符合条件的用户' : '暂无用户'} /> }}
            pagination={{
              current: page,
              pageSize,
              total: data?.totalCount ?? 0,
              showSizeChanger: true,
              pageSizeOptions: PAGE_SIZES,
              showQuickJumper: true,
              showTotal: (total) => `共 ${total} 个用户`,
            }}
          />
          {!loading && data?.totalCount === 0 && <div className="lz-table-total" data-testid="user-total">共 0 个用户</div>}
        </Card>
      </div>

      <CreateUserModal
        index={index}
        defaultTenantId={selected?.id ?? me?.tenant.id}
        open={modal?.kind === 'create'}
        onClose={() => setModal(null)}
        onDone={(a) => {
          setModal(null);
          message.success(`已创建用户：${a.user.username}${a.grant ? '（角色授权待审批）' : ''}`);
          setIssued({ result: a, reset: false });
          refresh();
        }}
      />
      {modal && modal.kind === 'edit' && (
        <EditUserModal
          user={modal.user}
          index={index}
          open
          onClose={() => setModal(null)}
          onDone={(u) => {
            setModal(null);
            message.success(u.pendingGrant ? `已提交授权申请：${u.displayName}（${u.pendingGrant.roleLabel}，待审批）` : `已保存：${u.displayName}`);
            refresh();
          }}
        />
      )}
      {modal && modal.kind === 'reset' && (
        <ResetPasswordModal
          user={modal.user}
          open
          onClose={() => setModal(null)}
          onDone={(a) => {
            setModal(null);
            message.success(`已重置密码：${a.user.username}${a.grant ? '（角色待重新审批）' : ''}`);
            setIssued({ result: a, reset: true });
            refresh();
          }}
        />
      )}
      <ActivationCodeModal result={issued?.result ?? null} reset={!!issued?.reset} onClose={() => setIssued(null)} />
    </div>
  );
}
