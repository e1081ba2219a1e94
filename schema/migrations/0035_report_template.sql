-- Word 模板 for the 廉情评价报告 too (issue 15: "editable .docx from the tenant's template"; docs/templates.md).
alter table doc_template drop constraint doc_template_kind_check;
alter table doc_template add constraint doc_template_kind_check check (kind in ('reply', 'reply-cadre', 'disposition', 'report'));
