// The disposition notice (处置通知书) as an editable Word file (docs/dispositions.md#the-notice): red letterhead (发文机关)
// with a red rule, 文号, title, the body, the warning that motivated it (情形, rule and version), the rectification
// requirements and due date, the issuer's signature with the date, and 抄送 the cadre's unit. Fonts are the ones a
// Chinese official document uses (docx/official.ts), so Word, WPS and LibreOffice all open and print it.
import { AlignmentType } from 'docx';
import type { DispositionRow } from './repo.js';
import { chineseDate } from '../../../../../shared/time.js';
import { HEI, footnoteBox, letterhead, officialDocx, para as line, title } from '../../docx/official.js';

export async function buildNoticeDocx(d: DispositionRow, opts: { withWarning: boolean }): Promise<Buffer> {
  const bodyLines = d.body.split('\n').map((l) => l.trim()).filter(Boolean);
  const children = [...letterhead(d.issuer, d.doc_number), title(d.title)];
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
  children.push(footnoteBox(`抄送：${d.unit_name}（${d.tenant_name}）。`));
  return officialDocx({ creator: d.issuer, title: `${d.title} ${d.doc_number}`, description: `${d.cadre_name} ${d.title}` }, children);
}
