// How archive values read on screen and on paper.
import dayjs from 'dayjs';
import type { ArchiveRecord, Category, FieldSpec, FieldValue, ReviewStatus } from './types';

export const STATUS_TAGS: Record<ReviewStatus, { color: string; text: string }> = {
  pending: { color: 'orange', text: '待审核' },
  accepted: { color: 'green', text: '已审核' },
  returned: { color: 'red', text: '已退回' },
};

const NUMERALS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
/** 2 → 「二」: the categories are numbered as in the regulations. */
export const categoryNumeral = (id: number) => NUMERALS[id] ?? String(id);

export const formatTime = (v: string | null | undefined) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : '');

/** Age in full years from a YYYYMM birth month, as the 任免审批表 prints it: 「1976.04（50岁）」. */
export function ageOf(v: string | null | undefined, today = dayjs()): number | null {
  const m = v ? /^(\d{4})(\d{2})$/.exec(v.trim()) : null;
  if (!m) return null;
  const y = Number(m[1]), mo = Number(m[2]);
  return today.year() - y - (today.month() + 1 < mo ? 1 : 0);
}

/** 2000 → "2,000.00" (yuan with fen, grouped). */
export function formatMoney(v: string | number): string {
  const s = String(v);
  const m = /^(-?)(\d+)(?:\.(\d*))?$/.exec(s.trim());
  if (!m) return s;
  const fen = (m[3] ?? '').padEnd(2, '0').slice(0, 2);
  return `${m[1]}${m[2].replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${fen}`;
}

/** A field's value for reading; '' when empty. */
export function formatValue(f: FieldSpec, v: FieldValue | undefined): string {
  if (v === null || v === undefined || v === '') return '';
  switch (f.type) {
    case 'bool': return v === true || v === 'true' ? '是' : '否';
    case 'money': return formatMoney(v as string);
    case 'year': return `${v}年`;
    default: return String(v);
  }
}

/** A value from the change history (always text): booleans read 是/否, money grouped. */
export function formatChange(f: FieldSpec | undefined, v: string | null): string {
  if (v === null || v === undefined || v === '') return '';
  if (!f) return v;
  if (f.type === 'bool') return v === 'true' ? '是' : v === 'false' ? '否' : v;
  if (f.type === 'money') return formatMoney(v);
  return v;
}

/** The date a record is filed under: its first date field (else its year). */
export function keyDate(cat: Category | undefined, r: ArchiveRecord): string {
  if (!cat) return '';
  const date = cat.fields.find((f) => f.type === 'date' && r.fields[f.name]) ?? cat.fields.find((f) => f.type === 'year' && r.fields[f.name]);
  return date ? formatValue(date, r.fields[date.name]) : '';
}

/** A one-line summary: the first few short values (choices, names, amounts), e.g. 「某公司经理 · 礼金 · 2,000.00 元」. */
export function summaryOf(cat: Category | undefined, r: ArchiveRecord, max = 3): string {
  if (!cat) return '';
  const parts: string[] = [];
  // Required fields first (送礼人、类别、金额 …), then the optional ones, each group in form order.
  const ordered = [...cat.fields.filter((f) => f.required), ...cat.fields.filter((f) => !f.required)];
  for (const f of ordered) {
    if (parts.length >= max) break;
    if (!['enum', 'text', 'money', 'bool'].includes(f.type)) continue;
    const v = formatValue(f, r.fields[f.name]);
    if (!v) continue;
    parts.push(f.type === 'money' ? `${v} 元` : f.type === 'bool' ? `${f.label}：${v}` : v);
  }
  return parts.join(' · ');
}

/** Rows of a paper form: three label/value pairs a row; a wide field takes a row of its own. */
export function sheetRows(fields: FieldSpec[], perRow = 3): FieldSpec[][] {
  const rows: FieldSpec[][] = [];
  let row: FieldSpec[] = [];
  for (const f of fields) {
    if (f.wide || f.type === 'longtext') {
      if (row.length) rows.push(row);
      rows.push([f]);
      row = [];
      continue;
    }
    row.push(f);
    if (row.length === perRow) {
      rows.push(row);
      row = [];
    }
  }
  if (row.length) rows.push(row);
  return rows;
}
