-- 0018 a request's session in one statement (services/api/src/auth/request-session.ts openScopedSession): the
-- session as auth_session judges it, and when it may act (account and tenant active, session live) the scope is set
-- for the rest of the transaction and the session's activity mark moved (at most every 15 seconds) — one round trip
-- where there were three (session, scope, mark). The caller still judges the row itself; nothing is set otherwise.
create function auth_session_open(p_user_id uuid, p_session_id uuid)
  returns table (user_id uuid, username text, display_name text, tenant_id uuid, tenant_path text,
                 tenant_status text, role text, status text, must_change_password boolean,
                 session_live boolean, unit_ids uuid[])
  language plpgsql volatile security definer set search_path = public, pg_temp
  as $$
  #variable_conflict use_column
  declare r record;
  begin
    select * into r from auth_session(p_user_id, p_session_id) a;
    if not found then
      return;
    end if;
    if r.status = 'active' and r.tenant_status = 'active' and r.session_live then
      -- Transaction-local, as setScope (services/api/src/db/scope.ts) sets it: it outlives this function, not the transaction.
      perform set_config('app.tenant_path', r.tenant_path, true);
      update user_session s set last_seen_at = now()
       where s.id = p_session_id and s.user_id = p_user_id and s.last_seen_at < now() - interval '15 seconds';
    end if;
    return query select r.user_id, r.username, r.display_name, r.tenant_id, r.tenant_path, r.tenant_status, r.role, r.status,
                        r.must_change_password, r.session_live, r.unit_ids;
  end $$;
revoke all on function auth_session_open(uuid, uuid) from public;
do $$ begin
  execute format('grant execute on function auth_session_open(uuid, uuid) to %I', current_setting('app.api_role'));
end $$;
