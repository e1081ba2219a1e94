// The console's ledgers: a table card with a toolbar, read a page at a time from the server (first/offset, or keyset
// cursors where the list offers them), with page-size choice, quick jump, a retry on error and the total. The caller
// owns the filters and the columns.
import type React from 'react';
import { useEffect, useRef, useState } from 'react';
import { keepPreviousData, useQuery, type QueryKey } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Table } from 'antd';
import type { TableColumnsType, TablePaginationConfig, TableProps } from 'antd';
import { errorText } from '../api/graphql';

export const PAGE_SIZES = [20, 50, 100];

export interface Page<T> {
  totalCount: number;
  /** The total is the server's estimate (large lists, docs/search.md): shown as 「约 N」. */
  totalCountIsEstimate?: boolean;
  pageInfo?: { hasNextPage: boolean; endCursor?: string | null };
  edges: { node: T }[];
}

export interface PagedQuery<T> {
  page: number;
  pageSize: number;
  setPage(p: number): void;
  data: Page<T> | null;
  /** The total the pager works with: the count, or when it is an estimate, what the pages read so far prove. */
  total: number;
  /** The total is an estimate. */
  estimate: boolean;
  rows: T[];
  loading: boolean;
  error: string | null;
  /** The error itself (e.g. to tell a refusal from a failure). */
  failure: unknown;
  /** Read the current page again. */
  refresh(): void;
  onTableChange(p: TablePaginationConfig): void;
}

/**
 * A page of rows from `fetchPage`, cached under `key` (the operation name and the filters, see api/query.ts queryKey)
 * and the page: read again when the page, the page size or the filters change, or when a mutation invalidates the
 * operation. The rows shown stay while the next page loads; a page beyond the end (after rows went away) moves to
 * the last one. Nothing is read while `enabled` is false.
 *
 * With `cursors`, a page whose predecessor was read is asked for by that page's end cursor (`after`: keyset paging,
 * as fast at page 1,000 as at page 1); any other page (a jump) by its offset. fetchPage gets `after` then, and must
 * prefer it to `offset`.
 */
export function usePagedQuery<T>(
  fetchPage: (first: number, offset: number, signal: AbortSignal, after?: string | null) => Promise<Page<T>>,
  key: QueryKey,
  { enabled = true, errorFallback, onPageChange, cursors = false }: {
    enabled?: boolean; errorFallback: string; onPageChange?(): void; cursors?: boolean;
  },
): PagedQuery<T> {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(PAGE_SIZES[0]);
  const first = pageSize;
  const offset = (page - 1) * pageSize;
  // End cursors of the pages read, by page number, for these filters and this page size.
  const ends = useRef<{ key: string; byPage: Map<number, string> }>({ key: '', byPage: new Map() });
  const cursorKey = JSON.stringify([key, pageSize]);
  if (ends.current.key !== cursorKey) ends.current = { key: cursorKey, byPage: new Map() };
  const after = cursors && page > 1 ? ends.current.byPage.get(page - 1) ?? null : null;
  const query = useQuery({
    queryKey: [...key, { first, offset }],
    queryFn: ({ signal }) => fetchPage(first, offset, signal, after),
    enabled,
    placeholderData: keepPreviousData,
  });
  const data = query.data ?? null;
  const fresh = data && !query.isPlaceholderData;
  if (fresh && cursors && data.pageInfo?.endCursor) ends.current.byPage.set(page, data.pageInfo.endCursor);

  // An estimate is only a guide: once a page says nothing follows, the rows read so far are the total.
  const estimate = Boolean(data?.totalCountIsEstimate);
  const shown = fresh ? offset + data.edges.length : 0;
  const total = !data ? 0
    : !estimate ? data.totalCount
      : fresh && data.pageInfo && !data.pageInfo.hasNextPage ? shown
        : Math.max(data.totalCount, shown + (data.pageInfo?.hasNextPage ? 1 : 0));

  useEffect(() => {
    if (!data || query.isPlaceholderData) return;
    const last = Math.max(1, Math.ceil(total / pageSize));
    if (page > last) setPage(last);
  }, [data, query.isPlaceholderData, page, pageSize, total]);

  const onTableChange = (p: TablePaginationConfig) => {
    const size = p.pageSize ?? pageSize;
    if (size !== pageSize) {
      setPageSize(size);
      setPage(1);
    } else setPage(p.current ?? 1);
    onPageChange?.();
  };

  const { refetch } = query;
  return {
    page, pageSize, setPage, data, total, estimate: estimate && !(fresh && data.pageInfo && !data.pageInfo.hasNextPage),
    rows: data?.edges.map((e) => e.node) ?? [],
    loading: query.isFetching || (enabled && query.isPending),
    error: query.error ? errorText(query.error, errorFallback) : null,
    failure: query.error,
    refresh: () => void refetch(), onTableChange,
  };
}

interface PagedTableProps<T> extends Pick<TableProps<T>, 'rowClassName' | 'expandable' | 'rowSelection'> {
  query: PagedQuery<T>;
  columns: TableColumnsType<T>;
  /** The toolbar above the table (filters in words, buttons). */
  toolbar: React.ReactNode;
  cardClassName?: string;
  className: string;
  testId: string;
  rowTestId: string;
  scrollX: number;
  /** The empty table's text. */
  empty: string;
  /** 「共 n 条」 (「约 n 条」 when `estimate`): shown beside the pager, and alone under an empty table. */
  total(n: number, estimate: boolean): string;
  totalTestId: string;
  /** The page sizes offered (PAGE_SIZES unless told). */
  pageSizes?: number[];
  /** More attributes of a row (a click handler, data-* attributes) beside its test id. */
  onRow?(row: T): React.HTMLAttributes<HTMLElement> & Record<`data-${string}`, string>;
}

export function PagedTable<T extends { id: string }>({
  query, columns, toolbar, cardClassName = 'lz-table-card', className, testId, rowTestId, scrollX, empty, total, totalTestId,
  rowClassName, expandable, rowSelection, pageSizes = PAGE_SIZES, onRow,
}: PagedTableProps<T>) {
  const { data, loading, error } = query;
  return (
    <Card className={cardClassName} size="small">
      <div className="lz-toolbar">{toolbar}</div>

      {error && (
        <Alert
          type="error"
          showIcon
          title={error}
          className="lz-table-alert"
          action={<Button size="small" onClick={query.refresh}>重试</Button>}
        />
      )}

      <Table<T>
        className={className}
        data-testid={testId}
        rowKey="id"
        size="small"
        bordered
        loading={loading}
        columns={columns}
        dataSource={query.rows}
        scroll={{ x: scrollX }}
        rowClassName={rowClassName}
        onRow={(r) => ({ 'data-testid': rowTestId, ...onRow?.(r) }) as React.HTMLAttributes<HTMLElement>}
        onChange={query.onTableChange}
        expandable={expandable}
        rowSelection={rowSelection}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} /> }}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: query.total,
          showSizeChanger: true,
          pageSizeOptions: pageSizes,
          showQuickJumper: true,
          showTotal: (n) => (
            <span data-testid={totalTestId} title={query.estimate ? '人数较多，为估计值；翻到最后一页时显示确切人数' : undefined}>
              {total(n, query.estimate)}
            </span>
          ),
        }}
      />
      {!loading && !error && data?.totalCount === 0 && <div className="lz-table-total" data-testid={totalTestId}>{total(0, false)}</div>}
    </Card>
  );
}
