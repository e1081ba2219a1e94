// 编辑用户: name, role and a filler's units. A role that reads archives becomes a grant request (授权审批).
import { Alert, Form } from 'antd';
import { mutate } from '../../../api/query';
import { useAuth } from '../../../auth/AuthProvider';
import { APPROVED_ROLES, roleLabel } from '../../../auth/roles';
import { FormModal, found, modalFormLayout, useMutationModal } from '../../../components/FormModal';
import { AFFECTS, UpdateUserDocument } from '../queries';
import type { TenantIndex } from '../tenantTree';
import type { AdminUser } from '../queries';
import { UserRoleFields } from './userParts';

interface EditValues { displayName: string; role: string; unitIds?: string[] }

export function EditUserDialog({ user, index, open, onClose, onDone }: {
  user: AdminUser; index: TenantIndex; open: boolean; onClose(): void; onDone(u: AdminUser): void;
}) {
  const [form] = Form.useForm<EditValues>();
  const { me } = useAuth();
  const modal = useMutationModal(open, onClose);
  const role = Form.useWatch('role', form) as string | undefined;

  const submit = () => modal.submit(form, async (v) => {
    const input: Record<string, unknown> = { displayName: v.displayName.trim(), role: v.role };
    if (v.role === 'filler') input.unitIds = v.unitIds ?? [];
    const d = await mutate(UpdateUserDocument, AFFECTS.users, { id: user.id, input });
    onDone(found(d.updateUser, '用户不存在或不在管理范围内'));
  });

  return (
    <FormModal modal={modal} title={`编辑用户：${user.displayName}`} onOk={submit} okText="保存" width={600} okTestId="user-edit-ok"
      notice={
        <>
          {role && role !== user.role && (APPROVED_ROLES.includes(role) ? (
            <Alert
              type="info"
              showIcon
              className="lz-form-alert"
              title={`授予「${roleLabel(role)}」须经安全保密管理员审批`}
              description="保存后形成授权申请；批准前该用户保持原角色，批准后须重新登录。"
              data-testid="grant-needed"
            />
          ) : (
            <Alert type="warning" showIcon className="lz-form-alert" title="修改角色后，该用户将被立即退出登录，须重新登录。" />
          ))}
          {user.pendingGrant && (
            <Alert type="warning" showIcon className="lz-form-alert" title={`已有待审批的授权申请：${user.pendingGrant.roleLabel}（再次提交将替换该申请）`} />
          )}
        </>
      }
    >
      <Form<EditValues>
        form={form}
        {...modalFormLayout('96px')}
        initialValues={{ displayName: user.displayName, role: user.role, unitIds: user.unitIds }}
        autoComplete="off"
      >
        <Form.Item label="登录名"><span className="lz-form-static lz-mono">{user.username}</span></Form.Item>
        <Form.Item label="所属机构"><span className="lz-form-static">{user.tenantName}</span></Form.Item>
        <UserRoleFields
          ids={{ name: 'user-edit-display-name', role: 'user-edit-role', units: 'user-edit-units' }}
          role={role}
          ownTenant={user.tenantId === me?.tenant.id}
          tenant={index.byId.get(user.tenantId)}
        />
      </Form>
    </FormModal>
  );
}
