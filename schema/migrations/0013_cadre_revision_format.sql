-- 0013: one revision format for cadres. The form import used to write its own: the ID number as a mask, the résumé
-- as printed on the form ("1993.09--1997.07  内容", one per line), 家庭主要成员及重要社会关系 with every column, empty
-- values as ''. Imports now write through the cadre commands (modules/cadres/commands.ts), as GraphQL does; this
-- rewrites the import revisions written before (those with 来源, action update) into that format. Versions were
-- numbered alike already.

create function lz_0013_lines(v text, kind text) returns text language sql immutable as $$
  select coalesce(string_agg(case kind
      when 'resume' then regexp_replace(l, '^([0-9]{4})\.([0-9]{2})--([0-9]{4})?\.?([0-9]{2})?  (.*)$', '\1\2-\3\4 \5')
      else regexp_replace(l, '^(\S+) (\S+).*$', '\1 \2') end, '；' order by n), '')
  from regexp_split_to_table(coalesce(v, ''), E'\n') with ordinality as t(l, n)
  where l <> ''
$$;

-- A résumé entry's content may run over several lines: only a line that starts with a date starts an entry.
create function lz_0013_resume(v text) returns text language sql immutable as $$
  select replace(lz_0013_lines(regexp_replace(coalesce(v, ''), E'\n(?![0-9]{4}\\.[0-9]{2}--)', chr(1), 'g'), 'resume'), chr(1), E'\n')
$$;

create function lz_0013_value(k text, v jsonb) returns jsonb language sql immutable as $$
  select case
    when k = '公民身份号码' then '["（已修改）", "（已修改）"]'::jsonb
    when k = '来源' then v
    when k = '简历' then jsonb_build_array(lz_0013_resume(v->>0), lz_0013_resume(v->>1))
    when k = '家庭主要成员及重要社会关系' then jsonb_build_array(lz_0013_lines(v->>0, 'family'), lz_0013_lines(v->>1, 'family'))
    when k = '照片' then jsonb_build_array(case when v->>0 in ('', '无') then null else v->>0 end, v->1)
    else jsonb_build_array(nullif(v->>0, ''), nullif(v->>1, ''))
  end
$$;

do $$
declare root text;
begin
  for root in select path::text from tenant where parent_id is null loop
    perform set_config('app.tenant_path', root, true);
    update cadre_revision
       set changes = (select jsonb_object_agg(case e.key when '家庭主要成员及重要社会关系' then '家庭成员' else e.key end, lz_0013_value(e.key, e.value))
                        from jsonb_each(changes) e)
     where action = 'update' and changes ? '来源';
  end loop;
  perform set_config('app.tenant_path', '', true);
end $$;

drop function lz_0013_value(text, jsonb);
drop function lz_0013_resume(text);
drop function lz_0013_lines(text, text);
