// Kind `count` (docs/warnings.md#count): at least `min` matching category-10 records decided within any `windowMonths`.
// For each record taken as the min-th of a run, with the run's first record decided less than windowMonths before it,
// the rule fires from that decision date until the first record of the run falls out of the window (its decision date
// + windowMonths, exclusive). Overlapping or touching spans of one cadre merge into one hit naming every record in it.
import { sql } from 'kysely';
import type { CountRule } from '../../../../../../shared/warnings.js';
import type { Evaluator } from '../evaluator.js';
import { HIT_COLUMNS, liveRecordJoin, measureLabel, ruleValues, sanctionMatch, ymd } from './common.js';

export const evaluateCount: Evaluator = async (trx, group, scope) => {
  const def = group.rule.definition as CountRule;
  const rule = ruleValues(group);
  const min = Math.trunc(Number(def.min));
  const months = Math.trunc(Number(def.windowMonths));
  if (!rule || !(min >= 1) || !(months >= 1)) return;
  await sql`
    insert into warning_hit ${HIT_COLUMNS}
    with m as (
      select r.tenant_id, r.cadre_id, r.id as record_id, s.decided_on, s.kind, s.measure,
             row_number() over (partition by r.tenant_id, r.cadre_id order by s.decided_on, r.id) as n
        from record_sanction s
        ${liveRecordJoin('s', scope)} ${sanctionMatch('s', def.match)}
    ), runs as (
      select b.tenant_id, b.cadre_id, b.decided_on as starts_on, (a.decided_on + make_interval(months => ${months}::integer))::date as ends_on,
             a.n as first_n, b.n as last_n
        from m b join m a on a.tenant_id = b.tenant_id and a.cadre_id = b.cadre_id and a.n = b.n - (${min}::integer - 1)
       where b.decided_on < (a.decided_on + make_interval(months => ${months}::integer))::date
    ), marked as (
      select x.*, sum(case when x.starts_on <= x.prev_end then 0 else 1 end)
               over (partition by x.tenant_id, x.cadre_id order by x.starts_on, x.last_n) as island
        from (select runs.*, max(runs.ends_on) over (partition by runs.tenant_id, runs.cadre_id order by runs.starts_on, runs.last_n
                                                     rows between unbounded preceding and 1 preceding) as prev_end
                from runs) as x
    ), islands as (
      select tenant_id, cadre_id, min(starts_on) as starts_on, max(ends_on) as ends_on, min(first_n) as first_n, max(last_n) as last_n
        from marked group by tenant_id, cadre_id, island
    )
    select i.tenant_id, i.cadre_id, ${rule}, i.starts_on, i.ends_on,
           array(select m.record_id from m where m.tenant_id = i.tenant_id and m.cadre_id = i.cadre_id and m.n between i.first_n and i.last_n order by m.n),
           ${months}::text || ' 个月内受处理处分达 ' || ${min}::text || ' 次（'
             || (select string_agg(${ymd(sql`m.decided_on`)} || ' ' || ${measureLabel('m')}, '、' order by m.n)
                   from m where m.tenant_id = i.tenant_id and m.cadre_id = i.cadre_id and m.n between i.first_n and i.last_n)
             || '），至 ' || ${ymd(sql`(i.ends_on - 1)`)}
      from islands i`.execute(trx);
};
