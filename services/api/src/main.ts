// Starts the product: migrate, seed the demo on first start (demo mode only), serve console and API.
import { loadConfig } from './config/index.js';
import { openDatabase } from './db/index.js';
import { buildApp } from './app.js';
import { seedDemo } from './seed/demo.js';

const config = loadConfig();
const database = await openDatabase(config);
if (config.mode === 'demo') {
  const seeded = await seedDemo(database.db, config.demoPassword);
  if (seeded) console.log(`demo data seeded: ${seeded.tenants} tenants, ${seeded.users} users, ${seeded.cadres} cadres`);
}
const app = await buildApp(config, database, { logger: process.env.LOG_LEVEL !== 'silent' });
const shutdown = async () => { await app.close(); await database.close(); process.exit(0); };
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
await app.listen({ port: config.port, host: config.host });
console.log(`廉政档案 running on http://${config.host}:${config.port} (${database.engine}, ${config.mode} mode)`);
