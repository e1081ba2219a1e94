// Login attempts per client address (every aliased attempt counts), in front of the password check. The per-account
// lockout (tenant settings) is separate; this stops one address from trying many accounts.
import { RateLimiterMemory } from 'rate-limiter-flexible';

export interface LoginLimiter { allow(ip: string | null): Promise<boolean> }

export function createLoginLimiter(perMinute: number): LoginLimiter {
  const limiter = new RateLimiterMemory({ points: perMinute, duration: 60 });
  return {
    allow: async (ip) => {
      try {
        await limiter.consume(ip ?? 'unknown');
        return true;
      } catch {
        return false;
      }
    },
  };
}
