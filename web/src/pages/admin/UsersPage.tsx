// 用户管理: accounts of the caller's tenant and the tenants below, as a ledger with search, role filter and paging.
// 三员分立: the system administrator sets no password — a new or reset account gets a one-time activation code, shown
// once here, that its owner uses on 「激活账户」 to set their own password. Roles that read archives (and a filler's
// units) take effect when a security administrator approves them (授权审批). An administrator's own account is
// changed through 修改密码 only.
import { useState } from 'react';
import { App as AntApp, Button, Select, Space, Tag, Tooltip } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { gql } from '../../api/graphql';
import { mutate, queryKey } from '../../api/query';
import { useAuth } from '../../auth/AuthProvider';
import { ADMINISTRATOR_ROLES, ROLE_OPTIONS } from '../../auth/roles';
import { ConfirmLink } from '../../components/ConfirmLink';
import { useAction } from '../../components/FormModal';
import { dash, formatTime } from '../../components/format';
import { RefreshButton } from '../../components/PageHead';
import { PagedTable, usePagedQuery } from '../../components/PagedTable';
import { ScopeLine, SearchBox } from '../../components/Toolbar';
import { AFFECTS, SetUserStatusDocument, UnlockUserDocument, AdminUsersDocument } from './queries';
import { TenantAdminPage, useSelectedTenant, useTenants } from './tenantTree';
import type { AccountActivation, AdminUser } from './queries';
import { ActivationCodeDialog } from './users/ActivationCodeDialog';
import { CreateUserDialog } from './users/CreateUserDialog';
import { EditUserDialog } from './users/EditUserDialog';
import { ResetPasswordDialog } from './users/ResetPasswordDialog';
import { UserStatusTags } from './users/userParts';

export function UsersPage() {
  const { me } = useAuth();
  const { message } = AntApp.useApp();
  const tenants = useTenants();
  const { index } = tenants;
  const { selected, select } = useSelectedTenant(index, false);

  const [searchInput, setSearchInput] = useState('');
  const [search, setSearch] = useState('');
  const [role, setRole] = useState<string | undefined>();
  const [modal, setModal] = useState<{ kind: 'create' } | { kind: 'edit' | 'reset'; user: AdminUser } | null>(null);
  const [issued, setIssued] = useState<{ result: AccountActivation; reset: boolean } | null>(null);
  const action = useAction();

  const selectedId = selected?.id;
  // A tenant named in the address is known once the directory is loaded: wait for it rather than list everyone first.
  const waiting = tenants.loading && !index.list.length;
  const users = usePagedQuery<AdminUser>(
    (first, offset, signal) => gql(
      AdminUsersDocument, { tenantId: selectedId ?? null, search: search || null, role: role ?? null, first, offset }, { signal },
    ).then((d) => d.users),
    queryKey(AdminUsersDocument, { tenantId: selectedId ?? null, search: search || null, role: role ?? null }),
    { enabled: !waiting, errorFallback: '用户列表加载失败' },
  );
  const { refresh, setPage } = users;
  const act = (u: AdminUser, run: () => Promise<unknown>, text: string) => action.run(u.id, run, text, refresh);

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
      title: '所属机构', dataIndex: 'tenantName', key: 'tenant', width: 120, ellipsis: { showTitle: false },
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
        const loading = action.busy === r.id;
        return (
          <Space size={0} wrap className="lz-row-actions" data-testid="user-actions">
            <Button type="link" size="small" onClick={() => setModal({ kind: 'edit', user: r })} data-testid="user-edit">编辑</Button>
            {r.status === 'pending' ? null : r.status === 'disabled' ? (
              <ConfirmLink
                title={`启用「${r.displayName}」？`} description="启用后该用户可重新登录。" action="启用" loading={loading} testId="user-enable"
                onConfirm={() => act(r, () => mutate(SetUserStatusDocument, AFFECTS.users, { id: r.id, status: 'active' }), `已启用：${r.displayName}`)}
              />
            ) : (
              <ConfirmLink
                title={`停用「${r.displayName}」？`} description="停用后该用户将被立即退出登录，且无法再登录。" action="停用" danger loading={loading} testId="user-disable"
                onConfirm={() => act(r, () => mutate(SetUserStatusDocument, AFFECTS.users, { id: r.id, status: 'disabled' }), `已停用：${r.displayName}`)}
              />
            )}
            {r.locked && (
              <ConfirmLink
                title={`解除「${r.displayName}」的登录锁定？`} action="解锁" loading={loading} testId="user-unlock"
                onConfirm={() => act(r, () => mutate(UnlockUserDocument, AFFECTS.users, { id: r.id }), `已解锁：${r.displayName}`)}
              />
            )}
            <Button type="link" size="small" onClick={() => setModal({ kind: 'reset', user: r })} data-testid="user-reset">重置密码</Button>
          </Space>
        );
      },
    },
  ];

  const onSearch = (v: string) => {
    setSearchInput(v);
    setSearch(v.trim());
    setPage(1);
  };

  return (
    <TenantAdminPage
      title="用户管理"
      desc="本级及下级机构的用户账户：新建、编辑、停用、解锁和重置密码（激活码由本人使用，角色授权经安全保密管理员审批）"
      tenants={tenants}
      selectedId={selected?.id ?? null}
      onSelect={(id) => { select(id); setPage(1); }}
      allowDeselect
      after={
        <>
          <CreateUserDialog
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
            <EditUserDialog
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
            <ResetPasswordDialog
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
          <ActivationCodeDialog result={issued?.result ?? null} reset={!!issued?.reset} onClose={() => setIssued(null)} />
        </>
      }
    >
      <PagedTable<AdminUser>
        query={users}
        columns={columns}
        className="lz-cadre-table"
        testId="user-table"
        rowTestId="user-row"
        scrollX={948}
        empty={search || role ? '没有符合条件的用户' : '暂无用户'}
        total={(n) => `共 ${n} 个用户`}
        totalTestId="user-total"
        toolbar={
          <>
            <SearchBox
              id="user-search-input"
              testId="user-search"
              placeholder="登录名 / 姓名"
              value={searchInput}
              onChange={setSearchInput}
              onSearch={onSearch}
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
            <ScopeLine
              scope={selected && `${selected.name}（本级用户）`}
              onClear={() => { select(null); setPage(1); }}
              all={me ? `${me.tenant.name}及全部下级` : '全部'}
            />
            <Space size={8}>
              <RefreshButton onClick={refresh} />
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setModal({ kind: 'create' })} data-testid="user-create">
                新建用户
              </Button>
            </Space>
          </>
        }
      />
    </TenantAdminPage>
  );
}
