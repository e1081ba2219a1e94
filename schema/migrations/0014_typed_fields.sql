-- 0014 typed filters and codes, ready for ledgers, statistics and warnings (docs/domain.md#enum-codes).
-- Generated from services/api/src/modules/records/categories.ts; test/api/records-schema.test.ts checks both parts.
--
-- 1. Enum fields are stored as codes. code_label holds every option of every enum field (domain
--    `<category key>.<field name>`, e.g. sanction.measure) with its label and order, so SQL statistics group by the
--    code and join the label. The API maps codes and labels at its repo (records/repo.ts) and shows labels as before.
create table code_label (
  domain      text not null check (domain ~ '^[a-z][A-Za-z]*\.[a-z][A-Za-z]*$'),
  code        text not null check (code ~ '^[a-z0-9_]{1,40}$'),
  label       text not null check (length(label) between 1 and 60),
  sort_order  integer not null,
  primary key (domain, code),
  unique (domain, label)
);
grant select on code_label to lz_app;

insert into code_label (domain, code, label, sort_order) values
  ('personalReport.reportType', 'annual', '年度集中报告', 1),
  ('personalReport.reportType', 'adhoc', '随时报告', 2),
  ('personalReport.reportType', 'new_post', '新任职报告', 3),
  ('personalReport.reportType', 'other', '其他', 4),
  ('personalReport.checkMethod', 'none', '未查核', 1),
  ('personalReport.checkMethod', 'random', '随机抽查', 2),
  ('personalReport.checkMethod', 'targeted', '重点抽查', 3),
  ('personalReport.checkMethod', 'pre_promotion', '提拔前查核', 4),
  ('personalReport.checkMethod', 'other', '其他', 5),
  ('personalReport.checkResult', 'consistent', '一致', 1),
  ('personalReport.checkResult', 'truthful', '如实报告', 2),
  ('personalReport.checkResult', 'omitted', '漏报', 3),
  ('personalReport.checkResult', 'concealed', '瞒报', 4),
  ('personalReport.checkResult', 'other', '其他', 5),
  ('gift.giftKind', 'cash', '礼金', 1),
  ('gift.giftKind', 'goods', '礼品', 2),
  ('gift.giftKind', 'securities', '有价证券', 3),
  ('gift.giftKind', 'payment_voucher', '支付凭证', 4),
  ('gift.giftKind', 'card', '会员卡（消费卡）', 5),
  ('gift.giftKind', 'other', '其他', 6),
  ('gift.handling', 'refused', '当场拒收', 1),
  ('gift.handling', 'returned', '事后退还', 2),
  ('gift.handling', 'handed_in', '上交组织', 3),
  ('gift.handling', 'other', '其他', 4),
  ('celebration.eventKind', 'own_wedding', '本人婚礼', 1),
  ('celebration.eventKind', 'child_wedding', '子女婚礼', 2),
  ('celebration.eventKind', 'funeral', '丧事', 3),
  ('celebration.eventKind', 'child_school', '子女升学', 4),
  ('celebration.eventKind', 'housewarming', '乔迁', 5),
  ('celebration.eventKind', 'birthday', '生日寿宴', 6),
  ('celebration.eventKind', 'other', '其他', 7),
  ('lending.direction', 'lend', '出借', 1),
  ('lending.direction', 'borrow', '借入', 2),
  ('lending.repayStatus', 'open', '未结清', 1),
  ('lending.repayStatus', 'settled', '已结清', 2),
  ('lending.repayStatus', 'overdue', '逾期', 3),
  ('lending.repayStatus', 'disputed', '发生纠纷', 4),
  ('lifeMeeting.meetingKind', 'democratic_life', '民主生活会', 1),
  ('lifeMeeting.meetingKind', 'organisational_life', '组织生活会', 2),
  ('lifeMeeting.meetingKind', 'special_democratic_life', '专题民主生活会', 3),
  ('lifeMeeting.meetingKind', 'other', '其他', 4),
  ('assessment.grade', 'excellent', '优秀', 1),
  ('assessment.grade', 'competent', '称职', 2),
  ('assessment.grade', 'basically_competent', '基本称职', 3),
  ('assessment.grade', 'incompetent', '不称职', 4),
  ('assessment.grade', 'ungraded', '不定等次', 5),
  ('opinionReply.purpose', 'selection', '选拔任用', 1),
  ('opinionReply.purpose', 'commendation', '表彰奖励', 2),
  ('opinionReply.purpose', 'rank_promotion', '职级晋升', 3),
  ('opinionReply.purpose', 'transfer', '交流任职', 4),
  ('opinionReply.purpose', 'merit', '评先评优', 5),
  ('opinionReply.purpose', 'other', '其他', 6),
  ('opinionReply.conclusion', 'no_objection', '不持异议', 1),
  ('opinionReply.conclusion', 'defer', '建议暂缓', 2),
  ('opinionReply.conclusion', 'unsuitable', '不宜作为拟任人选', 3),
  ('clue.source', 'inspection', '巡视', 1),
  ('clue.source', 'patrol', '巡察', 2),
  ('clue.source', 'petition', '信访举报', 3),
  ('clue.source', 'case_supervision', '案件监督管理', 4),
  ('clue.source', 'audit', '审计', 5),
  ('clue.source', 'other', '其他', 6),
  ('clue.disposalMode', 'talk_inquiry', '谈话函询', 1),
  ('clue.disposalMode', 'verification', '初步核实', 2),
  ('clue.disposalMode', 'held', '暂存待查', 3),
  ('clue.disposalMode', 'closed', '予以了结', 4),
  ('clue.handlingStatus', 'open', '办理中', 1),
  ('clue.handlingStatus', 'closed', '已办结', 2),
  ('inquiryMaterial.procedure', 'talk_inquiry', '谈话函询', 1),
  ('inquiryMaterial.procedure', 'verification', '初步核实', 2),
  ('inquiryMaterial.procedure', 'investigation', '审查调查', 3),
  ('inquiryMaterial.procedure', 'other', '其他', 4),
  ('inquiryMaterial.materialKind', 'talk_record', '谈话记录', 1),
  ('inquiryMaterial.materialKind', 'inquiry_letter', '函询通知及回复', 2),
  ('inquiryMaterial.materialKind', 'verification_report', '初核报告', 3),
  ('inquiryMaterial.materialKind', 'investigation_report', '审查调查报告', 4),
  ('inquiryMaterial.materialKind', 'statement', '说明材料', 5),
  ('inquiryMaterial.materialKind', 'other', '其他', 6),
  ('sanction.kind', 'reminder_talk', '提醒谈话', 1),
  ('sanction.kind', 'interview', '约谈', 2),
  ('sanction.kind', 'criticism', '批评教育', 3),
  ('sanction.kind', 'ordered_examination', '责令检查', 4),
  ('sanction.kind', 'admonition', '诫勉', 5),
  ('sanction.kind', 'circular', '通报', 6),
  ('sanction.kind', 'organisational', '组织处理', 7),
  ('sanction.kind', 'accountability', '问责', 8),
  ('sanction.kind', 'party', '党纪处分', 9),
  ('sanction.kind', 'state', '政务处分', 10),
  ('sanction.kind', 'other', '其他处分', 11),
  ('sanction.measure', 'reminder_talk', '谈话提醒', 1),
  ('sanction.measure', 'criticism', '批评教育', 2),
  ('sanction.measure', 'ordered_examination', '责令检查', 3),
  ('sanction.measure', 'written_examination', '责令作出书面检查', 4),
  ('sanction.measure', 'admonition', '诫勉', 5),
  ('sanction.measure', 'circular_criticism', '通报批评', 6),
  ('sanction.measure', 'suspension', '停职检查', 7),
  ('sanction.measure', 'reassignment', '调整职务', 8),
  ('sanction.measure', 'ordered_resignation', '责令辞职', 9),
  ('sanction.measure', 'removal', '免职', 10),
  ('sanction.measure', 'demotion', '降职', 11),
  ('sanction.measure', 'warning', '警告', 12),
  ('sanction.measure', 'serious_warning', '严重警告', 13),
  ('sanction.measure', 'party_post_revoked', '撤销党内职务', 14),
  ('sanction.measure', 'probation', '留党察看', 15),
  ('sanction.measure', 'party_expulsion', '开除党籍', 16),
  ('sanction.measure', 'demerit', '记过', 17),
  ('sanction.measure', 'major_demerit', '记大过', 18),
  ('sanction.measure', 'downgrade', '降级', 19),
  ('sanction.measure', 'dismissal', '撤职', 20),
  ('sanction.measure', 'expulsion', '开除', 21),
  ('sanction.measure', 'other', '其他', 22),
  ('sanction.form', '1', '第一种形态', 1),
  ('sanction.form', '2', '第二种形态', 2),
  ('sanction.form', '3', '第三种形态', 3),
  ('sanction.form', '4', '第四种形态', 4),
  ('conduct.source', 'home_visit', '家访', 1),
  ('conduct.source', 'community_visit', '社区走访', 2),
  ('conduct.source', 'public_report', '群众反映', 3),
  ('conduct.source', 'self_report', '个人报告', 4),
  ('conduct.source', 'supervision', '日常监督', 5),
  ('conduct.source', 'other', '其他', 6),
  ('conduct.finding', 'none', '未发现问题', 1),
  ('conduct.finding', 'found', '发现问题', 2);

-- The label checks go, every stored label becomes its code (per root tenant: the tables are under forced RLS),
-- and the checks come back over the codes.
alter table record_personal_report drop constraint record_personal_report_report_type_check, drop constraint record_personal_report_check_method_check, drop constraint record_personal_report_check_result_check;
alter table record_gift drop constraint record_gift_gift_kind_check, drop constraint record_gift_handling_check;
alter table record_celebration drop constraint record_celebration_event_kind_check;
alter table record_lending drop constraint record_lending_direction_check, drop constraint record_lending_repay_status_check;
alter table record_life_meeting drop constraint record_life_meeting_meeting_kind_check;
alter table record_assessment drop constraint record_assessment_grade_check;
alter table record_opinion_reply drop constraint record_opinion_reply_purpose_check, drop constraint record_opinion_reply_conclusion_check;
alter table record_clue drop constraint record_clue_source_check, drop constraint record_clue_disposal_mode_check, drop constraint record_clue_handling_status_check;
alter table record_inquiry_material drop constraint record_inquiry_material_procedure_check, drop constraint record_inquiry_material_material_kind_check;
alter table record_sanction drop constraint record_sanction_kind_check, drop constraint record_sanction_measure_check, drop constraint record_sanction_form_check;
alter table record_conduct drop constraint record_conduct_source_check, drop constraint record_conduct_finding_check;
do $$
declare root text;
begin
  for root in select path::text from tenant where parent_id is null loop
    perform set_config('app.tenant_path', root, true);
    update record_personal_report set
      report_type = coalesce((select l.code from code_label l where l.domain = 'personalReport.reportType' and l.label = report_type), report_type),
      check_method = coalesce((select l.code from code_label l where l.domain = 'personalReport.checkMethod' and l.label = check_method), check_method),
      check_result = coalesce((select l.code from code_label l where l.domain = 'personalReport.checkResult' and l.label = check_result), check_result);
    update record_gift set
      gift_kind = coalesce((select l.code from code_label l where l.domain = 'gift.giftKind' and l.label = gift_kind), gift_kind),
      handling = coalesce((select l.code from code_label l where l.domain = 'gift.handling' and l.label = handling), handling);
    update record_celebration set
      event_kind = coalesce((select l.code from code_label l where l.domain = 'celebration.eventKind' and l.label = event_kind), event_kind);
    update record_lending set
      direction = coalesce((select l.code from code_label l where l.domain = 'lending.direction' and l.label = direction), direction),
      repay_status = coalesce((select l.code from code_label l where l.domain = 'lending.repayStatus' and l.label = repay_status), repay_status);
    update record_life_meeting set
      meeting_kind = coalesce((select l.code from code_label l where l.domain = 'lifeMeeting.meetingKind' and l.label = meeting_kind), meeting_kind);
    update record_assessment set
      grade = coalesce((select l.code from code_label l where l.domain = 'assessment.grade' and l.label = grade), grade);
    update record_opinion_reply set
      purpose = coalesce((select l.code from code_label l where l.domain = 'opinionReply.purpose' and l.label = purpose), purpose),
      conclusion = coalesce((select l.code from code_label l where l.domain = 'opinionReply.conclusion' and l.label = conclusion), conclusion);
    update record_clue set
      source = coalesce((select l.code from code_label l where l.domain = 'clue.source' and l.label = source), source),
      disposal_mode = coalesce((select l.code from code_label l where l.domain = 'clue.disposalMode' and l.label = disposal_mode), disposal_mode),
      handling_status = coalesce((select l.code from code_label l where l.domain = 'clue.handlingStatus' and l.label = handling_status), handling_status);
    update record_inquiry_material set
      procedure = coalesce((select l.code from code_label l where l.domain = 'inquiryMaterial.procedure' and l.label = procedure), procedure),
      material_kind = coalesce((select l.code from code_label l where l.domain = 'inquiryMaterial.materialKind' and l.label = material_kind), material_kind);
    update record_sanction set
      kind = coalesce((select l.code from code_label l where l.domain = 'sanction.kind' and l.label = kind), kind),
      measure = coalesce((select l.code from code_label l where l.domain = 'sanction.measure' and l.label = measure), measure),
      form = coalesce((select l.code from code_label l where l.domain = 'sanction.form' and l.label = form), form);
    update record_conduct set
      source = coalesce((select l.code from code_label l where l.domain = 'conduct.source' and l.label = source), source),
      finding = coalesce((select l.code from code_label l where l.domain = 'conduct.finding' and l.label = finding), finding);
  end loop;
end $$;
alter table record_personal_report
  add constraint record_personal_report_report_type_check check (report_type in ('annual', 'adhoc', 'new_post', 'other')),
  add constraint record_personal_report_check_method_check check (check_method in ('none', 'random', 'targeted', 'pre_promotion', 'other')),
  add constraint record_personal_report_check_result_check check (check_result in ('consistent', 'truthful', 'omitted', 'concealed', 'other'));
alter table record_gift
  add constraint record_gift_gift_kind_check check (gift_kind in ('cash', 'goods', 'securities', 'payment_voucher', 'card', 'other')),
  add constraint record_gift_handling_check check (handling in ('refused', 'returned', 'handed_in', 'other'));
alter table record_celebration
  add constraint record_celebration_event_kind_check check (event_kind in ('own_wedding', 'child_wedding', 'funeral', 'child_school', 'housewarming', 'birthday', 'other'));
alter table record_lending
  add constraint record_lending_direction_check check (direction in ('lend', 'borrow')),
  add constraint record_lending_repay_status_check check (repay_status in ('open', 'settled', 'overdue', 'disputed'));
alter table record_life_meeting
  add constraint record_life_meeting_meeting_kind_check check (meeting_kind in ('democratic_life', 'organisational_life', 'special_democratic_life', 'other'));
alter table record_assessment
  add constraint record_assessment_grade_check check (grade in ('excellent', 'competent', 'basically_competent', 'incompetent', 'ungraded'));
alter table record_opinion_reply
  add constraint record_opinion_reply_purpose_check check (purpose in ('selection', 'commendation', 'rank_promotion', 'transfer', 'merit', 'other')),
  add constraint record_opinion_reply_conclusion_check check (conclusion in ('no_objection', 'defer', 'unsuitable'));
alter table record_clue
  add constraint record_clue_source_check check (source in ('inspection', 'patrol', 'petition', 'case_supervision', 'audit', 'other')),
  add constraint record_clue_disposal_mode_check check (disposal_mode in ('talk_inquiry', 'verification', 'held', 'closed')),
  add constraint record_clue_handling_status_check check (handling_status in ('open', 'closed'));
alter table record_inquiry_material
  add constraint record_inquiry_material_procedure_check check (procedure in ('talk_inquiry', 'verification', 'investigation', 'other')),
  add constraint record_inquiry_material_material_kind_check check (material_kind in ('talk_record', 'inquiry_letter', 'verification_report', 'investigation_report', 'statement', 'other'));
alter table record_sanction
  add constraint record_sanction_kind_check check (kind in ('reminder_talk', 'interview', 'criticism', 'ordered_examination', 'admonition', 'circular', 'organisational', 'accountability', 'party', 'state', 'other')),
  add constraint record_sanction_measure_check check (measure in ('reminder_talk', 'criticism', 'ordered_examination', 'written_examination', 'admonition', 'circular_criticism', 'suspension', 'reassignment', 'ordered_resignation', 'removal', 'demotion', 'warning', 'serious_warning', 'party_post_revoked', 'probation', 'party_expulsion', 'demerit', 'major_demerit', 'downgrade', 'dismissal', 'expulsion', 'other')),
  add constraint record_sanction_form_check check (form in ('1', '2', '3', '4'));
alter table record_conduct
  add constraint record_conduct_source_check check (source in ('home_visit', 'community_visit', 'public_report', 'self_report', 'supervision', 'other')),
  add constraint record_conduct_finding_check check (finding in ('none', 'found'));

-- 2. Indexes. Ledgers, statistics and warnings filter and group the category tables by tenant and period and by
--    their typed columns, so each table gets:
--      (tenant_id, <date field>)              its dateField, the period of every ledger and statistic;
--      (tenant_id, <enum>, <date field>)      each enum column (kind, measure, form, disposal mode, status …),
--                                             alone or with a period;
--      (tenant_id, <money or year column>)    amount ranges (gifts, lending) and report / assessment years.

create index archive_record_category_idx on archive_record (tenant_id, category, status) where deleted_at is null;

-- 1 基本信息及事项报告
create index record_personal_report_date_idx on record_personal_report (tenant_id, reported_on);
create index record_personal_report_report_year_idx on record_personal_report (tenant_id, report_year);
create index record_personal_report_report_type_idx on record_personal_report (tenant_id, report_type, reported_on);
create index record_personal_report_check_method_idx on record_personal_report (tenant_id, check_method, reported_on);
create index record_personal_report_check_result_idx on record_personal_report (tenant_id, check_result, reported_on);
-- 2 拒收上交礼品礼金
create index record_gift_date_idx on record_gift (tenant_id, occurred_on);
create index record_gift_gift_kind_idx on record_gift (tenant_id, gift_kind, occurred_on);
create index record_gift_amount_idx on record_gift (tenant_id, amount);
create index record_gift_handling_idx on record_gift (tenant_id, handling, occurred_on);
-- 3 操办婚丧喜庆
create index record_celebration_date_idx on record_celebration (tenant_id, held_on);
create index record_celebration_event_kind_idx on record_celebration (tenant_id, event_kind, held_on);
create index record_celebration_gifts_total_idx on record_celebration (tenant_id, gifts_total);
-- 4 民间借贷
create index record_lending_date_idx on record_lending (tenant_id, occurred_on);
create index record_lending_direction_idx on record_lending (tenant_id, direction, occurred_on);
create index record_lending_amount_idx on record_lending (tenant_id, amount);
create index record_lending_repay_status_idx on record_lending (tenant_id, repay_status, occurred_on);
-- 5 民主生活会
create index record_life_meeting_date_idx on record_life_meeting (tenant_id, held_on);
create index record_life_meeting_meeting_kind_idx on record_life_meeting (tenant_id, meeting_kind, held_on);
-- 6 年度考核
create index record_assessment_date_idx on record_assessment (tenant_id, assessed_on);
create index record_assessment_year_idx on record_assessment (tenant_id, year);
create index record_assessment_grade_idx on record_assessment (tenant_id, grade, assessed_on);
-- 7 廉政意见回复
create index record_opinion_reply_date_idx on record_opinion_reply (tenant_id, replied_on);
create index record_opinion_reply_purpose_idx on record_opinion_reply (tenant_id, purpose, replied_on);
create index record_opinion_reply_conclusion_idx on record_opinion_reply (tenant_id, conclusion, replied_on);
-- 8 问题线索处置
create index record_clue_date_idx on record_clue (tenant_id, received_on);
create index record_clue_source_idx on record_clue (tenant_id, source, received_on);
create index record_clue_disposal_mode_idx on record_clue (tenant_id, disposal_mode, received_on);
create index record_clue_handling_status_idx on record_clue (tenant_id, handling_status, received_on);
-- 9 谈话函询等材料
create index record_inquiry_material_date_idx on record_inquiry_material (tenant_id, formed_on);
create index record_inquiry_material_procedure_idx on record_inquiry_material (tenant_id, procedure, formed_on);
create index record_inquiry_material_material_kind_idx on record_inquiry_material (tenant_id, material_kind, formed_on);
-- 10 处理处分
create index record_sanction_date_idx on record_sanction (tenant_id, decided_on);
create index record_sanction_kind_idx on record_sanction (tenant_id, kind, decided_on);
create index record_sanction_measure_idx on record_sanction (tenant_id, measure, decided_on);
create index record_sanction_form_idx on record_sanction (tenant_id, form, decided_on);
-- 11 八小时外
create index record_conduct_date_idx on record_conduct (tenant_id, recorded_on);
create index record_conduct_source_idx on record_conduct (tenant_id, source, recorded_on);
create index record_conduct_finding_idx on record_conduct (tenant_id, finding, recorded_on);
-- 12 其他材料
create index record_other_material_date_idx on record_other_material (tenant_id, recorded_on);
