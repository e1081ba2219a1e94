// 新建用户: no initial password — the result is a one-time activation code (ActivationCodeDialog).
import { useMemo } from 'react';
import { Alert, Form, Input, Space, TreeSelect } from 'antd';
import { LOGIN_NAME_RE } from '@shared/roles';
import { mutate } from '../../../api/query';
import { useAuth } from '../../../auth/AuthProvider';
import { FormModal, found, modalFormLayout, useMutationModal } from '../../../components/FormModal';
import { SEARCHABLE_TREE_SELECT } from '../../../components/tree';
import { AFFECTS, CreateUserDocument } from '../queries';
import { tenantSelectTree, type TenantIndex } from '../tenantTree';
import type { AccountActivation } from '../queries';
import { UserRoleFields } from './userParts';

interface CreateValues {
  tenantId: string;
  loginName: string;
  displayName: string;
  role: string;
  unitIds?: string[];
}

export function CreateUserDialog({ index, defaultTenantId, open, onClose, onDone }: {
  index: TenantIndex; defaultTenantId: string | undefined; open: boolean; onClose(): void; onDone(a: AccountActivation): void;
}) {
  const [form] = Form.useForm<CreateValues>();
  const { me } = useAuth();
  const modal = useMutationModal(open, onClose);
  const tenantId = Form.useWatch('tenantId', form) as string | undefined;
  const role = Form.useWatch('role', form) as string | undefined;
  const tenant = tenantId ? index.byId.get(tenantId) : undefined;
  const treeData = useMemo(() => tenantSelectTree(index), [index]);

  const submit = () => modal.submit(form, async (v) => {
    const d = await mutate(CreateUserDocument, AFFECTS.users, {
      input: {
        tenantId: v.tenantId, loginName: v.loginName.trim().toLowerCase(), displayName: v.displayName.trim(), role: v.role,
        unitIds: v.role === 'filler' ? v.unitIds ?? [] : [],
      },
    });
    onDone(found(d.createUser, '所属机构不存在或不在管理范围内'));
  });

  return (
    <FormModal modal={modal} title="新建用户" onOk={submit} okText="创建" width={600} okTestId="user-create-ok"
      notice={
        <Alert
          type="info"
          showIcon
          className="lz-form-alert"
          title="新账户不设初始密码"
          description="创建后显示一次性激活码，由本人凭激活码设置密码。纪检干部、领导、填报员、安全审计员角色须经安全保密管理员审批后生效；本机构的系统管理员、安全保密管理员、安全审计员由上级机构设置。"
        />
      }
    >
      <Form<CreateValues>
        form={form}
        {...modalFormLayout('96px')}
        initialValues={{ tenantId: defaultTenantId, role: 'officer', unitIds: [] }}
        onValuesChange={(changed) => {
          // Units belong to a tenant: another tenant means choosing them again.
          if ('tenantId' in changed) form.setFieldValue('unitIds', []);
        }}
        autoComplete="off"
        preserve={false}
        data-testid="user-create-form"
      >
        <Form.Item label="所属机构" name="tenantId" rules={[{ required: true, message: '请选择所属机构' }]}>
          <TreeSelect id="user-tenant" data-testid="user-tenant-select" treeData={treeData} {...SEARCHABLE_TREE_SELECT} placeholder="请选择所属机构" />
        </Form.Item>
        <Form.Item label="账户名" required extra={tenant ? `登录名为「${tenant.code}.账户名」，创建后不可修改` : '请先选择所属机构'}>
          <Space.Compact block>
            <Space.Addon className="lz-mono" data-testid="login-prefix">{tenant ? `${tenant.code}.` : '机构代码.'}</Space.Addon>
            <Form.Item
              name="loginName"
              noStyle
              rules={[
                { required: true, whitespace: true, message: '请输入账户名' },
                { pattern: LOGIN_NAME_RE, message: '账户名须为 2–32 位小写字母、数字、下划线或连字符，以字母或数字开头' },
              ]}
            >
              <Input id="user-login-name" placeholder="如 zhangsan" maxLength={32} autoComplete="off" />
            </Form.Item>
          </Space.Compact>
        </Form.Item>
        <UserRoleFields
          ids={{ name: 'user-display-name', role: 'user-role', units: 'user-units' }}
          role={role}
          ownTenant={tenantId === me?.tenant.id}
          tenant={tenant}
        />
      </Form>
    </FormModal>
  );
}
