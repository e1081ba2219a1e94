// The disposition notice (处置通知书) as an editable Word file (docs/dispositions.md#the-notice): red letterhead (发文机关)
// with a red rule, 文号, title, the body, the warning that motivated it (情形, rule and version), the rectification
// requirements and due date, the issuer's signature with the date, and 抄送 the cadre's unit. Fonts are the ones a
// Chinese official document uses (docx/official.ts), so Word, WPS and LibreOffice all open and print it. A tenant's
// uploaded Word template (docs/templates.md) replaces the layout when one is in force; sampleNoticeTemplate is the
// layout with its placeholders.
import { AlignmentType, type Paragraph } from 'docx';
import type { DispositionRow } from './repo.js';
import { chineseDate } from '../../../../../shared/time.js';
import { HEI, footnoteBox, letterhead, officialDocx, para as line, title } from '../../docx/official.js';
import { fillTemplate, lines } from '../../docx/template.js';

/** What the notice shows: the data, or (for the sample template) the placeholders and loop tags in their places. */
interface NoticeView {
  issuer: string; docNumber: string; title: string; salutation: string[]; body: string[];
  /** The warning section: its heading line and its lines; null when the notice has none. */
  warning: { summary: string; reasons: string[]; around?: [string, string] } | null;
  /** Section numbers (一、二、三、) when there is a warning section; the sample wraps them in a condition. */
  numbers: [string, string, string];
  requirements: string[]; deadline: string; date: string; copyTo: string;
  meta: { title: string; description: string };
}

function noticeLayout(v: NoticeView): Promise<Buffer> {
  const children: Paragraph[] = [...letterhead(v.issuer, v.docNumber), title(v.title)];
  // The salutation (张三同志：) flush left; the body's paragraphs indented.
  for (const l of v.salutation) children.push(line(l, {}));
  for (const l of v.body) children.push(line(l, { indent: true }));
  if (v.warning) {
    if (v.warning.around) children.push(line(v.warning.around[0], { indent: true }));
    children.push(line(`${v.numbers[0]}预警情形`, { font: HEI, indent: true }));
    children.push(line(v.warning.summary, { indent: true }));
    for (const r of v.warning.reasons) children.push(line(r, { indent: true }));
    if (v.warning.around) children.push(line(v.warning.around[1], { indent: true }));
  }
  children.push(line(`${v.numbers[1]}整改要求`, { font: HEI, indent: true }));
  for (const l of v.requirements) children.push(line(l, { indent: true }));
  children.push(line(`${v.numbers[2]}整改期限`, { font: HEI, indent: true }));
  children.push(line(v.deadline, { indent: true }));
  children.push(line('', {}));
  children.push(line(v.issuer, { align: AlignmentType.RIGHT }));
  children.push(line(v.date, { align: AlignmentType.RIGHT, after: 400 }));
  children.push(footnoteBox(`抄送：${v.copyTo}。`));
  return officialDocx({ creator: v.issuer, ...v.meta }, children);
}

const split = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);
/** The body's first line when it is the salutation (ends with ：), and the rest. */
function bodyParts(body: string): { salutation: string; rest: string[] } {
  const all = split(body);
  return all.length && /[：:]$/.test(all[0]) ? { salutation: all[0], rest: all.slice(1) } : { salutation: '', rest: all };
}
const rulesText = (w: NonNullable<DispositionRow['warning']>) => (w.rules ?? [w.rule]).map((r) => `${r.name}（${r.code}，第 ${r.version} 版）`).join('；');
const deadline = (due: string, days: string, issuer: string) => `请于${due}前（发文之日起 ${days} 个工作日内）将整改情况及佐证材料经所在单位审核后报送${issuer}。`;

/** The notice: the tenant's Word template in force when there is one (read before the transaction ended), else the layout. */
export async function buildNoticeDocx(d: DispositionRow, opts: { withWarning: boolean }, template?: Buffer | null): Promise<Buffer> {
  if (template) return fillTemplate(template, noticeTemplateData(d, opts));
  const { salutation, rest } = bodyParts(d.body);
  const w = opts.withWarning ? d.warning : null;
  return noticeLayout({
    issuer: d.issuer, docNumber: d.doc_number, title: d.title, salutation: salutation ? [salutation] : [], body: rest,
    warning: w ? { summary: `预警等级：${w.levelName}（${w.asOf}）。触发规则：${rulesText(w)}。`, reasons: w.reasons.map((r, i) => `${i + 1}. ${r}`) } : null,
    numbers: w ? ['一、', '二、', '三、'] : ['', '', ''],
    requirements: split(d.requirements), deadline: deadline(chineseDate(d.due_on), String(d.rectify_working_days), d.issuer),
    date: chineseDate(d.issued_on), copyTo: `${d.unit_name}（${d.tenant_name}）`,
    meta: { title: `${d.title} ${d.doc_number}`, description: `${d.cadre_name} ${d.title}` },
  });
}

/** The placeholders' values (docx/template.ts KIND_SPECS disposition). */
export function noticeTemplateData(d: DispositionRow, opts: { withWarning: boolean }): Record<string, unknown> {
  const { salutation, rest } = bodyParts(d.body);
  const w = opts.withWarning ? d.warning : null;
  return {
    发文机关: d.issuer, 文号: d.doc_number, 标题: d.title, 姓名: d.cadre_name, 单位: d.unit_name, 职务: d.cadre_position ?? '', 机构: d.tenant_name,
    称呼: salutation, ...lines('正文', rest.join('\n')),
    预警等级: w?.levelName ?? '', 预警日期: w?.asOf ?? '', 触发规则: w ? rulesText(w) : '',
    ...lines('预警情形', w ? w.reasons.map((r, i) => `${i + 1}. ${r}`).join('\n') : ''),
    ...lines('整改要求', d.requirements),
    整改期限: chineseDate(d.due_on), 整改工作日: String(d.rectify_working_days), 发文日期: chineseDate(d.issued_on),
    抄送: `${d.unit_name}（${d.tenant_name}）`,
  };
}

/** The built-in layout with the placeholders in place: what a tenant downloads, edits in Word and uploads back. */
export function sampleNoticeTemplate(): Promise<Buffer> {
  return noticeLayout({
    issuer: '{发文机关}', docNumber: '{文号}', title: '{标题}', salutation: ['{#称呼}', '{称呼}', '{/称呼}'], body: ['{#正文段落}', '{段}', '{/正文段落}'],
    warning: { summary: '预警等级：{预警等级}（{预警日期}）。触发规则：{触发规则}。', reasons: ['{#预警情形段落}', '{段}', '{/预警情形段落}'], around: ['{#预警等级}', '{/预警等级}'] },
    numbers: ['一、', '{#预警等级}二、{/预警等级}', '{#预警等级}三、{/预警等级}'],
    requirements: ['{#整改要求段落}', '{段}', '{/整改要求段落}'], deadline: deadline('{整改期限}', '{整改工作日}', '{发文机关}'),
    date: '{发文日期}', copyTo: '{抄送}',
    meta: { title: '预警处置通知书模板', description: 'Word 模板：占位符见 docs/templates.md' },
  });
}
