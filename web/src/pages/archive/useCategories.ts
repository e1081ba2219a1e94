// The categories this user may see (a filler gets neither 8 nor 9), loaded once per signed-in user (the cache is
// emptied when the user signs in or out, see auth/AuthProvider.tsx).
import { useMemo } from 'react';
import { errorText } from '../../api/graphql';
import { useGqlQuery } from '../../api/query';
import { useAuth } from '../../auth/AuthProvider';
import { archiveDocs, RecordCategoriesDocument, type ArchiveDocs } from './queries';
import type { Category } from './types';

export function useCategories(): { categories: Category[] | null; docs: ArchiveDocs | null; error: string | null; retry(): void } {
  const { me } = useAuth();
  const query = useGqlQuery(RecordCategoriesDocument, undefined, {
    enabled: !!me,
    staleTime: Infinity,
    select: (d) => d.recordCategories as Category[],
  });
  const categories = query.data ?? null;
  const docs = useMemo(() => (categories ? archiveDocs(categories) : null), [categories]);
  return {
    categories,
    docs,
    error: query.error ? errorText(query.error, '档案类别加载失败') : null,
    retry: () => void query.refetch(),
  };
}
