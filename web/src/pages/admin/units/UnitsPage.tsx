// 单位管理 (系统管理员 and 纪检干部): the unit tree of one 机构 of the caller's subtree. New units (top level or below a
// unit), edit (name, kind, code, sort order), drag and drop to move or reorder, merge into another unit, retire
// (撤销) and restore. Retired units show here (greyed) and nowhere else in the pickers. docs/domain.md#units.
// One unit of the 机构 may be its 默认导入单位 (tagged 默认导入): new cadres of an import whose 现任职务 names no unit
// are proposed there (docs/domain.md#the-unit-of-a-new-cadre-默认导入单位).
import type React from 'react';
import { useMemo, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Col, Descriptions, Empty, Popconfirm, Row, Space, Spin, Switch, Tag, Tree, TreeSelect, Typography } from 'antd';
import type { TreeDataNode, TreeProps } from 'antd';
import { ApartmentOutlined, EditOutlined, ImportOutlined, MergeCellsOutlined, PlusOutlined, RollbackOutlined, StopOutlined } from '@ant-design/icons';
import { errorText } from '../../../api/graphql';
import { mutate, useGqlQuery } from '../../../api/query';
import { useAuth } from '../../../auth/AuthProvider';
import { useAction } from '../../../components/FormModal';
import { PageHead, RefreshButton } from '../../../components/PageHead';
import { buildTree, groupByParent, kidsOrNone, SEARCHABLE_TREE_SELECT } from '../../../components/tree';
import { formatTime } from '../../../components/format';
import {
  AdminUnitsDocument, MoveUnitDocument, RestoreUnitDocument, RetireUnitDocument, SetDefaultImportUnitDocument, UNIT_AFFECTS, UnitTenantsDocument,
  type AdminUnit,
} from './queries';
import { CreateUnitDialog, EditUnitDialog, MergeUnitDialog } from './UnitDialogs';

interface TenantOption { value: string; title: string; children?: TenantOption[] }
interface UnitNode extends TreeDataNode { key: string; unit: AdminUnit; children?: UnitNode[] }

function UnitTitle({ u, importDefault }: { u: AdminUnit; importDefault: boolean }) {
  return (
    <span className={`lz-unit-title${u.retired ? ' lz-unit-retired' : ''}`} data-testid={`unit-node-${u.code ?? u.id}`}>
      <span className="lz-unit-name">{u.name}</span>
      <Tag variant="outlined" className="lz-unit-kind">{u.kind}</Tag>
      {u.code && <span className="lz-mono lz-muted">{u.code}</span>}
      {u.retired && <Tag color="default">已撤销</Tag>}
      {importDefault && <Tag color="blue" data-testid="unit-import-default">默认导入</Tag>}
    </span>
  );
}

export function UnitsPage() {
  const { me } = useAuth();
  const { message } = AntApp.useApp();
  const action = useAction();
  const tenantsQ = useGqlQuery(UnitTenantsDocument);
  const tenants = useMemo(() => tenantsQ.data?.tenants ?? [], [tenantsQ.data]);
  const [tenantId, setTenantId] = useState<string | null>(null);
  const tenant = tenants.find((t) => t.id === (tenantId ?? me?.tenant.id)) ?? tenants[0];
  const unitsQ = useGqlQuery(AdminUnitsDocument, { tenantCode: tenant?.code ?? '' }, { enabled: !!tenant });
  const [showRetired, setShowRetired] = useState(false);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [modal, setModal] = useState<'create' | 'createTop' | 'edit' | 'merge' | null>(null);
  const [expanded, setExpanded] = useState<string[] | null>(null);

  const all = useMemo(() => unitsQ.data?.units ?? [], [unitsQ.data]);
  const units = useMemo(() => (showRetired ? all : all.filter((u) => !u.retired)), [all, showRetired]);
  const byId = useMemo(() => new Map(all.map((u) => [u.id, u])), [all]);
  const selected = selectedId ? byId.get(selectedId) ?? null : null;
  const children = useMemo(() => groupByParent(units, (u) => u.id, (u) => u.parentId), [units]);
  const importDefaultId = tenant?.defaultImportUnit?.id ?? null;
  const treeData = useMemo(() => buildTree<AdminUnit, UnitNode>(children, (u) => u.id, (u, kids) => ({
    key: u.id, unit: u, title: <UnitTitle u={u} importDefault={u.id === importDefaultId} />, children: kidsOrNone(kids), isLeaf: kids.length === 0,
  })), [children, importDefaultId]);

  const tenantTree = useMemo(() => buildTree<(typeof tenants)[number], TenantOption>(
    groupByParent(tenants, (t) => t.id, (t) => t.parentId), (t) => t.id, (t, kids) => ({ value: t.id, title: t.name, children: kidsOrNone(kids) }),
  ), [tenants]);

  const reload = () => { void unitsQ.refetch(); };
  const after = (u: AdminUnit, text: string) => {
    setModal(null);
    message.success(text);
    setSelectedId(u.id);
    reload();
  };

  /** Drop: into a node (last child), before or after it among its siblings (antd's drop positions). */
  const onDrop: TreeProps<UnitNode>['onDrop'] = (info) => {
    const drag = info.dragNode.unit;
    const target = info.node.unit;
    const pos = info.node.pos.split('-');
    const relative = info.dropPosition - Number(pos[pos.length - 1]);
    let parentId: string | null;
    let beforeId: string | null = null;
    if (!info.dropToGap) {
      parentId = target.id;
    } else if ((info.node.children ?? []).length > 0 && info.node.expanded && relative === 1) {
      parentId = target.id;
      beforeId = (children.get(target.id) ?? []).find((u) => u.id !== drag.id)?.id ?? null;
    } else {
      parentId = target.parentId && byId.has(target.parentId) ? target.parentId : null;
      const siblings = (children.get(parentId) ?? []).filter((u) => u.id !== drag.id);
      const at = siblings.findIndex((u) => u.id === target.id);
      beforeId = relative === -1 ? target.id : siblings[at + 1]?.id ?? null;
    }
    const where = parentId ? `「${byId.get(parentId)?.name}」之下` : '顶级';
    void action.run('move', () => mutate(MoveUnitDocument, UNIT_AFFECTS, { id: drag.id, parentId, beforeId }), `已移动：${drag.name} → ${where}`, () => {
      setSelectedId(drag.id);
      reload();
    });
  };

  const retire = () => selected && action.run('retire', () => mutate(RetireUnitDocument, UNIT_AFFECTS, { id: selected.id }),
    `已撤销：${selected.name}`, reload);
  const setImportDefault = (unit: AdminUnit | null) => tenant && action.run('importDefault',
    () => mutate(SetDefaultImportUnitDocument, ['UnitTenants'], { tenantId: tenant.id, unitId: unit?.id ?? null }),
    unit ? `已将「${unit.name}」设为默认导入单位` : '已取消默认导入单位', () => { void tenantsQ.refetch(); });
  const restore = () => selected && action.run('restore', () => mutate(RestoreUnitDocument, UNIT_AFFECTS, { id: selected.id }),
    `已恢复：${selected.name}`, reload);

  const parent = selected?.parentId ? byId.get(selected.parentId) : undefined;
  const mergedInto = selected?.mergedIntoId ? byId.get(selected.mergedIntoId) : undefined;
  const keys = expanded ?? all.map((u) => u.id);

  return (
    <div className="lz-page" data-testid="units-page">
      <PageHead title="单位管理" desc="维护本机构及下级机构的单位树：新增、编辑、拖动调整隶属和顺序、合并、撤销（停用）" />
      <Card size="small">
        <Space wrap size={12} className="lz-units-toolbar">
          <span>机构</span>
          <TreeSelect
            {...SEARCHABLE_TREE_SELECT}
            style={{ minWidth: 260 }}
            value={tenant?.id}
            treeData={tenantTree}
            onChange={(v: string) => { setTenantId(v); setSelectedId(null); setExpanded(null); }}
            data-testid="units-tenant"
          />
          <Space size={6}>
            <Switch size="small" checked={showRetired} onChange={setShowRetired} data-testid="units-show-retired" />
            <span>显示已撤销单位</span>
          </Space>
          <Button type="primary" icon={<PlusOutlined />} disabled={!tenant} onClick={() => setModal('createTop')} data-testid="unit-create-top">新增顶级单位</Button>
          <RefreshButton onClick={reload} testId="units-refresh" />
        </Space>
      </Card>
      <Row gutter={16} className="lz-units-body">
        <Col xs={24} lg={13}>
          <Card size="small" title={<Space><ApartmentOutlined />单位树<span className="lz-muted">（拖动单位可调整上级和顺序）</span></Space>} data-testid="units-tree-card">
            {unitsQ.error && <Alert type="error" showIcon title={errorText(unitsQ.error)} />}
            {unitsQ.isLoading ? <Spin /> : treeData.length === 0 ? (
              <Empty description="本机构还没有单位，请先新增顶级单位" />
            ) : (
              <Tree<UnitNode>
                className="lz-units-tree"
                blockNode
                draggable={{ icon: false, nodeDraggable: (n) => !(n as UnitNode).unit.retired }}
                allowDrop={({ dropNode, dropPosition }) => !(dropNode as UnitNode).unit.retired || dropPosition !== 0}
                treeData={treeData}
                expandedKeys={keys}
                onExpand={(k) => setExpanded(k.map(String))}
                selectedKeys={selected ? [selected.id] : []}
                // A click always selects the clicked unit (a second click does not clear it).
                onSelect={(_k, info) => setSelectedId(String(info.node.key))}
                onDrop={onDrop}
                data-testid="units-tree"
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={11}>
          <Card
            size="small" className="lz-detail-card" data-testid="unit-detail"
            title={selected ? (
              <Space>
                <span data-testid="unit-detail-name">{selected.name}</span>{selected.retired && <Tag>已撤销</Tag>}
                {selected.id === importDefaultId && <Tag color="blue">默认导入</Tag>}
              </Space>
            ) : '单位信息'}
          >
            {!selected ? (
              <Empty description="在左侧单位树中选择一个单位" />
            ) : (
              <>
                <Descriptions size="small" column={1} bordered>
                  <Descriptions.Item label="单位类型">{selected.kind}</Descriptions.Item>
                  <Descriptions.Item label="单位代码"><span className="lz-mono">{selected.code ?? '（未设）'}</span></Descriptions.Item>
                  <Descriptions.Item label="上级单位">{parent?.name ?? '（顶级）'}</Descriptions.Item>
                  <Descriptions.Item label="排序号">{selected.sortOrder}</Descriptions.Item>
                  {selected.cadreCount !== null && selected.cadreCount !== undefined && (
                    <Descriptions.Item label="干部人数">{selected.cadreCount}</Descriptions.Item>
                  )}
                  <Descriptions.Item label="默认导入单位">
                    {selected.id === importDefaultId ? (selected.retired ? '是（已撤销，导入时不再使用）' : '是：导入任免审批表时，现任职务中找不到本机构单位的新建干部放入本单位')
                      : tenant?.defaultImportUnit ? `否（当前为「${tenant.defaultImportUnit.name}」）` : '否（本机构未设置）'}
                  </Descriptions.Item>
                  {selected.retired && (
                    <Descriptions.Item label="撤销时间">
                      {formatTime(selected.retiredAt ?? null)}{mergedInto ? `（已并入「${mergedInto.name}」）` : ''}
                    </Descriptions.Item>
                  )}
                </Descriptions>
                <Space wrap size={8} className="lz-unit-actions">
                  {!selected.retired && (
                    <>
                      <Button icon={<PlusOutlined />} onClick={() => setModal('create')} data-testid="unit-create-child">新增下级单位</Button>
                      <Button icon={<EditOutlined />} onClick={() => setModal('edit')} data-testid="unit-edit">重命名/编辑</Button>
                      <Button icon={<MergeCellsOutlined />} onClick={() => setModal('merge')} data-testid="unit-merge">合并到…</Button>
                      {selected.id === importDefaultId ? (
                        <Button icon={<ImportOutlined />} loading={action.busy === 'importDefault'} onClick={() => setImportDefault(null)} data-testid="unit-import-default-clear">取消默认导入单位</Button>
                      ) : (
                        <Button icon={<ImportOutlined />} loading={action.busy === 'importDefault'} onClick={() => setImportDefault(selected)} data-testid="unit-import-default-set">设为默认导入单位</Button>
                      )}
                      <Popconfirm
                        title={`撤销「${selected.name}」？`}
                        description={<div className="lz-confirm-text">撤销后该单位不再出现在单位选择中，历史档案仍显示该单位。有在用下级单位或在职干部时不能撤销。</div>}
                        okText="撤销" cancelText="取消" okButtonProps={{ danger: true, 'data-testid': 'confirm-ok' } as React.ComponentProps<typeof Button>}
                        onConfirm={retire}
                      >
                        <Button danger icon={<StopOutlined />} loading={action.busy === 'retire'} data-testid="unit-retire">撤销（停用）</Button>
                      </Popconfirm>
                    </>
                  )}
                  {selected.retired && (
                    <Button icon={<RollbackOutlined />} loading={action.busy === 'restore'} onClick={restore} data-testid="unit-restore">恢复</Button>
                  )}
                </Space>
                <Typography.Paragraph type="secondary" className="lz-unit-hint">
                  提示：在左侧单位树中拖动单位，放到另一单位上成为其下级，放在两个单位之间调整顺序。
                </Typography.Paragraph>
              </>
            )}
          </Card>
        </Col>
      </Row>
      {tenant && (
        <CreateUnitDialog
          tenantId={tenant.id} parent={modal === 'create' ? selected : null} open={modal === 'create' || modal === 'createTop'}
          onClose={() => setModal(null)} onDone={(u) => after(u, `已新增单位：${u.name}`)}
        />
      )}
      {selected && (
        <>
          <EditUnitDialog unit={selected} open={modal === 'edit'} onClose={() => setModal(null)} onDone={(u) => after(u, `已保存：${u.name}`)} />
          <MergeUnitDialog
            unit={selected} units={all} open={modal === 'merge'} onClose={() => setModal(null)}
            onDone={(u) => after(u, `已将「${selected.name}」合并到「${u.name}」`)}
          />
        </>
      )}
    </div>
  );
}
