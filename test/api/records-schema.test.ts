// The category spec (modules/records/categories.ts) and the migration agree: every category table has exactly the
// spec's columns, in order, with the spec's requiredness and SQL types, enum checks that admit exactly its options'
// codes, code_label holding exactly the spec's codes and labels (its cadre.* domains: cadre-codes.test.ts), and the
// indexes ledgers and statistics use.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { CATEGORIES, categoryTable, codeDomain, ENVELOPE_FIELDS, type FieldType } from '../../services/api/src/modules/records/categories.js';
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

  it('enum options have stable codes: unique per field, ASCII, and never another option\'s label', () => {
    for (const cat of CATEGORIES) {
      for (const fd of cat.fields.filter((f) => f.type === 'enum')) {
        const codes = fd.options!.map((o) => o.code), labels = fd.options!.map((o) => o.label);
        expect(new Set(codes).size, `${cat.key}.${fd.name}`).toBe(codes.length);
        expect(new Set(labels).size, `${cat.key}.${fd.name}`).toBe(labels.length);
        for (const c of codes) expect(c, `${cat.key}.${fd.name}`).toMatch(/^[a-z0-9_]{1,40}$/);
        expect(codes.filter((c) => labels.includes(c)), `${cat.key}.${fd.name}`).toEqual([]);
      }
    }
  });

  it('each enum column admits exactly its options\' codes, and code_label holds exactly the spec\'s codes and labels', async () => {
    const checks = (await sql<{ table: string; def: string }>`
      select c.conrelid::regclass::text as table, pg_get_constraintdef(c.oid) as def from pg_constraint c
      where c.contype = 'c' and c.conrelid::regclass::text like 'record\\_%'`.execute(t.database.db)).rows;
    const labels = (await withScope(t.database.db, 'yn', async (trx) => (await sql<{ domain: string; code: string; label: string; sort_order: number }>`
      select domain, code, label, sort_order from code_label where domain not like 'cadre.%' and domain not like 'unit.%'`.execute(trx)).rows));
    const want: typeof labels = [];
    for (const cat of CATEGORIES) {
      for (const fd of cat.fields.filter((f) => f.type === 'enum')) {
        const mine = checks.filter((c) => c.table === categoryTable(cat) && new RegExp(`\\(\\(?${fd.column}\\b`).test(c.def));
        expect(mine.length, `${cat.key}.${fd.name}: one check`).toBe(1);
        expect([...mine[0].def.matchAll(/'([^']*)'/g)].map((m) => m[1]).sort(), `${cat.key}.${fd.name}`)
          .toEqual(fd.options!.map((o) => o.code).sort());
        want.push(...fd.options!.map((o, i) => ({ domain: codeDomain(cat, fd), code: o.code, label: o.label, sort_order: i + 1 })));
      }
    }
    const order = (a: { domain: string; sort_order: number }, b: { domain: string; sort_order: number }) =>
      a.domain < b.domain ? -1 : a.domain > b.domain ? 1 : a.sort_order - b.sort_order;
    expect(labels.sort(order)).toEqual(want.sort(order));
  });

  it('each category table is indexed for ledgers and statistics: tenant + date, tenant + each enum (+ date), tenant + money or year', async () => {
    const { rows } = await sql<{ tablename: string; indexdef: string }>`
      select tablename, indexdef from pg_indexes where schemaname = 'public' and tablename like 'record\\_%'`.execute(t.database.db);
    const columns = (def: string) => /\(([^)]*)\)\s*$/.exec(def)![1].split(',').map((c) => c.trim());
    for (const cat of CATEGORIES) {
      const have = rows.filter((r) => r.tablename === categoryTable(cat)).map((r) => columns(r.indexdef).join(','));
      const date = cat.fields.find((f) => f.name === cat.dateField)!.column;
      const want = [`tenant_id,${date}`, ...cat.fields.flatMap((f) =>
        f.type === 'enum' ? [`tenant_id,${f.column},${date}`] : f.type === 'money' || f.type === 'year' ? [`tenant_id,${f.column}`] : [])];
      expect(have, cat.key).toEqual(expect.arrayContaining(want));
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
