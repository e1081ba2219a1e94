// Vitest setup file (runs in each test file's worker before the file): on PostgreSQL the file gets its own copy of
// the run's migrated and seeded database (test/setup/pg-template.ts) and DATABASE_URL / DATABASE_OWNER_URL point to it.
import { afterAll } from 'vitest';
import { cloneTemplate, databaseOf, dropDatabase, onPostgres, withDatabase } from './pg-template.js';

if (onPostgres()) {
  // The run's database, remembered the first time (a worker process may run several files).
  const apiUrl = (process.env.LZ_TEST_TEMPLATE_URL ??= process.env.DATABASE_URL!);
  const ownerUrl = (process.env.LZ_TEST_TEMPLATE_OWNER_URL ??= process.env.DATABASE_OWNER_URL || apiUrl);
  const name = await cloneTemplate(ownerUrl, databaseOf(apiUrl));
  process.env.DATABASE_URL = withDatabase(apiUrl, name);
  process.env.DATABASE_OWNER_URL = withDatabase(ownerUrl, name);
  afterAll(async () => { await dropDatabase(ownerUrl, name); });
}
