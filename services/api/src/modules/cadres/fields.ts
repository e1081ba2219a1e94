// The cadre's basic information: every field of the 干部任免审批表
// (docs/domain.md#the-appointment-form-干部任免审批表) plus the archive's own (status, rank, management level …).
// One spec drives the GraphQL type and input, the zod checks, the SQL columns, the
// console form and (issue 6) the .lrmx mapping: `lrmx` is the element name in the appointment-form file.
import { z } from 'zod';
import { pattern, text } from '../../graphql/inputs.js';
import { codeTable } from '../codes/tables.js';
import type { CadreTable } from '../../db/types.js';

export type BasicKind = 'name' | 'text' | 'longtext' | 'month' | 'partyJoin' | 'code' | 'int';

export interface BasicField<C extends keyof CadreTable = keyof CadreTable> {
  name: string;
  /** The cadre column (db/generated.ts); BASIC_FIELDS narrows it to the basic fields' own columns. */
  column: C;
  label: string;
  kind: BasicKind;
  max?: number;
  /** Code table the value must come from (stored as its code, shown as its label: see storedCode below). */
  codes?: string;
  /** Element of the .lrmx appointment-form file. */
  lrmx?: string;
  /** Console grouping. */
  group: 'basic' | 'education' | 'post' | 'form';
}

const b = <C extends keyof CadreTable>(
  name: string, column: C, label: string, kind: BasicKind, group: BasicField['group'], extra: Partial<Omit<BasicField, 'column'>> = {},
): BasicField<C> => ({ name, column, label, kind, group, ...extra });

export const BASIC_FIELDS = [
  b('name', 'name', '姓名', 'name', 'basic', { lrmx: 'XingMing' }),
  b('sex', 'sex', '性别', 'code', 'basic', { codes: 'sex', lrmx: 'XingBie' }),
  b('birthMonth', 'birth_month', '出生年月', 'month', 'basic', { lrmx: 'ChuShengNianYue' }),
  b('ethnicity', 'ethnicity', '民族', 'code', 'basic', { codes: 'ethnicity', lrmx: 'MinZu' }),
  b('nativePlace', 'native_place', '籍贯', 'text', 'basic', { max: 60, lrmx: 'JiGuan' }),
  b('birthPlace', 'birth_place', '出生地', 'text', 'basic', { max: 60, lrmx: 'ChuShengDi' }),
  b('partyJoin', 'party_join', '入党时间', 'partyJoin', 'basic', { max: 40, lrmx: 'RuDangShiJian' }),
  b('workStart', 'work_start', '参加工作时间', 'month', 'basic', { lrmx: 'CanJiaGongZuoShiJian' }),
  b('health', 'health', '健康状况', 'text', 'basic', { max: 40, lrmx: 'JianKangZhuangKuang' }),
  b('politicalStatus', 'political_status', '政治面貌', 'code', 'basic', { codes: 'political_status' }),
  b('professionalTitle', 'professional_title', '专业技术职务', 'text', 'basic', { max: 100, lrmx: 'ZhuanYeJiShuZhiWu' }),
  b('specialty', 'specialty', '熟悉专业有何专长', 'text', 'basic', { max: 200, lrmx: 'ShuXiZhuanYeYouHeZhuanChang' }),
  b('education', 'education', '最高学历', 'text', 'education', { max: 60 }),
  b('eduFtLevel', 'edu_ft_level', '全日制教育·学历', 'text', 'education', { max: 60, lrmx: 'QuanRiZhiJiaoYu_XueLi' }),
  b('eduFtDegree', 'edu_ft_degree', '全日制教育·学位', 'text', 'education', { max: 60, lrmx: 'QuanRiZhiJiaoYu_XueWei' }),
  b('eduFtLevelSchool', 'edu_ft_level_school', '全日制教育·毕业院校系及专业（学历）', 'text', 'education', { max: 200, lrmx: 'QuanRiZhiJiaoYu_XueLi_BiYeYuanXiaoXi' }),
  b('eduFtDegreeSchool', 'edu_ft_degree_school', '全日制教育·毕业院校系及专业（学位）', 'text', 'education', { max: 200, lrmx: 'QuanRiZhiJiaoYu_XueWei_BiYeYuanXiaoXi' }),
  b('eduPtLevel', 'edu_pt_level', '在职教育·学历', 'text', 'education', { max: 60, lrmx: 'ZaiZhiJiaoYu_XueLi' }),
  b('eduPtDegree', 'edu_pt_degree', '在职教育·学位', 'text', 'education', { max: 60, lrmx: 'ZaiZhiJiaoYu_XueWei' }),
  b('eduPtLevelSchool', 'edu_pt_level_school', '在职教育·毕业院校系及专业（学历）', 'text', 'education', { max: 200, lrmx: 'ZaiZhiJiaoYu_XueLi_BiYeYuanXiaoXi' }),
  b('eduPtDegreeSchool', 'edu_pt_degree_school', '在职教育·毕业院校系及专业（学位）', 'text', 'education', { max: 200, lrmx: 'ZaiZhiJiaoYu_XueWei_BiYeYuanXiaoXi' }),
  b('position', 'position', '现任职务', 'text', 'post', { max: 200, lrmx: 'XianRenZhiWu' }),
  b('rank', 'rank', '职级', 'code', 'post', { codes: 'rank' }),
  b('status', 'status', '状态', 'code', 'post', { codes: 'cadre_status' }),
  b('managementLevel', 'management_level', '干部管理权限', 'code', 'post', { codes: 'management_level' }),
  b('sortOrder', 'sort_order', '排序号', 'int', 'post'),
  b('proposedPosition', 'proposed_position', '拟任职务', 'text', 'form', { max: 200, lrmx: 'NiRenZhiWu' }),
  b('proposedRemoval', 'proposed_removal', '拟免职务', 'text', 'form', { max: 200, lrmx: 'NiMianZhiWu' }),
  b('rewards', 'rewards', '奖惩情况', 'longtext', 'form', { max: 2000, lrmx: 'JiangChengQingKuang' }),
  b('assessmentSummary', 'assessment_summary', '年度考核结果', 'longtext', 'form', { max: 1000, lrmx: 'NianDuKaoHeJieGuo' }),
  b('appointmentReason', 'appointment_reason', '任免理由', 'longtext', 'form', { max: 1000, lrmx: 'RenMianLiYou' }),
  b('reportingUnit', 'reporting_unit', '呈报单位', 'text', 'form', { max: 200, lrmx: 'ChengBaoDanWei' }),
] as const;

/** The cadre columns that hold basic fields. */
export type BasicColumn = (typeof BASIC_FIELDS)[number]['column'];

export const MONTH_RE = /^(19|20)\d{2}(0[1-9]|1[0-2])$/;
/** A month or nothing (an open end, an unknown birth month). */
export const OPTIONAL_MONTH_RE = new RegExp(`^$|${MONTH_RE.source}`);

// ---------- Months as people read them ----------
// Months are stored and exchanged as YYYYMM ('197503'); wherever the API writes them into text for people (the
// change history, import diffs, printed forms) they read as on the form, 1975.03 — the console shows the stored
// values the same way (web/src/components/format.tsx). docs/domain.md#the-appointment-form-干部任免审批表.

/** '197503' → '1975.03'; anything else (a democratic party's name, '') as given. */
export const monthText = (v: string) => (MONTH_RE.test(v) ? `${v.slice(0, 4)}.${v.slice(4)}` : v);

const MONTH_LABELS = new Set<string>(BASIC_FIELDS.filter((f) => f.kind === 'month' || f.kind === 'partyJoin').map((f) => f.label));

/**
 * A before/after value of the change history or of an import's diff, by its label, as shown: the month fields and the
 * months of a résumé summary (「199709-200107 …；200107- …」, the stored revision format) read YYYY.MM.
 */
export function shownChangeValue(label: string, v: string): string {
  if (MONTH_LABELS.has(label)) return monthText(v);
  if (label === '简历') return v.replace(/(^|；)(\d{6})-(\d{6})?(?= )/g, (_, lead: string, a: string, b?: string) => `${lead}${monthText(a)}-${b ? monthText(b) : ''}`);
  return v;
}

// ---------- Code fields: the one mapping between stored codes and shown labels ----------
// The column stores the code of the field's code table (statistics group by it and join code_label, domain
// cadre.<field name>: migration 0015); GraphQL, revisions, imports and exports show and take the label, and the
// repo (repo.ts) maps between them. docs/domain.md#cadre-codes.

/** The label shown for an item: the table's label, except sex (男 / 女, as on the 干部任免审批表). */
export const shownLabel = (table: string, item: { label: string; abbr?: string }) => (table === 'sex' ? item.abbr ?? item.label : item.label);

/** The code_label domain of a code field: cadre.<field name> (e.g. cadre.politicalStatus). */
export const cadreCodeDomain = (f: BasicField) => `cadre.${f.name}`;

/** The item a value names: by its shown label, full label, short label or code (labels first), spaces ignored. */
function codeItem(table: string, value: string) {
  const v = value.trim();
  const items = codeTable(table).items;
  return items.find((i) => shownLabel(table, i) === v || i.label === v || i.abbr === v) ?? items.find((i) => i.code === v);
}

/** A code-table value as shown and taken by the API: its label (sex: 男/女), found by label, short label or code. */
export function canonicalCode(table: string, value: string): string | null {
  const item = codeItem(table, value);
  return item ? shownLabel(table, item) : null;
}

/** The code of a value of a code field (a label or a code); null for '', null or a value in no item. */
export function codeOfValue(f: BasicField, value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  return codeItem(f.codes!, String(value))?.code ?? null;
}

/** The code stored for a value of a code field (a label or a code); null for '' or null. Throws for anything else. */
export function storedCode(f: BasicField, value: unknown): string | null {
  const code = codeOfValue(f, value);
  if (code === null && value !== null && value !== undefined && value !== '') throw new Error(`${f.name}: not in code table ${f.codes}: ${String(value)}`);
  return code;
}

/** The label of a stored code (a value that is no code of the table is shown as stored). */
export function labelOfStored(f: BasicField, code: string | null): string | null {
  if (code === null) return null;
  const item = codeTable(f.codes!).items.find((i) => i.code === code);
  return item ? shownLabel(f.codes!, item) : code;
}

/** The fields stored as codes. */
export const CODE_FIELDS = BASIC_FIELDS.filter((f) => f.kind === 'code');

/** The zod check of one basic field (present values; blank optional text means "clear"). */
export function basicSchema(f: BasicField): z.ZodType {
  switch (f.kind) {
    case 'name': return pattern(/^[\p{Script=Han}·A-Za-z]{1,50}$/u, '姓名须为 1–50 个汉字或字母');
    case 'month': return pattern(MONTH_RE, `${f.label}格式应为 YYYYMM，如 197503`);
    case 'partyJoin': return z.string().trim().max(f.max ?? 40, `${f.label}最长 ${f.max} 个字符`)
      .refine((v) => v === '' || MONTH_RE.test(v) || /^[\p{Script=Han}（）()]{2,20}$/u.test(v), `${f.label}应为 YYYYMM，或民主党派名称`);
    case 'code': {
      const title = codeTable(f.codes!).title;
      return z.string().trim().transform((v, ctx) => {
        if (v === '') return '';
        const c = canonicalCode(f.codes!, v);
        if (c === null) ctx.addIssue({ code: 'custom', message: `${f.label}「${v}」不在${title}中` });
        return c ?? v;
      });
    }
    case 'int': return z.number().int(`${f.label}须为整数`).min(0, `${f.label}须为 0–1000000 的整数`).max(1_000_000, `${f.label}须为 0–1000000 的整数`);
    case 'text': return text(f.label, f.max ?? 200, 0);
    case 'longtext': return text(f.label, f.max ?? 2000, 0);
  }
}

/** GB 11643-1999 citizen ID: 17 digits and a check character (ISO 7064 MOD 11-2), with a real birth date. */
export function validIdNumber(raw: string): boolean {
  const s = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(s)) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(s[i]), 0);
  if ('10X98765432'[sum % 11] !== s[17]) return false;
  const y = Number(s.slice(6, 10)), m = Number(s.slice(10, 12)), d = Number(s.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  return y >= 1900 && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * Shown to everyone but officers: the 6-digit region code only; the birth date, the 3 sequence digits and the
 * check character are all hidden. Keeping the sequence or the check character visible (the old "前 6 后 4") left
 * about three candidates once birthMonth narrowed the date; with only the region shown, a guess must cover every
 * day of the birth month and all 1,000 sequences (~30,000 numbers), and the ID-number filter that could test a
 * guess is officers-only.
 */
export const maskIdNumber = (s: string) => `${s.slice(0, 6)}${'*'.repeat(Math.max(0, s.length - 6))}`;
