// GraphQL for 预警处置与整改 (docs/dispositions.md): the ledger, one case (一案一卷: warning snapshot, notice,
// rectification rounds, review), a cadre's cases, a filler's rectification tasks, the template, and the commands.
// Resolvers only parse input and call commands.ts. Fillers never see a colour, a rule or the warning snapshot.
import { z } from 'zod';
import { builder, connection, connectionType, pageOffset, pageSize } from '../../graphql/builder.js';
import { authorize } from '../../graphql/context.js';
import { perRequestMemo } from '../../graphql/memo.js';
import { dateText, idList, intIn, text } from '../../graphql/inputs.js';
import type { Ctx } from '../../graphql/context.js';
import { cadreReach } from '../../authz/reach.js';
import { Cadre } from '../cadres/schema.js';
import type { CadreRow } from '../cadres/repo.js';
import { commandContext } from '../command.js';
import {
  DISPOSITION_STATUS_LABELS, OPEN_STATUSES, REVIEW_DECISION_LABELS, dispositionStatus, reviewDecision, type DispositionStatus,
} from '../../../../../shared/dispositions.js';
import {
  attachmentsOf, countDispositions, listDispositions, rectificationsOf, type AttachmentRow, type DispositionFilter, type DispositionRow,
  type RectificationRow, type WarningSnapshot,
} from './repo.js';
import {
  closeDisposition, dispositionTarget, today, dispositionTemplate, issueDisposition, reviewRectification, submitRectification,
  updateDisposition, updateDispositionTemplate,
} from './commands.js';
import type { KindTemplate, ResolvedTemplate } from './template.js';

/** Whether the caller may see colours, rules and the warning snapshot (not a filler). */
const seesWarnings = (ctx: Ctx) => ctx.principal?.role !== 'filler';

// ---------- Output ----------

const RuleRef = builder.objectRef<{ code: string; name: string; version: number }>('DispositionRule').implement({
  fields: (t) => ({ code: t.exposeString('code'), name: t.exposeString('name'), version: t.exposeInt('version') }),
});

const RecordRef = builder.objectRef<{ id: string }>('DispositionWarningRecord').implement({
  fields: (t) => ({ id: t.exposeID('id') }),
});

const Warning = builder.objectRef<WarningSnapshot>('DispositionWarning').implement({
  description: '发文时该干部的预警（快照）：颜色、规则（编码、名称、版本）、情形、触发的记录',
  fields: (t) => ({
    colour: t.exposeString('level', { description: '等级编码（red、orange …）' }),
    colourName: t.exposeString('levelName', { description: '等级名称（红、橙 …）' }),
    colourHex: t.string({ nullable: true, resolve: (w) => w.levelHex ?? null }),
    rule: t.field({ type: RuleRef, resolve: (w) => w.rule }),
    rules: t.field({ type: [RuleRef], resolve: (w) => w.rules ?? [w.rule] }),
    reasons: t.stringList({ resolve: (w) => w.reasons }),
    records: t.field({ type: [RecordRef], resolve: (w) => w.recordIds.map((id) => ({ id })) }),
    asOf: t.exposeString('asOf', { description: '快照日期（发文日期）' }),
  }),
});

const Attachment = builder.objectRef<AttachmentRow>('DispositionAttachment').implement({
  description: '整改材料附件（下载：GET /api/dispositions/:id/attachments/:attachmentId）',
  fields: (t) => ({
    id: t.exposeID('id'),
    filename: t.exposeString('filename'),
    contentType: t.exposeString('content_type'),
    size: t.exposeInt('size_bytes'),
    uploadedBy: t.exposeString('uploaded_by_name'),
    uploadedAt: t.field({ type: 'DateTime', resolve: (a) => a.uploaded_at }),
    submitted: t.boolean({ description: '已随整改情况提交', resolve: (a) => !!a.rectification_id }),
  }),
});

const Rectification = builder.objectRef<RectificationRow & { attachments: AttachmentRow[] }>('Rectification').implement({
  description: '一轮整改情况报告及其审核',
  fields: (t) => ({
    id: t.exposeID('id'),
    round: t.exposeInt('round', { description: '第几轮（退回后再次提交为下一轮）' }),
    text: t.exposeString('content'),
    submittedBy: t.exposeString('submitted_by_name'),
    submittedAt: t.field({ type: 'DateTime', resolve: (r) => r.submitted_at }),
    decision: t.exposeString('decision', { nullable: true, description: 'accepted 通过 | returned 退回；null：待审核' }),
    decisionLabel: t.string({ nullable: true, resolve: (r) => (r.decision ? REVIEW_DECISION_LABELS[r.decision] : null) }),
    comment: t.exposeString('review_comment', { nullable: true }),
    reviewedBy: t.exposeString('reviewed_by_name', { nullable: true }),
    reviewedAt: t.field({ type: 'DateTime', nullable: true, resolve: (r) => r.reviewed_at }),
    attachments: t.field({ type: [Attachment], resolve: (r) => r.attachments }),
  }),
});

const DispositionCadre = builder.objectRef<DispositionRow>('DispositionCadre').implement({
  fields: (t) => ({
    id: t.exposeID('cadre_id'),
    name: t.exposeString('cadre_name'),
    position: t.exposeString('cadre_position', { nullable: true }),
    unitId: t.exposeID('unit_id'),
    unitName: t.exposeString('unit_name'),
    tenantCode: t.exposeString('tenant_code'),
    tenantName: t.exposeString('tenant_name'),
  }),
});

/** Per request: a disposition's rounds and attachments, read once whatever asks for them. */
const partsMemo = perRequestMemo<{ rounds: Map<string, RectificationRow[]>; files: Map<string, AttachmentRow[]> }>();
function partsOf(ctx: Ctx, d: DispositionRow) {
  const { trx } = authorize(ctx, 'read', 'Disposition');
  return partsMemo(ctx, d.id, () => Promise.all([rectificationsOf(trx, [d.id]), attachmentsOf(trx, [d.id])]).then(([rounds, files]) => ({ rounds, files })));
}

export const Disposition = builder.objectRef<DispositionRow>('Disposition').implement({
  description: '预警处置（一案一卷）：处置通知书、整改情况、审核',
  fields: (t) => ({
    id: t.exposeID('id'),
    docNumber: t.exposeString('doc_number', { description: '文号，如 昆纪预〔2026〕3号' }),
    kind: t.exposeString('kind', { description: '处置方式编码（reminder、admonish、accountability …）' }),
    title: t.exposeString('title', { description: '处置方式（警示提醒、警示诫勉书、警示追究书 …）' }),
    colour: t.string({ nullable: true, description: '所对应的预警等级编码（填报员不可见）', resolve: (d, _a, ctx) => (seesWarnings(ctx) ? d.level : null) }),
    issuer: t.exposeString('issuer', { description: '发文机关' }),
    issuedOn: t.exposeString('issued_on', { description: '发文日期 YYYY-MM-DD' }),
    dueOn: t.exposeString('due_on', { description: '整改期限 YYYY-MM-DD（按工作日计算）' }),
    rectifyWorkingDays: t.exposeInt('rectify_working_days', { description: '整改期限的工作日数' }),
    status: t.exposeString('status', { description: 'pending 待整改 | submitted 已提交 | returned 已退回 | accepted 已通过 | closed 已结案' }),
    statusLabel: t.string({ resolve: (d) => DISPOSITION_STATUS_LABELS[d.status] }),
    acceptedOn: t.exposeString('accepted_on', { nullable: true }),
    body: t.exposeString('body', { description: '通知书正文' }),
    requirements: t.exposeString('requirements', { description: '整改要求' }),
    version: t.exposeInt('version'),
    issuedBy: t.exposeString('issued_by_name'),
    createdAt: t.field({ type: 'DateTime', resolve: (d) => d.created_at }),
    updatedAt: t.field({ type: 'DateTime', resolve: (d) => d.updated_at }),
    closedBy: t.exposeString('closed_by_name', { nullable: true }),
    closedAt: t.field({ type: 'DateTime', nullable: true, resolve: (d) => d.closed_at }),
    closeNote: t.exposeString('close_note', { nullable: true }),
    cadre: t.field({ type: DispositionCadre, resolve: (d) => d }),
    warning: t.field({
      type: Warning, nullable: true, description: '发文时的预警快照（填报员不可见；发文时无预警为 null）',
      resolve: (d, _a, ctx) => (seesWarnings(ctx) ? d.warning : null),
    }),
    rectifications: t.field({
      type: [Rectification], description: '整改情况（按轮次）',
      resolve: async (d, _a, ctx) => {
        const { rounds, files } = await partsOf(ctx, d);
        const all = files.get(d.id) ?? [];
        return (rounds.get(d.id) ?? []).map((r) => ({ ...r, attachments: all.filter((a) => a.rectification_id === r.id) }));
      },
    }),
    attachments: t.field({
      type: [Attachment], description: '全部附件（含尚未提交的）',
      resolve: async (d, _a, ctx) => (await partsOf(ctx, d)).files.get(d.id) ?? [],
    }),
    overdue: t.boolean({
      description: '截至 asOf（默认今天）已过整改期限且未通过',
      args: { asOf: t.arg.string({ validate: dateText('日期') }) },
      resolve: (d, args) => ['pending', 'submitted', 'returned'].includes(d.status) && (args.asOf ?? today()) > d.due_on,
    }),
  }),
});

const DispositionConnection = connectionType('Disposition', Disposition);

const KindTemplateRef = builder.objectRef<KindTemplate>('DispositionKindTemplate').implement({
  fields: (t) => ({
    kind: t.exposeString('kind'),
    colour: t.exposeString('level', { nullable: true, description: '对应的预警等级编码' }),
    title: t.exposeString('title'),
    rectifyWorkingDays: t.exposeInt('rectifyWorkingDays'),
    body: t.exposeString('body', { description: '正文模板，可用 {姓名} {单位} {职务} {预警情形} {整改期限} {发文机关}' }),
    requirements: t.exposeString('requirements'),
    source: t.exposeString('source', { description: 'own 本机构设置 | inherited 继承上级 | default 系统默认' }),
  }),
});

const Template = builder.objectRef<ResolvedTemplate>('DispositionTemplate').implement({
  description: '处置文书模板：发文机关、文号前缀、各处置方式的正文与整改要求',
  fields: (t) => ({
    issuer: t.exposeString('issuer'),
    numberPrefix: t.exposeString('numberPrefix', { description: '文号前缀，如 昆纪预（文号为 昆纪预〔2026〕3号）' }),
    ownIssuer: t.exposeBoolean('ownIssuer'),
    ownPrefix: t.exposeBoolean('ownPrefix'),
    version: t.exposeInt('version'),
    kinds: t.field({ type: [KindTemplateRef], resolve: (x) => x.kinds }),
  }),
});

// ---------- Input ----------

const statusList = z.array(z.string()).max(5).transform((v, c) => v.map((s) => dispositionStatus(s)
  ?? (c.addIssue({ code: 'custom', message: `状态须为「${Object.values(DISPOSITION_STATUS_LABELS).join('、')}」之一` }), z.NEVER)));
const decisionArg = z.string().transform((v, c) => reviewDecision(v) ?? (c.addIssue({ code: 'custom', message: '审核结论须为「通过」或「退回」' }), z.NEVER));

// ---------- Queries ----------

function ledgerFilter(ctx: Ctx, args: { status?: DispositionStatus[] | null; kind?: string | null; unitId?: string | number | null; tenantCode?: string | null; cadreId?: string | number | null }): DispositionFilter {
  const { principal } = authorize(ctx, 'read', 'Disposition');
  return {
    statuses: args.status ?? null, kind: args.kind ?? null, unitId: args.unitId == null ? null : String(args.unitId),
    tenantCode: args.tenantCode ?? null, cadreId: args.cadreId == null ? null : String(args.cadreId), reach: cadreReach(principal),
  };
}

async function page(ctx: Ctx, f: DispositionFilter, args: { first?: number | null; offset?: number | null; after?: string | null }, order: 'ledger' | 'due' = 'ledger') {
  const { trx } = authorize(ctx, 'read', 'Disposition');
  const limit = pageSize(args.first);
  const offset = pageOffset(args);
  const [rows, total] = await Promise.all([limit ? listDispositions(trx, f, limit, offset, order) : [], countDispositions(trx, f)]);
  ctx.audit.touch(rows.map((r) => ({ id: r.cadre_id, name: r.cadre_name })));
  return connection(rows, offset, total);
}

builder.queryField('dispositions', (t) =>
  t.field({
    extensions: { auditLabel: '查看预警处置台账' },
    type: DispositionConnection,
    description: '预警处置台账（纪检干部、领导），按发文日期新的在前',
    args: {
      status: t.arg.stringList({ description: '状态：编码或中文（待整改、已提交、已退回、已通过、已结案）', validate: statusList }),
      kind: t.arg.string({ description: '处置方式编码或名称', validate: text('处置方式', 40) }),
      unitId: t.arg.id(), tenantCode: t.arg.string({ validate: text('机构编码', 60) }), cadreId: t.arg.id(),
      first: t.arg.int(), offset: t.arg.int(), after: t.arg.string(),
    },
    resolve: async (_r, args, ctx) => {
      authorize(ctx, 'export', 'Disposition');
      let kind = args.kind ?? null;
      if (kind) {
        const tpl = await dispositionTemplate(commandContext(ctx));
        kind = tpl?.kinds.find((k) => k.kind === kind || k.title === kind)?.kind ?? kind;
      }
      return page(ctx, ledgerFilter(ctx, { ...args, status: args.status as DispositionStatus[] | null, kind }), args);
    },
  }),
);

builder.queryField('rectificationTasks', (t) =>
  t.field({
    extensions: { auditLabel: '查看整改任务' },
    type: DispositionConnection,
    description: '整改任务：填报员为本单位干部的处置，默认未通过的（待整改、已提交、已退回），期限近的在前',
    args: {
      status: t.arg.stringList({ validate: statusList }),
      first: t.arg.int(), offset: t.arg.int(), after: t.arg.string(),
    },
    resolve: async (_r, args, ctx) => {
      authorize(ctx, 'rectify', 'Disposition');
      return page(ctx, ledgerFilter(ctx, { status: (args.status as DispositionStatus[] | null) ?? OPEN_STATUSES }), args, 'due');
    },
  }),
);

builder.queryField('disposition', (t) =>
  t.field({
    extensions: { auditLabel: '查看预警处置' },
    type: Disposition,
    nullable: true,
    description: '一件处置（一案一卷）；格式错误、不存在或不在可见范围内一律为 null',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, args, ctx) => dispositionTarget(commandContext(ctx), 'read', String(args.id)),
  }),
);

builder.objectField(Cadre, 'dispositions', (t) =>
  t.field({
    type: [Disposition],
    description: '该干部的预警处置（新的在前）',
    resolve: async (c: CadreRow, _a, ctx) => {
      const { trx, principal } = authorize(ctx, 'read', 'Disposition');
      return listDispositions(trx, { cadreId: c.id, reach: cadreReach(principal) }, 200, 0);
    },
  }),
);

builder.queryField('dispositionTemplate', (t) =>
  t.field({
    extensions: { auditLabel: '查看处置文书模板' },
    type: Template,
    nullable: true,
    description: '处置文书模板（不给 tenantCode 为本机构）；机构不可见时为 null',
    args: { tenantCode: t.arg.string({ validate: text('机构编码', 60) }) },
    resolve: (_r, args, ctx) => dispositionTemplate(commandContext(ctx), args.tenantCode),
  }),
);

// ---------- Mutations ----------

builder.mutationField('issueDisposition', (t) =>
  t.field({
    extensions: { auditLabel: '下发预警处置' },
    type: Disposition,
    description: '下发处置（纪检干部）：编文号、按工作日计算整改期限、保存发文时的预警快照。不给处置方式时按预警等级取默认（黄→警示提醒，橙→警示诫勉书，红→警示追究书）',
    args: {
      cadreId: t.arg.id({ required: true }),
      kind: t.arg.string({ description: '处置方式：名称（警示提醒 …）或编码', validate: text('处置方式', 40) }),
      issuedOn: t.arg.string({ description: '发文日期，默认今天', validate: dateText('发文日期') }),
      dueOn: t.arg.string({ description: '整改期限，默认按模板的工作日数计算', validate: dateText('整改期限') }),
      body: t.arg.string({ validate: text('通知书正文', 4000) }),
      requirements: t.arg.string({ validate: text('整改要求', 4000) }),
    },
    resolve: (_r, args, ctx) => issueDisposition(commandContext(ctx), {
      cadreId: String(args.cadreId), kind: args.kind, issuedOn: args.issuedOn, dueOn: args.dueOn, body: args.body, requirements: args.requirements,
    }),
  }),
);

builder.mutationField('updateDisposition', (t) =>
  t.field({
    extensions: { auditLabel: '修改预警处置' },
    type: Disposition,
    description: '修改整改期限或正文（纪检干部；通过验收前）。version 须为所见版本',
    args: {
      id: t.arg.id({ required: true }), version: t.arg.int({ required: true }),
      dueOn: t.arg.string({ validate: dateText('整改期限') }),
      body: t.arg.string({ validate: text('通知书正文', 4000) }),
      requirements: t.arg.string({ validate: text('整改要求', 4000) }),
    },
    resolve: (_r, args, ctx) => updateDisposition(commandContext(ctx), {
      id: String(args.id), version: args.version, dueOn: args.dueOn, body: args.body, requirements: args.requirements,
    }),
  }),
);

builder.mutationField('submitRectification', (t) =>
  t.field({
    extensions: { auditLabel: '提交整改情况' },
    type: Disposition,
    description: '提交整改情况（该干部所在单位的填报员，或纪检干部），附件须先上传（POST /api/dispositions/:id/attachments）',
    args: {
      id: t.arg.id({ required: true }),
      text: t.arg.string({ required: true, validate: text('整改情况', 4000) }),
      attachmentIds: t.arg.idList({ validate: idList('附件', 30) }),
    },
    resolve: (_r, args, ctx) => submitRectification(commandContext(ctx), {
      id: String(args.id), text: args.text, attachmentIds: (args.attachmentIds ?? []).map(String),
    }),
  }),
);

builder.mutationField('reviewRectification', (t) =>
  t.field({
    extensions: { auditLabel: '审核整改情况' },
    type: Disposition,
    description: '审核整改情况（纪检干部）：通过 或 退回（须填写意见）',
    args: {
      id: t.arg.id({ required: true }),
      decision: t.arg.string({ required: true, description: '通过 | 退回（或 accepted | returned）' }).validate(decisionArg),
      comment: t.arg.string({ validate: text('审核意见', 1000, 0) }),
    },
    resolve: (_r, args, ctx) => reviewRectification(commandContext(ctx), { id: String(args.id), decision: args.decision, comment: args.comment }),
  }),
);

builder.mutationField('closeDisposition', (t) =>
  t.field({
    extensions: { auditLabel: '预警处置结案' },
    type: Disposition,
    description: '结案（纪检干部；整改已通过验收）',
    args: { id: t.arg.id({ required: true }), note: t.arg.string({ validate: text('结案说明', 500, 0) }) },
    resolve: (_r, args, ctx) => closeDisposition(commandContext(ctx), { id: String(args.id), note: args.note }),
  }),
);

const KindInput = builder.inputType('DispositionKindInput', {
  fields: (t) => ({
    kind: t.string({ required: true, description: '处置方式编码或名称', validate: text('处置方式', 40) }),
    title: t.string({ validate: text('处置方式名称', 40) }),
    rectifyWorkingDays: t.int({ validate: intIn('整改工作日数', 1, 250) }),
    body: t.string({ validate: text('正文模板', 4000) }),
    requirements: t.string({ validate: text('整改要求', 4000) }),
  }),
});

const PREFIX_RE = /^[\u4e00-\u9fffA-Za-z0-9]{1,12}$/;

builder.mutationField('updateDispositionTemplate', (t) =>
  t.field({
    extensions: { auditLabel: '修改处置文书模板' },
    type: Template,
    description: '修改本机构的处置文书模板（纪检干部）。issuer、numberPrefix 传空字符串恢复为默认',
    args: {
      issuer: t.arg.string({ validate: z.string().trim().max(60, '发文机关最长 60 个字符') }),
      numberPrefix: t.arg.string({ validate: z.string().trim().refine((v) => v === '' || PREFIX_RE.test(v), '文号前缀须为 1–12 个汉字、字母或数字') }),
      kinds: t.arg({ type: [KindInput], validate: z.array(z.unknown()).max(20, '处置方式过多') }),
    },
    resolve: (_r, args, ctx) => updateDispositionTemplate(commandContext(ctx), {
      issuer: args.issuer === undefined || args.issuer === null ? undefined : args.issuer.trim() || null,
      numberPrefix: args.numberPrefix === undefined || args.numberPrefix === null ? undefined : args.numberPrefix.trim() || null,
      kinds: args.kinds?.map((k) => ({ kind: k.kind, title: k.title ?? undefined, rectifyWorkingDays: k.rectifyWorkingDays ?? undefined, body: k.body ?? undefined, requirements: k.requirements ?? undefined })),
    }),
  }),
);
