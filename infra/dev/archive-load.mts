// A local probe (not the benchmark suite, test/bench): one whole archive (a cadre with 24 records) through GraphQL,
// as the console asks for it, against an in-process app on PostgreSQL; and a bare Fastify route serving the same
// JSON. 8 concurrent keep-alive clients in a worker thread. Usage (after `eval "$(infra/dev/pg-test-db.sh SUFFIX)"`):
//   npx tsx infra/dev/archive-load.mts [seconds=8] [concurrency=8]
import { Worker } from 'node:worker_threads';
import pg from 'pg';

interface Job { port: number; path: string; body: string | null; token: string | null; seconds: number; concurrency: number; minBytes?: number }

// The client, as plain JavaScript: it runs in a worker thread, which has no TypeScript loader.
const CLIENT = `const http = require('node:http');
const { parentPort, workerData } = require('node:worker_threads');
async function client(job) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.concurrency });
  const once = () => new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = http.request({
      host: '127.0.0.1', port: job.port, path: job.path, method: job.body ? 'POST' : 'GET', agent,
      headers: { ...(job.body ? { 'content-type': 'application/json' } : {}), ...(job.token ? { authorization: \`Bearer \${job.token}\` } : {}) },
    }, (res) => {
      let n = 0;
      res.on('data', (c) => { n += c.length; });
      res.on('end', () => (res.statusCode === 200 && n > (job.minBytes ?? 1000) ? resolve(performance.now() - t0) : reject(new Error(\`status \${res.statusCode} \${n}\`))));
    });
    req.on('error', reject);
    req.end(job.body || undefined);
  });
  const run = async (ms, lat) => {
    const end = performance.now() + ms;
    await Promise.all(Array.from({ length: job.concurrency }, async () => {
      while (performance.now() < end) { const l = await once(); if (lat) lat.push(l); }
    }));
  };
  await run(1500, null);
  const lat = [];
  const t0 = performance.now();
  await run(job.seconds * 1000, lat);
  const secs = (performance.now() - t0) / 1000;
  lat.sort((a, b) => a - b);
  const q = (p) => lat[Math.min(lat.length - 1, Math.floor(p * lat.length))];
  agent.destroy();
  return { n: lat.length, p50: q(0.5), p95: q(0.95), rps: lat.length / secs };
}

client(workerData).then((r) => parentPort.postMessage(r));`;

{
  const seconds = Number(process.argv[2] ?? 8), concurrency = Number(process.argv[3] ?? 8);
  const { testConfig, DEMO_PASSWORD } = await import('../../test/helpers/db.js');
  const { openDatabase } = await import('../../services/api/src/db/index.js');
  const { seedDemo } = await import('../../services/api/src/seed/demo.js');
  const { demoSet, seedDemoRecords } = await import('../../services/api/src/seed/demo-records.js');
  const { withScope } = await import('../../services/api/src/db/scope.js');
  const { buildApp } = await import('../../services/api/src/app.js');
  const { archiveDocs } = await import('../../web/src/pages/archive/queries.js');
  if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL not set (eval "$(infra/dev/pg-test-db.sh SUFFIX)")');
  // PROBE_SQL=1: print the SQL statements of one request (tracing spans) and stop.
  const { InMemorySpanExporter } = await import('@opentelemetry/sdk-trace-base');
  const { startTelemetry } = await import('../../services/api/src/telemetry/index.js');
  const exporter = new InMemorySpanExporter();
  if (process.env.PROBE_SQL) startTelemetry({ exporter });
  const config = testConfig();
  const database = await openDatabase(config, { poolSize: 10 });
  await seedDemo(database.db, DEMO_PASSWORD);
  const owner = new pg.Client({ connectionString: process.env.DATABASE_OWNER_URL });
  await owner.connect();
  // The tables force RLS on their owner too: read in the root's scope.
  const top = async () => (await owner.query(`select set_config('app.tenant_path', 'yn', false); select r.cadre_id, t.id as tenant_id, t.path::text as path, count(*)::int as n from archive_record r join tenant t on t.id = r.tenant_id
    where t.code = 'km' and r.deleted_at is null group by 1, 2 order by 3 desc limit 1`) as unknown as pg.QueryResult[])[1].rows[0] as { cadre_id: string; tenant_id: string; path: string; n: number };
  let c = await top();
  if (c.n < 24) {
    const users = (await owner.query(`select u.id, u.display_name, u.role from app_user u join tenant t on t.id = u.tenant_id
      where t.code = 'km' and u.role in ('officer', 'filler')`)).rows as { id: string; display_name: string; role: string }[];
    const who = (r: string) => { const u = users.find((x) => x.role === r)!; return { id: u.id, name: u.display_name }; };
    await withScope(database.db, c.path, async (trx) => {
      // The city's demo records, all given to this one cadre, until it holds at least 24.
      const records = demoSet().find((d) => d.tenant.code === 'km')!.records.map((r) => ({ ...r, cadre: 0 }));
      await seedDemoRecords(trx, c.tenant_id, [c.cadre_id], who('officer'), who('filler'), records.slice(0, Math.max(0, 24 - c.n)));
    });
    c = await top();
  }
  await owner.end();

  const app = await buildApp(config, database);
  let bare = '';
  app.get('/bare', async (_req, reply) => reply.type('application/json').send(bare));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as { port: number }).port;
  const post = async (token: string | null, query: string, variables: Record<string, unknown> = {}) => {
    const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return res.json() as Promise<any>;
  };
  const token = (await post(null, 'mutation($u:String!,$p:String!){ login(username:$u,password:$p){ accessToken } }', { u: 'km.officer', p: DEMO_PASSWORD })).data.login.accessToken;
  const cats = (await post(token, 'query { recordCategories { id key title short restricted fields { name label type required options max wide } } }')).data.recordCategories;
  const body = JSON.stringify({ query: archiveDocs(cats).cadre, variables: { id: c.cadre_id, includeDeleted: false } });
  const sample = await post(token, archiveDocs(cats).cadre, { id: c.cadre_id, includeDeleted: false });
  if (sample.errors || sample.data.cadre.records.length < 24) throw new Error(`unexpected archive: ${JSON.stringify(sample).slice(0, 300)}`);
  bare = JSON.stringify(sample);
  // The API process's own CPU per request (sequential requests; the database's CPU is not counted).
  {
    const n = 100;
    const cpu0 = process.cpuUsage();
    for (let i = 0; i < n; i++) await post(token, archiveDocs(cats).cadre, { id: c.cadre_id, includeDeleted: false });
    const d = process.cpuUsage(cpu0);
    console.log(`api cpu per request: ${((d.user + d.system) / 1000 / n).toFixed(2)} ms (sequential, incl. this process's fetch client)`);
    if (process.env.PROBE_CPU) {
      const { Session } = await import('node:inspector/promises');
      const session = new Session();
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.start');
      for (let i = 0; i < n; i++) await post(token, archiveDocs(cats).cadre, { id: c.cadre_id, includeDeleted: false });
      const { profile } = await session.post('Profiler.stop');
      (await import('node:fs')).writeFileSync(process.env.PROBE_CPU, JSON.stringify(profile));
      process.exit(0);
    }
  }
  if (process.env.PROBE_SQL) {
    exporter.reset();
    await post(token, archiveDocs(cats).cadre, { id: c.cadre_id, includeDeleted: false });
    for (const sp of exporter.getFinishedSpans().filter((x) => x.name === 'sql')) {
      const ms = sp.duration[0] * 1e3 + sp.duration[1] / 1e6;
      console.log(ms.toFixed(2).padStart(7), String(sp.attributes['db.query.text'] ?? sp.attributes['db.statement'] ?? '').replace(/\s+/g, ' ').slice(0, Number(process.env.PROBE_SQL) > 1 ? 100000 : 160));
    }
    process.exit(0);
  }
  console.log(`cadre ${c.cadre_id}: ${sample.data.cadre.records.length} records, ${bare.length} bytes`);
  const measure = (job: Omit<Job, 'port' | 'seconds' | 'concurrency'>) => new Promise<any>((resolve, reject) => {
    const w = new Worker(CLIENT, { eval: true, workerData: { ...job, port, seconds, concurrency } });
    w.once('message', resolve); w.once('error', reject);
  });
  const fmt = (name: string, r: any) => console.log(`${name.padEnd(8)} n=${r.n} p50=${r.p50.toFixed(1)} ms p95=${r.p95.toFixed(1)} ms ${r.rps.toFixed(0)} req/s (${concurrency} concurrent)`);
  fmt('graphql', await measure({ path: '/graphql', body, token }));
  fmt('bare', await measure({ path: '/bare', body: null, token: null }));
  // The floors of the same server at the same concurrency: GraphQL with no database at all, and `me` (session check,
  // scoped transaction, audit row, nothing read) — what any GraphQL request costs before it reads a record.
  fmt('floor', await measure({ path: '/graphql', body: JSON.stringify({ query: '{ __typename }' }), token: null, minBytes: 10 }));
  fmt('me', await measure({ path: '/graphql', body: JSON.stringify({ query: '{ me { id username displayName roles } }' }), token, minBytes: 10 }));
  await app.close();
  await database.close();
}
