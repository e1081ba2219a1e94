// Citus readiness over the catalog (Citus itself is not installed here; infra/SCALING.md). Tables with a tenant_id
// are distributed by it, except the reference and coordinator tables named below. A distributed table needs
// tenant_id NOT NULL, in its primary key and in every unique key/index; a foreign key between distributed tables needs
// tenant_id at the same position on both sides; a distributed table may reference only distributed or reference
// tables, and neither a reference nor a coordinator table may reference a distributed one. Migration 0019 made the
// schema pass; a probe inside a rolled-back transaction shows the check catches each kind of violation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OwnerQuery } from '../../services/api/src/audit/chain.js';
import { engineName, openOwnerDatabase, testConfig } from '../helpers/db.js';

/** Tables with a tenant_id that are not distributed, and why (migration 0019 says the same). */
const REFERENCE_TENANT_TABLES: Record<string, string> = {
  tenant: 'the hierarchy itself: small, read by every scope check on every node; tenant_id is its own id',
  app_user: 'logins find a username before any tenant is known: username stays globally unique (users are few, written rarely)',
  tenant_security: 'one row per tenant; effective settings walk the ancestors on every login (a multi-shard read if distributed)',
};
/** Kept on the coordinator (Citus local tables): the access log is one global chain (SCALING.md: what changes). */
const isCoordinatorTable = (name: string) => name.startsWith('audit_') || name === 'schema_migration';

type Kind = 'distributed' | 'reference' | 'coordinator';

async function violations(q: OwnerQuery): Promise<string[]> {
  const tables = await q(`
    select c.relname as name, a.attnum as tid, a.attnotnull as notnull
      from pg_class c left join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
     where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')`) as { name: string; tid: number | null; notnull: boolean | null }[];
  const byName = new Map(tables.map((t) => [t.name, t]));
  const kind = (name: string): Kind => isCoordinatorTable(name) ? 'coordinator'
    : name in REFERENCE_TENANT_TABLES || byName.get(name)?.tid == null ? 'reference' : 'distributed';
  const out: string[] = [];
  for (const name of Object.keys(REFERENCE_TENANT_TABLES)) {
    if (byName.get(name)?.tid == null) out.push(`${name}: listed as a reference tenant table but has no tenant_id (update the list)`);
  }
  for (const t of tables.filter((x) => kind(x.name) === 'distributed')) {
    if (!t.notnull) out.push(`${t.name}: tenant_id may be null`);
  }
  const keys = await q(`
    select c.conrelid::regclass::text as tbl, c.conname as name, c.contype as type, c.conkey::int[] as cols,
           c.confrelid::regclass::text as ref, c.confkey::int[] as refcols
      from pg_constraint c join pg_class r on r.oid = c.conrelid
     where r.relnamespace = 'public'::regnamespace and c.contype in ('p', 'u', 'x', 'f')`) as
    { tbl: string; name: string; type: string; cols: number[]; ref: string; refcols: number[] | null }[];
  const tid = (name: string) => byName.get(name)?.tid ?? -1;
  for (const t of tables.filter((x) => kind(x.name) === 'distributed')) {
    if (!keys.some((k) => k.tbl === t.name && k.type === 'p')) out.push(`${t.name}: no primary key`);
  }
  for (const k of keys) {
    const from = kind(k.tbl);
    if (k.type !== 'f') {
      if (from === 'distributed' && !k.cols.includes(tid(k.tbl))) out.push(`${k.tbl}: key ${k.name} lacks tenant_id`);
      continue;
    }
    const to = kind(k.ref);
    if (from === 'distributed' && to === 'distributed') {
      const i = k.cols.indexOf(tid(k.tbl));
      if (i < 0 || k.refcols![i] !== tid(k.ref)) out.push(`${k.tbl}: foreign key ${k.name} → ${k.ref} lacks tenant_id on both sides`);
    } else if (from === 'distributed' && to === 'coordinator') {
      out.push(`${k.tbl}: foreign key ${k.name} → coordinator table ${k.ref}`);
    } else if (from !== 'distributed' && to === 'distributed') {
      out.push(`${k.tbl}: foreign key ${k.name} from a ${from} table → distributed ${k.ref}`);
    }
  }
  // Unique indexes behind no constraint (partial or expression ones): tenant_id must be one of their plain columns.
  const indexes = await q(`
    select x.indrelid::regclass::text as tbl, i.relname as name, x.indkey::int2[]::int[] as cols
      from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class r on r.oid = x.indrelid
     where r.relnamespace = 'public'::regnamespace and x.indisunique
       and not exists (select 1 from pg_constraint c where c.conindid = x.indexrelid)`) as { tbl: string; name: string; cols: number[] }[];
  for (const x of indexes) {
    if (kind(x.tbl) === 'distributed' && !x.cols.includes(tid(x.tbl))) out.push(`${x.tbl}: unique index ${x.name} lacks tenant_id`);
  }
  return out.sort();
}

let q: OwnerQuery;
let close: () => Promise<void>;
beforeAll(async () => { ({ q, close } = await openOwnerDatabase(testConfig(), { poolSize: 1, memory: true })); });
afterAll(async () => { await close?.(); });

describe(`Citus readiness: keys and foreign keys carry tenant_id (${engineName})`, () => {
  it('every distributed table has tenant_id in its primary and unique keys and in foreign keys between them', async () => {
    expect(await violations(q)).toEqual([]);
    // The tables the product's data lives in are distributed; the exceptions are the ones named.
    const distributed = (await q(`select c.relname from pg_class c join pg_attribute a on a.attrelid = c.oid
       where c.relnamespace = 'public'::regnamespace and c.relkind = 'r' and a.attname = 'tenant_id'`)).map((r) => (r as { relname: string }).relname);
    expect(distributed).toEqual(expect.arrayContaining(['tenant', 'app_user', 'audit_event', 'cadre', 'unit', 'archive_record', 'user_session', 'cadre_search_key']));
  });

  it('lookups by id alone still have an index (the primary keys now lead with tenant_id)', async () => {
    const rows = await q(`select c.relname as tbl from pg_class c
       where c.relnamespace = 'public'::regnamespace and c.relname in ('cadre', 'unit', 'archive_record', 'user_session', 'import_batch', 'role_grant')
         and exists (select 1 from pg_index x join pg_attribute a on a.attrelid = x.indrelid and a.attnum = x.indkey[0]
                      where x.indrelid = c.oid and a.attname = 'id' and x.indpred is null)
       order by 1`);
    expect(rows.map((r) => (r as { tbl: string }).tbl)).toEqual(['archive_record', 'cadre', 'import_batch', 'role_grant', 'unit', 'user_session']);
  });

  it('the composite keys keep ON DELETE CASCADE and refuse a search key pointing into another tenant (rolled back)', async () => {
    await q('begin');
    try {
      // The seeded tree on PostgreSQL (the owner is under FORCE RLS: scope the whole province); two scratch tenants
      // on PGlite's unseeded database (its owner session is the superuser).
      await q(`select set_config('app.tenant_path', 'yn', true)`);
      if ((await q(`select 1 from unit limit 1`)).length === 0) {
        await q(`insert into tenant (code, name, kind, path) values ('zz-k1', '键测一', 'county_commission', 'zz_k1'),
          ('zz-k2', '键测二', 'county_commission', 'zz_k2')`);
        await q(`insert into unit (tenant_id, name) select id, '键测单位' from tenant where code = 'zz-k1'`);
      }
      const [u] = await q<{ tenant_id: string; id: string }>(`select tenant_id, id from unit order by tenant_id, id limit 1`);
      const [other] = await q<{ id: string }>(`select id from tenant where id <> $1 limit 1`, [u.tenant_id]);
      const [c] = await q<{ id: string }>(`insert into cadre (tenant_id, unit_id, name) values ($1, $2, '键测甲') returning id`, [u.tenant_id, u.id]);
      await q(`insert into cadre_search_key (tenant_id, cadre_id, key) values ($1, $2, 'jcj')`, [u.tenant_id, c.id]);
      await q('savepoint s');
      await expect(q(`insert into cadre_search_key (tenant_id, cadre_id, key) values ($1, $2, 'jcj')`, [other.id, c.id]))
        .rejects.toThrow(/foreign key constraint "cadre_search_key_cadre_id_fkey"/);
      await q('rollback to savepoint s');
      await q(`delete from cadre where tenant_id = $1 and id = $2`, [u.tenant_id, c.id]);
      expect(await q(`select 1 from cadre_search_key where cadre_id = $1`, [c.id])).toEqual([]);
    } finally {
      await q('rollback');
    }
  });

  it('the check catches each kind of violation (probe tables in a rolled-back transaction)', async () => {
    await q('begin');
    try {
      await q(`create table zz_probe_a (tenant_id uuid not null, id uuid, primary key (tenant_id, id), unique (id))`);
      await q(`create table zz_probe_b (tenant_id uuid not null references tenant (id), id uuid primary key,
                 a_id uuid references zz_probe_a (id), purge_id bigint references audit_purge_run (id))`);
      await q(`create table zz_probe_c (tenant_id uuid, code text, tag text)`);
      await q(`create unique index zz_probe_c_code on zz_probe_c (code) where tag is null`);
      await q(`create table zz_probe_d (id uuid primary key, a_tenant uuid not null, a_id uuid,
                 foreign key (a_tenant, a_id) references zz_probe_a (tenant_id, id))`);
      expect((await violations(q)).filter((v) => v.startsWith('zz_'))).toEqual([
        'zz_probe_a: key zz_probe_a_id_key lacks tenant_id',
        'zz_probe_b: foreign key zz_probe_b_a_id_fkey → zz_probe_a lacks tenant_id on both sides',
        'zz_probe_b: foreign key zz_probe_b_purge_id_fkey → coordinator table audit_purge_run',
        'zz_probe_b: key zz_probe_b_pkey lacks tenant_id',
        'zz_probe_c: no primary key',
        'zz_probe_c: tenant_id may be null',
        'zz_probe_c: unique index zz_probe_c_code lacks tenant_id',
        'zz_probe_d: foreign key zz_probe_d_a_tenant_a_id_fkey from a reference table → distributed zz_probe_a',
      ]);
    } finally {
      await q('rollback');
    }
  });
});
