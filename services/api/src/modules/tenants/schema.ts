import { builder } from '../../graphql/builder.js';
import { authorize, session } from '../../graphql/context.js';
import { findTenant, listTenants, TENANT_KINDS, type TenantRow } from './repo.js';

export const Tenant = builder.objectRef<TenantRow>('Tenant');
Tenant.implement({
  description: '租户：一个纪检监察机关（省、市、县区纪委监委，派驻组，巡察机构，企业、院校纪委）',
  fields: (t) => ({
    id: t.exposeID('id'),
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    kind: t.exposeString('kind'),
    kindLabel: t.string({ resolve: (r) => TENANT_KINDS[r.kind as keyof typeof TENANT_KINDS] ?? r.kind }),
    path: t.exposeString('path'),
    sortOrder: t.exposeInt('sort_order'),
    status: t.exposeString('status'),
    parent: t.field({
      type: Tenant,
      nullable: true,
      description: '上级租户；不在调用者可见范围内时为 null',
      resolve: async (r, _a, ctx) => (r.parent_id ? findTenant(session(ctx).trx, r.parent_id) : null),
    }),
  }),
});

builder.queryField('tenants', (t) =>
  t.field({
    type: [Tenant],
    description: '调用者可见的租户（本级及下级）',
    resolve: async (_r, _a, ctx) => listTenants(authorize(ctx, 'read', 'Tenant').trx),
  }),
);
