// Kind `clue` (docs/warnings.md#clue): a category-8 clue under one of the rule's disposal modes whose handling status is
// one of its statuses (default 办理中) fires from its receipt: until its 办结日期 when it was closed with one
// (docs/warnings.md#closing-dates: an as-of date before the closing still shows the open clue), else open-ended while it
// stays so (the change that closes it recomputes the cadre in the same request). A clue under 立案审查调查 still 办理中 is
// an open case.
import { sql } from 'kysely';
import type { ClueRule } from '../../../../../../shared/warnings.js';
import type { Evaluator } from '../evaluator.js';
import { CLUE_CLOSING, HIT_COLUMNS, labelOf, liveRecordJoin, ruleValues, statusPhases, ymd } from './common.js';

export const evaluateClue: Evaluator = async (trx, group, scope) => {
  const def = group.rule.definition as ClueRule;
  const rule = ruleValues(group);
  if (!rule || !def.disposalModes?.length) return;
  const statuses = def.statuses?.length ? def.statuses : ['open'];
  await sql`
    insert into warning_hit ${HIT_COLUMNS}
    select r.tenant_id, r.cadre_id, ${rule}, ph.s, ph.e, array[r.id],
           '问题线索' || ${labelOf('clue.handlingStatus', sql`ph.status`)} || '：'
             || ${labelOf('clue.disposalMode', sql`k.disposal_mode`)} || '（' || ${ymd(sql`k.received_on`)} || ' 受理'
             || case when k.closed_on is null then '' else '，' || ${ymd(sql`k.closed_on`)} || ' 办结' end || '）'
      from record_clue k
      ${liveRecordJoin('k', scope, statusPhases('k', CLUE_CLOSING))}
       and k.disposal_mode = any (${def.disposalModes}::text[]) and ph.status = any (${statuses}::text[])`.execute(trx);
};
