// 授权审批 (安全保密管理员): grants of roles that read archives or the log, requested by the system administrator,
// take effect only when approved here. Nobody decides a request they made or one that grants to themselves (the API
// says so per row: canDecide). Returning a request needs a reason.
import { useState } from 'react';
import { Alert, App as AntApp, Button, Card, Form, Input, Space, Tabs, Tooltip } from 'antd';
import { CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import { mutate, operationName } from '../../api/query';
import { ConfirmLink } from '../../components/ConfirmLink';
import { FormModal, found, useAction, useMutationModal } from '../../components/FormModal';
import { PageHead, RefreshButton } from '../../components/PageHead';
import { useLoaded } from '../../components/useLoaded';
import { AFFECTS, ApproveRoleGrantDocument, RejectRoleGrantDocument, RoleGrantsDocument } from './queries';
import { GrantTable, roleGrants } from './GrantTable';
import type { RoleGrant } from './queries';

function RejectModal({ grant, onClose, onDone }: { grant: RoleGrant | null; onClose(): void; onDone(g: RoleGrant): void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const modal = useMutationModal(!!grant, onClose);
  const submit = async () => {
    if (!grant) return;
    await modal.submit(form, async (v) => {
      const d = await mutate(RejectRoleGrantDocument, AFFECTS.grants, { id: grant.id, reason: v.reason.trim() });
      onDone(found(d.rejectRoleGrant, '该申请不存在或不在审批范围内'));
    });
  };
  return (
    <FormModal
      modal={modal}
      title={grant ? `退回授权申请：${grant.displayName}（${grant.roleLabel}）` : '退回授权申请'}
      onOk={submit} okText="退回" danger okTestId="grant-reject-ok"
      notice={<Alert type="info" showIcon className="lz-form-alert" title="退回后账户保持原角色（新建账户仍不能登录），系统管理员可重新提交申请。" />}
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item label="退回理由" name="reason" rules={[{ required: true, whitespace: true, message: '请填写退回理由' }, { max: 200, message: '退回理由最长 200 个字符' }]}>
          <Input.TextArea id="grant-reject-reason" rows={3} maxLength={200} showCount placeholder="如：未见任职文件，请补充后重新提交" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

export function GrantApprovalPage() {
  const { message } = AntApp.useApp();
  const [tab, setTab] = useState<'pending' | 'decided'>('pending');
  const action = useAction();
  const [rejecting, setRejecting] = useState<RoleGrant | null>(null);

  // Cached under RoleGrants: a decision here (or a grant requested in 用户管理) reads it again.
  const grants = useLoaded([operationName(RoleGrantsDocument), 'approval'], async () => {
    const [p, d] = await Promise.all([roleGrants('pending', 200), roleGrants('decided', 100)]);
    return { pending: p, decided: d };
  }, { pending: [], decided: [] }, '授权申请加载失败');
  const { data: { pending, decided }, loading, error, reload: load } = grants;

  const approve = (g: RoleGrant) => action.run(g.id, async () => {
    const d = await mutate(ApproveRoleGrantDocument, AFFECTS.grants, { id: g.id });
    found(d.approveRoleGrant, '该申请不存在或不在审批范围内');
  }, `已批准：${g.displayName}（${g.roleLabel}）`, load);

  const actions = (g: RoleGrant) => (g.canDecide ? (
    <Space size={0} className="lz-row-actions">
      <ConfirmLink
        title={`批准授予「${g.displayName}」${g.roleLabel}角色？`} description="批准后立即生效，该账户须重新登录。" action="批准"
        icon={<CheckOutlined />} loading={action.busy === g.id} testId="grant-approve" onConfirm={() => approve(g)}
      />
      <Button type="link" size="small" danger icon={<RollbackOutlined />} onClick={() => setRejecting(g)} data-testid="grant-reject">退回</Button>
    </Space>
  ) : (
    <Tooltip title="本人提出或授予本人的申请须由其他安全保密管理员审批">
      <span className="lz-muted">不可审批</span>
    </Tooltip>
  ));

  return (
    <div className="lz-admin">
      <PageHead title="授权审批" desc="系统管理员提出的角色授权申请（纪检干部、领导、填报员、安全审计员），经安全保密管理员批准后生效" />
      <Card
        className="lz-table-card"
        size="small"
        data-testid="grant-approval"
        extra={<RefreshButton onClick={() => void load()} />}
        title={<span>本级及下级机构 · 待审批 <span className="lz-grant-count" data-testid="grant-pending-count">{pending.length}</span> 件</span>}
      >
        {error && <Alert type="error" showIcon title={error} className="lz-table-alert" action={<Button size="small" onClick={() => void load()}>重试</Button>} />}
        <Alert
          type="warning"
          showIcon
          className="lz-form-alert"
          title="请核对任职文件或岗位职责后再批准：授予的角色可查阅干部廉政档案或访问日志。每项审批均记入访问日志，由安全审计员监督。"
        />
        <Tabs
          activeKey={tab}
          onChange={(k) => setTab(k as 'pending' | 'decided')}
          items={[
            {
              key: 'pending', label: `待审批（${pending.length}）`,
              children: <GrantTable rows={pending} loading={loading} actions={actions} testId="grant-pending" empty="暂无待审批的授权申请" />,
            },
            {
              key: 'decided', label: '最近审批',
              children: <GrantTable rows={decided} loading={loading} decided testId="grant-decided" empty="暂无审批记录" />,
            },
          ]}
        />
      </Card>
      <RejectModal
        grant={rejecting}
        onClose={() => setRejecting(null)}
        onDone={(g) => { setRejecting(null); message.success(`已退回：${g.displayName}（${g.roleLabel}）`); void load(); }}
      />
    </div>
  );
}
