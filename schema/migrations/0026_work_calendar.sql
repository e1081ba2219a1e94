-- 0026 the national work calendar (全国年节及纪念日放假安排, docs/work-calendar.md): the State Council's holidays and 调休
-- working weekends, one calendar for every tenant. It is not tenant data: no tenant_id, no RLS (a reference table like
-- code_label). The API role reads it; only the root tenant's administrator changes it, through the SECURITY DEFINER
-- functions below (the API role has no write privilege on the tables). Seeded after this file from the chinese-days
-- package (services/api/src/modules/calendar/seed.ts, the data step of this migration).

-- 1. The days that carry an arrangement: holiday off-days (working false: 国庆节, 春节 … including the weekend days of the
--    block) and 调休 working weekends (working true). Every other day follows the default: Monday–Friday work.
create table work_calendar_day (
  day             date primary key check (day between date '1949-01-01' and date '2100-12-31'),
  working         boolean not null,
  name            text not null check (length(name) between 1 and 40),
  source          text not null check (source in ('chinese-days', 'admin')),
  updated_by_name text,
  updated_at      timestamptz not null default now()
);

-- 2. The years whose arrangement is known (announced and entered): dates outside them follow Monday–Friday, and the API
--    says so (工作日历未覆盖 2028 年 …). A year becomes covered by the seed or by the administrator's first day of it.
create table work_calendar_year (
  year            smallint primary key check (year between 1949 and 2100),
  source          text not null check (source in ('chinese-days', 'admin')),
  updated_by_name text,
  updated_at      timestamptz not null default now()
);

-- 3. Derived, rebuilt by app_work_calendar_reindex() after every change: every date 1949-01-01 … 2100-12-31 with whether
--    it is a working day and seq, the number of working days up to and including it. "n working days after d" is the
--    working day whose seq is seq(d) + n: two index lookups, or a hash join in a set-based evaluator.
create table work_calendar_index (
  day      date primary key,
  working  boolean not null,
  seq      integer not null
);
create index work_calendar_index_seq_idx on work_calendar_index (seq, day) where working;

create function app_work_calendar_reindex() returns void
  language sql volatile security definer set search_path = public, pg_temp
  as $$
    insert into work_calendar_index (day, working, seq)
    select x.day, x.working, sum(x.working::int) over (order by x.day)::integer
      from (select g::date as day, coalesce(d.working, extract(isodow from g) < 6) as working
              from generate_series(date '1949-01-01', date '2100-12-31', interval '1 day') g
              left join work_calendar_day d on d.day = g::date) x
    on conflict (day) do update set working = excluded.working, seq = excluded.seq
      where (work_calendar_index.working, work_calendar_index.seq) is distinct from (excluded.working, excluded.seq)
  $$;
revoke all on function app_work_calendar_reindex() from public;
select app_work_calendar_reindex();

-- 4. The functions evaluators call (plain SQL, no SET clause, so a call costs two index probes; docs/work-calendar.md
--    has the measurements). Outside 1949–2100 app_is_workday falls back to Monday–Friday and app_add_workdays is null.
create function app_is_workday(p_day date) returns boolean
  language sql stable parallel safe
  as $$ select coalesce((select i.working from public.work_calendar_index i where i.day = p_day), extract(isodow from p_day) < 6) $$;

-- n working days after p_day, p_day itself not counted (n = 0: p_day; n < 0: before p_day).
create function app_add_workdays(p_day date, p_n integer) returns date
  language sql stable parallel safe
  as $$
    select case when p_n = 0 then p_day else (
      select w.day from public.work_calendar_index s
        join public.work_calendar_index w on w.working
         and w.seq = s.seq + p_n + case when p_n < 0 and not s.working then 1 else 0 end
       where s.day = p_day) end
  $$;

-- 5. Edits: only in the scope of a root tenant (the platform's top commission); the API checks the role (CASL) first.
create function app_work_calendar_admin() returns boolean
  language sql stable security definer set search_path = public, pg_temp
  as $$ select exists (select 1 from tenant where parent_id is null and path = app_scope()) $$;
revoke all on function app_work_calendar_admin() from public;

create function app_work_calendar_set(p_day date, p_working boolean, p_name text, p_by text) returns void
  language plpgsql volatile security definer set search_path = public, pg_temp
  as $$
  begin
    if not app_work_calendar_admin() then
      raise exception 'work calendar: only the root tenant may change it' using errcode = '42501';
    end if;
    insert into work_calendar_day (day, working, name, source, updated_by_name)
      values (p_day, p_working, p_name, 'admin', p_by)
      on conflict (day) do update set working = excluded.working, name = excluded.name, source = 'admin',
        updated_by_name = excluded.updated_by_name, updated_at = now();
    insert into work_calendar_year (year, source, updated_by_name)
      values (extract(year from p_day)::smallint, 'admin', p_by) on conflict (year) do nothing;
    perform app_work_calendar_reindex();
  end $$;

-- Removes a day's arrangement (it follows Monday–Friday again); false when there was none.
create function app_work_calendar_clear(p_day date) returns boolean
  language plpgsql volatile security definer set search_path = public, pg_temp
  as $$
  declare v_found boolean;
  begin
    if not app_work_calendar_admin() then
      raise exception 'work calendar: only the root tenant may change it' using errcode = '42501';
    end if;
    delete from work_calendar_day where day = p_day;
    v_found := found;
    if v_found then perform app_work_calendar_reindex(); end if;
    return v_found;
  end $$;
revoke all on function app_work_calendar_set(date, boolean, text, text) from public;
revoke all on function app_work_calendar_clear(date) from public;

do $$ begin
  execute format('grant select on work_calendar_day, work_calendar_year, work_calendar_index to %I', current_setting('app.api_role'));
  execute format('grant execute on function app_work_calendar_set(date, boolean, text, text), app_work_calendar_clear(date), app_work_calendar_admin() to %I',
    current_setting('app.api_role'));
end $$;
