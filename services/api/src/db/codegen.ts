// Database types generated from the migrations (`make schema`): a fresh in-memory PGlite is migrated and
// kysely-codegen introspects it into db/generated.ts. test/api/db-types.test.ts fails when that file is stale.
// Column types follow what both drivers return (db/index.ts sets the parsers): timestamptz and date → Date,
// numeric and int8 → string, jsonb → parsed JSON, arrays (text[], uuid[]) → string[].
import path from 'node:path';
import { Kysely, PostgresDialect as KyselyPostgresDialect } from 'kysely';
import { generate, PostgresDialect } from 'kysely-codegen';
import { PGlite } from '@electric-sql/pglite';
import { ltree } from '@electric-sql/pglite/contrib/ltree';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { repoRoot } from '../config/index.js';
import { migrate } from './migrate.js';
import { PGlitePool, pgliteParsers } from './pglite-pool.js';

export const generatedTypesPath = path.join(repoRoot, 'services', 'api', 'src', 'db', 'generated.ts');

/**
 * jsonb columns are written as JSON text (JSON.stringify: node-postgres would send a JavaScript array as a PostgreSQL
 * array) and read back parsed; those the code only ever writes objects into read as objects.

 */
const JSONB_COLUMNS: Record<string, string> = {
  'audit_event.detail': 'Generated<ColumnType<JsonObject, string, string>>',
  'cadre.extra': 'Generated<ColumnType<JsonObject, string, string>>',
  // A revision's changes: field label → [before, after] (cadres/rows.ts, records/repo.ts, imports/apply.ts).
  'cadre_revision.changes': 'Generated<ColumnType<{ [field: string]: [JsonValue, JsonValue] }, string, string>>',
  'record_revision.changes': 'Generated<ColumnType<{ [field: string]: [JsonValue, JsonValue] }, string, string>>',
  'import_batch.files': 'ColumnType<JsonValue, string, string>',
  'import_batch.result': 'ColumnType<JsonValue, string, string> | null',
};

/** The generated file's text for a migrated database (any Kysely on PostgreSQL or PGlite, preferably as the owner). */
export async function dbTypesOf(db: Kysely<any>): Promise<string> { // eslint-disable-line @typescript-eslint/no-explicit-any
  return generate({
    // kysely-codegen is CommonJS and types its parameter with Kysely's CommonJS declarations: the same class.
    db: db as never,
    dialect: new PostgresDialect({ dateParser: 'timestamp', numericParser: 'string' }),
    // The runner's bookkeeping table is not the application's.
    excludePattern: 'schema_migration',
    outFile: null,
    overrides: { columns: JSONB_COLUMNS },
    typeOnlyImports: true,
  });
}

/** The generated file's text for the migrations in schema/migrations, from a fresh in-memory PGlite. */
export async function generateDbTypes(): Promise<string> {
  const instance = await PGlite.create({ extensions: { ltree, pg_trgm }, parsers: pgliteParsers });
  const pool = new PGlitePool(instance);
  await migrate({
    exec: (q) => pool.exec(q),
    rows: async <T,>(q: string) => (await instance.query<T>(q)).rows,
    query: async <T,>(q: string, params: unknown[] = []) => (await instance.query<T>(q, params)).rows,
  });
  // Untyped: this is what the types are generated from. The pool cast as in db/index.ts (PGlitePool is pg.Pool-shaped).
  const db = new Kysely<any>({ dialect: new KyselyPostgresDialect({ pool: pool as never }) }); // eslint-disable-line @typescript-eslint/no-explicit-any
  try {
    return await dbTypesOf(db);
  } finally {
    await db.destroy();
  }
}
