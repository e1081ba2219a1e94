// 廉情预警: the shapes of warning rules and of a tenant's warning scheme, and the built-in defaults every tenant
// inherits until it (or an ancestor) overrides them. Shared by the API (validation, evaluation) and the console (rule
// editor). docs/warnings.md explains the model; migration 0024 stores it.
//
// Codes, not labels, inside definitions: sanction kinds/measures/forms and clue modes/statuses are the stored codes of
// services/api/src/modules/records/categories.ts (e.g. form '3', measure 'party_post_revoked', disposal 'talk_inquiry').

/** A colour level of a tenant's scheme: `code` is stored on rules and hits, `name` is what users see (红, 橙 …). */
export interface WarningLevel {
  code: string;
  name: string;
  /** Higher is more severe: a cadre's colour is the level of highest rank among the hits active on the date. */
  rank: number;
  /** CSS colour for tags, charts and the board. */
  hex: string;
  /** One line for the legend (e.g. 第三、四种形态影响期内或正在立案审查). */
  description?: string;
}

/** A default influence period: the record's own influenceMonths wins; else kind + measure, else measure alone (kind null). */
export interface InfluenceDefault { kind: string | null; measure: string; months: number }

/** The disposition a level calls for (黄 → 警示提醒 …): code of the disposition kind, its title, rectification days. */
export interface LevelDisposition { level: string; kind: string; title: string; rectifyWorkingDays: number }

export interface WarningScheme {
  levels: WarningLevel[];
  influence: InfluenceDefault[];
  dispositions: LevelDisposition[];
}

/** Which category-10 records a rule looks at (codes; an absent list matches all). */
export interface SanctionMatch { forms?: string[]; kinds?: string[]; measures?: string[] }

/** Record (category 10) inside its influence period; a record with no period counts for fallbackMonths (none: skipped). */
export interface SanctionRule { kind: 'sanction'; match: SanctionMatch; fallbackMonths?: number | null }
/** Clue (category 8) under one of the disposal modes, while its handling status is one of statuses (default: open). */
export interface ClueRule { kind: 'clue'; disposalModes: string[]; statuses?: string[] }
/** At least `min` matching category-10 records decided within any `windowMonths`. */
export interface CountRule { kind: 'count'; match: SanctionMatch; min: number; windowMonths: number }
/**
 * Amounts over typed money columns: lending (category 4) of at least minAmount whose repayStatus is one of
 * repayStatuses (active from occurredOn while so); gifts (category 2) of at least minAmount, optionally only some
 * handlings, active windowMonths from occurredOn.
 */
export type AmountRule =
  | { kind: 'amount'; category: 'lending'; minAmount: string; repayStatuses: string[]; directions?: string[] }
  | { kind: 'amount'; category: 'gift'; minAmount: string; handlings?: string[]; windowMonths: number };
/**
 * Overdue items, counted in working days of the national calendar (services/api/src/modules/calendar):
 * - clue: a clue under disposalModes still open workingDays after receivedOn;
 * - personal_report: no annual personal-matters report (category 1, reportType annual) for year Y filed by the
 *   deadline MM-DD of year Y + deadlineYearOffset (from fromYear on);
 * - rectification: a disposition's rectification not accepted graceWorkingDays after its due date.
 */
export type OverdueRule =
  | { kind: 'overdue'; subject: 'clue'; disposalModes: string[]; workingDays: number }
  | { kind: 'overdue'; subject: 'personal_report'; deadline: string; deadlineYearOffset: number; fromYear: number }
  | { kind: 'overdue'; subject: 'rectification'; graceWorkingDays: number };
/** One item of a negative list (负面清单): what matches, its weight, how long it counts. */
export type ScoreItem =
  | { label: string; weight: number; source: 'sanction'; match: SanctionMatch; months?: number | null }
  | { label: string; weight: number; source: 'clue'; disposalModes: string[]; statuses?: string[] };
/** A negative list: items' weights add up while they are active; the highest threshold reached gives the level. */
export interface ScoreRule { kind: 'score'; items: ScoreItem[]; thresholds: { level: string; min: number }[] }

export type RuleDefinition = SanctionRule | ClueRule | CountRule | AmountRule | OverdueRule | ScoreRule;
export type RuleKind = RuleDefinition['kind'];

export const RULE_KIND_LABELS: Record<RuleKind, string> = {
  sanction: '处理处分影响期', clue: '问题线索办理', count: '一定期间内次数', amount: '金额阈值', overdue: '逾期事项', score: '负面清单积分',
};

export interface WarningRuleSpec {
  code: string;
  name: string;
  /** Level code; null for score rules. */
  level: string | null;
  enabled: boolean;
  definition: RuleDefinition;
}

export const DEFAULT_SCHEME: WarningScheme = {
  levels: [
    { code: 'red', name: '红', rank: 4, hex: '#cf1322', description: '第三、四种形态影响期内，或正在立案审查调查' },
    { code: 'orange', name: '橙', rank: 3, hex: '#fa8c16', description: '第二种形态影响期内' },
    { code: 'yellow', name: '黄', rank: 2, hex: '#fadb14', description: '第一种形态影响期内（无影响期的 12 个月内）' },
    { code: 'blue', name: '蓝', rank: 1, hex: '#1677ff', description: '提示：问题线索正在办理' },
  ],
  // docs/domain.md#influence-periods-影响期. 留党察看: probation (1 year unless the record states its own period) + 24.
  influence: [
    { kind: 'party', measure: 'warning', months: 12 },
    { kind: 'party', measure: 'serious_warning', months: 18 },
    { kind: 'party', measure: 'party_post_revoked', months: 24 },
    { kind: 'party', measure: 'probation', months: 36 },
    { kind: 'party', measure: 'party_expulsion', months: 60 },
    { kind: 'state', measure: 'warning', months: 6 },
    { kind: 'state', measure: 'demerit', months: 12 },
    { kind: 'state', measure: 'major_demerit', months: 18 },
    { kind: 'state', measure: 'downgrade', months: 24 },
    { kind: 'state', measure: 'dismissal', months: 24 },
    { kind: null, measure: 'admonition', months: 6 },
    { kind: null, measure: 'removal', months: 12 },
  ],
  dispositions: [
    { level: 'yellow', kind: 'reminder', title: '警示提醒', rectifyWorkingDays: 15 },
    { level: 'orange', kind: 'admonish', title: '警示诫勉书', rectifyWorkingDays: 20 },
    { level: 'red', kind: 'accountability', title: '警示追究书', rectifyWorkingDays: 30 },
  ],
};

/**
 * The default influence period (months) of a category-10 record of this kind and measure (codes) under `defaults` (a
 * scheme's influence table; the built-in one by default): the row of kind + measure, else the row of the measure alone
 * (kind null), else null (none fixed; a record may state its own). The one home of this lookup in TypeScript; the
 * engine applies the same in SQL over whole populations (services/api/src/modules/warnings/influence.ts).
 */
export function influenceDefaultMonths(kind: string | null, measure: string, defaults: readonly InfluenceDefault[] = DEFAULT_SCHEME.influence): number | null {
  return defaults.find((d) => d.kind !== null && d.kind === kind && d.measure === measure)?.months
    ?? defaults.find((d) => d.kind === null && d.measure === measure)?.months ?? null;
}

export const DEFAULT_RULES: WarningRuleSpec[] = [
  { code: 'RED-FORM3', name: '第三种形态处理处分影响期内', level: 'red', enabled: true,
    definition: { kind: 'sanction', match: { forms: ['3'] }, fallbackMonths: null } },
  { code: 'RED-FORM4', name: '第四种形态（无影响期的按 60 个月）', level: 'red', enabled: true,
    definition: { kind: 'sanction', match: { forms: ['4'] }, fallbackMonths: 60 } },
  { code: 'RED-CASE', name: '正在立案审查调查', level: 'red', enabled: true,
    definition: { kind: 'clue', disposalModes: ['investigation'], statuses: ['open'] } },
  { code: 'ORANGE-FORM2', name: '第二种形态处理处分影响期内', level: 'orange', enabled: true,
    definition: { kind: 'sanction', match: { forms: ['2'] }, fallbackMonths: null } },
  { code: 'YELLOW-FORM1', name: '第一种形态（影响期内，无影响期的 12 个月内）', level: 'yellow', enabled: true,
    definition: { kind: 'sanction', match: { forms: ['1'] }, fallbackMonths: 12 } },
  { code: 'BLUE-CLUE', name: '问题线索正在办理（谈话函询、初步核实、暂存待查）', level: 'blue', enabled: true,
    definition: { kind: 'clue', disposalModes: ['talk_inquiry', 'verification', 'held'], statuses: ['open'] } },
  // Overdue rectification escalates (docs/dispositions.md#overdue-rectification): 橙 from the day after the due date.
  { code: 'ORANGE-RECTIFY', name: '整改逾期未通过验收', level: 'orange', enabled: true,
    definition: { kind: 'overdue', subject: 'rectification', graceWorkingDays: 0 } },
];

/** The rule code pattern (migration 0024). */
export const RULE_CODE_RE = /^[A-Z][A-Z0-9-]{1,31}$/;

/** A date as YYYY-MM-DD (the form of every as-of argument and every date a warning shows). */
export const ISO_DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
