// The look of a Chinese official document (GB/T 9704) shared by every Word file the API writes — the disposition
// notice, the 复函 and the 廉情评价报告: A4 with its margins, the body in 仿宋_GB2312 三号 at a fixed 28 pt line, 黑体 and
// 楷体 headings, the title in 方正小标宋简体, a red letterhead over a red rule, page numbers 「— 1 —」 in the footer. Fonts
// carry Times New Roman in their ASCII slots so Word, WPS and LibreOffice all open and print the file.
import { AlignmentType, BorderStyle, Document, Footer, Packer, PageNumber, Paragraph, Table, TextRun } from 'docx';

const font = (eastAsia: string) => ({ ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia });
export const FANGSONG = font('仿宋_GB2312');
export const HEI = font('黑体');
export const KAI = font('楷体_GB2312');
export const TITLE_FONT = font('方正小标宋简体');
export type Font = typeof FANGSONG;

/** Half-points: 三号 16 pt (the body), 二号 22 pt (the title). */
export const BODY = 32;
export const TITLE_SIZE = 44;
/** Two characters of 三号, in twips. */
export const INDENT = 640;
/** The fixed 28 pt line. */
export const LINE = 560;
export const RED = 'C00000';

type Align = (typeof AlignmentType)[keyof typeof AlignmentType];

const NUMERALS = '一二三四五六七八九十';
/** 1 → 一, 12 → 十二, 25 → 二十五 (section numbers 一、 and （一）). */
export function chineseNumber(n: number): string {
  if (n <= 10) return NUMERALS[n - 1];
  if (n < 20) return `十${NUMERALS[n - 11]}`;
  if (n < 100) return `${NUMERALS[Math.floor(n / 10) - 1]}十${n % 10 ? NUMERALS[(n % 10) - 1] : ''}`;
  return String(n);
}

/** A body paragraph (fixed line); `indent` adds the two-character first-line indent; `keepNext` keeps it with the next. */
export function para(text: string, opts: { indent?: boolean; font?: Font; align?: Align; before?: number; after?: number; keepNext?: boolean; size?: number } = {}) {
  return new Paragraph({
    alignment: opts.align ?? AlignmentType.JUSTIFIED,
    indent: opts.indent ? { firstLine: INDENT } : undefined,
    keepNext: opts.keepNext,
    spacing: { line: LINE, lineRule: 'exact', before: opts.before ?? 0, after: opts.after ?? 0 },
    children: [new TextRun({ text, font: opts.font ?? FANGSONG, size: opts.size ?? BODY })],
  });
}

/** 版头: the issuing body in red, then the document number over a red rule. */
export function letterhead(issuer: string, docNumber: string): Paragraph[] {
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER, spacing: { before: 400, after: 400 },
      children: [new TextRun({ text: issuer, font: TITLE_FONT, size: 60, bold: true, color: RED })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER, spacing: { after: 480 },
      border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: RED, space: 8 } },
      children: [new TextRun({ text: docNumber, font: FANGSONG, size: BODY })],
    }),
  ];
}

/** The title, centred. */
export function title(text: string, opts: { before?: number; after?: number } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER, spacing: { before: opts.before ?? 240, after: opts.after ?? 480 },
    children: [new TextRun({ text, font: TITLE_FONT, size: TITLE_SIZE, bold: true })],
  });
}

/** A bordered note under the text (抄送 …, circulation notes), in 四号. */
export function footnoteBox(text: string): Paragraph {
  return new Paragraph({
    spacing: { before: 400 },
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 4 }, bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 4 } },
    children: [new TextRun({ text, font: FANGSONG, size: 28 })],
  });
}

/** The whole file: A4, GB/T 9704 margins, page numbers in the footer. */
export async function officialDocx(meta: { creator: string; title: string; description: string }, children: (Paragraph | Table)[]): Promise<Buffer> {
  const doc = new Document({
    ...meta,
    styles: { default: { document: { run: { font: FANGSONG, size: BODY } } } },
    sections: [{
      properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 2098, bottom: 1984, left: 1588, right: 1474, footer: 992 } } },
      footers: {
        default: new Footer({
          children: [new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: FANGSONG, size: 28 })],
          })],
        }),
      },
      children,
    }],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}
