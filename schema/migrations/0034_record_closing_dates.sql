-- 0034 closing dates (docs/warnings.md#closing-dates): a clue (category 8) keeps the day it was closed (办结日期,
-- closed_on) and a loan (category 4) the day it was settled (结清日期, settled_on), so that the warning engine can show
-- an as-of date before the closing as it stood then (the clue still 办理中, the loan still 未结清). Both optional: a
-- record closed before this migration has none, and its past reads as before (the hit is gone at every date).
-- A closing date belongs only to a closed clue / settled loan and is not before the clue's receipt / the loan's date;
-- the record commands refuse such input in Chinese first (modules/records/commands.ts), the checks are the floor.
-- (Each enum column keeps exactly one check naming it first: test/api/records-schema.test.ts; the new columns come last,
-- as in the spec's field order.)
alter table record_clue add column closed_on date;
alter table record_clue add constraint record_clue_closed_on_check
  check (closed_on is null or (closed_on >= received_on and 'closed' = handling_status));
alter table record_lending add column settled_on date;
alter table record_lending add constraint record_lending_settled_on_check
  check (settled_on is null or (settled_on >= occurred_on and 'settled' = repay_status));
