import { useEffect } from 'react';
import { Navigate, Route, Routes, useNavigate } from 'react-router-dom';
import { Button, Result } from 'antd';
import { setUnauthenticatedHandler } from './api/graphql';
import { useAuth } from './auth/AuthProvider';
import { LoginPage } from './auth/LoginPage';
import { RequireAuth } from './auth/RequireAuth';
import { AppLayout } from './layout/AppLayout';
import { CadreListPage } from './pages/cadres/CadreListPage';

/**
 * When the API says the session is gone: forget the user. Every page but /login is behind <RequireAuth>, which then
 * redirects to the login page (with 「登录已过期」 and the page to come back to).
 */
function SessionWatcher() {
  const { expire } = useAuth();
  useEffect(() => setUnauthenticatedHandler(expire), [expire]);
  return null;
}

function NotFound() {
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title="页面不存在"
      subTitle="您访问的页面不存在或已被移除。"
      extra={<Button type="primary" onClick={() => navigate('/cadres')}>返回干部档案</Button>}
    />
  );
}

export function App() {
  return (
    <>
      <SessionWatcher />
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route
          element={
            <RequireAuth>
              <AppLayout />
            </RequireAuth>
          }
        >
          <Route index element={<Navigate to="/cadres" replace />} />
          <Route path="/cadres" element={<CadreListPage />} />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </>
  );
}
