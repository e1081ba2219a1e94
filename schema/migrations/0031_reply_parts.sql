-- 复函 across tenants (docs/replies.md#parts): a city's request may cover cadres held by the tenants below it. Each such
-- tenant gets a part — a reply_request row in its own tenant, pointing at the asking request — holding its own cadres'
-- items; it reviews and answers them there (it sees only its part: RLS shows a tenant its subtree, never its parent).
-- The asking tenant sees every part through its subtree, and issues the assembled reply once every part is answered.
-- A part's status: draft 待答复 → answered 已答复 (returned to draft with a reason by the asker) → issued with the
-- asker's 文号 when the whole reply is issued.
alter table reply_request
  add column parent_tenant_id uuid,
  add column parent_id        uuid,
  add column parent_issuer    text check (length(parent_issuer) <= 60),
  add column answered_by      uuid,
  add column answered_by_name text,
  add column answered_at      timestamptz,
  add column returned_reason  text check (length(returned_reason) <= 500),
  add column returned_by_name text,
  add column returned_at      timestamptz;
alter table reply_request drop constraint reply_request_status_check;
alter table reply_request add constraint reply_request_status_check check (status in ('draft', 'answered', 'issued'));
alter table reply_request add constraint reply_request_part_check check (
  (parent_id is null) = (parent_tenant_id is null) and (parent_id is null) = (parent_issuer is null)
  and (status <> 'answered' or parent_id is not null));
-- No foreign key to the asker: a key across tenants cannot be kept by a database sharded by tenant (docs/scale, the
-- Citus check in test/isolation). deleteReplyRequest removes the parts with the request.
create index reply_request_parent_idx on reply_request (parent_tenant_id, parent_id) where parent_id is not null;
-- An assembled reply reads its parts' items by request id.
create index reply_item_request_idx on reply_item (request_id);
