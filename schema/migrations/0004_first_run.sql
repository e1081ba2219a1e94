-- 0004: whether the system has been initialised (any tenant at all), for the production first-run command, which
-- runs in the scope of the tenant it is about to create and so cannot see the others.
create function system_initialised() returns boolean
  language sql stable security definer set search_path = public, pg_temp
  as $$ select exists (select 1 from tenant) $$;
revoke all on function system_initialised() from public;
grant execute on function system_initialised() to lz_app;
