// A row action that asks first: a link button behind a Popconfirm whose OK button says the same as the link.
import type React from 'react';
import { Button, Popconfirm } from 'antd';

export function ConfirmLink({ title, description, action, danger, loading, onConfirm, testId, icon }: {
  title: React.ReactNode;
  description?: React.ReactNode;
  /** The link's text and the confirmation's OK text (启用, 停用, 批准 …). */
  action: string;
  danger?: boolean;
  loading: boolean;
  onConfirm(): unknown;
  testId: string;
  icon?: React.ReactNode;
}) {
  return (
    <Popconfirm
      title={title}
      description={description}
      okText={action}
      cancelText="取消"
      okButtonProps={{ danger, 'data-testid': 'confirm-ok' } as React.ComponentProps<typeof Popconfirm>['okButtonProps']}
      onConfirm={onConfirm}
    >
      <Button type="link" size="small" danger={danger} icon={icon} loading={loading} data-testid={testId}>{action}</Button>
    </Popconfirm>
  );
}
