// Data a page reads once (and again on 刷新 or when `deps` change): the value, loading, and the Chinese error.
import { useCallback, useEffect, useState } from 'react';
import { errorText } from '../api/graphql';

export function useLoaded<T>(load: () => Promise<T>, deps: readonly unknown[], initial: T, errorFallback: string) {
  const [data, setData] = useState<T>(initial);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  // `load` is a new function each render: what it reads is in deps.
  const reload = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      setData(await load());
    } catch (e) {
      setError(errorText(e, errorFallback));
    } finally {
      setLoading(false);
    }
  }, deps); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => { void reload(); }, [reload]);
  return { data, setData, loading, error, reload };
}
