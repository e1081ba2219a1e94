import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { Button, Result, Spin } from 'antd';
import { useAuth } from './AuthProvider';
import { CHANGE_PASSWORD_PATH } from './permissions';

export function RequireAuth({ children }: { children: ReactNode }) {
  const { status, me, error, sessionExpired, reload, logout } = useAuth();
  const location = useLocation();

  if (status === 'anonymous') {
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search, expired: sessionExpired }} />;
  }
  if (status === 'loading' || !me) {
    if (error) {
      return (
        <Result
          status="error"
          title="无法获取当前用户信息"
          subTitle={error}
          extra={[
            <Button key="retry" type="primary" onClick={() => void reload()}>重试</Button>,
            <Button key="logout" onClick={() => void logout()}>重新登录</Button>,
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
  // First login or a password reset: nothing else works until the password is changed.
  if (me.mustChangePassword && location.pathname !== CHANGE_PASSWORD_PATH) {
    return <Navigate to={CHANGE_PASSWORD_PATH} replace />;
  }
  return <>{children}</>;
}
