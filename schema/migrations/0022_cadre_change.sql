-- 0022 cadre changes: a filler's edit of a cadre's basic information waits for review (issue 13), as its records do.
-- cadre_change holds the proposed values (fields by their GraphQL names as labels, the dated rows, the ID number
-- only encrypted with its keyed hash: modules/changes) and the cadre version they were made on; an officer accepts
-- (applied then as a normal versioned update, author the filler, reviewer the officer) or returns it with a reason,
-- and the filler amends and resubmits the same change. cadre_revision learns who reviewed a change it applied.
create table cadre_change (
  tenant_id          uuid not null,
  id                 uuid not null default gen_random_uuid(),
  cadre_id           uuid not null,
  base_version       integer not null,
  proposal           jsonb not null,
  status             text not null default 'pending' check (status in ('pending', 'accepted', 'returned')),
  return_reason      text check (length(return_reason) <= 500),
  version            integer not null default 1,
  submitted_by       uuid not null,
  submitted_by_name  text not null,
  submitted_at       timestamptz not null default now(),
  reviewed_by        uuid,
  reviewed_by_name   text,
  reviewed_at        timestamptz,
  applied_version    integer,
  primary key (tenant_id, id),
  foreign key (tenant_id, cadre_id) references cadre (tenant_id, id) on update cascade on delete cascade
);
create index cadre_change_id_idx on cadre_change (id);
create index cadre_change_queue_idx on cadre_change (tenant_id, status, submitted_at);
create index cadre_change_submitter_idx on cadre_change (tenant_id, submitted_by, status, submitted_at);
create index cadre_change_cadre_idx on cadre_change (tenant_id, cadre_id);
select app_tenant_table('cadre_change', 'select, insert, update');

alter table cadre_revision add column reviewed_by uuid, add column reviewed_by_name text;

-- 我的填报 lists the records a filler entered or changed: their revisions by actor.
create index record_revision_actor_idx on record_revision (tenant_id, actor_id, record_id) where action in ('create', 'update');
