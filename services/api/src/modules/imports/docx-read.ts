// The appointment form as a Word file (.docx from Word, WPS or LibreOffice). The form is one big table on an
// 8-column grid with merged cells; fields are found by their labels ("姓　名", "出生年月\n（岁）" …), never by
// position: each label's value is the next cell to its right in the same row. Vertically merged cells (vMerge)
// are joined to the cell where the merge starts, gridSpan gives a cell its columns. The family sits in the second
// table under a header row (称谓 | 姓名 | 年龄 or 出生年月 | 政治面貌 | 工作单位及职务). The photo is the image in
// a cell of the first table.
import path from 'node:path/posix';
import { readZip } from './safe-zip.js';
import { decodeXmlText, FormError, parseXmlObject, parseXmlOrdered, unescapeXml, type OrderedNode } from './safe-xml.js';
import { cleanValue, currentMonth, familyAges, MONTH_KEYS, normaliseMonth, readAge, type FamilyItem, type FormFields } from './model.js';

interface Cell { row: number; col: number; span: number; text: string; images: string[]; origin?: Cell }
interface Table { rows: Cell[][] }

const tagOf = (n: OrderedNode) => Object.keys(n).find((k) => k !== ':@') ?? '';
const kids = (n: OrderedNode) => (n[tagOf(n)] as OrderedNode[] | undefined) ?? [];
const attr = (n: OrderedNode, name: string) => n[':@']?.[`@_${name}`];

/** Text of a subtree, paragraphs separated by newlines; images collected by relationship id. */
function collect(nodes: OrderedNode[], out: { text: string; images: string[] }) {
  for (const n of nodes) {
    const tag = tagOf(n);
    if (tag === '#text') continue;
    if (tag === 'w:t') {
      for (const t of kids(n)) if ('#text' in t) out.text += unescapeXml(String(t['#text']));
    } else if (tag === 'w:tab') {
      out.text += ' ';
    } else if (tag === 'w:br' || tag === 'w:cr') {
      out.text += '\n';
    } else if (tag === 'w:p') {
      if (out.text && !out.text.endsWith('\n')) out.text += '\n';
      collect(kids(n), out);
      out.text += '\n';
    } else if (tag === 'a:blip') {
      const id = attr(n, 'r:embed');
      if (id) out.images.push(id);
    } else if (tag === 'v:imagedata') {
      const id = attr(n, 'r:id');
      if (id) out.images.push(id);
    } else if (tag === 'w:delText' || tag === 'w:instrText' || tag === 'w:tcPr' || tag === 'w:pPr' || tag === 'w:rPr') {
      // deleted text, field codes and properties are not content
    } else {
      collect(kids(n), out);
    }
  }
}

/** Children named tag, looking through content controls (w:sdt/w:sdtContent) and custom XML wrappers. */
function childrenNamed(nodes: OrderedNode[], tag: string): OrderedNode[] {
  const out: OrderedNode[] = [];
  for (const n of nodes) {
    const t = tagOf(n);
    if (t === tag) out.push(n);
    else if (t === 'w:sdt' || t === 'w:sdtContent' || t === 'w:customXml' || t === 'w:smartTag') out.push(...childrenNamed(kids(n), tag));
  }
  return out;
}

function readTable(tbl: OrderedNode): Table {
  const rows: Cell[][] = [];
  const trs = childrenNamed(kids(tbl), 'w:tr');
  trs.forEach((tr, r) => {
    const trPr = kids(tr).find((n) => tagOf(n) === 'w:trPr');
    const before = trPr ? kids(trPr).find((n) => tagOf(n) === 'w:gridBefore') : undefined;
    let col = before ? Number(attr(before, 'w:val')) || 0 : 0;
    const cells: Cell[] = [];
    for (const tc of childrenNamed(kids(tr), 'w:tc')) {
      const pr = kids(tc).find((n) => tagOf(n) === 'w:tcPr');
      const prKids = pr ? kids(pr) : [];
      const spanNode = prKids.find((n) => tagOf(n) === 'w:gridSpan');
      const span = Math.max(1, Math.min(64, spanNode ? Number(attr(spanNode, 'w:val')) || 1 : 1));
      const vm = prKids.find((n) => tagOf(n) === 'w:vMerge');
      const out = { text: '', images: [] as string[] };
      collect(kids(tc).filter((n) => tagOf(n) !== 'w:tcPr'), out);
      const cell: Cell = { row: r, col, span, text: cleanValue(out.text), images: out.images };
      if (vm && attr(vm, 'w:val') !== 'restart') {
        // A continued vertical merge: belongs to the cell above that starts in the same column.
        const above = rows[r - 1]?.find((c) => c.col === col);
        const origin = above ? above.origin ?? above : undefined;
        if (origin) {
          cell.origin = origin;
          if (cell.text) origin.text = origin.text ? `${origin.text}\n${cell.text}` : cell.text;
          origin.images.push(...cell.images);
        }
      }
      cells.push(cell);
      col += span;
    }
    rows.push(cells);
  });
  return { rows };
}

function findTables(nodes: OrderedNode[], out: OrderedNode[]) {
  for (const n of nodes) {
    const t = tagOf(n);
    if (t === 'w:tbl') out.push(n);
    else if (t !== '#text' && t !== 'w:p') findTables(kids(n), out);
  }
}

/** A label as compared: no whitespace (ideographic spaces too), no colons, ASCII parentheses. */
const norm = (s: string) => s.replace(/[\s\u3000:：]/g, '').replace(/（/g, '(').replace(/）/g, ')');

const LABELS: Record<string, string> = {
  姓名: 'XingMing', 性别: 'XingBie', '出生年月(岁)': 'ChuShengNianYue', 出生年月: 'ChuShengNianYue', 民族: 'MinZu', 籍贯: 'JiGuan',
  出生地: 'ChuShengDi', 入党时间: 'RuDangShiJian', 参加工作时间: 'CanJiaGongZuoShiJian', 健康状况: 'JianKangZhuangKuang',
  专业技术职务: 'ZhuanYeJiShuZhiWu', 熟悉专业有何专长: 'ShuXiZhuanYeYouHeZhuanChang', 现任职务: 'XianRenZhiWu', 拟任职务: 'NiRenZhiWu',
  拟免职务: 'NiMianZhiWu', 简历: 'JianLi', 奖惩情况: 'JiangChengQingKuang', 年度考核结果: 'NianDuKaoHeJieGuo', 任免理由: 'RenMianLiYou',
  呈报单位: 'ChengBaoDanWei', 填表人: 'TianBiaoRen', 填表时间: 'TianBiaoShiJian', 计算年龄时间: 'JiSuanNianLingShiJian',
  公民身份号码: 'ShenFenZheng', 身份证号: 'ShenFenZheng', 身份证号码: 'ShenFenZheng',
};
const EDUCATION: Record<string, string> = { 全日制教育: 'QuanRiZhiJiaoYu', 在职教育: 'ZaiZhiJiaoYu' };
const OTHER_LABELS = new Set(['学历学位', '毕业院校系及专业', '家庭主要成员及重要社会关系', '审批机关意见', '行政机关任免意见', '称谓', '政治面貌', '工作单位及职务', '年龄']);
const isLabel = (c: Cell | undefined) => !!c && !c.origin && (norm(c.text) in LABELS || norm(c.text) in EDUCATION || OTHER_LABELS.has(norm(c.text)));

/** The value cell right of a label (a continued merge stands for its origin). */
function valueAfter(row: Cell[], i: number): string {
  const next = row[i + 1];
  if (!next) return '';
  const cell = next.origin ?? next;
  return isLabel(cell) ? '' : cell.text;
}

/** "大学\n工学学士" or "大学 工学学士" → [学历, 学位]. */
function splitEducation(v: string): [string, string] {
  const lines = v.split('\n').map((s) => s.trim()).filter(Boolean);
  if (lines.length >= 2) return [lines[0], lines.slice(1).join('')];
  const one = lines[0] ?? '';
  const m = /^(.*?)\s+(\S*(?:学士|硕士|博士)(?:学位)?)$/.exec(one);
  if (m) return [m[1], m[2]];
  if (/(学士|硕士|博士)(学位)?$/.test(one) && !/(研究生|大学|专科|中专|高中)/.test(one)) return ['', one];
  return [one, ''];
}

const FAMILY_HEADERS: Record<string, keyof FamilyItem | 'age'> = {
  称谓: 'ChengWei', 姓名: 'XingMing', 年龄: 'age', 出生年月: 'ChuShengRiQi', 出生日期: 'ChuShengRiQi', '出生年月(岁)': 'ChuShengRiQi',
  政治面貌: 'ZhengZhiMianMao', 工作单位及职务: 'GongZuoDanWeiJiZhiWu',
};

function readFamily(tables: Table[], warnings: string[], ages: Map<FamilyItem, number>): FamilyItem[] | undefined {
  for (const t of tables) {
    const h = t.rows.findIndex((row) => {
      const set = new Set(row.map((c) => norm(c.text)));
      return set.has('称谓') && set.has('姓名') && set.has('政治面貌');
    });
    if (h < 0) continue;
    const header = t.rows[h].filter((c) => !c.origin && norm(c.text) in FAMILY_HEADERS);
    const items: FamilyItem[] = [];
    for (const row of t.rows.slice(h + 1)) {
      if (row.some((c) => !c.origin && norm(c.text) in LABELS)) break;
      const item: FamilyItem = { ChengWei: '', XingMing: '', ChuShengRiQi: '', ZhengZhiMianMao: '', GongZuoDanWeiJiZhiWu: '' };
      let age = '';
      for (const c of row) {
        if (c.origin) continue;
        const hd = header.find((x) => c.col >= x.col && c.col < x.col + x.span);
        if (!hd) continue;
        const key = FAMILY_HEADERS[norm(hd.text)];
        const v = c.text.replace(/\n/g, key === 'GongZuoDanWeiJiZhiWu' ? '' : ' ').trim();
        if (key === 'age') age = v;
        else item[key] = v;
      }
      if (!item.XingMing && !item.ChengWei) continue;
      if (item.ChuShengRiQi) {
        const m = normaliseMonth(item.ChuShengRiQi);
        const years = m ? null : readAge(item.ChuShengRiQi);
        if (m) item.ChuShengRiQi = m;
        else if (years !== null) {
          item.ChuShengRiQi = '';
          ages.set(item, years);
        } else {
          warnings.push(`家庭成员「${item.XingMing}」的出生年月「${item.ChuShengRiQi}」无法识别，已留空`);
          item.ChuShengRiQi = '';
        }
      } else if (age) {
        const years = readAge(age);
        if (years !== null) ages.set(item, years);
        else warnings.push(`家庭成员「${item.XingMing}」的年龄「${age}」无法识别，出生年月留空`);
      }
      items.push(item);
    }
    return items;
  }
  return undefined;
}

const WANTED = (p: string) => p === 'word/document.xml' || p === 'word/_rels/document.xml.rels' || p.startsWith('word/media/');

export async function parseFormDocx(buf: Buffer, what = '文件'): Promise<{ fields: FormFields; warnings: string[]; photo?: Buffer }> {
  const entries = await readZip(buf, WANTED, what);
  const xml = entries.get('word/document.xml');
  if (!xml) throw new FormError('不是 Word 文档（缺少 word/document.xml）');
  const doc = parseXmlOrdered(decodeXmlText(xml), 'Word 文档正文');
  const tblNodes: OrderedNode[] = [];
  findTables(doc, tblNodes);
  const tables = tblNodes.map(readTable);
  const fields: FormFields = {};
  const warnings: string[] = [];

  for (const t of tables) {
    for (const row of t.rows) {
      row.forEach((cell, i) => {
        if (cell.origin) return;
        const label = norm(cell.text);
        const key = LABELS[label];
        if (key && fields[key] === undefined) {
          fields[key] = valueAfter(row, i);
        } else if (EDUCATION[label]) {
          const prefix = EDUCATION[label];
          const [level, degree] = splitEducation(valueAfter(row, i));
          const schoolAt = row.findIndex((c, j) => j > i && norm(c.text) === '毕业院校系及专业');
          const schools = schoolAt >= 0 ? valueAfter(row, schoolAt).split('\n').map((s) => s.trim()).filter(Boolean) : [];
          fields[`${prefix}_XueLi`] = level;
          fields[`${prefix}_XueWei`] = degree;
          fields[`${prefix}_XueLi_BiYeYuanXiaoXi`] = level ? schools[0] ?? '' : '';
          fields[`${prefix}_XueWei_BiYeYuanXiaoXi`] = degree ? (level ? schools[1] ?? schools[0] ?? '' : schools[0] ?? '') : '';
        }
      });
    }
  }
  if (fields.XingMing === undefined) throw new FormError('未找到「姓名」等栏目，不是干部任免审批表');
  fields.XingMing = (fields.XingMing as string).replace(/\s+/g, '');
  if (!fields.XingMing) throw new FormError('审批表中没有填写姓名');

  for (const key of [...MONTH_KEYS, 'RuDangShiJian']) {
    const v = fields[key];
    if (typeof v !== 'string' || !v) continue;
    const m = normaliseMonth(v);
    if (m) fields[key] = m;
    else if (key !== 'RuDangShiJian') {
      warnings.push(`「${key === 'ChuShengNianYue' ? '出生年月' : key === 'CanJiaGongZuoShiJian' ? '参加工作时间' : key}」的值「${v}」不是有效的年月，已留空`);
      fields[key] = '';
    } else {
      fields[key] = v.split('\n')[0].trim();
    }
  }
  for (const k of ['XingBie', 'MinZu', 'JianKangZhuangKuang']) {
    if (typeof fields[k] === 'string') fields[k] = (fields[k] as string).replace(/\s+/g, '');
  }
  const ages = new Map<FamilyItem, number>();
  const family = readFamily(tables, warnings, ages);
  if (family) fields.JiaTingChengYuan = family;
  familyAges(fields, ages, currentMonth(), warnings);

  // The photo: the first image of the first table.
  let photo: Buffer | undefined;
  const imageId = tables[0]?.rows.flat().find((c) => c.images.length)?.images[0];
  if (imageId) {
    const relsXml = entries.get('word/_rels/document.xml.rels');
    const rels = relsXml ? parseXmlObject(decodeXmlText(relsXml), 'Word 文档关系表', (p) => p === 'Relationships.Relationship') : {};
    const list = ((rels.Relationships as Record<string, unknown> | undefined)?.Relationship as Record<string, string>[] | undefined) ?? [];
    const target = list.find((r) => r['@_Id'] === imageId)?.['@_Target'];
    const file = target ? path.normalize(target.startsWith('/') ? target.slice(1) : path.join('word', target)) : undefined;
    photo = file ? entries.get(file) : undefined;
    if (!photo) warnings.push('审批表中的照片无法读取，已忽略');
  }
  return { fields, warnings, photo };
}
