// The Excel roster (花名册) for units that keep their cadres in spreadsheets: one row per cadre under a header row
// of the template's column titles (GET /api/imports/template.xlsx). Columns are found by their titles, so a unit may
// reorder or drop them. Months may be text ("1975.03"), numbers (197503 or 1975.03) or real dates.
import ExcelJS from 'exceljs';
import { readZip } from './safe-zip.js';
import { FormError } from './safe-xml.js';
import { cleanValue, MAX_VALUE_CHARS, MONTH_KEYS, normaliseMonth, type FormFields } from './model.js';

export const ROSTER_COLUMNS: { key: string; title: string; width: number; note?: string }[] = [
  { key: 'XingMing', title: '姓名', width: 10, note: '必填' },
  { key: 'XingBie', title: '性别', width: 6 },
  { key: 'ChuShengNianYue', title: '出生年月', width: 10, note: '如 1975.03' },
  { key: 'MinZu', title: '民族', width: 8 },
  { key: 'JiGuan', title: '籍贯', width: 12 },
  { key: 'ChuShengDi', title: '出生地', width: 12 },
  { key: 'RuDangShiJian', title: '入党时间', width: 10, note: '如 1998.06，或民主党派名称' },
  { key: 'CanJiaGongZuoShiJian', title: '参加工作时间', width: 12 },
  { key: 'JianKangZhuangKuang', title: '健康状况', width: 10 },
  { key: 'ZhuanYeJiShuZhiWu', title: '专业技术职务', width: 14 },
  { key: 'ShuXiZhuanYeYouHeZhuanChang', title: '熟悉专业有何专长', width: 16 },
  { key: 'QuanRiZhiJiaoYu_XueLi', title: '全日制学历', width: 10 },
  { key: 'QuanRiZhiJiaoYu_XueWei', title: '全日制学位', width: 12 },
  { key: 'QuanRiZhiJiaoYu_XueLi_BiYeYuanXiaoXi', title: '全日制毕业院校系及专业', width: 24 },
  { key: 'ZaiZhiJiaoYu_XueLi', title: '在职学历', width: 10 },
  { key: 'ZaiZhiJiaoYu_XueWei', title: '在职学位', width: 12 },
  { key: 'ZaiZhiJiaoYu_XueLi_BiYeYuanXiaoXi', title: '在职毕业院校系及专业', width: 24 },
  { key: 'XianRenZhiWu', title: '现任职务', width: 28 },
  { key: 'ShenFenZheng', title: '公民身份号码', width: 22 },
  { key: 'JianLi', title: '简历', width: 50, note: '每段一行：1993.09--1997.07 云南大学学习' },
];

const BY_TITLE = new Map(ROSTER_COLUMNS.map((c) => [c.title, c.key]));
const MAX_ROWS = 5_000;

/** A cell's value as text; months as YYYYMM where the column holds a month. */
function cellText(v: ExcelJS.CellValue, month: boolean): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return `${v.getUTCFullYear()}${String(v.getUTCMonth() + 1).padStart(2, '0')}`;
  if (typeof v === 'number') return month && !Number.isInteger(v) ? v.toFixed(2) : String(v);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v) return String(v.text);
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue, month);
    return '';
  }
  return String(v);
}

export interface RosterRow { name: string; fields?: FormFields; warnings: string[]; error?: string }

export async function parseRoster(buf: Buffer, name: string): Promise<RosterRow[]> {
  // Inflate under the limits first: the spreadsheet library then reads data whose size is known to be bounded.
  await readZip(buf, () => true, name);
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs types load() with its own older Buffer declaration, which Node's Buffer no longer matches.
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch (e) {
    throw new FormError('不是有效的 Excel 工作簿，可能已损坏', e instanceof Error ? e.message : undefined);
  }
  const ws = wb.worksheets.find((w) => w.state !== 'hidden');
  if (!ws) throw new FormError('工作簿中没有工作表');
  let headerRow = 0;
  const cols = new Map<number, string>();
  for (let r = 1; r <= Math.min(ws.rowCount, 10) && !headerRow; r++) {
    ws.getRow(r).eachCell((c, col) => {
      const key = BY_TITLE.get(cellText(c.value, false).replace(/[\s\u3000*＊]/g, ''));
      if (key) cols.set(col, key);
    });
    if ([...cols.values()].includes('XingMing')) headerRow = r;
    else cols.clear();
  }
  if (!headerRow) throw new FormError('未找到含「姓名」的表头行，不是干部花名册模板');
  if (ws.rowCount - headerRow > MAX_ROWS) throw new FormError(`花名册超过 ${MAX_ROWS} 行，请分批导入`);
  const out: RosterRow[] = [];
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const fields: FormFields = {};
    const warnings: string[] = [];
    for (const [col, key] of cols) {
      const raw = cellText(row.getCell(col).value, MONTH_KEYS.has(key) || key === 'RuDangShiJian').trim();
      if (raw.length > MAX_VALUE_CHARS) return [...out, { name: `${name} 第 ${r} 行`, warnings, error: `「${key}」内容过长` }];
      let v = key === 'JianLi' ? raw.replace(/\r\n?/g, '\n') : cleanValue(raw).replace(/\n/g, ' ');
      if (v && (MONTH_KEYS.has(key) || key === 'RuDangShiJian')) {
        const m = normaliseMonth(v);
        if (m) v = m;
        else if (key !== 'RuDangShiJian') {
          warnings.push(`「${ROSTER_COLUMNS.find((c) => c.key === key)!.title}」的值「${v}」不是有效的年月，已留空`);
          v = '';
        }
      }
      if (key === 'ShenFenZheng') v = v.replace(/\s+/g, '').toUpperCase();
      fields[key] = v;
    }
    if (Object.values(fields).every((v) => !v)) continue;
    const label = `${name} 第 ${r} 行${fields.XingMing ? `（${fields.XingMing}）` : ''}`;
    if (!fields.XingMing) {
      out.push({ name: label, warnings, error: '没有填写姓名' });
      continue;
    }
    // Education from a roster: the degree's school is the level's school unless given apart.
    for (const p of ['QuanRiZhiJiaoYu', 'ZaiZhiJiaoYu']) {
      if (fields[`${p}_XueWei`] && fields[`${p}_XueWei_BiYeYuanXiaoXi`] === undefined) fields[`${p}_XueWei_BiYeYuanXiaoXi`] = fields[`${p}_XueLi_BiYeYuanXiaoXi`] ?? '';
    }
    out.push({ name: label, fields, warnings });
  }
  if (!out.length) throw new FormError('花名册中没有干部数据');
  return out;
}

/** The blank template: the header row, column notes and a sheet of instructions. */
export async function rosterTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '廉政档案管理系统';
  const ws = wb.addWorksheet('干部花名册', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = ROSTER_COLUMNS.map((c) => ({ header: c.title, key: c.key, width: c.width, style: { numFmt: '@' } }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center' };
  header.height = 22;
  ROSTER_COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2E6E6' } };
    if (c.note) cell.note = c.note;
  });
  const help = wb.addWorksheet('填写说明');
  help.columns = [{ width: 100 }];
  for (const line of [
    '干部花名册填写说明',
    '1. 每行一名干部；第一行为表头，列名不可修改，可删除不需要的列。',
    '2. 年月统一写作 1975.03 或 197503；入党时间也可填写民主党派名称。',
    '3. 性别、民族、学历等按国家标准名称填写（如 男、汉族、大学）。',
    '4. 公民身份号码用于匹配已有干部：匹配到的干部将被更新，不会重复建档。',
    '5. 简历每段一行（单元格内换行：Alt+Enter），格式：1993.09--1997.07 云南大学经济系学习。',
  ]) help.addRow([line]);
  help.getRow(1).font = { bold: true, size: 14 };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
