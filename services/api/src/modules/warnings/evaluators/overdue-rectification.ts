// Overdue rectification escalates (docs/dispositions.md#overdue-rectification): rule `{ kind: 'overdue', subject:
// 'rectification', graceWorkingDays }` fires for a cadre from the day after due_on + graceWorkingDays working days
// (national calendar, app_add_workdays of migration 0026) until the day the rectification was accepted (accepted_on;
// open-ended while not accepted). One hit per disposition. Contract: ../evaluator.ts.
//
// As the other overdue rules (overdue.ts), working days are counted once per distinct due date, never per row, and
// joined back in the same INSERT … SELECT; a due date whose grace runs past the calendar's years fires nothing.
import { sql } from 'kysely';
import type { Evaluator } from '../evaluator.js';
import { levelOf } from '../resolve.js';

export const overdueRectification: Evaluator = async (trx, group, scope) => {
  const def = group.rule.definition;
  if (def.kind !== 'overdue' || def.subject !== 'rectification') return;
  const level = levelOf(group.scheme, group.rule.level);
  if (!level || !scope.tenantIds.length) return;
  const grace = Math.max(0, Math.min(1000, Math.trunc(Number(def.graceWorkingDays) || 0)));
  const cadres = scope.cadreIds ? sql`and d.cadre_id = any (${scope.cadreIds}::uuid[])` : sql``;
  const graceText = grace ? `，宽限 ${grace} 个工作日` : '';
  await sql`
    with d as materialized (
      select d.* from disposition d
        join cadre c on c.tenant_id = d.tenant_id and c.id = d.cadre_id and c.deleted_at is null
       where d.tenant_id = any (${scope.tenantIds}::uuid[]) ${cadres}
    ), m as materialized (
      select x.due_on, x.last + 1 as starts_on
        from (select s.due_on, case when ${grace}::int = 0 then s.due_on else app_add_workdays(s.due_on, ${grace}::int) end as last
                from (select distinct due_on from d) s) x
       where x.last is not null
    )
    insert into warning_hit (tenant_id, cadre_id, rule_code, rule_version, rule_name, level, level_rank, starts_on, ends_on, record_ids, reason)
    select d.tenant_id, d.cadre_id, ${group.rule.code}, ${group.rule.version}, ${group.rule.name}, ${level.code}, ${level.rank},
           m.starts_on, d.accepted_on, '{}'::uuid[],
           '整改逾期：' || d.title || '（' || d.doc_number || '，整改期限 ' || d.due_on::text || ${graceText} || '，'
             || case when d.accepted_on is null then '尚未通过验收' else d.accepted_on::text || ' 通过验收' end || '）'
      from d join m on m.due_on = d.due_on
     where d.accepted_on is null or d.accepted_on > m.starts_on`.execute(trx);
};
