// 重置密码: the old password stops working at once; the owner sets a new one with a one-time activation code.
import { Alert, Descriptions } from 'antd';
import { mutate } from '../../../api/query';
import { FormModal, found, useMutationModal } from '../../../components/FormModal';
import { AFFECTS, ResetUserPasswordDocument } from '../queries';
import type { AccountActivation, AdminUser } from '../queries';

export function ResetPasswordDialog({ user, open, onClose, onDone }: {
  user: AdminUser; open: boolean; onClose(): void; onDone(a: AccountActivation): void;
}) {
  const modal = useMutationModal(open, onClose);
  const submit = () => modal.run(async () => {
    const d = await mutate(ResetUserPasswordDocument, AFFECTS.users, { id: user.id });
    onDone(found(d.resetUserPassword, '用户不存在或不在管理范围内'));
  });

  return (
    <FormModal modal={modal} title={`重置密码：${user.displayName}`} onOk={submit} okText="重置并发放激活码" width={560} okTestId="user-reset-ok" danger
      notice={
        <Alert
          type="warning"
          showIcon
          className="lz-form-alert"
          title="重置后原密码立即失效，该用户被退出登录，锁定状态同时解除。"
          description="系统将生成一次性激活码，请交本人在登录页「激活账户」设置新密码。持有档案查阅等须审批角色的账户，须经安全保密管理员重新审批角色后方可登录。"
        />
      }
    >
      <Descriptions bordered size="small" column={1} styles={{ label: { width: 96 } }}>
        <Descriptions.Item label="登录名"><span className="lz-mono">{user.username}</span></Descriptions.Item>
        <Descriptions.Item label="所属机构">{user.tenantName}</Descriptions.Item>
      </Descriptions>
    </FormModal>
  );
}
