-- 0015 the cadre's code fields stored as codes, ready for statistics (docs/domain.md#cadre-codes).
-- 性别, 民族, 政治面貌, 职级, 状态 and 干部管理权限 were stored as their labels (性别 as 男/女); they now hold the code of
-- their code table (services/api/src/modules/codes/data/*.json: GB/T 2261.1, GB/T 3304, GB/T 4762 and the product's
-- own lists). code_label gets one domain per field, cadre.<field name>, with the label the API shows (性别: 男/女)
-- and the table's order, so statistics group by the code and join the label. The API maps codes and labels in
-- cadres/repo.ts and shows and takes labels as before (and takes codes). test/api/cadre-codes.test.ts checks these
-- rows and checks against the JSON tables.

-- Code tables have upper-case codes (职级 L1, R01).
alter table code_label drop constraint code_label_code_check,
  add constraint code_label_code_check check (code ~ '^[A-Za-z0-9_]{1,40}$');

insert into code_label (domain, code, label, sort_order) values
  ('cadre.sex', '0', '未知的性别', 1),
  ('cadre.sex', '1', '男', 2),
  ('cadre.sex', '2', '女', 3),
  ('cadre.sex', '9', '未说明的性别', 4),
  ('cadre.ethnicity', '01', '汉族', 1),
  ('cadre.ethnicity', '02', '蒙古族', 2),
  ('cadre.ethnicity', '03', '回族', 3),
  ('cadre.ethnicity', '04', '藏族', 4),
  ('cadre.ethnicity', '05', '维吾尔族', 5),
  ('cadre.ethnicity', '06', '苗族', 6),
  ('cadre.ethnicity', '07', '彝族', 7),
  ('cadre.ethnicity', '08', '壮族', 8),
  ('cadre.ethnicity', '09', '布依族', 9),
  ('cadre.ethnicity', '10', '朝鲜族', 10),
  ('cadre.ethnicity', '11', '满族', 11),
  ('cadre.ethnicity', '12', '侗族', 12),
  ('cadre.ethnicity', '13', '瑶族', 13),
  ('cadre.ethnicity', '14', '白族', 14),
  ('cadre.ethnicity', '15', '土家族', 15),
  ('cadre.ethnicity', '16', '哈尼族', 16),
  ('cadre.ethnicity', '17', '哈萨克族', 17),
  ('cadre.ethnicity', '18', '傣族', 18),
  ('cadre.ethnicity', '19', '黎族', 19),
  ('cadre.ethnicity', '20', '傈僳族', 20),
  ('cadre.ethnicity', '21', '佤族', 21),
  ('cadre.ethnicity', '22', '畲族', 22),
  ('cadre.ethnicity', '23', '高山族', 23),
  ('cadre.ethnicity', '24', '拉祜族', 24),
  ('cadre.ethnicity', '25', '水族', 25),
  ('cadre.ethnicity', '26', '东乡族', 26),
  ('cadre.ethnicity', '27', '纳西族', 27),
  ('cadre.ethnicity', '28', '景颇族', 28),
  ('cadre.ethnicity', '29', '柯尔克孜族', 29),
  ('cadre.ethnicity', '30', '土族', 30),
  ('cadre.ethnicity', '31', '达斡尔族', 31),
  ('cadre.ethnicity', '32', '仫佬族', 32),
  ('cadre.ethnicity', '33', '羌族', 33),
  ('cadre.ethnicity', '34', '布朗族', 34),
  ('cadre.ethnicity', '35', '撒拉族', 35),
  ('cadre.ethnicity', '36', '毛南族', 36),
  ('cadre.ethnicity', '37', '仡佬族', 37),
  ('cadre.ethnicity', '38', '锡伯族', 38),
  ('cadre.ethnicity', '39', '阿昌族', 39),
  ('cadre.ethnicity', '40', '普米族', 40),
  ('cadre.ethnicity', '41', '塔吉克族', 41),
  ('cadre.ethnicity', '42', '怒族', 42),
  ('cadre.ethnicity', '43', '乌孜别克族', 43),
  ('cadre.ethnicity', '44', '俄罗斯族', 44),
  ('cadre.ethnicity', '45', '鄂温克族', 45),
  ('cadre.ethnicity', '46', '德昂族', 46),
  ('cadre.ethnicity', '47', '保安族', 47),
  ('cadre.ethnicity', '48', '裕固族', 48),
  ('cadre.ethnicity', '49', '京族', 49),
  ('cadre.ethnicity', '50', '塔塔尔族', 50),
  ('cadre.ethnicity', '51', '独龙族', 51),
  ('cadre.ethnicity', '52', '鄂伦春族', 52),
  ('cadre.ethnicity', '53', '赫哲族', 53),
  ('cadre.ethnicity', '54', '门巴族', 54),
  ('cadre.ethnicity', '55', '珞巴族', 55),
  ('cadre.ethnicity', '56', '基诺族', 56),
  ('cadre.ethnicity', '97', '其他', 57),
  ('cadre.ethnicity', '98', '外国血统中国籍人士', 58),
  ('cadre.politicalStatus', '01', '中共党员', 1),
  ('cadre.politicalStatus', '02', '中共预备党员', 2),
  ('cadre.politicalStatus', '03', '共青团员', 3),
  ('cadre.politicalStatus', '04', '民革党员', 4),
  ('cadre.politicalStatus', '05', '民盟盟员', 5),
  ('cadre.politicalStatus', '06', '民建会员', 6),
  ('cadre.politicalStatus', '07', '民进会员', 7),
  ('cadre.politicalStatus', '08', '农工党党员', 8),
  ('cadre.politicalStatus', '09', '致公党党员', 9),
  ('cadre.politicalStatus', '10', '九三学社社员', 10),
  ('cadre.politicalStatus', '11', '台盟盟员', 11),
  ('cadre.politicalStatus', '12', '无党派人士', 12),
  ('cadre.politicalStatus', '13', '群众', 13),
  ('cadre.rank', 'L', '领导职务', 1),
  ('cadre.rank', 'L1', '省部级正职', 2),
  ('cadre.rank', 'L2', '省部级副职', 3),
  ('cadre.rank', 'L3', '厅局级正职', 4),
  ('cadre.rank', 'L4', '厅局级副职', 5),
  ('cadre.rank', 'L5', '县处级正职', 6),
  ('cadre.rank', 'L6', '县处级副职', 7),
  ('cadre.rank', 'L7', '乡科级正职', 8),
  ('cadre.rank', 'L8', '乡科级副职', 9),
  ('cadre.rank', 'R', '职级', 10),
  ('cadre.rank', 'R01', '一级巡视员', 11),
  ('cadre.rank', 'R02', '二级巡视员', 12),
  ('cadre.rank', 'R03', '一级调研员', 13),
  ('cadre.rank', 'R04', '二级调研员', 14),
  ('cadre.rank', 'R05', '三级调研员', 15),
  ('cadre.rank', 'R06', '四级调研员', 16),
  ('cadre.rank', 'R07', '一级主任科员', 17),
  ('cadre.rank', 'R08', '二级主任科员', 18),
  ('cadre.rank', 'R09', '三级主任科员', 19),
  ('cadre.rank', 'R10', '四级主任科员', 20),
  ('cadre.rank', 'R11', '一级科员', 21),
  ('cadre.rank', 'R12', '二级科员', 22),
  ('cadre.status', '1', '在职', 1),
  ('cadre.status', '2', '退休', 2),
  ('cadre.status', '3', '调离', 3),
  ('cadre.status', '4', '去世', 4),
  ('cadre.status', '5', '辞职', 5),
  ('cadre.status', '6', '免职待分配', 6),
  ('cadre.status', '7', '其他', 7),
  ('cadre.managementLevel', '1', '省管', 1),
  ('cadre.managementLevel', '2', '市管', 2),
  ('cadre.managementLevel', '3', '县(区)管', 3),
  ('cadre.managementLevel', '4', '乡镇管', 4),
  ('cadre.managementLevel', '5', '企业自管', 5),
  ('cadre.managementLevel', '6', '院校自管', 6),
  ('cadre.managementLevel', '7', '其他', 7);

-- Every stored value becomes its code: found by the shown label, the full label or short label (男性, 汉) or the code
-- itself, ignoring surrounding spaces. A value found in none (free text typed before the code tables) cannot be
-- kept in a code column: it is cleared (状态, which cannot be empty: 7 其他), and a revision by 系统 records the old
-- value, so the history still shows it and the cadre's version moves on.
create table lz_0015_alias (domain text not null, alias text not null, code text not null, primary key (domain, alias));
insert into lz_0015_alias select domain, label, code from code_label where domain like 'cadre.%';
insert into lz_0015_alias select domain, code, code from code_label where domain like 'cadre.%' on conflict do nothing;
insert into lz_0015_alias values
  ('cadre.sex', '男性', '1'),
  ('cadre.sex', '女性', '2'),
  ('cadre.ethnicity', '汉', '01'),
  ('cadre.ethnicity', '蒙古', '02'),
  ('cadre.ethnicity', '回', '03'),
  ('cadre.ethnicity', '藏', '04'),
  ('cadre.ethnicity', '维吾尔', '05'),
  ('cadre.ethnicity', '苗', '06'),
  ('cadre.ethnicity', '彝', '07'),
  ('cadre.ethnicity', '壮', '08'),
  ('cadre.ethnicity', '布依', '09'),
  ('cadre.ethnicity', '朝鲜', '10'),
  ('cadre.ethnicity', '满', '11'),
  ('cadre.ethnicity', '侗', '12'),
  ('cadre.ethnicity', '瑶', '13'),
  ('cadre.ethnicity', '白', '14'),
  ('cadre.ethnicity', '土家', '15'),
  ('cadre.ethnicity', '哈尼', '16'),
  ('cadre.ethnicity', '哈萨克', '17'),
  ('cadre.ethnicity', '傣', '18'),
  ('cadre.ethnicity', '黎', '19'),
  ('cadre.ethnicity', '傈僳', '20'),
  ('cadre.ethnicity', '佤', '21'),
  ('cadre.ethnicity', '畲', '22'),
  ('cadre.ethnicity', '高山', '23'),
  ('cadre.ethnicity', '拉祜', '24'),
  ('cadre.ethnicity', '水', '25'),
  ('cadre.ethnicity', '东乡', '26'),
  ('cadre.ethnicity', '纳西', '27'),
  ('cadre.ethnicity', '景颇', '28'),
  ('cadre.ethnicity', '柯尔克孜', '29'),
  ('cadre.ethnicity', '土', '30'),
  ('cadre.ethnicity', '达斡尔', '31'),
  ('cadre.ethnicity', '仫佬', '32'),
  ('cadre.ethnicity', '羌', '33'),
  ('cadre.ethnicity', '布朗', '34'),
  ('cadre.ethnicity', '撒拉', '35'),
  ('cadre.ethnicity', '毛南', '36'),
  ('cadre.ethnicity', '仡佬', '37'),
  ('cadre.ethnicity', '锡伯', '38'),
  ('cadre.ethnicity', '阿昌', '39'),
  ('cadre.ethnicity', '普米', '40'),
  ('cadre.ethnicity', '塔吉克', '41'),
  ('cadre.ethnicity', '怒', '42'),
  ('cadre.ethnicity', '乌孜别克', '43'),
  ('cadre.ethnicity', '俄罗斯', '44'),
  ('cadre.ethnicity', '鄂温克', '45'),
  ('cadre.ethnicity', '德昂', '46'),
  ('cadre.ethnicity', '保安', '47'),
  ('cadre.ethnicity', '裕固', '48'),
  ('cadre.ethnicity', '京', '49'),
  ('cadre.ethnicity', '塔塔尔', '50'),
  ('cadre.ethnicity', '独龙', '51'),
  ('cadre.ethnicity', '鄂伦春', '52'),
  ('cadre.ethnicity', '赫哲', '53'),
  ('cadre.ethnicity', '门巴', '54'),
  ('cadre.ethnicity', '珞巴', '55'),
  ('cadre.ethnicity', '基诺', '56')
  on conflict do nothing;

create function lz_0015_code(d text, v text) returns text language sql stable as $$
  select a.code from lz_0015_alias a where a.domain = d and a.alias = btrim(v)
$$;
-- The revision entry of a value that has no code: [old, new], or null when the value converts (or is empty).
create function lz_0015_lost(d text, v text, fallback text) returns jsonb language sql stable as $$
  select case when nullif(btrim(v), '') is not null and lz_0015_code(d, v) is null then jsonb_build_array(v, fallback) end
$$;

do $$
declare root text;
begin
  for root in select path::text from tenant where parent_id is null loop
    perform set_config('app.tenant_path', root, true);
    with lost as (
      select c.id, jsonb_strip_nulls(jsonb_build_object(
        '性别', lz_0015_lost('cadre.sex', c.sex, null),
        '民族', lz_0015_lost('cadre.ethnicity', c.ethnicity, null),
        '政治面貌', lz_0015_lost('cadre.politicalStatus', c.political_status, null),
        '职级', lz_0015_lost('cadre.rank', c.rank, null),
        '状态', lz_0015_lost('cadre.status', c.status, '其他'),
        '干部管理权限', lz_0015_lost('cadre.managementLevel', c.management_level, null))) as changes
      from cadre c
    ), bumped as (
      update cadre c set version = c.version + 1 from lost l where l.id = c.id and l.changes <> '{}'
      returning c.id, c.tenant_id, c.version, l.changes
    )
    insert into cadre_revision (tenant_id, cadre_id, version, action, actor_name, changes)
    select b.tenant_id, b.id, b.version, 'update', '系统',
           b.changes || '{"来源": [null, "系统升级：基本信息改存代码，不在代码表中的值已清除"]}'::jsonb
      from bumped b;
    update cadre set
      sex = lz_0015_code('cadre.sex', sex),
      ethnicity = lz_0015_code('cadre.ethnicity', ethnicity),
      political_status = lz_0015_code('cadre.politicalStatus', political_status),
      rank = lz_0015_code('cadre.rank', rank),
      status = coalesce(lz_0015_code('cadre.status', status), '7'),
      management_level = lz_0015_code('cadre.managementLevel', management_level);
  end loop;
  perform set_config('app.tenant_path', '', true);
end $$;

drop function lz_0015_lost(text, text, text);
drop function lz_0015_code(text, text);
drop table lz_0015_alias;

alter table cadre alter column status set default '1';
alter table cadre
  add constraint cadre_sex_code_check check (sex in ('0', '1', '2', '9')),
  add constraint cadre_ethnicity_code_check check (ethnicity in ('01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12', '13', '14', '15', '16', '17', '18', '19', '20', '21', '22', '23', '24', '25', '26', '27', '28', '29', '30', '31', '32', '33', '34', '35', '36', '37', '38', '39', '40', '41', '42', '43', '44', '45', '46', '47', '48', '49', '50', '51', '52', '53', '54', '55', '56', '97', '98')),
  add constraint cadre_political_status_code_check check (political_status in ('01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12', '13')),
  add constraint cadre_rank_code_check check (rank in ('L', 'L1', 'L2', 'L3', 'L4', 'L5', 'L6', 'L7', 'L8', 'R', 'R01', 'R02', 'R03', 'R04', 'R05', 'R06', 'R07', 'R08', 'R09', 'R10', 'R11', 'R12')),
  add constraint cadre_status_code_check check (status in ('1', '2', '3', '4', '5', '6', '7')),
  add constraint cadre_management_level_code_check check (management_level in ('1', '2', '3', '4', '5', '6', '7'));

-- Statistics count a tenant's cadres by these fields, nearly always those of one 状态 (在职): (tenant, 状态) finds them;
-- the other field is read from the row (a tenant holds thousands of cadres, and one index per field would slow every
-- cadre write and bulk import for little).
create index cadre_status_idx on cadre (tenant_id, status);
