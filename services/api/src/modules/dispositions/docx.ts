// The disposition notice (处置通知书) as an editable Word file (docs/dispositions.md#the-notice): red letterhead (发文机关)
// with a red rule, 文号, title, the body, the warning that motivated it (情形, rule and version), the rectification
// requirements and due date, the issuer's signature with the date, and 抄送 the cadre's unit. Fonts are the ones a
// Chinese official document uses, with common fallbacks, so Word, WPS and LibreOffice all open and print it.
import {
  AlignmentType, BorderStyle, Document, Footer, Packer, PageNumber, Paragraph, TextRun,
} from 'docx';
import type { DispositionRow } from './repo.js';
import { chineseDate } from '../../../../../shared/time.js';

const SONG = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋_GB2312' };
const HEI = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体' };
const TITLE = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '方正小标宋简体' };
const BODY = 32; // half-points: 三号 16 pt
const RED = 'C00000';


const line = (text: string, opts: { indent?: boolean; font?: typeof SONG; bold?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; size?: number; color?: string; after?: number } = {}) =>
  new Paragraph({
    alignment: opts.align ?? AlignmentType.JUSTIFIED,
    indent: opts.indent ? { firstLine: 640 } : undefined,
    spacing: { line: 560, lineRule: 'exact', before: 0, after: opts.after ?? 0 },
    children: [new TextRun({ text, font: opts.font ?? SONG, size: opts.size ?? BODY, bold: opts.bold, color: opts.color })],
  });

export async function buildNoticeDocx(d: DispositionRow, opts: { withWarning: boolean }): Promise<Buffer> {
  const bodyLines = d.body.split('\n').map((l) => l.trim()).filter(Boolean);
  const children: Paragraph[] = [
    // 版头: the issuer in red, then the number over a red rule.
    new Paragraph({
      alignment: AlignmentType.CENTER, spacing: { before: 400, after: 400 },
      children: [new TextRun({ text: d.issuer, font: TITLE, size: 60, bold: true, color: RED })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER, spacing: { after: 480 },
      border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: RED, space: 8 } },
      children: [new TextRun({ text: d.doc_number, font: SONG, size: BODY })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER, spacing: { before: 240, after: 480 },
      children: [new TextRun({ text: d.title, font: TITLE, size: 44, bold: true })],
    }),
  ];
  // The first line of the body is the salutation (张三同志：), flush left; the rest are indented paragraphs.
  bodyLines.forEach((l, i) => children.push(line(l, { indent: !(i === 0 && /[：:]$/.test(l)) })));

  if (opts.withWarning && d.warning) {
    children.push(line('一、预警情形', { font: HEI, indent: true }));
    const w = d.warning;
    children.push(line(`预警等级：${w.levelName}（${w.asOf}）。触发规则：${(w.rules ?? [w.rule]).map((r) => `${r.name}（${r.code}，第 ${r.version} 版）`).join('；')}。`, { indent: true }));
    w.reasons.forEach((r, i) => children.push(line(`${i + 1}. ${r}`, { indent: true })));
  }
  children.push(line(opts.withWarning && d.warning ? '二、整改要求' : '整改要求', { font: HEI, indent: true }));
  for (const l of d.requirements.split('\n').map((x) => x.trim()).filter(Boolean)) children.push(line(l, { indent: true }));
  children.push(line(opts.withWarning && d.warning ? '三、整改期限' : '整改期限', { font: HEI, indent: true }));
  children.push(line(`请于${chineseDate(d.due_on)}前（发文之日起 ${d.rectify_working_days} 个工作日内）将整改情况及佐证材料经所在单位审核后报送${d.issuer}。`, { indent: true }));
  children.push(line('', {}));
  children.push(line(d.issuer, { align: AlignmentType.RIGHT }));
  children.push(line(chineseDate(d.issued_on), { align: AlignmentType.RIGHT, after: 400 }));
  children.push(new Paragraph({
    spacing: { before: 400 },
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 4 }, bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 4 } },
    children: [new TextRun({ text: `抄送：${d.unit_name}（${d.tenant_name}）。`, font: SONG, size: 28 })],
  }));

  const doc = new Document({
    creator: d.issuer,
    title: `${d.title} ${d.doc_number}`,
    description: `${d.cadre_name} ${d.title}`,
    styles: { default: { document: { run: { font: SONG, size: BODY } } } },
    sections: [{
      properties: { page: { margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } } },
      footers: {
        default: new Footer({
          children: [new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: SONG, size: 28 })],
          })],
        }),
      },
      children,
    }],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}
