// GraphQL of the Word 模板 (docs/templates.md): the caller's tenant's templates per kind — which is in force (本机构 /
// 上级 / 系统默认), its file, version, who uploaded it, the placeholders of the kind with their meanings and the
// tenant's own versions — and 恢复默认. Uploads and downloads are REST (modules/templates/routes.ts).
import { builder } from '../../graphql/builder.js';
import { text } from '../../graphql/inputs.js';
import { commandContext } from '../command.js';
import { TEMPLATE_SOURCE_LABELS, docTemplates, removeDocTemplate, type DocTemplateView } from './commands.js';
import { TEMPLATE_KIND_LABELS, type TemplateKind } from '../../docx/template.js';

type PlaceholderDoc = DocTemplateView['placeholders'][number];
type VersionRow = DocTemplateView['history'][number];

const Placeholder = builder.objectRef<PlaceholderDoc>('DocTemplatePlaceholder').implement({
  description: '模板可用的一个占位符',
  fields: (t) => ({
    name: t.exposeString('name', { description: '写入 Word 的形式，如 {姓名}、{#干部}…{/干部}' }),
    meaning: t.exposeString('meaning'),
    loop: t.exposeString('loop', { nullable: true, description: '只能写在该循环之内（null：任何位置）' }),
  }),
});

const Version = builder.objectRef<VersionRow>('DocTemplateVersion').implement({
  description: '本机构上传过的一个模板版本',
  fields: (t) => ({
    version: t.exposeInt('version'),
    fileName: t.exposeString('file_name'),
    active: t.exposeBoolean('active', { description: '是否为现行版本' }),
    uploadedBy: t.exposeString('uploaded_by_name'),
    uploadedAt: t.field({ type: 'DateTime', resolve: (v) => v.uploaded_at }),
    endedBy: t.exposeString('ended_by_name', { nullable: true }),
    endedAt: t.field({ type: 'DateTime', nullable: true, resolve: (v) => v.ended_at }),
    endedReason: t.exposeString('ended_reason', { nullable: true, description: 'replaced 被新版本替换 | removed 恢复默认' }),
  }),
});

const DocTemplate = builder.objectRef<DocTemplateView>('DocTemplate').implement({
  description: 'Word 模板（复函、逐人复函、预警处置通知书）',
  fields: (t) => ({
    kind: t.exposeString('kind', { description: 'reply 复函 | reply-cadre 逐人复函 | disposition 预警处置通知书（也用于下载、上传地址）' }),
    kindLabel: t.exposeString('kindLabel'),
    source: t.exposeString('source', { description: 'own 本机构 | inherited 上级 | default 系统默认（内置版式）' }),
    sourceLabel: t.string({ resolve: (v) => TEMPLATE_SOURCE_LABELS[v.source] }),
    fileKind: t.string({ description: '所用模板文件的类型（逐人复函未单独上传时沿用复函模板）', resolve: (v) => v.fileKind }),
    fileKindLabel: t.string({ resolve: (v) => TEMPLATE_KIND_LABELS[v.fileKind as TemplateKind] }),
    ownerName: t.string({ nullable: true, description: '模板所属机构（上级时为其名称）', resolve: (v) => v.tenantName }),
    fileName: t.string({ nullable: true, resolve: (v) => v.row?.file_name ?? null }),
    version: t.int({ nullable: true, resolve: (v) => v.row?.version ?? null }),
    uploadedAt: t.field({ type: 'DateTime', nullable: true, resolve: (v) => v.row?.uploaded_at ?? null }),
    uploadedBy: t.string({ nullable: true, resolve: (v) => v.row?.uploaded_by_name ?? null }),
    usedPlaceholders: t.stringList({ description: '现行模板中使用的占位符', resolve: (v) => v.row?.placeholders ?? [] }),
    placeholders: t.field({ type: [Placeholder], description: '该类模板可用的占位符及含义', resolve: (v) => v.placeholders }),
    history: t.field({ type: [Version], description: '本机构的版本（新的在前，最多 20 个）', resolve: (v) => v.history }),
  }),
});

builder.queryField('docTemplates', (t) =>
  t.field({
    extensions: { auditLabel: '查看 Word 模板' },
    type: [DocTemplate],
    description: '本机构的 Word 模板：每类一项（现行来源、文件、版本、占位符）',
    resolve: (_r, _a, ctx) => docTemplates(commandContext(ctx)),
  }),
);

builder.mutationField('removeDocTemplate', (t) =>
  t.field({
    extensions: { auditLabel: '恢复默认 Word 模板' },
    type: DocTemplate,
    description: '停用本机构的该类 Word 模板（版本保留），恢复为上级的或系统默认版式',
    args: { kind: t.arg.string({ required: true, description: 'reply | reply-cadre | disposition', validate: text('模板类型', 20) }) },
    resolve: (_r, args, ctx) => removeDocTemplate(commandContext(ctx), args.kind),
  }),
);
