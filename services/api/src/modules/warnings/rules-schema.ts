// GraphQL of the warning rules (docs/warning-rules.md): the rules in force with their source, history, the colour
// scheme, the editor's code tables, a preview, and the commands. Resolvers parse and call modules/warnings/rules.ts.
import { z } from 'zod';
import { builder } from '../../graphql/builder.js';
import { authorize } from '../../graphql/context.js';
import { dateText, text } from '../../graphql/inputs.js';
import { commandContext } from '../command.js';
import { SANCTION_KINDS, SANCTION_MEASURES, type EnumOption } from '../records/categories.js';
import { MAX_DEFINITION_CHARS, RULE_VOCABULARY } from './definition.js';
import {
  getWarningScheme, listWarningRules, lockWarningRule, previewWarningRule, resetWarningRule, RULE_ACTION_LABELS, updateWarningScheme,
  upsertWarningRule, warningRuleHistory, type PreviewBucket, type PreviewMove, type RulePreview, type RuleAction, type RuleInput,
  type RuleSource, type RuleVersionRow, type RuleView, type SchemeView,
} from './rules.js';
import { WarningLevel } from './schema.js';
import { RULE_KIND_LABELS, type InfluenceDefault, type LevelDisposition } from '../../../../../shared/warnings.js';

const SOURCE_LABELS: Record<RuleSource, string> = { own: '本级', inherited: '继承', default: '系统默认' };
const sourceText = (source: RuleSource, owner: { name: string } | null) =>
  (source === 'inherited' ? `继承自 ${owner?.name ?? '上级机构'}` : SOURCE_LABELS[source]);
const labelOf = (options: readonly EnumOption[], code: string | null) => (code == null ? null : options.find((o) => o.code === code)?.label ?? code);

// The colour level type is the read side's (schema.ts): one GraphQL type WarningLevel.
const Level = WarningLevel;

const Owner = builder.objectRef<{ code: string; name: string }>('WarningRuleOwner').implement({
  description: '规则或方案的所属机构',
  fields: (t) => ({ code: t.exposeString('code'), name: t.exposeString('name') }),
});

const Option = builder.objectRef<EnumOption>('WarningRuleOption').implement({
  fields: (t) => ({ code: t.exposeString('code'), label: t.exposeString('label') }),
});

const Rule = builder.objectRef<RuleView>('WarningRule').implement({
  description: '机构当前执行的一条预警规则（本级制定、继承上级或系统默认）',
  fields: (t) => ({
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    kind: t.exposeString('kind', { description: 'sanction | clue | count | amount | overdue | score' }),
    kindLabel: t.string({ resolve: (r) => RULE_KIND_LABELS[r.kind] }),
    level: t.field({
      type: Level, nullable: true, description: '触发的颜色等级（负面清单积分规则为空，由阈值决定）',
      resolve: (r) => r.scheme.levels.find((l) => l.code === r.level) ?? null,
    }),
    levelCode: t.string({ nullable: true, resolve: (r) => r.level }),
    definition: t.string({ description: '规则定义（JSON 文本，结构见 shared/warnings.ts）', resolve: (r) => JSON.stringify(r.definition) }),
    enabled: t.exposeBoolean('enabled'),
    locked: t.exposeBoolean('locked', { description: '已锁定：下级机构不能修改' }),
    lockedAbove: t.exposeBoolean('lockedAbove', { description: '被上级机构锁定' }),
    version: t.exposeInt('version'),
    source: t.string({ description: '本级 | 继承自 <机构名> | 系统默认', resolve: (r) => sourceText(r.source, r.owner) }),
    sourceKind: t.string({ description: 'own | inherited | default', resolve: (r) => r.source }),
    ownerTenant: t.field({ type: Owner, nullable: true, resolve: (r) => r.owner }),
    canEdit: t.boolean({
      description: '当前用户能否在该机构修改此规则',
      resolve: (r, _a, ctx) => ctx.ability.can('update', 'WarningRule') && !r.lockedAbove,
    }),
  }),
});

const Version = builder.objectRef<RuleVersionRow>('WarningRuleVersion').implement({
  description: '预警规则的一个版本（修改、锁定、解锁或恢复继承）',
  fields: (t) => ({
    id: t.exposeID('id'),
    version: t.exposeInt('version'),
    action: t.string({ description: 'update | lock | unlock | reset', resolve: (v) => v.action }),
    actionLabel: t.string({ resolve: (v) => RULE_ACTION_LABELS[v.action as RuleAction] ?? v.action }),
    name: t.exposeString('name'),
    kind: t.exposeString('kind'),
    kindLabel: t.string({ resolve: (v) => RULE_KIND_LABELS[v.kind as keyof typeof RULE_KIND_LABELS] ?? v.kind }),
    levelCode: t.string({ nullable: true, resolve: (v) => v.level }),
    definition: t.string({ resolve: (v) => JSON.stringify(v.definition) }),
    enabled: t.exposeBoolean('enabled'),
    locked: t.exposeBoolean('locked'),
    note: t.string({ nullable: true, resolve: (v) => v.note }),
    createdBy: t.string({ description: '操作人', resolve: (v) => v.created_by_name }),
    createdAt: t.field({ type: 'DateTime', resolve: (v) => v.created_at }),
    current: t.boolean({ description: '该机构当前执行的版本', resolve: (v) => v.superseded_at === null }),
    tenant: t.field({ type: Owner, description: '制定该版本的机构', resolve: (v) => v.tenant }),
  }),
});

const Influence = builder.objectRef<InfluenceDefault>('WarningInfluenceDefault').implement({
  description: '默认影响期：记录未写明影响期时按类别和种类取值',
  fields: (t) => ({
    kind: t.string({ nullable: true, resolve: (d) => d.kind }),
    kindLabel: t.string({ nullable: true, description: '类别（空：不限类别）', resolve: (d) => labelOf(SANCTION_KINDS, d.kind) }),
    measure: t.exposeString('measure'),
    measureLabel: t.string({ resolve: (d) => labelOf(SANCTION_MEASURES, d.measure)! }),
    months: t.exposeInt('months'),
  }),
});

const Disposition = builder.objectRef<LevelDisposition>('WarningLevelDisposition').implement({
  description: '各颜色等级对应的处置方式',
  fields: (t) => ({
    level: t.exposeString('level'),
    kind: t.exposeString('kind'),
    title: t.exposeString('title'),
    rectifyWorkingDays: t.exposeInt('rectifyWorkingDays', { description: '整改期限（工作日）' }),
  }),
});

const Scheme = builder.objectRef<SchemeView>('WarningScheme').implement({
  description: '机构执行的预警颜色方案（本级制定、继承上级或系统默认）',
  fields: (t) => ({
    version: t.exposeInt('version'),
    source: t.string({ resolve: (s) => sourceText(s.source, s.owner) }),
    sourceKind: t.string({ resolve: (s) => s.source }),
    ownerTenant: t.field({ type: Owner, nullable: true, resolve: (s) => s.owner }),
    levels: t.field({ type: [Level], resolve: (s) => [...s.levels].sort((a, b) => b.rank - a.rank) }),
    influence: t.field({ type: [Influence], resolve: (s) => s.influence }),
    dispositions: t.field({ type: [Disposition], resolve: (s) => s.dispositions }),
    canEdit: t.boolean({ resolve: (_s, _a, ctx) => ctx.ability.can('update', 'WarningRule') }),
  }),
});

const Bucket = builder.objectRef<PreviewBucket>('WarningPreviewBucket').implement({
  fields: (t) => ({
    colour: t.string({ description: '颜色名称', resolve: (b) => b.level.name }),
    level: t.field({ type: Level, resolve: (b) => b.level }),
    count: t.exposeInt('count', { description: '人数' }),
  }),
});

const Move = builder.objectRef<PreviewMove>('WarningPreviewMove').implement({
  fields: (t) => ({
    from: t.field({ type: Level, nullable: true, description: '原颜色（空：原无预警）', resolve: (m) => m.from }),
    to: t.field({ type: Level, nullable: true, description: '新颜色（空：不再预警）', resolve: (m) => m.to }),
    count: t.exposeInt('count'),
  }),
});

const Preview = builder.objectRef<RulePreview>('WarningRulePreview').implement({
  description: '保存前的预览：本机构及下级受影响的干部按最高颜色计数（修改前、修改后）',
  fields: (t) => ({
    asOf: t.exposeString('asOf'),
    before: t.field({ type: [Bucket], resolve: (p) => p.before }),
    after: t.field({ type: [Bucket], resolve: (p) => p.after }),
    changed: t.exposeInt('changed', { description: '颜色将改变的人数' }),
    moves: t.field({ type: [Move], resolve: (p) => p.moves }),
    summary: t.exposeString('summary', { description: '如「此修改将使 12 人变为橙色」' }),
    tenantCount: t.exposeInt('tenantCount', { description: '执行规则将改变的机构数' }),
  }),
});

const Options = builder.objectRef<typeof RULE_VOCABULARY>('WarningRuleOptions').implement({
  description: '规则编辑器的代码表（保存代码，显示名称）',
  fields: (t) => {
    const list = (key: keyof typeof RULE_VOCABULARY) => t.field({ type: [Option], resolve: (v) => v[key] });
    return {
      ruleKinds: list('ruleKinds'), sanctionForms: list('sanctionForms'), sanctionKinds: list('sanctionKinds'),
      sanctionMeasures: list('sanctionMeasures'), clueModes: list('clueModes'), clueStatuses: list('clueStatuses'),
      lendingStatuses: list('lendingStatuses'), lendingDirections: list('lendingDirections'), giftHandlings: list('giftHandlings'),
      amountCategories: list('amountCategories'), overdueSubjects: list('overdueSubjects'), scoreSources: list('scoreSources'),
    };
  },
});

// ---------- Inputs ----------

const tenantCode = text('机构代码', 100);
const ruleCode = text('规则代码', 32);

const RuleInputType = builder.inputType('WarningRuleInput', {
  fields: (t) => ({
    code: t.string({ required: true, description: '规则代码：大写字母开头，大写字母、数字或连字符（如 ORANGE-COUNT）', validate: ruleCode }),
    name: t.string({ required: true, validate: text('规则名称', 100) }),
    kind: t.string({ required: true, description: '规则类型：代码或名称（sanction 处理处分影响期 …）', validate: text('规则类型', 30) }),
    level: t.string({ description: '颜色等级：代码或名称（红）；负面清单积分规则不填', validate: text('颜色等级', 20, 0) }),
    definition: t.string({
      required: true, description: '规则定义（JSON 文本，结构见 shared/warnings.ts；代码或中文名称均可）',
      validate: z.string().min(1, '请填写规则定义').max(MAX_DEFINITION_CHARS, `规则定义过长（最多 ${MAX_DEFINITION_CHARS} 个字符）`),
    }),
    enabled: t.boolean({ description: '启用（默认是）' }),
    note: t.string({ description: '修改说明', validate: text('修改说明', 500, 0) }),
  }),
});

const LevelInput = builder.inputType('WarningLevelInput', {
  fields: (t) => ({
    code: t.string({ required: true, validate: text('等级代码', 20) }),
    name: t.string({ required: true, validate: text('等级名称', 10) }),
    hex: t.string({ required: true, validate: text('颜色', 7) }),
    rank: t.int({ description: '严重程度（越大越严重）；不填按列出顺序，先列最严重的' }),
    description: t.string({ validate: text('等级说明', 100, 0) }),
  }),
});
const InfluenceInput = builder.inputType('WarningInfluenceDefaultInput', {
  fields: (t) => ({
    kind: t.string({ description: '处理处分类别（代码或名称）；不填为不限类别', validate: text('类别', 30, 0) }),
    measure: t.string({ required: true, validate: text('处理（处分）种类', 30) }),
    months: t.int({ required: true }),
  }),
});
const DispositionInput = builder.inputType('WarningLevelDispositionInput', {
  fields: (t) => ({
    level: t.string({ required: true, validate: text('预警等级', 20) }),
    kind: t.string({ required: true, validate: text('处置类别', 30) }),
    title: t.string({ required: true, validate: text('文书名称', 30) }),
    rectifyWorkingDays: t.int({ required: true }),
  }),
});
const SchemeInputType = builder.inputType('WarningSchemeInput', {
  fields: (t) => ({
    levels: t.field({ type: [LevelInput], required: true, validate: z.array(z.any()).max(5, '颜色等级须为 3–5 级') }),
    influence: t.field({ type: [InfluenceInput], required: true, validate: z.array(z.any()).max(100, '默认影响期过多（最多 100 条）') }),
    dispositions: t.field({ type: [DispositionInput], required: true, validate: z.array(z.any()).max(5, '处置方式不能多于颜色等级数') }),
  }),
});

const ruleInput = (i: { code: string; name: string; kind: string; level?: string | null; definition: string; enabled?: boolean | null; note?: string | null }): RuleInput => i;

// ---------- Queries ----------

builder.queryField('warningRules', (t) => t.field({
  extensions: { auditLabel: '查看预警规则' },
  type: [Rule],
  description: '机构当前执行的预警规则（本机构或下级机构；其他机构答「不存在」）',
  args: { tenantCode: t.arg.string({ required: true, validate: tenantCode }) },
  resolve: (_r, a, ctx) => listWarningRules(commandContext(ctx), a.tenantCode),
}));

builder.queryField('warningRuleHistory', (t) => t.field({
  extensions: { auditLabel: '查看预警规则版本历史' },
  type: [Version],
  description: '一条规则在本机构及其上级的全部版本（新的在前），含操作人和时间',
  args: { tenantCode: t.arg.string({ required: true, validate: tenantCode }), code: t.arg.string({ required: true, validate: ruleCode }) },
  resolve: (_r, a, ctx) => warningRuleHistory(commandContext(ctx), a.tenantCode, a.code),
}));

builder.queryField('warningScheme', (t) => t.field({
  extensions: { auditLabel: '查看预警颜色方案' },
  type: Scheme,
  args: { tenantCode: t.arg.string({ required: true, validate: tenantCode }) },
  resolve: (_r, a, ctx) => getWarningScheme(commandContext(ctx), a.tenantCode),
}));

builder.queryField('warningRuleOptions', (t) => t.field({
  extensions: { auditLabel: '查看预警规则代码表' },
  type: Options,
  resolve: (_r, _a, ctx) => {
    authorize(ctx, 'read', 'WarningRule');
    return RULE_VOCABULARY;
  },
}));

builder.queryField('previewWarningRule', (t) => t.field({
  extensions: { auditLabel: '预览预警规则修改' },
  type: Preview,
  description: '保存前预览：按修改后的规则计算本机构及下级干部的颜色（不保存任何内容）',
  args: {
    tenantCode: t.arg.string({ required: true, validate: tenantCode }),
    input: t.arg({ type: RuleInputType, required: true }),
    asOf: t.arg.string({ description: '计算日期 YYYY-MM-DD（默认今天）', validate: dateText('计算日期') }),
  },
  resolve: (_r, a, ctx) => previewWarningRule(commandContext(ctx), a.tenantCode, ruleInput(a.input), a.asOf),
}));

// ---------- Mutations ----------

builder.mutationField('upsertWarningRule', (t) => t.field({
  extensions: { auditLabel: '修改预警规则' },
  type: Rule,
  description: '新增或修改机构的预警规则：保存为新版本（上级锁定的规则不能修改），并重新计算受影响机构的预警',
  args: { tenantCode: t.arg.string({ required: true, validate: tenantCode }), input: t.arg({ type: RuleInputType, required: true }) },
  resolve: (_r, a, ctx) => upsertWarningRule(commandContext(ctx), a.tenantCode, ruleInput(a.input)),
}));

builder.mutationField('lockWarningRule', (t) => t.field({
  extensions: { auditLabel: '锁定或解锁预警规则' },
  type: Rule,
  description: '锁定（locked: true）或解锁一条规则：锁定后下级机构一律执行本机构的版本',
  args: {
    tenantCode: t.arg.string({ required: true, validate: tenantCode }), code: t.arg.string({ required: true, validate: ruleCode }),
    locked: t.arg.boolean({ required: true }),
  },
  resolve: (_r, a, ctx) => lockWarningRule(commandContext(ctx), a.tenantCode, a.code, a.locked),
}));

builder.mutationField('resetWarningRule', (t) => t.field({
  extensions: { auditLabel: '预警规则恢复继承' },
  type: Rule, nullable: true,
  description: '撤销本机构对规则的修改，恢复执行上级（或系统默认）的版本；仅本机构制定的规则则停止执行（返回 null）',
  args: { tenantCode: t.arg.string({ required: true, validate: tenantCode }), code: t.arg.string({ required: true, validate: ruleCode }) },
  resolve: (_r, a, ctx) => resetWarningRule(commandContext(ctx), a.tenantCode, a.code),
}));

builder.mutationField('updateWarningScheme', (t) => t.field({
  extensions: { auditLabel: '修改预警颜色方案' },
  type: Scheme,
  description: '修改机构的预警颜色方案（3–5 个等级、默认影响期、处置方式），保存为新版本',
  args: { tenantCode: t.arg.string({ required: true, validate: tenantCode }), input: t.arg({ type: SchemeInputType, required: true }) },
  resolve: (_r, a, ctx) => updateWarningScheme(commandContext(ctx), a.tenantCode, a.input),
}));
