// Each isolation policy matters: dropping it, or replacing it with an open one, inside a rolled-back transaction,
// makes an isolation probe fail. The probe runs as the API role with the scope of 五华区 (km-wh).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import type { Database } from '../../services/api/src/db/index.js';
import { openDatabase } from '../../services/api/src/db/index.js';
import { seedDemo } from '../../services/api/src/seed/demo.js';
import { DEMO_PASSWORD, engineName, isPg, testConfig } from '../helpers/db.js';

type Q = (text: string, params?: unknown[]) => Promise<any[]>;
interface OwnerSession { q: Q; close(): Promise<void> }

let database: Database;
let owner: OwnerSession;

async function openOwner(): Promise<OwnerSession> {
  if (isPg) {
    database = await openDatabase(testConfig(), { poolSize: 2 });
    await seedDemo(database.db, DEMO_PASSWORD);
    const client = new pg.Client({ connectionString: testConfig().databaseOwnerUrl });
    await client.connect();
    // The owner may act as the API's group role inside these rolled-back probes.
    const m = await client.query(`select pg_has_role(current_user, 'lz_app', 'member') as m`);
    if (!m.rows[0].m) await client.query('grant lz_app to current_user');
    return { q: async (t, p = []) => (await client.query(t, p as unknown[])).rows, close: () => client.end() };
  }
  database = await openDatabase(testConfig(), { memory: true, ownerSession: true });
  await seedDemo(database.db, DEMO_PASSWORD);
  const pool = database.pglite!;
  const c = await pool.connect();
  return { q: async (t, p = []) => (await c.query(t, p)).rows as any[], close: async () => c.release() };
}

const WH = 'yn.km.km_wh';
let ids: { wh: string; pl: string; whUnit: string; plUnit: string; whCadre: string; plCadre: string };

beforeAll(async () => {
  owner = await openOwner();
  await owner.q('begin');
  await owner.q(`select set_config('app.tenant_path', 'yn', true)`);
  const t = await owner.q(`select code, id from tenant where code in ('km-wh', 'km-pl')`);
  const wh = t.find((r) => r.code === 'km-wh').id, pl = t.find((r) => r.code === 'km-pl').id;
  const whUnit = (await owner.q('select id from unit where tenant_id = $1 limit 1', [wh]))[0].id;
  const plUnit = (await owner.q('select id from unit where tenant_id = $1 limit 1', [pl]))[0].id;
  const whCadre = (await owner.q('select id from cadre where tenant_id = $1 limit 1', [wh]))[0].id;
  const plCadre = (await owner.q('select id from cadre where tenant_id = $1 limit 1', [pl]))[0].id;
  // Audit rows on both sides so the audit probe has something to see or not see.
  await owner.q(`insert into audit_event (tenant_id, operation, kind, outcome) values ($1, 'probe', 'read', 'success'), ($2, 'probe', 'read', 'success')`, [wh, pl]);
  await owner.q('commit');
  ids = { wh, pl, whUnit, plUnit, whCadre, plCadre };
});
afterAll(async () => { await owner?.close(); await database?.close(); });

type Probe = { read: string; own: [string, unknown[]]; foreign: [string, unknown[]] };
const probes = (): Record<string, Probe> => ({
  tenant: {
    read: `select count(*) filter (where path <@ '${WH}') as own, count(*) filter (where not path <@ '${WH}') as foreign from tenant`,
    own: [`insert into tenant (code, name, kind, parent_id, path) values ('km-wh-probe', '探针', 'county_commission', $1, '${WH}.probe')`, [ids.wh]],
    foreign: [`insert into tenant (code, name, kind, parent_id, path) values ('km-pl-probe', '探针', 'county_commission', $1, 'yn.km.km_pl.probe')`, [ids.pl]],
  },
  unit: {
    read: `select count(*) filter (where tenant_id = '${ids.wh}') as own, count(*) filter (where tenant_id <> '${ids.wh}') as foreign from unit`,
    own: [`insert into unit (tenant_id, name) values ($1, '探针单位')`, [ids.wh]],
    foreign: [`insert into unit (tenant_id, name) values ($1, '探针单位')`, [ids.pl]],
  },
  app_user: {
    read: `select count(*) filter (where tenant_id = '${ids.wh}') as own, count(*) filter (where tenant_id <> '${ids.wh}') as foreign from app_user`,
    own: [`insert into app_user (tenant_id, username, display_name, role, password_hash) values ($1, 'km-wh.probe', '探针', 'leader', 'x')`, [ids.wh]],
    foreign: [`insert into app_user (tenant_id, username, display_name, role, password_hash) values ($1, 'km-pl.probe', '探针', 'leader', 'x')`, [ids.pl]],
  },
  cadre: {
    read: `select count(*) filter (where tenant_id = '${ids.wh}') as own, count(*) filter (where tenant_id <> '${ids.wh}') as foreign from cadre`,
    own: [`insert into cadre (tenant_id, unit_id, name) values ($1, $2, '探针')`, [ids.wh, ids.whUnit]],
    foreign: [`insert into cadre (tenant_id, unit_id, name) values ($1, $2, '探针')`, [ids.pl, ids.plUnit]],
  },
  cadre_search_key: {
    read: `select count(*) filter (where tenant_id = '${ids.wh}') as own, count(*) filter (where tenant_id <> '${ids.wh}') as foreign from cadre_search_key`,
    own: [`insert into cadre_search_key (tenant_id, cadre_id, key) values ($1, $2, 'probe')`, [ids.wh, ids.whCadre]],
    foreign: [`insert into cadre_search_key (tenant_id, cadre_id, key) values ($1, $2, 'probe')`, [ids.pl, ids.plCadre]],
  },
  audit_event: {
    read: `select count(*) filter (where tenant_id = '${ids.wh}') as own, count(*) filter (where tenant_id <> '${ids.wh}') as foreign from audit_event`,
    own: [`insert into audit_event (tenant_id, operation, kind, outcome) values ($1, 'probe', 'read', 'success')`, [ids.wh]],
    foreign: [`insert into audit_event (tenant_id, operation, kind, outcome) values ($1, 'probe', 'read', 'success')`, [ids.pl]],
  },
});

/** Inside the open transaction: become the API role with km-wh's scope and check isolation on one table. */
async function probe(table: string): Promise<{ ok: boolean; own: number; foreign: number; ownInsert: boolean; foreignInsert: boolean }> {
  const p = probes()[table];
  await owner.q('set local role lz_app');
  await owner.q(`select set_config('app.tenant_path', $1, true)`, [WH]);
  const r = (await owner.q(p.read))[0];
  const tryInsert = async ([text, params]: [string, unknown[]]) => {
    await owner.q('savepoint probe');
    try {
      await owner.q(text, params);
      await owner.q('rollback to savepoint probe');
      return true;
    } catch {
      await owner.q('rollback to savepoint probe');
      return false;
    }
  };
  const ownInsert = await tryInsert(p.own);
  const foreignInsert = await tryInsert(p.foreign);
  const own = Number(r.own), foreign = Number(r.foreign);
  return { ok: own > 0 && foreign === 0 && ownInsert && !foreignInsert, own, foreign, ownInsert, foreignInsert };
}

async function inRolledBack<T>(fn: () => Promise<T>): Promise<T> {
  await owner.q('begin');
  try {
    return await fn();
  } finally {
    await owner.q('rollback');
  }
}

describe(`isolation probes against dropped policies (${engineName})`, () => {
  it('with every policy in place, every probe holds', async () => {
    for (const table of Object.keys(probes())) {
      const r = await inRolledBack(() => probe(table));
      expect(r, table).toMatchObject({ ok: true });
    }
  });

  it('dropping any one isolation policy, or opening it, makes its table\'s probe fail', async () => {
    const policies = await inRolledBack(() => owner.q(
      `select tablename, policyname, cmd from pg_policies where schemaname = 'public' and 'public' = any(roles::text[]) order by 1, 2`));
    expect(policies.length).toBeGreaterThanOrEqual(6);
    for (const { tablename, policyname, cmd } of policies) {
      expect(Object.keys(probes()), `a probe exists for ${tablename}`).toContain(tablename);
      const dropped = await inRolledBack(async () => {
        await owner.q(`drop policy ${policyname} on ${tablename}`);
        return probe(tablename);
      });
      expect(dropped.ok, `drop ${policyname} on ${tablename}: ${JSON.stringify(dropped)}`).toBe(false);
      const opened = await inRolledBack(async () => {
        await owner.q(`drop policy ${policyname} on ${tablename}`);
        const clause = cmd === 'SELECT' ? 'using (true)' : cmd === 'INSERT' ? 'with check (true)' : 'using (true) with check (true)';
        await owner.q(`create policy ${policyname}_open on ${tablename} for ${cmd.toLowerCase()} ${clause}`);
        return probe(tablename);
      });
      expect(opened.ok, `open ${policyname} on ${tablename}: ${JSON.stringify(opened)}`).toBe(false);
      expect(opened.foreign > 0 || opened.foreignInsert, `opening ${policyname} leaks`).toBe(true);
    }
  });
});
