// Influence periods (影响期): the one home of how long a category-10 record counts (docs/warnings.md#influence-periods).
// Used by the warning evaluators, by Cadre.influence, by the 廉情评价报告 (docs/reports.md) and next by the 复函 (issue 15).
//
// Per record: its own influence_months when stated, else the scheme's default for kind + measure, else for the measure
// alone. It starts on effective_on, else decided_on. N months from D ends on the same day N months later, which is
// already outside; PostgreSQL's date + interval clamps a missing day to the month's last (2026-08-31 + 6 months →
// 2027-02-28), which is the rule. ends_on is exclusive: active on d ⇔ starts_on <= d < ends_on.
import { sql, type RawBuilder } from 'kysely';
import type { InfluenceDefault } from '../../../../../shared/warnings.js';

export interface InfluenceScope {
  tenantIds: readonly string[];
  /** Only these cadres (null: every cadre of the tenants). */
  cadreIds?: readonly string[] | null;
  /** Only these records. */
  recordIds?: readonly string[] | null;
}

/**
 * A subquery (use it as `(…) as inf`) with one row per live, accepted category-10 record of the scope:
 * record_id, tenant_id, cadre_id, kind, measure, form, decided_on, starts_on, months (null: no period) and ends_on
 * (exclusive; null when months is null).
 */
export function influenceRows(defaults: readonly InfluenceDefault[], scope: InfluenceScope): RawBuilder<unknown> {
  const d = JSON.stringify(defaults.map((x) => ({ kind: x.kind, measure: x.measure, months: x.months })));
  const cadres = scope.cadreIds ? sql`and r.cadre_id = any (${[...scope.cadreIds]}::uuid[])` : sql``;
  const records = scope.recordIds ? sql`and r.id = any (${[...scope.recordIds]}::uuid[])` : sql``;
  return sql`
    select x.*, case when x.months is null then null else (x.starts_on + make_interval(months => x.months))::date end as ends_on
      from (
        select r.id as record_id, r.tenant_id, r.cadre_id, s.kind, s.measure, s.form, s.decided_on,
               coalesce(s.effective_on, s.decided_on) as starts_on,
               coalesce(s.influence_months, dk.months, dm.months) as months
          from record_sanction s
          join archive_record r on r.tenant_id = s.tenant_id and r.id = s.record_id
          join cadre c on c.tenant_id = r.tenant_id and c.id = r.cadre_id and c.deleted_at is null
          left join jsonb_to_recordset(${d}::jsonb) as dk(kind text, measure text, months integer)
            on dk.kind = s.kind and dk.measure = s.measure
          left join jsonb_to_recordset(${d}::jsonb) as dm(kind text, measure text, months integer)
            on dm.kind is null and dm.measure = s.measure
         where r.tenant_id = any (${[...scope.tenantIds]}::uuid[]) and r.deleted_at is null and r.status = 'accepted'
           ${cadres} ${records}
      ) as x`;
}
