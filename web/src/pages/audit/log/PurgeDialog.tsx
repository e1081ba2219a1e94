// 清理: delete the access log older than a number of days (at least the shared minimum), after a second confirmation.
import { useEffect, useState } from 'react';
import { Alert, Button, Form, InputNumber, Popconfirm, Space } from 'antd';
import dayjs from 'dayjs';
import { AUDIT_PURGE_MAX_DAYS, AUDIT_PURGE_MIN_DAYS } from '@shared/audit';
import { beijingTime } from '@shared/time';
import { mutate } from '../../../api/query';
import { FormModal, modalFormLayout, useMutationModal } from '../../../components/FormModal';
import { AuditEventsDocument, PurgeAuditEventsDocument } from '../queries';

export function PurgeDialog({ open, onClose, onDone }: { open: boolean; onClose(): void; onDone(n: number, days: number): void }) {
  const [days, setDays] = useState<number | null>(365);
  const modal = useMutationModal(open, onClose);
  // Each opening starts from the default (at once: not after the opening animation, when the user may be typing).
  useEffect(() => { if (open) setDays(365); }, [open]);
  const valid = typeof days === 'number' && Number.isInteger(days) && days >= AUDIT_PURGE_MIN_DAYS;
  const cutoff = valid ? beijingTime(dayjs().subtract(days, 'day').valueOf()).slice(0, 16) : null;

  const run = async () => {
    if (!valid) return;
    await modal.run(async () => {
      const d = await mutate(PurgeAuditEventsDocument, [AuditEventsDocument], { days });
      onDone(d.purgeAuditEvents, days);
    }, '清理失败，请稍后重试');
  };

  return (
    <FormModal modal={modal} title="清理访问日志" width={560} errorTestId="audit-purge-error"
      footer={[
        <Button key="cancel" onClick={onClose}>取消</Button>,
        <Popconfirm
          key="ok"
          title="确认清理访问日志？"
          description={<div className="lz-confirm-text">将永久删除 {cutoff ?? '—'} 以前的访问日志，此操作不可恢复。</div>}
          okText="确认清理"
          cancelText="取消"
          okButtonProps={{ danger: true, 'data-testid': 'audit-purge-confirm' }}
          onConfirm={run}
          disabled={!valid}
        >
          <Button type="primary" danger loading={modal.saving} disabled={!valid} data-testid="audit-purge-ok">清理</Button>
        </Popconfirm>,
      ]}
      notice={
        <Alert
          type="warning"
          showIcon
          className="lz-form-alert"
          title="清理后的记录无法恢复"
          description={
            <ul className="lz-plain-list">
              <li>将永久删除本级及下级机关早于所设天数的访问日志，最近 {AUDIT_PURGE_MIN_DAYS} 天内的记录不能清理。</li>
              <li>被清理的记录在哈希链中保留占位，链的完整性校验不受影响。</li>
              <li>清理操作本身将记入访问日志。</li>
            </ul>
          }
        />
      }
    >
      <Form {...modalFormLayout('96px')}>
        <Form.Item
          label="保留天数"
          extra={cutoff ? `将清理 ${cutoff} 以前的记录` : `请输入不少于 ${AUDIT_PURGE_MIN_DAYS} 的整数`}
          validateStatus={valid ? undefined : 'error'}
        >
          <Space.Compact>
            <InputNumber
              id="audit-purge-days"
              data-testid="audit-purge-days"
              className="lz-input-number"
              min={AUDIT_PURGE_MIN_DAYS}
              max={AUDIT_PURGE_MAX_DAYS}
              precision={0}
              value={days}
              onChange={(v) => setDays(typeof v === 'number' ? v : null)}
            />
            <Space.Addon>天</Space.Addon>
          </Space.Compact>
        </Form.Item>
      </Form>
    </FormModal>
  );
}
