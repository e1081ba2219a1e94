// Vitest global setup. On PostgreSQL: migrate and seed the run's database once; it is then the template of every
// test file's own database (test/setup/file-database.ts). On PGlite every test opens its own in-memory instance.
// Each project (vitest.config.ts) runs the global setup: the work is shared through the main process's globalThis.
import { openTestDatabase } from '../helpers/db.js';
import { databaseOf, dropCopies, onPostgres } from './pg-template.js';

const shared = globalThis as { lzTemplateReady?: Promise<void>; lzTemplateUsers?: number };

export async function setup() {
  if (!onPostgres()) return;
  const ownerUrl = process.env.DATABASE_OWNER_URL || process.env.DATABASE_URL!;
  const template = databaseOf(process.env.DATABASE_URL!);
  shared.lzTemplateUsers = (shared.lzTemplateUsers ?? 0) + 1;
  await (shared.lzTemplateReady ??= (async () => {
    await dropCopies(ownerUrl, template);
    const database = await openTestDatabase({ poolSize: 1 });
    await database.close();
  })());
  return async () => {
    shared.lzTemplateUsers = (shared.lzTemplateUsers ?? 1) - 1;
    if (shared.lzTemplateUsers === 0) await dropCopies(ownerUrl, template);
  };
}
