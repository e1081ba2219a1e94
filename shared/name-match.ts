// Matching a unit or tenant name against what a user types in a tree filter or a unit picker (docs/search.md), on
// the server (units(search:)) and in the console (the 单位目录 filter, searchable TreeSelects). The reading itself —
// one syllable per character, chosen in context — comes from the server (Unit.pinyin, Tenant.pinyin; computed in
// services/api/src/modules/cadres/search-terms.ts, the one home of pinyin rules).

/** What the user typed as a match key: NFKC, no white space, lower case. */
export const normaliseKeyword = (q: string): string => q.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

/**
 * Whether `name` matches `keyword`: the keyword is part of the name (财政), or — Latin letters only — the start of
 * the full pinyin (caizhengju, caizh) or of the initials (czj) from any character of the name on, so "czj" finds
 * 昆明市财政局. `reading`: one syllable per character ('' where there is none); without it only the name is matched.
 */
export function nameMatches(name: string, reading: readonly string[] | null | undefined, keyword: string): boolean {
  const k = normaliseKeyword(keyword);
  if (!k) return true;
  if (name.toLowerCase().includes(k)) return true;
  if (!reading?.length || !/^[a-z]+$/.test(k)) return false;
  for (let i = 0; i < reading.length; i++) {
    if (!reading[i]) continue;
    const rest = reading.slice(i);
    if (rest.join('').startsWith(k)) return true;
    if (rest.map((s) => s[0] ?? '').join('').startsWith(k)) return true;
  }
  return false;
}
