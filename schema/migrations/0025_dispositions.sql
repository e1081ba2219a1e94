-- 0025 预警处置与整改 (issue 14; docs/dispositions.md): a disposition (警示提醒 / 警示诫勉书 / 警示追究书 …) issued to a
-- cadre with a numbered document (文号 such as 昆纪预〔2026〕3号), the snapshot of the warning that motivated it, the
-- rectification its unit reports (with attachments) and the officer's review — one case, one file (一案一卷) — and the
-- tenant's template (letterhead, 文号 prefix, texts per kind), inherited down the tenant tree.

-- 1. The template: one row per tenant that changed something. issuer (发文机关) and number_prefix are the tenant's own
--    (null: its name, and the first character of its name + 纪预); `kinds` holds per disposition kind the overrides of
--    title, rectification working days, notice body and requirements, inherited kind by kind from the nearest
--    ancestor that set them (then the built-in texts of modules/dispositions/template.ts).
create table disposition_template (
  tenant_id       uuid not null primary key,
  issuer          text check (length(issuer) between 1 and 60),
  number_prefix   text check (number_prefix ~ '^[\u4e00-\u9fffA-Za-z0-9]{1,12}$'),
  kinds           jsonb not null default '{}',
  version         integer not null default 1,
  updated_by      uuid,
  updated_by_name text not null,
  updated_at      timestamptz not null default now()
);
select app_tenant_table('disposition_template', 'select, insert, update');
create policy disposition_template_inherited on disposition_template for select
  using (tenant_id = any ((select app_ancestor_tenant_ids())::uuid[]));

-- 2. 文号 counter: numbers are per issuing tenant and year, gap-free under concurrency (one row locked by the upsert).
create table disposition_counter (
  tenant_id  uuid not null,
  year       integer not null check (year between 2000 and 2100),
  last_seq   integer not null check (last_seq >= 1),
  primary key (tenant_id, year)
);
select app_tenant_table('disposition_counter', 'select, insert, update');

-- 3. The disposition. status: pending 待整改 → submitted 已提交 → returned 已退回 (→ submitted …) | accepted 已通过 →
--    closed 已结案. issuing_tenant_id and the number stay as issued when the cadre's archive moves to another tenant
--    (档案跟人走: tenant_id follows the cadre). warning: the cadre's warning on issued_on as it was then (colour, rule,
--    reasons, record ids), null when none applied.
create table disposition (
  tenant_id            uuid not null,
  id                   uuid not null default gen_random_uuid(),
  cadre_id             uuid not null,
  issuing_tenant_id    uuid not null,
  kind                 text not null check (kind ~ '^[a-z][a-z0-9_]{1,31}$'),
  title                text not null check (length(title) between 1 and 40),
  level                text check (length(level) <= 20),
  doc_year             integer not null,
  doc_seq              integer not null check (doc_seq >= 1),
  doc_number           text not null check (length(doc_number) <= 60),
  issuer               text not null check (length(issuer) between 1 and 60),
  issued_on            date not null,
  rectify_working_days integer not null check (rectify_working_days between 1 and 365),
  due_on               date not null check (due_on > issued_on),
  warning              jsonb,
  body                 text not null check (length(body) between 1 and 4000),
  requirements         text not null check (length(requirements) between 1 and 4000),
  status               text not null default 'pending' check (status in ('pending', 'submitted', 'returned', 'accepted', 'closed')),
  accepted_on          date,
  version              integer not null default 1,
  issued_by            uuid,
  issued_by_name       text not null,
  created_at           timestamptz not null default now(),
  updated_by_name      text,
  updated_at           timestamptz not null default now(),
  closed_by_name       text,
  closed_at            timestamptz,
  close_note           text check (length(close_note) <= 500),
  primary key (tenant_id, id),
  unique (tenant_id, issuing_tenant_id, doc_year, doc_seq),
  foreign key (tenant_id, cadre_id) references cadre (tenant_id, id) on update cascade
);
create index disposition_id_idx on disposition (id);
create index disposition_cadre_idx on disposition (tenant_id, cadre_id);
create index disposition_ledger_idx on disposition (tenant_id, status, issued_on desc);
select app_tenant_table('disposition', 'select, insert, update');

-- 4. Rectification rounds: what the unit reported (round 1, 2 … after each return) and the review of it.
create table disposition_rectification (
  tenant_id          uuid not null,
  id                 uuid not null default gen_random_uuid(),
  disposition_id     uuid not null,
  round              integer not null check (round >= 1),
  content            text not null check (length(content) between 1 and 4000),
  submitted_by       uuid,
  submitted_by_name  text not null,
  submitted_at       timestamptz not null default now(),
  decision           text check (decision in ('accepted', 'returned')),
  review_comment     text check (length(review_comment) <= 1000),
  reviewed_by        uuid,
  reviewed_by_name   text,
  reviewed_at        timestamptz,
  primary key (tenant_id, id),
  unique (tenant_id, disposition_id, round),
  foreign key (tenant_id, disposition_id) references disposition (tenant_id, id) on update cascade on delete cascade
);
create index disposition_rectification_id_idx on disposition_rectification (id);
select app_tenant_table('disposition_rectification', 'select, insert, update');

-- 5. Attachments (整改材料): objects in the store (storage/index.ts keys), uploaded for a disposition and bound to the
--    rectification round they were submitted with (null: uploaded, not yet submitted).
create table disposition_attachment (
  tenant_id          uuid not null,
  id                 uuid not null default gen_random_uuid(),
  disposition_id     uuid not null,
  rectification_id   uuid,
  object_key         text not null,
  filename           text not null check (length(filename) between 1 and 200),
  content_type       text not null check (length(content_type) <= 100),
  size_bytes         integer not null check (size_bytes > 0),
  sha256             text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  uploaded_by        uuid,
  uploaded_by_name   text not null,
  uploaded_at        timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, object_key),
  foreign key (tenant_id, disposition_id) references disposition (tenant_id, id) on update cascade on delete cascade,
  foreign key (tenant_id, rectification_id) references disposition_rectification (tenant_id, id) on update cascade
);
create index disposition_attachment_id_idx on disposition_attachment (id);
create index disposition_attachment_disposition_idx on disposition_attachment (tenant_id, disposition_id);
select app_tenant_table('disposition_attachment', 'select, insert, update, delete');
