// 廉情评价报告 as an editable Word file (docs/reports.md#the-document): the look of a Chinese official document
// (GB/T 9704), from docx/official.ts — A4 with its margins, the title in 方正小标宋简体
// 二号 centred, the body in 仿宋_GB2312 三号 with a two-character first-line indent at a fixed 28 pt line, 一、 headings in
// 黑体, （一） headings in 楷体_GB2312, page numbers 「— 1 —」 in the footer. Fonts carry common fallbacks in their
// ASCII slots so Word, WPS and LibreOffice all open and print it. Content comes only from evaluation.ts. The tenant's
// uploaded Word template (docs/templates.md, kind report) replaces the layout when one is in force; sampleReportTemplate
// is the layout with its placeholders.
import { AlignmentType, Paragraph, TextRun } from 'docx';
import { NO_RECORDS, type EvaluationReport, type ReportSection } from './evaluation.js';
import { chineseDate } from '../../../../../shared/time.js';
import { BODY, FANGSONG, HEI, KAI, LINE, TITLE_FONT, TITLE_SIZE, chineseNumber, officialDocx, para as plain, type Font } from '../../docx/official.js';
import { fillTemplate, lines } from '../../docx/template.js';

/** A body paragraph, indented unless `indent: false`. */
const para = (text: string, opts: Parameters<typeof plain>[1] = {}) => plain(text, { ...opts, indent: opts.indent !== false });

/** A section's lines as printed: （一） sub-headings, the lead, the numbered lines, 无相关记录 for an empty block. */
function sectionLines(s: ReportSection): { text: string; font?: Font; keepNext?: boolean }[] {
  const out: { text: string; font?: Font; keepNext?: boolean }[] = [];
  const numbered = s.blocks.filter((b) => b.heading);
  for (const b of s.blocks) {
    if (b.heading) out.push({ text: `（${chineseNumber(numbered.indexOf(b) + 1)}）${b.heading}`, font: KAI, keepNext: true });
    if (!b.lead && !b.lines.length) { out.push({ text: `${NO_RECORDS}。` }); continue; }
    if (b.lead) out.push({ text: b.lead.text });
    b.lines.forEach((l, k) => out.push({ text: b.lines.length > 1 ? `${k + 1}. ${l.text}` : l.text }));
  }
  return out;
}

/** What the report shows: the data, or (for the sample template) the placeholders and loop tags in their places. */
interface ReportView {
  title: string; preamble: string[]; sections: { heading: string; lines: { text: string; font?: Font; keepNext?: boolean }[] }[];
  issuer: string; date: string;
  /** Paragraphs standing alone before and after the sections (the sample's {#部分} and {/部分}). */
  around?: [string, string];
}

function reportLayout(v: ReportView): Paragraph[] {
  const out: Paragraph[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER, spacing: { before: 0, after: 560, line: 700, lineRule: 'exact' },
      children: [new TextRun({ text: v.title, font: TITLE_FONT, size: TITLE_SIZE })],
    }),
    ...v.preamble.map((l) => para(l)),
  ];
  if (v.around) out.push(para(v.around[0]));
  for (const s of v.sections) {
    out.push(para(s.heading, { font: HEI, keepNext: true }));
    for (const l of s.lines) out.push(para(l.text, { font: l.font, keepNext: l.keepNext }));
  }
  if (v.around) out.push(para(v.around[1]));
  // The closing: the issuing body and the date, right-aligned with four characters to spare, after a blank line.
  out.push(para('', { indent: false, keepNext: true }));
  out.push(new Paragraph({ alignment: AlignmentType.RIGHT, keepNext: true, indent: { right: 4 * 320 }, spacing: { line: LINE, lineRule: 'exact' }, children: [new TextRun({ text: v.issuer, font: FANGSONG, size: BODY })] }));
  out.push(new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: 4 * 320 }, spacing: { line: LINE, lineRule: 'exact' }, children: [new TextRun({ text: v.date, font: FANGSONG, size: BODY })] }));
  return out;
}

export function reportParagraphs(r: EvaluationReport): Paragraph[] {
  return reportLayout({
    title: r.title, preamble: [r.preamble], issuer: r.issuer, date: chineseDate(r.date),
    sections: r.sections.map((s, i) => ({ heading: `${chineseNumber(i + 1)}、${s.title}`, lines: sectionLines(s) })),
  });
}

/**
 * The report: the tenant's Word template in force when there is one (docs/templates.md), else the built-in layout.
 * `template` is the .docx read from the database before the transaction ended.
 */
export function buildReportDocx(r: EvaluationReport, template?: Buffer | null): Promise<Buffer> {
  if (template) return fillTemplate(template, reportTemplateData(r));
  return officialDocx({ creator: r.issuer, title: r.title, description: `${r.cadreName} 廉情评价报告（截至 ${r.asOf}）` }, reportParagraphs(r));
}

/** The placeholders' values (docx/template.ts KIND_SPECS report). */
export function reportTemplateData(r: EvaluationReport): Record<string, unknown> {
  const parts = r.sections.map((s, i) => ({
    序号: String(i + 1), 中文序号: chineseNumber(i + 1), 部分标题: s.title,
    ...lines('内容', sectionLines(s).map((l) => l.text).join('\n')),
  }));
  const all = r.sections.flatMap((s, i) => [`${chineseNumber(i + 1)}、${s.title}`, ...sectionLines(s).map((l) => l.text)]);
  return {
    发文机关: r.issuer, 标题: r.title, 姓名: r.cadreName, 截至日期: chineseDate(r.asOf), 报告日期: chineseDate(r.date),
    ...lines('开头', r.preamble), ...lines('正文', all.join('\n')), 部分: parts,
  };
}

/** The built-in layout with the placeholders in place: what a tenant downloads, edits in Word and uploads back. */
export function sampleReportTemplate(): Promise<Buffer> {
  return officialDocx({ creator: '{发文机关}', title: '廉情评价报告模板', description: 'Word 模板：占位符见 docs/templates.md' }, reportLayout({
    title: '{标题}', preamble: ['{#开头段落}', '{段}', '{/开头段落}'], issuer: '{发文机关}', date: '{报告日期}',
    sections: [{ heading: '{中文序号}、{部分标题}', lines: [{ text: '{#内容段落}' }, { text: '{段}' }, { text: '{/内容段落}' }] }],
    around: ['{#部分}', '{/部分}'],
  }));
}
