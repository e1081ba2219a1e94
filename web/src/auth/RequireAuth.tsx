import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { Button, Result, Spin } from 'antd';
import { useAuth } from './AuthProvider';

export function RequireAuth({ children }: { children: ReactNode }) {
  const { status, error, sessionExpired, reload, logout } = useAuth();
  const location = useLocation();

  if (status === 'anonymous') {
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search, expired: sessionExpired }} />;
  }
  if (status === 'loading') {
    if (error) {
      return (
        <Result
          status="error"
          title="无法获取当前用户信息"
          subTitle={error}
          extra={[
            <Button key="retry" type="primary" onClick={() => void reload()}>重试</Button>,
            <Button key="logout" onClick={logout}>重新登录</Button>,
          ]}
        />
      );
    }
    return (
      <div className="lz-fullscreen-center">
        <Spin size="large" description="正在加载…" />
      </div>
    );
  }
  return <>{children}</>;
}
