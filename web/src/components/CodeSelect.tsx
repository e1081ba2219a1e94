// A picker over a national code table (民族, 政治面貌, 职级 …): type the label, its pinyin or its initials
// ("hz" → 汉族, "zgdy" → 中共党员) or the code. Tables are loaded once (cached for the session) and shared.
import { Select, type SelectProps } from 'antd';
import { useGqlQuery } from '../api/query';
import { graphql } from '../gql';
import type { CodeTableQuery } from '../gql/graphql';

export type CodeItem = CodeTableQuery['codeTables'][number]['items'][number];

const CodeTableDocument = graphql(`
  query CodeTable($n: [String!]) { codeTables(names: $n) { name title items { code label abbr parent initials pinyin } } }
`);

/** Does an item answer a query typed into the picker? */
export function codeMatches(item: CodeItem, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  return item.label.includes(q) || (item.abbr ?? '').includes(q) || item.initials.startsWith(q) || item.pinyin.startsWith(q) || item.code === q;
}

/** The value sent for an item: its label, as the API shows it (sex: 男 / 女); the API stores the code. */
const stored = (table: string, i: CodeItem) => (table === 'sex' ? i.abbr ?? i.label : i.label);

const NONE: CodeItem[] = [];

type Props = Omit<SelectProps<string>, 'options' | 'showSearch' | 'filterOption'> & { table: string; groups?: boolean };

export function CodeSelect({ table, groups = false, placeholder, ...rest }: Props) {
  const { data } = useGqlQuery(CodeTableDocument, { n: [table] }, { staleTime: Infinity });
  const items = data?.codeTables[0]?.items ?? NONE;
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
