-- 0029 默认导入单位 (docs/domain.md#the-unit-of-a-new-cadre-默认导入单位): per tenant, the unit a new cadre of an appointment-form
-- import is proposed into when the form's 现任职务 names none of the tenant's live units. One row per tenant that set one
-- (default_unit_id null: cleared). The unit is the same tenant's (the composite key: a row can never name another
-- tenant's unit); the tenant's administrator and officers set and clear it (modules/units/commands.ts). A unit retired
-- later stays named here but is no longer proposed (modules/imports/propose.ts).
-- Not on tenant itself: tenant is a reference table (0019) and may not reference a distributed table such as unit.
create table tenant_import_setting (
  tenant_id        uuid not null primary key references tenant (id),
  default_unit_id  uuid,
  updated_by       uuid,
  updated_by_name  text not null,
  updated_at       timestamptz not null default now(),
  foreign key (tenant_id, default_unit_id) references unit (tenant_id, id)
);
select app_tenant_table('tenant_import_setting', 'select, insert, update');
