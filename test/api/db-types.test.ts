// services/api/src/db/generated.ts is generated from the migrations (`make schema`): regenerating it must give the
// committed file, from a fresh PGlite and, on PostgreSQL, from the migrated test database as well.
import fs from 'node:fs';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { dbTypesOf, generateDbTypes, generatedTypesPath } from '../../services/api/src/db/codegen.js';
import { withScope } from '../../services/api/src/db/scope.js';
import { engineName, isPg, openTestDatabase, testConfig } from '../helpers/db.js';

const committed = () => fs.readFileSync(generatedTypesPath, 'utf8');

describe(`generated database types (${engineName})`, () => {
  it('db/generated.ts matches the migrations (stale: run `make schema`)', async () => {
    expect(await generateDbTypes(), 'stale: run `make schema`').toBe(committed());
  });

  it.runIf(isPg)('and matches the migrated PostgreSQL database', async () => {
    await (await openTestDatabase({ poolSize: 1 })).close(); // migrated (and seeded) like every test database
    const db = new Kysely<any>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: testConfig().databaseOwnerUrl, max: 1 }) }) }); // eslint-disable-line @typescript-eslint/no-explicit-any
    try {
      expect(await dbTypesOf(db)).toBe(committed());
    } finally {
      await db.destroy();
    }
  });

  it('the column types are what the driver returns: int8 and numeric as strings, date and timestamptz as Date', async () => {
    const database = await openTestDatabase({ poolSize: 1 });
    const rolledBack = new Error('rolled back');
    try {
      await expect(withScope(database.db, 'yn', async (trx) => {
        const cadre = await trx.selectFrom('cadre').select(['id', 'tenant_id']).limit(1).executeTakeFirstOrThrow();
        const record = await trx.insertInto('archive_record')
          .values({ tenant_id: cadre.tenant_id, cadre_id: cadre.id, category: 2, entered_by_name: '探针' })
          .returning('id').executeTakeFirstOrThrow();
        await trx.insertInto('record_material').values({ tenant_id: cadre.tenant_id, record_id: record.id, name: '探针', formed_on: '2020-01-02' }).execute();
        await trx.insertInto('record_revision').values({ tenant_id: cadre.tenant_id, record_id: record.id, version: 1,
          action: 'create', actor_name: '探针', changes: JSON.stringify({ 金额: [null, '12.50'] }) }).execute();
        const material = await trx.selectFrom('record_material').select(['formed_on']).where('record_id', '=', record.id).executeTakeFirstOrThrow();
        // numeric columns (the category tables' amounts) come back as the driver returns any numeric: text.
        const numeric = await trx.selectNoFrom(sql<string>`12.5::numeric(14,2)`.as('n')).executeTakeFirstOrThrow();
        const rev = await trx.selectFrom('record_revision').select(['id', 'at', 'changes']).where('record_id', '=', record.id).executeTakeFirstOrThrow();
        expect(numeric.n).toBe('12.50');
        expect(material.formed_on).toBeInstanceOf(Date);
        expect(typeof rev.id).toBe('string');
        expect(rev.at).toBeInstanceOf(Date);
        expect(rev.changes).toEqual({ 金额: [null, '12.50'] });
        throw rolledBack;
      })).rejects.toBe(rolledBack);
    } finally {
      await database.close();
    }
  });
});
