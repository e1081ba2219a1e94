import { z } from 'zod';
import { searchText, intIn, pattern, text } from '../../graphql/inputs.js';
import { builder } from '../../graphql/builder.js';
import { authorize } from '../../graphql/context.js';
import { loaders } from '../../graphql/loaders.js';
import { unitReach } from '../../authz/reach.js';
import { commandContext } from '../command.js';
import { findTenantByCode } from '../tenants/repo.js';
import { Tenant } from '../tenants/schema.js';
import { createUnit, mergeUnits, moveUnit, restoreUnit, retireUnit, setDefaultImportUnit, updateUnit } from './commands.js';
import { nameReading } from '../cadres/search-terms.js';
import { asSubject } from '../../authz/abilities.js';
import { defaultImportUnitIds, findUnit, listUnits, UNIT_CODE_RE, UNIT_KINDS, type UnitKind, type UnitRow } from './repo.js';

/** The administrative columns of a unit built from a cadre row (without them): loaded once per request batch. */
async function full(r: UnitRow, ctx: Parameters<typeof loaders>[0]): Promise<UnitRow> {
  if (r.kind !== undefined) return r;
  return (await loaders(ctx).unit.load(r.id)) ?? r;
}

export const Unit = builder.objectRef<UnitRow>('Unit').implement({
  description: '单位（树目录），按排序号排列',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    pinyin: t.stringList({
      description: '名称的读音：每字一个拼音音节（无声调，非汉字为空串），供单位目录筛选和单位选择框按全拼或首字母查找',
      resolve: (r) => nameReading(r.name),
    }),
    parentId: t.exposeID('parent_id', { nullable: true }),
    sortOrder: t.exposeInt('sort_order'),
    kind: t.string({
      description: `单位类型（中文）：${Object.values(UNIT_KINDS).join('、')}`,
      resolve: async (r, _a, ctx) => {
        const k = (await full(r, ctx)).kind ?? 'other';
        return UNIT_KINDS[k as UnitKind] ?? k;
      },
    }),
    kindCode: t.string({
      description: `单位类型代码：${Object.keys(UNIT_KINDS).join(' | ')}`,
      resolve: async (r, _a, ctx) => (await full(r, ctx)).kind ?? 'other',
    }),
    code: t.string({
      nullable: true,
      description: '单位代码（本机构在用单位中唯一）；本功能上线前建立的单位可能没有',
      resolve: async (r, _a, ctx) => (await full(r, ctx)).code ?? null,
    }),
    retired: t.boolean({
      description: '已撤销（停用）：保留以供档案和历史查阅，不再出现在单位选择中',
      resolve: async (r, _a, ctx) => !!(await full(r, ctx)).retired_at,
    }),
    retiredAt: t.field({ type: 'DateTime', nullable: true, resolve: async (r, _a, ctx) => (await full(r, ctx)).retired_at ?? null }),
    mergedIntoId: t.id({
      nullable: true,
      description: '合并时并入的单位',
      resolve: async (r, _a, ctx) => (await full(r, ctx)).merged_into_id ?? null,
    }),
    cadreCount: t.int({
      nullable: true,
      description: '本单位（不含下级）的干部人数；无权查看干部档案的角色（如管理员）为 null',
      // A count is archive content: only roles that read cadres see it.
      resolve: (r, _a, ctx) => (ctx.ability.can('read', 'Cadre') ? r.cadre_count : null),
    }),
    tenant: t.field({
      type: Tenant,
      resolve: async (r, _a, ctx) => {
        authorize(ctx, 'read', 'Unit');
        const tn = await loaders(ctx).tenant.load(r.tenant_id);
        if (!tn) throw new Error('unit without visible tenant');
        return tn;
      },
    }),
  }),
});

builder.queryField('units', (t) =>
  t.field({
    extensions: { auditLabel: '查看单位树' },
    type: [Unit],
    description: '可见单位；给出 tenantCode 时只列该机构的单位；给出 search 时只列名称含该文字、或全拼/首字母（从名称任一字起）以它开头的单位。已撤销的单位默认不列出（includeRetired: true 时列出，供单位管理）',
    args: { tenantCode: t.arg.string({ validate: searchText }), search: t.arg.string({ validate: searchText }), includeRetired: t.arg.boolean() },
    resolve: async (_r, { tenantCode, search, includeRetired }, ctx) => {
      const { trx, principal } = authorize(ctx, 'read', 'Unit');
      const reach = unitReach(principal, 'u');
      let tenantId: string | undefined;
      if (tenantCode) {
        const tn = await findTenantByCode(trx, tenantCode);
        if (!tn) return [];
        tenantId = tn.id;
      }
      return listUnits(trx, { tenantId, reach, search, includeRetired: !!includeRetired });
    },
  }),
);

const unitName = text('单位名称', 60);
const unitCode = pattern(UNIT_CODE_RE, '单位代码须为 1–20 位字母、数字或连字符（-）');
const unitKind = z.string().trim().min(1, '请选择单位类型').max(20, '单位类型无效');
const sortOrder = intIn('排序号', 0, 1_000_000);

const CreateUnitInput = builder.inputType('CreateUnitInput', {
  fields: (t) => ({
    tenantId: t.id({ required: true, description: '所属机构' }),
    parentId: t.id({ description: '上级单位（同一机构的在用单位）；不填为顶级单位' }),
    name: t.string({ required: true, validate: unitName }),
    kind: t.string({ required: true, description: `单位类型：中文名称或代码（${Object.entries(UNIT_KINDS).map(([k, v]) => `${k} ${v}`).join('、')}）`, validate: unitKind }),
    code: t.string({ required: true, description: '单位代码：1–20 位字母、数字或连字符，本机构在用单位中唯一（不区分大小写）', validate: unitCode }),
    sortOrder: t.int({ description: '排序号；不填排在同级最后', validate: sortOrder }),
  }),
});

builder.mutationField('createUnit', (t) =>
  t.field({
    extensions: { auditLabel: '新增单位' },
    type: Unit,
    description: '在可见机构中新增单位（顶级或某在用单位的下级）',
    args: { input: t.arg({ type: CreateUnitInput, required: true }) },
    resolve: (_r, { input }, ctx) => createUnit(commandContext(ctx), {
      tenantId: String(input.tenantId), parentId: input.parentId ? String(input.parentId) : null,
      name: input.name, kind: input.kind, code: input.code, sortOrder: input.sortOrder,
    }),
  }),
);

builder.mutationField('updateUnit', (t) =>
  t.field({
    extensions: { auditLabel: '修改单位' },
    type: Unit,
    description: '重命名、修改类型、代码或排序号（排序号变化时干部列表顺序随之调整）',
    args: {
      id: t.arg.id({ required: true }),
      name: t.arg.string({ validate: unitName }),
      kind: t.arg.string({ validate: unitKind }),
      code: t.arg.string({ validate: unitCode }),
      sortOrder: t.arg.int({ validate: sortOrder }),
    },
    resolve: (_r, a, ctx) => updateUnit(commandContext(ctx), String(a.id), { name: a.name, kind: a.kind, code: a.code, sortOrder: a.sortOrder }),
  }),
);

builder.mutationField('moveUnit', (t) =>
  t.field({
    extensions: { auditLabel: '移动单位' },
    type: Unit,
    description: '调整上级单位（下级单位随之移动；parentId 为空移到顶级）并排在 beforeId 之前，或取 sortOrder，或排在最后；不能移到本单位或其下级之下，也不能移到其他机构',
    args: {
      id: t.arg.id({ required: true }),
      parentId: t.arg.id(),
      beforeId: t.arg.id({ description: '新上级下排在其前的单位' }),
      sortOrder: t.arg.int({ validate: sortOrder }),
    },
    resolve: (_r, a, ctx) => moveUnit(commandContext(ctx), {
      id: String(a.id), parentId: a.parentId ? String(a.parentId) : null, beforeId: a.beforeId ? String(a.beforeId) : null, sortOrder: a.sortOrder,
    }),
  }),
);

builder.mutationField('mergeUnits', (t) =>
  t.field({
    extensions: { auditLabel: '合并单位' },
    type: Unit,
    description: '把 fromId 合并到 intoId（同一机构）：干部、下级单位和填报员的负责单位转入目标单位，原单位撤销并保留历史；返回目标单位',
    args: { fromId: t.arg.id({ required: true }), intoId: t.arg.id({ required: true }) },
    resolve: (_r, a, ctx) => mergeUnits(commandContext(ctx), String(a.fromId), String(a.intoId)),
  }),
);

builder.mutationField('retireUnit', (t) =>
  t.field({
    extensions: { auditLabel: '撤销单位' },
    type: Unit,
    description: '撤销（停用）单位：保留历史，不再出现在单位选择中；有在用下级单位或在职干部时不能撤销',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, a, ctx) => retireUnit(commandContext(ctx), String(a.id)),
  }),
);

builder.mutationField('restoreUnit', (t) =>
  t.field({
    extensions: { auditLabel: '恢复单位' },
    type: Unit,
    description: '恢复已撤销的单位（其代码须仍未被占用，上级单位须在用）',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, a, ctx) => restoreUnit(commandContext(ctx), String(a.id)),
  }),
);

builder.objectField(Tenant, 'defaultImportUnit', (t) => t.field({
  type: Unit,
  nullable: true,
  description: '默认导入单位：导入任免审批表时，现任职务中找不到本机构单位名称的新建干部建议放入的单位（可能已撤销：已撤销的不再建议）；未设置或调用者无权查看单位时为 null',
  resolve: async (r, _a, ctx) => {
    if (!ctx.ability.can('read', 'Unit')) return null;
    const { trx } = authorize(ctx, 'read', 'Unit');
    const id = (await defaultImportUnitIds(trx, [r.id])).get(r.id);
    const unit = id ? await findUnit(trx, id) : null;
    // A filler sees it only when it is one of its own units.
    return unit && ctx.ability.can('read', asSubject('Unit', { ...unit })) ? unit : null;
  },
}));

builder.mutationField('setDefaultImportUnit', (t) =>
  t.field({
    extensions: { auditLabel: '设置默认导入单位' },
    type: Tenant,
    description: '设置机构的默认导入单位（须为该机构的在用单位），unitId 为空时取消；导入任免审批表时，现任职务中找不到本机构单位名称的新建干部建议放入该单位',
    args: { tenantId: t.arg.id({ required: true }), unitId: t.arg.id({ description: '该机构的在用单位；不填或为 null 表示取消默认导入单位' }) },
    resolve: (_r, a, ctx) => setDefaultImportUnit(commandContext(ctx), String(a.tenantId), a.unitId ? String(a.unitId) : null),
  }),
);
