// 廉情评价报告 as an editable Word file (docs/reports.md#the-document): the look of a Chinese official document
// (GB/T 9704) as the disposition notice has it (dispositions/docx.ts) — A4 with its margins, the title in 方正小标宋简体
// 二号 centred, the body in 仿宋_GB2312 三号 with a two-character first-line indent at a fixed 28 pt line, 一、 headings in
// 黑体, （一） headings in 楷体_GB2312, page numbers 「— 1 —」 in the footer. Fonts carry common fallbacks in their
// ASCII slots so Word, WPS and LibreOffice all open and print it. Content comes only from evaluation.ts.
import { AlignmentType, Document, Footer, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import { NO_RECORDS, type EvaluationReport } from './evaluation.js';
import { chineseDate } from '../../../../../shared/time.js';

const FANGSONG = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋_GB2312' };
const HEI = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体' };
const KAI = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '楷体_GB2312' };
const TITLE = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '方正小标宋简体' };
type Font = typeof FANGSONG;

const BODY = 32; // half-points: 三号 16 pt
const TITLE_SIZE = 44; // 二号 22 pt
const INDENT = 640; // two characters of 三号 (2 × 16 pt = 640 twips)
const LINE = 560; // fixed 28 pt

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

const para = (text: string, opts: { font?: Font; indent?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; before?: number; after?: number; keepNext?: boolean } = {}) =>
  new Paragraph({
    alignment: opts.align ?? AlignmentType.JUSTIFIED,
    // A heading stays on the page of its first line.
    keepNext: opts.keepNext,
    indent: opts.indent === false ? undefined : { firstLine: INDENT },
    spacing: { line: LINE, lineRule: 'exact', before: opts.before ?? 0, after: opts.after ?? 0 },
    children: [new TextRun({ text, font: opts.font ?? FANGSONG, size: BODY })],
  });

export function reportParagraphs(r: EvaluationReport): Paragraph[] {
  const out: Paragraph[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER, spacing: { before: 0, after: 560, line: 700, lineRule: 'exact' },
      children: [new TextRun({ text: r.title, font: TITLE, size: TITLE_SIZE })],
    }),
    para(r.preamble),
  ];
  r.sections.forEach((s, i) => {
    out.push(para(`${NUMERALS[i]}、${s.title}`, { font: HEI, keepNext: true }));
    const numbered = s.blocks.filter((b) => b.heading);
    s.blocks.forEach((b) => {
      if (b.heading) out.push(para(`（${NUMERALS[numbered.indexOf(b)]}）${b.heading}`, { font: KAI, keepNext: true }));
      if (!b.lead && !b.lines.length) { out.push(para(`${NO_RECORDS}。`)); return; }
      if (b.lead) out.push(para(b.lead.text));
      b.lines.forEach((l, k) => out.push(para(b.lines.length > 1 ? `${k + 1}. ${l.text}` : l.text)));
    });
  });
  // The closing: the issuing body and the date, right-aligned with four characters to spare, after a blank line.
  out.push(para('', { indent: false, keepNext: true }));
  out.push(new Paragraph({ alignment: AlignmentType.RIGHT, keepNext: true, indent: { right: 4 * 320 }, spacing: { line: LINE, lineRule: 'exact' }, children: [new TextRun({ text: r.issuer, font: FANGSONG, size: BODY })] }));
  out.push(new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: 4 * 320 }, spacing: { line: LINE, lineRule: 'exact' }, children: [new TextRun({ text: chineseDate(r.date), font: FANGSONG, size: BODY })] }));
  return out;
}

export async function buildReportDocx(r: EvaluationReport): Promise<Buffer> {
  const doc = new Document({
    creator: r.issuer,
    title: r.title,
    description: `${r.cadreName} 廉情评价报告（截至 ${r.asOf}）`,
    styles: { default: { document: { run: { font: FANGSONG, size: BODY } } } },
    sections: [{
      properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 2098, bottom: 1984, left: 1588, right: 1474, footer: 992 } } },
      footers: {
        default: new Footer({
          children: [new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: { ascii: '宋体', hAnsi: '宋体', eastAsia: '宋体' }, size: 28 })],
          })],
        }),
      },
      children: reportParagraphs(r),
    }],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}
