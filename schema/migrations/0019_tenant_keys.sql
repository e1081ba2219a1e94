-- 0019 tenant keys: every key of a tenant table leads with tenant_id, and every foreign key between tenant tables
-- carries tenant_id on both sides, so the schema can be distributed by tenant_id (Citus; infra/SCALING.md) and a row
-- can never point into another tenant. Keys, constraints and indexes only: no policy, grant or data is changed.
--
-- Distributed ("tenant") tables: every public table with a tenant_id column except
--   tenant      a reference table (small, read by every scope check; its key is the tenant id itself);
--   app_user    a reference table: logins look a username up before any tenant is known, so username stays
--               globally unique (users are thousands, written rarely: replicated writes are affordable);
--   audit_*     the access log and its chain: one global sequence, kept on the coordinator (SCALING.md says what
--               changes under Citus).
-- (tenant_security, keyed by tenant_id already and untouched here, is a reference table under Citus too.)
-- test/isolation/distribution.test.ts checks the result over the catalog, and names the same exceptions.
--
-- For each tenant table:
--   a primary or unique key without tenant_id becomes (tenant_id, <its columns>), under the same name; a unique
--   (tenant_id, <same columns>) made redundant by the new primary key is dropped;
--   a unique index without tenant_id (e.g. partial) is recreated with tenant_id first, under the same name;
--   the old columns keep a plain index (same definition, not unique) unless one already leads with them, so every
--   lookup by id alone (the API's, and foreign keys' checks) still finds an index. Uniqueness of a uuid id alone is no
--   longer enforced by the database: ids are gen_random_uuid() (v4, 122 random bits): a collision is negligible, and
--   one within a tenant is still refused by the primary key;
--   foreign keys that reference it are dropped first and added again; one between tenant tables without tenant_id
--   becomes (tenant_id, <columns>) → (tenant_id, <columns>) with the same ON DELETE / ON UPDATE actions (CASCADE
--   and NO ACTION keep their meaning on the composite key; SET NULL / SET DEFAULT would null tenant_id: refused).
-- Written over the catalog rather than by name, so that it applies to the keys as earlier migrations left them.
do $$
declare
  v_tables regclass[];
  t regclass;
  v_tid int2;
  k record;
  fk record;
  v_fk_tables regclass[] := '{}';
  v_fk_names text[] := '{}';
  v_fk_defs text[] := '{}';
  v_cols text;
  v_name text;
  v_parts text[];
  v_def text;
  i int;
begin
  select coalesce(array_agg(c.oid::regclass order by c.relname), '{}') into v_tables
    from pg_class c
   where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')
     and c.relname not in ('tenant', 'app_user') and c.relname not like 'audit\_%'
     and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped);

  foreach t in array v_tables loop
    if exists (select 1 from pg_attribute a where a.attrelid = t and a.attname = 'tenant_id' and not a.attnotnull) then
      raise exception '0019: %.tenant_id may be null; a tenant table needs it on every row', t;
    end if;
    if exists (select 1 from pg_constraint c where c.conrelid = t and c.contype = 'x') then
      raise exception '0019: % has an exclusion constraint; give it tenant_id by hand first', t;
    end if;
  end loop;

  -- Foreign keys that reference a tenant table: dropped now (they depend on the keys rebuilt below), added at the end.
  for fk in
    select c.conrelid::regclass as tbl, c.conname, pg_get_constraintdef(c.oid) as def,
           c.conrelid = any(v_tables) as from_tenant_table,
           array_position(c.conkey, (select attnum from pg_attribute where attrelid = c.conrelid and attname = 'tenant_id')) as src_pos,
           array_position(c.confkey, (select attnum from pg_attribute where attrelid = c.confrelid and attname = 'tenant_id')) as dst_pos,
           c.confdeltype, c.confupdtype
      from pg_constraint c
     where c.contype = 'f' and c.confrelid = any(v_tables)
     order by c.conrelid::regclass::text, c.conname
  loop
    v_def := fk.def;
    if not fk.from_tenant_table then
      raise exception '0019: % (% → a tenant table) is a foreign key from a table that is not distributed', fk.conname, fk.tbl;
    end if;
    if fk.src_pos is distinct from fk.dst_pos or fk.src_pos is null then
      if fk.src_pos is not null or fk.dst_pos is not null then
        raise exception '0019: % on % has tenant_id on one side only: %', fk.conname, fk.tbl, fk.def;
      end if;
      if fk.confdeltype in ('n', 'd') or fk.confupdtype in ('n', 'd') then
        raise exception '0019: % on % sets columns null/default; a composite key would change its meaning', fk.conname, fk.tbl;
      end if;
      v_parts := regexp_match(fk.def, '^FOREIGN KEY \(([^)]*)\) REFERENCES ([^(]+)\(([^)]*)\)(.*)$');
      if v_parts is null then raise exception '0019: cannot read foreign key % on %: %', fk.conname, fk.tbl, fk.def; end if;
      v_def := format('FOREIGN KEY (tenant_id, %s) REFERENCES %s(tenant_id, %s)%s', v_parts[1], v_parts[2], v_parts[3], v_parts[4]);
    end if;
    v_fk_tables := v_fk_tables || fk.tbl;
    v_fk_names := v_fk_names || fk.conname::text;
    v_fk_defs := v_fk_defs || v_def;
    execute format('alter table %s drop constraint %I', fk.tbl, fk.conname);
  end loop;

  foreach t in array v_tables loop
    v_tid := (select attnum from pg_attribute where attrelid = t and attname = 'tenant_id');
    -- Primary key first (it may make a unique (tenant_id, …) redundant), then unique constraints.
    for k in
      select c.conname, c.contype, c.conkey, pg_get_indexdef(c.conindid) as idxdef,
             (select string_agg(quote_ident(a.attname), ', ' order by u.ord)
                from unnest(c.conkey) with ordinality u(attnum, ord)
                join pg_attribute a on a.attrelid = c.conrelid and a.attnum = u.attnum) as cols
        from pg_constraint c
       where c.conrelid = t and c.contype in ('p', 'u') and not (v_tid = any(c.conkey))
       order by c.contype, c.conname
    loop
      execute format('alter table %s drop constraint %I', t, k.conname);
      if k.contype = 'p' then
        for v_name in
          select c.conname from pg_constraint c
           where c.conrelid = t and c.contype = 'u' and c.conkey = array[v_tid] || k.conkey
        loop
          execute format('alter table %s drop constraint %I', t, v_name);
        end loop;
        execute format('alter table %s add constraint %I primary key (tenant_id, %s)', t, k.conname, k.cols);
      else
        execute format('alter table %s add constraint %I unique (tenant_id, %s)', t, k.conname, k.cols);
      end if;
      -- The old columns keep a plain index, unless one (without predicate or expressions) already leads with them.
      if not exists (select 1 from pg_index x
                      where x.indrelid = t and x.indpred is null and x.indexprs is null
                        and (x.indkey::int2[])[0:cardinality(k.conkey) - 1] = k.conkey) then
        v_name := left(format('%s_%s_idx', (select relname from pg_class where oid = t), replace(replace(k.cols, ', ', '_'), '"', '')), 63);
        execute regexp_replace(k.idxdef, '^CREATE UNIQUE INDEX \S+ ON', format('CREATE INDEX %I ON', v_name));
      end if;
    end loop;

    -- Unique indexes that back no constraint (e.g. partial ones).
    for k in
      select x.indexrelid::regclass as idx, (select relname from pg_class where oid = x.indexrelid) as idxname,
             pg_get_indexdef(x.indexrelid) as idxdef
        from pg_index x
       where x.indrelid = t and x.indisunique
         and not exists (select 1 from pg_constraint c where c.conindid = x.indexrelid)
         and not (v_tid = any(x.indkey::int2[]))
    loop
      execute format('drop index %s', k.idx);
      execute regexp_replace(k.idxdef, ' USING (\w+) \(', ' USING \1 (tenant_id, ');
      execute regexp_replace(k.idxdef, '^CREATE UNIQUE INDEX \S+ ON', format('CREATE INDEX %I ON', left(k.idxname || '_plain', 63)));
    end loop;
  end loop;

  for i in 1 .. coalesce(array_length(v_fk_names, 1), 0) loop
    execute format('alter table %s add constraint %I %s', v_fk_tables[i], v_fk_names[i], v_fk_defs[i]);
  end loop;
end $$;
