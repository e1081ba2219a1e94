// The 廉政审查情况复函 as an editable Word file (docs/replies.md#the-letter): red letterhead (the issuing commission) over a
// red rule with the 文号, the title, the addressee (征求意见单位), the opening that cites the request, a table of the
// cadres with their conclusions, one paragraph per cadre as issued, 特此函复, the signature with the date and room for
// the seal. A request not yet issued prints 「草稿」 where the 文号 goes. The official look: docx/official.ts.
import { AlignmentType, Paragraph, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType } from 'docx';
import { FANGSONG as SONG, HEI, KAI, chineseNumber, footnoteBox, letterhead, officialDocx, para, title } from '../../docx/official.js';
import { chineseDate } from '../../../../../shared/time.js';
import { REPLY_PURPOSE_LABELS, conclusionText } from '../../../../../shared/replies.js';
import type { ReplyItemRow, ReplyRequestRow } from './repo.js';

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

export async function buildReplyDocx(r: ReplyRequestRow, items: ReplyItemRow[]): Promise<Buffer> {
  const purpose = r.purpose === 'other' && r.purpose_text ? r.purpose_text : REPLY_PURPOSE_LABELS[r.purpose];
  const issuer = r.issuer ?? r.tenant_name;
  const widths = [700, 1200, 3500, 3600];
  const table = new Table({
    width: { size: widths.reduce((a, b) => a + b), type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: ['序号', '姓名', '单位及职务', '回复意见'].map((h, i) => cell(h, { width: widths[i], header: true })) }),
      ...items.map((it, n) => new TableRow({
        cantSplit: true,
        children: [
          cell(String(n + 1), { width: widths[0], center: true }),
          cell(it.cadre_name, { width: widths[1], center: true }),
          cell(`${it.unit_name}${it.cadre_position ?? ''}`, { width: widths[2] }),
          cell(conclusionText(it.conclusion, r.purpose, r.purpose_text), { width: widths[3], center: true }),
        ],
      })),
    ],
  });
  const children: (Paragraph | Table)[] = [
    ...letterhead(issuer, r.doc_number ?? '（草稿，未签发）'),
    title(replyTitle(r, items)),
    para(`${r.requester}：`),
    para(`你单位${r.letter_no ? `《征求意见函》（${r.letter_no}）` : '征求意见函'}收悉。根据${purpose}工作需要，经查阅我委廉政档案及信访举报、问题线索处置、案件查办等有关情况，现将${items.length}名同志的党风廉政情况函复如下：`, { indent: true }),
    table,
    para('', {}),
  ];
  items.forEach((it, n) => {
    const lines = (it.edited_text ?? it.draft).split('\n').map((l) => l.trim()).filter(Boolean);
    children.push(para(`${chineseNumber(n + 1)}、${it.cadre_name}同志`, { font: HEI, indent: true, keepNext: true }));
    for (const l of lines) children.push(para(l, { indent: true }));
  });
  // The closing stays on one page with the signature.
  children.push(para('特此函复。', { indent: true, keepNext: true }));
  children.push(para('', { keepNext: true }));
  children.push(para('（盖章）', { align: AlignmentType.RIGHT, font: KAI, keepNext: true }));
  children.push(para(issuer, { align: AlignmentType.RIGHT, keepNext: true }));
  children.push(para(chineseDate(r.as_of), { align: AlignmentType.RIGHT, after: 400 }));
  children.push(footnoteBox(`本复函仅供${purpose}工作参考，请妥善保管，不得扩散。`));
  return officialDocx({
    creator: issuer, title: `${replyTitle(r, items)}${r.doc_number ? ` ${r.doc_number}` : ''}`, description: `${r.requester} ${purpose}`,
  }, children);
}
