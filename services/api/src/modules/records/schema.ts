// GraphQL for the twelve categories: an ArchiveRecord interface with one typed object per category, typed inputs
// derived from the category spec, and the commands create / update (optimistic lock) / review / delete / restore.
import { z } from 'zod';
import { builder, connection, connectionType, pageOffset, pageSize } from '../../graphql/builder.js';
import { authorize } from '../../graphql/context.js';
import { dateText, intIn, oneOf, text } from '../../graphql/inputs.js';
import { loaders } from '../../graphql/loaders.js';
import { RESTRICTED_CATEGORIES } from '../../authz/abilities.js';
import { hiddenCategories, recordReach } from '../../authz/reach.js';
import type { Principal } from '../../auth/principal.js';
import { Cadre } from '../cadres/schema.js';
import type { CadreRow } from '../cadres/repo.js';
import {
  CATEGORIES, categoryById, enumOption, STATUS_LABELS, type CategorySpec, type FieldSpec,
} from './categories.js';
import {
  countRecords, listRecords, type MaterialItem, type MaterialRow, type RecordFilter, type RecordRow, type RevisionRow,
} from './repo.js';
import { createRecord, deleteRecord, recordTarget, restoreRecord, reviewRecord, updateRecord } from './commands.js';
import { commandContext } from '../command.js';

const pascal = (s: string) => s[0].toUpperCase() + s.slice(1);

// ---------- Output ----------

const Material = builder.objectRef<MaterialRow>('RecordMaterial').implement({
  description: '材料目录条目',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name', { description: '名称' }),
    formedOn: t.exposeString('formed_on', { nullable: true, description: '形成时间 YYYY-MM-DD' }),
    pages: t.exposeInt('pages', { nullable: true, description: '页数' }),
  }),
});

const ACTION_LABELS: Record<string, string> = { create: '录入', update: '修改', accept: '审核通过', return: '退回', delete: '删除', restore: '恢复' };

const Change = builder.objectRef<{ field: string; label: string; from: unknown; to: unknown }>('RecordChange').implement({
  fields: (t) => ({
    field: t.exposeString('field'),
    label: t.exposeString('label'),
    from: t.string({ nullable: true, resolve: (c) => (c.from === null || c.from === undefined ? null : String(c.from)) }),
    to: t.string({ nullable: true, resolve: (c) => (c.to === null || c.to === undefined ? null : String(c.to)) }),
  }),
});

const Revision = builder.objectRef<RevisionRow & { category: number }>('RecordRevision').implement({
  description: '记录的一次变更',
  fields: (t) => ({
    version: t.exposeInt('version', { description: '变更后的版本号' }),
    action: t.exposeString('action', { description: 'create | update | accept | return | delete | restore' }),
    actionLabel: t.string({ resolve: (r) => ACTION_LABELS[r.action] ?? r.action }),
    actorName: t.exposeString('actor_name'),
    at: t.field({ type: 'DateTime', resolve: (r) => r.at }),
    reason: t.exposeString('reason', { nullable: true }),
    changes: t.field({
      type: [Change],
      resolve: (r) => {
        const labels = new Map(categoryById.get(r.category)?.fields.map((fd) => [fd.name, fd.label]) ?? []);
        labels.set('materials', '材料目录');
        return Object.entries(r.changes ?? {}).map(([field, [from, to]]) => ({ field, label: labels.get(field) ?? field, from, to }));
      },
    }),
  }),
});

const CadreRef = builder.objectRef<RecordRow>('RecordCadre').implement({
  fields: (t) => ({ id: t.exposeID('cadre_id'), name: t.exposeString('cadre_name') }),
});

export const ArchiveRecord = builder.interfaceRef<RecordRow>('ArchiveRecord').implement({
  description: '廉政档案的一条记录（十二类之一）',
  resolveType: (r) => `${pascal(categoryById.get(r.category)!.key)}Record`,
  fields: (t) => ({
    id: t.exposeID('id'),
    category: t.exposeInt('category', { description: '类别 1–12' }),
    categoryTitle: t.string({ resolve: (r) => categoryById.get(r.category)!.title }),
    status: t.exposeString('status', { description: 'pending 待审核 | accepted 已审核 | returned 已退回' }),
    statusLabel: t.string({ resolve: (r) => STATUS_LABELS[r.status] ?? r.status }),
    returnReason: t.exposeString('return_reason', { nullable: true, description: '退回理由' }),
    version: t.exposeInt('version', { description: '版本号：修改、审核、删除时须带上，过期即拒绝' }),
    enteredBy: t.exposeString('entered_by_name', { description: '录入人' }),
    enteredAt: t.field({ type: 'DateTime', resolve: (r) => r.entered_at }),
    reviewedBy: t.exposeString('reviewed_by_name', { nullable: true, description: '审核人' }),
    reviewedAt: t.field({ type: 'DateTime', nullable: true, resolve: (r) => r.reviewed_at }),
    updatedBy: t.exposeString('updated_by_name', { nullable: true }),
    updatedAt: t.field({ type: 'DateTime', resolve: (r) => r.updated_at }),
    deleted: t.boolean({ resolve: (r) => !!r.deleted_at }),
    deletedAt: t.field({ type: 'DateTime', nullable: true, resolve: (r) => r.deleted_at }),
    deletedBy: t.exposeString('deleted_by_name', { nullable: true }),
    cadre: t.field({ type: CadreRef, resolve: (r) => r }),
    materials: t.field({
      type: [Material],
      description: '材料目录',
      // Lists read the catalogue with the records (repo.ts listRecords); a single record loads it here.
      resolve: (r, _a, ctx) => r.materials ?? loaders(ctx).materials.load(r.id),
    }),
    history: t.field({
      type: [Revision],
      description: '变更历史（新的在前）',
      resolve: async (r, _a, ctx) => (await loaders(ctx).recordHistory.load(r.id)).map((v) => ({ ...v, category: r.category })),
    }),
  }),
});

function fieldOutput(t: any, fd: FieldSpec) {
  const opts = { nullable: !fd.required, description: fd.label, resolve: (r: RecordRow) => r.fields[fd.name] ?? null };
  if (fd.type === 'year' || fd.type === 'int') return t.int(opts);
  if (fd.type === 'bool') return t.boolean(opts);
  return t.string(opts);
}

for (const cat of CATEGORIES) {
  builder.objectRef<RecordRow>(`${pascal(cat.key)}Record`).implement({
    description: `${cat.id}. ${cat.title}`,
    interfaces: [ArchiveRecord],
    isTypeOf: (r) => (r as RecordRow).category === cat.id,
    fields: (t) => Object.fromEntries(cat.fields.map((fd) => [fd.name, fieldOutput(t, fd)])),
  });
}

// ---------- Input ----------

const decimalText = (label: string, intDigits: number) => z.union([z.string(), z.number()]).transform((v) => String(v).trim())
  .pipe(z.string().regex(new RegExp(`^\\d{1,${intDigits}}(\\.\\d{1,2})?$`), `${label}须为不小于 0 的数，最多两位小数`));

/** An enum value: an option's label (as users see it) or its code; the label goes on (the repo stores the code). */
const enumInput = (fd: FieldSpec) => z.string().transform((v, c) => enumOption(fd, v)?.label
  ?? (c.addIssue({ code: 'custom', message: `${fd.label}须为「${fd.options!.map((o) => o.label).join('、')}」之一` }), z.NEVER));

/** The zod check of one field's value (present values only; requiredness is the GraphQL type's). */
function fieldSchema(fd: FieldSpec): z.ZodType {
  switch (fd.type) {
    case 'date': return dateText(fd.label);
    case 'year': return intIn(fd.label, 1949, 2100);
    case 'int': return intIn(fd.label, 0, 1_000_000);
    case 'text': case 'longtext': return text(fd.label, fd.max ?? (fd.type === 'text' ? 200 : 4000));
    case 'enum': return enumInput(fd);
    case 'money': return decimalText(fd.label, 12);
    case 'decimal': return decimalText(fd.label, 5);
    case 'bool': return z.boolean();
  }
}

function fieldInput(t: any, fd: FieldSpec) {
  const opts = { required: !!fd.required && !fd.derived, description: fd.label, validate: fieldSchema(fd) };
  if (fd.type === 'year' || fd.type === 'int') return t.int(opts);
  if (fd.type === 'bool') return t.boolean(opts);
  return t.string(opts);
}

const categoryInputs = new Map(CATEGORIES.map((cat) => [cat.id, builder.inputType(`${pascal(cat.key)}Input`, {
  description: `${cat.id}. ${cat.title}`,
  fields: (t) => Object.fromEntries(cat.fields.map((fd) => [fd.name, fieldInput(t, fd)])),
})]));

const RecordFieldsInput = builder.inputType('RecordFieldsInput', {
  description: '记录的字段：只填与类别对应的一项（如类别 2 填 gift）',
  fields: (t) => Object.fromEntries(CATEGORIES.map((cat) => [cat.key, t.field({ type: categoryInputs.get(cat.id)!, description: `类别 ${cat.id}：${cat.short}` })])),
});

const MaterialInput = builder.inputType('RecordMaterialInput', {
  fields: (t) => ({
    id: t.id({ description: '已有条目的编号：原位修改并保留其扫描件；不填为新增条目' }),
    name: t.string({ required: true, validate: text('材料名称', 200) }),
    formedOn: t.string({ validate: dateText('形成时间') }),
    pages: t.int({ validate: intIn('页数', 0, 100_000) }),
  }),
});
const materialsArg = z.array(z.unknown()).max(200, '材料目录最多 200 条');
/** The catalogue input as repo items (ids as strings). */
const materialItems = (input: readonly { id?: string | number | null; name: string; formedOn?: string | null; pages?: number | null }[] | null | undefined): MaterialItem[] =>
  (input ?? []).map((m) => ({ id: m.id == null ? null : String(m.id), name: m.name, formedOn: m.formedOn ?? null, pages: m.pages ?? null }));

// ---------- Access ----------

/** What a principal's lists of records are limited to, beyond RLS (authz/reach.ts). */
function reachFilter(p: Principal): Pick<RecordFilter, 'reach'> {
  return { reach: recordReach(p) };
}

// ---------- Queries ----------

builder.objectField(Cadre, 'records', (t) =>
  t.field({
    type: [ArchiveRecord],
    description: '该干部的档案记录；不给类别时为全部可见类别。填报员看不到第 8、9 类',
    args: {
      category: t.arg.int({ validate: intIn('类别', 1, 12) }),
      includeDeleted: t.arg.boolean({ description: '含已删除（纪检干部恢复用）' }),
    },
    resolve: async (c: CadreRow, args, ctx) => {
      const { principal } = authorize(ctx, 'read', 'ArchiveRecord');
      return loaders(ctx).records({
        category: args.category ?? null, includeDeleted: !!args.includeDeleted && ctx.ability.can('restore', 'ArchiveRecord'),
        ...reachFilter(principal),
      }).load(c.id);
    },
  }),
);

builder.queryField('record', (t) =>
  t.field({
    extensions: { auditLabel: '查看档案记录' },
    type: ArchiveRecord,
    nullable: true,
    description: '按 id 取记录；格式错误、不存在或不在可见范围内一律为 null',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, args, ctx) => recordTarget(commandContext(ctx), 'read', String(args.id)),
  }),
);

const RecordConnection = connectionType('ArchiveRecord', ArchiveRecord);

builder.queryField('reviewQueue', (t) =>
  t.field({
    extensions: { auditLabel: '查看待审核记录' },
    type: RecordConnection,
    description: '待审核的记录（纪检干部），先录入的在前',
    args: {
      first: t.arg.int(), offset: t.arg.int(), after: t.arg.string(),
      category: t.arg.int({ validate: intIn('类别', 1, 12) }),
      status: t.arg.string({ description: 'pending（默认）| returned', validate: oneOf(['pending', 'returned'], '状态须为 pending 或 returned') }),
    },
    resolve: async (_r, args, ctx) => {
      const { trx, principal } = authorize(ctx, 'review', 'ArchiveRecord');
      const f: RecordFilter = { category: args.category, status: args.status ?? 'pending', ...reachFilter(principal) };
      const limit = pageSize(args.first);
      const offset = pageOffset(args);
      const [rows, total] = await Promise.all([limit ? listRecords(trx, f, limit, offset, 'oldest') : [], countRecords(trx, f)]);
      ctx.audit.touch(rows.map((r) => ({ id: r.cadre_id, name: r.cadre_name })));
      return connection(rows, offset, total);
    },
  }),
);

// ---------- Mutations ----------

builder.mutationField('createRecord', (t) =>
  t.field({
    extensions: { auditLabel: '新增档案记录' },
    type: ArchiveRecord,
    nullable: true,
    description: '录入一条记录。纪检干部录入的直接为已审核，填报员录入的为待审核；干部不存在或不可见时为 null',
    args: {
      cadreId: t.arg.id({ required: true }),
      category: t.arg.int({ required: true, validate: intIn('类别', 1, 12) }),
      fields: t.arg({ type: RecordFieldsInput, required: true }),
      materials: t.arg({ type: [MaterialInput], validate: materialsArg }),
    },
    resolve: (_r, args, ctx) => createRecord(commandContext(ctx), {
      cadreId: String(args.cadreId), category: args.category, fields: args.fields as Record<string, unknown>, materials: materialItems(args.materials),
    }),
  }),
);

builder.mutationField('updateRecord', (t) =>
  t.field({
    extensions: { auditLabel: '修改档案记录' },
    type: ArchiveRecord,
    nullable: true,
    description: '修改记录（整体替换字段与材料目录）。version 须为所见版本，已被他人修改时拒绝（VERSION_CONFLICT），不丢失任何内容。填报员修改后回到待审核',
    args: {
      id: t.arg.id({ required: true }),
      version: t.arg.int({ required: true }),
      fields: t.arg({ type: RecordFieldsInput, required: true }),
      materials: t.arg({ type: [MaterialInput], validate: materialsArg }),
    },
    resolve: (_r, args, ctx) => updateRecord(commandContext(ctx), {
      id: String(args.id), version: args.version, fields: args.fields as Record<string, unknown>, materials: args.materials ? materialItems(args.materials) : null,
    }),
  }),
);

builder.mutationField('reviewRecord', (t) =>
  t.field({
    extensions: { auditLabel: '审核档案记录' },
    type: ArchiveRecord,
    nullable: true,
    description: '审核（纪检干部）：accept 通过，return 退回（须写明理由）',
    args: {
      id: t.arg.id({ required: true }),
      version: t.arg.int({ required: true }),
      decision: t.arg.string({ required: true, description: 'accept | return' }).validate(oneOf(['accept', 'return'] as const, '审核结论须为 accept 或 return')),
      reason: t.arg.string({ validate: text('退回理由', 500) }),
    },
    resolve: (_r, args, ctx) => reviewRecord(commandContext(ctx), {
      id: String(args.id), version: args.version, decision: args.decision, reason: args.reason,
    }),
  }),
);

builder.mutationField('deleteRecord', (t) =>
  t.field({
    extensions: { auditLabel: '删除档案记录' },
    type: ArchiveRecord,
    nullable: true,
    description: '删除记录（纪检干部；可恢复）',
    args: { id: t.arg.id({ required: true }), version: t.arg.int({ required: true }) },
    resolve: (_r, args, ctx) => deleteRecord(commandContext(ctx), { id: String(args.id), version: args.version }),
  }),
);

builder.mutationField('restoreRecord', (t) =>
  t.field({
    extensions: { auditLabel: '恢复档案记录' },
    type: ArchiveRecord,
    nullable: true,
    description: '恢复已删除的记录（纪检干部）',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, args, ctx) => restoreRecord(commandContext(ctx), { id: String(args.id) }),
  }),
);

const CategoryField = builder.objectRef<FieldSpec>('RecordFieldSpec').implement({
  fields: (t) => ({
    name: t.exposeString('name'),
    label: t.exposeString('label'),
    type: t.exposeString('type', { description: 'date | year | text | longtext | enum | money | decimal | int | bool' }),
    required: t.boolean({ resolve: (f) => !!f.required && !f.derived }),
    options: t.stringList({ nullable: true, resolve: (f) => f.options?.map((o) => o.label) ?? null }),
    max: t.exposeInt('max', { nullable: true }),
    wide: t.boolean({ resolve: (f) => !!f.wide }),
    derived: t.boolean({ description: '留空时由服务器按规则填写（如四种形态、影响期）', resolve: (f) => !!f.derived || f.name === 'influenceMonths' }),
  }),
});

const Category = builder.objectRef<CategorySpec>('RecordCategory').implement({
  description: '档案类别及其表单字段',
  fields: (t) => ({
    id: t.exposeInt('id'),
    key: t.exposeString('key', { description: 'RecordFieldsInput 中对应的字段名' }),
    title: t.exposeString('title'),
    short: t.exposeString('short'),
    dateField: t.exposeString('dateField', { description: '记录归档所依据的日期字段（列表按其排序）' }),
    restricted: t.boolean({ description: '填报员不可见（第 8、9 类）', resolve: (c) => RESTRICTED_CATEGORIES.includes(c.id) }),
    fields: t.field({ type: [CategoryField], resolve: (c) => c.fields }),
  }),
});

builder.queryField('recordCategories', (t) =>
  t.field({
    extensions: { auditLabel: '查看档案类别' },
    type: [Category],
    description: '调用者可见的档案类别及表单定义',
    resolve: (_r, _a, ctx) => {
      const { principal } = authorize(ctx, 'read', 'ArchiveRecord');
      const hidden = hiddenCategories(principal);
      return CATEGORIES.filter((c) => !hidden.includes(c.id));
    },
  }),
);
