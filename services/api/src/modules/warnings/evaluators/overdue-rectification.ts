// Overdue rectification escalates (docs/dispositions.md#overdue-rectification): rule `{ kind: 'overdue', subject:
// 'rectification', graceWorkingDays }` fires for a cadre from the day after due_on + graceWorkingDays working days
// (national calendar, modules/calendar) until the day the rectification was accepted (accepted_on; open-ended while
// not accepted). One hit per disposition. Contract: ../evaluator.ts.
//
// Working days are counted in Node (calendar/addWorkingDays) only for the distinct due dates of the scope — a handful
// of dates, not rows — and the hits are then written by one INSERT … SELECT joining that date map.
import { sql } from 'kysely';
import type { Evaluator } from '../evaluator.js';
import { levelOf } from '../resolve.js';
import { addWorkingDays } from '../../calendar/index.js';

const nextDay = (date: string) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

export const overdueRectification: Evaluator = async (trx, group, scope) => {
  const def = group.rule.definition;
  if (def.kind !== 'overdue' || def.subject !== 'rectification') return;
  const level = levelOf(group.scheme, group.rule.level);
  if (!level || !scope.tenantIds.length) return;
  const grace = Math.max(0, Math.trunc(Number(def.graceWorkingDays) || 0));
  const cadres = scope.cadreIds ? sql`and d.cadre_id = any (${scope.cadreIds}::uuid[])` : sql``;
  const { rows: dues } = await sql<{ due_on: string }>`
    select distinct d.due_on::text as due_on from disposition d
     where d.tenant_id = any (${scope.tenantIds}::uuid[]) ${cadres}`.execute(trx);
  if (!dues.length) return;
  const map: { due_on: string; starts_on: string }[] = [];
  for (const { due_on } of dues) map.push({ due_on, starts_on: nextDay(grace ? await addWorkingDays(trx, due_on, grace) : due_on) });
  const graceText = grace ? `，宽限 ${grace} 个工作日` : '';
  await sql`
    insert into warning_hit (tenant_id, cadre_id, rule_code, rule_version, rule_name, level, level_rank, starts_on, ends_on, record_ids, reason)
    select d.tenant_id, d.cadre_id, ${group.rule.code}, ${group.rule.version}, ${group.rule.name}, ${level.code}, ${level.rank},
           m.starts_on, d.accepted_on, '{}'::uuid[],
           '整改逾期：' || d.title || '（' || d.doc_number || '，整改期限 ' || d.due_on::text || ${graceText} || '，'
             || case when d.accepted_on is null then '尚未通过验收' else d.accepted_on::text || ' 通过验收' end || '）'
      from disposition d
      join jsonb_to_recordset(${JSON.stringify(map)}::jsonb) as m(due_on date, starts_on date) on m.due_on = d.due_on
      join cadre c on c.tenant_id = d.tenant_id and c.id = d.cadre_id and c.deleted_at is null
     where d.tenant_id = any (${scope.tenantIds}::uuid[]) ${cadres}
       and (d.accepted_on is null or d.accepted_on > m.starts_on)`.execute(trx);
};
