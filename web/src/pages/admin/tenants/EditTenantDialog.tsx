// 重命名 / 调整排序 of a tenant (its code never changes).
import { Form, InputNumber } from 'antd';
import { mutate } from '../../../api/query';
import { FormModal, found, modalFormLayout, useMutationModal } from '../../../components/FormModal';
import { AFFECTS, UpdateTenantDocument } from '../queries';
import type { AdminTenant } from '../queries';
import { TenantNameField } from './tenantParts';

interface EditValues { name: string; sortOrder: number }

export function EditTenantDialog({ tenant, open, onClose, onDone }: {
  tenant: AdminTenant; open: boolean; onClose(): void; onDone(t: AdminTenant): void;
}) {
  const [form] = Form.useForm<EditValues>();
  const modal = useMutationModal(open, onClose);

  const submit = () => modal.submit(form, async (v) => {
    const d = await mutate(UpdateTenantDocument, AFFECTS.tenants, { id: tenant.id, name: v.name.trim(), sortOrder: v.sortOrder });
    onDone(found(d.updateTenant, '机构不存在或不在管理范围内'));
  });

  return (
    <FormModal modal={modal} title="重命名 / 调整排序" onOk={submit} okText="保存" width={520} okTestId="tenant-edit-ok">
      <Form<EditValues>
        form={form}
        {...modalFormLayout('88px')}
        initialValues={{ name: tenant.name, sortOrder: tenant.sortOrder }}
        preserve={false}
      >
        <Form.Item label="代码">
          <span className="lz-form-static lz-mono">{tenant.code}</span>
          <span className="lz-muted lz-inline-hint">（不可修改）</span>
        </Form.Item>
        <TenantNameField id="tenant-edit-name" />
        <Form.Item label="排序号" name="sortOrder" rules={[{ required: true, message: '请输入排序号' }]} extra="数字小的排在前面">
          <InputNumber id="tenant-edit-sort" min={0} max={1000000} precision={0} className="lz-input-number" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
