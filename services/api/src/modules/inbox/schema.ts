// GraphQL of fillers' submissions (issue 13): 「我的填报」 (myRecords), the officers' queue of basic-information
// changes (cadreChanges) with their review (reviewCadreChange), and Cadre.openChange. Rules in ./commands.ts.
import { builder, connection, connectionType, pageOffset, pageSize } from '../../graphql/builder.js';
import { authorize } from '../../graphql/context.js';
import { oneOf, text } from '../../graphql/inputs.js';
import { cadreReach, recordReach } from '../../authz/reach.js';
import { commandContext } from '../command.js';
import { Cadre } from '../cadres/schema.js';
import { findCadre, type CadreRow } from '../cadres/repo.js';
import { categoryById } from '../records/categories.js';
import { editsAreDirect, proposalDiff, reviewCadreChange, visibleChange, type FieldDiff } from './commands.js';
import { countChanges, countSubmissions, listChanges, listSubmissions, openChanges, type ChangeRow, type ChangeStatus, type SubmissionRow } from './repo.js';

/** Review states as 「我的填报」 names them, and the words accepted for each. */
export const SUBMISSION_STATUS: Record<ChangeStatus, string> = { pending: '待审核', returned: '已退回', accepted: '已通过' };
const STATUS_WORDS: Record<string, ChangeStatus> = {
  pending: 'pending', returned: 'returned', accepted: 'accepted', 待审核: 'pending', 已退回: 'returned', 已通过: 'accepted', 已审核: 'accepted',
};
const statusArg = oneOf(Object.keys(STATUS_WORDS), '状态须为「待审核」「已退回」「已通过」之一（或 pending、returned、accepted）');

/** The basic-information pseudo-category's name in lists beside the twelve. */
export const BASIC_INFO = '基本信息';

const SubmissionCadre = builder.objectRef<{ id: string; name: string; unitName: string }>('SubmissionCadre').implement({
  description: '提交所涉干部',
  fields: (t) => ({ id: t.exposeID('id'), name: t.exposeString('name'), unitName: t.exposeString('unitName', { description: '现单位' }) }),
});

const FieldDiffRef = builder.objectRef<FieldDiff>('FieldDiff').implement({
  description: '一项字段的修改：原值与拟改为的值',
  fields: (t) => ({
    label: t.exposeString('label'),
    from: t.exposeString('from', { nullable: true }),
    to: t.exposeString('to', { nullable: true }),
  }),
});

export const CadreChangeRequest = builder.objectRef<ChangeRow>('CadreChangeRequest').implement({
  description: '填报员提交的基本信息修改，经纪检干部审核通过后生效',
  fields: (t) => ({
    id: t.exposeID('id'),
    version: t.exposeInt('version', { description: '版本号：审核时须带上（填报员重新提交后递增）' }),
    status: t.exposeString('status', { description: 'pending 待审核 | accepted 已通过 | returned 已退回' }),
    statusLabel: t.string({ resolve: (r) => SUBMISSION_STATUS[r.status] }),
    cadre: t.field({ type: SubmissionCadre, resolve: (r) => ({ id: r.cadre_id, name: r.cadre_name, unitName: r.unit_name }) }),
    baseVersion: t.exposeInt('base_version', { description: '提交时所见的干部信息版本' }),
    cadreVersion: t.exposeInt('cadre_version', { description: '干部信息的当前版本' }),
    stale: t.boolean({ description: '提交后干部信息已被修改（通过时会被拒绝）', resolve: (r) => r.status === 'pending' && r.cadre_version !== r.base_version }),
    changes: t.field({
      type: [FieldDiffRef],
      description: '逐项修改（与干部信息的当前内容相比）；已通过的为空',
      resolve: async (r, _a, ctx) => {
        if (r.status === 'accepted') return [];
        const cadre = await findCadre(ctx.trx!, r.cadre_id);
        return cadre ? proposalDiff({ trx: ctx.trx! }, cadre, r.proposal) : [];
      },
    }),
    submittedBy: t.exposeString('submitted_by_name', { description: '提交人' }),
    submittedAt: t.field({ type: 'DateTime', resolve: (r) => r.submitted_at }),
    reviewedBy: t.exposeString('reviewed_by_name', { nullable: true, description: '审核人' }),
    reviewedAt: t.field({ type: 'DateTime', nullable: true, resolve: (r) => r.reviewed_at }),
    returnReason: t.exposeString('return_reason', { nullable: true, description: '退回理由' }),
    appliedVersion: t.exposeInt('applied_version', { nullable: true, description: '通过后生效的干部信息版本' }),
  }),
});

const Submission = builder.objectRef<SubmissionRow>('MySubmission').implement({
  description: '「我的填报」的一行：一条档案记录，或一项基本信息修改',
  fields: (t) => ({
    id: t.exposeID('id', { description: '记录或基本信息修改的编号' }),
    kind: t.exposeString('kind', { description: 'record 档案记录 | basicInfo 基本信息修改' }),
    categoryId: t.exposeInt('category', { nullable: true, description: '档案类别 1–12；基本信息修改为空' }),
    category: t.string({ description: '类别（中文）', resolve: (r) => (r.category === null ? BASIC_INFO : categoryById.get(r.category)?.short ?? String(r.category)) }),
    categoryTitle: t.string({ resolve: (r) => (r.category === null ? `${BASIC_INFO}修改` : categoryById.get(r.category)?.title ?? String(r.category)) }),
    status: t.exposeString('status', { description: 'pending 待审核 | returned 已退回 | accepted 已通过' }),
    statusLabel: t.string({ resolve: (r) => SUBMISSION_STATUS[r.status] }),
    cadre: t.field({ type: SubmissionCadre, resolve: (r) => ({ id: r.cadre_id, name: r.cadre_name, unitName: r.unit_name }) }),
    submittedAt: t.field({ type: 'DateTime', description: '提交时间（最近一次录入或修改）', resolve: (r) => r.submitted_at }),
    reviewedAt: t.field({ type: 'DateTime', nullable: true, description: '审核时间', resolve: (r) => r.reviewed_at }),
    reviewedBy: t.exposeString('reviewed_by_name', { nullable: true, description: '审核人' }),
    returnReason: t.exposeString('return_reason', { nullable: true, description: '退回理由' }),
  }),
});

const SubmissionConnection = connectionType('MySubmission', Submission);
const ChangeConnection = connectionType('CadreChangeRequest', CadreChangeRequest);

builder.queryField('myRecords', (t) =>
  t.field({
    extensions: { auditLabel: '查看我的填报' },
    type: SubmissionConnection,
    description: '我的填报：调用者录入或修改过的档案记录和提交的基本信息修改，最近提交的在前。填报员看不到第 8、9 类，也看不到其他填报员的基本信息修改',
    args: {
      status: t.arg.string({ description: '待审核 | 已退回 | 已通过（或 pending | returned | accepted）；不给为全部', validate: statusArg }),
      first: t.arg.int(), after: t.arg.string(), offset: t.arg.int({ description: '从 0 起的行偏移（跳页），优先于 after' }),
    },
    resolve: async (_r, args, ctx) => {
      const { trx, principal } = authorize(ctx, 'create', 'ArchiveRecord');
      const f = {
        userId: principal.userId, status: args.status ? STATUS_WORDS[args.status] : null,
        recordReach: recordReach(principal), cadreReach: cadreReach(principal),
      };
      const limit = pageSize(args.first);
      const offset = pageOffset(args);
      const [rows, total] = await Promise.all([limit ? listSubmissions(trx, f, limit, offset) : [], countSubmissions(trx, f)]);
      ctx.audit.touch(rows.map((r) => ({ id: r.cadre_id, name: r.cadre_name })));
      return connection(rows, offset, total);
    },
  }),
);

builder.queryField('cadreChanges', (t) =>
  t.field({
    extensions: { auditLabel: '查看待审核的基本信息修改' },
    type: ChangeConnection,
    description: '填报员提交的基本信息修改（纪检干部审核），先提交的在前',
    args: {
      first: t.arg.int(), offset: t.arg.int(), after: t.arg.string(),
      status: t.arg.string({ description: 'pending（默认）| returned', validate: oneOf(['pending', 'returned'], '状态须为 pending 或 returned') }),
    },
    resolve: async (_r, args, ctx) => {
      const { trx, principal } = authorize(ctx, 'review', 'Cadre');
      const f = { status: (args.status ?? 'pending') as ChangeStatus, reach: cadreReach(principal) };
      const limit = pageSize(args.first);
      const offset = pageOffset(args);
      const [rows, total] = await Promise.all([limit ? listChanges(trx, f, limit, offset) : [], countChanges(trx, f)]);
      ctx.audit.touch(rows.map((r) => ({ id: r.cadre_id, name: r.cadre_name })));
      return connection(rows, offset, total);
    },
  }),
);

builder.queryField('cadreChange', (t) =>
  t.field({
    extensions: { auditLabel: '查看基本信息修改' },
    type: CadreChangeRequest,
    nullable: true,
    description: '按 id 取基本信息修改：纪检干部看本机构及下级的，填报员只看自己提交的；其余一律为 null',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, args, ctx) => {
      authorize(ctx, 'update', 'Cadre');
      return visibleChange(commandContext(ctx), String(args.id));
    },
  }),
);

builder.mutationField('reviewCadreChange', (t) =>
  t.field({
    extensions: { auditLabel: '审核基本信息修改' },
    type: CadreChangeRequest,
    nullable: true,
    description: '审核填报员的基本信息修改（纪检干部）：accept 通过（作为填报员的修改生效，版本冲突时拒绝），return 退回（须写明理由）；不存在或不可见时为 null',
    args: {
      id: t.arg.id({ required: true }),
      version: t.arg.int({ required: true }),
      decision: t.arg.string({ required: true, description: 'accept | return' }).validate(oneOf(['accept', 'return'] as const, '审核结论须为 accept 或 return')),
      reason: t.arg.string({ validate: text('退回理由', 500) }),
    },
    resolve: (_r, args, ctx) => {
      authorize(ctx, 'review', 'Cadre');
      return reviewCadreChange(commandContext(ctx), { id: String(args.id), version: args.version, decision: args.decision, reason: args.reason });
    },
  }),
);

builder.objectField(Cadre, 'openChange', (t) =>
  t.field({
    type: CadreChangeRequest,
    nullable: true,
    description: '尚未生效的基本信息修改（待审核或已退回）：填报员看自己提交的，纪检干部看最早的一项待审核修改',
    resolve: async (c: CadreRow, _a, ctx) => {
      if (!ctx.trx || !ctx.principal || !ctx.ability.can('update', 'Cadre')) return null;
      const direct = editsAreDirect(ctx);
      const rows = await openChanges(ctx.trx, [c.id], direct ? null : ctx.principal.userId);
      return (direct ? rows.find((r) => r.status === 'pending') : rows[rows.length - 1]) ?? null;
    },
  }),
);
