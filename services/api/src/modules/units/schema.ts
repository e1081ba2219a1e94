import { searchText } from '../../graphql/inputs.js';
import { builder } from '../../graphql/builder.js';
import { authorize } from '../../graphql/context.js';
import { loaders } from '../../graphql/loaders.js';
import { unitReach } from '../../authz/reach.js';
import { findTenantByCode } from '../tenants/repo.js';
import { Tenant } from '../tenants/schema.js';
import { nameReading } from '../cadres/search-terms.js';
import { listUnits, type UnitRow } from './repo.js';

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
    description: '可见单位；给出 tenantCode 时只列该租户的单位；给出 search 时只列名称含该文字、或全拼/首字母（从名称任一字起）以它开头的单位',
    args: { tenantCode: t.arg.string({ validate: searchText }), search: t.arg.string({ validate: searchText }) },
    resolve: async (_r, { tenantCode, search }, ctx) => {
      const { trx, principal } = authorize(ctx, 'read', 'Unit');
      const reach = unitReach(principal, 'u');
      let tenantId: string | undefined;
      if (tenantCode) {
        const tn = await findTenantByCode(trx, tenantCode);
        if (!tn) return [];
        tenantId = tn.id;
      }
      return listUnits(trx, { tenantId, reach, search });
    },
  }),
);
