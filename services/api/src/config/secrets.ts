// Demo-mode secrets: never fixed strings in the code. On first start each secret is drawn at random and kept in
// <dataDir>/secrets/<name> (directory 0700, file 0600), so tokens, download links, field encryption and the audit
// chain key survive a restart but are known to nobody who has not read that directory. Production takes its secrets
// from the environment (config/index.ts) and never reaches this file.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Secrets that earlier versions shipped in the code: public knowledge, refused off loopback. */
export const PUBLIC_DEMO_SECRETS: Record<string, string> = {
  jwt: 'demo-only-secret-change-me-0123456789abcdef',
  field: 'demo-only-field-secret-change-me-0123456789',
};

export const isPublicSecret = (value: string) => Object.values(PUBLIC_DEMO_SECRETS).includes(value);

/**
 * The named secret from <dataDir>/secrets, created (32 random bytes, base64url) when missing. A data directory that
 * already holds a database from before secrets were generated keeps the public value it was seeded with (its ID
 * numbers were encrypted with it); such a server must stay on loopback (checked in loadConfig).
 */
export function dataDirSecret(dataDir: string, name: string): string {
  if (!/^[a-z][a-z0-9-]{0,40}$/.test(name)) throw new Error(`bad secret name ${name}`);
  const dir = path.join(dataDir, 'secrets');
  const file = path.join(dir, name);
  try {
    const value = fs.readFileSync(file, 'utf8').trim();
    if (value.length >= 32) return value;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dir, 0o700);
  const legacy = PUBLIC_DEMO_SECRETS[name] && fs.existsSync(path.join(dataDir, 'pglite')) ? PUBLIC_DEMO_SECRETS[name] : undefined;
  const value = legacy ?? crypto.randomBytes(32).toString('base64url');
  // wx: two processes starting at once never overwrite each other's secret; the loser reads the winner's.
  try {
    fs.writeFileSync(file, value + '\n', { mode: 0o600, flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    return fs.readFileSync(file, 'utf8').trim();
  }
  return value;
}

/** A sub-key for one purpose, derived from a master secret (HKDF-SHA256), so one secret never serves two uses. */
export const deriveKey = (secret: string, purpose: string): string =>
  Buffer.from(crypto.hkdfSync('sha256', secret, 'lianzheng', purpose, 32)).toString('base64url');

/** True for addresses that only this machine can reach. */
export const isLoopbackHost = (host: string) => host === 'localhost' || /^127\./.test(host) || host === '::1' || host === '[::1]';
