-- 0005 the archive: the cadre's basic information (every field of the 干部任免审批表), appointments, resume and
-- family rows; the twelve categories as typed tables under one record envelope (review state, version, soft
-- delete), each record's materials catalogue and its revision history. Every table is tenant-owned under RLS.

-- Basic information. The ID number is stored encrypted (AES-256-GCM, key from the server's secret) with a keyed
-- hash (HMAC-SHA256) beside it, so equality matching works without the plain number in the database.
alter table cadre
  add column id_number_cipher      text,
  add column id_number_hash        text check (id_number_hash ~ '^[0-9a-f]{64}$'),
  add column political_status      text check (length(political_status) <= 40),
  add column birth_place           text check (length(birth_place) <= 60),
  add column health                text check (length(health) <= 40),
  add column professional_title    text check (length(professional_title) <= 100),
  add column specialty             text check (length(specialty) <= 200),
  add column edu_ft_level          text check (length(edu_ft_level) <= 60),
  add column edu_ft_degree         text check (length(edu_ft_degree) <= 60),
  add column edu_ft_level_school   text check (length(edu_ft_level_school) <= 200),
  add column edu_ft_degree_school  text check (length(edu_ft_degree_school) <= 200),
  add column edu_pt_level          text check (length(edu_pt_level) <= 60),
  add column edu_pt_degree         text check (length(edu_pt_degree) <= 60),
  add column edu_pt_level_school   text check (length(edu_pt_level_school) <= 200),
  add column edu_pt_degree_school  text check (length(edu_pt_degree_school) <= 200),
  add column proposed_position     text check (length(proposed_position) <= 200),
  add column proposed_removal      text check (length(proposed_removal) <= 200),
  add column rewards               text check (length(rewards) <= 2000),
  add column assessment_summary    text check (length(assessment_summary) <= 1000),
  add column appointment_reason    text check (length(appointment_reason) <= 1000),
  add column reporting_unit        text check (length(reporting_unit) <= 200),
  add column management_level      text check (length(management_level) <= 40),
  add column photo_key             text,
  -- Elements of an imported appointment form this version does not know, kept as they came.
  add column extra                 jsonb not null default '{}',
  add column version               integer not null default 1,
  add constraint cadre_tenant_id_key unique (tenant_id, id);
create index cadre_id_number_hash_idx on cadre (id_number_hash);

-- 任免情况: appointments and removals, dated.
create table cadre_appointment (
  id           uuid primary key default gen_random_uuid(),
  tenant_id    uuid not null,
  cadre_id     uuid not null,
  kind         text not null check (kind in ('任职', '免职')),
  position     text not null check (length(position) between 1 and 200),
  decided_on   date not null,
  approver     text check (length(approver) <= 200),
  document_no  text check (length(document_no) <= 100),
  sort_order   integer not null default 0,
  foreign key (tenant_id, cadre_id) references cadre (tenant_id, id) on update cascade on delete cascade
);
create index cadre_appointment_cadre_idx on cadre_appointment (cadre_id, decided_on);

-- 简历: one row per entry "YYYY.MM--YYYY.MM text"; an open end is the current post.
create table cadre_resume (
  id           uuid primary key default gen_random_uuid(),
  tenant_id    uuid not null,
  cadre_id     uuid not null,
  start_month  text not null check (start_month ~ '^[0-9]{6}$'),
  end_month    text check (end_month ~ '^[0-9]{6}$'),
  content      text not null check (length(content) between 1 and 500),
  sort_order   integer not null default 0,
  foreign key (tenant_id, cadre_id) references cadre (tenant_id, id) on update cascade on delete cascade
);
create index cadre_resume_cadre_idx on cadre_resume (cadre_id, sort_order);

-- 家庭主要成员及重要社会关系.
create table cadre_family (
  id                uuid primary key default gen_random_uuid(),
  tenant_id         uuid not null,
  cadre_id          uuid not null,
  relation          text not null check (length(relation) between 1 and 20),
  name              text not null check (length(name) between 1 and 50),
  birth_month       text check (birth_month ~ '^[0-9]{6}$'),
  political_status  text check (length(political_status) <= 40),
  work_position     text check (length(work_position) <= 200),
  sort_order        integer not null default 0,
  foreign key (tenant_id, cadre_id) references cadre (tenant_id, id) on update cascade on delete cascade
);
create index cadre_family_cadre_idx on cadre_family (cadre_id, sort_order);

-- The envelope of every category record: whose archive, which category, review state, optimistic-lock version,
-- who entered and reviewed it, soft deletion. The typed fields live in record_<category>.
create table archive_record (
  id                uuid primary key default gen_random_uuid(),
  tenant_id         uuid not null,
  cadre_id          uuid not null,
  category          smallint not null check (category between 1 and 12),
  status            text not null default 'pending' check (status in ('pending', 'accepted', 'returned')),
  return_reason     text check (length(return_reason) <= 500),
  version           integer not null default 1,
  entered_by        uuid,
  entered_by_name   text not null,
  entered_at        timestamptz not null default now(),
  reviewed_by       uuid,
  reviewed_by_name  text,
  reviewed_at       timestamptz,
  updated_by_name   text,
  updated_at        timestamptz not null default now(),
  deleted_at        timestamptz,
  deleted_by_name   text,
  unique (tenant_id, id),
  foreign key (tenant_id, cadre_id) references cadre (tenant_id, id) on update cascade
);
create index archive_record_cadre_idx on archive_record (cadre_id, category);
create index archive_record_review_idx on archive_record (tenant_id, status) where deleted_at is null;

-- 材料目录: each record's catalogue of materials (名称, 形成时间, 页数), ready for their scans.
create table record_material (
  id          uuid primary key default gen_random_uuid(),
  tenant_id   uuid not null,
  record_id   uuid not null,
  name        text not null check (length(name) between 1 and 200),
  formed_on   date,
  pages       integer check (pages between 0 and 100000),
  sort_order  integer not null default 0,
  object_key  text,
  foreign key (tenant_id, record_id) references archive_record (tenant_id, id) on update cascade
);
create index record_material_record_idx on record_material (record_id, sort_order);

-- Who changed what and when, per record: one row per create, update, review, delete and restore.
create table record_revision (
  id          bigserial primary key,
  tenant_id   uuid not null,
  record_id   uuid not null,
  version     integer not null,
  action      text not null check (action in ('create', 'update', 'accept', 'return', 'delete', 'restore')),
  actor_id    uuid,
  actor_name  text not null,
  at          timestamptz not null default now(),
  changes     jsonb not null default '{}',
  reason      text,
  foreign key (tenant_id, record_id) references archive_record (tenant_id, id) on update cascade
);
create index record_revision_record_idx on record_revision (record_id, id);

-- Who changed a cadre's basic information (and rows) and when.
create table cadre_revision (
  id          bigserial primary key,
  tenant_id   uuid not null,
  cadre_id    uuid not null,
  version     integer not null,
  action      text not null check (action in ('create', 'update')),
  actor_id    uuid,
  actor_name  text not null,
  at          timestamptz not null default now(),
  changes     jsonb not null default '{}',
  foreign key (tenant_id, cadre_id) references cadre (tenant_id, id) on update cascade on delete cascade
);
create index cadre_revision_cadre_idx on cadre_revision (cadre_id, id);

do $$
declare t text;
begin
  foreach t in array array['cadre_appointment', 'cadre_resume', 'cadre_family', 'cadre_revision', 'archive_record', 'record_material', 'record_revision'] loop
    execute format('alter table %I enable row level security', t);
    execute format('alter table %I force row level security', t);
    execute format('create policy %I on %I using (tenant_id in (select app_visible_tenant_ids())) with check (tenant_id in (select app_visible_tenant_ids()))', t || '_scope', t);
  end loop;
end $$;
grant select, insert, update, delete on cadre_appointment, cadre_resume, cadre_family, record_material to lz_app;
grant select, insert, update on archive_record to lz_app;
grant select, insert on record_revision, cadre_revision to lz_app;
grant usage on sequence record_revision_id_seq, cadre_revision_id_seq to lz_app;

-- The typed tables of the twelve categories (generated from services/api/src/modules/records/categories.ts;
-- test/api/records-schema.test.ts checks they agree).
-- 1 个人基本信息、任免情况、个人有关事项报告情况
create table record_personal_report (
  record_id   uuid primary key,
  tenant_id   uuid not null,
  report_year smallint not null check (report_year between 1949 and 2100),
  report_type text not null check (report_type in ('年度集中报告', '随时报告', '新任职报告', '其他')),
  reported_on date not null,
  check_method text check (check_method in ('未查核', '随机抽查', '重点抽查', '提拔前查核', '其他')),
  check_result text check (check_result in ('一致', '如实报告', '漏报', '瞒报', '其他')),
  handling text check (length(handling) <= 2000),
  remarks text check (length(remarks) <= 2000),
  foreign key (tenant_id, record_id) references archive_record (tenant_id, id) on update cascade
);
alter table record_personal_report enable row level security;
alter table record_personal_report force row level security;
create policy record_personal_report_scope on record_personal_report
  using (tenant_id in (select app_visible_tenant_ids()))
  with check (tenant_id in (select app_visible_tenant_ids()));
grant select, insert, update on record_personal_report to lz_app;

-- 2 拒收或上交礼金、礼品情况
create table record_gift (
  record_id   uuid primary key,
  tenant_id   uuid not null,
  occurred_on date not null,
  giver text not null check (length(giver) <= 100),
  giver_unit text check (length(giver_unit) <= 200),
  gift_kind text not null check (gift_kind in ('礼金', '礼品', '有价证券', '支付凭证', '会员卡（消费卡）', '其他')),
  description text check (length(description) <= 200),
  amount numeric(14,2) not null check (amount >= 0),
  handling text not null check (handling in ('当场拒收', '事后退还', '上交组织', '其他')),
  handed_to text check (length(handed_to) <= 200),
  handed_on date,
  receipt_no text check (length(receipt_no) <= 60),
  remarks text check (length(remarks) <= 2000),
  foreign key (tenant_id, record_id) references archive_record (tenant_id, id) on update cascade
);
alter table record_gift enable row level security;
alter table record_gift force row level security;
create policy record_gift_scope on record_gift
  using (tenant_id in (select app_visible_tenant_ids()))
  with check (tenant_id in (select app_visible_tenant_ids()));
grant select, insert, update on record_gift to lz_app;

-- 3 操办婚丧喜庆事宜情况
create table record_celebration (
  record_id   uuid primary key,
  tenant_id   uuid not null,
  held_on date not null,
  event_kind text not null check (event_kind in ('本人婚礼', '子女婚礼', '丧事', '子女升学', '乔迁', '生日寿宴', '其他')),
  venue text check (length(venue) <= 200),
  tables integer check (tables >= 0),
  guests integer check (guests >= 0),
  gifts_total numeric(14,2) check (gifts_total >= 0),
  reported_before boolean not null,
  reported_on date,
  after_report text check (length(after_report) <= 2000),
  remarks text check (length(remarks) <= 2000),
  foreign key (tenant_id, record_id) references archive_record (tenant_id, id) on update cascade
);
alter table record_celebration enable row level security;
alter table record_celebration force row level security;
create policy record_celebration_scope on record_celebration
  using (tenant_id in (select app_visible_tenant_ids()))
  with check (tenant_id in (select app_visible_tenant_ids()));
grant select, insert, update on record_celebration to lz_app;

-- 4 参与民间借贷情况
create table record_lending (
  record_id   uuid primary key,
  tenant_id   uuid not null,
  occurred_on date not null,
  direction text not null check (direction in ('出借', '借入')),
  counterparty text not null check (length(counterparty) <= 200),
  relation text check (length(relation) <= 60),
  amount numeric(14,2) not null check (amount >= 0),
  annual_rate numeric(7,2) check (annual_rate >= 0),
  due_on date,
  repay_status text not null check (repay_status in ('未结清', '已结清', '逾期', '发生纠纷')),
  purpose text check (length(purpose) <= 200),
  remarks text check (length(remarks) <= 2000),
  foreign key (tenant_id, record_id) references archive_record (tenant_id, id) on update cascade
);
alter table record_lending enable row level security;
alter table record_lending force row level security;
create policy record_lending_scope on record_lending
  using (tenant_id in (select app_visible_tenant_ids()))
  with check (tenant_id in (select app_visible_tenant_ids()));
grant select, insert, update on record_lending to lz_app;

-- 5 参加民主生活会情况
create table record_life_meeting (
  record_id   uuid primary key,
  tenant_id   uuid not null,
  held_on date not null,
  meeting_kind text not null check (meeting_kind in ('民主生活会', '组织生活会', '专题民主生活会', '其他')),
  organiser text check (length(organiser) <= 200),
  theme text not null check (length(theme) <= 200),
  self_criticism text check (length(self_criticism) <= 4000),
  criticism_received text check (length(criticism_received) <= 4000),
  rectification text check (length(rectification) <= 4000),
  foreign key (tenant_id, record_id) references archive_record (tenant_id, id) on update cascade
);
alter table record_life_meeting enable row level security;
alter table record_life_meeting force row level security;
create policy record_life_meeting_scope on record_life_meeting
  using (tenant_id in (select app_visible_tenant_ids()))
  with check (tenant_id in (select app_visible_tenant_ids()));
grant select, insert, update on record_life_meeting to lz_app;

-- 6 年度考核测评情况
create table record_assessment (
  record_id   uuid primary key,
  tenant_id   uuid not null,
  year smallint not null check (year between 1949 and 2100),
  grade text not null check (grade in ('优秀', '称职', '基本称职', '不称职', '不定等次')),
  assessed_on date,
  integrity_score numeric(7,2) check (integrity_score >= 0),
  overall_score numeric(7,2) check (overall_score >= 0),
  evaluation text check (length(evaluation) <= 4000),
  foreign key (tenant_id, record_id) references archive_record (tenant_id, id) on update cascade
);
alter table record_assessment enable row level security;
alter table record_assessment force row level security;
create policy record_assessment_scope on record_assessment
  using (tenant_id in (select app_visible_tenant_ids()))
  with check (tenant_id in (select app_visible_tenant_ids()));
grant select, insert, update on record_assessment to lz_app;

-- 7 党风廉政意见回复情况
create table record_opinion_reply (
  record_id   uuid primary key,
  tenant_id   uuid not null,
  replied_on date not null,
  requester text not null check (length(requester) <= 200),
  purpose text not null check (purpose in ('选拔任用', '表彰奖励', '职级晋升', '交流任职', '评先评优', '其他')),
  document_no text check (length(document_no) <= 100),
  conclusion text not null check (conclusion in ('不持异议', '建议暂缓', '不宜作为拟任人选')),
  content text check (length(content) <= 4000),
  foreign key (tenant_id, record_id) references archive_record (tenant_id, id) on update cascade
);
alter table record_opinion_reply enable row level security;
alter table record_opinion_reply force row level security;
create policy record_opinion_reply_scope on record_opinion_reply
  using (tenant_id in (select app_visible_tenant_ids()))
  with check (tenant_id in (select app_visible_tenant_ids()));
grant select, insert, update on record_opinion_reply to lz_app;

-- 8 巡视巡察、信访、案件监督管理等移交的问题线索和处置情况
create table record_clue (
  record_id   uuid primary key,
  tenant_id   uuid not null,
  received_on date not null,
  source text not null check (source in ('巡视', '巡察', '信访举报', '案件监督管理', '审计', '其他')),
  clue_no text check (length(clue_no) <= 60),
  summary text not null check (length(summary) <= 4000),
  disposal_mode text not null check (disposal_mode in ('谈话函询', '初步核实', '暂存待查', '予以了结')),
  disposed_on date,
  handling_status text not null check (handling_status in ('办理中', '已办结')),
  result text check (length(result) <= 4000),
  foreign key (tenant_id, record_id) references archive_record (tenant_id, id) on update cascade
);
alter table record_clue enable row level security;
alter table record_clue force row level security;
create policy record_clue_scope on record_clue
  using (tenant_id in (select app_visible_tenant_ids()))
  with check (tenant_id in (select app_visible_tenant_ids()));
grant select, insert, update on record_clue to lz_app;

-- 9 谈话函询、初步核实、审查调查等形成的材料
create table record_inquiry_material (
  record_id   uuid primary key,
  tenant_id   uuid not null,
  formed_on date not null,
  procedure text not null check (procedure in ('谈话函询', '初步核实', '审查调查', '其他')),
  material_kind text not null check (material_kind in ('谈话记录', '函询通知及回复', '初核报告', '审查调查报告', '说明材料', '其他')),
  title text not null check (length(title) <= 200),
  summary text check (length(summary) <= 4000),
  foreign key (tenant_id, record_id) references archive_record (tenant_id, id) on update cascade
);
alter table record_inquiry_material enable row level security;
alter table record_inquiry_material force row level security;
create policy record_inquiry_material_scope on record_inquiry_material
  using (tenant_id in (select app_visible_tenant_ids()))
  with check (tenant_id in (select app_visible_tenant_ids()));
grant select, insert, update on record_inquiry_material to lz_app;

-- 10 被约谈、提醒谈话、组织处理、问责、党纪政务处分情况
create table record_sanction (
  record_id   uuid primary key,
  tenant_id   uuid not null,
  kind text not null check (kind in ('提醒谈话', '约谈', '批评教育', '责令检查', '诫勉', '通报', '组织处理', '问责', '党纪处分', '政务处分', '其他处分')),
  measure text not null check (measure in ('谈话提醒', '批评教育', '责令检查', '责令作出书面检查', '诫勉', '通报批评', '停职检查', '调整职务', '责令辞职', '免职', '降职', '警告', '严重警告', '撤销党内职务', '留党察看', '开除党籍', '记过', '记大过', '降级', '撤职', '开除', '其他')),
  form text not null check (form in ('第一种形态', '第二种形态', '第三种形态', '第四种形态')),
  decided_on date not null,
  effective_on date,
  issuing_body text not null check (length(issuing_body) <= 200),
  document_no text check (length(document_no) <= 100),
  influence_months integer check (influence_months >= 0),
  facts text not null check (length(facts) <= 4000),
  foreign key (tenant_id, record_id) references archive_record (tenant_id, id) on update cascade
);
alter table record_sanction enable row level security;
alter table record_sanction force row level security;
create policy record_sanction_scope on record_sanction
  using (tenant_id in (select app_visible_tenant_ids()))
  with check (tenant_id in (select app_visible_tenant_ids()));
grant select, insert, update on record_sanction to lz_app;

-- 11 八小时外生活作风情况
create table record_conduct (
  record_id   uuid primary key,
  tenant_id   uuid not null,
  recorded_on date not null,
  source text not null check (source in ('家访', '社区走访', '群众反映', '个人报告', '日常监督', '其他')),
  finding text not null check (finding in ('未发现问题', '发现问题')),
  matter text not null check (length(matter) <= 4000),
  handling text check (length(handling) <= 4000),
  foreign key (tenant_id, record_id) references archive_record (tenant_id, id) on update cascade
);
alter table record_conduct enable row level security;
alter table record_conduct force row level security;
create policy record_conduct_scope on record_conduct
  using (tenant_id in (select app_visible_tenant_ids()))
  with check (tenant_id in (select app_visible_tenant_ids()));
grant select, insert, update on record_conduct to lz_app;

-- 12 反映廉政情况的其他材料
create table record_other_material (
  record_id   uuid primary key,
  tenant_id   uuid not null,
  recorded_on date not null,
  title text not null check (length(title) <= 200),
  issuer text check (length(issuer) <= 200),
  summary text check (length(summary) <= 4000),
  foreign key (tenant_id, record_id) references archive_record (tenant_id, id) on update cascade
);
alter table record_other_material enable row level security;
alter table record_other_material force row level security;
create policy record_other_material_scope on record_other_material
  using (tenant_id in (select app_visible_tenant_ids()))
  with check (tenant_id in (select app_visible_tenant_ids()));
grant select, insert, update on record_other_material to lz_app;

