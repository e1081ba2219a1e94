// Pieces of 机构管理 used by the page and its dialogs.
import { Form, Input, Tag, Tooltip } from 'antd';
import { isSuspended } from '../tenantTree';
import type { AdminTenant } from '../queries';

const NAME_RE = /^[\p{Script=Han}A-Za-z0-9（）()·\-、 ]{2,60}$/u;

export function StatusTag({ t }: { t: AdminTenant }) {
  if (t.status === 'suspended') return <Tag color="red" data-testid="tenant-status">已暂停</Tag>;
  if (isSuspended(t)) return <Tooltip title="上级机构已暂停"><Tag color="red" data-testid="tenant-status">已暂停（上级）</Tag></Tooltip>;
  return <Tag color="green" data-testid="tenant-status">正常</Tag>;
}

/** 名称 of a tenant: 2–60 Chinese characters, letters or digits. */
export function TenantNameField({ id, placeholder }: { id: string; placeholder?: string }) {
  return (
    <Form.Item
      label="名称"
      name="name"
      rules={[
        { required: true, whitespace: true, message: '请输入机构名称' },
        { pattern: NAME_RE, message: '名称须为 2–60 个汉字、字母或数字' },
      ]}
    >
      <Input id={id} placeholder={placeholder} maxLength={60} autoComplete="off" />
    </Form.Item>
  );
}
