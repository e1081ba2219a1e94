import { useNavigate } from 'react-router-dom';
import { Alert, App as AntApp, Button, Card, Form, Input, Space } from 'antd';
import { LockOutlined, SafetyOutlined } from '@ant-design/icons';
import { PASSWORD_MAX_LENGTH } from '@shared/password';
import { errorText } from '../api/graphql';
import { NewPasswordFields, useCredentialSubmit } from '../components/CredentialForm';
import { PageHead } from '../components/PageHead';
import { useAuth } from './AuthProvider';
import { landingPath } from './permissions';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/**
 * 修改密码: forced after the first login or an administrator's reset (nothing else works until it is done), and
 * reachable at any time from the user menu.
 */
export function ChangePasswordPage() {
  const { me, changePassword, logout } = useAuth();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const submit = useCredentialSubmit((e) => errorText(e, '修改密码失败，请稍后重试'));
  const forced = !!me?.mustChangePassword;

  const onFinish = (v: Values) => submit.run(async () => {
    await changePassword(v.currentPassword, v.newPassword);
    message.success('密码已修改');
    navigate(landingPath(me?.permissions), { replace: true });
  });

  return (
    <div className="lz-password-page">
      <PageHead title="修改密码" desc={me ? `${me.displayName}（${me.username}）` : ''} />
      <Card className="lz-password-card" data-testid="change-password">
        {forced && (
          <Alert
            type="warning"
            showIcon
            className="lz-form-alert"
            title="首次登录或密码已被管理员重置，请先修改密码"
            description="修改完成前，系统其他功能暂不可用。"
            data-testid="password-forced"
          />
        )}
        <Alert
          type="info"
          showIcon
          icon={<SafetyOutlined />}
          className="lz-form-alert"
          title="密码规则"
          description={
            <div>
              <div data-testid="password-rule">{me?.passwordRule}</div>
              <div className="lz-muted">不能包含用户名，不能与当前密码相同。修改后，本账户在其他地方的登录将被注销。</div>
            </div>
          }
        />
        {submit.error && <Alert type="error" showIcon className="lz-form-alert" title={submit.error} data-testid="password-error" />}
        <Form<Values>
          form={form}
          layout="horizontal"
          labelCol={{ flex: '96px' }}
          wrapperCol={{ flex: '1 1 0' }}
          requiredMark={false}
          onFinish={onFinish}
          onValuesChange={submit.clear}
          autoComplete="off"
          className="lz-password-form"
        >
          <Form.Item label="当前密码" name="currentPassword" rules={[{ required: true, message: '请输入当前密码' }]}>
            <Input.Password id="currentPassword" prefix={<LockOutlined />} autoComplete="current-password" maxLength={PASSWORD_MAX_LENGTH} placeholder="请输入当前密码" />
          </Form.Item>
          <NewPasswordFields ids={{ password: 'newPassword', confirm: 'confirmPassword' }} mismatch="两次输入的新密码不一致" />
          <Form.Item label=" " colon={false} className="lz-form-actions">
            <Space>
              <Button type="primary" htmlType="submit" loading={submit.submitting} data-testid="change-password-submit">确认修改</Button>
              {forced ? (
                <Button onClick={() => void logout().then(() => navigate('/login', { replace: true }))}>退出登录</Button>
              ) : (
                <Button onClick={() => navigate(landingPath(me?.permissions))}>返回</Button>
              )}
            </Space>
          </Form.Item>
        </Form>
      </Card>
    </div>
  );
}
