// 新建下级机构: the code is the parent's code + '-' + a suffix (fixed prefix; the API enforces it).
import { Form, Input, InputNumber, Select, Space } from 'antd';
import { TENANT_CODE_RE } from '@shared/tenants';
import { mutate } from '../../../api/query';
import { FormModal, found, modalFormLayout, useMutationModal } from '../../../components/FormModal';
import { AFFECTS, CreateTenantDocument } from '../queries';
import { TENANT_KINDS } from '../tenantTree';
import type { AdminTenant } from '../queries';
import { TenantNameField } from './tenantParts';

interface CreateValues { code: string; name: string; kind: string; sortOrder?: number | null }

/** The new tenant's code: the parent's code + '-' is fixed (the API enforces it); a typed prefix is not doubled. */
function fullCode(parentCode: string, typed: string): string {
  const v = typed.trim().toLowerCase();
  return v.startsWith(`${parentCode}-`) ? v : `${parentCode}-${v}`;
}

/** A sensible kind for a new child of a tenant of this kind. */
const DEFAULT_CHILD_KIND: Record<string, string> = {
  province_commission: 'city_commission',
  city_commission: 'county_commission',
};

export function CreateTenantDialog({ parent, open, onClose, onDone }: {
  parent: AdminTenant; open: boolean; onClose(): void; onDone(t: AdminTenant): void;
}) {
  const [form] = Form.useForm<CreateValues>();
  const modal = useMutationModal(open, onClose);

  const submit = () => modal.submit(form, async (v) => {
    const d = await mutate(CreateTenantDocument, AFFECTS.tenants, {
      input: { parentId: parent.id, code: fullCode(parent.code, v.code), name: v.name.trim(), kind: v.kind, sortOrder: v.sortOrder ?? null },
    });
    onDone(found(d.createTenant, '上级机构不存在或不在管理范围内'));
  });

  return (
    <FormModal modal={modal} title="新建下级机构" onOk={submit} okText="确定" width={560} okTestId="tenant-create-ok">
      <Form<CreateValues>
        form={form}
        {...modalFormLayout('88px')}
        initialValues={{ kind: DEFAULT_CHILD_KIND[parent.kind] }}
        data-testid="tenant-create-form"
        preserve={false}
      >
        <Form.Item label="上级机构">
          <span className="lz-form-static">{parent.name}</span>
        </Form.Item>
        <Form.Item label="代码" required extra={`以上级代码「${parent.code}-」开头（已固定），只填后半部分；小写字母、数字和连字符，用作登录名前缀，创建后不可修改`}>
          <Space.Compact block>
            <Space.Addon className="lz-mono" data-testid="tenant-code-prefix">{`${parent.code}-`}</Space.Addon>
            <Form.Item
              name="code"
              noStyle
              rules={[
                { required: true, whitespace: true, message: '请输入机构代码' },
                { max: 40, message: '代码最长 40 位' },
                { pattern: TENANT_CODE_RE, message: '代码须为小写字母、数字，可用连字符分隔' },
              ]}
            >
              <Input id="tenant-code" placeholder="如 xs" maxLength={40} autoComplete="off" />
            </Form.Item>
          </Space.Compact>
        </Form.Item>
        <TenantNameField id="tenant-name" placeholder="如 西山区纪委监委" />
        <Form.Item label="类型" name="kind" rules={[{ required: true, message: '请选择机构类型' }]}>
          <Select id="tenant-kind" options={TENANT_KINDS} placeholder="请选择" data-testid="tenant-kind" />
        </Form.Item>
        <Form.Item label="排序号" name="sortOrder" extra="数字小的排在前面；留空则排在同级最后">
          <InputNumber id="tenant-sort" min={0} max={1000000} precision={0} className="lz-input-number" placeholder="可选" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
