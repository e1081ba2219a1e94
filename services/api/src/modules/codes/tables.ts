// National-standard code tables (民族, 政治面貌, 学历, 学位, 家庭关系 …) and the product's own lists, kept as
// JSON under ./data (one file per table) and loaded once. Pure: no database, no GraphQL.
import { readdirSync, readFileSync } from 'node:fs';
import { pinyin } from 'pinyin-pro';

export type CodeItem = {
  code: string;
  label: string;
  /** Code of the group item in the same table (hierarchical tables: 11 夫 → 10 配偶). */
  parent?: string;
  /** Short label, accepted by codeOf (e.g. 汉 for 汉族, 男 for 男性). */
  abbr?: string;
  /** Lower-case pinyin initials of the label: 中共党员 → "zgdy". */
  initials: string;
  /** Full lower-case pinyin of the label, no tones or spaces, ü written v: 中共党员 → "zhonggongdangyuan". */
  pinyin: string;
};

export type CodeTable = { name: string; title: string; standard: string; items: CodeItem[] };

type RawItem = { code: string; label: string; parent?: string; abbr?: string };
type RawTable = { name: string; title: string; standard: string; items: RawItem[] };

const MAX_RESULTS = 50;
const DATA_DIR = new URL('./data/', import.meta.url);

// Readings pinyin-pro gets wrong (or might) in these labels: 长 is zhang in 长子/长女 (eldest), 曾 is zeng in
// 曾孙/曾祖 (great-). Applied wherever the word occurs in a label.
const PINYIN_FIXES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['长子', ['zhang', 'zi']],
  ['长女', ['zhang', 'nv']],
  ['曾孙', ['zeng', 'sun']],
  ['曾祖', ['zeng', 'zu']],
];

/** One pinyin syllable per character (non-Chinese characters give ""), normalised to [a-z]. */
function syllables(label: string): string[] {
  const chars = [...label];
  const raw = pinyin(label, { toneType: 'none', type: 'array' }) as string[];
  const syl = raw.map((s) => s.toLowerCase().replace(/ü/g, 'v').replace(/[^a-z]/g, ''));
  if (syl.length !== chars.length) return syl;
  for (const [word, reading] of PINYIN_FIXES) {
    const w = [...word];
    for (let i = 0; i + w.length <= chars.length; i++) {
      if (w.every((c, k) => chars[i + k] === c)) reading.forEach((r, k) => (syl[i + k] = r));
    }
  }
  return syl;
}

function toItem(raw: RawItem): CodeItem {
  const syl = syllables(raw.label);
  const item: CodeItem = {
    code: raw.code,
    label: raw.label,
    initials: syl.map((s) => s[0] ?? '').join(''),
    pinyin: syl.join(''),
  };
  if (raw.parent !== undefined) item.parent = raw.parent;
  if (raw.abbr !== undefined) item.abbr = raw.abbr;
  return Object.freeze(item);
}

function loadTable(file: string): CodeTable {
  const raw = JSON.parse(readFileSync(new URL(file, DATA_DIR), 'utf8')) as RawTable;
  const where = `code table ${file}`;
  if (`${raw.name}.json` !== file) throw new Error(`${where}: name "${raw.name}" does not match the file name`);
  if (!raw.title || !raw.standard || !Array.isArray(raw.items)) throw new Error(`${where}: title, standard and items are required`);
  const codes = new Set<string>();
  for (const i of raw.items) {
    if (typeof i.code !== 'string' || !i.code || typeof i.label !== 'string' || !i.label.trim()) {
      throw new Error(`${where}: every item needs a non-empty code and label`);
    }
    if (codes.has(i.code)) throw new Error(`${where}: duplicate code ${i.code}`);
    codes.add(i.code);
  }
  for (const i of raw.items) {
    if (i.parent !== undefined && !codes.has(i.parent)) throw new Error(`${where}: ${i.code} has unknown parent ${i.parent}`);
  }
  return Object.freeze({
    name: raw.name,
    title: raw.title,
    standard: raw.standard,
    items: Object.freeze(raw.items.map(toItem)) as CodeItem[],
  });
}

function loadAll(): Record<string, CodeTable> {
  const tables: Record<string, CodeTable> = {};
  for (const file of readdirSync(DATA_DIR).filter((f) => f.endsWith('.json')).sort()) {
    const t = loadTable(file);
    tables[t.name] = t;
  }
  return Object.freeze(tables);
}

export const CODE_TABLES: Readonly<Record<string, CodeTable>> = loadAll();

// Lookup maps per table, built once.
const byCode = new Map<string, Map<string, CodeItem>>();
const byLabel = new Map<string, Map<string, CodeItem>>();
for (const t of Object.values(CODE_TABLES)) {
  byCode.set(t.name, new Map(t.items.map((i) => [i.code, i])));
  const labels = new Map<string, CodeItem>();
  for (const i of t.items) if (!labels.has(i.label)) labels.set(i.label, i);
  // Full labels win over abbreviations when both exist.
  for (const i of t.items) if (i.abbr && !labels.has(i.abbr)) labels.set(i.abbr, i);
  byLabel.set(t.name, labels);
}

/** The named table; throws for an unknown name. */
export function codeTable(name: string): CodeTable {
  const t = Object.hasOwn(CODE_TABLES, name) ? CODE_TABLES[name] : undefined;
  if (!t) throw new Error(`Unknown code table: ${name}`);
  return t;
}

/** The label of a code, or undefined when the table has no such code. */
export function labelOf(table: string, code: string): string | undefined {
  codeTable(table);
  return byCode.get(table)!.get(code)?.label;
}

/** The code of an exact label (or abbreviation), or undefined. Surrounding whitespace is ignored. */
export function codeOf(table: string, label: string): string | undefined {
  codeTable(table);
  return byLabel.get(table)!.get(label.trim())?.code;
}

/**
 * Items matching a query by label (or abbreviation) substring, pinyin-initials prefix or full-pinyin prefix,
 * case-insensitive. Exact matches (code, label, abbreviation, initials or full pinyin) come first, then prefix
 * matches, then other substring matches; ties keep the table's order. At most 50 items; an empty query gives
 * the first 50 items of the table.
 */
export function searchCodes(table: string, query: string): CodeItem[] {
  const t = codeTable(table);
  const q = query.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
  if (!q) return t.items.slice(0, MAX_RESULTS);
  const ranked: { item: CodeItem; rank: number; order: number }[] = [];
  t.items.forEach((item, order) => {
    const texts = [item.label.toLowerCase(), ...(item.abbr ? [item.abbr.toLowerCase()] : [])];
    let rank: number;
    if (item.code.toLowerCase() === q || texts.includes(q) || item.initials === q || item.pinyin === q) rank = 0;
    else if (texts.some((s) => s.startsWith(q)) || item.initials.startsWith(q) || item.pinyin.startsWith(q)) rank = 1;
    else if (texts.some((s) => s.includes(q))) rank = 2;
    else return;
    ranked.push({ item, rank, order });
  });
  ranked.sort((a, b) => a.rank - b.rank || a.order - b.order);
  return ranked.slice(0, MAX_RESULTS).map((r) => r.item);
}
