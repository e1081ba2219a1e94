// The appointment form (干部任免审批表) as an editable Word file in the standard layout: page 1 the basic
// information with the photo and the resume, page 2 rewards, assessment, reason, family, reporting unit and the
// approval boxes. The reader (docx-read.ts) finds every field of this layout by its label, so export → import
// reproduces the cadre.
import {
  AlignmentType, Document, HeightRule, ImageRun, Packer, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun,
  VerticalAlign, WidthType, type ISectionOptions,
} from 'docx';
import sharp from 'sharp';
import { ageAt, printMonth, type FormFields } from './model.js';

const COLS = [1180, 1320, 1000, 1260, 1300, 1340, 900, 1300];
const FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体' };
const SIZE = 22; // half-points: 11 pt

const width = (from: number, span: number) => COLS.slice(from, from + span).reduce((a, b) => a + b, 0);

function paragraphs(text: string, opts: { center?: boolean; bold?: boolean; size?: number } = {}): Paragraph[] {
  const lines = text ? text.split('\n') : [''];
  return lines.map((l) => new Paragraph({
    alignment: opts.center ? AlignmentType.CENTER : AlignmentType.LEFT,
    spacing: { before: 0, after: 0, line: 300 },
    children: [new TextRun({ text: l, font: FONT, size: opts.size ?? SIZE, bold: opts.bold })],
  }));
}

interface CellSpec { text?: string; col: number; span?: number; rowSpan?: number; label?: boolean; image?: Paragraph; left?: boolean }
const cell = (c: CellSpec) => new TableCell({
  columnSpan: c.span ?? 1,
  rowSpan: c.rowSpan,
  width: { size: width(c.col, c.span ?? 1), type: WidthType.DXA },
  verticalAlign: c.left ? VerticalAlign.TOP : VerticalAlign.CENTER,
  margins: { left: 80, right: 80, top: 40, bottom: 40 },
  children: c.image ? [c.image] : paragraphs(c.text ?? '', { center: !c.left }),
});
const row = (cells: CellSpec[], height = 680) => new TableRow({
  height: { value: height, rule: HeightRule.ATLEAST },
  cantSplit: true,
  children: cells.map(cell),
});
const table = (rows: TableRow[]) => new Table({
  rows, layout: TableLayoutType.FIXED, columnWidths: COLS, width: { size: width(0, 8), type: WidthType.DXA },
});

const s = (f: FormFields, k: string) => (typeof f[k] === 'string' ? (f[k] as string) : '');

/** "大学\n工学学士" as the form prints education: level over degree. */
const edu = (f: FormFields, p: string) => [s(f, `${p}_XueLi`), s(f, `${p}_XueWei`)].filter(Boolean).join('\n');
const schools = (f: FormFields, p: string) => {
  const a = s(f, `${p}_XueLi_BiYeYuanXiaoXi`), b = s(f, `${p}_XueWei_BiYeYuanXiaoXi`);
  return [a, b !== a ? b : ''].filter(Boolean).join('\n');
};

async function photoParagraph(base64: string | undefined): Promise<Paragraph | undefined> {
  if (!base64) return undefined;
  try {
    const data = Buffer.from(base64, 'base64');
    const meta = await sharp(data).metadata();
    if (!meta.width || !meta.height) return undefined;
    const h = 150, w = Math.round((meta.width / meta.height) * h);
    return new Paragraph({ alignment: AlignmentType.CENTER, children: [new ImageRun({ type: 'jpg', data, transformation: { width: Math.min(w, 120), height: h } })] });
  } catch {
    return undefined;
  }
}

export async function buildFormDocx(f: FormFields, asOf: string): Promise<Buffer> {
  const birth = s(f, 'ChuShengNianYue');
  const age = ageAt(birth, s(f, 'JiSuanNianLingShiJian') || asOf);
  const photo = await photoParagraph(s(f, 'ZhaoPian'));
  const family = f.JiaTingChengYuan ?? [];
  const familyRows = Math.max(family.length, 6);

  const page1 = table([
    row([
      { text: '姓  名', col: 0, label: true }, { text: s(f, 'XingMing'), col: 1 }, { text: '性  别', col: 2 }, { text: s(f, 'XingBie'), col: 3 },
      { text: '出生年月\n（岁）', col: 4 }, { text: birth ? `${printMonth(birth)}${age !== null ? `\n（${age}岁）` : ''}` : '', col: 5 },
      { col: 6, span: 2, rowSpan: 4, image: photo ?? new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: '（照片）', font: FONT, size: SIZE })] }) },
    ]),
    row([
      { text: '民  族', col: 0 }, { text: s(f, 'MinZu'), col: 1 }, { text: '籍  贯', col: 2 }, { text: s(f, 'JiGuan'), col: 3 },
      { text: '出 生 地', col: 4 }, { text: s(f, 'ChuShengDi'), col: 5 },
    ]),
    row([
      { text: '入党时间', col: 0 }, { text: printMonth(s(f, 'RuDangShiJian')), col: 1 }, { text: '参加工作\n时间', col: 2 },
      { text: printMonth(s(f, 'CanJiaGongZuoShiJian')), col: 3 }, { text: '健康状况', col: 4 }, { text: s(f, 'JianKangZhuangKuang'), col: 5 },
    ]),
    row([
      { text: '专业技术\n职务', col: 0 }, { text: s(f, 'ZhuanYeJiShuZhiWu'), col: 1, span: 2 }, { text: '熟悉专业\n有何专长', col: 3 },
      { text: s(f, 'ShuXiZhuanYeYouHeZhuanChang'), col: 4, span: 2 },
    ]),
    row([
      { text: '学  历\n学  位', col: 0, rowSpan: 2 }, { text: '全日制\n教  育', col: 1 }, { text: edu(f, 'QuanRiZhiJiaoYu'), col: 2, span: 2 },
      { text: '毕业院校\n系及专业', col: 4 }, { text: schools(f, 'QuanRiZhiJiaoYu'), col: 5, span: 3 },
    ]),
    row([
      { text: '在  职\n教  育', col: 1 }, { text: edu(f, 'ZaiZhiJiaoYu'), col: 2, span: 2 },
      { text: '毕业院校\n系及专业', col: 4 }, { text: schools(f, 'ZaiZhiJiaoYu'), col: 5, span: 3 },
    ]),
    row([{ text: '现 任 职 务', col: 0, span: 2 }, { text: s(f, 'XianRenZhiWu'), col: 2, span: 6, left: true }]),
    row([{ text: '拟 任 职 务', col: 0, span: 2 }, { text: s(f, 'NiRenZhiWu'), col: 2, span: 6, left: true }]),
    row([{ text: '拟 免 职 务', col: 0, span: 2 }, { text: s(f, 'NiMianZhiWu'), col: 2, span: 6, left: true }]),
    row([{ text: '简\n\n\n\n历', col: 0 }, { text: s(f, 'JianLi'), col: 1, span: 7, left: true }], 6800),
  ]);

  const page2 = table([
    row([{ text: '奖惩\n情况', col: 0 }, { text: s(f, 'JiangChengQingKuang'), col: 1, span: 7, left: true }], 1400),
    row([{ text: '年度考核\n结果', col: 0 }, { text: s(f, 'NianDuKaoHeJieGuo'), col: 1, span: 7, left: true }], 1000),
    row([{ text: '任免\n理由', col: 0 }, { text: s(f, 'RenMianLiYou'), col: 1, span: 7, left: true }], 1000),
    row([
      { text: '家庭主要成员及重要社会关系', col: 0, rowSpan: familyRows + 1 }, { text: '称 谓', col: 1 }, { text: '姓  名', col: 2 },
      { text: '出生年月', col: 3 }, { text: '政治面貌', col: 4 }, { text: '工作单位及职务', col: 5, span: 3 },
    ], 560),
    ...Array.from({ length: familyRows }, (_, i) => {
      const m = family[i];
      return row([
        { text: m?.ChengWei ?? '', col: 1 }, { text: m?.XingMing ?? '', col: 2 }, { text: printMonth(m?.ChuShengRiQi ?? ''), col: 3 },
        { text: m?.ZhengZhiMianMao ?? '', col: 4 }, { text: m?.GongZuoDanWeiJiZhiWu ?? '', col: 5, span: 3, left: true },
      ], 560);
    }),
    row([{ text: '呈报\n单位', col: 0 }, { text: s(f, 'ChengBaoDanWei'), col: 1, span: 7, left: true }], 900),
    row([{ text: '审批机\n关意见', col: 0 }, { text: '\n\n（盖章）\n年    月    日', col: 1, span: 7 }], 1500),
    row([{ text: '行政机关\n任免意见', col: 0 }, { text: '\n\n（盖章）\n年    月    日', col: 1, span: 7 }], 1500),
    row([
      { text: '填表人', col: 0 }, { text: s(f, 'TianBiaoRen'), col: 1, span: 3 },
      { text: '填表时间', col: 4 }, { text: printMonth(s(f, 'TianBiaoShiJian')), col: 5, span: 3 },
    ], 560),
  ]);

  const page = { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1000, left: 1134, right: 1134 } };
  const sections: ISectionOptions[] = [
    { properties: { page }, children: [...paragraphs('干部任免审批表', { center: true, bold: true, size: 36 }), new Paragraph({ children: [] }), page1] },
    { properties: { page }, children: [page2] },
  ];
  return Packer.toBuffer(new Document({ creator: '廉政档案管理系统', title: `干部任免审批表：${s(f, 'XingMing')}`, sections }));
}
