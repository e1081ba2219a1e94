// Kind `sanction` (docs/warnings.md#sanction): a category-10 record matching the rule is a hit over its influence
// period (influence.ts: its own influenceMonths, else the scheme's default for kind + measure, else for the measure;
// from effectiveOn, else decidedOn; ends_on exclusive). A record with no period counts for fallbackMonths; with
// neither it fires nothing. A period of 0 months is never active.
import { sql } from 'kysely';
import type { SanctionRule } from '../../../../../../shared/warnings.js';
import type { Evaluator } from '../evaluator.js';
import { influenceRows } from '../influence.js';
import { HIT_COLUMNS, measureLabel, ruleValues, sanctionMatch, ymd } from './common.js';

export const evaluateSanction: Evaluator = async (trx, group, scope) => {
  const def = group.rule.definition as SanctionRule;
  const rule = ruleValues(group);
  if (!rule) return;
  const fallback = def.fallbackMonths ?? null;
  const inf = influenceRows(group.scheme.influence, { tenantIds: scope.tenantIds, cadreIds: scope.cadreIds });
  await sql`
    insert into warning_hit ${HIT_COLUMNS}
    select p.tenant_id, p.cadre_id, ${rule}, p.starts_on, p.ends_on, array[p.record_id], p.reason
      from (
        select q.*, ${measureLabel('q')} || '（' || ${ymd(sql`q.starts_on`)} || ' 生效，'
                 || case when q.months is null then '无影响期，按 ' || q.eff_months || ' 个月计' else '影响期 ' || q.eff_months || ' 个月' end
                 || '，至 ' || ${ymd(sql`(q.ends_on - 1)`)} || '）' as reason
          from (
            select i.record_id, i.tenant_id, i.cadre_id, i.kind, i.measure, i.starts_on, i.months,
                   coalesce(i.months, ${fallback}::integer) as eff_months,
                   (i.starts_on + make_interval(months => coalesce(i.months, ${fallback}::integer)))::date as ends_on
              from (${inf}) as i
             where coalesce(i.months, ${fallback}::integer) > 0 ${sanctionMatch('i', def.match)}
          ) as q
      ) as p`.execute(trx);
};
