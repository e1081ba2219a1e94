// The code tables for the console's pickers (search by label, pinyin or initials happens in the browser).
import { z } from 'zod';
import { builder } from '../../graphql/builder.js';
import { session } from '../../graphql/context.js';
import { CODE_TABLES, type CodeItem, type CodeTable } from './tables.js';

const Item = builder.objectRef<CodeItem>('CodeItem').implement({
  fields: (t) => ({
    code: t.exposeString('code'),
    label: t.exposeString('label'),
    abbr: t.string({ nullable: true, description: '简称（如 男、汉）', resolve: (i) => i.abbr ?? null }),
    parent: t.string({ nullable: true, description: '上级代码（分组）', resolve: (i) => i.parent ?? null }),
    initials: t.exposeString('initials', { description: '拼音首字母' }),
    pinyin: t.exposeString('pinyin', { description: '全拼' }),
  }),
});

const Table = builder.objectRef<CodeTable>('CodeTable').implement({
  description: '代码表（国家标准或本系统约定）',
  fields: (t) => ({
    name: t.exposeString('name'),
    title: t.exposeString('title'),
    standard: t.exposeString('standard'),
    items: t.field({ type: [Item], resolve: (x) => x.items }),
  }),
});

builder.queryField('codeTables', (t) =>
  t.field({
    extensions: { auditLabel: '查看代码表' },
    type: [Table],
    description: '代码表；不给 names 时为全部：sex, ethnicity, political_status, health, family_relation, education, degree, rank, cadre_status, management_level',
    args: { names: t.arg.stringList({ validate: z.array(z.string().max(40)).max(20, '一次最多 20 个代码表') }) },
    resolve: (_r, args, ctx) => {
      session(ctx);
      const names = args.names ?? Object.keys(CODE_TABLES);
      return names.map((n) => CODE_TABLES[n]).filter((x): x is CodeTable => !!x);
    },
  }),
);
