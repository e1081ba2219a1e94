// Overdue rectification escalates (docs/dispositions.md#overdue-rectification): rule `{ kind: 'overdue', subject:
// 'rectification', graceWorkingDays }` fires for a cadre from the day after due_on + graceWorkingDays working days
// (national calendar, app_add_workdays of migration 0026) until the day the rectification was accepted (accepted_on;
// open-ended while not accepted). One hit per disposition. Contract: ../evaluator.ts.
//
// Working days come from common.ts workdaysAfter, as for the other overdue subjects (overdue.ts): counted in SQL once per
// distinct due date, never per row, and joined back in the same INSERT … SELECT.
import { sql } from 'kysely';
import type { Evaluator } from '../evaluator.js';
import { HIT_COLUMNS, ruleValues, workdaysAfter, ymd } from './common.js';

export const overdueRectification: Evaluator = async (trx, group, scope) => {
  const def = group.rule.definition;
  if (def.kind !== 'overdue' || def.subject !== 'rectification') return;
  const rule = ruleValues(group);
  if (!rule || !scope.tenantIds.length) return;
  const grace = Math.max(0, Math.min(1000, Math.trunc(Number(def.graceWorkingDays) || 0)));
  const cadres = scope.cadreIds ? sql`and d.cadre_id = any (${scope.cadreIds}::uuid[])` : sql``;
  // With no grace nothing is counted, so no note about the calendar's coverage either.
  const graceText = grace ? sql`'，宽限 ' || ${grace}::integer || ' 个工作日' || m.note` : sql`''`;
  await sql`
    with d as materialized (
      select d.* from disposition d
        join cadre c on c.tenant_id = d.tenant_id and c.id = d.cadre_id and c.deleted_at is null
       where d.tenant_id = any (${scope.tenantIds}::uuid[]) ${cadres}
    ), m as materialized (${workdaysAfter(sql`select due_on as d from d`, grace)})
    insert into warning_hit ${HIT_COLUMNS}
    select d.tenant_id, d.cadre_id, ${rule}, m.due + 1, d.accepted_on, '{}'::uuid[],
           '整改逾期：' || d.title || '（' || d.doc_number || '，整改期限 ' || ${ymd(sql`d.due_on`)} || ${graceText} || '，'
             || case when d.accepted_on is null then '尚未通过验收' else ${ymd(sql`d.accepted_on`)} || ' 通过验收' end || '）'
      from d join m on m.d = d.due_on
     where d.accepted_on is null or d.accepted_on > m.due + 1`.execute(trx);
};
