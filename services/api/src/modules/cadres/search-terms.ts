// The one home of the product's pinyin rules (docs/search.md): search keys of cadre names (stored in cadre.search_terms
// and cadre.pinyin_keys, one cadre_search_key row per key, ranked by cadre_key_tier in SQL), and the reading of unit
// and tenant names that the console's tree filters and unit pickers match against (shared/name-match.ts).
//
// Readings. pinyin-pro lists every reading of a character, the most frequent first. A reading is *common* for the
// character at its place in the name when it is
//   - the character's most frequent reading (红 hong, 单 dan, 曾 ceng),
//   - the reading pinyin-pro chooses in context (its word dictionary: 银行 hang, 长孙 zhang), or
//   - in the surname place (the first character, or the first two of a compound surname such as 欧阳), the surname
//     reading: pinyin-pro's surname mode, and the readings in SURNAME_READINGS (单 shan, 曾 zeng, 解 xie, 仇 qiu,
//     区 ou, 查 zha …).
// Every other reading is *rare* (红 gong, 单 chan, 强 jiang). A rare reading gives the full pinyin of the name (and its
// prefixes) only, in the last tier, below every match by common readings; it gives no initials, so "jg" does not
// find 江红 (jiang gong).
import { pinyin, polyphonic } from 'pinyin-pro';

const MAX_READINGS = 64;

/** Polyphonic surnames and their surname readings: common in the surname place only. */
export const SURNAME_READINGS: Readonly<Record<string, readonly string[]>> = {
  单: ['shan'], 曾: ['zeng'], 解: ['xie'], 仇: ['qiu'], 区: ['ou'], 查: ['zha'], 朴: ['piao'], 盖: ['ge'], 乐: ['yue'],
  缪: ['miao'], 召: ['shao'], 覃: ['qin', 'tan'], 翟: ['zhai'], 员: ['yun'], 种: ['chong'], 能: ['nai'], 繁: ['po'],
  秘: ['bi'], 句: ['gou'], 隗: ['wei', 'kui'],
};

/** Compound surnames: the given name starts after them. */
const COMPOUND_SURNAMES = new Set([
  '欧阳', '太史', '端木', '上官', '司马', '东方', '独孤', '南宫', '万俟', '闻人', '夏侯', '诸葛', '尉迟', '公羊', '赫连',
  '澹台', '皇甫', '宗政', '濮阳', '公冶', '太叔', '申屠', '公孙', '慕容', '仲孙', '钟离', '长孙', '宇文', '司徒', '鲜于',
  '司空', '闾丘', '亓官', '司寇', '巫马', '公西', '颛孙', '壤驷', '公良', '漆雕', '乐正', '宰父', '谷梁', '拓跋', '夹谷',
  '轩辕', '令狐', '段干', '百里', '呼延', '东郭', '南门', '羊舌', '微生', '梁丘', '左丘', '西门', '第五', '单于',
]);

/** Tiers of a cadre search key (cadre_key_tier, migration 0023): lower ranks first. */
export const TIERS = { name: 0, full: 1, initials: 2, given: 3, prefix: 4, inside: 5, rare: 6 } as const;

const norm = (s: string) => s.toLowerCase().replace(/[^a-zü]/g, '').replace(/ü/g, 'v');
const HAN = /^\p{Script=Han}$/u;

/** Every combination of one option per place (at most `max`), in order. */
function product(options: string[][], max: number): string[][] {
  let combos: string[][] = [[]];
  for (const opts of options) {
    const next: string[][] = [];
    for (const c of combos) for (const o of opts) if (next.length < max) next.push([...c, o]);
    combos = next;
  }
  return combos;
}

/** How many leading characters are the surname (1, or 2 for a compound surname). */
export function surnameLength(chars: readonly string[]): number {
  return chars.length > 2 && COMPOUND_SURNAMES.has(chars.slice(0, 2).join('')) ? 2 : 1;
}

interface Readings {
  /** Per character: its common readings, the surname-aware contextual one first. */
  common: string[][];
  /** Per character: every reading. */
  all: string[][];
}

function readingsOf(chars: string[]): Readings {
  const name = chars.join('');
  const perChar = (polyphonic(name, { toneType: 'none', type: 'array' }) as string[][]).map((o) => [...new Set(o.map(norm))]);
  const context = (pinyin(name, { toneType: 'none', type: 'array' }) as string[]).map(norm);
  const surname = (pinyin(name, { toneType: 'none', type: 'array', surname: 'head' }) as string[]).map(norm);
  const aligned = perChar.length === chars.length;
  const sLen = surnameLength(chars);
  const common: string[][] = [];
  const all: string[][] = [];
  for (let i = 0; i < perChar.length; i++) {
    const every = perChar[i].length ? perChar[i] : [''];
    const c = new Set<string>();
    if (aligned && surname.length === chars.length && every.includes(surname[i])) c.add(surname[i]);
    if (aligned && context.length === chars.length && every.includes(context[i])) c.add(context[i]);
    c.add(every[0]);
    if (aligned && i < sLen) for (const r of SURNAME_READINGS[chars[i]] ?? []) if (every.includes(r)) c.add(r);
    common.push([...c]);
    all.push(every);
  }
  return { common, all };
}

export interface SearchKeys {
  terms: string[];
  /**
   * The exact pinyin keys, each marked with its kind for cadre_key_tier (migration 0023): `f:` full pinyin and `i:`
   * initials of a reading by common readings (the surname-aware reading first), `g:` full pinyin of the given name
   * (two characters or more), `r:` full pinyin of a reading that uses a rare reading.
   */
  pinyinKeys: string[];
}

export function searchKeys(rawName: string): SearchKeys {
  const name = rawName.replace(/\s+/g, '');
  const chars = [...name].map((c) => c.toLowerCase());
  const terms = new Set<string>();
  // Every substring of the name (names are short: at most 50 characters, 1,275 substrings).
  for (let i = 0; i < chars.length; i++) {
    for (let j = i + 1; j <= chars.length; j++) terms.add(chars.slice(i, j).join(''));
  }
  const pinyinKeys: string[] = [];
  const mark = (kind: 'f' | 'i' | 'g' | 'r', k: string) => {
    if (k && !pinyinKeys.includes(`${kind}:${k}`)) pinyinKeys.push(`${kind}:${k}`);
  };
  const addPrefixes = (k: string) => { for (let n = 1; n <= k.length; n++) terms.add(k.slice(0, n)); };
  if (!chars.length) return { terms: [], pinyinKeys };
  const { common, all } = readingsOf([...name]);

  const commonFull = new Set<string>();
  for (const r of product(common, MAX_READINGS)) {
    const full = r.join('');
    const initials = r.map((s) => s[0] ?? '').join('');
    commonFull.add(full);
    mark('f', full);
    mark('i', initials);
    addPrefixes(full);
    addPrefixes(initials);
  }
  // The given name by its common readings: "jianguo" finds 王建国. One-character given names give no key: a single
  // syllable ("wei") would rank every 张伟 above the surname 魏.
  const chs = [...name];
  const sLen = surnameLength(chs);
  if (chs.length - sLen >= 2 && chs.every((c) => HAN.test(c)) && common.length === chs.length) {
    for (const r of product(common.slice(sLen), 16)) {
      const given = r.join('');
      mark('g', given);
      terms.add(given);
    }
  }
  // Readings that use a rare reading: full pinyin only, last tier.
  for (const r of product(all, MAX_READINGS)) {
    const full = r.join('');
    if (!full || commonFull.has(full) || r.every((s, i) => common[i].includes(s))) continue;
    mark('r', full);
    addPrefixes(full);
  }
  return { terms: [...terms].filter((t) => t !== ''), pinyinKeys };
}

const readingCache = new Map<string, string[]>();

/**
 * The reading of a unit or tenant name as the console's filters match it (shared/name-match.ts): one syllable per
 * character in context (银行 hang, 重庆 chong), '' for a character without one. Memoised: names repeat across tenants.
 */
export function nameReading(name: string): string[] {
  let r = readingCache.get(name);
  if (!r) {
    const chars = [...name];
    const raw = (pinyin(name, { toneType: 'none', type: 'array' }) as string[]).map(norm);
    r = raw.length === chars.length ? raw : chars.map((c) => norm(pinyin(c, { toneType: 'none' }) as string));
    if (readingCache.size >= 20_000) readingCache.clear();
    readingCache.set(name, r);
  }
  return r;
}

/** Normalise a query: trim, drop inner spaces; Latin letters lower-cased. */
export function normaliseQuery(q: string): string {
  return q.normalize('NFKC').replace(/\s+/g, '').toLowerCase().slice(0, 50);
}
