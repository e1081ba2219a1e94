// Demo secrets (config/secrets.ts): random per data directory, kept with mode 0600, reused on restart; a publicly
// known value is refused off loopback; production takes its secrets from the environment only.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../services/api/src/config/index.js';
import { PUBLIC_DEMO_SECRETS, dataDirSecret } from '../../services/api/src/config/secrets.js';
import { TEST_AUDIT_SIGNING_KEY } from '../helpers/db.js';

const dirs: string[] = [];
const tmp = () => { const d = fs.mkdtempSync(path.join(os.tmpdir(), 'lz-secrets-')); dirs.push(d); return d; };

beforeEach(() => {
  // Whatever the shell exports must not decide these tests.
  for (const v of ['JWT_SECRET', 'FIELD_ENCRYPTION_KEY', 'LZ_MODE', 'HOST', 'LZ_DATA_DIR']) vi.stubEnv(v, '');
});
afterEach(() => {
  vi.unstubAllEnvs();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('demo secrets', () => {
  it('are random per data directory and never a value from the code', () => {
    const a = loadConfig({ dataDir: tmp() }), b = loadConfig({ dataDir: tmp() });
    expect(a.jwtSecret).not.toBe(b.jwtSecret);
    expect(a.fieldSecret).not.toBe(b.fieldSecret);
    expect(a.jwtSecret).not.toBe(a.fieldSecret);
    for (const c of [a, b]) {
      expect(c.jwtSecret.length).toBeGreaterThanOrEqual(32);
      expect(Object.values(PUBLIC_DEMO_SECRETS)).not.toContain(c.jwtSecret);
      expect(Object.values(PUBLIC_DEMO_SECRETS)).not.toContain(c.fieldSecret);
      // The download-link key is derived apart from the token key.
      expect(c.downloadKey).not.toBe(c.jwtSecret);
    }
  });

  it('are kept in <dataDir>/secrets with mode 0600 (directory 0700) and reused on restart', () => {
    const dir = tmp();
    const first = loadConfig({ dataDir: dir });
    const file = path.join(dir, 'secrets', 'jwt');
    expect(fs.readFileSync(file, 'utf8').trim()).toBe(first.jwtSecret);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.join(dir, 'secrets', 'field')).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.join(dir, 'secrets')).mode & 0o777).toBe(0o700);
    const again = loadConfig({ dataDir: dir });
    expect(again.jwtSecret).toBe(first.jwtSecret);
    expect(again.fieldSecret).toBe(first.fieldSecret);
    expect(again.downloadKey).toBe(first.downloadKey);
  });

  it('a data directory seeded before secrets existed keeps the public value, which is refused off loopback', () => {
    const dir = tmp();
    fs.mkdirSync(path.join(dir, 'pglite'));
    expect(dataDirSecret(dir, 'jwt')).toBe(PUBLIC_DEMO_SECRETS.jwt);
    expect(loadConfig({ dataDir: dir, host: '127.0.0.1' }).jwtSecret).toBe(PUBLIC_DEMO_SECRETS.jwt);
    expect(() => loadConfig({ dataDir: dir, host: '0.0.0.0' })).toThrow(/publicly known/);
    vi.stubEnv('HOST', '0.0.0.0');
    expect(() => loadConfig({ dataDir: dir })).toThrow(/publicly known/);
  });

  it('a public value given explicitly is refused when listening beyond loopback', () => {
    vi.stubEnv('JWT_SECRET', PUBLIC_DEMO_SECRETS.jwt);
    expect(() => loadConfig({ dataDir: tmp(), host: '0.0.0.0' })).toThrow(/JWT_SECRET is a publicly known/);
    expect(loadConfig({ dataDir: tmp(), host: 'localhost' }).jwtSecret).toBe(PUBLIC_DEMO_SECRETS.jwt);
  });
});

describe('production secrets', () => {
  it('come from the environment: missing or short ones stop the start, nothing is written to the data directory', () => {
    const dir = tmp();
    vi.stubEnv('LZ_MODE', 'production');
    expect(() => loadConfig({ dataDir: dir })).toThrow(/JWT_SECRET \(at least 32 characters\) is required/);
    vi.stubEnv('JWT_SECRET', 'short');
    expect(() => loadConfig({ dataDir: dir })).toThrow(/JWT_SECRET/);
    vi.stubEnv('JWT_SECRET', 'j'.repeat(40));
    expect(() => loadConfig({ dataDir: dir })).toThrow(/FIELD_ENCRYPTION_KEY/);
    vi.stubEnv('FIELD_ENCRYPTION_KEY', 'f'.repeat(40));
    expect(() => loadConfig({ dataDir: dir })).toThrow(/AUDIT_CHAIN_KEY/);
    vi.stubEnv('AUDIT_CHAIN_KEY', 'a'.repeat(40));
    expect(() => loadConfig({ dataDir: dir })).toThrow(/AUDIT_SIGNING_KEY/);
    vi.stubEnv('AUDIT_SIGNING_KEY', TEST_AUDIT_SIGNING_KEY);
    const c = loadConfig({ dataDir: dir });
    expect(c).toMatchObject({ mode: 'production', jwtSecret: 'j'.repeat(40), fieldSecret: 'f'.repeat(40) });
    expect(fs.existsSync(path.join(dir, 'secrets'))).toBe(false);
    // A known-public value is refused in production even on loopback.
    vi.stubEnv('FIELD_ENCRYPTION_KEY', PUBLIC_DEMO_SECRETS.field);
    expect(() => loadConfig({ dataDir: dir, host: '127.0.0.1' })).toThrow(/publicly known/);
  });
});
