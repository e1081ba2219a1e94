// The shell of the three credential pages (登录, 激活账户, 修改密码): the public pages' banner and card, the submit
// state with its error (cleared as soon as the user edits), and the new-password pair with its confirmation.
import type React from 'react';
import { useState } from 'react';
import { Form, Input } from 'antd';
import { LockOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { PASSWORD_MAX_LENGTH } from '@shared/password';

/** The public pages' frame: the system's name above a card, the notice in the card, the footer below. */
export function AuthShell({ cardClassName = 'lz-login-card', testId, children }: {
  cardClassName?: string; testId?: string; children: React.ReactNode;
}) {
  return (
    <div className="lz-login">
      <div className="lz-login-banner">
        <SafetyCertificateOutlined className="lz-login-emblem" />
        <div>
          <h1 className="lz-login-title">廉政档案管理系统</h1>
          <div className="lz-login-subtitle">纪检监察机关 · 干部廉政档案信息平台</div>
        </div>
      </div>

      <div className={cardClassName} data-testid={testId}>
        {children}
        <div className="lz-login-notice">本系统仅限授权人员使用，所有访问和操作均留痕审计。</div>
      </div>

      <div className="lz-login-footer">© 廉政档案管理系统 · 请妥善保管账号密码，离开时请及时退出</div>
    </div>
  );
}

/** Submitting and the error of a credential form; `toError` turns what was thrown into what the page shows. */
export function useCredentialSubmit<E>(toError: (e: unknown) => E) {
  const [error, setError] = useState<E | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const run = async (fn: () => Promise<void>) => {
    setSubmitting(true);
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(toError(e));
    } finally {
      setSubmitting(false);
    }
  };
  /** For the form's onValuesChange: an edit hides the last error. */
  const clear = () => { if (error !== null) setError(null); };
  return { error, submitting, run, clear };
}

/** 新密码 and 确认新密码 (fields newPassword and confirmPassword), the second checked against the first. */
export function NewPasswordFields({ ids, extra, mismatch }: {
  ids: { password: string; confirm: string }; extra?: React.ReactNode; mismatch: string;
}) {
  return (
    <>
      <Form.Item label="新密码" name="newPassword" rules={[{ required: true, message: '请输入新密码' }]} extra={extra}>
        <Input.Password id={ids.password} prefix={<LockOutlined />} placeholder="请输入新密码" maxLength={PASSWORD_MAX_LENGTH} autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        label="确认新密码"
        name="confirmPassword"
        dependencies={['newPassword']}
        rules={[
          { required: true, message: '请再次输入新密码' },
          ({ getFieldValue }) => ({
            validator: (_r, value) => (!value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(mismatch))),
          }),
        ]}
      >
        <Input.Password id={ids.confirm} prefix={<LockOutlined />} placeholder="请再次输入新密码" maxLength={PASSWORD_MAX_LENGTH} autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
