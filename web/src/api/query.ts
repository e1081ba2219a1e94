// The console's one data cache (TanStack Query) over the one client (gql in ./graphql.ts). Queries are keyed by
// their operation name and variables; a mutation names the operations whose answers it changes, and those are
// fetched again. Nothing is retried or refetched behind the user's back (no retry, no refetch on focus): a
// failed request shows its Chinese message and the page's 重试/刷新 asks again.
import {
  QueryClient,
  useMutation,
  useQuery,
  type QueryKey,
  type UseMutationOptions,
  type UseQueryOptions,
} from '@tanstack/react-query';
import { gql, type Document } from './graphql';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false },
    mutations: { retry: false },
  },
});

type AnyDocument = Document<unknown, never> | string;

/** The operation name of a document (`query Cadres(…)` → Cadres): the first part of its query key. */
export function operationName(document: AnyDocument): string {
  const text = document.toString();
  return /\b(?:query|mutation)\s+([A-Za-z_]\w*)/.exec(text)?.[1] ?? text;
}

export function queryKey<V>(document: Document<unknown, V> | string, variables?: V): QueryKey {
  return variables === undefined ? [operationName(document as AnyDocument)] : [operationName(document as AnyDocument), variables];
}

/** Fetch the queries of these operations again (every set of variables). */
export function invalidate(...documents: AnyDocument[]): Promise<void> {
  return Promise.all(
    documents.map((d) => queryClient.invalidateQueries({ queryKey: [operationName(d)] })),
  ).then(() => undefined);
}

/** Send a mutation outside a hook (dialogs, row actions), then fetch again the queries it affects. */
export async function mutate<R, V>(document: Document<R, V>, invalidates: AnyDocument[], variables: V): Promise<R> {
  const result = await gql<R, V>(document, variables);
  void invalidate(...invalidates);
  return result;
}

export type GqlQueryOptions<R, T = R> = Omit<UseQueryOptions<R, Error, T>, 'queryKey' | 'queryFn'>;

/** useQuery for one GraphQL document: the answer is cached under (operation name, variables). */
export function useGqlQuery<R, V, T = R>(document: Document<R, V> | string, variables?: V, options?: GqlQueryOptions<R, T>) {
  return useQuery<R, Error, T>({
    queryKey: queryKey(document, variables),
    queryFn: ({ signal }) => gql<R, V>(document, variables, { signal }),
    ...options,
  });
}

export interface GqlMutationOptions<R, V> extends Omit<UseMutationOptions<R, Error, V>, 'mutationFn'> {
  /** The operations whose cached answers this mutation changes (fetched again after it succeeds). */
  invalidates?: AnyDocument[];
}

/** useMutation for one GraphQL document; on success the queries it affects are fetched again. */
export function useGqlMutation<R, V>(document: Document<R, V> | string, options: GqlMutationOptions<R, V> = {}) {
  const { invalidates = [], onSuccess, ...rest } = options;
  return useMutation<R, Error, V>({
    mutationFn: (variables: V) => gql<R, V>(document, variables),
    onSuccess: async (...args) => {
      if (invalidates.length) void invalidate(...invalidates);
      await onSuccess?.(...args);
    },
    ...rest,
  });
}
