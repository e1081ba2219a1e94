-- 0003 tamper evidence for the access log: every row carries an SM3 hash chained to the previous row's hash.
-- SM3 is computed by the API (node:crypto). The database keeps the chain linear: the API reads and locks the single
-- chain-head row (audit_chain_lock), computes the hash, inserts; a trigger checks that the row is exactly the next
-- link and moves the head. Concurrent writers queue on the head's lock and cannot fork the chain.

alter table audit_event add column seq bigint unique;
alter table audit_event add column prev_hash text;
alter table audit_event add column hash text;
-- The entry in plain Chinese, written with the row (names as they were at the time), e.g. 查看干部档案：张建华.
alter table audit_event add column summary text;

-- Owner-only (no grants): the API reaches it through the functions below.
create table audit_chain_head (
  id         integer primary key check (id = 1),
  last_seq   bigint not null,
  last_hash  text not null
);
-- Rows written before the chain existed are sealed into it by the owner at start-up (services/api/src/audit/chain.ts).
insert into audit_chain_head values (1, 0, repeat('0', 64));

-- A purged row leaves its place in the chain: seq and hashes stay, the content goes. Owner-only.
create table audit_tombstone (
  seq        bigint primary key,
  hash       text not null,
  prev_hash  text not null,
  at         timestamptz not null,
  purged_at  timestamptz not null default now(),
  purged_by  uuid
);

do $$ begin
  -- The owner reads every row (verification), seals rows written before the chain, and purges (audit_purge).
  execute format('create policy owner_read on audit_event for select to %I using (true)', current_user);
  execute format('create policy owner_seal on audit_event for update to %I using (true) with check (true)', current_user);
  execute format('create policy owner_purge on audit_event for delete to %I using (true)', current_user);
end $$;

-- Lock the chain head for the rest of the transaction and return it.
create function audit_chain_lock() returns table (last_seq bigint, last_hash text)
  language sql volatile security definer set search_path = public, pg_temp
  as $$ select last_seq, last_hash from audit_chain_head where id = 1 for update $$;

-- Every inserted row must be the next link: the following sequence number, the head's hash as its prev_hash.
create function audit_chain_guard() returns trigger
  language plpgsql security definer set search_path = public, pg_temp
  as $$
  declare head audit_chain_head%rowtype;
  begin
    select * into head from audit_chain_head where id = 1 for update;
    if new.seq is null or new.seq <> head.last_seq + 1 or new.prev_hash is distinct from head.last_hash then
      raise exception 'audit row is not the next link of the chain (seq %, head %)', new.seq, head.last_seq
        using errcode = '40001';
    end if;
    if new.hash is null or new.hash !~ '^[0-9a-f]{64}$' then
      raise exception 'malformed audit hash' using errcode = '22023';
    end if;
    update audit_chain_head set last_seq = new.seq, last_hash = new.hash where id = 1;
    return new;
  end $$;
create trigger audit_chain_guard before insert on audit_event for each row execute function audit_chain_guard();

revoke all on function audit_chain_lock() from public;
grant execute on function audit_chain_lock() to lz_app;
revoke all on function audit_chain_guard() from public;

-- Purge rows older than p_days (at least 180) within the caller's scope. Each purged row leaves a tombstone with its
-- hashes, so the chain still verifies. Returns the number of rows purged. The API lets auditors alone call it.
create function audit_purge(p_days integer, p_by uuid) returns integer
  language plpgsql volatile security definer set search_path = public, pg_temp
  as $$
  declare n integer;
  begin
    if p_days is null or p_days < 180 then
      raise exception '只能清理 180 天以前的访问日志' using errcode = '22023';
    end if;
    if app_scope() is null then
      raise exception 'no scope' using errcode = '42501';
    end if;
    with gone as (
      delete from audit_event
       where at < now() - make_interval(days => p_days)
         and (tenant_id in (select app_visible_tenant_ids()) or (tenant_id is null and nlevel(app_scope()) = 1))
      returning seq, hash, prev_hash, at)
    insert into audit_tombstone (seq, hash, prev_hash, at, purged_by)
      select seq, hash, prev_hash, at, p_by from gone where seq is not null;
    get diagnostics n = row_count;
    return n;
  end $$;
revoke all on function audit_purge(integer, uuid) from public;
grant execute on function audit_purge(integer, uuid) to lz_app;
