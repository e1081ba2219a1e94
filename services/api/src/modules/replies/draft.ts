// Drafting a 廉政审查情况复函 from the records alone (docs/replies.md#drafting): for each cadre, as of the reply date,
// the petitions and clues (category 8) and the sanctions, organisational handling, 诫勉 and talks (category 10) with
// their influence periods — from the one influence engine (warnings/influence.ts) — and a conclusion citing the facts
// that decide it:
//   不宜作为拟…人选  a record whose influence period is running bars the purpose (tenant setting), or an open case
//                    (立案审查调查, 办理中);
//   建议暂缓        an open clue under 谈话函询, 初步核实 or 暂存待查;
//   不持异议        otherwise.
// Only accepted, live records that existed on the date count (received / decided on or before it).
import { sql } from 'kysely';
import type { Tx } from '../../db/scope.js';
import { influenceRows } from '../warnings/influence.js';
import { dayBefore, formLabel, kindLabel, measureLabel } from '../warnings/read.js';
import { chineseDate } from '../../../../../shared/time.js';
import type { InfluenceDefault } from '../../../../../shared/warnings.js';
import { conclusionText, REPLY_PURPOSE_LABELS, type ReplyConclusion, type ReplyPurpose } from '../../../../../shared/replies.js';

/** One fact of a draft: a record, what it says, and whether it decides the conclusion. */
export interface ReplyFact {
  recordId: string;
  /** 8 clue, 10 sanction. */
  category: number;
  text: string;
  /** bars: its influence period bars the purpose; case: an open case; defers: an open clue; null: stated only. */
  effect: 'bars' | 'case' | 'defers' | null;
}

export interface CadreDraft {
  cadreId: string;
  conclusion: ReplyConclusion;
  facts: ReplyFact[];
  draft: string;
}

export interface DraftCadre { id: string; name: string; unit_name: string; position: string | null }

export interface DraftInput {
  tenantId: string;
  cadres: DraftCadre[];
  asOf: string;
  purpose: ReplyPurpose;
  purposeText?: string | null;
  /** Purposes a running influence period bars (the tenant's setting). */
  barred: readonly ReplyPurpose[];
  /** Per measure code, the purposes its running period bars instead of `barred`. */
  byMeasure?: Readonly<Record<string, readonly ReplyPurpose[]>>;
  /** The tenant's influence defaults (its warning scheme). */
  influence: readonly InfluenceDefault[];
}

interface SanctionRow {
  record_id: string; cadre_id: string; kind: string; measure: string; form: string; decided_on: string;
  starts_on: string; months: number | null; ends_on: string | null; issuing_body: string; document_no: string | null;
}
interface ClueRow {
  record_id: string; cadre_id: string; received_on: string; source: string; disposal_mode: string; handling_status: string; closed_on: string | null;
  disposed_on: string | null; result: string | null; summary: string;
}

const DEFERRING = new Set(['talk_inquiry', 'verification', 'held']);
const MODE_LABELS: Record<string, string> = {
  talk_inquiry: '谈话函询', verification: '初步核实', held: '暂存待查', closed: '予以了结', investigation: '立案审查调查',
};
const SOURCE_LABELS: Record<string, string> = {
  inspection: '巡视', patrol: '巡察', petition: '信访举报', case_supervision: '案件监督管理', audit: '审计', other: '其他',
};

/** The drafts of the cadres, in their order. Two statements whatever the number of cadres. */
export async function draftReplies(trx: Tx, input: DraftInput): Promise<CadreDraft[]> {
  const ids = input.cadres.map((c) => c.id);
  if (!ids.length) return [];
  const inf = influenceRows(input.influence, { tenantIds: [input.tenantId], cadreIds: ids });
  const [sanctions, clues] = await Promise.all([
    sql<SanctionRow>`
      select inf.record_id, inf.cadre_id, inf.kind, inf.measure, inf.form, inf.decided_on::text as decided_on, inf.starts_on::text as starts_on,
             inf.months, inf.ends_on::text as ends_on, s.issuing_body, s.document_no
        from (${inf}) as inf
        join record_sanction s on s.tenant_id = inf.tenant_id and s.record_id = inf.record_id
       where inf.decided_on <= ${input.asOf}::date
       order by inf.decided_on, inf.record_id`.execute(trx),
    sql<ClueRow>`
      select r.id as record_id, r.cadre_id, k.received_on::text as received_on, k.source, k.disposal_mode, k.handling_status, k.closed_on::text as closed_on,
             k.disposed_on::text as disposed_on, k.result, k.summary
        from archive_record r
        join record_clue k on k.tenant_id = r.tenant_id and k.record_id = r.id
       where r.tenant_id = ${input.tenantId}::uuid and r.cadre_id = any (${ids}::uuid[]) and r.category = 8
         and r.deleted_at is null and r.status = 'accepted' and k.received_on <= ${input.asOf}::date
       order by k.received_on, r.id`.execute(trx),
  ]);
  const byCadre = <T extends { cadre_id: string }>(rows: T[]) => {
    const m = new Map<string, T[]>();
    for (const r of rows) m.set(r.cadre_id, [...(m.get(r.cadre_id) ?? []), r]);
    return m;
  };
  const s = byCadre(sanctions.rows), k = byCadre(clues.rows);
  return input.cadres.map((c) => draftOne(c, s.get(c.id) ?? [], k.get(c.id) ?? [], input));
}

function draftOne(c: DraftCadre, sanctions: SanctionRow[], clues: ClueRow[], input: DraftInput): CadreDraft {
  const bars = (measure: string) => (input.byMeasure?.[measure] ?? input.barred).includes(input.purpose);
  const facts: ReplyFact[] = [];
  const clueLines: string[] = [];
  for (const k of clues) {
    const mode = MODE_LABELS[k.disposal_mode] ?? k.disposal_mode;
    // A clue closed after the as-of date was still open then (its 办结日期: docs/warnings.md#closing-dates).
    const open = k.handling_status === 'open' || (k.closed_on !== null && k.closed_on > input.asOf);
    const effect: ReplyFact['effect'] = open && k.disposal_mode === 'investigation' ? 'case' : open && DEFERRING.has(k.disposal_mode) ? 'defers' : null;
    const state = open ? '正在办理中' : `已办结${k.result ? `，处置结果：${oneLine(k.result)}` : ''}`;
    const text = `${chineseDate(k.received_on)}受理${SOURCE_LABELS[k.source] ?? ''}问题线索，处置方式为${mode}，${state}`;
    facts.push({ recordId: k.record_id, category: 8, text, effect });
    clueLines.push(text);
  }
  const sanctionLines: string[] = [];
  for (const x of sanctions) {
    const running = x.ends_on !== null && x.starts_on <= input.asOf && input.asOf < x.ends_on;
    const period = x.ends_on === null ? '' : running
      ? `，影响期至${chineseDate(dayBefore(x.ends_on))}，截至回复日期仍在影响期内`
      : input.asOf < x.starts_on ? `，影响期自${chineseDate(x.starts_on)}起算` : `，影响期已于${chineseDate(dayBefore(x.ends_on))}届满`;
    const text = `${chineseDate(x.decided_on)}受到${x.issuing_body}${measureLabel(x.measure)}（${kindLabel(x.kind)}，${formLabel(x.form)}${x.document_no ? `，${x.document_no}` : ''}）${period}`;
    facts.push({ recordId: x.record_id, category: 10, text, effect: running && bars(x.measure) ? 'bars' : null });
    sanctionLines.push(text);
  }
  const conclusion: ReplyConclusion = facts.some((f) => f.effect === 'bars' || f.effect === 'case') ? 'unsuitable'
    : facts.some((f) => f.effect === 'defers') ? 'defer' : 'no_objection';
  const decisive = facts.filter((f) => f.effect);
  const purpose = input.purpose === 'other' ? (input.purposeText?.trim() || REPLY_PURPOSE_LABELS.other) : REPLY_PURPOSE_LABELS[input.purpose];
  const list = (lines: string[]) => (lines.length ? lines.map((l, i) => `${lines.length > 1 ? `${i + 1}. ` : ''}${l}。`).join('') : '无。');
  const draft = [
    `${c.name}同志（${c.unit_name}${c.position ? c.position : ''}）：经查阅廉政档案，截至${chineseDate(input.asOf)}，`,
    `信访举报及问题线索情况：${list(clueLines)}`,
    `党纪政务处分、组织处理及诫勉谈话等情况：${list(sanctionLines)}`,
    conclusion === 'no_objection' ? `结论：对该同志${purpose}不持异议。`
      : `结论：${conclusion === 'defer' ? `建议暂缓${purpose}` : conclusionText(conclusion, input.purpose, input.purposeText)}（依据：${decisive.map((f) => f.text).join('；')}）。`,
  ].join('\n');
  return { cadreId: c.id, conclusion, facts, draft };
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim().slice(0, 200);
