-- 0014 typed filters and codes. Ledgers, statistics and warnings (docs/domain.md#typed-fields-indexes-and-codes)
-- filter and group the category tables by tenant and date and by their typed columns, so each table gets:
--   (tenant_id, <date field>)              its dateField, the period of every ledger and statistic;
--   (tenant_id, <enum>, <date field>)      each enum column (kind, measure, form, disposal mode, status …), alone or
--                                          with a period;
--   (tenant_id, <money or year column>)    amount ranges (gifts, lending) and report / assessment years.
-- Generated from services/api/src/modules/records/categories.ts; test/api/records-schema.test.ts checks them.

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
