// make bench SUITE=replies: 廉政审查情况复函 batches (docs/replies.md) — 50 and 500 cadres of one county, each drafted
// from its records (a third with a sanction, a sixth with an open clue), then issued (文号, a category-7 record per
// cadre) and downloaded as .docx, through the real app (GraphQL and REST over fastify.inject), on PostgreSQL (a
// throwaway database on the local server) and on PGlite. Writes the 「## 廉政复函 batches」 section of BENCHMARKS.md.
// Environment: RUNS (default 5) per size; PGLITE=0 skips PGlite; BENCHMARKS_FILE writes elsewhere.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { withScope } from '../../services/api/src/db/scope.js';
import { categoryById } from '../../services/api/src/modules/records/categories.js';
import { fieldsFor } from '../../services/api/src/modules/records/commands.js';
import { insertRecord } from '../../services/api/src/modules/records/repo.js';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const RUNS = Number(process.env.RUNS ?? 5);
const SIZES = [50, 500];
const SUFFIX = 'bench_replies';

interface Row { engine: string; size: number; create: number[]; issue: number[]; docx: number[]; bytes: number }

const ms = (a: bigint) => Number(process.hrtime.bigint() - a) / 1e6;
const p = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

/** One engine, in a child process of its own (the test helpers read DATABASE_URL when imported). */
async function run(engine: 'postgres' | 'pglite'): Promise<Row[]> {
  const { createTestApp } = await import('../helpers/app.js');
  const t = await createTestApp({ poolSize: 4 });
  try {
    const token: string = await t.login('km-wh.officer');
    // 500 cadres of 五华区 in its first unit, with records spread as a county's archive would have them.
    const ids = await withScope(t.database.db, 'yn', async (trx) => {
      const tenant = await trx.selectFrom('tenant').select('id').where('code', '=', 'km-wh').executeTakeFirstOrThrow();
      const unit = await trx.selectFrom('unit').select('id').where('tenant_id', '=', tenant.id).orderBy('sort_order').limit(1).executeTakeFirstOrThrow();
      const rows = await sql<{ id: string }>`
        insert into cadre (tenant_id, unit_id, name, position)
        select ${tenant.id}::uuid, ${unit.id}::uuid, '复函压测' || lpad(g::text, 3, '0'), '科员' from generate_series(1, ${Math.max(...SIZES)}) g
        returning id`.execute(trx);
      const sanction = categoryById.get(10)!, clue = categoryById.get(8)!;
      const actor = { actorId: '00000000-0000-4000-8000-000000000000', actorName: '压测' };
      for (const [i, r] of rows.rows.entries()) {
        if (i % 3 === 0) {
          await insertRecord(trx, { tenantId: tenant.id, cadreId: r.id, category: sanction, status: 'accepted', ...actor,
            fields: fieldsFor(sanction, { sanction: { kind: '党纪处分', measure: '警告', decidedOn: '2026-01-05', issuingBody: '五华区纪委', facts: '压测。' } }) });
        }
        if (i % 6 === 1) {
          await insertRecord(trx, { tenantId: tenant.id, cadreId: r.id, category: clue, status: 'accepted', ...actor,
            fields: fieldsFor(clue, { clue: { receivedOn: '2026-02-01', source: '信访举报', summary: '压测。', disposalMode: '谈话函询', handlingStatus: '办理中' } }) });
        }
      }
      return rows.rows.map((r) => r.id);
    });
    const out: Row[] = [];
    for (const size of SIZES) {
      const row: Row = { engine, size, create: [], issue: [], docx: [], bytes: 0 };
      for (let i = 0; i < RUNS + 1; i++) {
        let t0 = process.hrtime.bigint();
        const made = await t.gql(token, 'mutation($i: CreateReplyRequestInput!){ createReplyRequest(input:$i){ id cadreCount unsuitableCount } }', {
          i: { requester: '中共五华区委组织部', purpose: '选拔任用', asOf: '2026-06-30', cadreIds: ids.slice(0, size) },
        });
        const create = ms(t0);
        if (made.errors || made.data.createReplyRequest.cadreCount !== size) throw new Error(JSON.stringify(made.errors ?? made.data));
        const id = made.data.createReplyRequest.id;
        t0 = process.hrtime.bigint();
        const issued = await t.gql(token, 'mutation($id: ID!){ issueReplyRequest(id:$id){ docNumber } }', { id });
        const issue = ms(t0);
        if (issued.errors) throw new Error(JSON.stringify(issued.errors));
        t0 = process.hrtime.bigint();
        const res = await t.app.inject({ method: 'GET', url: `/api/replies/${id}.docx`, headers: { authorization: `Bearer ${token}` } });
        const docx = ms(t0);
        if (res.statusCode !== 200) throw new Error(`docx ${res.statusCode}`);
        if (i === 0) continue; // warm-up
        row.create.push(create); row.issue.push(issue); row.docx.push(docx); row.bytes = res.rawPayload.length;
        console.log(`${engine} ${size}: create ${create.toFixed(0)} ms, issue ${issue.toFixed(0)} ms, docx ${docx.toFixed(0)} ms`);
      }
      out.push(row);
    }
    return out;
  } finally {
    await t.close();
  }
}

if (process.env.BENCH_ENGINE) {
  const r = await run(process.env.BENCH_ENGINE as 'postgres' | 'pglite');
  fs.writeFileSync(process.env.BENCH_OUT!, JSON.stringify(r));
  process.exit(0);
}

const rows: Row[] = [];
const child = (engine: string, env: NodeJS.ProcessEnv) => {
  const outFile = path.join(os.tmpdir(), `lz-bench-replies-${engine}-${process.pid}.json`);
  const r = spawnSync(process.execPath, [...process.execArgv, new URL(import.meta.url).pathname], {
    stdio: 'inherit', env: { ...env, BENCH_ENGINE: engine, BENCH_OUT: outFile },
  });
  if (r.status !== 0) throw new Error(`${engine} run failed (${r.status})`);
  rows.push(...JSON.parse(fs.readFileSync(outFile, 'utf8')) as Row[]);
  fs.rmSync(outFile, { force: true });
};
execFileSync(path.join(root, 'infra/dev/pg-test-db.sh'), ['drop', SUFFIX], { stdio: 'ignore' });
const out = execFileSync(path.join(root, 'infra/dev/pg-test-db.sh'), [SUFFIX], { encoding: 'utf8' });
const env = Object.fromEntries([...out.matchAll(/export (\w+)=(\S+)/g)].map((m) => [m[1], m[2]]));
try {
  child('postgres', { ...process.env, ...env });
} finally {
  execFileSync(path.join(root, 'infra/dev/pg-test-db.sh'), ['drop', SUFFIX], { stdio: 'inherit' });
}
if (process.env.PGLITE !== '0') {
  const { DATABASE_URL: _u, DATABASE_OWNER_URL: _o, ...rest } = process.env;
  child('pglite', rest);
}

const f = (xs: number[]) => `${p(xs, 0.5).toFixed(0)} / ${p(xs, 0.95).toFixed(0)}`;
const cpu = os.cpus();
const lines = [
  '## 廉政复函 batches',
  '',
  `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC by \`make bench SUITE=replies\` (test/bench/replies.mts) on ${cpu.length} × ${cpu[0]?.model.split(' ').slice(0, 2).join(' ')}, Node ${process.version}; load average ${os.loadavg()[0].toFixed(1)}.`,
  `The officer of 五华区 asks for N of 500 generated cadres (a third with a 党纪警告 inside its period, a sixth with an open 谈话函询 clue) as of 2026-06-30: the request is drafted (createReplyRequest: cadres checked, records read, conclusions and texts written), issued (issueReplyRequest: 文号, a category-7 record per cadre with its revision, the cadres' warnings recomputed) and downloaded (GET /api/replies/{id}.docx), each through the app in-process; p50 / p95 over ${RUNS} runs after one warm-up. The issue's goal: a 50-cadre batch in under 2 seconds.`,
  '',
  '| engine | cadres | draft (create) ms | issue ms | letter (.docx) ms | letter size |',
  '|---|---:|---:|---:|---:|---:|',
  ...rows.map((r) => `| ${r.engine === 'postgres' ? 'PostgreSQL' : 'PGlite'} | ${r.size} | ${f(r.create)} | ${f(r.issue)} | ${f(r.docx)} | ${(r.bytes / 1024).toFixed(0)} KB |`),
  '',
];
const file = path.resolve(root, process.env.BENCHMARKS_FILE ?? 'BENCHMARKS.md');
const old = fs.readFileSync(file, 'utf8');
const marker = '## 廉政复函 batches';
const start = old.indexOf(marker);
const end = start >= 0 ? old.indexOf('\n## ', start + marker.length) : -1;
const text = start < 0 ? `${old.trimEnd()}\n\n${lines.join('\n')}`
  : `${old.slice(0, start)}${lines.join('\n')}${end >= 0 ? `\n${old.slice(end + 1)}` : ''}`;
fs.writeFileSync(file, text.endsWith('\n') ? text : `${text}\n`);
console.log(lines.join('\n'));
