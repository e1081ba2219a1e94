// GraphQL of the read side of 廉情预警 (docs/warning-board.md): a cadre's colour, warnings and influence periods as of
// a date, and the board, drill-down list, trend and colour legend of a unit subtree. Resolvers are thin: the SQL is in
// read.ts, the batching in graphql/loaders.ts. Officers and leaders read warnings; fillers, administrators (no archive
// content), security administrators and auditors do not; administrators may read the colour legend (configuration).
import { z } from 'zod';
import { builder, connectionType, pageSize } from '../../graphql/builder.js';
import { authorize, badInput, type Ctx } from '../../graphql/context.js';
import { dateText, searchText } from '../../graphql/inputs.js';
import { cadreKeyOf, loaders } from '../../graphql/loaders.js';
import { cadreReach, recordReach } from '../../authz/reach.js';
import { Cadre } from '../cadres/schema.js';
import { findCadres, type CadreRow } from '../cadres/repo.js';
import { ArchiveRecord } from '../records/schema.js';
import type { RecordRow } from '../records/repo.js';
import type { WarningLevel as Level } from '../../../../../shared/warnings.js';
import type { ResolvedScheme } from './resolve.js';
import {
  boardCounts, countWarned, dayBefore, decodeListCursor, encodeListCursor, formLabel, kindLabel, levelByInput, levelView,
  listWarned, measureLabel, monthEnd, monthMinus, monthsBetween, resolveScope, today, topWarning, trendCounts, warningsOf,
  type InfluenceRow, type ListRow, type WarningView,
} from './read.js';

// ---------- Types ----------

/** The colour level type, shared with the rule editor's schema (rules-schema.ts). */
export const WarningLevel = builder.objectRef<Level>('WarningLevel').implement({
  description: '预警等级（颜色）：名称与级数由机构的预警方案决定',
  fields: (t) => ({
    code: t.exposeString('code', { description: '等级代码（如 red）' }),
    name: t.exposeString('name', { description: '用户看到的名称（红、橙、黄、蓝……）' }),
    hex: t.exposeString('hex', { description: '显示颜色（#rrggbb）' }),
    rank: t.exposeInt('rank', { description: '严重程度：越大越严重' }),
    description: t.string({ nullable: true, description: '图例说明', resolve: (l) => l.description ?? null }),
  }),
});

const WarningRuleRef = builder.objectRef<{ code: string; name: string; version: number }>('WarningRuleRef').implement({
  description: '触发预警的规则（代码、名称、版本）',
  fields: (t) => ({
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    version: t.exposeInt('version', { description: '规则版本：预警注明触发它的版本' }),
  }),
});

const CadreWarning = builder.objectRef<WarningView>('CadreWarning').implement({
  description: '一条预警及其说明：颜色、规则、原因、涉及的档案记录和结束日期',
  fields: (t) => ({
    colour: t.string({ description: '颜色名称（红、橙……）', resolve: (w) => w.level.name }),
    level: t.field({ type: WarningLevel, resolve: (w) => w.level }),
    rule: t.field({ type: WarningRuleRef, resolve: (w) => w.rule }),
    reasons: t.stringList({ description: '原因（如「撤销党内职务（2024-12-20 生效，影响期 24 个月，至 2026-12-19）」）', resolve: (w) => w.reasons }),
    startsOn: t.exposeString('startsOn', { description: '起始日期 YYYY-MM-DD' }),
    ends: t.exposeString('ends', { nullable: true, description: '最后一天 YYYY-MM-DD（此后不再预警）；仍在办理等无确定结束日期的为空' }),
    records: t.field({
      type: [ArchiveRecord],
      description: '触发预警的档案记录（可见的）',
      resolve: async (w, _a, ctx) => {
        const { principal } = authorize(ctx, 'read', 'ArchiveRecord');
        const rows = await loaders(ctx).recordById({ reach: recordReach(principal) }).loadMany(w.recordIds);
        return rows.filter((r): r is RecordRow => !!r && !(r instanceof Error));
      },
    }),
  }),
});

const InfluencePeriod = builder.objectRef<InfluenceRow & { asOf: string }>('InfluencePeriod').implement({
  description: '处理处分的影响期（第 10 类记录）：自生效日（无则决定日）起算，N 个月后的同一天起即已期满',
  fields: (t) => ({
    record: t.field({
      type: ArchiveRecord, nullable: true,
      resolve: async (r, _a, ctx) => {
        const { principal } = authorize(ctx, 'read', 'ArchiveRecord');
        return loaders(ctx).recordById({ reach: recordReach(principal) }).load(r.record_id);
      },
    }),
    kind: t.string({ description: '类别（党纪处分、政务处分……）', resolve: (r) => kindLabel(r.kind) }),
    measure: t.string({ description: '处理（处分）种类', resolve: (r) => measureLabel(r.measure) }),
    form: t.string({ description: '四种形态', resolve: (r) => formLabel(r.form) }),
    decidedOn: t.exposeString('decided_on', { description: '决定日期 YYYY-MM-DD' }),
    months: t.exposeInt('months', { nullable: true, description: '影响期（月）：记录写明的，否则为机构方案的默认值；空为无影响期' }),
    startsOn: t.exposeString('starts_on', { description: '起算日期 YYYY-MM-DD' }),
    endsOn: t.string({ nullable: true, description: '影响期最后一天 YYYY-MM-DD；无影响期为空', resolve: (r) => (r.ends_on ? dayBefore(r.ends_on) : null) }),
    active: t.boolean({
      description: '截至日期是否在影响期内',
      resolve: (r) => r.ends_on !== null && r.starts_on <= r.asOf && r.asOf < r.ends_on,
    }),
  }),
});

const AS_OF = { description: '截至日期 YYYY-MM-DD，默认今天（北京时间）', validate: dateText('截至日期') };
const dayOf = (v: string | null | undefined) => v ?? today();

// ---------- A cadre's colour ----------

builder.objectField(Cadre, 'warning', (t) => t.field({
  type: CadreWarning, nullable: true,
  description: '截至某日的预警颜色（最高等级；同等级的原因合并）；无预警为空。填报员、管理员不可见',
  args: { asOf: t.arg.string(AS_OF) },
  resolve: async (c: CadreRow, args, ctx) => {
    authorize(ctx, 'read', 'Warning');
    const l = loaders(ctx);
    const [hits, cfg] = await Promise.all([l.warningHits(dayOf(args.asOf)).load(cadreKeyOf(c)), l.warningConfig.load(c.tenant_id)]);
    return topWarning(hits, cfg?.scheme ?? null);
  },
}));

builder.objectField(Cadre, 'warnings', (t) => t.field({
  type: [CadreWarning],
  description: '截至某日适用的全部预警（最严重的在前）',
  args: { asOf: t.arg.string(AS_OF) },
  resolve: async (c: CadreRow, args, ctx) => {
    authorize(ctx, 'read', 'Warning');
    const l = loaders(ctx);
    const [hits, cfg] = await Promise.all([l.warningHits(dayOf(args.asOf)).load(cadreKeyOf(c)), l.warningConfig.load(c.tenant_id)]);
    return warningsOf(hits, cfg?.scheme ?? null);
  },
}));

builder.objectField(Cadre, 'influence', (t) => t.field({
  type: [InfluencePeriod],
  description: '处理处分记录的影响期（新的在前），active 表示截至日期在影响期内',
  args: { asOf: t.arg.string(AS_OF) },
  resolve: async (c: CadreRow, args, ctx) => {
    authorize(ctx, 'read', 'Warning');
    const asOf = dayOf(args.asOf);
    return (await loaders(ctx).influence.load(cadreKeyOf(c))).map((r) => ({ ...r, asOf }));
  },
}));

// ---------- Board, list, trend, legend ----------

interface ColourCount { level: Level; count: number }
const WarningColourCount = builder.objectRef<ColourCount>('WarningColourCount').implement({
  fields: (t) => ({
    colour: t.string({ description: '颜色名称', resolve: (c) => c.level.name }),
    level: t.field({ type: WarningLevel, resolve: (c) => c.level }),
    count: t.exposeInt('count', { description: '干部人数' }),
  }),
});

const WarningRuleCount = builder.objectRef<{ rule: { code: string; name: string; version: number }; count: number }>('WarningRuleCount').implement({
  fields: (t) => ({
    rule: t.field({ type: WarningRuleRef, resolve: (r) => r.rule }),
    count: t.exposeInt('count', { description: '该规则触发的干部人数' }),
  }),
});

interface Board { asOf: string; total: number; cadreCount: number; byColour: ColourCount[]; byRule: { rule: { code: string; name: string; version: number }; count: number }[] }
const WarningBoard = builder.objectRef<Board>('WarningBoard').implement({
  description: '预警看板：截至某日，范围内干部按颜色、按规则的人数',
  fields: (t) => ({
    asOf: t.exposeString('asOf', { description: '截至日期 YYYY-MM-DD' }),
    total: t.exposeInt('total', { description: '有预警的干部人数' }),
    cadreCount: t.exposeInt('cadreCount', { description: '范围内的干部总数' }),
    byColour: t.field({ type: [WarningColourCount], description: '按颜色（方案的每个等级都列出，严重的在前）', resolve: (b) => b.byColour }),
    byRule: t.field({ type: [WarningRuleCount], description: '按规则（人数多的在前）', resolve: (b) => b.byRule }),
  }),
});

interface ListItem { row: CadreRow; list: ListRow; level: Level; asOf: string }
const WarningListItem = builder.objectRef<ListItem>('WarningListItem').implement({
  fields: (t) => ({
    cadre: t.field({ type: Cadre, resolve: (i) => i.row }),
    colour: t.string({ description: '颜色名称', resolve: (i) => i.level.name }),
    level: t.field({ type: WarningLevel, resolve: (i) => i.level }),
    reasons: t.stringList({ description: '该颜色的原因', resolve: async (i, _a, ctx) => (await topOf(ctx, i))?.reasons ?? [] }),
    warning: t.field({ type: CadreWarning, nullable: true, description: '该颜色的完整说明', resolve: (i, _a, ctx) => topOf(ctx, i) }),
  }),
});
const topOf = async (ctx: Ctx, i: ListItem) => {
  const l = loaders(ctx);
  const [hits, cfg] = await Promise.all([l.warningHits(i.asOf).load(cadreKeyOf(i.row)), l.warningConfig.load(i.row.tenant_id)]);
  return topWarning(hits, cfg?.scheme ?? null);
};
const WarningListConnection = connectionType('WarningListItem', WarningListItem);

interface TrendMonth { month: string; asOf: string; total: number; byColour: ColourCount[] }
const WarningTrendMonth = builder.objectRef<TrendMonth>('WarningTrendMonth').implement({
  description: '某月末（本月为今天）的预警人数',
  fields: (t) => ({
    month: t.exposeString('month', { description: 'YYYY-MM' }),
    asOf: t.exposeString('asOf', { description: '统计日期 YYYY-MM-DD：月末，本月为今天' }),
    total: t.exposeInt('total'),
    byColour: t.field({ type: [WarningColourCount], resolve: (m) => m.byColour }),
  }),
});

const TENANT_CODE = { description: '机构代码（含下级）；默认本机构', validate: searchText };
const UNIT_ID = { description: '单位（含下级单位）' };

/** The caller's scope and the scheme that names its colours (the scope's root tenant's; else the caller's). */
async function boardScope(ctx: Ctx, args: { tenantCode?: string | null; unitId?: string | number | null }) {
  const { trx, principal } = authorize(ctx, 'read', 'Warning');
  const scope = await resolveScope(trx, principal.tenantId, { tenantCode: args.tenantCode, unitId: args.unitId == null ? null : String(args.unitId) }, cadreReach(principal));
  const cfg = await loaders(ctx).warningConfig.load(scope.rootTenantId ?? principal.tenantId);
  return { trx, scope, scheme: cfg?.scheme ?? null };
}

/** Every level of the scheme with its count (0 included), and any other level the hits carry, most severe first. */
function colourCounts(scheme: ResolvedScheme | null, counts: { level: string; level_rank: number; n: number }[]): ColourCount[] {
  const out: ColourCount[] = (scheme?.levels ?? []).map((l) => ({ level: l, count: counts.find((c) => c.level === l.code)?.n ?? 0 }));
  for (const c of counts) if (!out.some((o) => o.level.code === c.level)) out.push({ level: levelView(scheme, c.level, c.level_rank), count: c.n });
  return out.sort((a, b) => b.level.rank - a.level.rank);
}

builder.queryField('warningBoard', (t) => t.field({
  extensions: { auditLabel: '查看预警看板' },
  type: WarningBoard,
  description: '预警看板：截至某日（默认今天），本机构或某下级机构、某单位（含下级）的干部按颜色、按规则的人数',
  args: { asOf: t.arg.string(AS_OF), tenantCode: t.arg.string(TENANT_CODE), unitId: t.arg.id(UNIT_ID) },
  resolve: async (_r, args, ctx) => {
    const asOf = dayOf(args.asOf);
    const { trx, scope, scheme } = await boardScope(ctx, args);
    const counts = await boardCounts(trx, scope, asOf);
    const byColour = colourCounts(scheme, counts.byLevel);
    return {
      asOf, cadreCount: counts.cadreCount, byColour, total: byColour.reduce((n, c) => n + c.count, 0),
      byRule: counts.byRule.map((r) => ({ rule: { code: r.rule_code, name: r.rule_name, version: r.rule_version }, count: r.n })),
    };
  },
}));

builder.queryField('warningList', (t) => t.field({
  extensions: { auditLabel: '查看预警干部名单' },
  type: WarningListConnection,
  description: '有预警的干部（最严重的在前，同色按干部列表顺序），可按颜色（名称或代码）筛选；范围同 warningBoard',
  args: {
    asOf: t.arg.string(AS_OF),
    colour: t.arg.string({ description: '颜色名称（红）或代码（red）', validate: searchText }),
    tenantCode: t.arg.string(TENANT_CODE), unitId: t.arg.id(UNIT_ID),
    first: t.arg.int({ description: '每页条数，最多 500' }),
    after: t.arg.string({ description: '从这一行之后读（pageInfo.endCursor；键集分页）' }),
    offset: t.arg.int({ description: '从 0 起的行偏移（跳到某一页用），优先于 after' }),
  },
  resolve: async (_r, args, ctx) => {
    const asOf = dayOf(args.asOf);
    const { trx, scope, scheme } = await boardScope(ctx, args);
    let level: string | null = null;
    if (args.colour) {
      const l = scheme ? levelByInput(scheme, args.colour) : undefined;
      if (!l) throw badInput(`颜色须为「${(scheme?.levels ?? []).map((x) => x.name).join('、')}」之一`);
      level = l.code;
    }
    const offset = args.offset != null ? Math.max(0, Math.min(Math.trunc(args.offset), 1e9)) : 0;
    const after = args.after && args.offset == null ? decodeListCursor(ctx.config.cursorKey, args.after) : null;
    if (args.after && args.offset == null && !after) throw badInput('分页位置（after）无效或已被改动，请从第一页重新查询');
    const limit = pageSize(args.first);
    const [read, totalCount] = await Promise.all([listWarned(trx, scope, asOf, level, limit + 1, after, offset), countWarned(trx, scope, asOf, level)]);
    const page = read.slice(0, limit);
    const rows = new Map((await findCadres(trx, page.map((r) => r.cadre_id))).map((r) => [r.id, r]));
    const items = page.filter((r) => rows.has(r.cadre_id)).map((r) => ({ row: rows.get(r.cadre_id)!, list: r, level: levelView(scheme, r.level, r.level_rank), asOf }));
    ctx.audit.touch(items.map((i) => i.row));
    const cursor = (r: ListRow) => encodeListCursor(ctx.config.cursorKey, { rank: r.level_rank, tenantSort: r.tenant_sort, unitSort: r.unit_sort, sortOrder: r.sort_order, id: r.cadre_id });
    return {
      totalCount,
      edges: items.map((node) => ({ cursor: cursor(node.list), node })),
      pageInfo: { hasNextPage: read.length > limit, endCursor: page.length ? cursor(page[page.length - 1]) : null },
    };
  },
}));

const MONTH_RE = /^(19|20)\d{2}-(0[1-9]|1[0-2])$/;
const monthArg = (label: string) => z.string().trim().regex(MONTH_RE, `${label}格式应为 YYYY-MM`);
const MAX_MONTHS = 60;

builder.queryField('warningTrend', (t) => t.field({
  extensions: { auditLabel: '查看预警趋势' },
  type: [WarningTrendMonth],
  description: `逐月预警人数（各月末，本月为今天），按颜色；默认最近 12 个月，最多 ${MAX_MONTHS} 个月`,
  args: {
    from: t.arg.string({ description: '起始月份 YYYY-MM', validate: monthArg('起始月份') }),
    to: t.arg.string({ description: '结束月份 YYYY-MM（不晚于本月），默认本月', validate: monthArg('结束月份') }),
    tenantCode: t.arg.string(TENANT_CODE), unitId: t.arg.id(UNIT_ID),
  },
  resolve: async (_r, args, ctx) => {
    const now = today();
    const thisMonth = now.slice(0, 7);
    const to = args.to ?? thisMonth;
    const from = args.from ?? monthMinus(to, 11);
    if (to > thisMonth) throw badInput('结束月份不能晚于本月');
    if (from > to) throw badInput('起始月份不能晚于结束月份');
    const months = monthsBetween(from, to, MAX_MONTHS + 1);
    if (months.length > MAX_MONTHS) throw badInput(`一次最多查询 ${MAX_MONTHS} 个月`);
    const { trx, scope, scheme } = await boardScope(ctx, args);
    const dates = months.map((m) => (m === thisMonth ? now : monthEnd(m)));
    const counts = await trendCounts(trx, scope, dates);
    return months.map((month, i) => {
      const byColour = colourCounts(scheme, counts.filter((c) => c.as_of === dates[i]));
      return { month, asOf: dates[i], byColour, total: byColour.reduce((n, c) => n + c.count, 0) };
    });
  },
}));

builder.queryField('warningLevels', (t) => t.field({
  extensions: { auditLabel: '查看预警等级' },
  type: [WarningLevel],
  description: '机构预警方案的颜色等级（图例），严重的在前；默认本机构',
  args: { tenantCode: t.arg.string({ description: '机构代码', validate: searchText }) },
  resolve: async (_r, args, ctx) => {
    const { trx, principal } = authorize(ctx, 'read', 'WarningScheme');
    let tenantId = principal.tenantId;
    if (args.tenantCode) {
      const row = await trx.selectFrom('tenant').select('id').where('code', '=', args.tenantCode.trim()).executeTakeFirst();
      // Out of scope answers like a missing code (RLS hides it).
      if (!row) throw badInput('机构不存在');
      tenantId = row.id;
    }
    const cfg = await loaders(ctx).warningConfig.load(tenantId);
    return [...(cfg?.scheme.levels ?? [])].sort((a, b) => b.rank - a.rank);
  },
}));
