import { useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { Button, Layout, Menu, Space, Tag, Tooltip } from 'antd';
import {
  ApartmentOutlined, LogoutOutlined, MenuFoldOutlined, MenuUnfoldOutlined, SafetyCertificateOutlined, TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { useAuth } from '../auth/AuthProvider';
import { roleLabel } from '../auth/roles';

const { Header, Sider, Content, Footer } = Layout;

const MENU = [
  { key: '/cadres', icon: <TeamOutlined />, label: '干部档案' },
];

export function AppLayout() {
  const { me, logout } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const selected = MENU.find((m) => location.pathname === m.key || location.pathname.startsWith(m.key + '/'))?.key;

  const onLogout = () => {
    logout();
    navigate('/login', { replace: true });
  };

  return (
    <Layout className="lz-app">
      <Header className="lz-header">
        <div className="lz-brand" onClick={() => navigate('/cadres')} role="link" tabIndex={0}>
          <SafetyCertificateOutlined className="lz-brand-icon" />
          <span className="lz-brand-title">廉政档案管理系统</span>
        </div>
        {me && (
          <Space size={12} className="lz-user" data-testid="current-user">
            <span className="lz-user-tenant" title={me.tenant.kindLabel}>
              <ApartmentOutlined /> {me.tenant.name}
            </span>
            <span className="lz-user-name">
              <UserOutlined /> {me.displayName}
            </span>
            {me.roles.map((r) => (
              <Tag key={r} className="lz-role-tag" variant="outlined">{roleLabel(r)}</Tag>
            ))}
            <Tooltip title={`退出登录（${me.username}）`}>
              <Button
                className="lz-logout"
                size="small"
                ghost
                icon={<LogoutOutlined />}
                autoInsertSpace={false}
                onClick={onLogout}
                data-testid="logout"
              >
                退出
              </Button>
            </Tooltip>
          </Space>
        )}
      </Header>
      <Layout>
        <Sider
          className="lz-sider"
          theme="light"
          width={160}
          breakpoint="xl"
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          trigger={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
        >
          <Menu
            mode="inline"
            selectedKeys={selected ? [selected] : []}
            items={MENU}
            onClick={({ key }) => navigate(key)}
          />
        </Sider>
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
