// GraphQL of jobs (docs/jobs.md#graphql): the caller's own jobs, starting the batches, cancelling. Resolvers only
// parse input and call commands.ts.
import { builder, connection, connectionType, pageOffset, pageSize } from '../graphql/builder.js';
import { dateText, idList } from '../graphql/inputs.js';
import { commandContext } from '../modules/command.js';
import { JOB_KIND_LABELS, JOB_STATUS_LABELS, PRINT_JOB_MAX, REPORT_JOB_MAX } from '../../../../shared/jobs.js';
import { cancelJob, myJob, myJobs, startPrintBatch, startReplyLetters, startReportBatch } from './commands.js';
import type { JobRow } from './repo.js';

export const Job = builder.objectRef<JobRow>('Job').implement({
  description: '后台任务（批量生成文件）：进度、状态和结果（保留 7 天）。只有发起人能看到',
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.exposeString('kind', { description: 'report_batch 批量廉情评价报告 | reply_letters 逐人复函 | print_batch 批量打印档案（图片）' }),
    kindLabel: t.string({ resolve: (j) => JOB_KIND_LABELS[j.kind] }),
    status: t.exposeString('status', { description: 'queued 排队中 | running 进行中 | succeeded 已完成 | failed 失败 | cancelled 已取消' }),
    statusLabel: t.string({ resolve: (j) => JOB_STATUS_LABELS[j.status] }),
    progress: t.exposeInt('progress', { description: '已完成的份数' }),
    total: t.exposeInt('total', { description: '总份数' }),
    message: t.exposeString('message', { nullable: true, description: '失败、取消或重新排队的原因' }),
    createdAt: t.field({ type: 'DateTime', resolve: (j) => j.created_at }),
    startedAt: t.field({ type: 'DateTime', nullable: true, resolve: (j) => j.started_at }),
    finishedAt: t.field({ type: 'DateTime', nullable: true, resolve: (j) => j.finished_at }),
    expiresAt: t.field({ type: 'DateTime', nullable: true, description: '结果文件保留至此时，之后删除', resolve: (j) => j.expires_at }),
    resultName: t.exposeString('result_name', { nullable: true, description: '结果文件名（已完成时）' }),
    resultSize: t.int({ nullable: true, description: '结果文件大小（字节）', resolve: (j) => (j.result_size === null ? null : Number(j.result_size)) }),
  }),
});

const JobConnection = connectionType('Job', Job);

builder.queryField('jobs', (t) =>
  t.field({
    extensions: { auditLabel: '查看任务中心' },
    type: JobConnection,
    description: '本人发起的后台任务，新的在前',
    args: { first: t.arg.int(), offset: t.arg.int(), after: t.arg.string() },
    resolve: async (_r, args, ctx) => {
      const limit = pageSize(args.first);
      const offset = pageOffset(args);
      const { rows, total } = await myJobs(commandContext(ctx), limit, offset);
      return connection(rows, offset, total);
    },
  }),
);

builder.queryField('job', (t) =>
  t.field({
    extensions: { auditLabel: '查看任务' },
    type: Job,
    nullable: true,
    description: '本人的一个后台任务；格式错误、不存在或不是本人发起的一律为 null',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, args, ctx) => myJob(commandContext(ctx), String(args.id)),
  }),
);

builder.mutationField('startReportBatch', (t) =>
  t.field({
    extensions: { auditLabel: '发起批量廉情评价报告任务' },
    type: Job,
    description: `后台生成多名干部的廉情评价报告（每人一份 .docx，打包为 .zip；最多 ${REPORT_JOB_MAX} 人）`,
    args: {
      cadreIds: t.arg.idList({ required: true, validate: idList('干部', REPORT_JOB_MAX) }),
      asOf: t.arg.string({ description: '截至日期 YYYY-MM-DD，默认今天', validate: dateText('截至日期') }),
    },
    resolve: (_r, args, ctx) => startReportBatch(commandContext(ctx), { cadreIds: args.cadreIds.map(String), asOf: args.asOf }),
  }),
);

builder.mutationField('startReplyLetters', (t) =>
  t.field({
    extensions: { auditLabel: '发起逐人复函任务' },
    type: Job,
    description: '后台生成一件复函的逐人复函（每名干部一份 .docx，打包为 .zip）',
    args: { requestId: t.arg.id({ required: true }) },
    resolve: (_r, args, ctx) => startReplyLetters(commandContext(ctx), { requestId: String(args.requestId) }),
  }),
);

builder.mutationField('startPrintBatch', (t) =>
  t.field({
    extensions: { auditLabel: '发起批量打印档案任务' },
    type: Job,
    description: `后台把多名干部的廉政档案生成 A4 JPG 图片（每人一个文件夹，打包为 .zip；最多 ${PRINT_JOB_MAX} 人）`,
    args: { cadreIds: t.arg.idList({ required: true, validate: idList('干部', PRINT_JOB_MAX) }) },
    resolve: (_r, args, ctx) => startPrintBatch(commandContext(ctx), { cadreIds: args.cadreIds.map(String) }),
  }),
);

builder.mutationField('cancelJob', (t) =>
  t.field({
    extensions: { auditLabel: '取消任务' },
    type: Job,
    description: '取消本人排队中或进行中的任务',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, args, ctx) => cancelJob(commandContext(ctx), { id: String(args.id) }),
  }),
);
