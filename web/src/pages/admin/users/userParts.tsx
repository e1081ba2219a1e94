// Pieces of 用户管理 used by the page and its dialogs: status tags, the role choice, the filler's unit picker.
import { useMemo } from 'react';
import { Form, Input, Radio, Space, Tag, Tooltip, TreeSelect } from 'antd';
import { errorText } from '../../../api/graphql';
import { useGqlQuery } from '../../../api/query';
import { ADMINISTRATOR_ROLES, ROLE_DESCRIPTIONS, ROLE_OPTIONS } from '../../../auth/roles';
import { buildTree, filterTreeNodeByName, groupByParent, kidsOrNone } from '../../../components/tree';
import { formatTime } from '../../../components/format';
import { TenantUnitsDocument } from '../queries';
import type { AdminTenant, AdminUser, UnitOption } from '../queries';

/** In the own tenant the three administrators' roles are the parent's to give: shown, not offered. */
export const roleOptionsFor = (ownTenant: boolean) =>
  ROLE_OPTIONS.map((o) => ({ ...o, disabled: ownTenant && ADMINISTRATOR_ROLES.includes(o.value) }));

export function UserStatusTags({ u }: { u: AdminUser }) {
  return (
    <Space size={4} wrap className="lz-status-tags" data-testid="user-status">
      {u.status === 'disabled' ? <Tag color="default">已停用</Tag>
        : u.status === 'pending' ? (
          <Tooltip title="新建账户的角色授权尚待安全保密管理员审批，审批通过前不能登录"><Tag color="gold">待授权</Tag></Tooltip>
        ) : u.locked ? null : <Tag color="green">正常</Tag>}
      {u.activationPending && (
        <Tooltip title={u.activationExpiresAt ? `激活码有效期至 ${formatTime(u.activationExpiresAt)}；本人激活后方可登录` : undefined}>
          <Tag color="blue">待激活</Tag>
        </Tooltip>
      )}
      {u.pendingGrant && u.status !== 'pending' && (
        <Tooltip title={`已申请授予「${u.pendingGrant.roleLabel}」，待安全保密管理员审批`}><Tag color="gold">授权待审批</Tag></Tooltip>
      )}
      {u.locked && (
        <Tooltip title={u.lockedUntil ? `锁定至 ${formatTime(u.lockedUntil)}` : undefined}>
          <Tag color="red">已锁定</Tag>
        </Tooltip>
      )}
      {u.mustChangePassword && u.status !== 'disabled' && (
        <Tooltip title="首次登录或密码被重置后尚未修改密码">
          <Tag color="orange">待改密</Tag>
        </Tooltip>
      )}
    </Space>
  );
}

// ---------- Units of a tenant (for fillers) ----------

interface UnitTreeNode { value: string; title: string; key: string; pinyin: readonly string[]; children?: UnitTreeNode[] }

function useTenantUnits(tenant: AdminTenant | undefined) {
  const code = tenant?.code;
  const query = useGqlQuery(TenantUnitsDocument, { tenantCode: code }, { enabled: !!code });
  const units = query.data?.units ?? null;
  const error = query.error ? errorText(query.error, '单位目录加载失败') : null;

  const tree = useMemo<UnitTreeNode[]>(() => (units ? buildTree<UnitOption, UnitTreeNode>(
    groupByParent(units, (u) => u.id, (u) => u.parentId), (u) => u.id,
    (u, kids) => ({ value: u.id, key: u.id, title: u.name, pinyin: u.pinyin, children: kidsOrNone(kids) }),
  ) : []), [units]);

  return { tree, loading: !!code && units === null && !error, error, empty: units !== null && units.length === 0 };
}

function UnitPicker({ tenant, value, onChange, id }: {
  tenant: AdminTenant | undefined; value?: string[]; onChange?: (v: string[]) => void; id?: string;
}) {
  const units = useTenantUnits(tenant);
  return (
    <>
      <TreeSelect
        id={id}
        data-testid="user-units"
        treeData={units.tree}
        value={value}
        onChange={(v) => onChange?.(v as string[])}
        treeCheckable
        virtual={false}
        showSearch
        filterTreeNode={filterTreeNodeByName}
        showCheckedStrategy={TreeSelect.SHOW_PARENT}
        multiple
        treeDefaultExpandAll
        loading={units.loading}
        placeholder={units.empty ? '该机构暂无单位' : '请选择负责的单位（可多选）'}
        disabled={units.empty}
        maxTagCount={4}
        notFoundContent={units.loading ? '正在加载…' : '暂无单位'}
        styles={{ popup: { root: { maxHeight: 360, overflow: 'auto' } } }}
      />
      {units.error && <div className="ant-form-item-explain-error">{units.error}</div>}
    </>
  );
}

/** 姓名, 角色 and (for a filler) 负责单位: the part of the user form that creating and editing share. */
export function UserRoleFields({ ids, role, ownTenant, tenant }: {
  ids: { name: string; role: string; units: string }; role: string | undefined; ownTenant: boolean; tenant: AdminTenant | undefined;
}) {
  return (
    <>
      <Form.Item label="姓名" name="displayName" rules={[{ required: true, whitespace: true, message: '请输入姓名' }, { max: 50, message: '姓名最长 50 个字符' }]}>
        <Input id={ids.name} placeholder="请输入姓名" maxLength={50} autoComplete="off" />
      </Form.Item>
      <Form.Item label="角色" name="role" rules={[{ required: true, message: '请选择角色' }]} extra={role ? ROLE_DESCRIPTIONS[role] : undefined}>
        <Radio.Group optionType="button" buttonStyle="solid" options={roleOptionsFor(ownTenant)} data-testid={ids.role} />
      </Form.Item>
      {role === 'filler' && (
        <Form.Item
          label="负责单位"
          name="unitIds"
          rules={[{ required: true, type: 'array', min: 1, message: '请为填报员选择至少一个负责单位' }]}
          extra="填报员只能为所选单位（含其下级单位）录入档案"
        >
          <UnitPicker tenant={tenant} id={ids.units} />
        </Form.Item>
      )}
    </>
  );
}
