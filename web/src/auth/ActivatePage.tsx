// 激活账户: a new or reset account is activated by its owner with the one-time code the system administrator handed
// over, and the owner sets their own password (the administrator never knows it). Public: reached from the login page.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Button, Form, Input, Result, Typography } from 'antd';
import { KeyOutlined, UserOutlined } from '@ant-design/icons';
import { DEFAULT_PASSWORD_RULE, passwordRuleText } from '@shared/password';
import { errorText, gql } from '../api/graphql';
import { AuthShell, NewPasswordFields, useCredentialSubmit } from '../components/CredentialForm';
import { graphql } from '../gql';
import type { ActivateAccountMutation } from '../gql/graphql';

interface Values { username: string; code: string; newPassword: string; confirmPassword: string }
type Outcome = ActivateAccountMutation['activateAccount'];

const ActivateAccountDocument = graphql(`
  mutation ActivateAccount($username: String!, $code: String!, $newPassword: String!) {
    activateAccount(username: $username, code: $code, newPassword: $newPassword) { username ready message }
  }
`);

export function ActivatePage() {
  const [form] = Form.useForm<Values>();
  const submit = useCredentialSubmit((e) => errorText(e, '激活失败，请稍后重试'));
  const [done, setDone] = useState<Outcome | null>(null);

  const onFinish = (v: Values) => submit.run(async () => {
    const d = await gql(ActivateAccountDocument, {
      username: v.username.trim(), code: v.code.trim(), newPassword: v.newPassword,
    });
    setDone(d.activateAccount);
  });

  return (
    <AuthShell cardClassName="lz-login-card lz-activate-card" testId="activate-page">
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
          {submit.error && <Alert className="lz-login-alert" type="error" showIcon title={submit.error} data-testid="activate-error" />}
          <Form<Values>
            form={form}
            layout="vertical"
            requiredMark={false}
            onFinish={onFinish}
            onValuesChange={submit.clear}
            autoComplete="off"
          >
            <Form.Item label="登录名" name="username" rules={[{ required: true, whitespace: true, message: '请输入登录名' }]}>
              <Input id="activate-username" prefix={<UserOutlined />} placeholder="机构代码.账户名，如 km-wh.zhangsan" autoComplete="username" maxLength={100} autoFocus />
            </Form.Item>
            <Form.Item label="激活码" name="code" rules={[{ required: true, whitespace: true, message: '请输入激活码' }]}>
              <Input id="activate-code" prefix={<KeyOutlined />} placeholder="如 ABCD-EFGH-JKMN" className="lz-mono" maxLength={40} autoComplete="one-time-code" />
            </Form.Item>
            <NewPasswordFields
              ids={{ password: 'activate-password', confirm: 'activate-password-confirm' }}
              extra={`须符合本机构的密码规则（默认${passwordRuleText(DEFAULT_PASSWORD_RULE)}），不能包含账户名`}
              mismatch="两次输入的密码不一致"
            />
            <Form.Item className="lz-login-submit">
              <Button type="primary" htmlType="submit" block loading={submit.submitting} data-testid="activate-submit">激活并设置密码</Button>
            </Form.Item>
          </Form>
          <div className="lz-login-links"><Link to="/login" data-testid="activate-back">返回登录</Link></div>
        </>
      )}
    </AuthShell>
  );
}
