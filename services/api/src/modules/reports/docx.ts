// 廉情评价报告 as an editable Word file (docs/reports.md#the-document): the look of a Chinese official document
// (GB/T 9704), from docx/official.ts — A4 with its margins, the title in 方正小标宋简体
// 二号 centred, the body in 仿宋_GB2312 三号 with a two-character first-line indent at a fixed 28 pt line, 一、 headings in
// 黑体, （一） headings in 楷体_GB2312, page numbers 「— 1 —」 in the footer. Fonts carry common fallbacks in their
// ASCII slots so Word, WPS and LibreOffice all open and print it. Content comes only from evaluation.ts.
import { AlignmentType, Paragraph, TextRun } from 'docx';
import { NO_RECORDS, type EvaluationReport } from './evaluation.js';
import { chineseDate } from '../../../../../shared/time.js';
import { BODY, FANGSONG, HEI, KAI, LINE, TITLE_FONT, TITLE_SIZE, chineseNumber, officialDocx, para as plain } from '../../docx/official.js';

/** A body paragraph, indented unless `indent: false`. */
const para = (text: string, opts: Parameters<typeof plain>[1] = {}) => plain(text, { ...opts, indent: opts.indent !== false });

export function reportParagraphs(r: EvaluationReport): Paragraph[] {
  const out: Paragraph[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER, spacing: { before: 0, after: 560, line: 700, lineRule: 'exact' },
      children: [new TextRun({ text: r.title, font: TITLE_FONT, size: TITLE_SIZE })],
    }),
    para(r.preamble),
  ];
  r.sections.forEach((s, i) => {
    out.push(para(`${chineseNumber(i + 1)}、${s.title}`, { font: HEI, keepNext: true }));
    const numbered = s.blocks.filter((b) => b.heading);
    s.blocks.forEach((b) => {
      if (b.heading) out.push(para(`（${chineseNumber(numbered.indexOf(b) + 1)}）${b.heading}`, { font: KAI, keepNext: true }));
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

export function buildReportDocx(r: EvaluationReport): Promise<Buffer> {
  return officialDocx({ creator: r.issuer, title: r.title, description: `${r.cadreName} 廉情评价报告（截至 ${r.asOf}）` }, reportParagraphs(r));
}
