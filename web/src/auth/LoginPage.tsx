import { Link, Navigate, useLocation, useNavigate } from 'react-router-dom';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { ApiError } from '../api/graphql';
import { AuthShell, useCredentialSubmit } from '../components/CredentialForm';
import { useAuth, type Me } from './AuthProvider';
import { ACTIVATE_PATH, CHANGE_PASSWORD_PATH, landingPath, pathAllowed } from './permissions';

interface LoginValues {
  username: string;
  password: string;
}

interface LoginProblem {
  message: string;
  /** What to do next, for a refusal that cannot say why (the server answers alike for every refused login). */
  hint?: string;
}

/**
 * The server refuses an unknown account, a wrong password, a locked and a disabled account with one answer, so as not
 * to reveal which: the hint tells a user what the cases are and who can help. After several refusals from one
 * address the server asks to wait (its message says how long).
 */
function problemOf(e: unknown): LoginProblem {
  if (e instanceof ApiError && e.code === 'BAD_CREDENTIALS') {
    return { message: e.message, hint: '请核对用户名和密码（区分大小写）后重试。连续输错多次，账户将被临时锁定；账户被锁定或停用时，请联系本单位管理员。' };
  }
  if (e instanceof ApiError && e.code === 'RATE_LIMITED') return { message: e.message, hint: '为保护账户安全，本机登录失败过多时须稍候再试。' };
  return { message: e instanceof Error ? e.message : '登录失败，请稍后重试' };
}

interface LoginLocationState {
  from?: string;
  expired?: boolean;
}

/**
 * Where to go after login: the password change first when required; else the page asked for (same-app paths only,
 * never the API's own routes, and only a page this user may open); else the first page the user may see.
 */
function targetFor(me: Me, from: string | undefined): string {
  if (me.mustChangePassword) return CHANGE_PASSWORD_PATH;
  const landing = landingPath(me.permissions);
  if (!from || !from.startsWith('/') || from.startsWith('//') || from === '/') return landing;
  if (/^\/(api|graphql)(\/|$|\?)/.test(from) || from.startsWith('/login') || from.startsWith(CHANGE_PASSWORD_PATH)) return landing;
  return pathAllowed(from.split('?')[0], me.permissions) ? from : landing;
}

export function LoginPage() {
  const { status, me, login } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const state = (location.state ?? {}) as LoginLocationState;
  const submit = useCredentialSubmit(problemOf);
  const { error } = submit;

  if (status === 'authenticated' && me) return <Navigate to={targetFor(me, state.from)} replace />;

  const onFinish = (values: LoginValues) => submit.run(async () => {
    const who = await login(values.username.trim(), values.password);
    navigate(targetFor(who, state.from), { replace: true });
  });

  return (
    <AuthShell>
      <Typography.Title level={4} className="lz-login-card-title">用户登录</Typography.Title>

      {state.expired && !error && (
        <Alert className="lz-login-alert" type="warning" showIcon title="登录已过期，请重新登录" />
      )}
      {error && (
        <Alert className="lz-login-alert" type="error" showIcon title={error.message} description={error.hint} data-testid="login-error" />
      )}

      <Form<LoginValues>
        layout="vertical"
        requiredMark={false}
        size="large"
        onFinish={onFinish}
        onValuesChange={submit.clear}
        autoComplete="on"
      >
        <Form.Item label="用户名" name="username" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
          <Input id="username" name="username" prefix={<UserOutlined />} placeholder="请输入用户名" autoComplete="username" autoFocus maxLength={100} />
        </Form.Item>
        <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
          <Input.Password id="password" name="password" prefix={<LockOutlined />} placeholder="请输入密码" autoComplete="current-password" maxLength={200} />
        </Form.Item>
        <Form.Item className="lz-login-submit">
          <Button type="primary" htmlType="submit" block loading={submit.submitting} data-testid="login-submit">
            登录
          </Button>
        </Form.Item>
      </Form>

      <div className="lz-login-links">
        <span className="lz-muted">新账户或密码被重置？</span>
        <Link to={ACTIVATE_PATH} data-testid="login-activate">激活账户</Link>
      </div>
    </AuthShell>
  );
}
