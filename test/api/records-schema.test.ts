// The category spec (modules/records/categories.ts) and the migration agree: every category table has exactly the
// spec's columns, in order, with the spec's requiredness and SQL types, and enum checks that admit exactly its options.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { CATEGORIES, categoryTable, ENVELOPE_FIELDS, type FieldType } from '../../services/api/src/modules/records/categories.js';
import { withScope } from '../../services/api/src/db/scope.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { engineName } from '../helpers/db.js';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

const SQL_TYPE: Record<FieldType, string> = {
  date: 'date', year: 'smallint', text: 'text', longtext: 'text', enum: 'text', money: 'numeric', decimal: 'numeric', int: 'integer', bool: 'boolean',
};

describe(`category tables match the spec (${engineName})`, () => {
  it('columns, types and requiredness', async () => {
    const rows = await withScope(t.database.db, 'yn', async (trx) => (await sql<{ table_name: string; column_name: string; data_type: string; is_nullable: string }>`
      select table_name, column_name, data_type, is_nullable from information_schema.columns
      where table_schema = 'public' and table_name like 'record\\_%' order by table_name, ordinal_position`.execute(trx)).rows);
    for (const cat of CATEGORIES) {
      const cols = rows.filter((r) => r.table_name === categoryTable(cat) && r.column_name !== 'record_id' && r.column_name !== 'tenant_id');
      expect(cols.map((c) => c.column_name), cat.key).toEqual(cat.fields.map((f) => f.column));
      expect(cols.map((c) => [c.data_type, c.is_nullable === 'NO']), cat.key)
        .toEqual(cat.fields.map((f) => [SQL_TYPE[f.type], !!f.required]));
    }
  });

  it('no category field shadows a field of the ArchiveRecord interface', () => {
    for (const cat of CATEGORIES) {
      expect(cat.fields.map((f) => f.name).filter((n) => (ENVELOPE_FIELDS as readonly string[]).includes(n)), cat.key).toEqual([]);
    }
  });

  it('an enum column refuses what is not an option', async () => {
    const officer = await t.login('km-wh.officer');
    const edges = (await t.gql(officer, '{ cadres(first:100){ edges { node { records(category:2){ id } } } } }')).data.cadres.edges;
    const gift = edges.map((e: any) => e.node.records[0]).find(Boolean);
    // Straight at the database (as the API role, in its scope): the check constraint holds even past the API.
    await expect(withScope(t.database.db, 'yn.km.km_wh', (trx) =>
      sql`update record_gift set gift_kind = '红包' where record_id = ${gift.id}`.execute(trx))).rejects.toThrow(/violates check constraint/);
  });
});
