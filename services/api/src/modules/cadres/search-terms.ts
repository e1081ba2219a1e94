// Search keys for a name: every substring of it, and every pinyin reading (full and initials,
// with prefixes), taking every reading of polyphonic characters (单 shan/dan, 曾 zeng/ceng …).
import { pinyin, polyphonic } from 'pinyin-pro';

const MAX_READINGS = 64;

function readings(name: string): string[][] {
  const perChar = polyphonic(name, { toneType: 'none', type: 'array' }) as string[][];
  // The surname-aware reading first: it ranks above the others.
  const primary = pinyin(name, { toneType: 'none', type: 'array', surname: 'head' }) as string[];
  let combos: string[][] = [[]];
  for (const options of perChar) {
    const opts = (options.length ? options : ['']).map((s) => s.toLowerCase().replace(/[^a-zü]/g, '').replace(/ü/g, 'v'));
    const next: string[][] = [];
    for (const c of combos) for (const o of opts) if (next.length < MAX_READINGS) next.push([...c, o]);
    combos = next;
  }
  const norm = primary.map((s) => s.toLowerCase().replace(/[^a-zü]/g, '').replace(/ü/g, 'v'));
  const key = (r: string[]) => r.join(' ');
  return [norm, ...combos.filter((c) => key(c) !== key(norm))];
}

export interface SearchKeys { terms: string[]; pinyinKeys: string[] }

export function searchKeys(rawName: string): SearchKeys {
  const name = rawName.replace(/\s+/g, '');
  const terms = new Set<string>();
  // Every substring of the name (names are short: at most 50 characters, 1,275 substrings).
  const chars = [...name].map((c) => c.toLowerCase());
  for (let i = 0; i < chars.length; i++) {
    for (let j = i + 1; j <= chars.length; j++) terms.add(chars.slice(i, j).join(''));
  }
  const pinyinKeys: string[] = [];
  for (const r of readings(name)) {
    const full = r.join('');
    const initials = r.map((s) => s[0] ?? '').join('');
    for (const k of [full, initials]) {
      if (!k) continue;
      if (!pinyinKeys.includes(k)) pinyinKeys.push(k);
      for (let n = 1; n <= k.length; n++) terms.add(k.slice(0, n));
    }
  }
  return { terms: [...terms], pinyinKeys };
}

/** Normalise a query: trim, drop inner spaces; Latin letters lower-cased. */
export function normaliseQuery(q: string): string {
  return q.normalize('NFKC').replace(/\s+/g, '').toLowerCase().slice(0, 50);
}
