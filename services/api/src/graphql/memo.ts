// A value loaded once per request and key (e.g. a disposition's rounds, a reply's cadres): resolvers of the same
// object in one request share one query; the next request reads afresh. Gone with the request's context.
import type { Ctx } from './context.js';

export function perRequestMemo<V>(): (ctx: Ctx, key: string, load: () => Promise<V>) => Promise<V> {
  const byCtx = new WeakMap<Ctx, Map<string, Promise<V>>>();
  return (ctx, key, load) => {
    let m = byCtx.get(ctx);
    if (!m) byCtx.set(ctx, (m = new Map()));
    let p = m.get(key);
    if (!p) m.set(key, (p = load()));
    return p;
  };
}
