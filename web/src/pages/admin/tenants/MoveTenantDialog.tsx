// 移动机构: under another parent, with everything below it (not under itself or its own subtree).
import { useEffect, useMemo, useState } from 'react';
import { Alert, Form, TreeSelect } from 'antd';
import { mutate } from '../../../api/query';
import { FormModal, found, modalFormLayout, useMutationModal } from '../../../components/FormModal';
import { SEARCHABLE_TREE_SELECT } from '../../../components/tree';
import { AFFECTS, MoveTenantDocument } from '../queries';
import { subtreeIds, tenantSelectTree, type TenantIndex } from '../tenantTree';
import type { AdminTenant } from '../queries';

export function MoveTenantDialog({ tenant, index, open, onClose, onDone }: {
  tenant: AdminTenant; index: TenantIndex; open: boolean; onClose(): void; onDone(t: AdminTenant): void;
}) {
  const [parentId, setParentId] = useState<string | undefined>();
  const modal = useMutationModal(open, onClose);
  // Each opening starts without a choice.
  useEffect(() => { if (open) setParentId(undefined); }, [open]);

  // Allowed new parents: anything visible except the tenant itself and its subtree (those are left out entirely).
  const treeData = useMemo(() => {
    const excluded = subtreeIds(index, tenant.id);
    const prune = (nodes: ReturnType<typeof tenantSelectTree>): ReturnType<typeof tenantSelectTree> =>
      nodes.filter((n) => !excluded.has(n.value)).map((n) => ({ ...n, children: n.children ? prune(n.children) : undefined }));
    return prune(tenantSelectTree(index));
  }, [index, tenant.id]);

  const currentParent = tenant.parentId ? index.byId.get(tenant.parentId) : undefined;

  const submit = async () => {
    if (!parentId) return modal.setError('请选择新的上级机构');
    if (parentId === tenant.parentId) return modal.setError('所选机构已是当前上级，无需移动');
    await modal.run(async () => {
      const d = await mutate(MoveTenantDocument, AFFECTS.tenants, { id: tenant.id, parentId });
      onDone(found(d.moveTenant, '机构或新上级不存在或不在管理范围内'));
    });
  };

  return (
    <FormModal modal={modal} title={`移动机构：${tenant.name}`} onOk={submit} okText="确定移动" width={520} okTestId="tenant-move-ok"
      notice={
        <Alert
          type="info"
          showIcon
          className="lz-form-alert"
          title="移动后，该机构及其全部下级机构、用户和档案一并归入新的上级，新上级的管理员即可管理。"
        />
      }
    >
      <Form {...modalFormLayout('88px')}>
        <Form.Item label="当前上级">
          <span className="lz-form-static">{currentParent?.name ?? '—'}</span>
        </Form.Item>
        <Form.Item label="新的上级" required>
          <TreeSelect
            id="tenant-move-parent"
            data-testid="tenant-move-parent"
            treeData={treeData}
            value={parentId}
            onChange={(v: string) => { setParentId(v); modal.setError(null); }}
            placeholder="请选择新的上级机构"
            {...SEARCHABLE_TREE_SELECT}
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
