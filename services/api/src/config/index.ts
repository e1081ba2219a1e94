// One home for configuration. An empty variable counts as unset.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BackoffOptions } from '../auth/rate-limit.js';
import { dataDirSecret, deriveKey, isLoopbackHost, isPublicSecret } from './secrets.js';
import { isSm2PrivateKey, isSm2PublicKey, sm2KeyFromSecret, sm2PublicKey } from '../audit/keys.js';

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
  /** HMAC key of the filesystem store's download links (derived from the JWT secret unless given). */
  downloadKey: string;
  /** HMAC key of the cadre list's keyset cursors (derived from the JWT secret unless given; docs/search.md). */
  cursorKey: string;
  /**
   * Lists count exactly up to this many rows (EXACT_COUNT_LIMIT, default 1000); above it totalCount is the planner's
   * estimate and totalCountIsEstimate is true (docs/search.md).
   */
  exactCountLimit: number;
  accessTokenTtlSeconds: number;
  /** Absolute lifetime of a login session (its refresh token). */
  refreshTokenTtlSeconds: number;
  /** Login attempts allowed per client address per minute. */
  loginRateLimitPerMinute: number;
  /** Progressive delays per client address after refused logins (auth/rate-limit.ts; defaults there). */
  loginBackoff?: Partial<BackoffOptions>;
  /** How long a one-time activation code (new and reset accounts) stays valid, in hours. */
  activationTtlHours: number;
  /** Tests only, never from the environment: honour the x-test-rollback header. */
  testRollbackHeader?: boolean;
  demoPassword: string;
  poolSize: number;
  webDist: string;
  /** Object store on MinIO (S3). Unset (MINIO_ENDPOINT empty) → the filesystem store in <dataDir>/objects. */
  minio?: MinioConfig;
  /** Largest accepted upload, in bytes (MAX_UPLOAD_MB, default 20). */
  maxUploadBytes: number;
  /**
   * Secret for field encryption (ID numbers: AES-256-GCM) and their keyed hashes (FIELD_ENCRYPTION_KEY, at least 32
   * characters, required in production). Changing it makes stored ID numbers unreadable: keep it with the backups.
   */
  fieldSecret: string;
  /**
   * HMAC-SM3 key of the access-log chain (AUDIT_CHAIN_KEY, at least 32 characters, required in production). The
   * database never holds it; without it the chain cannot be verified, and with another key it does not verify.
   */
  auditChainKey: string;
  /** SM2 private key (64 hex) that signs chain heads (AUDIT_SIGNING_KEY, required to run the API in production). */
  auditSigningKey?: string;
  /** SM2 public key (hex, 04…) trusted by the verifier: AUDIT_SIGNING_PUBLIC_KEY, else derived from the private key. */
  auditPublicKey: string;
  /** Where signed heads are appended outside the database (AUDIT_ANCHOR_DIR, default <dataDir>/audit-anchors). */
  auditAnchorDir: string;
  /** How often the API signs the chain head when it has moved (AUDIT_ANCHOR_MINUTES, default 10). */
  auditAnchorIntervalMs: number;
  /**
   * Addresses or CIDRs (or proxy-addr names such as loopback) of the reverse proxy whose X-Forwarded-For is
   * believed (TRUST_PROXY, comma-separated). Empty: no proxy is trusted and the client address is the socket's.
   */
  trustProxy: string[];
  /** PostgreSQL: idle_in_transaction_session_timeout of the API's connections, in ms (0 = off). */
  pgIdleInTransactionTimeoutMs: number;
  /** PostgreSQL: statement_timeout of the API's connections, in ms (0 = off). */
  pgStatementTimeoutMs: number;
  /**
   * Jobs run by this process (docs/jobs.md): JOB_WORKERS at once (default 1; 0 = this process runs none and only
   * enqueues, e.g. when a separate process runs them); JOB_POLL_SECONDS between looks at the queue (default 1).
   */
  jobWorkers: number;
  jobPollMs: number;
}

export interface MinioConfig {
  endPoint: string;
  port: number;
  useSSL: boolean;
  accessKey: string;
  secretKey: string;
  bucket: string;
}

function flag(name: string): boolean {
  const v = env(name);
  if (v === undefined || /^(0|false|no|off)$/i.test(v)) return false;
  if (/^(1|true|yes|on)$/i.test(v)) return true;
  throw new Error(`${name} must be true or false (got "${v}")`);
}

function positiveNumber(name: string, fallback: number): number {
  const raw = env(name);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number (got "${raw}")`);
  return n;
}

function seconds(name: string, fallback: number): number {
  const raw = env(name);
  if (raw === undefined) return fallback * 1000;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0 || n > 86400) throw new Error(`${name} must be a number of seconds between 0 and 86400 (got "${raw}")`);
  return Math.round(n * 1000);
}

/** JOB_WORKERS: an integer from 0 to 8 (default 1). */
function jobWorkers(): number {
  const raw = env('JOB_WORKERS');
  if (raw === undefined) return 1;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 8) throw new Error(`JOB_WORKERS must be an integer from 0 to 8 (got "${raw}")`);
  return n;
}

/** TRUST_PROXY: comma-separated addresses or CIDRs; empty → trust no proxy. */
function trustedProxies(): string[] {
  return (env('TRUST_PROXY') ?? '').split(',').map((x) => x.trim()).filter(Boolean);
}

/** MINIO_* → the MinIO settings, or undefined when MINIO_ENDPOINT is unset. */
function loadMinio(): MinioConfig | undefined {
  const endPoint = env('MINIO_ENDPOINT');
  if (!endPoint) return undefined;
  if (endPoint.includes('/')) {
    throw new Error(`MINIO_ENDPOINT must be a host name or address only (no scheme or path; the port is MINIO_PORT); got "${endPoint}"`);
  }
  const accessKey = env('MINIO_ACCESS_KEY');
  const secretKey = env('MINIO_SECRET_KEY');
  if (!accessKey || !secretKey) throw new Error('MINIO_ACCESS_KEY and MINIO_SECRET_KEY are required when MINIO_ENDPOINT is set');
  const port = positiveNumber('MINIO_PORT', 9000);
  if (!Number.isInteger(port) || port > 65535) throw new Error(`MINIO_PORT must be a port number (got "${env('MINIO_PORT')}")`);
  return {
    endPoint,
    port,
    useSSL: flag('MINIO_USE_SSL'),
    accessKey,
    secretKey,
    bucket: env('MINIO_BUCKET') ?? 'lianzheng',
  };
}

export function loadConfig(overrides: Partial<Config> = {}): Config {
  const mode: Mode = overrides.mode ?? (env('LZ_MODE') === 'production' ? 'production' : 'demo');
  const dataDir = overrides.dataDir ?? path.resolve(env('LZ_DATA_DIR') ?? path.join(repoRoot, 'data'));
  const host = overrides.host ?? env('HOST') ?? '127.0.0.1';
  const secret = (name: string, envName: string, given: string | undefined): string => {
    const v = given ?? env(envName);
    if (mode === 'production' && (!v || v.length < 32)) throw new Error(`${envName} (at least 32 characters) is required when LZ_MODE=production`);
    // Demo mode: a random secret kept in the data directory (config/secrets.ts), never a string from the code.
    const value = v ?? dataDirSecret(dataDir, name);
    if (isPublicSecret(value) && (mode === 'production' || !isLoopbackHost(host))) {
      throw new Error(`${envName} is a publicly known demo value: set a secret of your own (or delete ${path.join(dataDir, 'secrets')} with the old data) before listening on ${host}`);
    }
    return value;
  };
  const jwtSecret = secret('jwt', 'JWT_SECRET', overrides.jwtSecret);
  const fieldSecret = secret('field', 'FIELD_ENCRYPTION_KEY', overrides.fieldSecret);
  const auditChainKey = secret('audit-chain', 'AUDIT_CHAIN_KEY', overrides.auditChainKey);
  // The signing key: given in production (hex), in demo mode derived from a random secret of the data directory.
  // A public key alone (AUDIT_SIGNING_PUBLIC_KEY without AUDIT_SIGNING_KEY) configures a verifier that cannot sign.
  const signingGiven = overrides.auditSigningKey ?? env('AUDIT_SIGNING_KEY')?.toLowerCase();
  const publicGiven = (overrides.auditPublicKey ?? env('AUDIT_SIGNING_PUBLIC_KEY'))?.toLowerCase();
  if (signingGiven !== undefined && !isSm2PrivateKey(signingGiven)) throw new Error('AUDIT_SIGNING_KEY must be an SM2 private key (64 hex digits)');
  if (publicGiven !== undefined && !isSm2PublicKey(publicGiven)) throw new Error('AUDIT_SIGNING_PUBLIC_KEY must be an uncompressed SM2 public key (130 hex digits, 04…)');
  if (mode === 'production' && !signingGiven && !publicGiven) throw new Error('AUDIT_SIGNING_KEY (SM2 private key, 64 hex digits) is required when LZ_MODE=production');
  const auditSigningKey = signingGiven ?? (publicGiven ? undefined : sm2KeyFromSecret(dataDirSecret(dataDir, 'audit-signing')));
  const auditPublicKey = publicGiven ?? sm2PublicKey(auditSigningKey!);
  if (auditSigningKey && auditPublicKey !== sm2PublicKey(auditSigningKey)) throw new Error('AUDIT_SIGNING_PUBLIC_KEY does not belong to AUDIT_SIGNING_KEY');
  const databaseUrl = env('DATABASE_URL');
  return {
    mode,
    port: Number(env('PORT') ?? 3000),
    host,
    databaseUrl,
    databaseOwnerUrl: env('DATABASE_OWNER_URL') ?? databaseUrl,
    appRole: 'lz_app',
    dataDir,
    jwtSecret,
    downloadKey: deriveKey(jwtSecret, 'download-links'),
    cursorKey: deriveKey(jwtSecret, 'list-cursors'),
    exactCountLimit: Math.floor(positiveNumber('EXACT_COUNT_LIMIT', 1000)),
    accessTokenTtlSeconds: Number(env('ACCESS_TOKEN_TTL') ?? 900),
    refreshTokenTtlSeconds: Number(env('REFRESH_TOKEN_TTL') ?? 12 * 3600),
    loginRateLimitPerMinute: Number(env('LOGIN_RATE_LIMIT') ?? 30),
    activationTtlHours: positiveNumber('ACTIVATION_CODE_TTL_HOURS', 24),
    demoPassword: env('DEMO_PASSWORD') ?? 'Lianzheng@2026',
    poolSize: Number(env('DB_POOL_SIZE') ?? 10),
    webDist: path.join(repoRoot, 'web', 'dist'),
    minio: loadMinio(),
    maxUploadBytes: Math.floor(positiveNumber('MAX_UPLOAD_MB', 20) * 1024 * 1024),
    fieldSecret,
    auditChainKey,
    auditSigningKey,
    auditPublicKey,
    auditAnchorDir: path.resolve(env('AUDIT_ANCHOR_DIR') ?? path.join(dataDir, 'audit-anchors')),
    auditAnchorIntervalMs: Math.round(positiveNumber('AUDIT_ANCHOR_MINUTES', 10) * 60_000),
    trustProxy: trustedProxies(),
    pgIdleInTransactionTimeoutMs: seconds('PG_IDLE_IN_TRANSACTION_TIMEOUT', 60),
    pgStatementTimeoutMs: seconds('PG_STATEMENT_TIMEOUT', 30),
    jobWorkers: jobWorkers(),
    jobPollMs: Math.round(positiveNumber('JOB_POLL_SECONDS', 1) * 1000),
    ...overrides,
  };
}
