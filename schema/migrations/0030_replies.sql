-- 0030 廉政审查情况复函 (issue 15; docs/replies.md): an organisation department's request for the commission's opinion on a
-- list of cadres (征求意见), drafted per cadre from the records as of the reply date, reviewed, and issued under a 文号;
-- issuing writes a category-7 record (党风廉政意见回复情况) into each cadre's archive.

-- 1. Settings per tenant: the 文号 prefix (null: the first character of the tenant's name + 纪廉复) and the purposes a
--    record inside its influence period bars (不宜作为拟…人选); null: the default (选拔任用, 职级晋升, 表彰奖励);
--    measure_purposes: per measure code (诫勉 admonition …) the purposes its running period bars instead.
create table reply_setting (
  tenant_id        uuid not null primary key references tenant (id),
  number_prefix    text check (number_prefix ~ '^[\u4e00-\u9fffA-Za-z0-9]{1,12}$'),
  barred_purposes  text[] check (barred_purposes <@ array['selection', 'commendation', 'rank_promotion', 'transfer', 'merit', 'other']),
  measure_purposes jsonb check (measure_purposes is null or jsonb_typeof(measure_purposes) = 'object'),
  updated_by       uuid,
  updated_by_name  text not null,
  updated_at       timestamptz not null default now()
);
select app_tenant_table('reply_setting', 'select, insert, update');

-- 2. 文号 counter per tenant and year, gap-free under concurrency (one row locked by the upsert).
create table reply_counter (
  tenant_id  uuid not null,
  year       integer not null check (year between 2000 and 2100),
  last_seq   integer not null check (last_seq >= 1),
  primary key (tenant_id, year)
);
select app_tenant_table('reply_counter', 'select, insert, update');

-- 3. The request. status: draft 待签发 → issued 已签发. as_of: the reply date the drafts are computed for.
create table reply_request (
  tenant_id        uuid not null,
  id               uuid not null default gen_random_uuid(),
  requester        text not null check (length(requester) between 1 and 200),
  letter_no        text check (length(letter_no) <= 100),
  purpose          text not null check (purpose in ('selection', 'commendation', 'rank_promotion', 'transfer', 'merit', 'other')),
  purpose_text     text check (length(purpose_text) <= 60),
  as_of            date not null,
  status           text not null default 'draft' check (status in ('draft', 'issued')),
  doc_year         integer,
  doc_seq          integer check (doc_seq >= 1),
  doc_number       text check (length(doc_number) <= 60),
  issuer           text check (length(issuer) <= 60),
  version          integer not null default 1,
  created_by       uuid,
  created_by_name  text not null,
  created_at       timestamptz not null default now(),
  updated_by_name  text,
  updated_at       timestamptz not null default now(),
  issued_by        uuid,
  issued_by_name   text,
  issued_at        timestamptz,
  primary key (tenant_id, id),
  unique (tenant_id, doc_year, doc_seq),
  check ((status = 'issued') = (doc_number is not null))
);
create index reply_request_id_idx on reply_request (id);
create index reply_request_ledger_idx on reply_request (tenant_id, created_at desc);
select app_tenant_table('reply_request', 'select, insert, update, delete');

-- 4. One cadre of a request: the computed draft (conclusion, the facts that decide it, the text) and the officer's
--    edit kept beside it; record_id: the category-7 record written at issue.
create table reply_item (
  tenant_id        uuid not null,
  request_id       uuid not null,
  cadre_id         uuid not null,
  position         integer not null check (position >= 0),
  conclusion       text not null check (conclusion in ('no_objection', 'defer', 'unsuitable')),
  facts            jsonb not null default '[]',
  draft            text not null check (length(draft) <= 8000),
  edited_text      text check (length(edited_text) <= 8000),
  edited_by_name   text,
  edited_at        timestamptz,
  record_id        uuid,
  primary key (tenant_id, request_id, cadre_id),
  unique (tenant_id, request_id, position),
  foreign key (tenant_id, request_id) references reply_request (tenant_id, id) on update cascade on delete cascade,
  foreign key (tenant_id, cadre_id) references cadre (tenant_id, id) on update cascade
);
create index reply_item_cadre_idx on reply_item (tenant_id, cadre_id);
select app_tenant_table('reply_item', 'select, insert, update, delete');
