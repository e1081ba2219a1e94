// National-standard code tables: completeness, shape, lookups and pinyin search. Pure: no database.
import { describe, it, expect } from 'vitest';
import { CODE_TABLES, codeOf, codeTable, labelOf, searchCodes } from '../../services/api/src/modules/codes/tables.js';

const TABLES = [
  'sex', 'ethnicity', 'political_status', 'health', 'family_relation', 'education', 'degree', 'rank',
  'cadre_status', 'management_level',
];

describe('code tables: shape', () => {
  it('has every table, each with a title and a standard', () => {
    expect(Object.keys(CODE_TABLES).sort()).toEqual([...TABLES].sort());
    for (const name of TABLES) {
      const t = codeTable(name);
      expect(t.name).toBe(name);
      expect(t.title.length).toBeGreaterThan(0);
      expect(t.standard.length).toBeGreaterThan(0);
      expect(t.items.length).toBeGreaterThan(0);
    }
  });

  it('has unique codes, non-empty labels and pinyin, and parents inside the same table', () => {
    for (const t of Object.values(CODE_TABLES)) {
      const codes = t.items.map((i) => i.code);
      expect(new Set(codes).size, t.name).toBe(codes.length);
      for (const i of t.items) {
        expect(i.code, `${t.name} code`).toMatch(/^[0-9A-Z]+$/);
        expect(i.label.trim(), `${t.name} ${i.code}`).not.toBe('');
        expect(i.pinyin, `${t.name} ${i.code}`).toMatch(/^[a-z]+$/);
        expect(i.initials, `${t.name} ${i.code}`).toMatch(/^[a-z]+$/);
        if (i.parent !== undefined) {
          expect(codes, `${t.name} ${i.code} parent`).toContain(i.parent);
          expect(i.parent).not.toBe(i.code);
        }
      }
    }
  });

  it('rejects unknown tables', () => {
    expect(() => codeTable('nope')).toThrow(/Unknown code table/);
    expect(() => labelOf('toString', '1')).toThrow(/Unknown code table/);
  });
});

describe('code tables: contents', () => {
  it('ethnicity: the 56 ethnic groups 01–56 in the standard order, plus 97 and 98', () => {
    const items = codeTable('ethnicity').items;
    const groups = items.filter((i) => /^(0[1-9]|[1-4][0-9]|5[0-6])$/.test(i.code));
    expect(groups).toHaveLength(56);
    expect(groups.map((i) => i.code)).toEqual(Array.from({ length: 56 }, (_, n) => String(n + 1).padStart(2, '0')));
    expect(groups.every((i) => i.label.endsWith('族'))).toBe(true);
    expect(items.map((i) => i.code)).toEqual([...groups.map((i) => i.code), '97', '98']);
    expect(labelOf('ethnicity', '01')).toBe('汉族');
    expect(labelOf('ethnicity', '02')).toBe('蒙古族');
    expect(labelOf('ethnicity', '05')).toBe('维吾尔族');
    expect(labelOf('ethnicity', '23')).toBe('高山族');
    expect(labelOf('ethnicity', '56')).toBe('基诺族');
    expect(labelOf('ethnicity', '97')).toBe('其他');
    expect(labelOf('ethnicity', '98')).toBe('外国血统中国籍人士');
    expect(new Set(items.map((i) => i.label)).size).toBe(items.length);
  });

  it('political_status: 13 entries 01–13', () => {
    const items = codeTable('political_status').items;
    expect(items).toHaveLength(13);
    expect(items.map((i) => i.code)).toEqual(Array.from({ length: 13 }, (_, n) => String(n + 1).padStart(2, '0')));
    expect(labelOf('political_status', '01')).toBe('中共党员');
    expect(labelOf('political_status', '13')).toBe('群众');
  });

  it('sex and health follow GB/T 2261.1 / 2261.3', () => {
    expect(codeTable('sex').items.map((i) => i.code)).toEqual(['0', '1', '2', '9']);
    expect(codeOf('sex', '男')).toBe('1');
    expect(codeOf('sex', '女性')).toBe('2');
    expect(codeTable('health').items.map((i) => i.code)).toEqual(['1', '2', '3', '6']);
  });

  it('family_relation: sub-codes grouped under their category', () => {
    const byCode = new Map(codeTable('family_relation').items.map((i) => [i.code, i]));
    expect(byCode.get('11')).toMatchObject({ label: '夫', parent: '10' });
    expect(byCode.get('12')).toMatchObject({ label: '妻', parent: '10' });
    expect(byCode.get('51')).toMatchObject({ label: '父亲', parent: '50' });
    expect(byCode.get('52')).toMatchObject({ label: '母亲', parent: '50' });
    expect(byCode.get('10')?.label).toBe('配偶');
    expect(byCode.get('50')?.label).toBe('父母');
    expect(byCode.get('01')?.label).toBe('本人');
    expect(byCode.get('99')?.label).toBe('非亲属');
    // Every two-digit sub-code sits under its ten (21 → 20 …, 91 → 80 其他).
    for (const i of byCode.values()) {
      if (i.parent === undefined) continue;
      const tens = `${Math.min(Number(i.code[0]), 8)}0`;
      expect(i.parent, i.code).toBe(tens);
    }
  });

  it('education and degree are hierarchical', () => {
    const edu = new Map(codeTable('education').items.map((i) => [i.code, i]));
    expect(edu.get('21')).toMatchObject({ label: '大学本科毕业', parent: '20' });
    expect(edu.get('31')).toMatchObject({ label: '大学专科毕业', parent: '30' });
    expect(edu.get('14')).toMatchObject({ label: '硕士研究生毕业', parent: '10' });
    const deg = new Map(codeTable('degree').items.map((i) => [i.code, i]));
    expect(deg.get('201')).toMatchObject({ label: '哲学博士学位', parent: '2' });
    expect(deg.get('346')).toMatchObject({ label: '工商管理硕士专业学位', parent: '3' });
    expect(deg.get('408')).toMatchObject({ label: '工学学士学位', parent: '4' });
  });

  it('rank: 8 leadership levels and 12 ranks, highest first', () => {
    const items = codeTable('rank').items;
    const under = (p: string) => items.filter((i) => i.parent === p).map((i) => i.label);
    const [lead, ranks] = ['领导职务', '职级'].map((l) => under(codeOf('rank', l)!));
    expect(lead).toEqual(['省部级正职', '省部级副职', '厅局级正职', '厅局级副职', '县处级正职', '县处级副职', '乡科级正职', '乡科级副职']);
    expect(ranks).toHaveLength(12);
    expect(ranks[0]).toBe('一级巡视员');
    expect(ranks[11]).toBe('二级科员');
  });

  it('product lists: cadre_status and management_level coded 1..7', () => {
    expect(codeTable('cadre_status').items.map((i) => `${i.code}${i.label}`)).toEqual(
      ['1在职', '2退休', '3调离', '4去世', '5辞职', '6免职待分配', '7其他']);
    expect(codeTable('management_level').items.map((i) => i.code)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
  });
});

describe('code tables: lookups and search', () => {
  it('labelOf / codeOf, including abbreviations', () => {
    expect(labelOf('ethnicity', '99')).toBeUndefined();
    expect(codeOf('ethnicity', '汉族')).toBe('01');
    expect(codeOf('ethnicity', '汉')).toBe('01');
    expect(codeOf('ethnicity', ' 维吾尔族 ')).toBe('05');
    expect(codeOf('ethnicity', '汉人')).toBeUndefined();
    expect(codeOf('political_status', '群众')).toBe('13');
  });

  it('computes pinyin initials and full pinyin', () => {
    const dy = codeTable('political_status').items.find((i) => i.label === '中共党员')!;
    expect(dy.initials).toBe('zgdy');
    expect(dy.pinyin).toBe('zhonggongdangyuan');
    const hz = codeTable('ethnicity').items[0];
    expect(hz).toMatchObject({ initials: 'hz', pinyin: 'hanzu' });
    const fr = new Map(codeTable('family_relation').items.map((i) => [i.code, i]));
    expect(fr.get('28')?.pinyin).toBe('nvxu'); // ü as v
    expect(fr.get('22')?.pinyin).toBe('zhangzi'); // 长 read zhang
    expect(fr.get('32')?.pinyin).toBe('zhangnv');
    expect(fr.get('47')?.initials).toBe('zszhwzsz'); // 曾 read zeng
  });

  it('searchCodes: initials, pinyin prefix, label substring; exact first', () => {
    const hz = searchCodes('ethnicity', 'hz');
    expect(hz[0].label).toBe('汉族');
    expect(hz.map((i) => i.label)).toContain('回族');
    expect(searchCodes('ethnicity', 'HZ')[0].label).toBe('汉族');
    expect(searchCodes('ethnicity', 'weiwu')[0].label).toBe('维吾尔族');
    expect(searchCodes('political_status', '群').map((i) => i.label)).toEqual(['群众']);
    expect(searchCodes('political_status', 'zgdy')[0].label).toBe('中共党员');
    // Exact label ahead of prefix matches (大学本科教育 before 大学本科毕业 …).
    expect(searchCodes('education', '大学本科毕业')[0].code).toBe('21');
    // Substring matches rank after prefix matches.
    const gz = searchCodes('education', '高中').map((i) => i.code);
    expect(gz).toEqual(['44', '45', '46', '61', '62', '63']);
    expect(searchCodes('ethnicity', 'xyz')).toEqual([]);
  });

  it('searchCodes returns at most 50 items', () => {
    expect(searchCodes('family_relation', '').length).toBe(50);
    expect(searchCodes('degree', '学位').length).toBe(50);
  });
});
