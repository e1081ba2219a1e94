// The SQL reach (authz/reach.ts) and the CASL rules (authz/abilities.ts) say the same thing. For every demo account
// of every demo tenant and every cadre, archive record and unit row: the list query with the reach predicate, run in
// the account's scope, returns the row exactly when RLS lets the account see it and CASL's `can('read', row)` is
// true. Both sides are written out on their own, so a change to either one alone fails here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { asSubject, defineAbilities, type AppAbility } from '../../services/api/src/authz/abilities.js';
import { cadreReach, recordReach, unitReach } from '../../services/api/src/authz/reach.js';
import { loadPrincipal, type Principal } from '../../services/api/src/auth/principal.js';
import { setScope, withScope, type Tx } from '../../services/api/src/db/scope.js';
import { listCadres } from '../../services/api/src/modules/cadres/repo.js';
import { CLOSING_DATES, categoryById, type CategorySpec } from '../../services/api/src/modules/records/categories.js';
import { insertRecord, listRecords, updateEnvelope, type FieldValues } from '../../services/api/src/modules/records/repo.js';
import { listUnits } from '../../services/api/src/modules/units/repo.js';
import { DEMO_ROLES, DEMO_TENANTS } from '../../services/api/src/seed/demo-data.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { engineName } from '../helpers/db.js';

const ROOT = DEMO_TENANTS[0].code;
const ALL_ROWS = 100_000;

interface Account { username: string; principal: Principal; ability: AppAbility }
type Kind = 'Cadre' | 'ArchiveRecord' | 'Unit';
type Row = { id: string } & Record<string, unknown>;
/** The rows of each subject one account's scope admits with and without the reach predicate. */
interface Seen { visible: Record<Kind, Set<string>>; reached: Record<Kind, Set<string>> }

/** A value for every field of a category, from its spec (the extra rows below). */
function sampleFields(cat: CategorySpec): FieldValues {
  const v: FieldValues = {};
  for (const fd of cat.fields) {
    v[fd.name] = fd.type === 'date' ? '2026-05-01' : fd.type === 'year' ? 2026 : fd.type === 'enum' ? fd.options![0].label
      : fd.type === 'money' || fd.type === 'decimal' ? '1.00' : fd.type === 'int' ? 1 : fd.type === 'bool' ? true : '核对用';
  }
  // A closing date only with the closed status (categories.ts CLOSING_DATES): left empty here.
  const closing = CLOSING_DATES[cat.key];
  if (closing) v[closing.date] = null;
  return v;
}

/** Every row of each subject in the scope the transaction is set to, with and without each account's reach. */
async function rowsIn(trx: Tx, p: Principal | null) {
  const cadres = await listCadres(trx, p ? { reach: cadreReach(p) } : {}, ALL_ROWS);
  const records = await listRecords(trx, { includeDeleted: true, ...(p ? { reach: recordReach(p) } : {}) }, ALL_ROWS);
  const units = await listUnits(trx, p ? { reach: unitReach(p) } : {});
  return { Cadre: cadres as unknown as Row[], ArchiveRecord: records as unknown as Row[], Unit: units as unknown as Row[] };
}
const ids = (rows: Record<Kind, Row[]>) => ({
  Cadre: new Set(rows.Cadre.map((r) => r.id)), ArchiveRecord: new Set(rows.ArchiveRecord.map((r) => r.id)), Unit: new Set(rows.Unit.map((r) => r.id)),
});

describe(`SQL reach and CASL agree on every seeded row (${engineName})`, () => {
  let t: TestApp;
  const accounts: Account[] = [];
  let all: Record<Kind, Row[]>;
  const seen = new Map<string, Seen>();
  const extra: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    for (const tn of DEMO_TENANTS) {
      for (const [role] of DEMO_ROLES) {
        const username = `${tn.code}.${role}`;
        const token = await t.login(username);
        const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { sub: string; sid: string };
        const principal = await withScope(t.database.db, null, (trx) => loadPrincipal(trx, { userId: claims.sub, sessionId: claims.sid }));
        if (!principal) throw new Error(`no principal for ${username}`);
        accounts.push({ username, principal, ability: defineAbilities(principal) });
      }
    }
    // A filler whose units were all taken away reaches nothing.
    const filler = accounts.find((a) => a.username === 'km.filler')!;
    const none = { ...filler.principal, unitIds: [] };
    accounts.push({ username: 'km.filler (no units)', principal: none, ability: defineAbilities(none) });

    // One transaction, rolled back at the end: a few extra rows (categories 9 and 12 in a filler's sub-unit, a
    // deleted record, a record outside the filler's units), then every account's view through its own scope.
    await t.database.db.transaction().execute(async (trx) => {
      await setScope(trx, ROOT);
      const wh = await trx.selectFrom('tenant').select('id').where('code', '=', 'km-wh').executeTakeFirstOrThrow();
      const whFiller = accounts.find((a) => a.username === 'km-wh.filler')!.principal;
      const assigned = (await trx.selectFrom('user_unit').select('unit_id').where('user_id', '=', whFiller.userId).execute()).map((r) => r.unit_id);
      const sub = await trx.selectFrom('unit').select('id').where('parent_id', 'in', assigned).orderBy('sort_order').executeTakeFirstOrThrow();
      const cadreIn = async (inside: boolean, unitId?: string) => {
        let q = trx.selectFrom('cadre').select('id').where('tenant_id', '=', wh.id);
        q = unitId ? q.where('unit_id', '=', unitId) : inside ? q.where('unit_id', 'in', whFiller.unitIds) : q.where('unit_id', 'not in', whFiller.unitIds);
        return (await q.orderBy('sort_order').executeTakeFirstOrThrow()).id;
      };
      const add = async (key: string, cadreId: string, category: number) => {
        const cat = categoryById.get(category)!;
        extra[key] = await insertRecord(trx, {
          tenantId: wh.id, cadreId, category: cat, status: 'accepted', actorId: whFiller.userId, actorName: '核对', fields: sampleFields(cat),
        });
      };
      await add('cat9InSubUnit', await cadreIn(true, sub.id), 9);
      await add('cat12InSubUnit', await cadreIn(true, sub.id), 12);
      await add('cat12Outside', await cadreIn(false), 12);
      await add('deleted', await cadreIn(true), 4);
      await updateEnvelope(trx, extra.deleted, null, { deleted_at: sql`now()`, deleted_by_name: '核对' });

      all = await rowsIn(trx, null);
      for (const a of accounts) {
        await setScope(trx, a.principal.tenantPath);
        const visible = ids(await rowsIn(trx, null));
        const reached = ids(await rowsIn(trx, a.principal));
        seen.set(a.username, { visible, reached });
      }
      await setScope(trx, ROOT);
      throw new RolledBack();
    }).catch((e) => { if (!(e instanceof RolledBack)) throw e; });
  });
  afterAll(async () => { await t?.close(); });

  it('the demo has what the comparison needs', () => {
    expect(accounts.length).toBe(DEMO_TENANTS.length * DEMO_ROLES.length + 1);
    expect(all.Cadre.length).toBeGreaterThan(100);
    expect(all.Unit.length).toBeGreaterThan(30);
    const cats = new Set(all.ArchiveRecord.map((r) => r.category));
    for (const c of [8, 9, 12]) expect(cats.has(c), `category ${c}`).toBe(true);
    for (const k of Object.keys(extra)) expect(all.ArchiveRecord.some((r) => r.id === extra[k]), k).toBe(true);
    // A filler with sub-units: its principal's reach is larger than what it was assigned.
    const whFiller = accounts.find((a) => a.username === 'km-wh.filler')!.principal;
    expect(whFiller.unitIds.length).toBeGreaterThan(1);
  });

  for (const kind of ['Cadre', 'ArchiveRecord', 'Unit'] as Kind[]) {
    it(`${kind}: for every account and row, the SQL reach admits the row exactly when RLS shows it and CASL may read it`, () => {
      const mismatches: string[] = [];
      for (const a of accounts) {
        const { visible, reached } = seen.get(a.username)!;
        for (const row of all[kind]) {
          const casl = visible[kind].has(row.id) && a.ability.can('read', asSubject(kind, row));
          const inSql = reached[kind].has(row.id);
          if (casl !== inSql) mismatches.push(`${a.username} ${kind} ${row.id} (unit ${String(row.unit_id ?? row.id)}, category ${String(row.category ?? '-')}): SQL ${inSql}, CASL ${casl}`);
        }
        // The reach only narrows what RLS shows.
        for (const id of reached[kind]) if (!visible[kind].has(id)) mismatches.push(`${a.username} ${kind} ${id}: SQL admits a row RLS hides`);
      }
      expect(mismatches.slice(0, 20), `${mismatches.length} mismatches`).toEqual([]);
    });
  }

  it('the comparison is not empty: each role reaches what its rules say', () => {
    const reached = (u: string, k: Kind) => seen.get(u)!.reached[k];
    const visible = (u: string, k: Kind) => seen.get(u)!.visible[k];
    for (const tn of DEMO_TENANTS) {
      for (const role of ['officer', 'leader'] as const) {
        for (const k of ['Cadre', 'ArchiveRecord', 'Unit'] as Kind[]) expect(reached(`${tn.code}.${role}`, k).size, `${tn.code}.${role} ${k}`).toBe(visible(`${tn.code}.${role}`, k).size);
      }
      for (const role of ['admin', 'secadmin', 'auditor'] as const) {
        expect(reached(`${tn.code}.${role}`, 'Cadre').size).toBe(0);
        expect(reached(`${tn.code}.${role}`, 'ArchiveRecord').size).toBe(0);
      }
      expect(reached(`${tn.code}.admin`, 'Unit').size).toBe(visible(`${tn.code}.admin`, 'Unit').size);
      const filler = `${tn.code}.filler`;
      expect(reached(filler, 'Cadre').size, filler).toBeGreaterThan(0);
      expect(reached(filler, 'Cadre').size, filler).toBeLessThan(visible(filler, 'Cadre').size);
    }
    const wh = 'km-wh.filler';
    expect(reached(wh, 'ArchiveRecord').has(extra.cat12InSubUnit)).toBe(true);
    expect(reached(wh, 'ArchiveRecord').has(extra.deleted)).toBe(true);
    expect(reached(wh, 'ArchiveRecord').has(extra.cat9InSubUnit)).toBe(false);
    expect(reached(wh, 'ArchiveRecord').has(extra.cat12Outside)).toBe(false);
    expect(reached('km-wh.officer', 'ArchiveRecord').has(extra.cat9InSubUnit)).toBe(true);
    const hidden = all.ArchiveRecord.filter((r) => r.category === 8 && seen.get(wh)!.reached.Cadre.has(String(r.cadre_id)));
    expect(hidden.length).toBeGreaterThan(0);
    for (const r of hidden) expect(reached(wh, 'ArchiveRecord').has(r.id)).toBe(false);
    for (const k of ['Cadre', 'ArchiveRecord', 'Unit'] as Kind[]) expect(reached('km.filler (no units)', k).size).toBe(0);
  });
});

class RolledBack extends Error {}
