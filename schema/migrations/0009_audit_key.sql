-- 0009 the access-log chain against the database owner (services/api/src/audit/chain.ts, anchor.ts).
-- From this migration on every link is an HMAC-SM3 under a key the database never holds (AUDIT_CHAIN_KEY), and the
-- chain head is signed with SM2 (AUDIT_SIGNING_KEY) from time to time; each signed head is kept here and in files
-- outside the database. Links written before the switch stay plain SM3: at the first start after this migration the
-- owner signs a "seal" anchor at the then head, which fixes where the keyed chain begins (and which tombstones
-- existed), so nobody can later move that point without the signing key.
-- A purge records a run (its cut-off) and the API appends a keyed row attesting it; a tombstone is valid only when
-- it belongs to an attested run and its row was older than that run's cut-off.

-- Each chain gets a random identity, signed into every anchor: anchor files may hold anchors of other databases
-- (a data directory reused with another database), which the verifier then sets aside; it still requires this
-- chain's seal, so changing the identity does not make this chain's anchors go away.
alter table audit_chain_head add column chain_id uuid not null default gen_random_uuid();

-- Signed chain heads. Owner-only (no grants, RLS on without policies): the API adds and lists them through the
-- SECURITY DEFINER functions below. No tenant_id: one chain serves every tenant.
create table audit_anchor (
  id          bigint generated always as identity primary key,
  chain_id    uuid not null,
  -- 'seal': where the keyed chain begins (one, made at the switch); 'head': a periodic or on-demand signed head.
  kind        text not null check (kind in ('seal', 'head')),
  seq         bigint not null check (seq >= 0),
  hash        text not null check (hash ~ '^[0-9a-f]{64}$'),
  at          timestamptz not null,
  -- A fingerprint of the chain key (not the key): tells a wrong key from a rewritten chain.
  key_id      text not null,
  -- Seal only: "<count>:<sha256 of the comma-joined seqs>" of the tombstones that existed at the switch.
  tombstones  text,
  public_key  text not null,
  signature   text not null
);
create index audit_anchor_seq_idx on audit_anchor (seq);
alter table audit_anchor enable row level security;

-- One row per purge: when, by whom, in which scope, and the cut-off. Owner-only like audit_tombstone.
create table audit_purge_run (
  id          bigint generated always as identity primary key,
  purged_at   timestamptz not null,
  days        integer not null check (days >= 180),
  cutoff      timestamptz not null,
  scope       text not null,
  purged_by   uuid,
  rows        integer not null default 0,
  first_seq   bigint,
  last_seq    bigint,
  max_at      timestamptz
);
alter table audit_purge_run enable row level security;

alter table audit_tombstone add column purge_id bigint references audit_purge_run (id);
create index audit_tombstone_purge_idx on audit_tombstone (purge_id);

-- The head as it is now, the highest signed seq (the API signs only when the chain has moved on), and whether this
-- transaction moved the head itself (then the head may yet roll back, and must not be signed).
create function audit_chain_peek() returns table (chain_id uuid, last_seq bigint, last_hash text, anchored_seq bigint, own boolean)
  language sql stable security definer set search_path = public, pg_temp
  as $$ select h.chain_id, h.last_seq, h.last_hash, (select max(a.seq) from audit_anchor a),
               coalesce(h.xmin::text::bigint = pg_current_xact_id_if_assigned()::text::bigint % 4294967296, false)
          from audit_chain_head h where h.id = 1 $$;
revoke all on function audit_chain_peek() from public;
grant execute on function audit_chain_peek() to lz_app;

-- Keep a signed head made by the API. Only (seq, hash) pairs that are links of the chain are accepted (the head may
-- have moved on since it was read); the signature is checked by the verifier, which holds the public key.
create function audit_anchor_add(p_chain_id uuid, p_seq bigint, p_hash text, p_at timestamptz, p_key_id text, p_public_key text,
                                 p_signature text)
  returns bigint
  language plpgsql volatile security definer set search_path = public, pg_temp
  as $$
  declare new_id bigint;
  begin
    if not exists (select 1 from audit_chain_head where id = 1 and chain_id = p_chain_id) then
      raise exception 'not this audit chain' using errcode = '22023';
    end if;
    if not (exists (select 1 from audit_chain_head where id = 1 and last_seq = p_seq and last_hash = p_hash)
         or exists (select 1 from audit_event where seq = p_seq and hash = p_hash)
         or exists (select 1 from audit_tombstone where seq = p_seq and hash = p_hash)) then
      raise exception 'not a link of the audit chain' using errcode = '22023';
    end if;
    insert into audit_anchor (chain_id, kind, seq, hash, at, key_id, public_key, signature)
      values (p_chain_id, 'head', p_seq, p_hash, p_at, p_key_id, p_public_key, p_signature) returning id into new_id;
    return new_id;
  end $$;
revoke all on function audit_anchor_add(uuid, bigint, text, timestamptz, text, text, text) from public;
grant execute on function audit_anchor_add(uuid, bigint, text, timestamptz, text, text, text) to lz_app;

-- Signed heads for auditors to download: the chain is system-wide, so only a root-level scope sees them.
create function audit_anchor_list(p_limit integer)
  returns table (id bigint, chain_id uuid, kind text, seq bigint, hash text, at timestamptz, key_id text, tombstones text,
                 public_key text, signature text)
  language sql stable security definer set search_path = public, pg_temp
  as $$ select a.id, a.chain_id, a.kind, a.seq, a.hash, a.at, a.key_id, a.tombstones, a.public_key, a.signature from audit_anchor a
         where nlevel(app_scope()) = 1 order by a.id desc limit least(greatest(p_limit, 1), 10000) $$;
revoke all on function audit_anchor_list(integer) from public;
grant execute on function audit_anchor_list(integer) to lz_app;

-- The purge now records its run and hands it back, so the API can attest it with a keyed row in the same transaction
-- (services/api/src/audit/purge.ts). Rows older than p_days (at least 180) within the caller's scope go; each leaves a
-- tombstone naming the run.
drop function audit_purge(integer, uuid);
create function audit_purge(p_days integer, p_by uuid)
  returns table (run_id bigint, purged_at timestamptz, days integer, cutoff timestamptz, rows integer, first_seq bigint,
                 last_seq bigint, max_at timestamptz)
  language plpgsql volatile security definer set search_path = public, pg_temp
  as $$
  #variable_conflict use_column
  declare run audit_purge_run%rowtype;
  begin
    if p_days is null or p_days < 180 then
      raise exception '只能清理 180 天以前的访问日志' using errcode = '22023';
    end if;
    if app_scope() is null then
      raise exception 'no scope' using errcode = '42501';
    end if;
    -- statement_timestamp(), not now(): a purge's cut-off is the moment it runs.
    insert into audit_purge_run (purged_at, days, cutoff, scope, purged_by)
      values (statement_timestamp(), p_days, statement_timestamp() - make_interval(days => p_days), app_scope()::text, p_by)
      returning * into run;
    with gone as (
      delete from audit_event e
       where e.at < run.cutoff
         and (e.tenant_id in (select app_visible_tenant_ids()) or (e.tenant_id is null and nlevel(app_scope()) = 1))
      returning e.seq, e.hash, e.prev_hash, e.at),
    kept as (
      insert into audit_tombstone (seq, hash, prev_hash, at, purged_at, purged_by, purge_id)
        select g.seq, g.hash, g.prev_hash, g.at, run.purged_at, p_by, run.id from gone g where g.seq is not null
        returning audit_tombstone.seq, audit_tombstone.at)
    update audit_purge_run r set rows = x.n, first_seq = x.lo, last_seq = x.hi, max_at = x.mx
      from (select count(*)::integer as n, min(k.seq) as lo, max(k.seq) as hi, max(k.at) as mx from kept k) x
     where r.id = run.id
     returning r.* into run;
    return query select run.id, run.purged_at, run.days, run.cutoff, run.rows, run.first_seq, run.last_seq, run.max_at;
  end $$;
revoke all on function audit_purge(integer, uuid) from public;
grant execute on function audit_purge(integer, uuid) to lz_app;
