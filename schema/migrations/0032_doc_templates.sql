-- 0032 Word 模板 (issues 14 and 15; docs/templates.md): a tenant's uploaded .docx templates with named placeholders for
-- the 廉政审查情况复函 (reply), the 逐人复函 (reply-cadre) and the 预警处置通知书 (disposition). One row per version; the
-- current version of a (tenant, kind) has active true, previous versions are kept with who replaced or removed them.
-- A tenant without an active row of a kind uses the nearest ancestor's, else the built-in layout of the code.
create table doc_template (
  tenant_id        uuid not null references tenant (id),
  kind             text not null check (kind in ('reply', 'reply-cadre', 'disposition')),
  version          integer not null check (version >= 1),
  file_name        text not null check (length(file_name) between 1 and 200),
  content          bytea not null check (octet_length(content) between 1 and 2097152),
  sha256           text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  placeholders     text[] not null default '{}',
  -- The uploading tenant's name (a county shows whose template it inherits: it cannot read its ancestors' tenant rows).
  tenant_name      text not null check (length(tenant_name) between 1 and 200),
  active           boolean not null default true,
  uploaded_by      uuid,
  uploaded_by_name text not null,
  uploaded_at      timestamptz not null default now(),
  -- Set when the version stops being in force: replaced by a newer upload or removed (恢复默认).
  ended_by_name    text,
  ended_at         timestamptz,
  ended_reason     text check (ended_reason in ('replaced', 'removed')),
  primary key (tenant_id, kind, version),
  check (active = (ended_at is null))
);
create unique index doc_template_active_idx on doc_template (tenant_id, kind) where active;
select app_tenant_table('doc_template', 'select, insert, update');
-- Inherited: a tenant reads (never writes) its strict ancestors' templates, as warning rules and disposition texts.
create policy doc_template_inherited on doc_template for select
  using (tenant_id = any ((select app_ancestor_tenant_ids())::uuid[]));
