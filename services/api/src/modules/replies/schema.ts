// GraphQL of 廉政审查情况复函 (docs/replies.md): requests with their cadres' drafts, pasted-line resolution, settings, and
// the commands. Resolvers only parse input and call commands.ts.
import { z } from 'zod';
import { builder, connection, connectionType, pageOffset, pageSize } from '../../graphql/builder.js';
import { authorize, type Ctx } from '../../graphql/context.js';
import { perRequestMemo } from '../../graphql/memo.js';
import { dateText, idList, text } from '../../graphql/inputs.js';
import { commandContext } from '../command.js';
import {
  REPLY_MAX_CADRES, REPLY_PURPOSE_LABELS, conclusionText, replyStatusLabel, type ReplyPurpose,
} from '../../../../../shared/replies.js';
import { measureLabel } from '../warnings/read.js';
import {
  answerReplyRequest, createReplyRequest, deleteReplyRequest, redraftReplyRequest, issueReplyRequest, replySettings, returnReplyPart, replyTarget, resolveReplyLines, updateReplyItem,
  updateReplySettings, type LineMatch, type ReplySettings,
} from './commands.js';
import { countReplyRequests, itemsOf, listReplyRequests, partsOf, type ReplyItemRow, type ReplyRequestRow } from './repo.js';
import type { ReplyFact } from './draft.js';

// ---------- Output ----------

const Fact = builder.objectRef<ReplyFact>('ReplyFact').implement({
  description: '复函依据的一条记录',
  fields: (t) => ({
    recordId: t.exposeID('recordId'),
    category: t.exposeInt('category', { description: '档案类别（8 问题线索，10 处理处分）' }),
    text: t.exposeString('text'),
    effect: t.exposeString('effect', { nullable: true, description: 'bars 影响期内、不宜 | case 立案审查调查中 | defers 线索办理中、暂缓 | null 仅列明' }),
    decisive: t.boolean({ resolve: (f) => f.effect !== null }),
  }),
});

const ItemCadre = builder.objectRef<ReplyItemRow>('ReplyItemCadre').implement({
  fields: (t) => ({
    id: t.exposeID('cadre_id'),
    name: t.exposeString('cadre_name'),
    position: t.exposeString('cadre_position', { nullable: true }),
    unitId: t.exposeID('unit_id'),
    unitName: t.exposeString('unit_name'),
  }),
});

type ItemOut = ReplyItemRow & { request: ReplyRequestRow };

const Item = builder.objectRef<ItemOut>('ReplyItem').implement({
  description: '复函中一名干部：结论、依据的事实、系统起草的文字和修改后的文字',
  fields: (t) => ({
    cadre: t.field({ type: ItemCadre, resolve: (i) => i }),
    conclusion: t.exposeString('conclusion', { description: 'no_objection 不持异议 | defer 建议暂缓 | unsuitable 不宜作为拟…人选' }),
    conclusionLabel: t.string({ resolve: (i) => conclusionText(i.conclusion, i.request.purpose, i.request.purpose_text) }),
    facts: t.field({ type: [Fact], resolve: (i) => i.facts }),
    draft: t.exposeString('draft', { description: '系统依据档案起草的文字' }),
    editedText: t.exposeString('edited_text', { nullable: true, description: '纪检干部修改后的文字（null：未修改）' }),
    text: t.string({ description: '签发时使用的文字（修改后的，否则起草的）', resolve: (i) => i.edited_text ?? i.draft }),
    editedBy: t.exposeString('edited_by_name', { nullable: true }),
    editedAt: t.field({ type: 'DateTime', nullable: true, resolve: (i) => i.edited_at }),
    recordId: t.exposeID('record_id', { nullable: true, description: '签发后写入该干部档案第七类的记录' }),
    tenantName: t.exposeString('tenant_name', { description: '干部所在机构（下级机构的干部由其答复）' }),
    partId: t.exposeID('part_id', { nullable: true, description: '答复该干部的下级机构分件（null：本机构的干部）' }),
    partStatus: t.exposeString('part_status', { nullable: true, description: '分件状态：draft 待答复 | answered 已答复 | issued 已签发' }),
    editable: t.boolean({
      description: '本机构此时可修改其文字（本机构的干部，复函或分件未签发、未答复）',
      resolve: (i) => !i.part_id && i.request.status === 'draft',
    }),
  }),
});

/** Per request: a reply's cadres, read once whatever asks for them. */
const itemMemo = perRequestMemo<ReplyItemRow[]>();
function items(ctx: Ctx, r: ReplyRequestRow): Promise<ReplyItemRow[]> {
  const { trx } = authorize(ctx, 'read', 'ReplyRequest');
  return itemMemo(ctx, r.id, () => itemsOf(trx, r.tenant_id, [r.id]).then((x) => x.get(r.id) ?? []));
}

const Part = builder.objectRef<ReplyRequestRow>('ReplyPart').implement({
  description: '复函的分件：下级机构答复其所管干部的部分',
  fields: (t) => ({
    id: t.exposeID('id'),
    tenantName: t.exposeString('tenant_name', { description: '答复机构' }),
    status: t.exposeString('status', { description: 'draft 待答复 | answered 已答复 | issued 已签发' }),
    statusLabel: t.string({ resolve: (r) => replyStatusLabel(r.status, true) }),
    cadreCount: t.exposeInt('item_count'),
    unsuitableCount: t.exposeInt('unsuitable_count'),
    deferCount: t.exposeInt('defer_count'),
    answeredBy: t.exposeString('answered_by_name', { nullable: true }),
    answeredAt: t.field({ type: 'DateTime', nullable: true, resolve: (r) => r.answered_at }),
    returnedReason: t.exposeString('returned_reason', { nullable: true, description: '上次退回的理由' }),
    returnedBy: t.exposeString('returned_by_name', { nullable: true }),
    returnedAt: t.field({ type: 'DateTime', nullable: true, resolve: (r) => r.returned_at }),
  }),
});

export const ReplyRequest = builder.objectRef<ReplyRequestRow>('ReplyRequest').implement({
  description: '廉政审查情况复函（征求意见及答复）',
  fields: (t) => ({
    id: t.exposeID('id'),
    status: t.exposeString('status', { description: 'draft 待签发（分件：待答复） | answered 已答复（分件） | issued 已签发' }),
    statusLabel: t.string({ resolve: (r) => replyStatusLabel(r.status, !!r.parent_id) }),
    requester: t.exposeString('requester', { description: '征求意见单位' }),
    letterNo: t.exposeString('letter_no', { nullable: true, description: '来函文号' }),
    purpose: t.exposeString('purpose', { description: '征求事由编码（selection …）' }),
    purposeLabel: t.string({ description: '征求事由（选拔任用 …；其他时为所填事由）', resolve: (r) => (r.purpose === 'other' && r.purpose_text ? r.purpose_text : REPLY_PURPOSE_LABELS[r.purpose]) }),
    asOf: t.exposeString('as_of', { description: '回复日期（依据该日的档案情况） YYYY-MM-DD' }),
    docNumber: t.exposeString('doc_number', { nullable: true, description: '复函文号（签发后），如 昆纪廉复〔2026〕3号' }),
    issuer: t.exposeString('issuer', { nullable: true }),
    version: t.exposeInt('version'),
    createdBy: t.exposeString('created_by_name'),
    createdAt: t.field({ type: 'DateTime', resolve: (r) => r.created_at }),
    issuedBy: t.exposeString('issued_by_name', { nullable: true }),
    issuedAt: t.field({ type: 'DateTime', nullable: true, resolve: (r) => r.issued_at }),
    cadreCount: t.exposeInt('item_count'),
    unsuitableCount: t.exposeInt('unsuitable_count'),
    deferCount: t.exposeInt('defer_count'),
    items: t.field({ type: [Item], resolve: async (r, _a, ctx) => (await items(ctx, r)).map((i) => ({ ...i, request: r })) }),
    // Across tenants (docs/replies.md#parts).
    isPart: t.boolean({ description: '上级机构转来、由本机构答复其所管干部的分件', resolve: (r) => !!r.parent_id }),
    forwardedBy: t.exposeString('parent_issuer', { nullable: true, description: '转来征求意见的上级机构（分件）' }),
    answeredBy: t.exposeString('answered_by_name', { nullable: true }),
    answeredAt: t.field({ type: 'DateTime', nullable: true, resolve: (r) => r.answered_at }),
    returnedReason: t.exposeString('returned_reason', { nullable: true, description: '上级机构退回的理由（分件）' }),
    returnedBy: t.exposeString('returned_by_name', { nullable: true }),
    returnedAt: t.field({ type: 'DateTime', nullable: true, resolve: (r) => r.returned_at }),
    partCount: t.exposeInt('part_count', { description: '由下级机构答复的分件数' }),
    openPartCount: t.exposeInt('open_part_count', { description: '尚未答复的分件数' }),
    parts: t.field({
      type: [Part], description: '各下级机构的分件及其答复情况',
      resolve: (r, _a, ctx) => {
        const { trx } = authorize(ctx, 'read', 'ReplyRequest');
        return r.part_count ? partsOf(trx, r.tenant_id, r.id) : [];
      },
    }),
  }),
});

const ReplyRequestConnection = connectionType('ReplyRequest', ReplyRequest);

const LineCadre = builder.objectRef<LineMatch['cadres'][number]>('ReplyLineCadre').implement({
  fields: (t) => ({
    id: t.exposeID('id'), name: t.exposeString('name'), unitName: t.exposeString('unitName'),
    tenantName: t.exposeString('tenantName', { description: '所在机构（下级机构的干部由其答复）' }), position: t.exposeString('position', { nullable: true }),
    sex: t.exposeString('sex', { nullable: true }), birthMonth: t.exposeString('birthMonth', { nullable: true, description: '出生年月 YYYY-MM' }),
  }),
});
const LineMatchRef = builder.objectRef<LineMatch>('ReplyLineMatch').implement({
  description: '粘贴的一行（姓名或身份证号）及其对应的干部：无（未找到）、一名，或多名（重名，须选择）',
  fields: (t) => ({ line: t.exposeString('line'), cadres: t.field({ type: [LineCadre], resolve: (m) => m.cadres }) }),
});

const MeasureRule = builder.objectRef<{ measure: string; purposes: string[] }>('ReplyMeasureRule').implement({
  description: '某种处理（处分）影响期内「不宜」的事由（代替通用设置）',
  fields: (t) => ({
    measure: t.exposeString('measure', { description: '处理（处分）种类编码' }),
    measureLabel: t.string({ resolve: (r) => measureLabel(r.measure) }),
    purposes: t.exposeStringList('purposes'),
    purposeLabels: t.stringList({ resolve: (r) => r.purposes.map((p) => REPLY_PURPOSE_LABELS[p as ReplyPurpose] ?? p) }),
  }),
});

const MeasureRuleInput = builder.inputType('ReplyMeasureRuleInput', {
  fields: (t) => ({
    measure: t.string({ required: true, description: '处理（处分）种类：名称（诫勉 …）或编码', validate: text('处理（处分）种类', 20) }),
    purposes: t.stringList({ required: true, description: '影响期内「不宜」的事由（可为空：仅列明）', validate: z.array(z.string().max(20)).max(6) }),
  }),
});

const Settings = builder.objectRef<ReplySettings>('ReplySettings').implement({
  description: '复函设置：文号前缀；处于影响期内的处理处分对哪些征求事由「不宜」',
  fields: (t) => ({
    numberPrefix: t.exposeString('numberPrefix'),
    ownPrefix: t.exposeBoolean('ownPrefix'),
    barredPurposes: t.exposeStringList('barredPurposes'),
    barredPurposeLabels: t.stringList({ resolve: (s) => s.barredPurposes.map((p) => REPLY_PURPOSE_LABELS[p]) }),
    ownBarred: t.exposeBoolean('ownBarred'),
    measureRules: t.field({
      type: [MeasureRule],
      resolve: (s) => Object.entries(s.measurePurposes).map(([measure, purposes]) => ({ measure, purposes })),
    }),
  }),
});

// ---------- Queries ----------

builder.queryField('replyRequests', (t) =>
  t.field({
    extensions: { auditLabel: '查看复函台账' },
    type: ReplyRequestConnection,
    description: '本机构的廉政审查情况复函（纪检干部、领导），新建的在前',
    args: { first: t.arg.int(), offset: t.arg.int(), after: t.arg.string() },
    resolve: async (_r, args, ctx) => {
      const { trx, principal } = authorize(ctx, 'read', 'ReplyRequest');
      const limit = pageSize(args.first);
      const offset = pageOffset(args);
      const [rows, total] = await Promise.all([
        limit ? listReplyRequests(trx, principal.tenantId, limit, offset) : [], countReplyRequests(trx, principal.tenantId),
      ]);
      return connection(rows, offset, total);
    },
  }),
);

builder.queryField('replyRequest', (t) =>
  t.field({
    extensions: { auditLabel: '查看复函' },
    type: ReplyRequest,
    nullable: true,
    description: '一件复函；格式错误、不存在或不属于本机构一律为 null',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_r, args, ctx) => {
      const c = commandContext(ctx);
      const row = await replyTarget(c, 'read', String(args.id));
      if (row) c.audit.touch((await items(ctx, row)).map((i) => ({ id: i.cadre_id, name: i.cadre_name })));
      return row;
    },
  }),
);

builder.queryField('replyCadreLines', (t) =>
  t.field({
    extensions: { auditLabel: '按姓名或身份证号查找复函干部' },
    type: [LineMatchRef],
    description: '粘贴的姓名或身份证号（每行一个）对应的本机构及下级机构干部，用于新建复函',
    args: { lines: t.arg.stringList({ required: true, validate: z.array(z.string().max(60, '每行最长 60 个字符')).max(REPLY_MAX_CADRES, `一次最多 ${REPLY_MAX_CADRES} 行`) }) },
    resolve: (_r, args, ctx) => resolveReplyLines(commandContext(ctx), args.lines),
  }),
);

builder.queryField('replySettings', (t) =>
  t.field({
    extensions: { auditLabel: '查看复函设置' },
    type: Settings,
    description: '本机构的复函设置',
    resolve: (_r, _a, ctx) => replySettings(commandContext(ctx)),
  }),
);

// ---------- Mutations ----------

const CreateInput = builder.inputType('CreateReplyRequestInput', {
  fields: (t) => ({
    requester: t.string({ required: true, description: '征求意见单位', validate: text('征求意见单位', 200) }),
    letterNo: t.string({ description: '来函文号', validate: text('来函文号', 100, 0) }),
    purpose: t.string({ required: true, description: '征求事由：选拔任用、表彰奖励、职级晋升、交流任职、评先评优、其他（或编码）', validate: text('征求事由', 20) }),
    purposeText: t.string({ description: '其他事由的文字', validate: text('事由', 60, 0) }),
    asOf: t.string({ description: '回复日期，默认今天', validate: dateText('回复日期') }),
    cadreIds: t.idList({ required: true, validate: idList('干部', REPLY_MAX_CADRES) }),
  }),
});

builder.mutationField('createReplyRequest', (t) =>
  t.field({
    extensions: { auditLabel: '新建复函' },
    type: ReplyRequest,
    description: '新建廉政审查情况复函（纪检干部）：依据回复日期的档案为每名干部起草结论和文字',
    args: { input: t.arg({ type: CreateInput, required: true }) },
    resolve: (_r, { input }, ctx) => createReplyRequest(commandContext(ctx), {
      requester: input.requester, letterNo: input.letterNo, purpose: input.purpose, purposeText: input.purposeText, asOf: input.asOf,
      cadreIds: input.cadreIds.map(String),
    }),
  }),
);

builder.mutationField('updateReplyItem', (t) =>
  t.field({
    extensions: { auditLabel: '修改复函内容' },
    type: ReplyRequest,
    description: '修改一名干部的复函文字（签发前）；text 为空恢复系统起草的文字',
    args: {
      requestId: t.arg.id({ required: true }), cadreId: t.arg.id({ required: true }),
      text: t.arg.string({ validate: text('复函内容', 4000, 0) }), version: t.arg.int(),
    },
    resolve: (_r, args, ctx) => updateReplyItem(commandContext(ctx), {
      requestId: String(args.requestId), cadreId: String(args.cadreId), text: args.text, version: args.version,
    }),
  }),
);

builder.mutationField('redraftReplyRequest', (t) =>
  t.field({
    extensions: { auditLabel: '重新起草复函' },
    type: ReplyRequest,
    description: '依据当前档案、按原回复日期重新起草本机构干部的结论和文字（签发或答复前）；修改过的文字保留',
    args: { id: t.arg.id({ required: true }), version: t.arg.int() },
    resolve: (_r, args, ctx) => redraftReplyRequest(commandContext(ctx), { id: String(args.id), version: args.version }),
  }),
);

builder.mutationField('issueReplyRequest', (t) =>
  t.field({
    extensions: { auditLabel: '签发复函' },
    type: ReplyRequest,
    description: '签发复函（纪检干部）：编文号，并在每名干部档案第七类（党风廉政意见回复情况）写入记录',
    args: { id: t.arg.id({ required: true }), version: t.arg.int() },
    resolve: (_r, args, ctx) => issueReplyRequest(commandContext(ctx), { id: String(args.id), version: args.version }),
  }),
);

builder.mutationField('answerReplyRequest', (t) =>
  t.field({
    extensions: { auditLabel: '答复上级转来的复函' },
    type: ReplyRequest,
    description: '答复上级机构转来的征求意见（纪检干部）：本机构所管干部的结论和文字交上级机构汇总签发',
    args: { id: t.arg.id({ required: true }), version: t.arg.int() },
    resolve: (_r, args, ctx) => answerReplyRequest(commandContext(ctx), { id: String(args.id), version: args.version }),
  }),
);

builder.mutationField('returnReplyPart', (t) =>
  t.field({
    extensions: { auditLabel: '退回下级机构的复函答复' },
    type: ReplyRequest,
    description: '把下级机构已答复的分件退回重办（纪检干部，签发前），返回本机构的复函',
    args: { id: t.arg.id({ required: true, description: '分件 id（ReplyRequest.parts.id）' }), reason: t.arg.string({ required: true, validate: text('退回理由', 500) }) },
    resolve: (_r, args, ctx) => returnReplyPart(commandContext(ctx), { id: String(args.id), reason: args.reason }),
  }),
);

builder.mutationField('deleteReplyRequest', (t) =>
  t.field({
    extensions: { auditLabel: '删除复函草稿' },
    type: 'Boolean',
    description: '删除未签发的复函',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, args, ctx) => deleteReplyRequest(commandContext(ctx), { id: String(args.id) }),
  }),
);

builder.mutationField('updateReplySettings', (t) =>
  t.field({
    extensions: { auditLabel: '修改复函设置' },
    type: Settings,
    description: '修改本机构的复函设置（纪检干部）。numberPrefix 传空字符串、barredPurposes 传 null 恢复默认',
    args: {
      numberPrefix: t.arg.string({ validate: z.string().trim().refine((v) => v === '' || /^[\u4e00-\u9fffA-Za-z0-9]{1,12}$/.test(v), '文号前缀须为 1–12 个汉字、字母或数字') }),
      barredPurposes: t.arg.stringList({ validate: z.array(z.string().max(20)).max(6) }),
      measureRules: t.arg({ type: [MeasureRuleInput], description: '按处理（处分）种类的例外（整体替换；null 或空清除）', validate: z.array(z.unknown()).max(30, '例外过多') }),
    },
    resolve: (_r, args, ctx) => updateReplySettings(commandContext(ctx), {
      numberPrefix: args.numberPrefix === undefined ? undefined : args.numberPrefix,
      barredPurposes: args.barredPurposes === undefined ? undefined : args.barredPurposes,
      measureRules: args.measureRules === undefined ? undefined : args.measureRules,
    }),
  }),
);

