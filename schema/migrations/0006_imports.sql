-- 0006: import batches of the appointment form (干部任免审批表). A batch holds the parsed preview of every file
-- until its user confirms it (once) or it expires after 24 hours. Tenant-scoped like every table; the API further
-- limits a batch to the user who uploaded it.
create table import_batch (
  id            uuid primary key default gen_random_uuid(),
  tenant_id     uuid not null references tenant(id),
  user_id       uuid not null,
  created_at    timestamptz not null default now(),
  expires_at    timestamptz not null default now() + interval '24 hours',
  confirmed_at  timestamptz,
  unit_id       uuid,
  files         jsonb not null,
  result        jsonb
);
create index import_batch_tenant_idx on import_batch (tenant_id, created_at);

alter table import_batch enable row level security;
alter table import_batch force row level security;
create policy import_batch_scope on import_batch
  using (tenant_id in (select app_visible_tenant_ids()))
  with check (tenant_id in (select app_visible_tenant_ids()));
grant select, insert, update, delete on import_batch to lz_app;
