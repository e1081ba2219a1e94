// .lrmx — the Organization Department's appointment-form file: UTF-8 XML, root <Person>, one element per field,
// <JiaTingChengYuan><Item>…</Item></JiaTingChengYuan> for the family, <ZhaoPian> a base64 JPEG. Elements this
// version does not know (DaoLingNianYue, GaiGeQianRenZhiNianLingJieXian, …) are kept, never rejected.
import { decodeXmlText, FormError, parseXmlObject, unescapeXml } from './safe-xml.js';
import { currentMonth, familyAges, FAMILY_KEYS, KNOWN_LABELS, LRMX_ORDER, MAX_VALUE_CHARS, MONTH_KEYS, normaliseMonth, readAge, type FamilyItem, type FormFields } from './model.js';

const text = (v: unknown): string => {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return unescapeXml(v).replace(/\r\n?/g, '\n').trim();
  if (typeof v === 'object' && '#text' in (v as object)) return text((v as Record<string, unknown>)['#text']);
  return '';
};

export function parseLrmx(buf: Buffer): { fields: FormFields; warnings: string[] } {
  const doc = parseXmlObject(decodeXmlText(buf), '文件', (path) => path === 'Person.JiaTingChengYuan.Item');
  const person = doc.Person;
  if (!person || typeof person !== 'object') throw new FormError('不是干部任免审批表文件（根元素应为 Person）');
  const fields: FormFields = {};
  const warnings: string[] = [];
  const ages = new Map<FamilyItem, number>();
  for (const [key, raw] of Object.entries(person as Record<string, unknown>)) {
    if (key.startsWith('@_') || key.startsWith('#')) continue;
    if (key === 'JiaTingChengYuan') {
      const items = raw && typeof raw === 'object' ? ((raw as Record<string, unknown>).Item as unknown[] | undefined) ?? [] : [];
      fields.JiaTingChengYuan = items.map((it) => {
        const o = (it && typeof it === 'object' ? it : {}) as Record<string, unknown>;
        // Object.fromEntries drops the key names; FAMILY_KEYS are exactly FamilyItem's (all strings).
        const item = Object.fromEntries(FAMILY_KEYS.map((k) => [k, text(o[k])])) as unknown as FamilyItem;
        // An age instead of a birth date (in ChuShengRiQi, or in an element NianLing some tools write).
        const age = text(o.NianLing);
        if (item.ChuShengRiQi) {
          const m = normaliseMonth(item.ChuShengRiQi);
          const years = m ? null : readAge(item.ChuShengRiQi);
          if (m) item.ChuShengRiQi = m;
          else if (years !== null) ages.set(item, years);
          else {
            warnings.push(`家庭成员「${item.XingMing}」的出生日期「${item.ChuShengRiQi}」无法识别，已留空`);
            item.ChuShengRiQi = '';
          }
        } else if (age && readAge(age) !== null) {
          ages.set(item, readAge(age)!);
        }
        return item;
      }).filter((i) => i.XingMing || i.ChengWei);
      continue;
    }
    if (typeof raw === 'object' && raw !== null && !('#text' in raw)) {
      // A structure this version does not know: kept as its JSON.
      fields[key] = JSON.stringify(raw);
      continue;
    }
    const v = text(raw);
    if (v.length > MAX_VALUE_CHARS && key !== 'ZhaoPian') throw new FormError(`「${KNOWN_LABELS[key] ?? key}」过长（超过 ${MAX_VALUE_CHARS} 字）`);
    if (MONTH_KEYS.has(key) && v) {
      const m = normaliseMonth(v);
      if (m) fields[key] = m;
      else {
        fields[key] = v;
        warnings.push(`「${KNOWN_LABELS[key] ?? key}」的值「${v}」不是有效的年月`);
      }
    } else if (key === 'RuDangShiJian' && v) {
      fields[key] = normaliseMonth(v) ?? v;
    } else if (key === 'ZhaoPian') {
      fields[key] = v.replace(/\s+/g, '');
    } else {
      fields[key] = v;
    }
  }
  if (!fields.XingMing) throw new FormError('文件中没有姓名（XingMing），不是有效的干部任免审批表');
  familyAges(fields, ages, currentMonth(), warnings);
  return { fields, warnings };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The form → .lrmx text (elements in the standard order, unknown ones after, family as Items). */
export function writeLrmx(fields: FormFields): string {
  const keys = [...LRMX_ORDER.filter((k) => k in fields || k === 'JiaTingChengYuan'), ...Object.keys(fields).filter((k) => !LRMX_ORDER.includes(k))];
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<Person>'];
  for (const k of keys) {
    if (!/^[A-Za-z_][\w.-]*$/.test(k)) continue;
    if (k === 'JiaTingChengYuan') {
      const items = fields.JiaTingChengYuan ?? [];
      lines.push('  <JiaTingChengYuan>');
      for (const it of items) {
        lines.push(`    <Item>${FAMILY_KEYS.map((f) => `<${f}>${esc(it[f] ?? '')}</${f}>`).join('')}</Item>`);
      }
      lines.push('  </JiaTingChengYuan>');
      continue;
    }
    const v = fields[k];
    if (typeof v !== 'string') continue;
    lines.push(`  <${k}>${esc(v)}</${k}>`);
  }
  lines.push('</Person>', '');
  return lines.join('\r\n');
}
