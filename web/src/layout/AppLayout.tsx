import { useMemo, useState, type ReactNode } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { Dropdown, Layout, Menu, Space, Tag } from 'antd';
import type { MenuProps } from 'antd';
import {
  FileProtectOutlined, SolutionOutlined,
  ApartmentOutlined, AuditOutlined, ClusterOutlined, DownOutlined, FileDoneOutlined, ImportOutlined, FileSearchOutlined, FolderOpenOutlined, FormOutlined,
  AlertOutlined, ControlOutlined, DashboardOutlined, KeyOutlined, LogoutOutlined,
  MenuFoldOutlined, MenuUnfoldOutlined, SafetyCertificateOutlined, SafetyOutlined, SettingOutlined, TeamOutlined, UserOutlined,
  UsergroupAddOutlined, MailOutlined, BarChartOutlined, CloudDownloadOutlined,
} from '@ant-design/icons';
import { useAuth } from '../auth/AuthProvider';
import { CHANGE_PASSWORD_PATH, landingPath, pageOf, visiblePages } from '../auth/permissions';

const { Header, Sider, Content, Footer } = Layout;

const ICONS: Record<string, ReactNode> = {
  '/cadres': <TeamOutlined />,
  '/review': <FileDoneOutlined />,
  '/my-records': <FormOutlined />,
  '/import': <ImportOutlined />,
  '/warning-rules': <ControlOutlined />,
  '/warnings': <DashboardOutlined />,
  '/admin/tenants': <ClusterOutlined />,
  '/admin/units': <ApartmentOutlined />,
  '/admin/users': <UsergroupAddOutlined />,
  '/admin/security': <SafetyOutlined />,
  '/audit': <FileSearchOutlined />,
  '/admin/grants': <SafetyCertificateOutlined />,
  '/grant-records': <AuditOutlined />,
  '/dispositions': <FileProtectOutlined />,
  '/rectification': <SolutionOutlined />,
  '/replies': <MailOutlined />,
  '/jobs': <CloudDownloadOutlined />,
};

const testId = (path: string) => `menu-${path.split('/').pop()}`;

export function AppLayout() {
  const { me, logout } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const forced = !!me?.mustChangePassword;

  const items = useMemo<MenuProps['items']>(() => {
    const pages = visiblePages(me?.permissions);
    const entry = (p: (typeof pages)[number]) => ({
      key: p.path,
      icon: ICONS[p.path],
      label: <span data-testid={testId(p.path)}>{p.label}</span>,
    });
    const top = pages.filter((p) => !p.group).map(entry);
    const archive = pages.filter((p) => p.group === 'archive').map(entry);
    const warning = pages.filter((p) => p.group === 'warning').map(entry);
    const analysis = pages.filter((p) => p.group === 'analysis').map(entry);
    const system = pages.filter((p) => p.group === 'system').map(entry);
    const security = pages.filter((p) => p.group === 'security').map(entry);
    return [
      ...top,
      ...(archive.length
        ? [{ key: 'archive', icon: <FolderOpenOutlined />, label: <span data-testid="menu-archive">廉政档案</span>, children: archive }]
        : []),
      ...(warning.length
        ? [{ key: 'warning', icon: <AlertOutlined />, label: <span data-testid="menu-warning">廉情预警</span>, children: warning }]
        : []),
      ...(analysis.length
        ? [{ key: 'analysis', icon: <BarChartOutlined />, label: <span data-testid="menu-analysis">廉情分析</span>, children: analysis }]
        : []),
      ...(system.length
        ? [{ key: 'system', icon: <SettingOutlined />, label: <span data-testid="menu-system">系统管理</span>, children: system }]
        : []),
      ...(security.length
        ? [{ key: 'security', icon: <AuditOutlined />, label: <span data-testid="menu-security">安全审计</span>, children: security }]
        : []),
    ];
  }, [me?.permissions]);

  const selected = pageOf(location.pathname)?.path;
  const home = landingPath(me?.permissions);

  const onLogout = async () => {
    await logout();
    navigate('/login', { replace: true });
  };

  const userMenu: MenuProps = {
    items: [
      ...(forced ? [] : [{ key: 'password', icon: <KeyOutlined />, label: <span data-testid="menu-change-password">修改密码</span> }]),
      ...(forced ? [] : [{ type: 'divider' as const }]),
      { key: 'logout', icon: <LogoutOutlined />, label: <span data-testid="logout">退出登录</span>, danger: true },
    ],
    onClick: ({ key }) => {
      if (key === 'password') navigate(CHANGE_PASSWORD_PATH);
      if (key === 'logout') void onLogout();
    },
  };

  return (
    <Layout className="lz-app">
      <Header className="lz-header">
        <div className="lz-brand" onClick={() => navigate(forced ? CHANGE_PASSWORD_PATH : home)} role="link" tabIndex={0}>
          <SafetyCertificateOutlined className="lz-brand-icon" />
          <span className="lz-brand-title">廉政档案管理系统</span>
        </div>
        {me && (
          <Dropdown menu={userMenu} trigger={['click']} placement="bottomRight" arrow>
            <Space size={12} className="lz-user" data-testid="current-user" role="button" tabIndex={0}>
              <span className="lz-user-tenant" title={me.tenant.kindLabel}>
                <ApartmentOutlined /> {me.tenant.name}
              </span>
              <span className="lz-user-name">
                <UserOutlined /> {me.displayName}
              </span>
              <Tag className="lz-role-tag" variant="outlined">{me.roleLabel}</Tag>
              <DownOutlined className="lz-user-caret" />
            </Space>
          </Dropdown>
        )}
      </Header>
      <Layout>
        {!forced && (
          <Sider
            className="lz-sider"
            theme="light"
            width={168}
            breakpoint="xl"
            collapsible
            collapsed={collapsed}
            onCollapse={setCollapsed}
            trigger={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
          >
            <div data-testid="side-menu">
              <Menu
                mode="inline"
                selectedKeys={selected ? [selected] : []}
                defaultOpenKeys={['archive', 'warning', 'analysis', 'system', 'security']}
                items={items}
                onClick={({ key }) => navigate(key)}
              />
            </div>
          </Sider>
        )}
        <Layout className="lz-main">
          <Content className="lz-content">
            <Outlet />
          </Content>
          <Footer className="lz-footer">廉政档案管理系统 · 所有访问和操作均留痕审计</Footer>
        </Layout>
      </Layout>
    </Layout>
  );
}
