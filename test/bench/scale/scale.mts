// make bench SUITE=scale SIZE=100000: the scale benchmark (issue 12). Creates a throwaway PostgreSQL database on the
// local server (as infra/dev/pg-test-db.sh does), migrates it and seeds the demo hierarchy with the product's own
// code, loads SIZE generated cadres with COPY (population.mts), starts the real server (services/api/src/main.ts) on
// it and measures, as km.officer (the whole city), the searches, the cadre list (first page, deep by offset and by
// cursor) and one whole archive through GraphQL over HTTP, each beside its raw-SQL twin run as the API role with RLS
// (scope set as db/scope.ts sets it) and as the superuser without RLS; the archive also at 8 concurrent against a
// bare Fastify route serving the same JSON. With SIZE ≤ 100,000 the same GraphQL measurements run on PGlite.
// Results replace this size's subsection of `## Scale` in BENCHMARKS.md.
//
// Environment: SIZE (default 100000); PGLITE=0 skips PGlite; KEEP=1 keeps the database and data directory;
// LOAD_ONLY=1 generates and loads without measuring; WARNINGS=0 skips the 廉情预警 part (warnings.mts); BENCH_SUFFIX names the database (default bench_scale:
// lz_test_bench_scale); PGHOST/PGPORT/PGSUPER as for pg-test-db.sh; RUNS (default 30) and SECONDS (per measurement,
// default 20) bound the timed loops; BENCHMARKS_FILE writes elsewhere than BENCHMARKS.md (trial runs).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import pg from 'pg';
import { CompiledQuery, Kysely, PostgresDialect } from 'kysely';
import type { DB } from '../../../services/api/src/db/index.js';
import { setScope } from '../../../services/api/src/db/scope.js';
import { loadConfig, type Config } from '../../../services/api/src/config/index.js';
import { openDatabase } from '../../../services/api/src/db/index.js';
import { seedDemo } from '../../../services/api/src/seed/demo.js';
import { freePort } from '../../helpers/port.js';
import { CATEGORIES } from '../../../services/api/src/modules/records/categories.js';
import { decodeCadreCursor, type CadreKey } from '../../../services/api/src/modules/cadres/cursor.js';
import { checkSearchKeys, loadPopulation, pgliteLoader, psqlLoader } from './population.mjs';
import { measureWarningsGraphql, recomputeAll, recomputeOne, warningRawQueries, type Answer, type Recompute } from './warnings.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..');
const SIZE = Number(process.env.SIZE ?? 100_000);
const RUNS = Number(process.env.RUNS ?? 30);
const BUDGET_S = Number(process.env.SECONDS ?? 20);
const SUFFIX = process.env.BENCH_SUFFIX ?? 'bench_scale';
const KEEP = process.env.KEEP === '1';
const LOAD_ONLY = process.env.LOAD_ONLY === '1';
const WARNINGS = process.env.WARNINGS !== '0';
const PASSWORD = 'Lianzheng@2026';
const SECRETS = {
  FIELD_ENCRYPTION_KEY: 'bench-field-secret-0123456789abcdef0123456789',
  JWT_SECRET: 'bench-jwt-secret-0123456789abcdef0123456789',
  AUDIT_CHAIN_KEY: 'bench-audit-chain-key-0123456789abcdef0123',
  AUDIT_SIGNING_KEY: '3945208f7b2144b13f36e38ac6d39f95889393692860b51a42fb81ef4df7c5b8',
};
const OFFICER = 'km.officer';
const SCOPE = 'yn.km'; // km.officer's scope path (the seed's tenant paths: codeToLabel of each code)
const DEEP = Math.min(50_000, Math.floor(SIZE / 2));
/** Depth of the keyset page inside the one-character search (王 matches about 8 % of cadres). */
const SEARCH_DEEP = Math.min(5_000, Math.floor(SIZE / 40));
const PGHOST = process.env.PGHOST ?? '127.0.0.1';
const PGPORT = process.env.PGPORT ?? '5432';
const superUrl = (db: string) => `postgres://${process.env.PGSUPER ?? 'postgres'}@${PGHOST}:${PGPORT}/${db}`;

const log = (...a: unknown[]) => console.log(`[scale ${new Date().toISOString().slice(11, 19)}]`, ...a);
const ms = (n: number) => (n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(1));
const quantile = (xs: number[], q: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(q * s.length))]; };

/** Run fn until RUNS samples or the time budget (at least 5 samples), after 2 warm-ups; milliseconds. */
async function timed(fn: () => Promise<unknown>, runs = RUNS): Promise<{ p50: number; p95: number; n: number }> {
  for (let i = 0; i < 2; i++) await fn();
  const xs: number[] = [];
  const start = performance.now();
  while (xs.length < runs && (xs.length < 5 || performance.now() - start < BUDGET_S * 1000)) {
    const t = performance.now();
    await fn();
    xs.push(performance.now() - t);
  }
  return { p50: quantile(xs, 0.5), p95: quantile(xs, 0.95), n: xs.length };
}

/** Requests per second of fn at `concurrency` loops for `seconds`. */
async function throughput(fn: () => Promise<unknown>, concurrency = 8, seconds = 10): Promise<number> {
  for (let i = 0; i < 5; i++) await fn();
  let done = 0;
  const end = performance.now() + seconds * 1000;
  const start = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => { while (performance.now() < end) { await fn(); done++; } }));
  return done / ((performance.now() - start) / 1000);
}

async function waitFor(url: string, child: ChildProcess, what: string) {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`${what} exited ${child.exitCode}`);
    try { if ((await fetch(url)).ok) return; } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} did not start`);
}

/** The product's own server (main.ts) as a child process on env; resolves with its base URL. */
async function startServer(env: Record<string, string>): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'services/api/src/main.ts'], {
    cwd: root, stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ...SECRETS, ...env, LZ_MODE: 'demo', PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'silent', DEMO_PASSWORD: PASSWORD,
      LOGIN_RATE_LIMIT: '100000', PG_STATEMENT_TIMEOUT: '300', DB_POOL_SIZE: '10', OTEL_SDK_DISABLED: 'true' },
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/readyz`, child, 'server');
  return { url, stop: () => new Promise<void>((r) => { child.once('exit', () => r()); child.kill('SIGTERM'); }) };
}

// ---- GraphQL -------------------------------------------------------------------------------------------------

async function gql<T = any>(url: string, token: string | null, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json() as { data?: T; errors?: unknown[] };
  if (body.errors?.length || !body.data) throw new Error(`GraphQL: ${JSON.stringify(body.errors).slice(0, 500)}`);
  return body.data;
}

/** The console's cadre-list selection; totalCountIsEstimate when the server has it (issue 12 adds it). */
async function listDocument(url: string, token: string): Promise<string> {
  const t = await gql<{ __type: { fields: { name: string }[] } | null }>(url, token, '{ __type(name: "CadreConnection") { fields { name } } }');
  const estimate = t.__type?.fields.some((f) => f.name === 'totalCountIsEstimate') ? 'totalCountIsEstimate' : '';
  return `query Cadres($offset: Int, $after: String, $filter: CadreFilter) {
    cadres(first: 20, offset: $offset, after: $after, filter: $filter) {
      totalCount ${estimate}
      pageInfo { hasNextPage endCursor }
      edges { cursor node { id name sex birthMonth ethnicity nativePlace education position rank status sortOrder tenant { id code name } unit { id name } } }
    }
  }`;
}

/** The archive page's query (web/src/pages/archive/queries.ts): the cadre and every record with its typed fields. */
function archiveDocument(): string {
  const shape = (t: string, required?: boolean) => `${({ year: 'Int', int: 'Int', bool: 'Boolean' } as Record<string, string>)[t] ?? 'String'}${required ? '!' : ''}`;
  const envelope: Record<string, string> = { id: 'ID!', category: 'Int!', status: 'String!', version: 'Int!' };
  const seen = new Map<string, string>();
  for (const c of CATEGORIES) for (const f of c.fields) if (!seen.has(f.name)) seen.set(f.name, envelope[f.name] ?? shape(f.type, f.required));
  const fragments = CATEGORIES.map((c) => `... on ${c.key[0].toUpperCase()}${c.key.slice(1)}Record { ${c.fields
    .map((f) => (seen.get(f.name) === shape(f.type, f.required) ? f.name : `${c.key}__${f.name}: ${f.name}`)).join(' ')} }`);
  return `query CadreArchive($id: ID!) { cadre(id: $id) {
    id name sex birthMonth ethnicity nativePlace education partyJoin workStart position rank status tenant { name } unit { name }
    records { id category categoryTitle status statusLabel returnReason version enteredBy enteredAt reviewedBy reviewedAt updatedBy
      updatedAt deleted deletedAt deletedBy cadre { id name } materials { id name formedOn pages } ${fragments.join(' ')} } } }`;
}

interface Count { n: number; estimate: boolean }
interface Row {
  what: string; graphql?: { p50: number; p95: number }; matches?: string; raw?: { on: number; off: number }; note?: string;
  /** The page GraphQL returned (ids in order) and its totalCount: the raw twin must return the same page. */
  ids?: string[]; count?: Count;
}
/** The keyset positions GraphQL's cursors named at depth (decoded from its signed endCursor), for the raw twins. */
interface Positions { list?: CadreKey; search?: CadreKey }

/** The 1-minute load average, sampled every 10 s while measuring (the machine may be shared). */
function sampleLoad(): { stop(): string } {
  const xs = [os.loadavg()[0]];
  const t = setInterval(() => xs.push(os.loadavg()[0]), 10_000);
  return { stop: () => { clearInterval(t); return `${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)} on ${os.cpus().length} cores`; } };
}

async function measureGraphql(url: string, rows: Row[], engine: string, archiveIds: string[], cursorKey: string, at: Positions): Promise<{ archiveJson: string; rps?: number }> {
  const token = (await gql<{ login: { accessToken: string } }>(url, null,
    'mutation($u:String!,$p:String!){ login(username:$u,password:$p){ accessToken } }', { u: OFFICER, p: PASSWORD })).login.accessToken;
  const doc = await listDocument(url, token);
  type Page = { cadres: { totalCount: number; totalCountIsEstimate?: boolean; pageInfo: { endCursor: string | null }; edges: { cursor: string; node: { id: string } }[] } };
  const list = (v: Record<string, unknown>) => gql<Page>(url, token, doc, v);
  const add = (what: string, r: { p50: number; p95: number }, page?: Page) => {
    const found = rows.find((x) => x.what === what) ?? rows[rows.push({ what }) - 1];
    found.graphql = r;
    if (page) {
      found.matches = `${page.cadres.totalCountIsEstimate ? '≈ ' : ''}${page.cadres.totalCount.toLocaleString('en-US')}`;
      found.ids = page.cadres.edges.map((e) => e.node.id);
      found.count = { n: page.cadres.totalCount, estimate: Boolean(page.cadres.totalCountIsEstimate) };
    }
    log(engine, what, `p50 ${ms(r.p50)} ms, p95 ${ms(r.p95)} ms`, found.matches ?? '');
  };
  /** The keyset position a cursor names (checked and decoded as the server does: a real keyset cursor, not an offset). */
  const position = (cursor: string | null, search: boolean) => {
    if (!cursor || cursor.startsWith('o:')) throw new Error(`expected a keyset cursor, got ${cursor}`);
    return decodeCadreCursor(cursorKey, cursor, search);
  };
  // The floor under every figure below: HTTP and GraphQL alone, then an authenticated request with its scoped
  // transaction and audit row (the access log: every request writes one) that reads nothing.
  add('floor: { __typename } (HTTP + GraphQL, no login, no database)', await timed(() => gql(url, null, '{ __typename }')));
  add('floor: me (login, scoped transaction, audit row)', await timed(() => gql(url, token, '{ me { __typename } }')));
  for (const q of ['王', '张伟', 'wj']) {
    const v = { filter: { search: q } };
    add(`search ${q}`, await timed(() => list(v)), await list(v));
  }
  // Deep inside the one-character search: the end cursor of the page ending at row SEARCH_DEEP, then `after` it.
  const wang = { search: '王' };
  const wangBefore = await list({ filter: wang, offset: SEARCH_DEEP - 20 });
  const wangCursor = wangBefore.cadres.pageInfo.endCursor;
  at.search = position(wangCursor, true);
  const wangAfter = await list({ filter: wang, after: wangCursor });
  const wangOffset = await list({ filter: wang, offset: SEARCH_DEEP });
  if (JSON.stringify(wangAfter.cadres.edges.map((e) => e.node.id)) !== JSON.stringify(wangOffset.cadres.edges.map((e) => e.node.id))) {
    throw new Error('search 王: the page after the cursor is not the page at the same offset');
  }
  add(`search 王, page after row ${SEARCH_DEEP.toLocaleString('en-US')} by after-cursor`, await timed(() => list({ filter: wang, after: wangCursor })), wangAfter);
  add('list, first page', await timed(() => list({})), await list({}));
  add(`list at offset ${DEEP.toLocaleString('en-US')}`, await timed(() => list({ offset: DEEP })), await list({ offset: DEEP }));
  // The cursor at the same depth: the (signed keyset) end cursor of the page ending at row DEEP, then `after` it.
  const before = await list({ offset: DEEP - 20 });
  const deepCursor = before.cadres.pageInfo.endCursor;
  at.list = position(deepCursor, false);
  const deepPage = await list({ after: deepCursor });
  if (JSON.stringify(deepPage.cadres.edges.map((e) => e.node.id)) !== JSON.stringify(rows.find((r) => r.what.startsWith('list at offset'))!.ids)) {
    throw new Error('list: the page after the deep cursor is not the page at the same offset');
  }
  add(`list at depth ${DEEP.toLocaleString('en-US')} by after-cursor`, await timed(() => list({ after: deepCursor })), deepPage);
  // Walking page after page by cursor from the start: the cost of one step.
  let cursor: string | null = null;
  add('list, next page by after-cursor (walk of 50 pages)', await timed(async () => {
    const p: Page = await list(cursor ? { after: cursor } : {});
    cursor = p.cadres.pageInfo.endCursor;
  }, 50));

  const archiveDoc = archiveDocument();
  const archiveId = archiveIds[0];
  const one = () => gql<{ cadre: { records: unknown[] } }>(url, token, archiveDoc, { id: archiveId });
  const first = await one();
  add(`one whole archive (${first.cadre.records.length} records)`, await timed(one, 100));
  let i = 0;
  const rps = await throughput(() => gql(url, token, archiveDoc, { id: archiveIds[i++ % archiveIds.length] }));
  log(engine, `archive at 8 concurrent: ${rps.toFixed(0)} req/s`);

  if (WARNINGS) {
    await measureWarningsGraphql((q, v) => gql(url, token, q, v), (fn) => timed(fn), (what, r, a?: Answer) => {
      const found = rows.find((x) => x.what === what) ?? rows[rows.push({ what }) - 1];
      found.graphql = r;
      if (a) {
        found.matches = a.matches;
        found.ids = a.ids;
        if (a.count !== undefined) found.count = { n: a.count, estimate: false };
      }
      log(engine, what, `p50 ${ms(r.p50)} ms, p95 ${ms(r.p95)} ms`, found.matches ?? '');
    }, engine);
  }
  return { archiveJson: JSON.stringify({ data: first }), rps };
}

// ---- raw SQL twins ---------------------------------------------------------------------------------------------
//
// The best plain SQL for the same answer as the GraphQL request: the page (20 rows and one more for hasNextPage, in
// docs/search.md's order: tier when searching, then tenant sort key, unit sort order, cadre sort order, id; keyset
// continuation after a cursor's position) and totalCount the way the product counts (exact up to the limit + 1 rows
// read, above it the planner's estimate with the RLS policy's selectivity divided back out). Unlike the product the
// raw search takes the page's 21 keys from the rank index alone (index-only, tenant_id included) and joins only those
// to their cadres, and the raw list picks the page's ids from the order index before joining (a deferred join).

const COLS = 'c.id, c.name, c.sex, c.birth_month, c.ethnicity, c.native_place, c.education, c.position, c.rank, c.status, c.sort_order, '
  + 't.id as tenant_id, t.code as tenant_code, t.name as tenant_name, u.id as unit_id, u.name as unit_name';
const JOIN = 'join tenant t on t.id = c.tenant_id join unit u on u.id = c.unit_id and u.tenant_id = c.tenant_id';
/** The caller's subtree as a range of tenant sort keys (parameter p: app_path_sort_key of the scope path). */
const inRange = (col: string, p: string) => `${col} >= ${p} and ${col} < ${p} || '!'`;

type Trx = Kysely<DB>;
interface RawAnswer { ids: string[]; rows: unknown[]; count: Count }
const exec = async <T,>(trx: Trx, text: string, values: unknown[]) => (await trx.executeQuery<T>(CompiledQuery.raw(text, values))).rows;

/** The product's count: capped exact, else the planner's estimate, corrected for the policy as repo.ts does. */
async function rawCount(trx: Trx, from: string, values: unknown[], table: string, limit: number): Promise<Count> {
  const [{ n }] = await exec<{ n: string }>(trx, `select count(*) as n from (select 1 ${from} limit ${limit + 1}) m`, values);
  if (Number(n) <= limit) return { n: Number(n), estimate: false };
  const planned = async (text: string, v: unknown[]) => {
    const [r] = await exec<{ 'QUERY PLAN': { Plan: { 'Plan Rows': number } }[] }>(trx, `explain (format json) ${text}`, v);
    const json = r['QUERY PLAN'];
    return Number((typeof json === 'string' ? JSON.parse(json) : json)[0].Plan['Plan Rows']);
  };
  let est = await planned(`select 1 ${from}`, values);
  const policy = await planned(`select 1 from ${table}`, []);
  const [{ total }] = await exec<{ total: number }>(trx, `select reltuples::float8 as total from pg_class where oid = '${table}'::regclass`, []);
  if (total > 0 && policy > 0 && policy < total) est = est * (total / policy);
  if (est <= limit) {
    // As repo.ts: the planner guesses fewer rows than were counted; count on up to ten times the limit.
    const wide = limit * 10;
    const [{ m }] = await exec<{ m: string }>(trx, `select count(*) as m from (select 1 ${from} limit ${wide + 1}) w`, values);
    if (Number(m) <= wide) return { n: Number(m), estimate: false };
    return { n: Math.max(wide + 1, Math.round(est)), estimate: true };
  }
  return { n: Math.max(limit + 1, Math.round(est)), estimate: true };
}

function rawQueries(scopeKey: string, at: Positions, limit: number): Record<string, (trx: Trx) => Promise<RawAnswer>> {
  const answer = (rows: Record<string, unknown>[], count: Count): RawAnswer => ({ ids: rows.slice(0, 20).map((r) => String(r.id)), rows: rows.map((r) => Object.values(r)), count });
  const search = (q: string, after?: CadreKey) => async (trx: Trx) => {
    const keyset = after ? 'and (k.tier, k.tenant_sort, k.unit_sort, k.sort_order, k.cadre_id) > ($3::smallint, $4, $5::int, $6::int, $7::uuid)' : '';
    const values = after ? [q, scopeKey, after.tier, after.tenantSort, after.unitSort, after.sortOrder, after.id] : [q, scopeKey];
    const page = await exec<Record<string, unknown>>(trx, `select ${COLS}
      from (select k.tier, k.tenant_sort, k.unit_sort, k.sort_order, k.cadre_id, k.tenant_id from cadre_search_key k
             where k.key = $1 and ${inRange('k.tenant_sort', '$2')} ${keyset}
             order by k.tier, k.tenant_sort, k.unit_sort, k.sort_order, k.cadre_id limit 21) k
      join cadre c on c.tenant_id = k.tenant_id and c.id = k.cadre_id ${JOIN}
      order by k.tier, k.tenant_sort, k.unit_sort, k.sort_order, k.cadre_id`, values);
    return answer(page, await rawCount(trx, `from cadre_search_key k where k.key = $1 and ${inRange('k.tenant_sort', '$2')}`, [q, scopeKey], 'cadre_search_key', limit));
  };
  const list = (o: { offset?: number; after?: CadreKey }) => async (trx: Trx) => {
    const a = o.after;
    const keyset = a ? 'and (c.tenant_sort, c.unit_sort, c.sort_order, c.id) > ($2, $3::int, $4::int, $5::uuid)' : '';
    const values = a ? [scopeKey, a.tenantSort, a.unitSort, a.sortOrder, a.id] : [scopeKey];
    const page = await exec<Record<string, unknown>>(trx, `select ${COLS}
      from (select c.tenant_sort, c.unit_sort, c.sort_order, c.id from cadre c where ${inRange('c.tenant_sort', '$1')} ${keyset}
             order by c.tenant_sort, c.unit_sort, c.sort_order, c.id limit 21 offset ${o.offset ?? 0}) p
      join cadre c on c.id = p.id ${JOIN}
      order by p.tenant_sort, p.unit_sort, p.sort_order, p.id`, values);
    return answer(page, await rawCount(trx, `from cadre c where ${inRange('c.tenant_sort', '$1')}`, [scopeKey], 'cadre', limit));
  };
  return {
    'search 王': search('王'), 'search 张伟': search('张伟'), 'search wj': search('wj'),
    [`search 王, page after row ${SEARCH_DEEP.toLocaleString('en-US')} by after-cursor`]: search('王', at.search!),
    'list, first page': list({}),
    [`list at offset ${DEEP.toLocaleString('en-US')}`]: list({ offset: DEEP }),
    [`list at depth ${DEEP.toLocaleString('en-US')} by after-cursor`]: list({ after: at.list! }),
  };
}

async function measureRaw(apiUrl: string, superDbUrl: string, rows: Row[], at: Positions, exactLimit: number) {
  // One connection each, through Kysely so the scope is set by the product's own setScope (db/scope.ts).
  const open = (url: string) => new Kysely<DB>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1, options: '-c jit=off' }) }) });
  const on = open(apiUrl);
  const off = open(superDbUrl);
  try {
    const scopeKey = SCOPE.split('.').join(' ');
    const queries = rawQueries(scopeKey, at, exactLimit);
    if (WARNINGS) {
      for (const [what, fn] of Object.entries(warningRawQueries(SCOPE))) {
        queries[what] = async (trx) => {
          const a = await fn(async (text, values) => exec(trx, text, values));
          return { ids: a.ids, rows: a.ids, count: { n: a.count ?? 0, estimate: false } };
        };
      }
    }
    for (const [what, fn] of Object.entries(queries)) {
      const run = (db: Kysely<DB>, scoped: boolean) => () => db.transaction().execute(async (trx) => {
        if (scoped) await setScope(trx, SCOPE);
        return fn(trx as unknown as Trx);
      });
      const [aOn, aOff] = [await run(on, true)(), await run(off, false)()];
      if (JSON.stringify(aOn.rows) !== JSON.stringify(aOff.rows)) throw new Error(`${what}: raw SQL with RLS on and off answer differently`);
      const row = rows.find((x) => x.what === what) ?? rows[rows.push({ what }) - 1];
      // The raw twin answers what GraphQL answered: the same page, the same count (exact ones exactly).
      if (row.ids && JSON.stringify(row.ids) !== JSON.stringify(aOn.ids)) {
        throw new Error(`${what}: GraphQL and raw SQL pages differ:\n  graphql ${row.ids.join(' ')}\n  raw     ${aOn.ids.join(' ')}`);
      }
      if (row.count && (row.count.estimate !== aOn.count.estimate || (!row.count.estimate && row.count.n !== aOn.count.n))) {
        throw new Error(`${what}: GraphQL counts ${JSON.stringify(row.count)}, raw SQL ${JSON.stringify(aOn.count)}`);
      }
      if (row.count?.estimate && row.count.n !== aOn.count.n) row.note = `raw estimate ${aOn.count.n.toLocaleString('en-US')}`;
      const rOn = await timed(run(on, true));
      const rOff = await timed(run(off, false));
      row.raw = { on: rOn.p50, off: rOff.p50 };
      log('raw', what, `RLS on ${ms(rOn.p50)} ms, off ${ms(rOff.p50)} ms; count ${aOn.count.estimate ? '≈ ' : ''}${aOn.count.n} (RLS off ${aOff.count.estimate ? '≈ ' : ''}${aOff.count.n})`);
    }
  } finally {
    await on.destroy();
    await off.destroy();
  }
}

// ---- the runs --------------------------------------------------------------------------------------------------

function createDatabase(): Record<string, string> {
  execFileSync(path.join(root, 'infra/dev/pg-test-db.sh'), ['drop', SUFFIX], { stdio: 'inherit' });
  const out = execFileSync(path.join(root, 'infra/dev/pg-test-db.sh'), [SUFFIX], { encoding: 'utf8', env: { ...process.env, PG_STATEMENT_TIMEOUT: '300' } });
  return Object.fromEntries([...out.matchAll(/export (\w+)=(\S+)/g)].map((m) => [m[1], m[2]]));
}

function benchConfig(over: Partial<Config>): Config {
  return loadConfig({
    demoPassword: PASSWORD, fieldSecret: SECRETS.FIELD_ENCRYPTION_KEY, jwtSecret: SECRETS.JWT_SECRET, auditChainKey: SECRETS.AUDIT_CHAIN_KEY,
    auditSigningKey: SECRETS.AUDIT_SIGNING_KEY, ...over,
  });
}

async function runPostgres(): Promise<Section> {
  const env = createDatabase();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lz-bench-pg-'));
  const config = benchConfig({ databaseUrl: env.DATABASE_URL, databaseOwnerUrl: env.DATABASE_OWNER_URL, dataDir });
  log(`PostgreSQL ${env.DATABASE_URL}: migrate and seed`);
  const database = await openDatabase(config, { poolSize: 2 });
  await seedDemo(database.db, PASSWORD);
  await database.close();
  const owner = new pg.Client({ connectionString: env.DATABASE_OWNER_URL });
  await owner.connect();
  // The owner is under forced RLS outside the load: it reads in the root's scope.
  await owner.query(`select set_config('app.tenant_path', 'yn', false)`);
  const q = async <T,>(sql: string) => (await owner.query(sql)).rows as T[];
  log(`load ${SIZE.toLocaleString('en-US')} cadres`);
  const load = await loadPopulation(psqlLoader(env.DATABASE_OWNER_URL, q), { size: SIZE, fieldSecret: config.fieldSecret });
  const keys = await checkSearchKeys(q);
  if (keys.keys !== keys.expected || keys.badOrder || keys.badKeys) throw new Error(`search keys: ${JSON.stringify(keys)}`);
  const [pgVersion] = await q<{ v: string }>('select current_setting(\'server_version\') as v');
  const [counts] = await q<{ visible: string }>(`select count(*) as visible from cadre c join tenant t on t.id = c.tenant_id where t.path <@ '${SCOPE}'`);
  const archives = await archiveCadres(q, load.archiveCadreIds);
  await owner.end();
  log(`loaded in ${load.seconds.toFixed(1)} s: ${load.units} units, ${load.records} records, ${keys.keys.toLocaleString('en-US')} search keys`);

  const rows: Row[] = [];
  const title = `PostgreSQL ${pgVersion.v.split(' ')[0]}, ${SIZE.toLocaleString('en-US')} cadres`;
  const loadLine = `${load.seconds.toFixed(1)} s (COPY, index rebuild, VACUUM ANALYZE): ${SIZE.toLocaleString('en-US')} generated cadres besides the demo's (${Number(counts.visible).toLocaleString('en-US')} in km.officer's scope), ${load.units} extra units, ${keys.keys.toLocaleString('en-US')} search keys, ${load.records.toLocaleString('en-US')} archive records`;
  if (LOAD_ONLY) {
    if (!KEEP) {
      execFileSync(path.join(root, 'infra/dev/pg-test-db.sh'), ['drop', SUFFIX], { stdio: 'inherit' });
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
    return { title, load: `${loadLine}. Measurements not run (LOAD_ONLY=1)`, rows };
  }
  const loadAvg = sampleLoad();
  let warnings: WarningRun | undefined;
  if (WARNINGS) {
    const database = await openDatabase(config, { poolSize: 2 });
    try { warnings = await warningRecompute(database.db, archives, 'pg'); } finally { await database.close(); }
  }
  const at: Positions = {};
  const server = await startServer({ DATABASE_URL: env.DATABASE_URL, DATABASE_OWNER_URL: env.DATABASE_OWNER_URL, LZ_DATA_DIR: dataDir });
  let archive: { archiveJson: string; rps?: number };
  try {
    archive = await measureGraphql(server.url, rows, 'pg', load.archiveCadreIds, config.cursorKey, at);
  } finally {
    await server.stop();
  }
  await measureRaw(env.DATABASE_URL, superUrl(`lz_test_${SUFFIX}`), rows, at, config.exactCountLimit);
  const bare = await measureBare(archive.archiveJson);
  const loadAvgText = loadAvg.stop();
  if (!KEEP) {
    execFileSync(path.join(root, 'infra/dev/pg-test-db.sh'), ['drop', SUFFIX], { stdio: 'inherit' });
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return {
    title, load: loadLine,
    loadAvg: loadAvgText, rows, rps: archive.rps, bare, warnings,
  };
}

/** The archive cadres with their tenants (one cadre's recompute is measured on them). */
async function archiveCadres(q: <T>(sql: string) => Promise<T[]>, ids: string[]): Promise<{ tenant_id: string; id: string }[]> {
  return ids.length ? q(`select tenant_id, id from cadre where id in (${ids.map((i) => `'${i}'`).join(',')})`) : [];
}

interface WarningRun { first: Recompute; again: Recompute; one?: { p50: number; p95: number } }

/** The full recompute (twice: from the load's empty state, then again over existing hits) and one cadre's recompute. */
async function warningRecompute(db: Kysely<DB>, archives: { tenant_id: string; id: string }[], engine: string): Promise<WarningRun> {
  const first = await recomputeAll(db, 'yn');
  log(engine, `warnings: full recompute ${first.seconds.toFixed(1)} s, ${first.hits.toLocaleString('en-US')} hits from ${first.records.toLocaleString('en-US')} records`);
  const again = await recomputeAll(db, 'yn');
  log(engine, `warnings: full recompute again ${again.seconds.toFixed(1)} s`);
  let i = 0;
  const one = archives.length ? await timed(() => { const a = archives[i++ % archives.length]; return recomputeOne(db, 'yn', a.tenant_id, a.id); }, 100) : undefined;
  if (one) log(engine, `warnings: one cadre's recompute p50 ${ms(one.p50)} ms, p95 ${ms(one.p95)} ms`);
  return { first, again, one };
}

async function measureBare(json: string): Promise<{ p50: number; p95: number; rps: number }> {
  const file = path.join(os.tmpdir(), `lz-bench-archive-${process.pid}.json`);
  fs.writeFileSync(file, json);
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/bench/scale/bare.mts', file, String(port)], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${port}/archive`;
  try {
    await waitFor(url, child, 'bare route');
    const get = async () => { await (await fetch(url)).json(); };
    const r = await timed(get, 100);
    const rps = await throughput(get);
    log(`bare route: p50 ${ms(r.p50)} ms, ${rps.toFixed(0)} req/s`);
    return { ...r, rps };
  } finally {
    child.kill('SIGTERM');
    fs.rmSync(file, { force: true });
  }
}

async function runPGlite(): Promise<Section> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lz-bench-pglite-'));
  const config = benchConfig({ databaseUrl: undefined, databaseOwnerUrl: undefined, dataDir });
  log(`PGlite ${dataDir}: migrate, seed, load`);
  const database = await openDatabase(config, { ownerSession: true });
  await seedDemo(database.db, PASSWORD);
  const pgl = database.pglite!.pg;
  await pgl.exec(`select set_config('app.tenant_path', 'yn', false)`);
  const load = await loadPopulation(pgliteLoader(pgl), { size: SIZE, fieldSecret: config.fieldSecret });
  const keys = await checkSearchKeys(async (sql) => (await pgl.query(sql)).rows as never);
  if (keys.keys !== keys.expected || keys.badOrder || keys.badKeys) throw new Error(`PGlite search keys: ${JSON.stringify(keys)}`);
  const warnings = WARNINGS
    ? await warningRecompute(database.db, await archiveCadres(async (sql) => (await pgl.query(sql)).rows as never, load.archiveCadreIds), 'pglite')
    : undefined;
  await database.close();
  log(`PGlite loaded in ${load.seconds.toFixed(1)} s`);
  const rows: Row[] = [];
  const loadAvg = sampleLoad();
  const server = await startServer({ DATABASE_URL: '', DATABASE_OWNER_URL: '', LZ_DATA_DIR: dataDir });
  let archive;
  try {
    archive = await measureGraphql(server.url, rows, 'pglite', load.archiveCadreIds, config.cursorKey, {});
  } finally {
    await server.stop();
    if (!KEEP) fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return { title: `PGlite, ${SIZE.toLocaleString('en-US')} cadres`, load: `${load.seconds.toFixed(1)} s (COPY from blobs, index rebuild, VACUUM ANALYZE)`, loadAvg: loadAvg.stop(), rows, rps: archive.rps, warnings };
}

// ---- BENCHMARKS.md ---------------------------------------------------------------------------------------------

interface Section { title: string; load: string; loadAvg?: string; rows: Row[]; rps?: number; bare?: { p50: number; p95: number; rps: number }; warnings?: WarningRun }

function render(s: Section): string {
  const ratio = (a?: number, b?: number) => (a && b ? `${(a / b).toFixed(2)}×` : '—');
  if (!s.rows.length) return [`### ${s.title}`, '', `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}. Load: ${s.load}.`, ''].join('\n');
  const lines = [
    `### ${s.title}`, '',
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}${s.loadAvg ? `; load average during the measurements ${s.loadAvg} (other work on the machine)` : ''}. Load: ${s.load}.`, '',
    '| what (km.officer = whole city) | matches | GraphQL p50 / p95 ms | raw SQL p50 ms, RLS on / off | GraphQL / raw | RLS on / off |',
    '|---|---:|---:|---:|---:|---:|',
    ...s.rows.map((r) => `| ${r.what} | ${r.matches ?? ''} | ${r.graphql ? `${ms(r.graphql.p50)} / ${ms(r.graphql.p95)}` : '—'} | ${r.raw ? `${ms(r.raw.on)} / ${ms(r.raw.off)}` : '—'} | ${ratio(r.graphql?.p50, r.raw?.on)} | ${ratio(r.raw?.on, r.raw?.off)} |`),
    '',
  ];
  for (const r of s.rows.filter((x) => x.note)) lines.push(`- ${r.what}: ${r.note}.`);
  if (s.rows.some((x) => x.note)) lines.push('');
  const archive = s.rows.find((r) => r.what.startsWith('one whole archive'));
  if (s.rps) lines.push(`Archive at 8 concurrent: **${s.rps.toFixed(0)} req/s** through GraphQL` +
    (s.bare ? `; a bare Fastify route serving the same JSON: p50 ${ms(s.bare.p50)} / p95 ${ms(s.bare.p95)} ms, **${s.bare.rps.toFixed(0)} req/s** (GraphQL p50 ${ratio(archive?.graphql?.p50, s.bare.p50)} the bare route's, throughput ${(s.rps / s.bare.rps * 100).toFixed(1)} % of it).` : '.'), '');
  const w = s.warnings;
  if (w) lines.push(`Warnings: full recompute of all ${w.first.tenants} tenants' hits in one transaction, **${w.first.seconds.toFixed(1)} s** after the load and ` +
    `**${w.again.seconds.toFixed(1)} s** again over the existing hits (${w.again.hits.toLocaleString('en-US')} hits from ${w.again.records.toLocaleString('en-US')} accepted records)` +
    (w.one ? `; one cadre's recompute with 24 records (what each record save adds to its request): p50 ${ms(w.one.p50)} / p95 ${ms(w.one.p95)} ms.` : '.'), '');
  return lines.join('\n');
}

const INTRO = `## Scale

Written by \`make bench SUITE=scale SIZE=…\` (test/bench/scale/): SIZE generated cadres with realistic names (surname
frequencies, weighted given-name characters), search keys as the product computes them (with the ranking tiers and
copied list order of migration 0016, checked against the product's triggers), valid codes, encrypted ID numbers, and
archive records (20 cadres with 24 records, ~8 % of the rest with 1–4), spread over the demo tenants, loaded with COPY,
then VACUUM ANALYZE. GraphQL goes through the real server (main.ts) over HTTP from another process, logged in as
km.officer; p50/p95 over up to ${RUNS} runs (fewer when slow). Every GraphQL request includes totalCount (exact up to
EXACT_COUNT_LIMIT, else the planner's estimate: ≈). Raw SQL is the best plain query for the same answer: the page plus
one row (hasNextPage) in the same order (search: tier, then list order; keys taken from the rank index alone and only
the page joined to its cadres; list: the page's ids from the order index, then joined) and the count the way the
product counts (capped exact, else EXPLAIN's estimate with the policy's selectivity divided out); run as the API role
with RLS and the scope set by the product's setScope, and as the superuser without RLS. The run fails unless RLS on
and off give the same rows and GraphQL and raw SQL the same page and exact count. Deep paging: by offset, by the
signed keyset \`after\` cursor GraphQL returned at that depth (same page as the offset, checked), and one step of a
cursor walk from the start. The machine is shared: read the ratios more than the milliseconds.

廉情预警 (test/bench/scale/warnings.mts, docs/warnings.md): after the load, every tenant's hits are recomputed in one
transaction as the recompute at start does (one INSERT … SELECT per rule group), then again over the hits just written;
one cadre's recompute (what each record save adds to its request) is timed on the archive cadres. The board, the list
(all colours and 红 alone, with totalCount), the 12-month trend — as of fixed dates inside the generated sanctions'
periods — and the cadre list with its colour tags go through GraphQL with the console's own documents (web/src/gql); each
has a raw twin over warning_hit (the scope's tenant ids first, live cadres by key), and the run fails unless the twin
gives the same counts and page.
`;

function writeBenchmarks(sections: Section[]) {
  const file = path.resolve(root, process.env.BENCHMARKS_FILE ?? 'BENCHMARKS.md');
  let text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmarks\n\nNumbers are written by `make bench`; tests never assert timings.\n\n';
  const start = text.indexOf('## Scale');
  let scale = '';
  if (start >= 0) {
    const end = text.indexOf('\n## ', start + 3);
    scale = end >= 0 ? text.slice(start, end + 1) : text.slice(start);
    text = text.slice(0, start) + (end >= 0 ? text.slice(end + 1) : '');
  }
  // Keep the other sizes' and engines' subsections; replace the ones measured now.
  const subs = new Map<string, string>();
  for (const part of scale.split(/\n(?=### )/).slice(1)) subs.set(part.split('\n')[0], part.trimEnd() + '\n');
  for (const s of sections) subs.set(`### ${s.title}`, render(s));
  // PostgreSQL before PGlite, smaller sizes first.
  const key = (h: string) => `${h.includes('PostgreSQL') ? 0 : 1} ${(h.match(/([\d,]+) cadres/)?.[1] ?? '').replace(/,/g, '').padStart(12, '0')}`;
  const order = [...subs.keys()].sort((a, b) => key(a).localeCompare(key(b)));
  const section = [INTRO, ...order.map((k) => subs.get(k)!)].join('\n');
  fs.writeFileSync(file, text.trimEnd() + '\n\n' + section.trimEnd() + '\n');
}

const sections: Section[] = [await runPostgres()];
if (SIZE <= 100_000 && process.env.PGLITE !== '0' && !LOAD_ONLY) sections.push(await runPGlite());
writeBenchmarks(sections);
for (const s of sections) console.log(render(s));
