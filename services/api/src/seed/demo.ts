// Seeds the demo hierarchy on first start (demo mode only). Runs through the API role inside the root's scope.
import type { Kysely } from 'kysely';
import type { DB } from '../db/types.js';
import { codeToLabel, withScope } from '../db/scope.js';
import { hashPassword } from '../auth/passwords.js';
import { searchKeys } from '../modules/cadres/search-terms.js';
import { BASIC_FIELDS, storedCode } from '../modules/cadres/fields.js';
import { seedDemoRecords } from './demo-records.js';
import { DEMO_ROLES, DEMO_TENANTS, makeCadres, type DemoUnit } from './demo-data.js';

export async function seedDemo(db: Kysely<DB>, password: string): Promise<{ tenants: number; users: number; cadres: number } | null> {
  const root = DEMO_TENANTS[0];
  return withScope(db, root.code, async (trx) => {
    const existing = await trx.selectFrom('tenant').select('id').where('code', '=', root.code).executeTakeFirst();
    if (existing) return null;
    const hash = await hashPassword(password);
    const ids = new Map<string, { id: string; path: string }>();
    let users = 0;
    let cadres = 0;
    const usedNames = new Set<string>();
    for (const [i, t] of DEMO_TENANTS.entries()) {
      const parent = t.parent ? ids.get(t.parent)! : null;
      const path = parent ? `${parent.path}.${codeToLabel(t.code)}` : codeToLabel(t.code);
      const row = await trx.insertInto('tenant')
        .values({ code: t.code, name: t.name, kind: t.kind, parent_id: parent?.id ?? null, path, sort_order: i })
        .returning('id').executeTakeFirstOrThrow();
      ids.set(t.code, { id: row.id, path });
      await trx.insertInto('app_user').values(DEMO_ROLES.map(([role, label]) => ({
        tenant_id: row.id, username: `${t.code}.${role}`, display_name: `${t.name}${label}`, role, password_hash: hash,
      }))).execute();
      users += DEMO_ROLES.length;

      // Units: a tree with manual order; cadres go to leaf and branch units alike.
      const unitIds: string[] = [];
      const addUnits = async (list: DemoUnit[], parentId: string | null) => {
        for (const [k, un] of list.entries()) {
          const ur = await trx.insertInto('unit').values({ tenant_id: row.id, parent_id: parentId, name: un.name, sort_order: (k + 1) * 10 })
            .returning('id').executeTakeFirstOrThrow();
          unitIds.push(ur.id);
          if (un.children?.length) await addUnits(un.children, ur.id);
        }
      };
      await addUnits(t.units, null);
      // The filler enters records for the first unit (and its sub-units) only.
      const filler = await trx.selectFrom('app_user').select(['id', 'display_name']).where('username', '=', `${t.code}.filler`).executeTakeFirstOrThrow();
      const officer = await trx.selectFrom('app_user').select(['id', 'display_name']).where('username', '=', `${t.code}.officer`).executeTakeFirstOrThrow();
      await trx.insertInto('user_unit').values({ tenant_id: row.id, user_id: filler.id, unit_id: unitIds[0] }).execute();

      const people = makeCadres(t.cadres, 1000 + i * 7919, usedNames);
      const code = (name: string, label: string) => storedCode(BASIC_FIELDS.find((f) => f.name === name)!, label);
      const inserted = await trx.insertInto('cadre').values(people.map((c, k) => {
        const keys = searchKeys(c.name);
        return {
          tenant_id: row.id, unit_id: unitIds[k % unitIds.length], name: c.name, sex: code('sex', c.sex), birth_month: c.birthMonth,
          ethnicity: code('ethnicity', c.ethnicity), native_place: c.nativePlace, party_join: c.partyJoin || null, work_start: c.workStart,
          education: c.education, position: c.position, rank: code('rank', c.rank), status: code('status', c.status)!, sort_order: (k + 1) * 10,
          search_terms: keys.terms, pinyin_keys: keys.pinyinKeys,
        };
      })).returning('id').execute();
      cadres += people.length;
      await seedDemoRecords(trx, row.id, inserted.map((c) => c.id),
        { id: officer.id, name: officer.display_name }, { id: filler.id, name: filler.display_name });
    }
    return { tenants: DEMO_TENANTS.length, users, cadres };
  });
}
