-- 0021: a cadre's life in the archive (issue 13): the date its status took effect, restorable deletion (for mistakes
-- only: officers), and the history of its units (moves between units of its tenant). docs/domain.md#cadre-lifecycle.

-- 状态 (在职, 退休, 调离, 去世 …) with the day it took effect; null for statuses recorded before this.
alter table cadre add column status_on date;

-- Deleted cadres are kept (restorable) and hidden from lists, search and counts; who deleted them, by id and name.
alter table cadre
  add column deleted_at timestamptz,
  add column deleted_by uuid,
  add column deleted_by_name text;
create index cadre_deleted_idx on cadre (tenant_id, deleted_at) where deleted_at is not null;

-- Revisions also record deletion and restoration.
alter table cadre_revision drop constraint if exists cadre_revision_action_check;
alter table cadre_revision add constraint cadre_revision_action_check check (action in ('create', 'update', 'delete', 'restore'));

-- Where a cadre was and when it moved: one row per placement (creation: no from-unit) and per move, with who did it.
-- The unit names are kept as they were, so the history still reads when a unit is renamed or merged away.
-- Nothing is backfilled: cadres filed before this have history from their first move on.
create table cadre_unit_history (
  tenant_id       uuid not null,
  id              uuid not null default gen_random_uuid(),
  cadre_id        uuid not null,
  from_unit_id    uuid,
  from_unit_name  text,
  to_unit_id      uuid,
  to_unit_name    text not null,
  moved_on        date not null default current_date,
  actor_id        uuid,
  actor_name      text not null,
  at              timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, cadre_id) references cadre (tenant_id, id) on update cascade on delete cascade,
  foreign key (tenant_id, from_unit_id) references unit (tenant_id, id) on update cascade on delete set null (from_unit_id),
  foreign key (tenant_id, to_unit_id) references unit (tenant_id, id) on update cascade on delete set null (to_unit_id)
);
create index cadre_unit_history_cadre_idx on cadre_unit_history (tenant_id, cadre_id, at);
create index cadre_unit_history_id_idx on cadre_unit_history (id);
create index cadre_unit_history_from_idx on cadre_unit_history (tenant_id, from_unit_id);
create index cadre_unit_history_to_idx on cadre_unit_history (tenant_id, to_unit_id);
select app_tenant_table('cadre_unit_history', 'select, insert');
