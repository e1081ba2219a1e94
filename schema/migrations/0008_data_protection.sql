-- 0008: import batches keep no personal data in plain text. The API now seals a batch's parsed forms with the
-- field key ({"v":2,"sealed":"v1.…","count":n}) and drops the content on confirmation and expiry. This migration
-- drops the plain-text content of batches written before, and gives the API's timer one way to sweep every
-- tenant's batches: an owner-defined function that can only clear content and delete long-expired rows. It adds
-- no policy: it works through the ordinary scoped policy, one root tenant's subtree at a time.

create function app_sweep_import_batches() returns integer
  language plpgsql volatile security definer set search_path = public, pg_temp
as $$
declare
  prev text := current_setting('app.tenant_path', true);
  root text;
  n integer := 0;
  k integer;
begin
  for root in select path::text from tenant where parent_id is null loop
    perform set_config('app.tenant_path', root, true);
    update import_batch
       set files = jsonb_build_object('v', 2, 'sealed', null, 'count',
             coalesce((files->>'count')::int, case when jsonb_typeof(files) = 'array' then jsonb_array_length(files) else 0 end))
     where (confirmed_at is not null or expires_at < now())
       and ((jsonb_typeof(files) = 'array' and files <> '[]'::jsonb) or (files->>'sealed') is not null);
    get diagnostics k = row_count;
    n := n + k;
    delete from import_batch where expires_at < now() - interval '7 days';
  end loop;
  perform set_config('app.tenant_path', coalesce(prev, ''), true);
  return n;
end $$;
revoke all on function app_sweep_import_batches() from public;
grant execute on function app_sweep_import_batches() to lz_app;

-- Batches written before hold their forms in plain text: drop that content (such a batch must be uploaded again).
-- Revisions written by imports kept the old mask (region, 8 stars, the last four): keep the region only.
do $$
declare root text;
begin
  for root in select path::text from tenant where parent_id is null loop
    perform set_config('app.tenant_path', root, true);
    update import_batch set files = jsonb_build_object('v', 2, 'sealed', null, 'count', jsonb_array_length(files))
     where jsonb_typeof(files) = 'array';
    update cadre_revision
       set changes = jsonb_set(changes, '{公民身份号码,1}', to_jsonb(left(changes->'公民身份号码'->>1, 6) || '************'))
     where changes->'公民身份号码'->>1 ~ '^[0-9]{6}\*{8}[0-9X]{4}$';
  end loop;
  perform set_config('app.tenant_path', '', true);
end $$;
