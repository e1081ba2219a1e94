-- 0033 Jobs (docs/jobs.md): long work (batches of 廉情评价报告, 逐人复函 …) stored in the database, run by an in-process
-- runner (services/api/src/jobs/), with progress, cancellation, and the result kept in the object store for download
-- until it expires (7 days). A job is its creator's alone: every read the API makes filters on created_by (the
-- results hold archive content), besides the tenant policy below.

create table job (
  tenant_id            uuid not null references tenant (id),
  id                   uuid not null default gen_random_uuid(),
  kind                 text not null check (kind in ('report_batch', 'reply_letters', 'print_batch')),
  params               jsonb not null check (jsonb_typeof(params) = 'object'),
  status               text not null default 'queued' check (status in ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
  progress             integer not null default 0 check (progress >= 0),
  total                integer not null check (total >= 0),
  message              text check (length(message) <= 500),
  attempts             integer not null default 0 check (attempts >= 0),
  result_key           text,
  result_name          text check (length(result_name) <= 255),
  result_size          bigint check (result_size >= 0),
  result_content_type  text check (length(result_content_type) <= 200),
  created_by           uuid not null,
  created_by_name      text not null,
  -- The creator's session when the job was started (its audit rows name it; the job runs on after a logout).
  created_session      uuid,
  created_at           timestamptz not null default now(),
  started_at           timestamptz,
  heartbeat_at         timestamptz,
  finished_at          timestamptz,
  expires_at           timestamptz,
  primary key (tenant_id, id),
  check (progress <= total),
  check ((status = 'succeeded') = (result_key is not null))
);
create index job_id_idx on job (id);
create index job_creator_idx on job (tenant_id, created_by, created_at desc);
create index job_queue_idx on job (status, created_at) where status in ('queued', 'running');
create index job_expiry_idx on job (expires_at) where expires_at is not null;
select app_tenant_table('job', 'select, insert, update');

-- The runner works for every tenant and has no scope of its own: these owner-defined functions see each root's
-- subtree in turn (as app_sweep_import_batches does), and each does one small thing.

-- Claim the oldest queued job (skip rows another runner holds): running, attempt counted, heartbeat set; with its
-- tenant's path (the scope the runner's later transactions set).
create function app_job_claim()
  returns table (tenant_id uuid, id uuid, tenant_path text)
  language plpgsql volatile security definer set search_path = public, pg_temp
as $$
#variable_conflict use_column
declare
  prev text := current_setting('app.tenant_path', true);
  root text;
  r record;
begin
  for root in select path::text from tenant where parent_id is null loop
    perform set_config('app.tenant_path', root, true);
    select j.tenant_id, j.id into r from job j where j.status = 'queued'
     order by j.created_at, j.id limit 1 for update skip locked;
    if found then
      update job j set status = 'running', attempts = j.attempts + 1, started_at = coalesce(j.started_at, now()),
                       heartbeat_at = now(), message = null
       where j.tenant_id = r.tenant_id and j.id = r.id;
      tenant_path := (select t.path::text from tenant t where t.id = r.tenant_id);
      perform set_config('app.tenant_path', coalesce(prev, ''), true);
      tenant_id := r.tenant_id;
      id := r.id;
      return next;
      return;
    end if;
  end loop;
  perform set_config('app.tenant_path', coalesce(prev, ''), true);
end $$;

-- Running jobs whose heartbeat stopped (their process died): queued again while attempts remain, failed otherwise.
create function app_job_recover(p_stale_seconds integer, p_max_attempts integer)
  returns table (tenant_id uuid, id uuid, status text)
  language plpgsql volatile security definer set search_path = public, pg_temp
as $$
#variable_conflict use_column
declare
  prev text := current_setting('app.tenant_path', true);
  root text;
begin
  for root in select path::text from tenant where parent_id is null loop
    perform set_config('app.tenant_path', root, true);
    return query
      update job j
         set status = case when j.attempts < p_max_attempts then 'queued' else 'failed' end,
             finished_at = case when j.attempts < p_max_attempts then null else now() end,
             message = case when j.attempts < p_max_attempts then '服务重启，任务已重新排队'
                            else '任务多次中断，已停止，请重新发起' end
       where j.status = 'running' and j.heartbeat_at < now() - make_interval(secs => p_stale_seconds)
      returning j.tenant_id, j.id, j.status;
  end loop;
  perform set_config('app.tenant_path', coalesce(prev, ''), true);
end $$;

-- Jobs past their expiry (the result's object is removed by the caller first, then app_job_forget drops the rows).
create function app_job_expired(p_limit integer)
  returns table (tenant_id uuid, id uuid, result_key text)
  language plpgsql volatile security definer set search_path = public, pg_temp
as $$
#variable_conflict use_column
declare
  prev text := current_setting('app.tenant_path', true);
  root text;
begin
  for root in select path::text from tenant where parent_id is null loop
    perform set_config('app.tenant_path', root, true);
    return query select j.tenant_id, j.id, j.result_key from job j
      where j.expires_at < now() order by j.expires_at limit p_limit;
  end loop;
  perform set_config('app.tenant_path', coalesce(prev, ''), true);
end $$;

create function app_job_forget(p_ids uuid[])
  returns integer
  language plpgsql volatile security definer set search_path = public, pg_temp
as $$
#variable_conflict use_column
declare
  prev text := current_setting('app.tenant_path', true);
  root text;
  n integer := 0;
  k integer;
begin
  for root in select path::text from tenant where parent_id is null loop
    perform set_config('app.tenant_path', root, true);
    delete from job j where j.id = any (p_ids) and j.expires_at < now();
    get diagnostics k = row_count;
    n := n + k;
  end loop;
  perform set_config('app.tenant_path', coalesce(prev, ''), true);
  return n;
end $$;

revoke all on function app_job_claim() from public;
revoke all on function app_job_recover(integer, integer) from public;
revoke all on function app_job_expired(integer) from public;
revoke all on function app_job_forget(uuid[]) from public;
do $$ begin
  execute format('grant execute on function app_job_claim() to %I', current_setting('app.api_role'));
  execute format('grant execute on function app_job_recover(integer, integer) to %I', current_setting('app.api_role'));
  execute format('grant execute on function app_job_expired(integer) to %I', current_setting('app.api_role'));
  execute format('grant execute on function app_job_forget(uuid[]) to %I', current_setting('app.api_role'));
end $$;
