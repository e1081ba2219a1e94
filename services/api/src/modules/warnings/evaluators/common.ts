// Pieces shared by the evaluators (contract: ../evaluator.ts; docs/warnings.md#evaluation): the rule's constant columns
// of a hit, the scope conditions, matches over category-10 codes, how a date reads in a reason, and the one home of
// working-day arithmetic (`workdaysAfter`, docs/work-calendar.md#overdue-rules-kind-overdue).
import { sql, type RawBuilder } from 'kysely';
import type { SanctionMatch } from '../../../../../../shared/warnings.js';
import type { EvalScope } from '../evaluator.js';
import { levelOf, type EvaluationGroup } from '../resolve.js';

/** The columns every evaluator inserts, in this order (see `hitColumns`). */
export const HIT_COLUMNS = sql`(tenant_id, cadre_id, rule_code, rule_version, rule_name, level, level_rank, starts_on, ends_on, record_ids, reason)`;

/** rule_code, rule_version, rule_name, level, level_rank of a group's rule as SQL values; null when the level is unknown. */
export function ruleValues(group: EvaluationGroup, levelCode: string | null = group.rule.level): RawBuilder<unknown> | null {
  const level = levelOf(group.scheme, levelCode);
  if (!level) return null; // a rule naming a level the tenant's scheme lacks raises nothing
  return sql`${group.rule.code}::text, ${group.rule.version}::integer, ${group.rule.name}::text, ${level.code}::text, ${level.rank}::smallint`;
}

/** `and r.tenant_id = any(…) [and r.cadre_id = any(…)]` over an alias with tenant_id / cadre_id. */
export function scopeWhere(alias: string, scope: EvalScope): RawBuilder<unknown> {
  const a = sql.ref(alias);
  const tenants = sql`and ${a}.tenant_id = any (${scope.tenantIds}::uuid[])`;
  return scope.cadreIds ? sql`${tenants} and ${a}.cadre_id = any (${scope.cadreIds}::uuid[])` : tenants;
}

/**
 * The live, accepted archive records of the scope joined to their live cadre: `r` (archive_record) and `c` (cadre).
 * Use as `from <typed table> x join … ${liveRecords('x')}`.
 */
export function liveRecordJoin(typed: string, scope: EvalScope, moreJoins: RawBuilder<unknown> = sql``): RawBuilder<unknown> {
  const x = sql.ref(typed);
  return sql`join archive_record r on r.tenant_id = ${x}.tenant_id and r.id = ${x}.record_id
    and r.deleted_at is null and r.status = 'accepted'
    join cadre c on c.tenant_id = r.tenant_id and c.id = r.cadre_id and c.deleted_at is null
    ${moreJoins}
    where true ${scopeWhere('r', scope)}`;
}

/** How a clue or a loan goes from open to closed (docs/warnings.md#closing-dates). */
interface ClosingSpec { status: string; from: string; closedOn: string; closed: string; open: string }
/** Category 8: 办理中 from receivedOn; 已办结 from closedOn (办结日期). */
export const CLUE_CLOSING: ClosingSpec = { status: 'handling_status', from: 'received_on', closedOn: 'closed_on', closed: 'closed', open: 'open' };
/** Category 4: 未结清 from occurredOn; 已结清 from settledOn (结清日期). */
export const LENDING_CLOSING: ClosingSpec = { status: 'repay_status', from: 'occurred_on', closedOn: 'settled_on', closed: 'settled', open: 'open' };

/**
 * The states a clue or a loan went through, as a lateral join `ph(status, s, e)` over the typed alias (e exclusive,
 * null: open-ended). A closed record with its closing date was `open` over [its date, closing) and closed from the
 * closing on; any other record is in its current status from its date on — a record closed without a closing date
 * (entered before migration 0034) has no known past, as before. The disposal mode and the amount are the current ones.
 */
export function statusPhases(typed: string, spec: ClosingSpec): RawBuilder<unknown> {
  const [status, from, closedOn] = [sql.ref(`${typed}.${spec.status}`), sql.ref(`${typed}.${spec.from}`), sql.ref(`${typed}.${spec.closedOn}`)];
  return sql`cross join lateral (
      select ${spec.open}::text as status, ${from} as s, ${closedOn} as e
       where ${status} = ${spec.closed} and ${closedOn} is not null and ${closedOn} > ${from}
      union all
      select ${status}, coalesce(${closedOn}, ${from}), null::date
    ) as ph`;
}

/** `and` conditions of a SanctionMatch over an alias with kind / measure / form (an absent or empty list matches all). */
export function sanctionMatch(alias: string, m: SanctionMatch | undefined): RawBuilder<unknown> {
  const a = sql.ref(alias);
  const parts: RawBuilder<unknown>[] = [];
  if (m?.forms?.length) parts.push(sql`and ${a}.form = any (${m.forms}::text[])`);
  if (m?.kinds?.length) parts.push(sql`and ${a}.kind = any (${m.kinds}::text[])`);
  if (m?.measures?.length) parts.push(sql`and ${a}.measure = any (${m.measures}::text[])`);
  return parts.length ? sql.join(parts, sql` `) : sql``;
}

/** A date column as YYYY-MM-DD text. */
export const ymd = (e: RawBuilder<unknown>) => sql`to_char(${e}, 'YYYY-MM-DD')`;

/** The label users see of a code (code_label), else the code itself. */
export const labelOf = (domain: string, code: RawBuilder<unknown>) =>
  sql`coalesce((select lbl.label from code_label lbl where lbl.domain = ${domain} and lbl.code = ${code}), ${code})`;

/** The label of a category-10 record's measure (其他 → its kind's label, e.g. 其他处分). */
export const measureLabel = (alias: string) => {
  const a = sql.ref(alias);
  return sql`case when ${a}.measure = 'other' then ${labelOf('sanction.kind', sql`${a}.kind`)} else ${labelOf('sanction.measure', sql`${a}.measure`)} end`;
};

/** '；工作日历未覆盖 2027 年，暂按周一至周五计算' when the span from..to leaves the calendar's covered years, else ''. */
export const coverageNote = (from: RawBuilder<unknown>, to: RawBuilder<unknown>) => sql`coalesce((
  select '；工作日历未覆盖 ' || string_agg(y::text, '、' order by y) || ' 年，暂按周一至周五计算'
    from generate_series(extract(year from ${from})::int, extract(year from ${to})::int) y
   where not exists (select 1 from work_calendar_year w where w.year = y)), '')`;

/**
 * The one home of working-day arithmetic in the evaluators: a query of (d, due, note) with, for each distinct date d
 * of `dates` (a query whose first column is named d), the date `days` working days after it (national calendar with
 * 调休, app_add_workdays of migration 0026; d itself not counted; 0: d) and the coverage note of the span. Each
 * distinct date is counted once (app_add_workdays costs ≈ 60 µs a call, so never per row); use it as a materialized
 * CTE and join it back on d. A date whose count leaves the calendar function's range (1949–2100) is left out.
 */
export function workdaysAfter(dates: RawBuilder<unknown>, days: number): RawBuilder<unknown> {
  return sql`select x.d, x.due, ${coverageNote(sql`x.d`, sql`x.due`)} as note
    from (select s.d, app_add_workdays(s.d, ${days}::integer) as due from (select distinct q.d from (${dates}) as q) as s) as x
   where x.due is not null`;
}
