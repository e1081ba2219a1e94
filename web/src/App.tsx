import { lazy, Suspense, useEffect } from 'react';
import { Navigate, Route, Routes, useNavigate } from 'react-router-dom';
import { Button, Card, Result, Spin } from 'antd';
import { setPasswordChangeHandler, setUnauthenticatedHandler } from './api/graphql';
import { useAuth } from './auth/AuthProvider';
import { ChangePasswordPage } from './auth/ChangePasswordPage';
import { LoginPage } from './auth/LoginPage';
import { ActivatePage } from './auth/ActivatePage';
import { RequireAuth } from './auth/RequireAuth';
import { RequirePermission } from './auth/RequirePermission';
import { ACTIVATE_PATH, CHANGE_PASSWORD_PATH, landingPath, NO_ACCESS_PATH } from './auth/permissions';
import { AppLayout } from './layout/AppLayout';
import { PageWatermark } from './layout/PageWatermark';
import { CadreListPage } from './pages/cadres/CadreListPage';
import { TenantsPage } from './pages/admin/TenantsPage';
import { UsersPage } from './pages/admin/UsersPage';
import { UnitsPage } from './pages/admin/units/UnitsPage';
import { SecurityPage } from './pages/admin/SecurityPage';
import { GrantApprovalPage } from './pages/admin/GrantApprovalPage';
import { GrantRecordsPage } from './pages/audit/GrantRecordsPage';
import { AuditLogPage } from './pages/audit/AuditLogPage';
import { ArchivePage } from './pages/archive/ArchivePage';
import { PrintPage } from './pages/archive/PrintPage';
import { ReviewQueuePage } from './pages/archive/ReviewQueuePage';
import { MyRecordsPage } from './pages/archive/MyRecordsPage';
import { ImportPage } from './pages/imports/ImportPage';
import { WarningRulesPage } from './pages/warnings/WarningRulesPage';
// The board carries ECharts: loaded when opened, not with the console.
const WarningBoardPage = lazy(() => import('./pages/warnings/WarningBoardPage').then((m) => ({ default: m.WarningBoardPage })));
import { DispositionsPage, RectificationPage } from './pages/dispositions/DispositionsPage';
import { RepliesPage } from './pages/replies/RepliesPage';
import { JobsPage } from './pages/jobs/JobsPage';
import { WorkCalendarPage } from './pages/admin/WorkCalendarPage';

/**
 * When the API says the session is gone: forget the user. Every page but /login is behind <RequireAuth>, which then
 * redirects to the login page (with 「登录已过期」 and the page to come back to). When it says the password must be
 * changed first: <RequireAuth> sends the user to 修改密码.
 */
function SessionWatcher() {
  const { expire, requirePasswordChange } = useAuth();
  useEffect(() => setUnauthenticatedHandler(expire), [expire]);
  useEffect(() => setPasswordChangeHandler(requirePasswordChange), [requirePasswordChange]);
  return null;
}

function Landing() {
  const { me } = useAuth();
  return <Navigate to={landingPath(me?.permissions)} replace />;
}

function NoAccess() {
  const { me } = useAuth();
  return (
    <Card className="lz-page-card" data-testid="no-access">
      <Result
        status="info"
        title="当前角色暂无可用的功能页面"
        subTitle={me ? `您的角色为「${me.roleLabel}」。如需使用其他功能，请联系本机关系统管理员。` : undefined}
      />
    </Card>
  );
}

function NotFound() {
  const { me } = useAuth();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title="页面不存在"
      subTitle="您访问的页面不存在或已被移除。"
      extra={<Button type="primary" onClick={() => navigate(landingPath(me?.permissions))}>返回首页</Button>}
    />
  );
}

export function App() {
  return (
    <>
      <SessionWatcher />
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path={ACTIVATE_PATH} element={<ActivatePage />} />
        <Route
          element={
            <RequireAuth>
              <AppLayout />
            </RequireAuth>
          }
        >
          <Route index element={<Landing />} />
          {/* Archive and audit content carries the viewer's watermark. */}
          <Route path="/cadres" element={<PageWatermark><CadreListPage /></PageWatermark>} />
          <Route
            path="/cadres/:id"
            element={
              <RequirePermission permission="ArchiveRecord:read" title="干部廉政档案" action="查看">
                <PageWatermark><ArchivePage /></PageWatermark>
              </RequirePermission>
            }
          />
          <Route
            path="/cadres/:id/print"
            element={
              <RequirePermission permission="ArchiveRecord:read" title="打印廉政档案" action="使用">
                <PageWatermark><PrintPage /></PageWatermark>
              </RequirePermission>
            }
          />
          <Route
            path="/review"
            element={
              <RequirePermission permission="ArchiveRecord:review" title="待审核记录" action="查看">
                <PageWatermark><ReviewQueuePage /></PageWatermark>
              </RequirePermission>
            }
          />
          <Route
            path="/my-records"
            element={
              <RequirePermission permission="ArchiveRecord:create" title="我的填报" action="查看">
                <PageWatermark><MyRecordsPage /></PageWatermark>
              </RequirePermission>
            }
          />
          <Route
            path="/import"
            element={
              <RequirePermission permission="Cadre:create" title="导入任免审批表" action="使用">
                <PageWatermark><ImportPage /></PageWatermark>
              </RequirePermission>
            }
          />
          <Route
            path="/warning-rules"
            element={<RequirePermission permission="WarningRule:read" title="预警规则" action="查看"><WarningRulesPage /></RequirePermission>}
          />
          <Route
            path="/warnings"
            element={
              <RequirePermission permission="Warning:read" title="预警看板" action="查看">
                <PageWatermark><Suspense fallback={<Spin className="lz-center-pad" />}><WarningBoardPage /></Suspense></PageWatermark>
              </RequirePermission>
            }
          />
          <Route
            path="/dispositions"
            element={
              <RequirePermission permission="Disposition:export" title="处置台账" action="查看">
                <PageWatermark><DispositionsPage /></PageWatermark>
              </RequirePermission>
            }
          />
          <Route
            path="/rectification"
            element={
              <RequirePermission permission="Disposition:rectify" title="整改任务" action="查看">
                <PageWatermark><RectificationPage /></PageWatermark>
              </RequirePermission>
            }
          />
          <Route
            path="/replies"
            element={
              <RequirePermission permission="ReplyRequest:read" title="廉政复函" action="查看">
                <PageWatermark><RepliesPage /></PageWatermark>
              </RequirePermission>
            }
          />
          <Route
            path="/jobs"
            element={
              <RequirePermission permission="Warning:read" title="任务中心" action="查看">
                <PageWatermark><JobsPage /></PageWatermark>
              </RequirePermission>
            }
          />
          <Route
            path="/audit"
            element={
              <RequirePermission permission="AuditEvent:read" title="访问日志" action="查看">
                <PageWatermark><AuditLogPage /></PageWatermark>
              </RequirePermission>
            }
          />
          <Route
            path="/admin/tenants"
            element={<RequirePermission permission="Tenant:create" title="机构管理"><TenantsPage /></RequirePermission>}
          />
          <Route
            path="/admin/units"
            element={<RequirePermission permission="Unit:update" title="单位管理"><UnitsPage /></RequirePermission>}
          />
          <Route
            path="/admin/users"
            element={<RequirePermission permission="User:read" title="用户管理"><UsersPage /></RequirePermission>}
          />
          <Route
            path="/admin/grants"
            element={<RequirePermission permission="RoleGrant:approve" title="授权审批"><GrantApprovalPage /></RequirePermission>}
          />
          <Route
            path="/grant-records"
            element={<RequirePermission permission="AuditEvent:read" title="授权记录" action="查看"><PageWatermark><GrantRecordsPage /></PageWatermark></RequirePermission>}
          />
          <Route
            path="/admin/security"
            element={<RequirePermission permission="SecuritySettings:read" title="安全设置"><SecurityPage /></RequirePermission>}
          />
          <Route
            path="/work-calendar"
            element={<RequirePermission permission="WorkCalendar:read" title="工作日历"><WorkCalendarPage /></RequirePermission>}
          />
          <Route path={CHANGE_PASSWORD_PATH} element={<ChangePasswordPage />} />
          <Route path={NO_ACCESS_PATH} element={<NoAccess />} />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </>
  );
}
