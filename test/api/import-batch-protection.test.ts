// Import batches keep no ID number in plain text: a canary number (valid GB 11643 check character) is imported
// through the real upload and confirm routes, and then searched for byte by byte in every file of a file-backed
// PGlite database after a CHECKPOINT (ASCII and UTF-16), and in a pg_dump on PostgreSQL. Batch content is sealed
// while pending and dropped on confirmation and on expiry (the sweep on upload and the timer's sweep); the preview
// shows the number in full to officers only.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { PGlite } from '@electric-sql/pglite';
import { ltree } from '@electric-sql/pglite/contrib/ltree';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../services/api/src/app.js';
import { openDatabase, type Database } from '../../services/api/src/db/index.js';
import { withScope } from '../../services/api/src/db/scope.js';
import { seedDemo } from '../../services/api/src/seed/demo.js';
import { sweepAllBatches } from '../../services/api/src/modules/imports/batches.js';
import { DEMO_PASSWORD, engineName, isPg, openTestDatabase, testConfig } from '../helpers/db.js';
import { idFor } from '../helpers/id-number.js';
import { uploadForms } from '../helpers/app.js';

const rand3 = () => String(Math.floor(Math.random() * 900) + 100);
/** Canaries unique to this run: the cadre's own number, and a family member's in an element this version does not know. */
const CANARY = idFor(`53010219790615${rand3()}`);
const FAMILY_CANARY = idFor(`53010319810203${rand3()}`);
const han = () => '甲乙丙丁戊己庚辛壬癸'[Math.floor(Math.random() * 10)] + '子丑寅卯辰巳午未申酉'[Math.floor(Math.random() * 10)];

const lrmx = (name: string, id: string) => `<?xml version="1.0" encoding="UTF-8"?>\r\n<Person>\r\n  <XingMing>${name}</XingMing>\r\n  <XingBie>男</XingBie>\r\n`
  + `  <ChuShengNianYue>197906</ChuShengNianYue>\r\n  <XianRenZhiWu>五华区某局科员</XianRenZhiWu>\r\n`
  + `  <JiaTingChengYuan><Item><ChengWei>妻子</ChengWei><XingMing>王芳</XingMing><ChuShengRiQi>198102</ChuShengRiQi><ZhengZhiMianMao>群众</ZhengZhiMianMao><GongZuoDanWeiJiZhiWu>教师</GongZuoDanWeiJiZhiWu></Item></JiaTingChengYuan>\r\n`
  + `  <PeiOuShenFenZheng>${FAMILY_CANARY}</PeiOuShenFenZheng>\r\n  <ShenFenZheng>${id}</ShenFenZheng>\r\n</Person>\r\n`;

interface Api { app: FastifyInstance; database: Database }

async function login(a: Api, u: string) {
  const r = await a.app.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json' },
    payload: JSON.stringify({ query: 'mutation($u:String!,$p:String!){ login(username:$u,password:$p){ accessToken } }', variables: { u, p: DEMO_PASSWORD } }) });
  return r.json().data.login.accessToken as string;
}
const upload = (a: Api, token: string, name: string, data: string) => uploadForms(a.app, token, [{ name, data }]);
/** Confirm into the caller's first top-level unit, chosen explicitly (the API never picks a unit itself). */
const confirm = async (a: Api, token: string, batchId: string) => {
  const gql = async (query: string, variables = {}) => (await a.app.inject({ method: 'POST', url: '/graphql', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, payload: JSON.stringify({ query, variables }) })).json();
  const code = (await gql('{ me { tenant { code } } }')).data.me.tenant.code;
  const unitId = (await gql('query($c:String){ units(tenantCode:$c){ id parentId } }', { c: code })).data.units.find((u: any) => !u.parentId)?.id;
  const res = await a.app.inject({ method: 'POST', url: `/api/imports/${batchId}/confirm`, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, payload: JSON.stringify({ unitId }) });
  return { status: res.statusCode, body: res.json() };
};
const batchFiles = (a: Api, id: string) => withScope(a.database.db, 'yn', async (trx) =>
  (await trx.selectFrom('import_batch').select(['files', 'result']).where('id', '=', id).executeTakeFirstOrThrow()));

/**
 * The whole import story: a pending batch, a confirmed one, an expired one. Returns the batch ids. Every row is
 * checked for the canary as it goes.
 */
async function importStory(a: Api) {
  const officer = await login(a, 'km-wh.officer');
  const filler = await login(a, 'km-wh.filler');
  const name = `金丝${han()}`;
  // The officer's preview shows the number in full; a filler's shows only the region code.
  const pending = await upload(a, officer, 'pending.lrmx', lrmx(name, CANARY));
  expect(pending.status).toBe(200);
  expect(pending.body.files[0].fields.ShenFenZheng).toBe(CANARY);
  const byFiller = await upload(a, filler, 'filler.lrmx', lrmx(name, CANARY));
  expect(byFiller.status).toBe(200);
  expect(byFiller.body.files[0].fields.ShenFenZheng).toBe(`${CANARY.slice(0, 6)}************`);
  expect(JSON.stringify(byFiller.body)).not.toContain(CANARY);

  // Pending: sealed, no number in the row.
  const stored = await batchFiles(a, pending.body.batchId);
  expect(stored.files).toMatchObject({ v: 2, count: 1 });
  expect(String((stored.files as { sealed: string }).sealed)).toMatch(/^v1\./);
  expect(JSON.stringify(stored)).not.toContain(CANARY);
  expect(JSON.stringify(stored)).not.toContain(name);

  // Confirmed: the content is gone, the result summary stays; the unknown element carrying a number was not kept.
  const toConfirm = await upload(a, officer, 'confirm.lrmx', lrmx(name, CANARY));
  expect(toConfirm.body.files[0].warnings.join()).toContain('元素 PeiOuShenFenZheng 含有公民身份号码，未导入');
  const done = await confirm(a, officer, toConfirm.body.batchId);
  expect(done.status).toBe(200);
  expect(done.body.cadres).toHaveLength(1);
  const after = await batchFiles(a, toConfirm.body.batchId);
  expect(after.files).toEqual({ v: 2, sealed: null, count: 1 });
  expect(after.result).toMatchObject({ cadres: [{ name }] });
  const extra = await withScope(a.database.db, 'yn', async (trx) =>
    (await trx.selectFrom('cadre').select('extra').where('id', '=', done.body.cadres[0].id).executeTakeFirstOrThrow()).extra);
  expect(JSON.stringify(extra)).not.toContain(FAMILY_CANARY);
  expect(JSON.stringify(extra)).not.toContain('PeiOuShenFenZheng');
  // The archive has the number (encrypted), found by the officer.
  const found = await a.app.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json', authorization: `Bearer ${officer}` },
    payload: JSON.stringify({ query: '{ cadres(first: 50) { edges { node { id idNumber } } } }' }) });
  expect(found.json().data.cadres.edges.find((e: any) => e.node.id === done.body.cadres[0].id).node.idNumber).toBe(CANARY);

  // Expired: the next upload's sweep drops its content; the timer's sweep (all tenants) does the same.
  await withScope(a.database.db, 'yn', (trx) => trx.updateTable('import_batch').set({ expires_at: sql`now() - interval '1 minute'` }).where('id', '=', byFiller.body.batchId).execute());
  expect((await confirm(a, filler, byFiller.body.batchId)).status).toBe(410);
  await upload(a, officer, 'another.lrmx', lrmx(`另一${han()}`, idFor(`53010219800101${rand3()}`)));
  expect((await batchFiles(a, byFiller.body.batchId)).files).toEqual({ v: 2, sealed: null, count: 1 });
  await withScope(a.database.db, 'yn', (trx) => trx.updateTable('import_batch').set({ expires_at: sql`now() - interval '1 minute'` }).where('id', '=', pending.body.batchId).execute());
  expect(await sweepAllBatches(a.database.db)).toBeGreaterThanOrEqual(1);
  expect((await batchFiles(a, pending.body.batchId)).files).toEqual({ v: 2, sealed: null, count: 1 });
  expect((await confirm(a, officer, pending.body.batchId)).status).toBe(410);
  // Long expired rows are deleted.
  await withScope(a.database.db, 'yn', (trx) => trx.updateTable('import_batch').set({ expires_at: sql`now() - interval '8 days'` }).where('id', '=', pending.body.batchId).execute());
  await sweepAllBatches(a.database.db);
  expect(await withScope(a.database.db, 'yn', (trx) => trx.selectFrom('import_batch').select('id').where('id', '=', pending.body.batchId).executeTakeFirst())).toBeUndefined();

  // A pending batch of this story stays sealed when the database files are searched.
  const open = await upload(a, officer, 'left-pending.lrmx', lrmx(name, CANARY));
  expect(open.status).toBe(200);
}

/** Offsets of needle in every file under dir, as ASCII, UTF-16LE and UTF-16BE. */
function findInFiles(dir: string, text: string): string[] {
  const needles = [Buffer.from(text, 'latin1'), Buffer.from(text, 'utf16le'), Buffer.from(text, 'utf16le').swap16()];
  const hits: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) {
        const buf = fs.readFileSync(p);
        needles.forEach((n, i) => { if (buf.indexOf(n) >= 0) hits.push(`${path.relative(dir, p)} (${['ascii', 'utf-16le', 'utf-16be'][i]})`); });
      }
    }
  };
  walk(dir);
  return hits;
}

describe(`import batches keep no ID number in plain text (${engineName})`, () => {
  if (!isPg) {
    let tmp: string;
    let api: Api;
    beforeAll(async () => {
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lz-canary-'));
      const config = testConfig({ dataDir: tmp });
      const database = await openDatabase(config, { memory: false });
      await seedDemo(database.db, DEMO_PASSWORD);
      const app = await buildApp(config, database);
      await app.ready();
      api = { app, database };
    }, 180_000);
    afterAll(async () => {
      await api?.app.close().catch(() => undefined);
      await api?.database.close().catch(() => undefined);
      if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
    });

    it('a file-backed PGlite database holds neither canary in any file after a CHECKPOINT', async () => {
      await importStory(api);
      await api.app.close();
      await api.database.close();
      // Reopen as the owner to force a checkpoint, so every page is on disk (the WAL is searched too).
      const dataDir = path.join(tmp, 'pglite');
      const owner = await PGlite.create({ dataDir, extensions: { ltree, pg_trgm } });
      // The import did reach this database: the cadre is there, with its number encrypted.
      const n = await owner.query<{ n: number }>(`select count(*)::int as n from cadre where name like '金丝%' and id_number_cipher like 'v1.%'`);
      expect(n.rows[0].n).toBeGreaterThan(0);
      await owner.exec('checkpoint');
      await owner.close();
      expect(findInFiles(dataDir, CANARY)).toEqual([]);
      expect(findInFiles(dataDir, FAMILY_CANARY)).toEqual([]);
      // The search does find what is there in plain text: a file name, in the upload's audit row.
      expect(findInFiles(dataDir, 'left-pending.lrmx').length).toBeGreaterThan(0);
    }, 180_000);
  } else {
    let api: Api;
    beforeAll(async () => {
      const database = await openTestDatabase();
      const app = await buildApp(testConfig(), database);
      await app.ready();
      api = { app, database };
    }, 120_000);
    afterAll(async () => { await api?.app.close(); await api?.database.close(); });

    it('a pg_dump of the PostgreSQL database holds neither canary', async () => {
      await importStory(api);
      const url = new URL(process.env.DATABASE_URL!);
      // As the superuser (trust auth on the test server): RLS does not hide rows from it.
      const dump = execFileSync('pg_dump', ['-h', url.hostname, '-p', url.port || '5432', '-U', process.env.PGSUPER ?? 'postgres', '-d', url.pathname.slice(1), '--no-owner'],
        { maxBuffer: 1 << 30 });
      expect(dump.includes(Buffer.from('import_batch'))).toBe(true);
      expect(dump.indexOf(Buffer.from(CANARY))).toBe(-1);
      expect(dump.indexOf(Buffer.from(FAMILY_CANARY))).toBe(-1);
      expect(dump.includes(Buffer.from('left-pending.lrmx'))).toBe(true);
    }, 180_000);
  }
});
