// Validation of what a commission types into the rule editor (docs/warning-rules.md#validation): a rule definition per
// kind and a colour scheme. Codes are stored; the Chinese labels users see (第二种形态, 警告, 谈话函询, 办理中, 红) are
// accepted wherever a code is. Every refusal is one clear Chinese sentence (BAD_USER_INPUT) thrown before anything is
// written.
import { badInput } from '../../graphql/context.js';
import { categoryById, FORMS, SANCTION_KINDS, SANCTION_MEASURES, type EnumOption } from '../records/categories.js';
import {
  RULE_KIND_LABELS, type AmountRule, type InfluenceDefault, type LevelDisposition, type OverdueRule, type RuleDefinition,
  type RuleKind, type SanctionMatch, type ScoreItem, type WarningLevel, type WarningScheme,
} from '../../../../../shared/warnings.js';

const optionsOf = (category: number, field: string): readonly EnumOption[] =>
  categoryById.get(category)!.fields.find((f) => f.name === field)!.options!;

/** The code tables a definition draws on (the console's selects show the same lists). */
export const RULE_VOCABULARY = {
  ruleKinds: Object.entries(RULE_KIND_LABELS).map(([code, label]) => ({ code, label })),
  sanctionForms: FORMS,
  sanctionKinds: SANCTION_KINDS,
  sanctionMeasures: SANCTION_MEASURES,
  clueModes: optionsOf(8, 'disposalMode'),
  clueStatuses: optionsOf(8, 'handlingStatus'),
  lendingStatuses: optionsOf(4, 'repayStatus'),
  lendingDirections: optionsOf(4, 'direction'),
  giftHandlings: optionsOf(2, 'handling'),
  amountCategories: [{ code: 'lending', label: '民间借贷' }, { code: 'gift', label: '拒收上交礼品礼金' }] as readonly EnumOption[],
  overdueSubjects: [
    { code: 'clue', label: '问题线索逾期未办结' }, { code: 'personal_report', label: '个人有关事项报告逾期未报' },
    { code: 'rectification', label: '整改逾期未完成' },
  ] as readonly EnumOption[],
  scoreSources: [{ code: 'sanction', label: '处理处分' }, { code: 'clue', label: '问题线索' }] as readonly EnumOption[],
} as const;

/** A definition's JSON text may not exceed this (a negative list of 50 items fits many times over). */
export const MAX_DEFINITION_CHARS = 20_000;
const MAX_LIST = 30;
const MAX_SCORE_ITEMS = 50;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A code by its code or its label (labels first, as records do: categories.ts enumOption). */
export function pickCode(options: readonly EnumOption[], value: unknown, what: string): string {
  const s = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : null;
  if (s === null) throw badInput(`${what}须为文字`);
  const hit = options.find((o) => o.label === s) ?? options.find((o) => o.code === s);
  if (!hit) throw badInput(`未知的${what}：「${s.slice(0, 30)}」`);
  return hit.code;
}

function onlyKeys(o: Obj, allowed: string[], where: string) {
  const extra = Object.keys(o).filter((k) => !allowed.includes(k));
  if (extra.length) throw badInput(`${where}含有不认识的字段：${extra.slice(0, 3).join('、')}`);
}

/** A list of codes (labels accepted), each once. `optional`: absent (or null) means "any" and stays absent. */
function codeList(o: Obj, key: string, options: readonly EnumOption[], what: string, optional: boolean): string[] | undefined {
  const v = o[key];
  if (v === undefined || v === null) {
    if (optional) return undefined;
    throw badInput(`请选择${what}`);
  }
  if (!Array.isArray(v)) throw badInput(`${what}须为列表`);
  if (!v.length) throw badInput(optional ? `${what}至少选择一项（不限时不填）` : `请选择${what}`);
  if (v.length > MAX_LIST) throw badInput(`${what}过多（最多 ${MAX_LIST} 项）`);
  return [...new Set(v.map((x) => pickCode(options, x, what)))];
}

function int(o: Obj, key: string, what: string, min: number, max: number, opts: { nullable?: boolean } = {}): number | null {
  const v = o[key];
  if ((v === undefined || v === null) && opts.nullable) return null;
  const n = typeof v === 'string' && /^\s*-?\d+\s*$/.test(v) ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) throw badInput(`${what}须为 ${min}–${max} 的整数`);
  return n;
}

function money(o: Obj, key: string, what: string): string {
  const v = o[key];
  const s = typeof v === 'number' && Number.isFinite(v) ? String(v) : typeof v === 'string' ? v.trim().replace(/,/g, '') : '';
  if (!/^\d{1,12}(\.\d{1,2})?$/.test(s) || Number(s) <= 0) throw badInput(`${what}须为大于 0 的金额（元，最多两位小数）`);
  return String(Number(s).toFixed(2)).replace(/\.00$/, '');
}

function sanctionMatch(v: unknown, where: string): SanctionMatch {
  if (v === undefined || v === null) return {};
  if (!isObj(v)) throw badInput(`${where}的匹配条件须为对象`);
  onlyKeys(v, ['forms', 'kinds', 'measures'], `${where}的匹配条件`);
  const m: SanctionMatch = {};
  const forms = codeList(v, 'forms', FORMS, '四种形态', true);
  const kinds = codeList(v, 'kinds', SANCTION_KINDS, '处理处分类别', true);
  const measures = codeList(v, 'measures', SANCTION_MEASURES, '处理（处分）种类', true);
  if (forms) m.forms = forms;
  if (kinds) m.kinds = kinds;
  if (measures) m.measures = measures;
  return m;
}

const clueModes = (o: Obj) => codeList(o, 'disposalModes', RULE_VOCABULARY.clueModes, '处置方式', false)!;
const clueStatuses = (o: Obj) => codeList(o, 'statuses', RULE_VOCABULARY.clueStatuses, '办理状态', true);

/** A rule kind by code or label (处理处分影响期 …). */
export const ruleKind = (v: unknown): RuleKind => pickCode(RULE_VOCABULARY.ruleKinds, v, '规则类型') as RuleKind;

/** A level of the scheme by code or name (红, red). */
export function schemeLevel(scheme: WarningScheme, v: unknown, what = '预警等级'): string {
  const s = typeof v === 'string' ? v.trim() : '';
  if (!s) throw badInput(`请选择${what}`);
  const hit = scheme.levels.find((l) => l.name === s) ?? scheme.levels.find((l) => l.code === s);
  if (!hit) throw badInput(`${what}「${s.slice(0, 20)}」不在本机构的颜色方案中（可选：${scheme.levels.map((l) => l.name).join('、')}）`);
  return hit.code;
}

/** Parse the JSON text of a definition (hostile text: a clear refusal, never the parser's English). */
export function parseDefinitionText(text: string): unknown {
  if (text.length > MAX_DEFINITION_CHARS) throw badInput(`规则定义过长（最多 ${MAX_DEFINITION_CHARS} 个字符）`);
  try {
    return JSON.parse(text);
  } catch {
    throw badInput('规则定义不是有效的 JSON，请检查括号、引号和逗号');
  }
}

/**
 * A definition of `kind`, checked and normalised to codes. The kind inside the definition, when given, must agree.
 * `scheme` is the tenant's (a score rule's thresholds name its levels).
 */
export function validateDefinition(kind: RuleKind, raw: unknown, scheme: WarningScheme): RuleDefinition {
  if (!isObj(raw)) throw badInput('规则定义须为 JSON 对象');
  if (raw.kind !== undefined && ruleKind(raw.kind) !== kind) throw badInput('规则定义中的类型与所选规则类型不一致');
  const where = '规则定义';
  switch (kind) {
    case 'sanction': {
      onlyKeys(raw, ['kind', 'match', 'fallbackMonths'], where);
      return { kind, match: sanctionMatch(raw.match, where), fallbackMonths: int(raw, 'fallbackMonths', '无影响期时的计算月数', 1, 240, { nullable: true }) };
    }
    case 'clue': {
      onlyKeys(raw, ['kind', 'disposalModes', 'statuses'], where);
      const statuses = clueStatuses(raw);
      return { kind, disposalModes: clueModes(raw), ...(statuses ? { statuses } : {}) };
    }
    case 'count': {
      onlyKeys(raw, ['kind', 'match', 'min', 'windowMonths'], where);
      return { kind, match: sanctionMatch(raw.match, where), min: int(raw, 'min', '次数下限', 2, 100)!, windowMonths: int(raw, 'windowMonths', '统计期间（月）', 1, 240)! };
    }
    case 'amount': {
      const category = pickCode(RULE_VOCABULARY.amountCategories, raw.category, '金额类别');
      if (category === 'lending') {
        onlyKeys(raw, ['kind', 'category', 'minAmount', 'repayStatuses', 'directions'], where);
        const directions = codeList(raw, 'directions', RULE_VOCABULARY.lendingDirections, '借贷方向', true);
        const out: AmountRule = {
          kind, category, minAmount: money(raw, 'minAmount', '金额下限'),
          repayStatuses: codeList(raw, 'repayStatuses', RULE_VOCABULARY.lendingStatuses, '还款状态', false)!,
        };
        return directions ? { ...out, directions } : out;
      }
      onlyKeys(raw, ['kind', 'category', 'minAmount', 'handlings', 'windowMonths'], where);
      const handlings = codeList(raw, 'handlings', RULE_VOCABULARY.giftHandlings, '处理方式', true);
      return {
        kind, category: 'gift', minAmount: money(raw, 'minAmount', '金额下限'), windowMonths: int(raw, 'windowMonths', '计算期间（月）', 1, 240)!,
        ...(handlings ? { handlings } : {}),
      };
    }
    case 'overdue': {
      const subject = pickCode(RULE_VOCABULARY.overdueSubjects, raw.subject, '逾期事项');
      let out: OverdueRule;
      if (subject === 'clue') {
        onlyKeys(raw, ['kind', 'subject', 'disposalModes', 'workingDays'], where);
        out = { kind, subject, disposalModes: clueModes(raw), workingDays: int(raw, 'workingDays', '办理时限（工作日）', 1, 365)! };
      } else if (subject === 'personal_report') {
        onlyKeys(raw, ['kind', 'subject', 'deadline', 'deadlineYearOffset', 'fromYear'], where);
        const deadline = typeof raw.deadline === 'string' ? raw.deadline.trim() : '';
        const m = /^(\d{2})-(\d{2})$/.exec(deadline);
        const valid = m && new Date(Date.UTC(2025, Number(m[1]) - 1, Number(m[2]))).toISOString().slice(5, 10) === deadline;
        if (!valid) throw badInput('报告截止日期须为 MM-DD（如 03-31），且为有效日期（不含 2 月 29 日）');
        out = {
          kind, subject, deadline, deadlineYearOffset: int(raw, 'deadlineYearOffset', '截止年份（报告年度后第几年）', 0, 1)!,
          fromYear: int(raw, 'fromYear', '起始报告年度', 2000, 2100)!,
        };
      } else {
        onlyKeys(raw, ['kind', 'subject', 'graceWorkingDays'], where);
        out = { kind, subject: 'rectification', graceWorkingDays: int(raw, 'graceWorkingDays', '宽限期（工作日）', 0, 365)! };
      }
      return out;
    }
    case 'score': {
      onlyKeys(raw, ['kind', 'items', 'thresholds'], where);
      if (!Array.isArray(raw.items) || !raw.items.length) throw badInput('负面清单至少需要一个条目');
      if (raw.items.length > MAX_SCORE_ITEMS) throw badInput(`负面清单条目过多（最多 ${MAX_SCORE_ITEMS} 个）`);
      const items: ScoreItem[] = raw.items.map((it, i) => {
        const at = `负面清单第 ${i + 1} 项`;
        if (!isObj(it)) throw badInput(`${at}须为对象`);
        const label = typeof it.label === 'string' ? it.label.trim() : '';
        if (!label || label.length > 50) throw badInput(`${at}的名称须为 1–50 个字`);
        const weight = int(it, 'weight', `${at}的分值`, 1, 100)!;
        const source = pickCode(RULE_VOCABULARY.scoreSources, it.source, `${at}的来源`);
        if (source === 'sanction') {
          onlyKeys(it, ['label', 'weight', 'source', 'match', 'months'], at);
          return { label, weight, source, match: sanctionMatch(it.match, at), months: int(it, 'months', `${at}的计分期间（月）`, 1, 240, { nullable: true }) };
        }
        onlyKeys(it, ['label', 'weight', 'source', 'disposalModes', 'statuses'], at);
        const statuses = clueStatuses(it);
        return { label, weight, source: 'clue', disposalModes: clueModes(it), ...(statuses ? { statuses } : {}) };
      });
      if (new Set(items.map((x) => x.label)).size !== items.length) throw badInput('负面清单的条目名称不能重复');
      if (!Array.isArray(raw.thresholds) || !raw.thresholds.length) throw badInput('请至少设置一个分数阈值');
      if (raw.thresholds.length > scheme.levels.length) throw badInput('分数阈值不能多于颜色等级数');
      const thresholds = raw.thresholds.map((th, i) => {
        const at = `第 ${i + 1} 个分数阈值`;
        if (!isObj(th)) throw badInput(`${at}须为对象`);
        onlyKeys(th, ['level', 'min'], at);
        return { level: schemeLevel(scheme, th.level, `${at}的预警等级`), min: int(th, 'min', `${at}的分数`, 1, 10_000)! };
      });
      if (new Set(thresholds.map((x) => x.level)).size !== thresholds.length) throw badInput('每个预警等级只能设置一个分数阈值');
      const rank = (code: string) => scheme.levels.find((l) => l.code === code)!.rank;
      const sorted = [...thresholds].sort((a, b) => a.min - b.min);
      for (let i = 1; i < sorted.length; i++) {
        if (sorted[i].min === sorted[i - 1].min) throw badInput('分数阈值不能相同');
        if (rank(sorted[i].level) < rank(sorted[i - 1].level)) throw badInput('分数越高，预警等级应越高（阈值与等级顺序不一致）');
      }
      return { kind, items, thresholds: sorted };
    }
  }
}

// ---------- Scheme ----------

const LEVEL_CODE_RE = /^[a-z][a-z0-9_]{0,19}$/;
const HEX_RE = /^#[0-9a-fA-F]{6}$/;

export interface SchemeInput {
  levels: { code: string; name: string; hex: string; rank?: number | null; description?: string | null }[];
  influence: { kind?: string | null; measure: string; months: number }[];
  dispositions: { level: string; kind: string; title: string; rectifyWorkingDays: number }[];
}

/** A colour scheme as typed: 3–5 levels (codes, names, colours and ranks unique), influence defaults, dispositions. */
export function validateScheme(input: SchemeInput): WarningScheme {
  const n = input.levels.length;
  if (n < 3 || n > 5) throw badInput('颜色等级须为 3–5 级');
  const levels: WarningLevel[] = input.levels.map((l, i) => {
    const at = `第 ${i + 1} 个等级`;
    const code = l.code.trim();
    if (!LEVEL_CODE_RE.test(code)) throw badInput(`${at}的代码须为小写字母开头的 1–20 位小写字母、数字或下划线`);
    const name = l.name.trim();
    if (!name || name.length > 10) throw badInput(`${at}的名称须为 1–10 个字`);
    if (!HEX_RE.test(l.hex.trim())) throw badInput(`${at}的颜色须为 #RRGGBB 形式`);
    // Listed from the most severe down unless ranks are given.
    const rank = l.rank ?? n - i;
    if (!Number.isInteger(rank) || rank < 1 || rank > 99) throw badInput(`${at}的级别须为 1–99 的整数`);
    const description = l.description?.trim() || undefined;
    if (description && description.length > 100) throw badInput(`${at}的说明最长 100 个字`);
    return { code, name, rank, hex: l.hex.trim().toLowerCase(), ...(description ? { description } : {}) };
  });
  for (const [key, what] of [['code', '代码'], ['name', '名称'], ['rank', '级别'], ['hex', '颜色']] as const) {
    if (new Set(levels.map((l) => l[key])).size !== n) throw badInput(`颜色等级的${what}不能重复`);
  }
  levels.sort((a, b) => b.rank - a.rank);

  if (input.influence.length > 100) throw badInput('默认影响期过多（最多 100 条）');
  const influence: InfluenceDefault[] = input.influence.map((d, i) => {
    const at = `第 ${i + 1} 条默认影响期`;
    const kind = d.kind == null || d.kind === '' ? null : pickCode(SANCTION_KINDS, d.kind, `${at}的处理处分类别`);
    const measure = pickCode(SANCTION_MEASURES, d.measure, `${at}的处理（处分）种类`);
    if (!Number.isInteger(d.months) || d.months < 1 || d.months > 240) throw badInput(`${at}的月数须为 1–240 的整数`);
    return { kind, measure, months: d.months };
  });
  if (new Set(influence.map((d) => `${d.kind}|${d.measure}`)).size !== influence.length) throw badInput('默认影响期中同一类别和种类只能设置一次');

  if (input.dispositions.length > n) throw badInput('处置方式不能多于颜色等级数');
  const dispositions: LevelDisposition[] = input.dispositions.map((d, i) => {
    const at = `第 ${i + 1} 条处置方式`;
    const level = levels.find((l) => l.name === d.level.trim()) ?? levels.find((l) => l.code === d.level.trim());
    if (!level) throw badInput(`${at}的预警等级「${d.level.slice(0, 20)}」不在颜色方案中`);
    const kind = d.kind.trim();
    if (!/^[a-z][a-z_]{0,29}$/.test(kind)) throw badInput(`${at}的处置类别代码须为小写字母或下划线`);
    const title = d.title.trim();
    if (!title || title.length > 30) throw badInput(`${at}的文书名称须为 1–30 个字`);
    if (!Number.isInteger(d.rectifyWorkingDays) || d.rectifyWorkingDays < 1 || d.rectifyWorkingDays > 365) {
      throw badInput(`${at}的整改期限须为 1–365 个工作日`);
    }
    return { level: level.code, kind, title, rectifyWorkingDays: d.rectifyWorkingDays };
  });
  if (new Set(dispositions.map((d) => d.level)).size !== dispositions.length) throw badInput('每个预警等级只能设置一种处置方式');
  return { levels, influence, dispositions };
}

/** Levels a rule set needs that a scheme lacks: "<rule code>：<level>" for each (enabled rules only). */
export function missingLevels(rules: { code: string; enabled: boolean; level: string | null; definition: RuleDefinition }[], scheme: WarningScheme): string[] {
  const have = new Set(scheme.levels.map((l) => l.code));
  const out: string[] = [];
  for (const r of rules) {
    if (!r.enabled) continue;
    const need = r.definition.kind === 'score' ? r.definition.thresholds.map((t) => t.level) : r.level ? [r.level] : [];
    for (const l of need) if (!have.has(l)) out.push(`${r.code}（${l}）`);
  }
  return out;
}
