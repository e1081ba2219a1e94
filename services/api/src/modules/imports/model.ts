// The appointment form (干部任免审批表) as every reader and writer of this module sees it: the .lrmx element names
// as keys, values in lrmx form (months YYYYMM, ZhaoPian base64 JPEG, JianLi one entry per line), family members as
// an array. Readers of .lrmx, .docx and the Excel roster all produce this; the writers consume it.
import { beijingTime } from '../../util/time.js';
import { BASIC_FIELDS, monthText, MONTH_RE } from '../cadres/fields.js';

export interface FamilyItem {
  ChengWei: string;
  XingMing: string;
  ChuShengRiQi: string;
  ZhengZhiMianMao: string;
  GongZuoDanWeiJiZhiWu: string;
}

export type FormFields = Record<string, string | FamilyItem[] | undefined> & { JiaTingChengYuan?: FamilyItem[] };

export const FAMILY_KEYS = ['ChengWei', 'XingMing', 'ChuShengRiQi', 'ZhengZhiMianMao', 'GongZuoDanWeiJiZhiWu'] as const;

/** Elements of the form that are not basic-information columns but have a meaning here. */
export const FORM_ONLY: Record<string, string> = {
  JianLi: '简历',
  ShenFenZheng: '公民身份号码',
  ZhaoPian: '照片',
  JiSuanNianLingShiJian: '计算年龄时间',
  TianBiaoShiJian: '填表时间',
  TianBiaoRen: '填表人',
  Version: '版本',
};

/** lrmx element → Chinese label, for every element this version knows (in the order of the file). */
export const KNOWN_LABELS: Record<string, string> = {
  ...Object.fromEntries(BASIC_FIELDS.filter((f) => f.lrmx).map((f) => [f.lrmx!, f.label.replace(/^全日制教育·/, '全日制').replace(/^在职教育·/, '在职')])),
  JianLi: '简历',
  JiaTingChengYuan: '家庭主要成员及重要社会关系',
  ...FORM_ONLY,
};

/** The order elements are written in (the order of the Organization Department's files). */
export const LRMX_ORDER = [
  'XingMing', 'XingBie', 'ChuShengNianYue', 'MinZu', 'JiGuan', 'ChuShengDi', 'RuDangShiJian', 'CanJiaGongZuoShiJian',
  'JianKangZhuangKuang', 'ZhuanYeJiShuZhiWu', 'ShuXiZhuanYeYouHeZhuanChang',
  'QuanRiZhiJiaoYu_XueLi', 'QuanRiZhiJiaoYu_XueWei', 'QuanRiZhiJiaoYu_XueLi_BiYeYuanXiaoXi', 'QuanRiZhiJiaoYu_XueWei_BiYeYuanXiaoXi',
  'ZaiZhiJiaoYu_XueLi', 'ZaiZhiJiaoYu_XueWei', 'ZaiZhiJiaoYu_XueLi_BiYeYuanXiaoXi', 'ZaiZhiJiaoYu_XueWei_BiYeYuanXiaoXi',
  'XianRenZhiWu', 'NiRenZhiWu', 'NiMianZhiWu', 'JianLi', 'JiangChengQingKuang', 'NianDuKaoHeJieGuo', 'RenMianLiYou',
  'JiaTingChengYuan', 'ChengBaoDanWei', 'JiSuanNianLingShiJian', 'TianBiaoShiJian', 'TianBiaoRen', 'ShenFenZheng', 'ZhaoPian', 'Version',
];

/** Elements holding a month (YYYYMM). */
export const MONTH_KEYS = new Set(['ChuShengNianYue', 'CanJiaGongZuoShiJian', 'JiSuanNianLingShiJian']);

/** Largest text the form can hold in one element (longer values are refused rather than cut). */
export const MAX_VALUE_CHARS = 20_000;

const FULLWIDTH_DIGITS = /[０-９]/g;

/**
 * A month as written on forms → YYYYMM, or null: "1975.03", "1975.3", "1975.03(50岁)", "1975.03\n（50岁）",
 * "197503", "1975-03", "1975年3月", "1975/03", "1975.03.12".
 */
export function normaliseMonth(raw: string): string | null {
  const s = raw.replace(FULLWIDTH_DIGITS, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).trim();
  if (!s) return null;
  let m = /^((?:19|20)\d{2})(0[1-9]|1[0-2])(?:\d{2})?(?=$|\D)/.exec(s);
  if (m) return m[1] + m[2];
  m = /^((?:19|20)\d{2})\s*[.\-/年．]\s*(\d{1,2})(?!\d)/.exec(s);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return m[1] + m[2].padStart(2, '0');
  return null;
}

/** This month in Beijing time (YYYYMM). */
export const currentMonth = () => beijingTime(new Date()).slice(0, 7).replace('-', '');

/** An age as written in a family row's 年龄 (or birth) column: "52", "52岁", "５２ 岁" → 52; anything else null. */
export function readAge(raw: string): number | null {
  const s = raw.replace(FULLWIDTH_DIGITS, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/[\s\u3000]/g, '');
  const m = /^(\d{1,3})(?:岁|周岁)?$/.exec(s);
  return m && Number(m[1]) <= 120 ? Number(m[1]) : null;
}

/**
 * The birth month an age stands for: `age` years before `asOf` (YYYYMM), the latest month at which a person is
 * that old then, so the age the archive computes at `asOf` is the age the form gave.
 */
export const birthFromAge = (age: number, asOf: string) => `${Number(asOf.slice(0, 4)) - age}${asOf.slice(4, 6)}`;

/**
 * Family rows given by age only (年龄, as the standard printed form has it): each gets the birth month its age
 * stands for at the form's 计算年龄时间 (else 填表时间, else `today`), with a warning naming the derived month —
 * the archive keeps family members' birth months, and an age alone would go stale.
 */
export function familyAges(fields: FormFields, ages: Map<FamilyItem, number>, today: string, warnings: string[]): void {
  const ref = [fields.JiSuanNianLingShiJian, fields.TianBiaoShiJian].map((v) => (typeof v === 'string' ? normaliseMonth(v) : null)).find((v) => v !== null) ?? today;
  for (const [item, age] of ages) {
    item.ChuShengRiQi = birthFromAge(age, ref);
    warnings.push(`家庭成员「${item.XingMing}」只有年龄（${age}岁），出生年月按 ${printMonth(ref)} 时的年龄推算为 ${printMonth(item.ChuShengRiQi)}，请核对`);
  }
}

/** YYYYMM → "1975.03" as the printed form shows it (cadres/fields.ts monthText, the one home). */
export const printMonth = (m: string | null | undefined) => monthText(m ?? '');

/** Age in whole years at `at` (YYYYMM), or null. */
export function ageAt(birth: string | null | undefined, at: string): number | null {
  if (!birth || !MONTH_RE.test(birth) || !MONTH_RE.test(at)) return null;
  const months = (Number(at.slice(0, 4)) * 12 + Number(at.slice(4))) - (Number(birth.slice(0, 4)) * 12 + Number(birth.slice(4)));
  return months >= 0 ? Math.floor(months / 12) : null;
}

export interface ResumeLine { startMonth: string; endMonth: string | null; content: string }

/**
 * 简历: one entry per line "1993.09--1997.07  云南大学经济系学习"; a line not starting with a digit continues the
 * previous entry. An open end ("2016.03--" or "至今") is null. Lines that cannot be read are returned as problems.
 */
export function parseResume(text: string): { rows: ResumeLine[]; problems: string[] } {
  const rows: ResumeLine[] = [];
  const problems: string[] = [];
  const norm = text.replace(/\r\n?/g, '\n').replace(FULLWIDTH_DIGITS, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  for (const rawLine of norm.split('\n')) {
    const line = rawLine.replace(/\u3000/g, ' ').trim();
    if (!line) continue;
    const m = /^((?:19|20)\d{2}[.．]\d{1,2})\s*(?:-{1,2}|—{1,2}|－{1,2}|–|~|～|至)\s*((?:19|20)\d{2}[.．]\d{1,2}|至今)?\s*(.*)$/.exec(line);
    if (m) {
      const start = normaliseMonth(m[1]);
      const end = m[2] && m[2] !== '至今' ? normaliseMonth(m[2]) : null;
      if (!start || (m[2] && m[2] !== '至今' && !end)) {
        problems.push(line);
        continue;
      }
      rows.push({ startMonth: start, endMonth: end, content: m[3].trim() });
    } else if (/^\d/.test(line) || !rows.length) {
      problems.push(line);
    } else {
      const last = rows[rows.length - 1];
      last.content = last.content ? `${last.content}\n${line}` : line;
    }
  }
  return { rows, problems };
}

/** Resume rows → the JianLi text ("1993.09--1997.07  content"; an open end prints as "1993.09--"). */
export function formatResume(rows: { start_month: string; end_month: string | null; content: string }[]): string {
  return rows.map((r) => `${printMonth(r.start_month)}--${r.end_month ? printMonth(r.end_month) : ''}  ${r.content}`).join('\n');
}

/** Collapse the whitespace of a value read from a document (keeps line breaks between paragraphs). */
export function cleanValue(s: string): string {
  return s.replace(/\r\n?/g, '\n').split('\n').map((l) => l.replace(/[\s\u3000]+/g, ' ').trim()).filter(Boolean).join('\n');
}
