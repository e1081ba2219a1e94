// A picker over a national code table (民族, 政治面貌, 职级 …): type the label, its pinyin or its initials
// ("hz" → 汉族, "zgdy" → 中共党员) or the code. Tables are loaded once per page load and shared.
import { useEffect, useState } from 'react';
import { Select, type SelectProps } from 'antd';
import { gql } from '../api/graphql';

export interface CodeItem { code: string; label: string; abbr: string | null; parent: string | null; initials: string; pinyin: string }
interface CodeTable { name: string; title: string; items: CodeItem[] }

const QUERY = 'query($n:[String!]){ codeTables(names:$n){ name title items { code label abbr parent initials pinyin } } }';
const cache = new Map<string, Promise<CodeTable | null>>();

export function loadCodeTable(name: string): Promise<CodeTable | null> {
  let p = cache.get(name);
  if (!p) {
    p = gql<{ codeTables: CodeTable[] }>(QUERY, { n: [name] }).then((d) => d.codeTables[0] ?? null);
    p.catch(() => cache.delete(name));
    cache.set(name, p);
  }
  return p;
}

/** Does an item answer a query typed into the picker? */
export function codeMatches(item: CodeItem, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  return item.label.includes(q) || (item.abbr ?? '').includes(q) || item.initials.startsWith(q) || item.pinyin.startsWith(q) || item.code === q;
}

/** The value stored for an item: its label, except sex (男 / 女). */
const stored = (table: string, i: CodeItem) => (table === 'sex' ? i.abbr ?? i.label : i.label);

type Props = Omit<SelectProps<string>, 'options' | 'showSearch' | 'filterOption'> & { table: string; groups?: boolean };

export function CodeSelect({ table, groups = false, placeholder, ...rest }: Props) {
  const [items, setItems] = useState<CodeItem[]>([]);
  useEffect(() => {
    let live = true;
    void loadCodeTable(table).then((t) => { if (live && t) setItems(t.items); });
    return () => { live = false; };
  }, [table]);
  // Hierarchical tables (家庭关系, 学历): the group entries are headings, not choices, unless asked for.
  const parents = new Set(items.map((i) => i.parent).filter(Boolean));
  const choices = groups ? items : items.filter((i) => !parents.has(i.code));
  return (
    <Select<string>
      {...rest}
      showSearch={{
        filterOption: (input, option) => {
          const item = choices.find((i) => stored(table, i) === option?.value);
          return item ? codeMatches(item, input) : false;
        },
      }}
      allowClear
      placeholder={placeholder ?? '输入名称或拼音首字母'}
      options={choices.map((i) => ({ value: stored(table, i), label: i.label }))}
      popupMatchSelectWidth={false}
    />
  );
}
