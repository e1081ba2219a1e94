// Kind `overdue` (docs/work-calendar.md#overdue-rules-kind-overdue): items not done by their deadline, counted in working
// days of the national calendar (migration 0026). One set-based INSERT … SELECT per subject; due dates come from
// common.ts workdaysAfter (once per distinct start date, joined back), the evaluators' one home of working-day arithmetic.
import { sql } from 'kysely';
import type { OverdueRule } from '../../../../../../shared/warnings.js';
import type { Tx } from '../../../db/scope.js';
import type { EvalScope, Evaluator } from '../evaluator.js';
import type { EvaluationGroup } from '../resolve.js';
import {
  CLUE_CLOSING, HIT_COLUMNS, labelOf, liveRecordJoin, ruleValues, scopeWhere, statusPhases, workdaysAfter, ymd,
} from './common.js';
import { overdueRectification } from './overdue-rectification.js';

type Subject = OverdueRule['subject'];
export type OverdueEvaluator<S extends Subject = Subject> =
  (trx: Tx, group: EvaluationGroup, scope: EvalScope, def: Extract<OverdueRule, { subject: S }>) => Promise<void>;

/** The word for an overdue clue by disposal mode (函询超期 …). */
const CLUE_PREFIX: Record<string, string> = {
  talk_inquiry: '函询超期', verification: '初核超期', held: '暂存待查超期', investigation: '审查调查超期',
};

/**
 * A live, accepted clue under one of the modes, still 办理中 `workingDays` working days after its receipt: overdue from
 * that day on, open-ended while it stays open (closing it recomputes the cadre), or until its 办结日期 when it was closed
 * late with one (docs/warnings.md#closing-dates). A clue closed in time, or closed without a date, fires nothing.
 */
const clueOverdue: OverdueEvaluator<'clue'> = async (trx, group, scope, def) => {
  const rule = ruleValues(group);
  const n = Number(def.workingDays);
  if (!rule || !def.disposalModes?.length || !Number.isInteger(n) || n < 1 || n > 1000) return;
  const prefixes = JSON.stringify(CLUE_PREFIX);
  await sql`
    with k as materialized (
      select r.tenant_id, r.cadre_id, r.id as record_id, k.received_on, k.disposal_mode, ph.e as closed_on
        from record_clue k
        ${liveRecordJoin('k', scope, statusPhases('k', CLUE_CLOSING))}
         and k.disposal_mode = any (${def.disposalModes}::text[]) and ph.status = 'open'
    ), due as materialized (${workdaysAfter(sql`select received_on as d from k`, n)})
    insert into warning_hit ${HIT_COLUMNS}
    select k.tenant_id, k.cadre_id, ${rule}, due.due, k.closed_on, array[k.record_id],
           coalesce(${prefixes}::jsonb ->> k.disposal_mode, '问题线索办理超期') || '：'
             || ${labelOf('clue.disposalMode', sql`k.disposal_mode`)}
             || '（' || ${ymd(sql`k.received_on`)} || ' 受理，' || ${n}::integer || ' 个工作日内应办结，'
             || case when k.closed_on is null then '已逾期' else '逾期至 ' || ${ymd(sql`k.closed_on`)} || ' 办结' end || due.note || '）'
      from k join due on due.d = k.received_on
     where k.closed_on is null or k.closed_on > due.due`.execute(trx);
};

const DEADLINE_RE = /^(\d{2})-(\d{2})$/;

/**
 * For every report year Y from fromYear to next year: a live cadre in office at the deadline (MM-DD of Y + offset)
 * without a live, accepted 年度集中报告 of year Y reported by then is overdue from the day after the deadline until the
 * report is filed (open-ended while none is), or until the cadre left office (a status other than 在职 from its status_on).
 */
const personalReportOverdue: OverdueEvaluator<'personal_report'> = async (trx, group, scope, def) => {
  const rule = ruleValues(group);
  const m = DEADLINE_RE.exec(String(def.deadline ?? ''));
  const offset = Number(def.deadlineYearOffset ?? 1), from = Number(def.fromYear);
  if (!rule || !m || !Number.isInteger(offset) || offset < 0 || offset > 5 || !Number.isInteger(from) || from < 1949 || from > 2100) return;
  const [month, day] = [Number(m[1]), Number(m[2])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return;
  await sql`
    with y as materialized (
      -- The deadline: MM-DD of Y + offset, a day past the month's end clamped to its last day (02-29 in common years).
      select g as year, least(make_date(g + ${offset}::int, ${month}::int, 1) + (${day}::int - 1),
                              (make_date(g + ${offset}::int, ${month}::int, 1) + interval '1 month' - interval '1 day')::date) as deadline
        from generate_series(${from}::int, least(2099 - ${offset}::int, extract(year from current_date)::int + 1)) g
    ), c as materialized (
      -- 在职: code 1 of cadre_status (rows older than the code table may still read 在职).
      select c.tenant_id, c.id as cadre_id, c.status in ('1', '在职') as in_office, c.status_on from cadre c
       where true ${scopeWhere('c', { ...scope, cadreIds: null })} ${scope.cadreIds ? sql`and c.id = any (${scope.cadreIds}::uuid[])` : sql``}
         and c.deleted_at is null
    ), f as materialized (
      select r.tenant_id, r.cadre_id, p.report_year::int as year, min(p.reported_on) as filed_on,
             (array_agg(r.id order by p.reported_on, r.id))[1] as record_id
        from record_personal_report p
        join archive_record r on r.tenant_id = p.tenant_id and r.id = p.record_id and r.deleted_at is null and r.status = 'accepted'
       where true ${scopeWhere('r', scope)} and p.report_type = 'annual' and p.report_year >= ${from}::int
       group by r.tenant_id, r.cadre_id, p.report_year
    ), h as (
      select c.tenant_id, c.cadre_id, y.year, y.deadline, f.filed_on, f.record_id,
             (y.deadline + 1) as starts_on,
             least(f.filed_on, case when not c.in_office then c.status_on end) as ends_on
        from c cross join y
        left join f on f.tenant_id = c.tenant_id and f.cadre_id = c.cadre_id and f.year = y.year
       where (f.filed_on is null or f.filed_on > y.deadline)
         -- Not in office at the deadline: nothing was due.
         and not (not c.in_office and (c.status_on is null or c.status_on <= y.deadline))
    )
    insert into warning_hit ${HIT_COLUMNS}
    select h.tenant_id, h.cadre_id, ${rule}, h.starts_on, h.ends_on,
           case when h.ends_on is not null and h.filed_on = h.ends_on then array[h.record_id] else '{}'::uuid[] end,
           '个人有关事项报告逾期：' || h.year || ' 年度集中报告（应于 ' || ${ymd(sql`h.deadline`)} || ' 前报告，'
             || case when h.filed_on is not null then ${ymd(sql`h.filed_on`)} || ' 补报' else '未报告' end || '）'
      from h
     where h.ends_on is null or h.ends_on > h.starts_on`.execute(trx);
};

/** The evaluator of each overdue subject (`rectification` is the dispositions module's: docs/dispositions.md). */
export const OVERDUE_SUBJECTS: Partial<{ [S in Subject]: OverdueEvaluator<S> }> = {
  clue: clueOverdue,
  personal_report: personalReportOverdue,
  rectification: overdueRectification,
};

export const evaluateOverdue: Evaluator = async (trx, group, scope) => {
  const def = group.rule.definition as OverdueRule;
  const evaluate = OVERDUE_SUBJECTS[def.subject] as OverdueEvaluator | undefined;
  if (!evaluate) throw new Error(`no evaluator for overdue subject ${String(def.subject)}`);
  await evaluate(trx, group, scope, def);
};
