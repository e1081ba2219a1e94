// Starts the product: migrate, seed the demo on first start (demo mode only), serve console and API.
import { sql } from 'kysely';
import { loadConfig } from './config/index.js';
import { startTelemetry } from './telemetry/index.js';
import { openDatabase } from './db/index.js';
import { buildApp } from './app.js';
import { seedDemo } from './seed/demo.js';
import { openObjectStore } from './storage/index.js';
import { startAnchoring } from './audit/anchor.js';
import { auditKeys } from './audit/keys.js';

const stopTelemetry = startTelemetry();
const config = loadConfig();
if (!config.auditSigningKey) throw new Error('AUDIT_SIGNING_KEY is required to run the API (a public key alone only verifies)');
const database = await openDatabase(config);
if (config.mode === 'demo') {
  const seeded = await seedDemo(database.db, config.demoPassword, { fieldSecret: config.fieldSecret, store: openObjectStore(config) });
  if (seeded) console.log(`demo data seeded: ${seeded.tenants} tenants, ${seeded.users} users, ${seeded.cadres} cadres`);
}
if (config.mode === 'production') {
  const { rows } = await sql<{ done: boolean }>`select system_initialised() as done`.execute(database.db);
  if (!rows[0].done) console.log('尚未初始化：请先运行 npm run first-run -- --code <机构代码> --name <名称> 创建顶级机构及其管理员。');
}
const app = await buildApp(config, database, { logger: process.env.LOG_LEVEL !== 'silent' });
// Sign the access log's chain head every AUDIT_ANCHOR_MINUTES when it has moved, and once more at shutdown.
const anchoring = startAnchoring(database.db, auditKeys(config), config.auditAnchorIntervalMs, (e) => app.log.error({ err: e }, 'audit anchor failed'));
const shutdown = async () => { await app.close(); await anchoring.stop(); await database.close(); await stopTelemetry(); process.exit(0); };
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
await app.listen({ port: config.port, host: config.host });
console.log(`廉政档案 running on http://${config.host}:${config.port} (${database.engine}, ${config.mode} mode)`);
console.log(`access-log chain heads are signed with SM2 public key ${config.auditPublicKey}`);
