import { GraphQLError } from 'graphql';
import { z } from 'zod';
import { builder, connectionType, decodeCursor, pageSize } from '../../graphql/builder.js';
import { authorize, badInput, forbidden, type Ctx } from '../../graphql/context.js';
import { dateText, oneOf, pattern, searchText, text } from '../../graphql/inputs.js';
import { decryptField, fieldKeys, keyedHash } from '../../crypto/fields.js';
import { asSubject } from '../../authz/abilities.js';
import { cadreReach } from '../../authz/reach.js';
import { Tenant } from '../tenants/schema.js';
import { Unit } from '../units/schema.js';
import type { TenantRow } from '../tenants/repo.js';
import type { UnitRow } from '../units/repo.js';
import { cadreKey, countCadres, findCadre, listCadres, listDeletedCadres, type CadreRow } from './repo.js';
import { BadCursor, decodeCadreCursor, encodeCadreCursor, type CadreKey } from './cursor.js';
import { normaliseQuery } from './search-terms.js';
import { editCadre } from '../inbox/commands.js';
import {
  cadreConflict, createCadre, deleteCadre, moveCadre, restoreCadre, setCadreStatus, updateCadre,
  type CreateCadreInput, type LifecycleResult, type UpdateCadreInput,
} from './commands.js';
import { commandContext } from '../command.js';
import { BASIC_FIELDS, basicSchema, CODE_FIELDS, codeOfValue, maskIdNumber, MONTH_RE, OPTIONAL_MONTH_RE, shownChangeValue, validIdNumber } from './fields.js';
import {
  listUnitMoves, type AppointmentRow, type CadreRevisionRow, type FamilyRow, type ResumeRow, type UnitMoveRow,
} from './rows.js';
import { photoLink } from './photo.js';
import { loaders } from '../../graphql/loaders.js';
import { codeTable } from '../codes/tables.js';

const Appointment = builder.objectRef<AppointmentRow>('Appointment').implement({
  description: '任免情况',
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.exposeString('kind', { description: '任职 | 免职' }),
    position: t.exposeString('position'),
    decidedOn: t.exposeString('decided_on', { description: 'YYYY-MM-DD' }),
    approver: t.exposeString('approver', { nullable: true, description: '批准机关' }),
    documentNo: t.exposeString('document_no', { nullable: true }),
  }),
});

const ResumeEntry = builder.objectRef<ResumeRow>('ResumeEntry').implement({
  description: '简历一行',
  fields: (t) => ({
    id: t.exposeID('id'),
    startMonth: t.exposeString('start_month', { description: 'YYYYMM' }),
    endMonth: t.exposeString('end_month', { nullable: true, description: 'YYYYMM；空为至今' }),
    content: t.exposeString('content'),
  }),
});

const FamilyMember = builder.objectRef<FamilyRow>('FamilyMember').implement({
  description: '家庭主要成员及重要社会关系',
  fields: (t) => ({
    id: t.exposeID('id'),
    relation: t.exposeString('relation', { description: '称谓' }),
    name: t.exposeString('name'),
    birthMonth: t.exposeString('birth_month', { nullable: true, description: 'YYYYMM' }),
    politicalStatus: t.exposeString('political_status', { nullable: true }),
    workPosition: t.exposeString('work_position', { nullable: true, description: '工作单位及职务' }),
  }),
});

const CadreChange = builder.objectRef<[string, [unknown, unknown]]>('CadreChange').implement({
  fields: (t) => ({
    label: t.string({ resolve: (c) => c[0] }),
    from: t.string({ nullable: true, resolve: (c) => (c[1][0] === null || c[1][0] === undefined ? null : shownChangeValue(c[0], String(c[1][0]))) }),
    to: t.string({ nullable: true, resolve: (c) => (c[1][1] === null || c[1][1] === undefined ? null : shownChangeValue(c[0], String(c[1][1]))) }),
  }),
});

const CadreUnitMove = builder.objectRef<UnitMoveRow>('CadreUnitMove').implement({
  description: '单位变动记录（新建时的单位没有调出单位）',
  fields: (t) => ({
    id: t.exposeID('id'),
    fromUnitId: t.exposeID('from_unit_id', { nullable: true }),
    fromUnitName: t.exposeString('from_unit_name', { nullable: true, description: '调出单位（当时的名称）' }),
    toUnitId: t.exposeID('to_unit_id', { nullable: true }),
    toUnitName: t.exposeString('to_unit_name', { description: '调入单位（当时的名称）' }),
    movedOn: t.exposeString('moved_on', { description: '变动日期 YYYY-MM-DD' }),
    actorName: t.exposeString('actor_name', { description: '经办人' }),
    at: t.field({ type: 'DateTime', resolve: (r) => r.at }),
  }),
});

const CadreRevision = builder.objectRef<CadreRevisionRow>('CadreRevision').implement({
  fields: (t) => ({
    version: t.exposeInt('version'),
    action: t.exposeString('action', { description: 'create | update | delete | restore' }),
    actorName: t.exposeString('actor_name'),
    reviewedBy: t.exposeString('reviewed_by_name', { nullable: true, description: '审核人：填报员提交、经纪检干部审核通过后生效的修改' }),
    at: t.field({ type: 'DateTime', resolve: (r) => r.at }),
    changes: t.field({ type: [CadreChange], resolve: (r) => Object.entries(r.changes ?? {}) }),
  }),
});

export const Cadre = builder.objectRef<CadreRow>('Cadre').implement({
  description: '干部（一人一档）',
  fields: (t) => ({
    id: t.exposeID('id'),
    ...Object.fromEntries(BASIC_FIELDS.map((f) => [f.name, f.kind === 'int'
      ? t.exposeInt(f.column as 'sort_order', { description: f.label })
      : t.string({
        nullable: (f.kind !== 'name' && f.column !== 'status') as true, description: f.lrmx ? `${f.label}（${f.lrmx}）` : f.label,
        // Text columns (the int one is exposed above), so String() leaves the value as it is.
        resolve: (r) => { const v = r[f.column]; return v === null ? null : String(v); },
      })])),
    // The stored codes beside the labels (statistics and other systems exchange codes): sexCode, ethnicityCode …
    ...Object.fromEntries(CODE_FIELDS.map((f) => [`${f.name}Code`, t.string({
      nullable: (f.column !== 'status') as true, description: `${f.label}代码（${codeTable(f.codes!).standard}）`,
      resolve: (r) => codeOfValue(f, r[f.column]),
    })])),
    version: t.exposeInt('version', { description: '版本号：修改基本信息时须带上，过期即拒绝' }),
    statusOn: t.exposeString('status_on', { nullable: true, description: '状态日期（YYYY-MM-DD）：状态自该日起' }),
    deleted: t.boolean({ description: '是否已删除（误建的干部，可恢复）', resolve: (r) => !!r.deleted_at }),
    deletedAt: t.field({ type: 'DateTime', nullable: true, resolve: (r) => r.deleted_at }),
    deletedByName: t.exposeString('deleted_by_name', { nullable: true, description: '删除人' }),
    unitHistory: t.field({
      type: [CadreUnitMove], description: '单位变动记录（新的在前）',
      resolve: (r, _a, ctx) => listUnitMoves(authorize(ctx, 'read', 'Cadre').trx, r.id),
    }),
    idNumber: t.string({
      nullable: true,
      description: '公民身份号码：纪检干部看到全文，其他角色看到脱敏值（只留前 6 位地区码）',
      resolve: (r, _a, ctx) => {
        if (!r.id_number_cipher) return null;
        const plain = decryptField(fieldKeys(ctx.config.fieldSecret), r.id_number_cipher);
        if (!plain) return null;
        return ctx.ability.can('reveal', 'Cadre') ? plain : maskIdNumber(plain);
      },
    }),
    photoUrl: t.string({
      nullable: true,
      description: '照片的短期下载地址（10 分钟内有效）；上传：PUT /api/cadres/{id}/photo（image/jpeg 或 image/png）',
      resolve: (r, _a, ctx) => (r.photo_key && ctx.principal ? photoLink(ctx.config.downloadKey, r.id, r.photo_key, ctx.principal) : null),
    }),
    idNumberMasked: t.boolean({ description: '身份证号是否已脱敏', resolve: (_r, _a, ctx) => !ctx.ability.can('reveal', 'Cadre') }),
    extra: t.string({ description: '导入的任免审批表中本版本未识别的元素（JSON）', resolve: (r) => JSON.stringify(r.extra ?? {}) }),
    appointments: t.field({
      type: [Appointment], description: '任免情况',
      resolve: (r, _a, ctx) => loaders(ctx).appointments.load(r.id),
    }),
    resume: t.field({ type: [ResumeEntry], description: '简历', resolve: (r, _a, ctx) => loaders(ctx).resume.load(r.id) }),
    family: t.field({ type: [FamilyMember], description: '家庭主要成员及重要社会关系', resolve: (r, _a, ctx) => loaders(ctx).family.load(r.id) }),
    history: t.field({
      type: [CadreRevision], description: '基本信息的变更历史（新的在前）',
      resolve: (r, _a, ctx) => loaders(ctx).cadreHistory.load(r.id),
    }),
    tenant: t.field({
      type: Tenant,
      resolve: (r): TenantRow => ({
        id: r.tenant_id, code: r.tenant_code, name: r.tenant_name, kind: r.tenant_kind, path: r.tenant_path,
        parent_id: r.tenant_parent_id, sort_order: r.tenant_sort_order, status: r.tenant_status,
        effective_status: r.tenant_effective_status,
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

const CadreConnection = connectionType('Cadre', Cadre, { estimates: true });

const CadreFilter = builder.inputType('CadreFilter', {
  fields: (t) => ({
    search: t.string({ description: '姓名、全拼或拼音首字母（多音字取全部读音）', validate: searchText }),
    tenantCode: t.string({ description: '机构代码（含下级）', validate: searchText }),
    unitId: t.id({ description: '单位（含下级单位）' }),
    idNumber: t.string({ description: '公民身份号码（精确匹配）：仅纪检干部可用，使用记入访问日志（号码只记脱敏值和密钥哈希）', validate: z.string().trim().toUpperCase().max(18, '公民身份号码无效') }),
  }),
});

builder.queryField('cadres', (t) =>
  t.field({
    extensions: { auditLabel: '查询干部列表' },
    type: CadreConnection,
    args: {
      first: t.arg.int({ description: '每页条数，最多 500' }),
      after: t.arg.string({ description: '从这一行之后读（某行的 cursor 或 pageInfo.endCursor；键集分页，任何一页都一样快）' }),
      offset: t.arg.int({ description: '从 0 起的行偏移（跳到某一页用，越靠后越慢），优先于 after' }),
      filter: t.arg({ type: CadreFilter }),
    },
    resolve: async (_r, args, ctx) => {
      const { trx, principal } = authorize(ctx, 'read', 'Cadre');
      const limit = pageSize(args.first);
      const search = Boolean(args.filter?.search && normaliseQuery(args.filter.search));
      const start = pageStart(ctx, args, search);
      const idNumber = args.filter?.idNumber || null;
      // Matching a number tests a guess: only those who see numbers in full (officers) may filter by one.
      if (idNumber && !ctx.ability.can('reveal', 'Cadre')) {
        ctx.audit.denied = true;
        throw new GraphQLError('只有纪检干部可以按公民身份号码查询干部', { extensions: { code: 'FORBIDDEN' } });
      }
      const idNumberHash = idNumber ? keyedHash(fieldKeys(ctx.config.fieldSecret), idNumber) : null;
      const filter = {
        search: args.filter?.search ?? null,
        tenantCode: args.filter?.tenantCode ?? null,
        unitId: args.filter?.unitId ? String(args.filter.unitId) : null,
        idNumberHash,
        reach: cadreReach(principal),
        scopePath: principal.tenantPath,
      };
      // One row more than the page tells whether another page follows.
      const [read, total] = await Promise.all([
        limit ? listCadres(trx, filter, limit + 1, start) : Promise.resolve([]),
        countCadres(trx, filter, ctx.config.exactCountLimit),
      ]);
      const rows = read.slice(0, limit);
      ctx.audit.touch(rows);
      if (idNumberHash) {
        // The audit row names the filter (keyed hash and region-only mask, never the number) and every cadre it
        // matched, also when only totalCount was asked for.
        ctx.audit.touch(await listCadres(trx, filter, 50));
        ctx.audit.targets.push({ type: 'IdNumberFilter', id: idNumberHash, name: `按公民身份号码查询（${validIdNumber(idNumber!) ? maskIdNumber(idNumber!) : '号码无效'}）` });
      }
      const cursor = (r: CadreRow) => encodeCadreCursor(ctx.config.cursorKey, cadreKey(r));
      return {
        totalCount: total.count,
        totalCountIsEstimate: total.estimate,
        edges: rows.map((node) => ({ cursor: cursor(node), node })),
        pageInfo: {
          hasNextPage: limit ? read.length > limit : total.count > (start.offset ?? 0),
          endCursor: rows.length ? cursor(rows[rows.length - 1]) : null,
        },
      };
    },
  }),
);

/**
 * Where the page starts: `offset` (page jumps) wins; else `after`, a keyset cursor (cursor.ts). A cursor that is not
 * ours is refused in words. Offset cursors of the earlier API ('o:<n>') still read as offsets.
 */
function pageStart(ctx: Ctx, args: { offset?: number | null; after?: string | null }, search: boolean): { offset?: number; after?: CadreKey } {
  if (args.offset !== null && args.offset !== undefined) return { offset: Math.max(0, Math.min(Math.trunc(args.offset), 1e9)) };
  if (!args.after) return {};
  const legacy = /^o:\d{1,9}$/.test(Buffer.from(args.after, 'base64url').toString()) && !args.after.includes('.');
  if (legacy) return { offset: decodeCursor(args.after) };
  try {
    return { after: decodeCadreCursor(ctx.config.cursorKey, args.after, search) };
  } catch (e) {
    if (e instanceof BadCursor) throw badInput(e.message);
    throw e;
  }
}

builder.queryField('cadre', (t) =>
  t.field({
    extensions: { auditLabel: '查看干部档案' },
    type: Cadre,
    nullable: true,
    description: '按 id 取干部；格式错误、不存在或不在可见范围内一律为 null',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_r, { id }, ctx) => {
      const { trx } = authorize(ctx, 'read', 'Cadre');
      const row = await findCadre(trx, String(id));
      // Outside the graded reach answers exactly like a missing record.
      if (!row || !canOn(ctx, 'read', row)) return null;
      ctx.audit.touch([row]);
      return row;
    },
  }),
);

const canOn = (ctx: Ctx, action: 'read' | 'update', row: CadreRow) => ctx.ability.can(action, asSubject('Cadre', { ...row }));

const basicInputs = (t: any, creating: boolean) => Object.fromEntries(BASIC_FIELDS.map((f) => {
  const description = f.kind === 'code' ? `${f.label}：${codeTable(f.codes!).title}的名称或代码` : f.label;
  const opts = { required: creating && f.kind === 'name', description, validate: basicSchema(f) };
  return [f.name, f.kind === 'int' ? t.int(opts) : t.string(opts)];
}));

const idNumberInput = z.string().trim().toUpperCase().refine((v) => v === '' || validIdNumber(v), '公民身份号码无效（18 位，校验码须符合 GB 11643）');

const AppointmentInput = builder.inputType('AppointmentInput', {
  fields: (t) => ({
    kind: t.string({ required: true, validate: oneOf(['任职', '免职'] as const, '任免类别须为「任职」或「免职」') }),
    position: t.string({ required: true, validate: text('职务', 200) }),
    decidedOn: t.string({ required: true, description: 'YYYY-MM-DD', validate: dateText('任免日期') }),
    approver: t.string({ validate: text('批准机关', 200, 0) }),
    documentNo: t.string({ validate: text('文号', 100, 0) }),
  }),
});
const ResumeInput = builder.inputType('ResumeInput', {
  fields: (t) => ({
    startMonth: t.string({ required: true, validate: pattern(MONTH_RE, '简历起始年月格式应为 YYYYMM') }),
    endMonth: t.string({ description: '空为至今', validate: pattern(OPTIONAL_MONTH_RE, '简历截止年月格式应为 YYYYMM') }),
    content: t.string({ required: true, validate: text('简历内容', 500) }),
  }),
});
const FamilyInput = builder.inputType('FamilyMemberInput', {
  fields: (t) => ({
    relation: t.string({ required: true, description: '称谓（GB/T 4761）', validate: text('称谓', 20) }),
    name: t.string({ required: true, validate: text('姓名', 50) }),
    birthMonth: t.string({ validate: pattern(OPTIONAL_MONTH_RE, '家庭成员出生年月格式应为 YYYYMM') }),
    politicalStatus: t.string({ validate: text('政治面貌', 40, 0) }),
    workPosition: t.string({ validate: text('工作单位及职务', 200, 0) }),
  }),
});
const rowList = (label: string) => z.array(z.unknown()).max(100, `${label}最多 100 行`);

const CadreInput = builder.inputType('CadreInput', {
  fields: (t) => ({
    ...basicInputs(t, true),
    unitId: t.id({ required: true }),
    idNumber: t.string({ description: '公民身份号码（18 位）', validate: idNumberInput }),
  }),
});

builder.mutationField('createCadre', (t) =>
  t.field({
    extensions: { auditLabel: '新增干部' },
    type: Cadre,
    args: { input: t.arg({ type: CadreInput, required: true }) },
    resolve: async (_r, { input }, ctx) => {
      authorize(ctx, 'create', 'Cadre');
      const res = await createCadre(commandContext(ctx), { ...input, unitId: String(input.unitId) } as CreateCadreInput);
      if (res.ok) return res.cadre;
      // A unit out of reach answers like a missing one (the matrix's N): its existence is not told.
      throw badInput('所选单位不存在，请从单位目录中选择');
    },
  }),
);

const CadrePatch = builder.inputType('CadrePatch', {
  description: '只改给出的项；可选文本给空串即清空；任免情况、简历、家庭成员给出时整体替换',
  fields: (t) => ({
    ...basicInputs(t, false),
    unitId: t.id(),
    idNumber: t.string({ description: '公民身份号码（18 位）；空串清除', validate: idNumberInput }),
    appointments: t.field({ type: [AppointmentInput], validate: rowList('任免情况') }),
    resume: t.field({ type: [ResumeInput], validate: rowList('简历') }),
    family: t.field({ type: [FamilyInput], validate: rowList('家庭成员') }),
  }),
});

builder.mutationField('updateCadre', (t) =>
  t.field({
    extensions: { auditLabel: '修改干部信息' },
    type: Cadre,
    nullable: true,
    description: '修改干部基本信息（version 须为所见版本，已被他人修改时拒绝：VERSION_CONFLICT）；不存在或不可见时为 null。纪检干部的修改直接生效；填报员的修改提交审核（返回的干部信息不变，openChange 为待审核的修改）',
    args: { id: t.arg.id({ required: true }), version: t.arg.int({ required: true }), input: t.arg({ type: CadrePatch, required: true }) },
    resolve: async (_r, { id, version, input }, ctx) => {
      authorize(ctx, 'update', 'Cadre');
      // A filler's edit becomes a change waiting for review (the cadre answers as it is; openChange shows it).
      const res = await editCadre(commandContext(ctx), String(id), version, { ...input, unitId: input.unitId ? String(input.unitId) : null } as UpdateCadreInput);
      if (res.ok) return res.cadre;
      if (res.reason === 'stale') throw await cadreConflict(commandContext(ctx), res.current);
      return null;
    },
  }),
);

// ---------- A cadre's life in the archive: move, status, deletion (docs/domain.md#cadre-lifecycle) ----------

/** A lifecycle command's answer: the cadre, or its refusal in words (a denial is recorded as such). */
function lifecycleAnswer(ctx: Ctx, res: LifecycleResult): CadreRow {
  if (res.ok) return res.cadre;
  if (res.reason === 'outOfReach') {
    ctx.audit.denied = true;
    throw new GraphQLError(res.message, { extensions: { code: 'FORBIDDEN' } });
  }
  throw new GraphQLError(res.message, { extensions: { code: res.reason === 'missing' ? 'NOT_FOUND' : 'BAD_USER_INPUT' } });
}

const STATUS_FIELD = BASIC_FIELDS.find((f) => f.column === 'status')!;

builder.mutationField('moveCadre', (t) =>
  t.field({
    extensions: { auditLabel: '调整干部单位' },
    type: Cadre,
    description: '把干部调整到本机构的另一个单位（记入单位变动记录和修改历史）',
    args: { id: t.arg.id({ required: true }), unitId: t.arg.id({ required: true, description: '目标单位：须属于干部所在的机构' }) },
    resolve: async (_r, { id, unitId }, ctx) => {
      authorize(ctx, 'update', 'Cadre');
      return lifecycleAnswer(ctx, await moveCadre(commandContext(ctx), String(id), String(unitId)));
    },
  }),
);

builder.mutationField('setCadreStatus', (t) =>
  t.field({
    extensions: { auditLabel: '修改干部状态' },
    type: Cadre,
    description: '修改干部状态（在职、退休、调离、去世……，名称或代码）及其日期（记入修改历史）',
    args: {
      id: t.arg.id({ required: true }),
      status: t.arg.string({ required: true, description: '干部状态的名称或代码', validate: basicSchema(STATUS_FIELD) }),
      on: t.arg.string({ required: true, description: '状态日期 YYYY-MM-DD', validate: dateText('状态日期') }),
    },
    resolve: async (_r, { id, status, on }, ctx) => {
      authorize(ctx, 'update', 'Cadre');
      if (!status) throw badInput('请选择干部状态');
      return lifecycleAnswer(ctx, await setCadreStatus(commandContext(ctx), String(id), status, on));
    },
  }),
);

builder.mutationField('deleteCadre', (t) =>
  t.field({
    extensions: { auditLabel: '删除干部' },
    type: Cadre,
    description: '删除误建的干部（仅纪检干部；可恢复：从列表、搜索和统计中隐去）',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_r, { id }, ctx) => {
      if (!ctx.ability.can('delete', 'Cadre')) throw forbiddenWith(ctx, '只有纪检干部可以删除干部');
      authorize(ctx, 'delete', 'Cadre');
      return lifecycleAnswer(ctx, await deleteCadre(commandContext(ctx), String(id)));
    },
  }),
);

builder.mutationField('restoreCadre', (t) =>
  t.field({
    extensions: { auditLabel: '恢复已删除的干部' },
    type: Cadre,
    description: '恢复已删除的干部（仅纪检干部）',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_r, { id }, ctx) => {
      if (!ctx.ability.can('restore', 'Cadre')) throw forbiddenWith(ctx, '只有纪检干部可以恢复干部');
      authorize(ctx, 'restore', 'Cadre');
      return lifecycleAnswer(ctx, await restoreCadre(commandContext(ctx), String(id)));
    },
  }),
);

builder.queryField('deletedCadres', (t) =>
  t.field({
    extensions: { auditLabel: '查看已删除干部' },
    type: [Cadre],
    description: '已删除的干部（仅纪检干部；最近删除的在前，最多 500 名）',
    resolve: async (_r, _a, ctx) => {
      const { trx } = authorize(ctx, 'restore', 'Cadre');
      const rows = await listDeletedCadres(trx, 500);
      ctx.audit.touch(rows);
      return rows;
    },
  }),
);

/** A denial with its own words (recorded as a denial). */
function forbiddenWith(ctx: Ctx, message: string) {
  const e = forbidden(ctx);
  return new GraphQLError(message, { extensions: e.extensions });
}
