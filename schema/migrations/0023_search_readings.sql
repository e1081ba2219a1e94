-- 0023: given-name pinyin and rare readings in search (docs/search.md, services/api/src/modules/cadres/search-terms.ts).
-- cadre.pinyin_keys now marks each exact pinyin key with its kind: 'f:' full pinyin and 'i:' initials of a reading by
-- common readings, 'g:' full pinyin of the given name, 'r:' full pinyin of a reading that uses a rare reading of a
-- polyphonic character (红 gong). The tiers of cadre_search_key become
--   0 the whole name, 1 full pinyin, 2 initials, 3 given-name pinyin, 4 a prefix of the name or of a common reading,
--   5 elsewhere in the name, 6 only by a rare reading (a prefix of its full pinyin);
-- same signature, so the rank index of 0016 and every query on it stay as they are.
-- The keys of existing cadres need pinyin, which SQL does not have: after this file, the migration runner's data step
-- for 0023 (services/api/src/db/migrate.ts, rekeyCadres) recomputes cadre.search_terms and pinyin_keys for every cadre
-- and rebuilds cadre_search_key, in the same transaction.
create or replace function cadre_key_tier(k text, n text, pinyin_keys text[]) returns smallint
  language sql immutable parallel safe
  as $$ select (case
    when k = n then 0
    when 'f:' || k = any(pinyin_keys) then 1
    when 'i:' || k = any(pinyin_keys) then 2
    when 'g:' || k = any(pinyin_keys) then 3
    when starts_with(n, k) or exists (select 1 from unnest(pinyin_keys) p
      where (starts_with(p, 'f:') or starts_with(p, 'i:')) and starts_with(substr(p, 3), k)) then 4
    when strpos(n, k) > 0 then 5
    else 6 end)::smallint $$;
