-- 0020 unit administration (docs/domain.md#units): a unit's kind (a code with its code_label row under the domain
-- unit.kind, as the cadre codes of 0015), a short code unique among the tenant's active units, and retirement: a
-- retired unit (retired_at) stays for the history of the cadres who worked there and is hidden from pickers; a unit
-- merged into another names it (merged_into_id). Existing units become kind other (其他) without a code.

alter table unit
  add column kind text not null default 'other'
    constraint unit_kind_check check (kind in ('internal', 'dispatched', 'inspection', 'county_leadership', 'enterprise', 'college', 'other')),
  add column code text constraint unit_code_check check (code ~ '^[A-Za-z0-9-]{1,20}$'),
  add column retired_at timestamptz,
  add column merged_into_id uuid,
  add constraint unit_merged_into_fkey foreign key (tenant_id, merged_into_id) references unit (tenant_id, id),
  -- Only a retired unit names the unit it was merged into.
  add constraint unit_merged_only_retired check (merged_into_id is null or retired_at is not null);

-- The code is unique among the tenant's active units (ignoring case): a retired unit's code may be given again.
create unique index unit_code_active_idx on unit (tenant_id, upper(code)) where retired_at is null and code is not null;

insert into code_label (domain, code, label, sort_order) values
  ('unit.kind', 'internal', '内设机构', 1),
  ('unit.kind', 'dispatched', '派驻机构', 2),
  ('unit.kind', 'inspection', '巡察机构', 3),
  ('unit.kind', 'county_leadership', '县区纪委监委班子', 4),
  ('unit.kind', 'enterprise', '企业纪委', 5),
  ('unit.kind', 'college', '院校纪委', 6),
  ('unit.kind', 'other', '其他', 7);
