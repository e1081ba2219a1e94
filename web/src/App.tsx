import { useEffect } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { Button, Result } from 'antd';
import { setUnauthenticatedHandler } from './api/graphql';
import { useAuth } from './auth/AuthProvider';
import { LoginPage } from './auth/LoginPage';
import { RequireAuth } from './auth/RequireAuth';
import { AppLayout } from './layout/AppLayout';
import { CadreListPage } from './pages/cadres/CadreListPage';

/** When the API says the session is gone: forget the user and go to the login page inside the SPA. */
function SessionWatcher() {
  const { expire } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  useEffect(
    () =>
      setUnauthenticatedHandler(() => {
        expire();
        if (window.location.pathname !== '/login') {
          navigate('/login', { replace: true, state: { expired: true, from: location.pathname + location.search } });
        }
      }),
    [expire, navigate, location.pathname, location.search],
  );
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
