// The dialogs of 单位管理: 新增单位 (top level or below a unit), 编辑 (name, kind, code, sort order) and 合并到….
import { Form, Input, InputNumber, Select, TreeSelect } from 'antd';
import { UNIT_CODE_RE, UNIT_KINDS } from '@shared/units';
import { mutate } from '../../../api/query';
import { FormModal, modalFormLayout, useMutationModal } from '../../../components/FormModal';
import { buildTree, groupByParent, kidsOrNone, SEARCHABLE_TREE_SELECT } from '../../../components/tree';
import { CreateUnitDocument, MergeUnitsDocument, UNIT_AFFECTS, UpdateUnitDocument, type AdminUnit } from './queries';

const KIND_OPTIONS = Object.entries(UNIT_KINDS).map(([value, label]) => ({ value, label }));

interface UnitValues { name: string; kind: string; code: string; sortOrder?: number }

function UnitFields({ withSort }: { withSort?: boolean }) {
  return (
    <>
      <Form.Item label="单位名称" name="name" rules={[{ required: true, whitespace: true, message: '请输入单位名称' }, { max: 60, message: '单位名称最长 60 个字符' }]}>
        <Input id="unit-name" maxLength={60} placeholder="如：第一监督检查室" />
      </Form.Item>
      <Form.Item label="单位类型" name="kind" rules={[{ required: true, message: '请选择单位类型' }]}>
        <Select id="unit-kind" options={KIND_OPTIONS} placeholder="请选择" data-testid="unit-kind" />
      </Form.Item>
      <Form.Item
        label="单位代码" name="code"
        rules={[{ required: true, message: '请输入单位代码' }, { pattern: UNIT_CODE_RE, message: '单位代码须为 1–20 位字母、数字或连字符（-）' }]}
        extra="字母、数字或连字符，本机构在用单位中不能重复"
      >
        <Input id="unit-code" maxLength={20} placeholder="如：JC-01" className="lz-mono" />
      </Form.Item>
      {withSort && (
        <Form.Item label="排序号" name="sortOrder" rules={[{ required: true, message: '请输入排序号' }]} extra="数字小的排在前面；也可在单位树中拖动调整">
          <InputNumber id="unit-sort" min={0} max={1000000} precision={0} className="lz-input-number" />
        </Form.Item>
      )}
    </>
  );
}

export function CreateUnitDialog({ tenantId, parent, open, onClose, onDone }: {
  tenantId: string; parent: AdminUnit | null; open: boolean; onClose(): void; onDone(u: AdminUnit): void;
}) {
  const [form] = Form.useForm<UnitValues>();
  const modal = useMutationModal(open, onClose);
  const submit = () => modal.submit(form, async (v) => {
    const d = await mutate(CreateUnitDocument, UNIT_AFFECTS, {
      input: { tenantId, parentId: parent?.id ?? null, name: v.name.trim(), kind: v.kind, code: v.code.trim() },
    });
    onDone(d.createUnit);
  });
  return (
    <FormModal modal={modal} title={parent ? `新增下级单位（上级：${parent.name}）` : '新增顶级单位'} onOk={submit} okText="新增" width={520} okTestId="unit-create-ok">
      <Form<UnitValues> form={form} {...modalFormLayout('88px')} initialValues={{ kind: 'internal' }} preserve={false}>
        <UnitFields />
      </Form>
    </FormModal>
  );
}

export function EditUnitDialog({ unit, open, onClose, onDone }: { unit: AdminUnit; open: boolean; onClose(): void; onDone(u: AdminUnit): void }) {
  const [form] = Form.useForm<UnitValues>();
  const modal = useMutationModal(open, onClose);
  const submit = () => modal.submit(form, async (v) => {
    const d = await mutate(UpdateUnitDocument, UNIT_AFFECTS, {
      id: unit.id, name: v.name.trim(), kind: v.kind, code: v.code.trim(), sortOrder: v.sortOrder,
    });
    onDone(d.updateUnit);
  });
  return (
    <FormModal modal={modal} title="编辑单位" onOk={submit} okText="保存" width={520} okTestId="unit-edit-ok">
      <Form<UnitValues>
        form={form} {...modalFormLayout('88px')} preserve={false}
        initialValues={{ name: unit.name, kind: unit.kindCode, code: unit.code ?? '', sortOrder: unit.sortOrder }}
      >
        <UnitFields withSort />
      </Form>
    </FormModal>
  );
}

interface PickNode { value: string; title: string; children?: PickNode[]; disabled?: boolean }

/** 合并到…: the target is another active unit of the tenant, not below the unit merged. */
export function MergeUnitDialog({ unit, units, open, onClose, onDone }: {
  unit: AdminUnit; units: AdminUnit[]; open: boolean; onClose(): void; onDone(into: AdminUnit): void;
}) {
  const [form] = Form.useForm<{ intoId: string }>();
  const modal = useMutationModal(open, onClose);
  const active = units.filter((u) => !u.retired);
  const tree = buildTree<AdminUnit, PickNode>(groupByParent(active, (u) => u.id, (u) => u.parentId), (u) => u.id, (u, kids) =>
    // The unit itself and everything below it cannot be the target: it is left out with its subtree.
    (u.id === unit.id ? null : { value: u.id, title: u.code ? `${u.name}（${u.code}）` : u.name, children: kidsOrNone(kids) }));
  const submit = () => modal.submit(form, async (v) => {
    const d = await mutate(MergeUnitsDocument, UNIT_AFFECTS, { fromId: unit.id, intoId: v.intoId });
    onDone(d.mergeUnits);
  });
  return (
    <FormModal
      modal={modal} title={`合并「${unit.name}」到…`} onOk={submit} okText="合并" danger width={560} okTestId="unit-merge-ok"
      notice={<p className="lz-muted">合并后，本单位的干部、下级单位和填报员负责范围转入目标单位，本单位改为已撤销并保留历史；干部的修改记录中会记下单位变化。</p>}
    >
      <Form form={form} {...modalFormLayout('88px')} preserve={false}>
        <Form.Item label="目标单位" name="intoId" rules={[{ required: true, message: '请选择目标单位' }]}>
          <TreeSelect
            {...SEARCHABLE_TREE_SELECT} id="unit-merge-into" treeData={tree} placeholder="选择并入的单位"
            data-testid="unit-merge-into"
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
