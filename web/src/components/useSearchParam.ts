// One query parameter of the address as state (pages link to each other with ?tenant=…, ?cadreId=…).
import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';

/** The parameter's value (null when absent) and a setter that replaces the history entry; null removes it. */
export function useSearchParam(name: string): [string | null, (v: string | null) => void] {
  const [params, setParams] = useSearchParams();
  const set = useCallback((v: string | null) => {
    setParams((p) => {
      const next = new URLSearchParams(p);
      if (v) next.set(name, v);
      else next.delete(name);
      return next;
    }, { replace: true });
  }, [name, setParams]);
  return [params.get(name), set];
}
