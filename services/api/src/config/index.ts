// One home for configuration. An empty variable counts as unset.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const env = (name: string): string | undefined => {
  const v = process.env[name];
  return v === undefined || v.trim() === '' ? undefined : v.trim();
};

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

export type Mode = 'demo' | 'production';

export interface Config {
  mode: Mode;
  port: number;
  host: string;
  /** The API's login role (not owner, not superuser). Unset → PGlite. */
  databaseUrl?: string;
  /** Runs migrations (the owner). Defaults to databaseUrl. */
  databaseOwnerUrl?: string;
  /** Group role the API's login role belongs to; migrations grant to it. */
  appRole: string;
  dataDir: string;
  jwtSecret: string;
  accessTokenTtlSeconds: number;
  demoPassword: string;
  poolSize: number;
  webDist: string;
}

export function loadConfig(overrides: Partial<Config> = {}): Config {
  const mode: Mode = env('LZ_MODE') === 'production' ? 'production' : 'demo';
  const dataDir = path.resolve(env('LZ_DATA_DIR') ?? path.join(repoRoot, 'data'));
  const jwtSecret = env('JWT_SECRET');
  if (mode === 'production' && (!jwtSecret || jwtSecret.length < 32)) {
    throw new Error('JWT_SECRET (at least 32 characters) is required when LZ_MODE=production');
  }
  const databaseUrl = env('DATABASE_URL');
  return {
    mode,
    port: Number(env('PORT') ?? 3000),
    host: env('HOST') ?? '127.0.0.1',
    databaseUrl,
    databaseOwnerUrl: env('DATABASE_OWNER_URL') ?? databaseUrl,
    appRole: 'lz_app',
    dataDir,
    jwtSecret: jwtSecret ?? 'demo-only-secret-change-me-0123456789abcdef',
    accessTokenTtlSeconds: Number(env('ACCESS_TOKEN_TTL') ?? 900),
    demoPassword: env('DEMO_PASSWORD') ?? 'Lianzheng@2026',
    poolSize: Number(env('DB_POOL_SIZE') ?? 10),
    webDist: path.join(repoRoot, 'web', 'dist'),
    ...overrides,
  };
}
