// The 廉政审查情况复函 as an editable Word file (docs/replies.md#the-letter): red letterhead (the issuing commission) over a
// red rule with the 文号, the title, the addressee (征求意见单位), the opening that cites the request, a table of the
// cadres with their conclusions, one paragraph per cadre as issued, 特此函复, the signature with the date and room for
// the seal. A request not yet issued prints 「草稿」 where the 文号 goes. The official look: docx/official.ts. A tenant's
// uploaded Word template (docs/templates.md) replaces the layout when one is in force; sampleReplyTemplate is the layout
// with its placeholders.
import { AlignmentType, Paragraph, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType } from 'docx';
import { FANGSONG as SONG, HEI, KAI, chineseNumber, footnoteBox, letterhead, officialDocx, para, title } from '../../docx/official.js';
import { chineseDate } from '../../../../../shared/time.js';
import { REPLY_PURPOSE_LABELS, conclusionText } from '../../../../../shared/replies.js';
import type { Tx } from '../../db/scope.js';
import { templateFile } from '../templates/commands.js';
import { findReplyRequest, itemsOf, type ReplyItemRow, type ReplyRequestRow } from './repo.js';
import { fillTemplate, lines } from '../../docx/template.js';

const SMALL = 24; // 小四, the table
const cell = (text: string, opts: { width: number; header?: boolean; center?: boolean }) => new TableCell({
  width: { size: opts.width, type: WidthType.DXA },
  verticalAlign: VerticalAlign.CENTER,
  margins: { top: 60, bottom: 60, left: 100, right: 100 },
  children: [new Paragraph({
    alignment: opts.center || opts.header ? AlignmentType.CENTER : AlignmentType.LEFT,
    children: [new TextRun({ text, font: opts.header ? HEI : SONG, size: SMALL })],
  })],
});

export function replyTitle(r: ReplyRequestRow, items: ReplyItemRow[]): string {
  const names = items.slice(0, 3).map((i) => i.cadre_name).join('、');
  return `关于${names}${items.length > 3 ? '等' : ''}同志廉政情况的复函`;
}

/** What the letter shows: the data, or (for the sample template) the placeholders and loop tags in their places. */
interface ReplyView {
  issuer: string; docNumber: string; title: string; requester: string; opening: string; purpose: string; date: string;
  rows: string[][];
  blocks: { heading: string; lines: string[] }[];
  /** Paragraphs standing alone before and after the per-cadre blocks (the sample's {#干部} and {/干部}). */
  around?: [string, string];
  meta: { title: string; description: string };
}

function replyLayout(v: ReplyView): Promise<Buffer> {
  const widths = [700, 1200, 3500, 3600];
  const table = new Table({
    width: { size: widths.reduce((a, b) => a + b), type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: ['序号', '姓名', '单位及职务', '回复意见'].map((h, i) => cell(h, { width: widths[i], header: true })) }),
      ...v.rows.map((row) => new TableRow({
        cantSplit: true,
        children: row.map((text, i) => cell(text, { width: widths[i], center: i !== 2 })),
      })),
    ],
  });
  const children: (Paragraph | Table)[] = [
    ...letterhead(v.issuer, v.docNumber),
    title(v.title),
    para(`${v.requester}：`),
    para(v.opening, { indent: true }),
    table,
    para('', {}),
  ];
  if (v.around) children.push(para(v.around[0], { indent: true }));
  for (const b of v.blocks) {
    children.push(para(b.heading, { font: HEI, indent: true, keepNext: true }));
    for (const l of b.lines) children.push(para(l, { indent: true }));
  }
  if (v.around) children.push(para(v.around[1], { indent: true }));
  // The closing stays on one page with the signature.
  children.push(para('特此函复。', { indent: true, keepNext: true }));
  children.push(para('', { keepNext: true }));
  children.push(para('（盖章）', { align: AlignmentType.RIGHT, font: KAI, keepNext: true }));
  children.push(para(v.issuer, { align: AlignmentType.RIGHT, keepNext: true }));
  children.push(para(v.date, { align: AlignmentType.RIGHT, after: 400 }));
  children.push(footnoteBox(`本复函仅供${v.purpose}工作参考，请妥善保管，不得扩散。`));
  return officialDocx({ creator: v.issuer, ...v.meta }, children);
}

const purposeOf = (r: ReplyRequestRow) => (r.purpose === 'other' && r.purpose_text ? r.purpose_text : REPLY_PURPOSE_LABELS[r.purpose]);
const textOf = (it: ReplyItemRow) => (it.edited_text ?? it.draft).split('\n').map((l) => l.trim()).filter(Boolean);
const opening = (letter: string, purpose: string, count: string) =>
  `你单位${letter}收悉。根据${purpose}工作需要，经查阅我委廉政档案及信访举报、问题线索处置、案件查办等有关情况，现将${count}名同志的党风廉政情况函复如下：`;

/**
 * The letter: the tenant's Word template in force when there is one (docs/templates.md), else the built-in layout.
 * `template` is the .docx read from the database before the transaction ended.
 */
export async function buildReplyDocx(r: ReplyRequestRow, items: ReplyItemRow[], template?: Buffer | null): Promise<Buffer> {
  if (template) return fillTemplate(template, replyTemplateData(r, items));
  const purpose = purposeOf(r);
  const issuer = r.issuer ?? r.tenant_name;
  return replyLayout({
    issuer, docNumber: r.doc_number ?? '（草稿，未签发）', title: replyTitle(r, items), requester: r.requester, purpose, date: chineseDate(r.as_of),
    opening: opening(r.letter_no ? `《征求意见函》（${r.letter_no}）` : '征求意见函', purpose, String(items.length)),
    rows: items.map((it, n) => [String(n + 1), it.cadre_name, `${it.unit_name}${it.cadre_position ?? ''}`, conclusionText(it.conclusion, r.purpose, r.purpose_text)]),
    blocks: items.map((it, n) => ({ heading: `${chineseNumber(n + 1)}、${it.cadre_name}同志`, lines: textOf(it) })),
    meta: { title: `${replyTitle(r, items)}${r.doc_number ? ` ${r.doc_number}` : ''}`, description: `${r.requester} ${purpose}` },
  });
}

/** The placeholders' values (docx/template.ts KIND_SPECS reply and reply-cadre). */
export function replyTemplateData(r: ReplyRequestRow, items: ReplyItemRow[]): Record<string, unknown> {
  const cadres = items.map((it, n) => ({
    序号: String(n + 1), 中文序号: chineseNumber(n + 1), 姓名: it.cadre_name, 单位: it.unit_name, 职务: it.cadre_position ?? '',
    单位职务: `${it.unit_name}${it.cadre_position ?? ''}`, 回复意见: conclusionText(it.conclusion, r.purpose, r.purpose_text),
    ...lines('正文', textOf(it).join('\n')),
  }));
  return {
    发文机关: r.issuer ?? r.tenant_name, 文号: r.doc_number ?? '（草稿，未签发）', 标题: replyTitle(r, items), 征求意见单位: r.requester,
    来函文号: r.letter_no ?? '', 用途: purposeOf(r), 复函日期: chineseDate(r.as_of), 人数: String(items.length),
    干部: cadres,
    // A letter for one cadre (逐人复函) also names the cadre outside the loop.
    ...(cadres.length === 1 ? cadres[0] : {}),
  };
}

/** The built-in layout with the placeholders in place: what a tenant downloads, edits in Word and uploads back. */
export function sampleReplyTemplate(): Promise<Buffer> {
  return replyLayout({
    issuer: '{发文机关}', docNumber: '{文号}', title: '{标题}', requester: '{征求意见单位}', purpose: '{用途}', date: '{复函日期}',
    opening: opening('{#来函文号}《征求意见函》（{来函文号}）{/来函文号}{^来函文号}征求意见函{/来函文号}', '{用途}', '{人数}'),
    rows: [['{#干部}{序号}', '{姓名}', '{单位职务}', '{回复意见}{/干部}']],
    blocks: [{ heading: '{中文序号}、{姓名}同志', lines: ['{#正文段落}', '{段}', '{/正文段落}'] }],
    around: ['{#干部}', '{/干部}'],
    meta: { title: '廉政审查情况复函模板', description: 'Word 模板：占位符见 docs/templates.md' },
  });
}

/**
 * What a letter of a request is built from, read in the caller's transaction (the build comes after it): the request
 * — a part (docs/replies.md#parts) is the tenant below's answer, addressed to the tenant that asked — its cadres, and
 * the tenant's Word template in force (docs/templates.md; the per-cadre one for `perCadre`). Null: not the caller's.
 * The download route and the 逐人复函 job both start here.
 */
export async function replyLetterSource(trx: Tx, tenantId: string, id: string, perCadre: boolean) {
  const found = await findReplyRequest(trx, tenantId, id);
  if (!found) return null;
  const row: ReplyRequestRow = found.parent_issuer ? { ...found, requester: found.parent_issuer } : found;
  const items = (await itemsOf(trx, row.tenant_id, [row.id])).get(row.id) ?? [];
  const template = (await templateFile(trx, row.tenant_id, perCadre ? 'reply-cadre' : 'reply'))?.content ?? null;
  return { row, items, template };
}
