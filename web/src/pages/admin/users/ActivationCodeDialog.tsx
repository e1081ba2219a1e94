// The one-time activation code of a new or reset account, shown once: copy it and hand it to the person (never sent
// anywhere else).
import { Alert, Button, Descriptions, Modal, Tag, Typography } from 'antd';
import { formatTime } from '../../../components/format';
import type { AccountActivation } from '../queries';

export function ActivationCodeDialog({ result, reset, onClose }: { result: AccountActivation | null; reset: boolean; onClose(): void }) {
  const u = result?.user;
  return (
    <Modal
      title={reset ? '密码已重置：一次性激活码' : '账户已创建：一次性激活码'}
      open={!!result}
      onCancel={onClose}
      maskClosable={false}
      keyboard={false}
      destroyOnHidden
      width={600}
      footer={<Button type="primary" onClick={onClose} data-testid="activation-close">我已妥善记录</Button>}
    >
      {result && u && (
        <div data-testid="activation-modal">
          <Alert
            type="warning"
            showIcon
            className="lz-form-alert"
            title="激活码只显示这一次，关闭后无法再次查看"
            description="请通过安全渠道将登录名和激活码交本人，由本人在登录页「激活账户」设置自己的密码。系统管理员不掌握、也不应代设用户密码。"
          />
          <Descriptions bordered size="small" column={1} className="lz-activation-desc" styles={{ label: { width: 120 } }}>
            <Descriptions.Item label="登录名"><span className="lz-mono" data-testid="activation-username">{u.username}</span></Descriptions.Item>
            <Descriptions.Item label="姓名">{u.displayName}</Descriptions.Item>
            <Descriptions.Item label="激活码">
              <Typography.Text copyable={{ text: result.activationCode, tooltips: ['复制', '已复制'] }} className="lz-activation-code" data-testid="activation-code">
                {result.activationCode}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label="有效期至"><span data-testid="activation-expires">{formatTime(result.expiresAt)}</span>（逾期须重新发放）</Descriptions.Item>
            {result.grant && (
              <Descriptions.Item label="角色授权">
                <Tag color="gold">{result.grant.roleLabel} · 待审批</Tag>
                <span className="lz-muted">安全保密管理员批准后方可登录使用</span>
              </Descriptions.Item>
            )}
          </Descriptions>
        </div>
      )}
    </Modal>
  );
}
