// Test databases: PostgreSQL when DATABASE_URL is set (each test file has its own copy of the run's database:
// test/setup/), otherwise a fresh in-memory PGlite per call, started from the image the global setup made once.
// Both are migrated and carry the demo seed.
import fs from 'node:fs';
import pg from 'pg';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from '../../services/api/src/config/index.js';
import { openDatabase, type Database } from '../../services/api/src/db/index.js';
import { seedDemo } from '../../services/api/src/seed/demo.js';
import type { OwnerQuery } from '../../services/api/src/audit/chain.js';

export const isPg = !!process.env.DATABASE_URL?.trim();
export const engineName = isPg ? 'postgres' : 'pglite';
export const DEMO_PASSWORD = 'Lianzheng@2026';
export const TEST_AUDIT_CHAIN_KEY = 'test-audit-chain-key-0123456789abcdef0123';
export const TEST_AUDIT_SIGNING_KEY = '3945208f7b2144b13f36e38ac6d39f95889393692860b51a42fb81ef4df7c5b8';

/** One scratch data directory per test process: the filesystem object store writes there, never into ./data. */
let scratch: string | undefined;
const scratchDir = () => (scratch ??= fs.mkdtempSync(path.join(os.tmpdir(), 'lz-test-data-')));

export function testConfig(overrides: Partial<Config> = {}): Config {
  // Tests log in far more often than a person: the per-address login limit and delays are tested on their own.
  return loadConfig({
    demoPassword: DEMO_PASSWORD, jwtSecret: 'test-secret-0123456789abcdef0123456789', fieldSecret: 'test-field-secret-0123456789abcdef01234',
    loginRateLimitPerMinute: 100_000, loginBackoff: { freeFailures: 1_000_000 },
    // One chain key and signing key for every test process: on PostgreSQL they all append to one chain.
    auditChainKey: TEST_AUDIT_CHAIN_KEY, auditSigningKey: TEST_AUDIT_SIGNING_KEY,
    // No job runner unless a test asks for one (test/api/jobs.test.ts): other tests' apps never poll the queue.
    jobWorkers: 0,
    dataDir: scratchDir(), ...overrides,
  });
}

/** Where the global setup (vitest main process mainPid) keeps the migrated and seeded PGlite image and its anchors. */
export const pgliteImageDir = (mainPid: number) => path.join(os.tmpdir(), `lz-pglite-image-${mainPid}`);

/** The run's PGlite image (test workers are children of the vitest process), or undefined outside vitest's run. */
function runImage(config: Config): Blob | undefined {
  const dir = pgliteImageDir(process.ppid);
  const file = path.join(dir, 'image.tar');
  if (isPg || !fs.existsSync(file)) return undefined;
  // The image's seal anchor, as a fresh database would have written it to this process's anchor files.
  if (!fs.existsSync(config.auditAnchorDir)) fs.cpSync(path.join(dir, 'audit-anchors'), config.auditAnchorDir, { recursive: true });
  return new Blob([fs.readFileSync(file)]);
}

export async function openTestDatabase(opts: { poolSize?: number; image?: boolean } = {}): Promise<Database> {
  const config = testConfig();
  const pgliteImage = opts.image === false ? undefined : runImage(config);
  const database = await openDatabase(config, { memory: true, poolSize: opts.poolSize ?? 4, pgliteImage });
  // ID numbers under the tests' field key; no photos (each test process has its own object store).
  if (!pgliteImage) await seedDemo(database.db, DEMO_PASSWORD, { fieldSecret: config.fieldSecret });
  return database;
}

/**
 * The API's database and a query as its owner (past RLS), for tests that read or probe the whole log: on PostgreSQL a
 * separate owner connection, on PGlite the one session kept as the owner. Not seeded: the caller seeds if it needs to.
 */
export async function openOwnerDatabase(config: Config, opts: { poolSize?: number; memory?: boolean } = {}): Promise<{ database: Database; q: OwnerQuery; close(): Promise<void> }> {
  if (isPg) {
    const database = await openDatabase(config, { poolSize: opts.poolSize ?? 2 });
    const client = new pg.Client({ connectionString: config.databaseOwnerUrl });
    await client.connect();
    const q: OwnerQuery = async (text, params) => (await client.query(text, params as unknown[])).rows;
    return { database, q, close: async () => { await client.end(); await database.close(); } };
  }
  const database = await openDatabase(config, { memory: opts.memory, ownerSession: true });
  // The pglite driver types rows loosely; the owner's query returns them as the verifier reads them.
  const q: OwnerQuery = async (text, params) => (await database.pglite!.pg.query(text, params as unknown[])).rows as never;
  return { database, q, close: () => database.close() };
}
