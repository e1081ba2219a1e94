import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Alert, App as AntApp, Button, Card, Form, Input, Space, Typography } from 'antd';
import { LockOutlined, SafetyOutlined } from '@ant-design/icons';
import { errorText } from '../api/graphql';
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
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const forced = !!me?.mustChangePassword;

  const onFinish = async (v: Values) => {
    setSubmitting(true);
    setError(null);
    try {
      await changePassword(v.currentPassword, v.newPassword);
      message.success('密码已修改');
      navigate(landingPath(me?.permissions), { replace: true });
    } catch (e) {
      setError(errorText(e, '修改密码失败，请稍后重试'));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div className="lz-password-page">
      <div className="lz-page-head">
        <Typography.Title level={4} className="lz-page-title">修改密码</Typography.Title>
        <span className="lz-page-desc">{me ? `${me.displayName}（${me.username}）` : ''}</span>
      </div>
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
        {error && <Alert type="error" showIcon className="lz-form-alert" title={error} data-testid="password-error" />}
        <Form<Values>
          form={form}
          layout="horizontal"
          labelCol={{ flex: '96px' }}
          wrapperCol={{ flex: '1 1 0' }}
          requiredMark={false}
          onFinish={onFinish}
          onValuesChange={() => error && setError(null)}
          autoComplete="off"
          className="lz-password-form"
        >
          <Form.Item label="当前密码" name="currentPassword" rules={[{ required: true, message: '请输入当前密码' }]}>
            <Input.Password id="currentPassword" prefix={<LockOutlined />} autoComplete="current-password" maxLength={128} placeholder="请输入当前密码" />
          </Form.Item>
          <Form.Item label="新密码" name="newPassword" rules={[{ required: true, message: '请输入新密码' }]}>
            <Input.Password id="newPassword" prefix={<LockOutlined />} autoComplete="new-password" maxLength={128} placeholder="请输入新密码" />
          </Form.Item>
          <Form.Item
            label="确认新密码"
            name="confirmPassword"
            dependencies={['newPassword']}
            rules={[
              { required: true, message: '请再次输入新密码' },
              ({ getFieldValue }) => ({
                validator: (_r, value) =>
                  !value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入的新密码不一致')),
              }),
            ]}
          >
            <Input.Password id="confirmPassword" prefix={<LockOutlined />} autoComplete="new-password" maxLength={128} placeholder="请再次输入新密码" />
          </Form.Item>
          <Form.Item label=" " colon={false} className="lz-form-actions">
            <Space>
              <Button type="primary" htmlType="submit" loading={submitting} data-testid="change-password-submit">确认修改</Button>
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
