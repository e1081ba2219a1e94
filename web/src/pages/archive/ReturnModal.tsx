// 退回: an officer sends a filler's record back with the reason, which the filler then sees on the record.
import { useState } from 'react';
import { Alert, Form, Input, Modal } from 'antd';
import { errorText } from '../../api/graphql';
import { categoryNumeral, keyDate, summaryOf } from './format';
import type { ArchiveDocs } from './queries';
import { returnRecord } from './recordOps';
import type { ArchiveRecord } from './types';

export function ReturnModal({ record, docs, onClose, onDone }: {
  record: ArchiveRecord; docs: ArchiveDocs; onClose(): void; onDone(r: ArchiveRecord): void;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const cat = docs.byId.get(record.category);

  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      onDone(await returnRecord(docs, record, v.reason.trim()));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title="退回记录"
      open
      onCancel={onClose}
      onOk={() => void submit()}
      okText="退回"
      cancelText="取消"
      confirmLoading={saving}
      destroyOnHidden
      width={560}
      okButtonProps={{ danger: true, 'data-testid': 'return-ok' }}
    >
      <div className="lz-return-target">
        <div><span className="lz-muted">干部：</span><span className="lz-cadre-name">{record.cadre.name}</span></div>
        <div>
          <span className="lz-muted">类别：</span>
          {cat ? `${categoryNumeral(cat.id)}、${cat.short}` : record.categoryTitle}
        </div>
        <div>
          <span className="lz-muted">内容：</span>
          {[keyDate(cat, record), summaryOf(cat, record)].filter(Boolean).join(' · ')}
        </div>
        <div><span className="lz-muted">录入人：</span>{record.enteredBy}</div>
      </div>
      {error && <Alert type="error" showIcon title={error} className="lz-form-alert" data-testid="modal-error" />}
      <Form form={form} layout="vertical" className="lz-modal-form" autoComplete="off">
        <Form.Item
          label="退回理由"
          name="reason"
          rules={[{ required: true, whitespace: true, message: '请填写退回理由' }, { max: 500, message: '退回理由最长 500 个字符' }]}
          extra="退回理由将显示在该记录上，供录入人修改后重新提交。"
        >
          <Input.TextArea id="return-reason" autoSize={{ minRows: 3, maxRows: 6 }} maxLength={500} showCount placeholder="请写明需要补充或更正的内容" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
