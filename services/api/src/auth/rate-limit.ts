// Login attempts per client address, in front of the password check (the per-account lockout from the tenant's
// settings is separate):
// - a flat cap per minute (every aliased attempt counts), so one address cannot try many accounts quickly;
// - progressive delays: after a few refused attempts an address must wait 1, 2, 4 … seconds (capped) before its next
//   attempt, so one address cannot cheaply lock out account after account. Counts live in this process's memory
//   (each replica keeps its own) and are forgotten after a quiet spell; a success does not clear them.
import { RateLimiterMemory } from 'rate-limiter-flexible';

export interface LoginLimiter {
  /** Under the per-minute cap (consumes one attempt). */
  allow(ip: string | null): Promise<boolean>;
  /** Seconds this address must still wait after its refused attempts (0: it may try now). */
  waitSeconds(ip: string | null): number;
  /** Record a refused attempt from this address. */
  failed(ip: string | null): void;
}

export interface BackoffOptions {
  /** Refused attempts allowed before delays start. */
  freeFailures: number;
  /** Delay after the first counted failure, doubled for each further one. */
  baseSeconds: number;
  maxSeconds: number;
  /** An address with no refused attempt for this long starts afresh. */
  forgetAfterSeconds: number;
  /** Addresses remembered at most (the oldest are dropped first). */
  maxEntries: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { freeFailures: 2, baseSeconds: 1, maxSeconds: 120, forgetAfterSeconds: 1800, maxEntries: 100_000 };

export function createLoginLimiter(perMinute: number, backoff: Partial<BackoffOptions> = {}, now: () => number = Date.now): LoginLimiter {
  const limiter = new RateLimiterMemory({ points: perMinute, duration: 60 });
  const o = { ...DEFAULT_BACKOFF, ...backoff };
  const failures = new Map<string, { count: number; last: number }>();
  const key = (ip: string | null) => ip ?? 'unknown';
  const current = (ip: string | null) => {
    const e = failures.get(key(ip));
    if (e && now() - e.last > o.forgetAfterSeconds * 1000) {
      failures.delete(key(ip));
      return undefined;
    }
    return e;
  };
  return {
    allow: async (ip) => {
      try {
        await limiter.consume(key(ip));
        return true;
      } catch {
        return false;
      }
    },
    waitSeconds: (ip) => {
      const e = current(ip);
      if (!e || e.count <= o.freeFailures) return 0;
      const delay = Math.min(o.baseSeconds * 2 ** Math.min(e.count - o.freeFailures - 1, 30), o.maxSeconds) * 1000;
      return Math.max(0, Math.ceil((e.last + delay - now()) / 1000));
    },
    failed: (ip) => {
      const count = (current(ip)?.count ?? 0) + 1;
      // Re-inserted so that the map's order is least recently failed first.
      failures.delete(key(ip));
      failures.set(key(ip), { count, last: now() });
      while (failures.size > o.maxEntries) failures.delete(failures.keys().next().value as string);
    },
  };
}
