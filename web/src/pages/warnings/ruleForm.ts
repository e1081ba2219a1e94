// The rule editor's form values ⇄ a rule definition (shared/warnings.ts). The form mirrors the definition's shape per
// kind, so nobody types JSON: selects hold codes from the code tables, numbers hold months, counts and amounts.
import type {
  AmountRule, ClueRule, CountRule, OverdueRule, RuleDefinition, RuleKind, SanctionMatch, SanctionRule, ScoreItem, ScoreRule,
} from '@shared/warnings';

export interface MatchValues { forms?: string[]; kinds?: string[]; measures?: string[] }
export interface ItemValues {
  label?: string; weight?: number; source?: 'sanction' | 'clue';
  match?: MatchValues; months?: number | null; disposalModes?: string[]; statuses?: string[];
}
/** Every field any kind uses; only the kind's own are sent. */
export interface DefValues {
  match?: MatchValues;
  fallbackMonths?: number | null;
  disposalModes?: string[];
  statuses?: string[];
  min?: number;
  windowMonths?: number;
  category?: 'lending' | 'gift';
  minAmount?: number | null;
  repayStatuses?: string[];
  directions?: string[];
  handlings?: string[];
  subject?: 'clue' | 'personal_report' | 'rectification';
  workingDays?: number;
  deadline?: string;
  deadlineYearOffset?: number;
  fromYear?: number;
  graceWorkingDays?: number;
  items?: ItemValues[];
  thresholds?: { level?: string; min?: number }[];
}

export interface RuleFormValues {
  code: string;
  name: string;
  kind: RuleKind;
  level?: string | null;
  enabled: boolean;
  note?: string;
  def: DefValues;
}

const list = (v: string[] | undefined) => (v && v.length ? v : undefined);

function match(m: MatchValues | undefined): SanctionMatch {
  const out: SanctionMatch = {};
  if (list(m?.forms)) out.forms = m!.forms;
  if (list(m?.kinds)) out.kinds = m!.kinds;
  if (list(m?.measures)) out.measures = m!.measures;
  return out;
}

const clean = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/** The definition the form describes (the server checks it again and answers in Chinese). */
export function toDefinition(kind: RuleKind, d: DefValues): RuleDefinition {
  switch (kind) {
    case 'sanction':
      return { kind, match: match(d.match), fallbackMonths: d.fallbackMonths ?? null } satisfies SanctionRule;
    case 'clue':
      return clean({ kind, disposalModes: d.disposalModes ?? [], statuses: list(d.statuses) }) satisfies ClueRule;
    case 'count':
      return { kind, match: match(d.match), min: d.min ?? 2, windowMonths: d.windowMonths ?? 12 } satisfies CountRule;
    case 'amount': {
      const minAmount = d.minAmount == null ? '' : String(d.minAmount);
      if (d.category === 'gift') {
        return clean({ kind, category: 'gift' as const, minAmount, handlings: list(d.handlings), windowMonths: d.windowMonths ?? 12 }) satisfies AmountRule;
      }
      return clean({ kind, category: 'lending' as const, minAmount, repayStatuses: d.repayStatuses ?? [], directions: list(d.directions) }) satisfies AmountRule;
    }
    case 'overdue': {
      let out: OverdueRule;
      if (d.subject === 'personal_report') {
        out = { kind, subject: 'personal_report', deadline: d.deadline ?? '', deadlineYearOffset: d.deadlineYearOffset ?? 1, fromYear: d.fromYear ?? new Date().getFullYear() - 1 };
      } else if (d.subject === 'rectification') {
        out = { kind, subject: 'rectification', graceWorkingDays: d.graceWorkingDays ?? 0 };
      } else {
        out = { kind, subject: 'clue', disposalModes: d.disposalModes ?? [], workingDays: d.workingDays ?? 15 };
      }
      return out;
    }
    case 'score': {
      const items: ScoreItem[] = (d.items ?? []).map((it) => (it.source === 'clue'
        ? clean({ label: it.label ?? '', weight: it.weight ?? 1, source: 'clue' as const, disposalModes: it.disposalModes ?? [], statuses: list(it.statuses) })
        : { label: it.label ?? '', weight: it.weight ?? 1, source: 'sanction' as const, match: match(it.match), months: it.months ?? null }));
      return { kind, items, thresholds: (d.thresholds ?? []).map((t) => ({ level: t.level ?? '', min: t.min ?? 0 })) } satisfies ScoreRule;
    }
  }
}

/** The form values of a stored definition. */
export function fromDefinition(def: RuleDefinition): DefValues {
  const { kind: _kind, ...rest } = def as RuleDefinition & Record<string, unknown>;
  const d = rest as DefValues & { minAmount?: unknown };
  if (def.kind === 'amount') d.minAmount = Number(def.minAmount);
  return d as DefValues;
}

/** What a new rule of a kind starts from. */
export function blankDefinition(kind: RuleKind): DefValues {
  switch (kind) {
    case 'sanction': return { match: { forms: ['2'] }, fallbackMonths: null };
    case 'clue': return { disposalModes: ['talk_inquiry'], statuses: ['open'] };
    case 'count': return { match: { forms: ['1'] }, min: 2, windowMonths: 12 };
    case 'amount': return { category: 'lending', minAmount: 100000, repayStatuses: ['open', 'overdue'] };
    case 'overdue': return { subject: 'clue', disposalModes: ['talk_inquiry'], workingDays: 15 };
    case 'score': return {
      items: [{ label: '第一种形态', weight: 1, source: 'sanction', match: { forms: ['1'] }, months: 12 }],
      thresholds: [{ level: 'yellow', min: 3 }],
    };
  }
}

/** Readable text on a level's colour (dark on light colours such as 黄). */
export function textOn(hex: string): string {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return '#fff';
  const [r, g, b] = m.slice(1).map((x) => parseInt(x, 16));
  return 0.299 * r + 0.587 * g + 0.114 * b > 160 ? 'rgba(0,0,0,0.85)' : '#fff';
}
