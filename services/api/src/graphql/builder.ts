import SchemaBuilder, { type InterfaceRef, type ObjectRef } from '@pothos/core';
import ValidationPlugin from '@pothos/plugin-validation';
import { badInput, type Ctx } from './context.js';

export const builder = new SchemaBuilder<{
  Context: Ctx;
  DefaultFieldNullability: false;
  Scalars: { DateTime: { Input: string; Output: Date | string } };
}>({
  defaultFieldNullability: false,
  plugins: [ValidationPlugin],
  // Input schemas (graphql/inputs.ts) carry Chinese messages: the first failure is the answer.
  validation: { validationError: (failure) => badInput(failure.issues[0]?.message ?? '输入无效') },
});

builder.scalarType('DateTime', {
  description: 'ISO 8601 time with zone',
  serialize: (v) => (v instanceof Date ? v.toISOString() : new Date(v).toISOString()),
  parseValue: (v) => String(v),
});

builder.queryType({});
builder.mutationType({});

export const PageInfo = builder.objectRef<{ hasNextPage: boolean; endCursor: string | null }>('PageInfo').implement({
  fields: (t) => ({
    hasNextPage: t.exposeBoolean('hasNextPage'),
    endCursor: t.exposeString('endCursor', { nullable: true }),
  }),
});

export const MAX_PAGE = 500;

/** Opaque offset cursors. A malformed cursor reads as the start. */
export const encodeCursor = (offset: number) => Buffer.from(`o:${offset}`).toString('base64url');
export function decodeCursor(after: string | null | undefined): number {
  if (!after) return 0;
  const m = /^o:(\d{1,9})$/.exec(Buffer.from(after, 'base64url').toString());
  return m ? Number(m[1]) + 1 : 0;
}
export function pageSize(first: number | null | undefined, dflt = 20): number {
  if (first === null || first === undefined) return dflt;
  return Math.max(0, Math.min(MAX_PAGE, Math.trunc(first)));
}

/** The row offset of a page: an explicit `offset` (page-number paging) wins over the `after` cursor. */
export function pageOffset(args: { offset?: number | null; after?: string | null }): number {
  return args.offset !== null && args.offset !== undefined ? Math.max(0, Math.min(args.offset, 1e9)) : decodeCursor(args.after);
}

export function connection<T>(rows: T[], offset: number, totalCount: number) {
  return {
    totalCount,
    edges: rows.map((node, i) => ({ cursor: encodeCursor(offset + i), node })),
    pageInfo: {
      hasNextPage: offset + rows.length < totalCount,
      endCursor: rows.length ? encodeCursor(offset + rows.length - 1) : null,
    },
  };
}

export type Connection<T> = ReturnType<typeof connection<T>> & { totalCountIsEstimate?: boolean };

/** The Relay-style `<Name>Connection` and `<Name>Edge` types for a node type. */
export function connectionType<T>(
  name: string, node: ObjectRef<any, T> | InterfaceRef<any, T>, opts: { estimates?: boolean } = {},
) {
  const Edge = builder.objectRef<{ cursor: string; node: T }>(`${name}Edge`).implement({
    // Pothos types a resolver's result as a conditional type of T, which TypeScript cannot resolve for a generic T.
    fields: (t) => ({ cursor: t.exposeString('cursor'), node: t.field({ type: node, resolve: (e) => e.node as never }) }),
  });
  return builder.objectRef<Connection<T>>(`${name}Connection`).implement({
    fields: (t) => ({
      totalCount: t.exposeInt('totalCount', opts.estimates
        ? { description: '符合条件的总数；totalCountIsEstimate 为 true 时是估计值（显示为「约 N」）' } : {}),
      ...(opts.estimates ? {
        totalCountIsEstimate: t.boolean({
          description: 'totalCount 是否为估计值：精确计数会比读一页还贵时（超过服务端的精确计数上限）给出估计',
          resolve: (c) => c.totalCountIsEstimate ?? false,
        }),
      } : {}),
      edges: t.field({ type: [Edge], resolve: (c) => c.edges }),
      pageInfo: t.field({ type: PageInfo, resolve: (c) => c.pageInfo }),
    }),
  });
}
