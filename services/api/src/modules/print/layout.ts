// The printed archive as A4 pages (docs/print.md): pure data in, positioned text, rules and one photo box out. No
// PDF and no font here — text is measured through the `measure` the renderer passes (render.ts), so a page's text
// layer can be read and tested without rasterising. Units are PDF points (1/72 inch), origin top left.
import { classificationMark, PRINT_EMPTY, PRINT_MAX_PAGES } from '../../../../../shared/print.js';

export const A4 = { width: 595.28, height: 841.89 } as const;
const MARGIN_X = 56;
const TOP = 70;
const BOTTOM = A4.height - 62;
const CONTENT_W = A4.width - 2 * MARGIN_X;

export type Measure = (text: string, size: number, bold: boolean) => number;

export type Item =
  | { kind: 'text'; x: number; y: number; text: string; size: number; bold?: boolean; color?: string; width?: number; align?: 'left' | 'center' | 'right' }
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; width: number; color?: string }
  | { kind: 'rect'; x: number; y: number; w: number; h: number; fill?: string; stroke?: string; lineWidth?: number }
  | { kind: 'photo'; x: number; y: number; w: number; h: number };

export interface Page { items: Item[] }

export interface PrintField { label: string; value: string; wide?: boolean }
export interface PrintRecord { fields: PrintField[]; materials: PrintMaterial[]; reviewedBy: string | null }
export interface PrintMaterial { name: string; formedOn: string | null; pages: number | null }
export interface PrintCategory { id: number; numeral: string; title: string; records: PrintRecord[] }

/** Everything one print shows, already reduced to what the caller may see (routes.ts). */
export interface PrintArchive {
  classification: string;
  name: string;
  tenantName: string;
  unitName: string;
  position: string;
  /** 个人基本信息: the photo block's rows first (four rows of three pairs), then the rest, two pairs a row. */
  photoRows: PrintField[][];
  basic: PrintField[];
  resume: { when: string; content: string }[];
  appointments: string[][];
  family: string[][];
  categories: PrintCategory[];
  printedBy: string;
  printedAt: string;
}

const LABEL_FILL = '#f1f3f6';
const RULE = '#404040';
const INK = '#111111';
const RED = '#b3121b';
const BODY = 10.5;
const LINE = 15;
const PAD = 4;
/** Label column of the two-pairs-a-row tables: eight characters fit on one line. */
const LABEL_W = 100;

// ---------- Line breaking (CJK: between any two characters; Latin words and numbers kept whole) ----------

const CLOSING = /^[，。、；：？！）》」』〕】”’%．,.;:!?)\]]$/;
const OPENING = /^[（《「『〔【“‘(\[]$/;

function tokens(s: string): string[] {
  const out: string[] = [];
  for (const t of s.match(/[A-Za-z0-9_\-.@/:%+]+|\s+|./gu) ?? []) {
    if (out.length && (CLOSING.test(t) || OPENING.test(out[out.length - 1].slice(-1)))) out[out.length - 1] += t;
    else out.push(t);
  }
  return out;
}

/** The text broken into lines no wider than width (paragraphs kept; a too-long word broken by character). */
export function wrap(text: string, width: number, size: number, bold: boolean, measure: Measure): string[] {
  const lines: string[] = [];
  for (const para of text.replace(/\r/g, '').split('\n')) {
    let line = '';
    for (const tok of tokens(para)) {
      if (measure(line + tok, size, bold) <= width) { line += tok; continue; }
      if (line.trim()) lines.push(line.trimEnd());
      line = /^\s+$/.test(tok) ? '' : tok;
      while (measure(line, size, bold) > width && line.length > 1) {
        let n = line.length - 1;
        while (n > 1 && measure(line.slice(0, n), size, bold) > width) n--;
        lines.push(line.slice(0, n));
        line = line.slice(n);
      }
    }
    lines.push(line.trimEnd());
  }
  return lines;
}

// ---------- Pages ----------

interface Cell { text: string; w: number; label?: boolean; align?: 'left' | 'center' | 'right'; bold?: boolean }

class Flow {
  pages: Page[] = [];
  y = TOP;
  truncated = false;
  constructor(private a: PrintArchive, readonly measure: Measure) {}

  get page() { return this.pages[this.pages.length - 1]; }
  get full() { return this.pages.length >= PRINT_MAX_PAGES; }

  newPage(withHeader = true): boolean {
    if (this.full) { this.truncated = true; return false; }
    this.pages.push({ items: [] });
    this.y = TOP;
    if (withHeader) this.header();
    return true;
  }

  /** 密级 at the left, the archive's owner at the right, a rule beneath (every page but the cover). */
  private header() {
    const y = 36;
    this.text(MARGIN_X, y, classificationMark(this.a.classification), 10, { bold: true, color: RED });
    this.text(MARGIN_X, y, `廉政档案 · ${this.a.name}`, 9, { width: CONTENT_W, align: 'right', color: '#333333' });
    this.page.items.push({ kind: 'line', x1: MARGIN_X, y1: y + 16, x2: A4.width - MARGIN_X, y2: y + 16, width: 0.6, color: RULE });
  }

  text(x: number, y: number, text: string, size: number, o: { bold?: boolean; color?: string; width?: number; align?: 'left' | 'center' | 'right' } = {}) {
    this.page.items.push({ kind: 'text', x, y, text, size, bold: o.bold, color: o.color ?? INK, width: o.width, align: o.align });
  }

  /** Room for h more points on this page, else a new page; false when the page cap is reached. */
  room(h: number): boolean {
    if (this.y + h <= BOTTOM) return true;
    return this.newPage();
  }

  /** A heading never ends a page: it goes with what follows (`keep` points: the first record, where it fits a page). */
  heading(text: string, keep = 2 * LINE + 2 * PAD) {
    const lines = wrap(text, CONTENT_W - 8, 13, true, this.measure);
    const h = lines.length * 19 + 10;
    if (!this.room(h + Math.min(keep, BOTTOM - TOP - h))) return false;
    this.page.items.push({ kind: 'rect', x: MARGIN_X, y: this.y + 2, w: 3, h: lines.length * 19 - 2, fill: RED });
    lines.forEach((l, i) => this.text(MARGIN_X + 9, this.y + 2 + i * 19, l, 13, { bold: true }));
    this.y += h;
    return true;
  }

  subheading(text: string, keep = 2 * LINE + 2 * PAD) {
    if (!this.room(18 + Math.min(keep, BOTTOM - TOP - 18))) return false;
    this.text(MARGIN_X, this.y, text, 11, { bold: true });
    this.y += 18;
    return true;
  }

  note(text: string) {
    const lines = wrap(text, CONTENT_W, BODY, false, this.measure);
    if (!this.room(lines.length * LINE + 6)) return false;
    lines.forEach((l, i) => this.text(MARGIN_X, this.y + i * LINE, l, BODY, { color: '#333333' }));
    this.y += lines.length * LINE + 6;
    return true;
  }

  gap(h: number) { this.y += h; }

  private cellLines(c: Cell) {
    return wrap(c.text, c.w - 2 * PAD, BODY, !!c.bold || !!c.label, this.measure);
  }

  /**
   * One table row (cells left to right from x, ruled). A row is never cut: it moves whole to the next page (with the
   * table's head repeated); only a row taller than a whole page is continued, its cells split line by line.
   */
  row(cells: Cell[], o: { x?: number; head?: Cell[]; minH?: number } = {}): boolean {
    const x0 = o.x ?? MARGIN_X;
    let parts = cells.map((c) => this.cellLines(c));
    const heightOf = (p: string[][]) => Math.max(o.minH ?? 0, Math.max(...p.map((l) => l.length)) * LINE + 2 * PAD);
    if (!this.room(heightOf(parts))) return false;
    for (;;) {
      const avail = BOTTOM - this.y;
      const fit = Math.max(1, Math.floor((avail - 2 * PAD) / LINE));
      const now = parts.map((l) => l.slice(0, fit));
      const h = heightOf(now);
      let x = x0;
      cells.forEach((c, i) => {
        this.page.items.push({ kind: 'rect', x, y: this.y, w: c.w, h, fill: c.label ? LABEL_FILL : undefined, stroke: RULE, lineWidth: 0.6 });
        // Lines sit in the middle of the row's height, as on a paper form.
        const top = this.y + PAD + 2 + (h - 2 * PAD - now[i].length * LINE) / 2;
        now[i].forEach((l, j) => this.text(x + PAD, top + j * LINE, l, BODY, {
          bold: c.bold, width: c.w - 2 * PAD, align: c.align ?? (c.label ? 'center' : 'left'),
        }));
        x += c.w;
      });
      this.y += h;
      parts = parts.map((l) => l.slice(fit));
      if (!parts.some((l) => l.length)) return true;
      if (!this.newPage()) return false;
      if (o.head) this.row(o.head);
      parts = parts.map((l, i) => (cells[i].label ? [`${cells[i].text}（续）`] : l));
    }
  }

  /** Height of a group of rows as laid out now (to keep a short record on one page). */
  heightOfRows(rows: Cell[][]) {
    return rows.reduce((h, cells) => h + Math.max(...cells.map((c) => this.cellLines(c).length)) * LINE + 2 * PAD, 0);
  }

  /** Rows kept together on one page where they fit on one. */
  rows(rows: Cell[][], head?: Cell[]) {
    const h = this.heightOfRows(head ? [head, ...rows] : rows);
    if (this.y + h > BOTTOM && h <= BOTTOM - TOP && !this.newPage()) return false;
    if (head && !this.row(head)) return false;
    for (const r of rows) if (!this.row(r, { head })) return false;
    return true;
  }
}

/** Label/value pairs as rows of `perRow` pairs across the content width; a wide field takes a whole row. */
function pairRows(fields: PrintField[], perRow: number, labelW: number, totalW = CONTENT_W): Cell[][] {
  const valueW = totalW / perRow - labelW;
  const out: Cell[][] = [];
  let cur: PrintField[] = [];
  const flush = () => {
    if (!cur.length) return;
    const cells: Cell[] = [];
    cur.forEach((f, i) => {
      const last = i === cur.length - 1;
      const w = last ? totalW - cells.reduce((s, c) => s + c.w, 0) - labelW : valueW;
      cells.push({ text: f.label, w: labelW, label: true }, { text: f.value || '—', w });
    });
    out.push(cells);
    cur = [];
  };
  for (const f of fields) {
    if (f.wide) { flush(); cur = [f]; flush(); continue; }
    cur.push(f);
    if (cur.length === perRow) flush();
  }
  flush();
  return out;
}

const COVER_FIELDS = (a: PrintArchive): [string, string][] => [
  ['姓　　名', a.name], ['单　　位', a.unitName], ['现任职务', a.position || '—'], ['建档机关', a.tenantName],
];

function cover(f: Flow, a: PrintArchive) {
  f.newPage(false);
  const mark = classificationMark(a.classification);
  f.page.items.push({ kind: 'rect', x: MARGIN_X, y: 44, w: 120, h: 30, stroke: RED, lineWidth: 1.2 });
  f.text(MARGIN_X, 51, mark, 14, { bold: true, color: RED, width: 120, align: 'center' });
  f.page.items.push({ kind: 'line', x1: MARGIN_X, y1: 200, x2: A4.width - MARGIN_X, y2: 200, width: 2.4, color: RED });
  f.text(0, 236, '廉　政　档　案', 40, { bold: true, color: RED, width: A4.width, align: 'center' });
  f.page.items.push({ kind: 'line', x1: MARGIN_X, y1: 318, x2: A4.width - MARGIN_X, y2: 318, width: 0.8, color: RED });
  let y = 400;
  const labelX = 150, valueX = 238, valueW = A4.width - valueX - 120;
  for (const [label, value] of COVER_FIELDS(a)) {
    const lines = wrap(value, valueW, 16, false, f.measure);
    f.text(labelX, y, `${label}：`, 16, { bold: true });
    lines.slice(0, 2).forEach((l, i) => f.text(valueX, y + i * 24, l, 16));
    const bottom = y + Math.max(1, Math.min(2, lines.length)) * 24;
    f.page.items.push({ kind: 'line', x1: valueX, y1: bottom, x2: valueX + valueW, y2: bottom, width: 0.6, color: RULE });
    y = bottom + 26;
  }
  f.text(0, A4.height - 150, a.tenantName, 16, { bold: true, width: A4.width, align: 'center' });
  f.text(0, A4.height - 122, `打印时间：${a.printedAt}　打印人：${a.printedBy}`, 10.5, { width: A4.width, align: 'center', color: '#333333' });
}

/** 一、个人基本信息: the photo block (four rows, the photo at the right), then the rest of the appointment form. */
function basicInformation(f: Flow, a: PrintArchive, cat1: PrintCategory | undefined) {
  f.newPage();
  if (!f.heading(`一、${cat1?.title ?? '个人基本信息、任免情况、个人有关事项报告情况'}`)) return false;
  f.subheading('（一）个人基本信息');
  const photoW = 96;
  const leftW = CONTENT_W - photoW;
  // Three pairs a row as on the 任免审批表; the last value of a shorter row runs to the photo.
  const widths = [52, 78, 52, 62, 58, leftW - 302];
  const rows: Cell[][] = a.photoRows.map((r) => r.flatMap((fd, i) => {
    const last = i === r.length - 1;
    const vw = last ? widths.slice(2 * i + 1).reduce((x, y) => x + y, 0) : widths[2 * i + 1];
    return [{ text: fd.label, w: widths[2 * i], label: true }, { text: fd.value || '—', w: vw }];
  }));
  const minH = 148 / rows.length;
  const top = f.y;
  for (const r of rows) f.row(r, { minH });
  const h = f.y - top;
  f.page.items.push({ kind: 'rect', x: MARGIN_X + leftW, y: top, w: photoW, h, stroke: RULE, lineWidth: 0.6 });
  const pw = 78, ph = 104;
  f.page.items.push({ kind: 'photo', x: MARGIN_X + leftW + (photoW - pw) / 2, y: top + (h - ph) / 2, w: pw, h: ph });
  if (!f.rows(pairRows(a.basic, 2, LABEL_W))) return false;
  f.gap(10);

  f.subheading('简　历');
  if (a.resume.length) {
    if (!f.rows(a.resume.map((r) => [{ text: r.when, w: 130, align: 'center' }, { text: r.content, w: CONTENT_W - 130 }]))) return false;
  } else f.note(PRINT_EMPTY);
  f.gap(10);
  if (!table(f, '任免情况', ['日期', '类别', '职务', '批准机关', '文号'], [72, 36, 150, 112, CONTENT_W - 370], a.appointments)) return false;
  if (!table(f, '家庭主要成员及重要社会关系', ['称谓', '姓名', '出生年月', '政治面貌', '工作单位及职务'], [46, 60, 62, 70, CONTENT_W - 238], a.family)) return false;
  return true;
}

function table(f: Flow, title: string, head: string[], widths: number[], rows: string[][]) {
  if (!f.subheading(title)) return false;
  if (!rows.length) { f.note(PRINT_EMPTY); f.gap(6); return true; }
  const headCells: Cell[] = head.map((t, i) => ({ text: t, w: widths[i], label: true }));
  for (const [i, r] of rows.entries()) {
    const cells = r.map((t, j) => ({ text: t || '—', w: widths[j], align: j === r.length - 1 || widths[j] > 90 ? 'left' as const : 'center' as const }));
    if (i === 0) { if (!f.rows([cells], headCells)) return false; } else if (!f.row(cells, { head: headCells })) return false;
  }
  f.gap(10);
  return true;
}

/** Height of a category's first record with its caption (what its heading keeps with); a short note when empty. */
const firstHeight = (f: Flow, c: PrintCategory) => (c.records.length ? 16 + f.heightOfRows(pairRows(c.records[0].fields, 2, LABEL_W)) : LINE + 6);

function records(f: Flow, c: PrintCategory) {
  if (!c.records.length) return f.note(PRINT_EMPTY);
  for (const [i, r] of c.records.entries()) {
    const caption = `第 ${i + 1} 条${r.reviewedBy ? `　审核人：${r.reviewedBy}` : ''}`;
    const rows = pairRows(r.fields, 2, LABEL_W);
    // The caption stays with its record: both move to the next page together where the record fits on one.
    const h = 16 + f.heightOfRows(rows);
    if (f.y + h > BOTTOM && h <= BOTTOM - TOP && !f.newPage()) return false;
    if (!f.room(18 + LINE + 2 * PAD)) return false;
    f.text(MARGIN_X, f.y, caption, 9.5, { color: '#444444' });
    f.y += 16;
    if (!f.rows(rows)) return false;
    f.gap(12);
  }
  return true;
}

function catalogue(f: Flow, a: PrintArchive) {
  f.newPage();
  if (!f.heading('材料目录')) return false;
  const widths = [36, 110, CONTENT_W - 252, 70, 36];
  const head: Cell[] = ['序号', '类别', '材料名称', '形成时间', '页数'].map((t, i) => ({ text: t, w: widths[i], label: true }));
  const items = a.categories.flatMap((c) => c.records.flatMap((r) => r.materials.map((m) => ({ c, m }))));
  if (!items.length) return f.note('本档案的已审核记录均未登记材料。');
  for (const [i, { c, m }] of items.entries()) {
    const cells: Cell[] = [
      { text: String(i + 1), w: widths[0], align: 'center' }, { text: `${c.numeral}、${shortTitle(c.title)}`, w: widths[1] },
      { text: m.name, w: widths[2] }, { text: m.formedOn ?? '', w: widths[3], align: 'center' }, { text: m.pages == null ? '' : String(m.pages), w: widths[4], align: 'center' },
    ];
    // The head goes with the first row (never alone at a page's foot), and again on every page after.
    if (!(i === 0 ? f.rows([cells], head) : f.row(cells, { head }))) return false;
  }
  const pages = items.reduce((n, x) => n + (x.m.pages ?? 0), 0);
  return f.row([{ text: `合计 ${items.length} 件`, w: CONTENT_W - widths[4], align: 'right', bold: true }, { text: pages ? String(pages) : '', w: widths[4], align: 'center' }]);
}

const shortTitle = (t: string) => (t.length > 14 ? `${t.slice(0, 13)}…` : t);

/**
 * The whole archive as pages: cover; 一、 with the basic information and category 1's records; each further category
 * as its paper tables (empty: 无记录); the materials catalogue. Every page but the cover has the 密级 header and
 * 「第 n 页 共 m 页」 below. Stops at PRINT_MAX_PAGES with a notice.
 */
export function layoutArchive(a: PrintArchive, measure: Measure): { pages: Page[]; truncated: boolean } {
  const f = new Flow(a, measure);
  cover(f, a);
  const cat1 = a.categories.find((c) => c.id === 1);
  let ok = basicInformation(f, a, cat1);
  if (ok && cat1) ok = f.subheading('（二）个人有关事项报告情况', firstHeight(f, cat1)) && records(f, cat1);
  for (const c of a.categories) {
    if (!ok) break;
    if (c.id === 1) continue;
    f.gap(8);
    ok = f.heading(`${c.numeral}、${c.title}`, firstHeight(f, c)) && records(f, c);
  }
  if (ok) ok = catalogue(f, a);
  if (!ok || f.truncated) {
    // The last page says what was left out (its lower part is overwritten by nothing: the notice sits in the footer band).
    f.text(MARGIN_X, BOTTOM + 4, `本档案超过 ${PRINT_MAX_PAGES} 页，以下内容未输出，请在系统中查阅。`, 9.5, { bold: true, color: RED });
  }
  const total = f.pages.length;
  f.pages.forEach((p, i) => {
    if (i === 0) return;
    p.items.push({ kind: 'text', x: 0, y: A4.height - 40, text: `第 ${i + 1} 页　共 ${total} 页`, size: 9, width: A4.width, align: 'center', color: '#333333' });
  });
  return { pages: f.pages, truncated: !ok || f.truncated };
}

/** A page's text, in drawing order (tests read what a page says without OCR). */
export const pageText = (p: Page) => p.items.flatMap((i) => (i.kind === 'text' ? [i.text] : [])).join('\n');
