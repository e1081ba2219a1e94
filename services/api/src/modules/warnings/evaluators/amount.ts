// Kind `amount` (docs/warnings.md#amount): thresholds over typed money columns.
// - lending (category 4): a loan of at least minAmount whose repayStatus is one of repayStatuses (and, when given, whose
//   direction is one of directions) fires from occurredOn, open-ended: while it stays so (settling it is a record
//   change, which recomputes). A loan settled with its 结清日期 was 未结清 from occurredOn until that day
//   (docs/warnings.md#closing-dates): a rule over 未结清 shows it at as-of dates before the settling.
// - gift (category 2): a gift of at least minAmount (only the given handlings, when given) fires windowMonths from
//   occurredOn (ends_on exclusive, month ends clamp as for influence periods).
import { sql } from 'kysely';
import type { AmountRule } from '../../../../../../shared/warnings.js';
import type { Evaluator } from '../evaluator.js';
import { HIT_COLUMNS, labelOf, LENDING_CLOSING, liveRecordJoin, ruleValues, statusPhases, ymd } from './common.js';

const AMOUNT_RE = /^\d{1,12}(\.\d{1,2})?$/;
const yuan = (e: ReturnType<typeof sql>) => sql`to_char(${e}, 'FM999,999,999,999,990.00')`;

export const evaluateAmount: Evaluator = async (trx, group, scope) => {
  const def = group.rule.definition as AmountRule;
  const rule = ruleValues(group);
  if (!rule || !AMOUNT_RE.test(String(def.minAmount))) return;
  const min = String(def.minAmount);
  if (def.category === 'lending') {
    if (!def.repayStatuses?.length) return;
    const directions = def.directions?.length ? sql`and l.direction = any (${def.directions}::text[])` : sql``;
    await sql`
      insert into warning_hit ${HIT_COLUMNS}
      select r.tenant_id, r.cadre_id, ${rule}, ph.s, ph.e, array[r.id],
             '民间借贷' || ${labelOf('lending.direction', sql`l.direction`)} || ' ' || ${yuan(sql`l.amount`)} || ' 元，'
               || ${labelOf('lending.repayStatus', sql`ph.status`)} || '（' || ${ymd(sql`l.occurred_on`)} || ' 发生'
               || case when l.settled_on is null then '' else '，' || ${ymd(sql`l.settled_on`)} || ' 结清' end || '）'
        from record_lending l
        ${liveRecordJoin('l', scope, statusPhases('l', LENDING_CLOSING))}
         and l.amount >= ${min}::numeric and ph.status = any (${def.repayStatuses}::text[]) ${directions}`.execute(trx);
    return;
  }
  if (def.category === 'gift') {
    const months = Math.trunc(Number(def.windowMonths));
    if (!(months >= 1)) return;
    const handlings = def.handlings?.length ? sql`and g.handling = any (${def.handlings}::text[])` : sql``;
    await sql`
      insert into warning_hit ${HIT_COLUMNS}
      select x.tenant_id, x.cadre_id, ${rule}, x.occurred_on, x.ends_on, array[x.record_id],
             ${labelOf('gift.giftKind', sql`x.gift_kind`)} || ' ' || ${yuan(sql`x.amount`)} || ' 元（' || ${ymd(sql`x.occurred_on`)} || '，'
               || ${labelOf('gift.handling', sql`x.handling`)} || '），至 ' || ${ymd(sql`(x.ends_on - 1)`)}
        from (
          select r.tenant_id, r.cadre_id, r.id as record_id, g.occurred_on, g.gift_kind, g.amount, g.handling,
                 (g.occurred_on + make_interval(months => ${months}::integer))::date as ends_on
            from record_gift g
            ${liveRecordJoin('g', scope)}
             and g.amount >= ${min}::numeric ${handlings}
        ) as x`.execute(trx);
  }
};
