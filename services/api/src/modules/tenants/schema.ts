import { z } from 'zod';
import { builder } from '../../graphql/builder.js';
import { intIn, oneOf, pattern } from '../../graphql/inputs.js';
import { authorize } from '../../graphql/context.js';
import { loaders } from '../../graphql/loaders.js';
import { listTenants, TENANT_CODE_RE, TENANT_KINDS, type TenantKind, type TenantRow } from './repo.js';
import { createTenant, moveTenant, setTenantStatus, updateTenant } from './commands.js';
import { commandContext } from '../command.js';
import { nameReading } from '../cadres/search-terms.js';

export const Tenant = builder.objectRef<TenantRow>('Tenant');
Tenant.implement({
  description: '机构：一个纪检监察机关（省、市、县区纪委监委，派驻组，巡察机构，企业、院校纪委）',
  fields: (t) => ({
    id: t.exposeID('id'),
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    pinyin: t.stringList({
      description: '名称的读音：每字一个拼音音节（无声调，非汉字为空串），供目录筛选按全拼或首字母查找',
      resolve: (r) => nameReading(r.name),
    }),
    kind: t.exposeString('kind'),
    kindLabel: t.string({ resolve: (r) => TENANT_KINDS[r.kind as TenantKind] ?? r.kind }),
    path: t.exposeString('path'),
    parentId: t.exposeID('parent_id', { nullable: true }),
    sortOrder: t.exposeInt('sort_order'),
    status: t.exposeString('status', { description: 'active 或 suspended（本级设置）' }),
    effectiveStatus: t.exposeString('effective_status', { description: '本级或任一上级暂停时为 suspended' }),
    parent: t.field({
      type: Tenant,
      nullable: true,
      description: '上级机构；不在调用者可见范围内时为 null',
      resolve: async (r, _a, ctx) => (r.parent_id ? loaders(ctx).tenant.load(r.parent_id) : null),
    }),
  }),
});

builder.queryField('tenants', (t) =>
  t.field({
    extensions: { auditLabel: '查看机构列表' },
    type: [Tenant],
    description: '调用者可见的机构（本级及下级）',
    resolve: async (_r, _a, ctx) => listTenants(authorize(ctx, 'read', 'Tenant').trx),
  }),
);

const NAME_RE = /^[\p{Script=Han}A-Za-z0-9（）()·\-、 ]{2,60}$/u;
const tenantName = pattern(NAME_RE, '名称须为 2–60 个汉字、字母或数字');
const sortOrder = intIn('排序号', 0, 1_000_000);
const KIND_CODES = Object.keys(TENANT_KINDS) as TenantKind[];

const TenantInput = builder.inputType('TenantInput', {
  fields: (t) => ({
    parentId: t.id({ required: true, description: '上级机构' }),
    code: t.string({
      required: true,
      description: '代码：以上级机构代码加「-」开头（只填后半部分时自动补上），小写字母、数字和连字符，全局唯一，用作登录名前缀，创建后不可改',
      validate: z.string().trim().toLowerCase().max(60, '代码最长 60 位').regex(TENANT_CODE_RE, '代码须为小写字母、数字，可用连字符分隔，最长 40 位'),
    }),
    name: t.string({ required: true, validate: tenantName }),
    kind: t.string({ required: true, description: KIND_CODES.join(' | '), validate: oneOf(KIND_CODES, '机构类型无效') }),
    sortOrder: t.int({ validate: sortOrder }),
  }),
});

builder.mutationField('createTenant', (t) =>
  t.field({
    extensions: { auditLabel: '新建机构' },
    type: Tenant,
    nullable: true,
    description: '在可见的上级机构下新建下级机构；上级不存在或不可见时为 null',
    args: { input: t.arg({ type: TenantInput, required: true }) },
    resolve: (_r, { input }, ctx) => createTenant(commandContext(ctx), {
      parentId: String(input.parentId), code: input.code, name: input.name, kind: input.kind as TenantKind, sortOrder: input.sortOrder,
    }),
  }),
);

builder.mutationField('updateTenant', (t) =>
  t.field({
    extensions: { auditLabel: '修改机构' },
    type: Tenant,
    nullable: true,
    description: '重命名或调整排序号（下级机构）；不存在或不可见时为 null',
    args: { id: t.arg.id({ required: true }), name: t.arg.string({ validate: tenantName }), sortOrder: t.arg.int({ validate: sortOrder }) },
    resolve: (_r, args, ctx) => updateTenant(commandContext(ctx), { id: String(args.id), name: args.name, sortOrder: args.sortOrder }),
  }),
);

builder.mutationField('moveTenant', (t) =>
  t.field({
    extensions: { auditLabel: '调整机构上级' },
    type: Tenant,
    nullable: true,
    description: '调整上级（整棵子树随之移动）；机构或新上级不存在、不可见时为 null',
    args: { id: t.arg.id({ required: true }), parentId: t.arg.id({ required: true }) },
    resolve: (_r, args, ctx) => moveTenant(commandContext(ctx), { id: String(args.id), parentId: String(args.parentId) }),
  }),
);

builder.mutationField('setTenantStatus', (t) =>
  t.field({
    extensions: { auditLabel: '暂停或恢复机构' },
    type: Tenant,
    nullable: true,
    description: '暂停（连同全部下级，并结束其在线会话）或恢复下级机构；不存在或不可见时为 null',
    args: {
      id: t.arg.id({ required: true }),
      status: t.arg.string({ required: true, description: 'active | suspended' })
        .validate(oneOf(['active', 'suspended'] as const, '状态须为 active 或 suspended')),
    },
    resolve: (_r, args, ctx) => setTenantStatus(commandContext(ctx), { id: String(args.id), status: args.status }),
  }),
);
