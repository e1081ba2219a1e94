// A listening server (console + API) on a test database, for browser tests. The console must be built (web/dist).
import { buildApp } from '../../services/api/src/app.js';
import { DEMO_PASSWORD, openTestDatabase, testConfig } from './db.js';
import type { Config } from '../../services/api/src/config/index.js';
import type { Database } from '../../services/api/src/db/index.js';

export async function startServer(config: Partial<Config> = {}): Promise<{ url: string; password: string; database: Database; close(): Promise<void> }> {
  const database = await openTestDatabase();
  const app = await buildApp(testConfig(config), database);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    password: DEMO_PASSWORD,
    /** The server's database: tests arrange data directly through it. */
    database,
    close: async () => { await app.close(); await database.close(); },
  };
}
