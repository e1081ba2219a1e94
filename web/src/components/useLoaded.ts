// Data a page reads once (and again on 刷新, when `key` changes, or when a mutation invalidates its operation):
// the value, loading, and the Chinese error. Cached under `key` (see api/query.ts queryKey).
import { useCallback } from 'react';
import { useQuery, type QueryKey } from '@tanstack/react-query';
import { errorText } from '../api/graphql';
import { queryClient } from '../api/query';

export function useLoaded<T>(key: QueryKey, load: (signal: AbortSignal) => Promise<T>, initial: T, errorFallback: string) {
  const query = useQuery({ queryKey: key, queryFn: ({ signal }) => load(signal) });
  const { refetch } = query;
  /** Put a value into the cache at once (e.g. what a mutation answered) until the next read. */
  const setData = useCallback(
    (update: (prev: T) => T) => queryClient.setQueryData<T>(key, (prev) => update(prev ?? initial)),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [JSON.stringify(key)],
  );
  const reload = useCallback(async () => { await refetch(); }, [refetch]);
  return {
    data: query.data ?? initial,
    setData,
    loading: query.isFetching || query.isPending,
    error: query.error ? errorText(query.error, errorFallback) : null,
    reload,
  };
}
