// Vitest global setup. On PostgreSQL: migrate and seed the run's database once; it is then the template of every
// test file's own database (test/setup/file-database.ts). On PGlite every test opens its own in-memory instance,
// started from an image of a migrated and seeded one made here (test/helpers/db.ts).
// Each project (vitest.config.ts) runs the global setup: the work is shared through the main process's globalThis.
import fs from 'node:fs';
import path from 'node:path';
import { openTestDatabase, pgliteImageDir, testConfig } from '../helpers/db.js';
import { databaseOf, dropCopies, onPostgres } from './pg-template.js';

const shared = globalThis as { lzTemplateReady?: Promise<void>; lzTemplateUsers?: number };

export async function setup() {
  if (!onPostgres()) return pgliteSetup();
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

async function pgliteSetup() {
  const dir = pgliteImageDir(process.pid);
  shared.lzTemplateUsers = (shared.lzTemplateUsers ?? 0) + 1;
  await (shared.lzTemplateReady ??= (async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    const database = await openTestDatabase({ image: false });
    const image = await database.pglite!.pg.dumpDataDir('none');
    await database.close();
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'image.tar'), Buffer.from(await image.arrayBuffer()));
    fs.cpSync(testConfig().auditAnchorDir, path.join(dir, 'audit-anchors'), { recursive: true });
  })());
  return () => {
    shared.lzTemplateUsers = (shared.lzTemplateUsers ?? 1) - 1;
    if (shared.lzTemplateUsers === 0) fs.rmSync(dir, { recursive: true, force: true });
  };
}
