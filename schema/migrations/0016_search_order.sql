-- 0016: list order and search ranking served by indexes (docs/search.md).
-- The cadre list is ordered by (tenant path, unit sort order, cadre sort order, id), across three tables, so no index
-- could serve it: every page sorted every row in scope. The tenant path (as a sort key) and the unit's sort order are
-- now copied onto the cadre by triggers, and again onto each search key with the key's ranking tier, so that
--   cadre            (tenant_sort, unit_sort, sort_order, id)
--   cadre_search_key (key, tier, tenant_sort, unit_sort, sort_order, cadre_id)
-- return the first page (and any keyset page after it) by reading about one page of index entries.

-- A tenant path as a sort key: labels joined by a space, compared bytewise (collation "C"). It orders like ltree
-- (label by label, a path before its descendants), and a subtree is the range [k, k || '!').
create function app_path_sort_key(p ltree) returns text
  language sql immutable parallel safe
  as $$ select replace(ltree2text(p), '.', ' ') collate "C" $$;

-- The ranking tier of search key k for a cadre whose name, without white space and in lower case, is n:
-- 0 the whole name, 1 the surname-aware pinyin (full or initials), 2 another reading, 3 a prefix of the name or of a
-- reading, 4 anywhere else in the name.
create function cadre_key_tier(k text, n text, pinyin_keys text[]) returns smallint
  language sql immutable parallel safe
  as $$ select (case
    when k = n then 0
    when k = pinyin_keys[1] or k = pinyin_keys[2] then 1
    when k = any(pinyin_keys) then 2
    when starts_with(n, k) or exists (select 1 from unnest(pinyin_keys) p where starts_with(p, k)) then 3
    else 4 end)::smallint $$;

-- The name as search keys see it (search-terms.ts): white space dropped, lower case.
create function cadre_key_name(name text) returns text
  language sql immutable parallel safe
  as $$ select lower(regexp_replace(name, '\s', '', 'g')) $$;

alter table cadre
  add column tenant_sort text collate "C" not null default '',
  add column unit_sort integer not null default 0;

update cadre c set tenant_sort = app_path_sort_key(t.path), unit_sort = u.sort_order
  from tenant t, unit u where t.id = c.tenant_id and u.id = c.unit_id;

create index cadre_list_order_idx on cadre (tenant_sort, unit_sort, sort_order, id);

-- The copies follow the cadre's tenant and unit, the unit's sort order and the tenant's path.
create function cadre_order_fill() returns trigger
  language plpgsql
  as $$
  begin
    select app_path_sort_key(t.path), u.sort_order into new.tenant_sort, new.unit_sort
      from unit u join tenant t on t.id = u.tenant_id where u.id = new.unit_id and u.tenant_id = new.tenant_id;
    new.tenant_sort := coalesce(new.tenant_sort, '');
    new.unit_sort := coalesce(new.unit_sort, 0);
    return new;
  end $$;
create trigger cadre_order_fill before insert or update of tenant_id, unit_id, tenant_sort, unit_sort on cadre
  for each row execute function cadre_order_fill();

create function unit_order_sync() returns trigger
  language plpgsql
  as $$
  begin
    if old.sort_order is distinct from new.sort_order then
      update cadre set unit_sort = new.sort_order where unit_id = new.id and tenant_id = new.tenant_id;
    end if;
    return null;
  end $$;
-- No WHEN clause on these triggers: pg_restore creates triggers with an empty search_path, where ltree's = is unknown.
create trigger unit_order_sync after update of sort_order on unit
  for each row execute function unit_order_sync();

create function tenant_order_sync() returns trigger
  language plpgsql
  as $$
  begin
    if old.path is distinct from new.path then
      update cadre set tenant_sort = app_path_sort_key(new.path) where tenant_id = new.id;
    end if;
    return null;
  end $$;
create trigger tenant_order_sync after update of path on tenant
  for each row execute function tenant_order_sync();

-- Search keys: one row per key with its tier and the cadre's list order. Rebuilt from cadre.search_terms.
truncate cadre_search_key;
alter table cadre_search_key
  drop constraint cadre_search_key_pkey,
  add column tier smallint not null default 4,
  add column tenant_sort text collate "C" not null default '',
  add column unit_sort integer not null default 0,
  add column sort_order integer not null default 0;
drop index cadre_search_key_cadre_idx;

insert into cadre_search_key (tenant_id, cadre_id, key, tier, tenant_sort, unit_sort, sort_order)
  select c.tenant_id, c.id, s.k, cadre_key_tier(s.k, cadre_key_name(c.name), c.pinyin_keys), c.tenant_sort, c.unit_sort, c.sort_order
    from cadre c, lateral (select distinct k from unnest(c.search_terms) k where k <> '') s;

alter table cadre_search_key add primary key (cadre_id, key);
create index cadre_search_key_rank_idx on cadre_search_key (key, tier, tenant_sort, unit_sort, sort_order, cadre_id)
  include (tenant_id);

create or replace function cadre_search_key_sync() returns trigger
  language plpgsql
  as $$
  begin
    if tg_op = 'UPDATE' then
      if old.search_terms is not distinct from new.search_terms and old.name is not distinct from new.name
         and old.pinyin_keys is not distinct from new.pinyin_keys and old.tenant_id is not distinct from new.tenant_id then
        -- The keys stand; carry a moved list order to them.
        if (old.tenant_sort, old.unit_sort, old.sort_order) is distinct from (new.tenant_sort, new.unit_sort, new.sort_order) then
          update cadre_search_key set tenant_sort = new.tenant_sort, unit_sort = new.unit_sort, sort_order = new.sort_order
            where cadre_id = new.id;
        end if;
        return null;
      end if;
      delete from cadre_search_key where cadre_id = old.id;
    end if;
    insert into cadre_search_key (tenant_id, cadre_id, key, tier, tenant_sort, unit_sort, sort_order)
      select new.tenant_id, new.id, k, cadre_key_tier(k, n, new.pinyin_keys), new.tenant_sort, new.unit_sort, new.sort_order
        from (select distinct unnest(new.search_terms) as k) s, cadre_key_name(new.name) n where k <> '';
    return null;
  end $$;
drop trigger cadre_search_key_sync on cadre;
create trigger cadre_search_key_sync
  after insert or update of search_terms, name, pinyin_keys, tenant_id, unit_id, tenant_sort, unit_sort, sort_order on cadre
  for each row execute function cadre_search_key_sync();

grant update on cadre_search_key to lz_app;
