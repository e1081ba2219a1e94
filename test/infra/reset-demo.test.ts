// `make reset-demo` deletes ./data of the embedded demo and nothing else: it refuses, deleting nothing, when
// DATABASE_URL (a PostgreSQL database) or another LZ_DATA_DIR is set. Run on a copy of the Makefile in a scratch folder.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const hasMake = spawnSync('make', ['--version']).status === 0;

describe.skipIf(!hasMake)('make reset-demo', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lz-reset-'));
  copyFileSync(join(root, 'Makefile'), join(dir, 'Makefile'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const seed = () => {
    mkdirSync(join(dir, 'data/pglite'), { recursive: true });
    writeFileSync(join(dir, 'data/pglite/PG_VERSION'), '17');
    writeFileSync(join(dir, 'keep.txt'), 'not data');
  };
  const run = (env: Record<string, string>) => {
    const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'DATABASE_URL' && k !== 'LZ_DATA_DIR' && !k.startsWith('MAKE')));
    return spawnSync('make', ['--no-print-directory', 'reset-demo'], { cwd: dir, env: { ...clean, ...env } as NodeJS.ProcessEnv, encoding: 'utf8' });
  };

  it('refuses and deletes nothing when DATABASE_URL is set', () => {
    seed();
    const r = run({ DATABASE_URL: 'postgres://someone@127.0.0.1/somewhere' });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('DATABASE_URL');
    expect(existsSync(join(dir, 'data/pglite/PG_VERSION'))).toBe(true);
  });

  it('refuses when LZ_DATA_DIR names another folder', () => {
    seed();
    const r = run({ LZ_DATA_DIR: join(dir, 'elsewhere') });
    expect(r.status).not.toBe(0);
    expect(existsSync(join(dir, 'data/pglite/PG_VERSION'))).toBe(true);
  });

  it('deletes ./data of the embedded default (also when LZ_DATA_DIR is ./data), asks nothing, and keeps the rest', () => {
    seed();
    const r = run({ LZ_DATA_DIR: './data' });
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(join(dir, 'data'))).toBe(false);
    expect(existsSync(join(dir, 'keep.txt'))).toBe(true);
    seed();
    expect(run({}).status).toBe(0);
    expect(existsSync(join(dir, 'data'))).toBe(false);
  });
});
