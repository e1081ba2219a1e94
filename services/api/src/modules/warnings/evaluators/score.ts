// Kind `score` (docs/warnings.md#score), the negative list (负面清单): each item that matches a record counts its weight
// while it is active — a category-10 record over `months` from its start when the item says, else over its influence
// period (a record with neither does not count); a clue while it stays under the item's modes and statuses (open-ended,
// or until its 办结日期 for a clue closed with one: docs/warnings.md#closing-dates).
// The cadre's score on a date is the sum of the active items' weights; the level is that of the highest threshold
// reached. Computed by sweeping the items' start and end dates in SQL: the dates cut each cadre's time into segments,
// each segment gets its score and level, and consecutive segments of one level merge into one hit.
import { sql, type RawBuilder } from 'kysely';
import type { ScoreItem, ScoreRule } from '../../../../../../shared/warnings.js';
import type { Evaluator, EvalScope } from '../evaluator.js';
import { influenceRows } from '../influence.js';
import { levelOf, type EvaluationGroup } from '../resolve.js';
import { CLUE_CLOSING, HIT_COLUMNS, liveRecordJoin, sanctionMatch, statusPhases, ymd } from './common.js';

/** One item's active intervals: tenant_id, cadre_id, record_id, label, weight, s, e (e null: open-ended). */
function itemRows(group: EvaluationGroup, item: ScoreItem, scope: EvalScope): RawBuilder<unknown> | null {
  const weight = Number(item.weight);
  if (!Number.isFinite(weight) || !item.label) return null;
  if (item.source === 'sanction') {
    const inf = influenceRows(group.scheme.influence, { tenantIds: scope.tenantIds, cadreIds: scope.cadreIds });
    const months = item.months == null ? null : Math.trunc(Number(item.months));
    if (months !== null && !(months >= 1)) return null;
    const end = months === null ? sql`i.ends_on` : sql`(i.starts_on + make_interval(months => ${months}::integer))::date`;
    return sql`
      select i.tenant_id, i.cadre_id, i.record_id, ${item.label}::text as label, ${weight}::numeric as weight, i.starts_on as s, ${end} as e
        from (${inf}) as i
       where (${months}::integer is not null or (i.months is not null and i.months > 0)) ${sanctionMatch('i', item.match)}`;
  }
  if (item.source === 'clue') {
    if (!item.disposalModes?.length) return null;
    const statuses = item.statuses?.length ? item.statuses : ['open'];
    return sql`
      select r.tenant_id, r.cadre_id, r.id as record_id, ${item.label}::text as label, ${weight}::numeric as weight, ph.s, ph.e
        from record_clue k
        ${liveRecordJoin('k', scope, statusPhases('k', CLUE_CLOSING))}
         and k.disposal_mode = any (${item.disposalModes}::text[]) and ph.status = any (${statuses}::text[])`;
  }
  return null;
}

export const evaluateScore: Evaluator = async (trx, group, scope) => {
  const def = group.rule.definition as ScoreRule;
  const thresholds = (def.thresholds ?? []).flatMap((t) => {
    const level = levelOf(group.scheme, t.level);
    const min = Number(t.min);
    return level && Number.isFinite(min) ? [{ level: level.code, rank: level.rank, min }] : [];
  });
  const items = (def.items ?? []).map((it) => itemRows(group, it, scope)).filter((x): x is RawBuilder<unknown> => x !== null);
  if (!thresholds.length || !items.length) return;
  const { code, version, name } = group.rule;
  const overlaps = sql`i.tenant_id = x.tenant_id and i.cadre_id = x.cadre_id
    and i.s < coalesce(x.ends_on, 'infinity'::date) and x.starts_on < coalesce(i.e, 'infinity'::date)`;
  await sql`
    insert into warning_hit ${HIT_COLUMNS}
    with items as (${sql.join(items, sql` union all `)}),
    pts as (
      select tenant_id, cadre_id, s as p from items union select tenant_id, cadre_id, e from items where e is not null
    ), seg as (
      select tenant_id, cadre_id, p as a, lead(p) over (partition by tenant_id, cadre_id order by p) as b from pts
    ), scored as (
      select seg.tenant_id, seg.cadre_id, seg.a, seg.b, sum(i.weight) as score
        from seg join items i on i.tenant_id = seg.tenant_id and i.cadre_id = seg.cadre_id
                             and i.s <= seg.a and seg.a < coalesce(i.e, 'infinity'::date)
       group by seg.tenant_id, seg.cadre_id, seg.a, seg.b
    ), levelled as (
      select s.*, t.level, t.rank
        from scored s cross join lateral (
          select t.level, t.rank from jsonb_to_recordset(${JSON.stringify(thresholds)}::jsonb) as t(level text, rank smallint, min numeric)
           where t.min <= s.score order by t.min desc, t.rank desc limit 1) as t
    ), breaks as (
      select l.*, case when lag(l.b) over w = l.a and lag(l.level) over w = l.level then 0 else 1 end as brk
        from levelled l window w as (partition by l.tenant_id, l.cadre_id order by l.a)
    ), runs as (
      select b.*, sum(b.brk) over (partition by b.tenant_id, b.cadre_id order by b.a) as island from breaks b
    ), islands as (
      select tenant_id, cadre_id, min(level) as level, min(rank) as rank, min(a) as starts_on,
             (array_agg(b order by a desc))[1] as ends_on, max(score) as score
        from runs group by tenant_id, cadre_id, island
    )
    select x.tenant_id, x.cadre_id, ${code}::text, ${version}::integer, ${name}::text, x.level, x.rank, x.starts_on, x.ends_on,
           array(select distinct i.record_id from items i where ${overlaps}),
           '负面清单积分 ' || trim_scale(x.score)::text || ' 分（'
             || (select string_agg(i.label || ' ' || ${ymd(sql`i.s`)} || ' ' || trim_scale(i.weight)::text || ' 分', '、' order by i.s, i.label)
                   from items i where ${overlaps})
             || '）' || case when x.ends_on is null then '' else '，至 ' || ${ymd(sql`(x.ends_on - 1)`)} end
      from islands x`.execute(trx);
};
