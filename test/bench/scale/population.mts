// The scale benchmark's population: N cadres across the demo hierarchy (seeded by the product's own seed), with
// realistic names, search keys as the product computes them (modules/cadres/search-terms.ts), valid code-table
// values, encrypted and keyed-hashed ID numbers (crypto/fields.ts), extra units, and archive records: ARCHIVE_CADRES
// cadres with two records in each of the twelve categories (24) and a sprinkle of 1–4 records on ~8% of the rest.
//
// Loading goes through a Loader: CSV into COPY (PostgreSQL: one psql session, one transaction, `COPY … FROM STDIN`
// inline; PGlite: `COPY … FROM '/dev/blob'`). Inside the load transaction the tables are NO FORCE ROW LEVEL SECURITY
// (COPY refuses tables whose RLS applies to the caller; the owner is exempt once not forced) and FORCE again before
// commit. The cadres' copied order columns (tenant_sort, unit_sort: migration 0016) are written by the loader with
// the trigger cadre_order_fill disabled, from the product's own app_path_sort_key() of each tenant and the units' sort
// orders; cadre_search_key is filled by one set-based INSERT … SELECT with the sync trigger's own expression
// (cadre_key_tier, cadre_key_name: 0016) while that trigger is disabled. The secondary indexes and foreign keys of both
// tables (as 0016/0017/0019 left them) are dropped for the load and rebuilt from their catalog definitions after it,
// then compared with the catalog again. The same rows, minutes faster than trigger calls per cadre; checkSearchKeys
// verifies them afterwards and the generator test compares them with a cadre inserted the normal way. VACUUM ANALYZE
// at the end: the steady state autovacuum would reach (visibility map set, so index-only scans are index-only).
import crypto from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import type { PGlite } from '@electric-sql/pglite';
import { searchKeys } from '../../../services/api/src/modules/cadres/search-terms.js';
import { encryptField, fieldKeys, keyedHash } from '../../../services/api/src/crypto/fields.js';
import { codeTable } from '../../../services/api/src/modules/codes/tables.js';
import { CATEGORIES, CLOSING_DATES, categoryTable, formOfMeasure, type CategorySpec, type FieldSpec } from '../../../services/api/src/modules/records/categories.js';
import { rng } from '../../../services/api/src/seed/demo-data.js';
import { chineseName } from './names.mjs';

/** Where rows go: SQL statements, COPY of CSV lines, and queries (all in one transaction once begun). */
export interface Loader {
  exec(sql: string): Promise<void>;
  copy(table: string, columns: string[], lines: Iterable<string>): Promise<void>;
  query<T>(sql: string): Promise<T[]>;
  close(): Promise<void>;
}

/** PostgreSQL: reads through pg (queries before the load), writes through one psql session fed on stdin. */
export function psqlLoader(url: string, query: <T>(sql: string) => Promise<T[]>): Loader {
  const child: ChildProcess = spawn('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', url, '-f', '-'], { stdio: ['pipe', 'ignore', 'pipe'] });
  // Both are pipes (stdio above).
  const stdin = child.stdin!;
  let stderr = '';
  child.stderr!.on('data', (d) => { stderr += d; });
  const exited = new Promise<void>((resolve, reject) => child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`psql exited ${code}: ${stderr}`)))));
  exited.catch(() => undefined);
  stdin.on('error', () => undefined);
  const write = async (s: string) => {
    if (child.exitCode !== null) await exited;
    if (!stdin.write(s)) await Promise.race([new Promise((r) => stdin.once('drain', r)), exited]);
  };
  return {
    exec: (sql) => write(sql.trimEnd().endsWith(';') ? `${sql}\n` : `${sql};\n`),
    async copy(table, columns, lines) {
      await write(`copy ${table} (${columns.join(', ')}) from stdin with (format csv);\n`);
      let buf = '';
      for (const l of lines) {
        buf += l + '\n';
        if (buf.length > 1 << 20) { await write(buf); buf = ''; }
      }
      await write(buf + '\\.\n');
    },
    query,
    async close() { stdin.end(); await exited; },
  };
}

/** PGlite (its owner session): COPY from a blob, 20,000 lines at a time. */
export function pgliteLoader(pg: PGlite): Loader {
  return {
    exec: async (sql) => { await pg.exec(sql); },
    async copy(table, columns, lines) {
      let batch: string[] = [];
      const flush = async () => {
        if (!batch.length) return;
        await pg.query(`copy ${table} (${columns.join(', ')}) from '/dev/blob' with (format csv)`, [], { blob: new Blob([batch.join('\n') + '\n']) });
        batch = [];
      };
      for (const l of lines) {
        batch.push(l);
        if (batch.length >= 20_000) await flush();
      }
      await flush();
    },
    query: async <T,>(sql: string) => (await pg.query<T>(sql)).rows,
    close: async () => undefined,
  };
}

const csv = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  const s = Array.isArray(v) ? `{${v.map((x) => `"${String(x).replace(/["\\]/g, (m) => '\\' + m)}"`).join(',')}}` : String(v);
  return /[",\n\r]/.test(s) || s === '' ? `"${s.replace(/"/g, '""')}"` : s;
};
const line = (values: unknown[]) => values.map(csv).join(',');

/** The demo tenants' share of the population (the province keeps a few, the city and its districts most). */
export const TENANT_SHARES: Record<string, number> = {
  yn: 5, km: 10, 'km-wh': 18, 'km-pl': 15, 'km-gd': 15, 'km-pz-jy': 6, 'km-pz-wj': 6, 'km-xc': 3, 'km-qy-ct': 8, 'km-qy-gj': 7, 'km-gx-kmxy': 7,
};
export const ARCHIVE_CADRES = 20;
const SUB_UNITS = ['办公室', '组织人事科', '财务科', '政策法规科', '综合科', '规划科', '监督检查科', '信息中心', '后勤服务中心', '第一分所', '第二分所', '事务中心'];
const POSITIONS = ['局长', '副局长', '主任', '副主任', '科长', '副科长', '科员', '办公室主任', '党组成员', '处长', '副处长', '所长', '站长', '支部书记'];
const PLACES = ['云南昆明', '云南曲靖', '云南大理', '云南玉溪', '云南红河', '云南昭通', '云南楚雄', '四川宜宾', '贵州毕节', '云南保山', '云南文山', '湖南邵阳'];
const SCHOOLS = ['云南大学经济学院经济学专业', '昆明理工大学土木工程专业', '云南师范大学汉语言文学专业', '云南财经大学会计学专业', '中共云南省委党校经济管理专业'];
const EDU = ['大学本科', '大学本科', '大学本科', '硕士研究生', '硕士研究生', '大学专科', '博士研究生'];
const AREA = ['530102', '530103', '530111', '530112', '530113', '530114', '530181', '530302', '532901', '530402'];

/** Codes as stored (migration 0015), excluding the "unknown" entries and the group rows of hierarchical tables. */
function codes(table: string): string[] {
  const t = codeTable(table);
  const groups = new Set(t.items.map((i) => i.parent).filter(Boolean));
  return t.items.filter((i) => !groups.has(i.code) && !/未知|未说明/.test(i.label)).map((i) => i.code);
}
/** The stored code of a label (sex: 男/女 are the tables' short labels). */
function codeOf(table: string, label: string): string {
  const item = codeTable(table).items.find((i) => i.label === label || i.abbr === label);
  if (!item) throw new Error(`no ${label} in ${table}`);
  return item.code;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
function idNumber(area: string, birth: string, seq: number): string {
  const p = `${area}${birth}${String(seq % 1000).padStart(3, '0')}`;
  const sum = ID_WEIGHTS.reduce((a, w, i) => a + w * Number(p[i]), 0);
  return p + '10X98765432'[sum % 11];
}

export interface GenerateOptions { size: number; fieldSecret: string; seed?: number }
export interface LoadReport { cadres: number; units: number; searchKeys: number; records: number; seconds: number; archiveCadreIds: string[] }

/** Generate and load the population; the demo seed must be there (tenants, units, users). */
export async function loadPopulation(loader: Loader, o: GenerateOptions): Promise<LoadReport> {
  const t0 = performance.now();
  const rand = rng(o.seed ?? 20261201);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const keys = fieldKeys(o.fieldSecret);

  const tenants = await loader.query<{ id: string; code: string; sort_key: string }>(`select id, code, app_path_sort_key(path) as sort_key from tenant order by sort_order`);
  const units = await loader.query<{ id: string; tenant_id: string; sort_order: number }>(`select id, tenant_id, sort_order from unit order by tenant_id, sort_order`);
  const officers = await loader.query<{ id: string; tenant_id: string; display_name: string }>(`select id, tenant_id, display_name from app_user where username like '%.officer'`);
  const known = tenants.filter((t) => TENANT_SHARES[t.code]);
  const totalShare = known.reduce((a, t) => a + TENANT_SHARES[t.code], 0);

  // Index and key definitions are read before the load transaction locks the tables.
  const secondary = await dropSecondary(loader, ['cadre', 'cadre_search_key']);
  await loader.exec('begin');
  const tables = ['cadre', 'cadre_search_key', 'unit', 'archive_record', 'record_material', 'record_revision', ...CATEGORIES.map(categoryTable)];
  for (const t of tables) await loader.exec(`alter table ${t} no force row level security`);

  // Units: the seeded ones plus sub-units under them, about one per 250 cadres.
  const unitsByTenant = new Map<string, string[]>();
  const unitSort = new Map<string, number>();
  for (const u of units) {
    unitsByTenant.set(u.tenant_id, [...(unitsByTenant.get(u.tenant_id) ?? []), u.id]);
    unitSort.set(u.id, u.sort_order);
  }
  const newUnits: string[] = [];
  for (const t of known) {
    const parents = unitsByTenant.get(t.id) ?? [];
    const want = Math.floor((o.size * TENANT_SHARES[t.code]) / totalShare / 250);
    for (let k = 0; k < want; k++) {
      const id = crypto.randomUUID();
      const parent = parents[k % parents.length];
      newUnits.push(line([id, t.id, parent, `${SUB_UNITS[k % SUB_UNITS.length]}${k >= SUB_UNITS.length ? Math.floor(k / SUB_UNITS.length) + 1 : ''}`, 1000 + k * 10]));
      unitSort.set(id, 1000 + k * 10);
      unitsByTenant.get(t.id)!.push(id);
    }
  }
  await loader.copy('unit', ['id', 'tenant_id', 'parent_id', 'name', 'sort_order'], newUnits);

  // Cadres, with the key table's indexes and foreign keys off during the load and rebuilt after.
  await secondary.drop();
  await loader.exec('alter table cadre disable trigger cadre_search_key_sync');
  await loader.exec('alter table cadre disable trigger cadre_order_fill');
  const common = { male: codeOf('sex', '男'), female: codeOf('sex', '女'), han: codeOf('ethnicity', '汉族'), serving: codeOf('cadre_status', '在职'), member: codeOf('political_status', '中共党员') };
  const pool = { sex: codes('sex'), ethnicity: codes('ethnicity'), political: codes('political_status'), rank: codes('rank'), status: codes('cadre_status'), mgmt: codes('management_level') };
  const keyCache = new Map<string, { terms: string[]; pinyinKeys: string[] }>();
  const cadreCols = ['id', 'tenant_id', 'unit_id', 'name', 'sex', 'birth_month', 'ethnicity', 'native_place', 'party_join', 'work_start', 'education',
    'position', 'rank', 'status', 'sort_order', 'search_terms', 'pinyin_keys', 'id_number_cipher', 'id_number_hash', 'political_status',
    'management_level', 'birth_place', 'edu_ft_level', 'edu_ft_level_school', 'tenant_sort', 'unit_sort'];
  const picked: { id: string; tenant: string; archive: boolean }[] = [];
  let archiveLeft = ARCHIVE_CADRES;
  function* cadreLines(): Generator<string> {
    let seq = 0;
    for (const t of known) {
      const n = Math.round((o.size * TENANT_SHARES[t.code]) / totalShare);
      const unitIds = unitsByTenant.get(t.id)!;
      for (let k = 0; k < n; k++) {
        const id = crypto.randomUUID();
        const name = chineseName(rand);
        let sk = keyCache.get(name);
        if (!sk) { sk = searchKeys(name); keyCache.set(name, sk); }
        const year = 1962 + Math.floor(rand() * 38);
        const birth = `${year}${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}`;
        const idn = idNumber(pick(AREA), `${birth}${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`, seq++);
        const female = rand() < 0.4;
        const edu = pick(EDU);
        // The archive cadres: in the city's subtree (km.officer sees them), spread over its tenants.
        const archive = t.code !== 'yn' && archiveLeft > 0 && (k === Math.floor(n / 2) || k === Math.floor(n / 3));
        if (archive) archiveLeft--;
        if (archive || rand() < 0.08) picked.push({ id, tenant: t.id, archive });
        const unitId = unitIds[k % unitIds.length];
        yield line([id, t.id, unitId, name, female ? common.female : common.male, birth, rand() < 0.9 ? common.han : pick(pool.ethnicity),
          pick(PLACES), rand() < 0.85 ? `${year + 20 + Math.floor(rand() * 8)}${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}` : null,
          `${year + 21 + Math.floor(rand() * 3)}07`, edu, pick(POSITIONS), pick(pool.rank), rand() < 0.9 ? common.serving : pick(pool.status),
          (k + 1) * 10, sk.terms, sk.pinyinKeys, encryptField(keys, idn), keyedHash(keys, idn), rand() < 0.85 ? common.member : pick(pool.political),
          pick(pool.mgmt), pick(PLACES), edu, pick(SCHOOLS), t.sort_key, unitSort.get(unitId)]);
      }
    }
  }
  await loader.copy('cadre', cadreCols, cadreLines());
  await loader.exec('alter table cadre enable trigger cadre_order_fill');
  // The sync trigger's own statement (migration 0016), for every cadre at once (the seeded ones' rows are rebuilt alike).
  await loader.exec('delete from cadre_search_key');
  await loader.exec(`insert into cadre_search_key (tenant_id, cadre_id, key, tier, tenant_sort, unit_sort, sort_order)
    select c.tenant_id, c.id, s.k, cadre_key_tier(s.k, cadre_key_name(c.name), c.pinyin_keys), c.tenant_sort, c.unit_sort, c.sort_order
      from cadre c, lateral (select distinct k from unnest(c.search_terms) k where k <> '') s`);
  await loader.exec('alter table cadre enable trigger cadre_search_key_sync');
  await secondary.recreate();

  // Archive records: 24 (two per category) for the archive cadres, 1–4 for the sprinkled ones.
  const officerOf = new Map(officers.map((u) => [u.tenant_id, u]));
  const envelope: string[] = [];
  const typed = new Map<CategorySpec, string[]>(CATEGORIES.map((c) => [c, []]));
  const materials: string[] = [];
  const revisions: string[] = [];
  const archiveCadreIds: string[] = [];
  for (const p of picked) {
    const cats = p.archive ? CATEGORIES.flatMap((c) => [c, c]) : Array.from({ length: 1 + Math.floor(rand() * 4) }, () => pick(CATEGORIES));
    if (p.archive) archiveCadreIds.push(p.id);
    const who = officerOf.get(p.tenant)!;
    for (const c of cats) {
      const rid = crypto.randomUUID();
      const accepted = rand() < 0.8;
      const at = new Date(Date.UTC(2020 + Math.floor(rand() * 6), Math.floor(rand() * 12), 1 + Math.floor(rand() * 28))).toISOString();
      envelope.push(line([rid, p.tenant, p.id, c.id, accepted ? 'accepted' : 'pending', who.id, who.display_name, at, who.display_name, at,
        accepted ? who.id : null, accepted ? who.display_name : null, accepted ? at : null]));
      typed.get(c)!.push(line([rid, p.tenant, ...fieldValues(c, rand)]));
      if (rand() < 0.5) materials.push(line([p.tenant, rid, `${c.short}材料`, at.slice(0, 10), 1 + Math.floor(rand() * 8), 0]));
      revisions.push(line([p.tenant, rid, 1, 'create', who.id, who.display_name, at]));
    }
  }
  await loader.copy('archive_record', ['id', 'tenant_id', 'cadre_id', 'category', 'status', 'entered_by', 'entered_by_name', 'entered_at',
    'updated_by_name', 'updated_at', 'reviewed_by', 'reviewed_by_name', 'reviewed_at'], envelope);
  for (const c of CATEGORIES) await loader.copy(categoryTable(c), ['record_id', 'tenant_id', ...c.fields.map((f) => f.column)], typed.get(c)!);
  await loader.copy('record_material', ['tenant_id', 'record_id', 'name', 'formed_on', 'pages', 'sort_order'], materials);
  await loader.copy('record_revision', ['tenant_id', 'record_id', 'version', 'action', 'actor_id', 'actor_name', 'at'], revisions);

  for (const t of tables) await loader.exec(`alter table ${t} force row level security`);
  await loader.exec('commit');
  await loader.exec('vacuum analyze');
  await loader.close();
  await secondary.verify();
  return { cadres: o.size, units: newUnits.length, searchKeys: 0, records: envelope.length, seconds: (performance.now() - t0) / 1000, archiveCadreIds };
}

/** A valid value for each typed field of a category (enums as their codes, as stored). */
function fieldValues(c: CategorySpec, rand: () => number): unknown[] {
  const day = () => `20${String(18 + Math.floor(rand() * 8))}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
  const values = new Map<string, unknown>();
  const value = (f: FieldSpec): unknown => {
    if (!f.required && rand() < 0.3) return null;
    switch (f.type) {
      case 'date': return day();
      case 'year': return 2018 + Math.floor(rand() * 8);
      case 'text': return `${f.label.replace(/（.*?）/g, '')}${Math.floor(rand() * 1000)}`.slice(0, f.max ?? 60);
      case 'longtext': return `关于${f.label}的说明：经核实，情况属实，已按规定处理。`.slice(0, f.max ?? 4000);
      case 'enum': return f.options![Math.floor(rand() * f.options!.length)].code;
      case 'money': return (rand() * 20000).toFixed(2);
      case 'decimal': return (60 + rand() * 40).toFixed(2);
      case 'int': return Math.floor(rand() * 30);
      case 'bool': return rand() < 0.5 ? 't' : 'f';
    }
  };
  for (const f of c.fields) values.set(f.name, value(f));
  // A closing date only with the closed status, not before the record's own date (categories.ts CLOSING_DATES).
  const closing = CLOSING_DATES[c.key];
  if (closing) values.set(closing.date, values.get(closing.status) === closing.closed ? values.get(closing.from) ?? null : null);
  // 四种形态 follows from the measure (categories.ts) as the server derives it.
  if (c.key === 'sanction') {
    const measure = c.fields.find((f) => f.name === 'measure')!.options!.find((x) => x.code === values.get('measure'))!;
    const formLabel = formOfMeasure(measure.label);
    values.set('form', c.fields.find((f) => f.name === 'form')!.options!.find((x) => x.label === formLabel)!.code);
  }
  return c.fields.map((f) => values.get(f.name));
}

/**
 * Read (before the load) the secondary indexes and foreign keys of the tables (and cadre_search_key's primary key: nothing refers to
 * it) as they stand in the catalog (after migrations 0016, 0017 and 0019: keys leading with tenant_id, the order and
 * rank indexes); drop() removes them so a bulk load need not maintain them row by row, recreate() rebuilds each from
 * its saved definition, and verify() (after commit) checks that the catalog holds exactly the same definitions again.
 */
async function dropSecondary(loader: Loader, tables: string[]): Promise<{ drop(): Promise<void>; recreate(): Promise<void>; verify(): Promise<void> }> {
  const list = tables.map((t) => `'${t}'`).join(',');
  const read = async () => ({
    cons: await loader.query<{ tbl: string; name: string; def: string }>(`
      select c.conrelid::regclass::text as tbl, c.conname as name, pg_get_constraintdef(c.oid) as def from pg_constraint c
      where c.conrelid::regclass::text in (${list}) and (c.contype = 'f' or (c.contype = 'p' and c.conrelid = 'cadre_search_key'::regclass))
      order by 1, 2`),
    idx: await loader.query<{ name: string; def: string }>(`
      select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def from pg_index i
      where i.indrelid::regclass::text in (${list}) and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
      order by 1`),
    all: await loader.query<{ def: string }>(`
      select pg_get_indexdef(i.indexrelid) as def from pg_index i where i.indrelid::regclass::text in (${list})
      union all select c.conrelid::regclass::text || ' ' || c.conname || ' ' || pg_get_constraintdef(c.oid) from pg_constraint c
      where c.conrelid::regclass::text in (${list}) order by 1`),
  });
  const before = await read();
  const { cons, idx } = before;
  const drop = async () => {
    for (const c of cons) await loader.exec(`alter table ${c.tbl} drop constraint ${c.name}`);
    for (const i of idx) await loader.exec(`drop index ${i.name}`);
  };
  const recreate = async () => {
    await loader.exec(`set local maintenance_work_mem = '256MB'`);
    for (const c of cons.filter((x) => !x.def.startsWith('FOREIGN'))) await loader.exec(`alter table ${c.tbl} add constraint ${c.name} ${c.def}`);
    for (const i of idx) await loader.exec(i.def);
    for (const c of cons.filter((x) => x.def.startsWith('FOREIGN'))) await loader.exec(`alter table ${c.tbl} add constraint ${c.name} ${c.def}`);
  };
  const verify = async () => {
    const after = await read();
    const a = JSON.stringify(after.all.map((x) => x.def));
    const b = JSON.stringify(before.all.map((x) => x.def));
    if (a !== b) throw new Error(`scale loader: indexes and constraints of ${list} differ after the load:\nbefore ${b}\nafter  ${a}`);
  };
  return { drop, recreate, verify };
}

/**
 * The key table holds exactly the distinct non-empty search terms of every cadre (as the sync trigger would); every
 * cadre's copied order columns are its tenant's sort key and its unit's sort order (badOrder counts the others); and
 * the key rows of a sixteenth of the cadres (ids starting with 0) carry the tier and list order the sync trigger would
 * write (badKeys counts the others).
 */
export async function checkSearchKeys(query: <T>(sql: string) => Promise<T[]>): Promise<{ keys: number; expected: number; badOrder: number; badKeys: number }> {
  const [r] = await query<{ keys: string; expected: string; bad_order: string; bad_keys: string }>(`select
    (select count(*) from cadre_search_key) as keys,
    (select count(*) from cadre c cross join lateral (select distinct unnest(c.search_terms) as k) s where k <> '') as expected,
    (select count(*) from cadre c join tenant t on t.id = c.tenant_id join unit u on u.id = c.unit_id and u.tenant_id = c.tenant_id
      where c.tenant_sort is distinct from app_path_sort_key(t.path) or c.unit_sort is distinct from u.sort_order) as bad_order,
    (select count(*) from cadre c join cadre_search_key k on k.cadre_id = c.id and k.tenant_id = c.tenant_id
      where c.id::text like '0%' and (k.tier, k.tenant_sort, k.unit_sort, k.sort_order)
        is distinct from (cadre_key_tier(k.key, cadre_key_name(c.name), c.pinyin_keys), c.tenant_sort, c.unit_sort, c.sort_order)) as bad_keys`);
  return { keys: Number(r.keys), expected: Number(r.expected), badOrder: Number(r.bad_order), badKeys: Number(r.bad_keys) };
}
