// The categories this user may see (a filler gets neither 8 nor 9), loaded once per signed-in user.
import { useEffect, useState } from 'react';
import { errorText, gql } from '../../api/graphql';
import { useAuth } from '../../auth/AuthProvider';
import { archiveDocs, CATEGORIES_QUERY, type ArchiveDocs } from './queries';
import type { Category } from './types';

let cache: { user: string; promise: Promise<Category[]> } | null = null;

function loadCategories(user: string): Promise<Category[]> {
  if (!cache || cache.user !== user) {
    const promise = gql<{ recordCategories: Category[] }>(CATEGORIES_QUERY).then((d) => d.recordCategories);
    // A failed load is tried again next time.
    promise.catch(() => { if (cache?.promise === promise) cache = null; });
    cache = { user, promise };
  }
  return cache.promise;
}

export function useCategories(): { categories: Category[] | null; docs: ArchiveDocs | null; error: string | null; retry(): void } {
  const { me } = useAuth();
  const [categories, setCategories] = useState<Category[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const user = me?.id ?? '';
  useEffect(() => {
    if (!user) return;
    let alive = true;
    setError(null);
    loadCategories(user)
      .then((c) => { if (alive) setCategories(c); })
      .catch((e: unknown) => { if (alive) setError(errorText(e, '档案类别加载失败')); });
    return () => { alive = false; };
  }, [user, tick]);
  return { categories, docs: categories ? archiveDocs(categories) : null, error, retry: () => setTick((n) => n + 1) };
}
