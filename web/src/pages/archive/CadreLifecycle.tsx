// The cadre's place in the body (docs/domain.md#cadre-lifecycle): its unit with the 单位变动记录, its status with
// the day it took effect, and the actions that change them — 调整单位 (within its own body), 修改状态, and 删除干部
// for a cadre filed by mistake (officers; restorable from 已删除干部 in the ledger).
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { App as AntApp, Button, Card, DatePicker, Form, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, SwapOutlined, TagOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { errorText } from '../../api/graphql';
import { mutate, useGqlQuery } from '../../api/query';
import { useAuth } from '../../auth/AuthProvider';
import { CodeSelect } from '../../components/CodeSelect';
import { FormModal, modalFormLayout, useMutationModal } from '../../components/FormModal';
import { UnitPicker } from '../../components/UnitPicker';
import { graphql } from '../../gql';
import { CadresDocument, UnitsDocument } from '../cadres/queries';
import { STATUS_COLORS } from '../cadres/format';
import { CadreProfileDocument } from './profile';

export const CadreLifecycleDocument = graphql(`
  query CadreLifecycle($id: ID!) {
    cadre(id: $id) {
      id name version status statusOn
      unit { id name }
      tenant { id }
      unitHistory { id fromUnitName toUnitName movedOn actorName at }
    }
  }
`);

const MoveCadreDocument = graphql(`
  mutation MoveCadre($id: ID!, $unitId: ID!) { moveCadre(id: $id, unitId: $unitId) { id version unit { id name } } }
`);
const SetCadreStatusDocument = graphql(`
  mutation SetCadreStatus($id: ID!, $status: String!, $on: String!) { setCadreStatus(id: $id, status: $status, on: $on) { id version status statusOn } }
`);
const DeleteCadreDocument = graphql(`
  mutation DeleteCadre($id: ID!) { deleteCadre(id: $id) { id deleted } }
`);

/** What a change of unit, status or existence makes stale. */
const AFFECTED = [CadreLifecycleDocument, CadreProfileDocument, CadresDocument, UnitsDocument, 'CadreArchive', 'DeletedCadres'];

export function CadreLifecycle({ id }: { id: string }) {
  const { can } = useAuth();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const query = useGqlQuery(CadreLifecycleDocument, { id });
  const cadre = query.data?.cadre ?? null;
  const [dialog, setDialog] = useState<'move' | 'status' | null>(null);
  const [deleting, setDeleting] = useState(false);
  if (!cadre) return null;

  const remove = async () => {
    setDeleting(true);
    try {
      await mutate(DeleteCadreDocument, AFFECTED, { id });
      message.success(`已删除干部「${cadre.name}」，可在「已删除干部」中恢复`);
      navigate('/cadres');
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setDeleting(false);
    }
  };

  return (
    <Card
      size="small"
      className="lz-archive-card lz-lifecycle-card"
      data-testid="cadre-lifecycle"
      title={(
        <Space size={16} wrap>
          <span>所在单位：<b data-testid="lifecycle-unit">{cadre.unit.name}</b></span>
          <span>
            状态：<Tag color={STATUS_COLORS[cadre.status] ?? 'blue'} data-testid="lifecycle-status">{cadre.status}</Tag>
            {cadre.statusOn && <span className="lz-muted" data-testid="lifecycle-status-on">自 {cadre.statusOn} 起</span>}
          </span>
        </Space>
      )}
      extra={(
        <Space className="lz-no-print">
          {can('Cadre:update') && <Button size="small" icon={<SwapOutlined />} onClick={() => setDialog('move')} data-testid="move-cadre">调整单位</Button>}
          {can('Cadre:update') && <Button size="small" icon={<TagOutlined />} onClick={() => setDialog('status')} data-testid="set-cadre-status">修改状态</Button>}
          {can('Cadre:delete') && (
            <Popconfirm
              title={`删除干部「${cadre.name}」？`}
              description="仅用于误建的档案：删除后不出现在列表、查询和统计中，可在「已删除干部」中恢复。"
              okText="删除" cancelText="取消" okButtonProps={{ danger: true, 'data-testid': 'confirm-ok' } as never}
              onConfirm={() => void remove()}
            >
              <Button size="small" danger icon={<DeleteOutlined />} loading={deleting} data-testid="delete-cadre">删除干部</Button>
            </Popconfirm>
          )}
        </Space>
      )}
    >
      <Typography.Text strong>单位变动记录</Typography.Text>
      <Table
        size="small" rowKey="id" pagination={false} dataSource={cadre.unitHistory} data-testid="unit-history"
        locale={{ emptyText: '暂无单位变动记录' }}
        columns={[
          { title: '日期', dataIndex: 'movedOn', width: 110 },
          { title: '调出单位', dataIndex: 'fromUnitName', render: (v: string | null) => v ?? <span className="lz-muted">（新建档案）</span> },
          { title: '调入单位', dataIndex: 'toUnitName' },
          { title: '经办人', dataIndex: 'actorName', width: 180 },
        ]}
      />
      <MoveModal open={dialog === 'move'} onClose={() => setDialog(null)} cadre={cadre} />
      <StatusModal open={dialog === 'status'} onClose={() => setDialog(null)} cadre={cadre} />
    </Card>
  );
}

function MoveModal({ open, onClose, cadre }: { open: boolean; onClose(): void; cadre: { id: string; name: string; unit: { id: string; name: string }; tenant: { id: string } } }) {
  const [form] = Form.useForm<{ unitId: string }>();
  const modal = useMutationModal(open, onClose);
  const { message } = AntApp.useApp();
  const save = () => modal.submit(form, async (v) => {
    const r = await mutate(MoveCadreDocument, AFFECTED, { id: cadre.id, unitId: v.unitId });
    message.success(`已将「${cadre.name}」调整到「${r.moveCadre.unit.name}」`);
    onClose();
  });
  return (
    <FormModal modal={modal} title={`调整单位：${cadre.name}`} okText="调整" onOk={save} okTestId="move-cadre-save" errorTestId="move-cadre-error"
      notice={<p className="lz-muted">只能调整到本机构的单位；调整记入单位变动记录和修改历史。</p>}>
      <Form form={form} {...modalFormLayout('6em')}>
        <Form.Item label="当前单位">{cadre.unit.name}</Form.Item>
        <Form.Item name="unitId" label="调整到" rules={[{ required: true, message: '请选择要调整到的单位' }]}>
          <UnitPicker tenantId={cadre.tenant.id} exclude={cadre.unit.id} testId="move-cadre-unit" width="100%" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

function StatusModal({ open, onClose, cadre }: { open: boolean; onClose(): void; cadre: { id: string; name: string; status: string } }) {
  const [form] = Form.useForm<{ status: string; on: Dayjs }>();
  const modal = useMutationModal(open, onClose);
  const { message } = AntApp.useApp();
  const save = () => modal.submit(form, async (v) => {
    const r = await mutate(SetCadreStatusDocument, AFFECTED, { id: cadre.id, status: v.status, on: v.on.format('YYYY-MM-DD') });
    message.success(`「${cadre.name}」的状态已改为「${r.setCadreStatus.status}」`);
    onClose();
  });
  return (
    <FormModal modal={modal} title={`修改状态：${cadre.name}`} okText="保存" onOk={save} okTestId="status-save" errorTestId="status-error">
      <Form form={form} {...modalFormLayout('6em')} initialValues={{ status: cadre.status, on: dayjs() }}>
        <Form.Item name="status" label="状态" rules={[{ required: true, message: '请选择状态' }]}>
          <CodeSelect table="cadre_status" id="status-select" />
        </Form.Item>
        <Form.Item name="on" label="日期" rules={[{ required: true, message: '请选择状态开始的日期' }]}>
          <DatePicker id="status-on" data-testid="status-on" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
