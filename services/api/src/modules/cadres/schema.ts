import { builder, connection, connectionType, decodeCursor, pageSize } from '../../graphql/builder.js';
import { authorize, badInput } from '../../graphql/context.js';
import { isUuid } from '../../db/scope.js';
import { Tenant } from '../tenants/schema.js';
import { Unit } from '../units/schema.js';
import type { TenantRow } from '../tenants/repo.js';
import type { UnitRow } from '../units/repo.js';
import { countCadres, findCadre, insertCadre, listCadres, updateCadre, type CadreRow } from './repo.js';

export const Cadre = builder.objectRef<CadreRow>('Cadre').implement({
  description: '干部（一人一档）',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    sex: t.exposeString('sex', { nullable: true }),
    birthMonth: t.exposeString('birth_month', { nullable: true, description: 'YYYYMM' }),
    ethnicity: t.exposeString('ethnicity', { nullable: true }),
    nativePlace: t.exposeString('native_place', { nullable: true }),
    partyJoin: t.exposeString('party_join', { nullable: true }),
    workStart: t.exposeString('work_start', { nullable: true }),
    education: t.exposeString('education', { nullable: true }),
    position: t.exposeString('position', { nullable: true }),
    rank: t.exposeString('rank', { nullable: true }),
    status: t.exposeString('status'),
    sortOrder: t.exposeInt('sort_order'),
    tenant: t.field({
      type: Tenant,
      resolve: (r): TenantRow => ({
        id: r.tenant_id, code: r.tenant_code, name: r.tenant_name, kind: r.tenant_kind, path: r.tenant_path,
        parent_id: r.tenant_parent_id, sort_order: r.tenant_sort_order, status: r.tenant_status,
      }),
    }),
    unit: t.field({
      type: Unit,
      resolve: (r): UnitRow => ({
        id: r.unit_id, tenant_id: r.tenant_id, parent_id: r.unit_parent_id, name: r.unit_name,
        sort_order: r.unit_sort_order, cadre_count: 0,
      }),
    }),
  }),
});

const CadreConnection = connectionType('Cadre', Cadre);

const CadreFilter = builder.inputType('CadreFilter', {
  fields: (t) => ({
    search: t.string({ description: '姓名、全拼或拼音首字母（多音字取全部读音）' }),
    tenantCode: t.string({ description: '租户代码（含下级）' }),
    unitId: t.id({ description: '单位（含下级单位）' }),
  }),
});

builder.queryField('cadres', (t) =>
  t.field({
    type: CadreConnection,
    args: {
      first: t.arg.int({ description: '每页条数，最多 500' }),
      after: t.arg.string(),
      offset: t.arg.int({ description: '从 0 起的行偏移（页码分页用），优先于 after' }),
      filter: t.arg({ type: CadreFilter }),
    },
    resolve: async (_r, args, ctx) => {
      const { trx } = authorize(ctx, 'read', 'Cadre');
      const limit = pageSize(args.first);
      const offset = args.offset !== null && args.offset !== undefined ? Math.max(0, Math.min(args.offset, 1e9)) : decodeCursor(args.after);
      const filter = {
        search: args.filter?.search ?? null,
        tenantCode: args.filter?.tenantCode ?? null,
        unitId: args.filter?.unitId ? String(args.filter.unitId) : null,
      };
      const [rows, total] = await Promise.all([
        limit ? listCadres(trx, filter, limit, offset) : Promise.resolve([]),
        countCadres(trx, filter),
      ]);
      ctx.audit.touch(rows.map((r) => r.id));
      return connection(rows, offset, total);
    },
  }),
);

builder.queryField('cadre', (t) =>
  t.field({
    type: Cadre,
    nullable: true,
    description: '按 id 取干部；格式错误、不存在或不在可见范围内一律为 null',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_r, { id }, ctx) => {
      const { trx } = authorize(ctx, 'read', 'Cadre');
      const row = await findCadre(trx, String(id));
      if (row) ctx.audit.touch([row.id]);
      return row;
    },
  }),
);

const BIRTH_MONTH = /^(19|20)\d{2}(0[1-9]|1[0-2])$/;

const CadreInput = builder.inputType('CadreInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    unitId: t.id({ required: true }),
    sex: t.string(),
    birthMonth: t.string({ description: 'YYYYMM' }),
    ethnicity: t.string(),
    nativePlace: t.string(),
    education: t.string(),
    position: t.string(),
    rank: t.string(),
    sortOrder: t.int(),
  }),
});

function validate(i: { name?: string | null; birthMonth?: string | null }) {
  if (i.name !== undefined && i.name !== null && !/^[\p{Script=Han}·A-Za-z]{1,50}$/u.test(i.name.trim())) {
    throw badInput('姓名须为 1–50 个汉字或字母');
  }
  if (i.birthMonth && !BIRTH_MONTH.test(i.birthMonth)) throw badInput('出生年月格式应为 YYYYMM，如 197503');
}

builder.mutationField('createCadre', (t) =>
  t.field({
    type: Cadre,
    args: { input: t.arg({ type: CadreInput, required: true }) },
    resolve: async (_r, { input }, ctx) => {
      const { trx } = authorize(ctx, 'create', 'Cadre');
      validate(input);
      const id = await insertCadre(trx, { ...input, name: input.name.trim(), unitId: String(input.unitId) });
      if (!id) throw badInput('单位不存在');
      ctx.audit.touch([id]);
      return (await findCadre(trx, id))!;
    },
  }),
);

const CadrePatch = builder.inputType('CadrePatch', {
  fields: (t) => ({
    name: t.string(),
    unitId: t.id(),
    sex: t.string(),
    birthMonth: t.string(),
    ethnicity: t.string(),
    nativePlace: t.string(),
    education: t.string(),
    position: t.string(),
    rank: t.string(),
    status: t.string(),
    sortOrder: t.int(),
  }),
});

builder.mutationField('updateCadre', (t) =>
  t.field({
    type: Cadre,
    nullable: true,
    description: '修改干部基本信息；不存在或不可见时为 null',
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: CadrePatch, required: true }) },
    resolve: async (_r, { id, input }, ctx) => {
      const { trx } = authorize(ctx, 'update', 'Cadre');
      validate(input);
      if (!isUuid(String(id))) return null;
      const patch = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== null && v !== undefined));
      if (input.unitId) patch.unitId = String(input.unitId);
      const ok = await updateCadre(trx, String(id), patch as never);
      if (!ok) return null;
      ctx.audit.touch([String(id)]);
      return findCadre(trx, String(id));
    },
  }),
);
