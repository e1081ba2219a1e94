// 激活账户: a new or reset account is activated by its owner with the one-time code the system administrator handed
// over, and the owner sets their own password (the administrator never knows it). Public: reached from the login page.
import { Link } from 'react-router-dom';
import { Alert, Button, Form, Input, Result, Typography } from 'antd';
import { KeyOutlined, LockOutlined, SafetyCertificateOutlined, UserOutlined } from '@ant-design/icons';
import { errorText } from '../api/graphql';
import { useGqlMutation } from '../api/query';
import { graphql } from '../gql';

interface Values { username: string; code: string; newPassword: string; confirmPassword: string }

const ActivateAccountDocument = graphql(`
  mutation ActivateAccount($username: String!, $code: String!, $newPassword: String!) {
    activateAccount(username: $username, code: $code, newPassword: $newPassword) { username ready message }
  }
`);

export function ActivatePage() {
  const [form] = Form.useForm<Values>();
  const activate = useGqlMutation(ActivateAccountDocument);
  const done = activate.data?.activateAccount ?? null;
  const error = activate.error ? errorText(activate.error, '激活失败，请稍后重试') : null;
  const submitting = activate.isPending;

  const onFinish = (v: Values) => {
    activate.mutate({ username: v.username.trim(), code: v.code.trim(), newPassword: v.newPassword });
  };

  return (
    <div className="lz-login">
      <div className="lz-login-banner">
        <SafetyCertificateOutlined className="lz-login-emblem" />
        <div>
          <h1 className="lz-login-title">廉政档案管理系统</h1>
          <div className="lz-login-subtitle">纪检监察机关 · 干部廉政档案信息平台</div>
        </div>
      </div>

      <div className="lz-login-card lz-activate-card" data-testid="activate-page">
        {done ? (
          <Result
            status={done.ready ? 'success' : 'info'}
            title="账户已激活"
            subTitle={done.message}
            data-testid="activate-done"
            extra={<Link to="/login"><Button type="primary" data-testid="activate-to-login">返回登录</Button></Link>}
          />
        ) : (
          <>
            <Typography.Title level={4} className="lz-login-card-title">激活账户</Typography.Title>
            <Alert
              className="lz-login-alert"
              type="info"
              showIcon
              title="请使用系统管理员交给您的一次性激活码，设置您本人的登录密码"
              description="激活码仅能使用一次，逾期失效；多次输错将临时锁定账户。密码仅您本人知晓，请勿告知他人。"
            />
            {error && <Alert className="lz-login-alert" type="error" showIcon title={error} data-testid="activate-error" />}
            <Form<Values>
              form={form}
              layout="vertical"
              requiredMark={false}
              onFinish={onFinish}
              onValuesChange={() => error && activate.reset()}
              autoComplete="off"
            >
              <Form.Item label="登录名" name="username" rules={[{ required: true, whitespace: true, message: '请输入登录名' }]}>
                <Input id="activate-username" prefix={<UserOutlined />} placeholder="机构代码.账户名，如 km-wh.zhangsan" autoComplete="username" maxLength={100} autoFocus />
              </Form.Item>
              <Form.Item label="激活码" name="code" rules={[{ required: true, whitespace: true, message: '请输入激活码' }]}>
                <Input id="activate-code" prefix={<KeyOutlined />} placeholder="如 ABCD-EFGH-JKMN" className="lz-mono" maxLength={40} autoComplete="one-time-code" />
              </Form.Item>
              <Form.Item
                label="新密码"
                name="newPassword"
                rules={[{ required: true, message: '请输入新密码' }]}
                extra="须符合本机构的密码规则（默认至少 8 位，包含大写字母、小写字母、数字、符号中的至少 3 类），不能包含账户名"
              >
                <Input.Password id="activate-password" prefix={<LockOutlined />} placeholder="请输入新密码" maxLength={128} autoComplete="new-password" />
              </Form.Item>
              <Form.Item
                label="确认新密码"
                name="confirmPassword"
                dependencies={['newPassword']}
                rules={[
                  { required: true, message: '请再次输入新密码' },
                  ({ getFieldValue }) => ({
                    validator: (_r, value) => (!value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入的密码不一致'))),
                  }),
                ]}
              >
                <Input.Password id="activate-password-confirm" prefix={<LockOutlined />} placeholder="请再次输入新密码" maxLength={128} autoComplete="new-password" />
              </Form.Item>
              <Form.Item className="lz-login-submit">
                <Button type="primary" htmlType="submit" block loading={submitting} data-testid="activate-submit">激活并设置密码</Button>
              </Form.Item>
            </Form>
            <div className="lz-login-links"><Link to="/login" data-testid="activate-back">返回登录</Link></div>
          </>
        )}
        <div className="lz-login-notice">本系统仅限授权人员使用，所有访问和操作均留痕审计。</div>
      </div>

      <div className="lz-login-footer">© 廉政档案管理系统 · 请妥善保管账号密码，离开时请及时退出</div>
    </div>
  );
}
